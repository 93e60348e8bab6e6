"""One simulated person for bench.load: an HTTP/1.1 keep-alive session with cookies,
signing in through the login form and sending the requests a person's clicks do.

Standard library only (http.client), so the clients cost little CPU next to the
server they share the machine with.
"""

from __future__ import annotations

import http.client
import json
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Reply:
    status: int
    body: bytes
    seconds: float
    location: str = ""


@dataclass
class Session:
    host: str
    port: int
    timeout: float = 60.0
    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""
    _conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self._conn

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        sent = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=sent)
                response = conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: reconnect once.
                conn.close()
                self._conn = None
                if attempt == 2:
                    raise
        seconds = time.perf_counter() - started
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.getheader("Connection", "").lower() == "close":
            conn.close()
            self._conn = None
        return Reply(response.status, data, seconds, response.getheader("Location", ""))

    def get(self, path: str, **headers: str) -> Reply:
        return self.request("GET", path, headers=headers)

    def post_form(self, path: str, fields: dict[str, str], referer: str) -> Reply:
        body = urlencode({**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{self.host}:{self.port}{referer}",
        }
        return self.request("POST", path, body.encode(), headers)

    def post_json(self, path: str, payload: dict[str, object]) -> Reply:
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}
        return self.request("POST", path, json.dumps(payload).encode(), headers)

    def get_api(self, path: str) -> Reply:
        return self.get(path, Authorization=f"Bearer {self.token}")

    def sign_in(self, username: str, password: str) -> None:
        page = self.get("/accounts/login/")
        if not CSRF_FIELD.search(page.body):
            raise RuntimeError(f"no sign-in form (HTTP {page.status})")
        done = self.post_form(
            "/accounts/login/", {"username": username, "password": password}, "/accounts/login/"
        )
        if done.status != 302:
            raise RuntimeError(f"sign-in as {username} failed (HTTP {done.status})")
