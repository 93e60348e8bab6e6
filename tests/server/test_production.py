"""The production path end to end: `radar serve --production` (gunicorn) with the
deployment settings, on the test run's database engine (PostgreSQL in its pass),
behind a simulated TLS proxy: the deployment check, headers, lockout and pages."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.slow
HOST = "radar.example.test"
PASSWORD = "a-production-password-42"


def _env(tmp_path: Path, worker_id: str) -> dict[str, str]:
    # A production environment: none of the test run's RADAR_* settings, nor the browser
    # tests' DJANGO_ALLOW_ASYNC_UNSAFE (which the deployment check refuses).
    inherited = {
        k: v
        for k, v in os.environ.items()
        if (not k.startswith("RADAR_") or k == "RADAR_ENGINE") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env = {
        **inherited,
        "RADAR_DATA_DIR": str(tmp_path / "data"),
        "RADAR_HTTPS": "true",
        "RADAR_PROXY_SSL_HEADER": "true",
        "RADAR_PROXY_COUNT": "1",
        "RADAR_ALLOWED_HOSTS": HOST,
        "RADAR_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "RADAR_LOGIN_FAILURE_LIMIT": "3",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    url = os.environ.get("RADAR_DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rpartition("/")[0], f"radar_production_{worker_id}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        env["RADAR_DATABASE_URL"] = f"{base}/{name}"
    return env


def radar(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radar", *args], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def server(tmp_path: Path, worker_id: str) -> Iterator[tuple[int, dict[str, str]]]:
    env = _env(tmp_path, worker_id)
    assert radar(env, "migrate").returncode == 0
    made = radar(
        env,
        "manage",
        "createsuperuser",
        "--noinput",
        "--username",
        "ops",
        "--email",
        "ops@example.test",
    )
    assert made.returncode == 0, made.stderr
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radar",
            "serve",
            "--production",
            "--port",
            str(port),
            "--processes",
            "2",
            "--threads",
            "2",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the production server did not start"
                time.sleep(0.3)
        yield port, env
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        log.close()


class Browser:
    """A client behind the TLS proxy: HTTPS as the proxy tells it, from one address."""

    def __init__(self, port: int, address: str) -> None:
        self.port, self.address, self.cookies = port, address, {}

    def send(
        self, method: str, path: str, form: dict[str, str] | None = None, proxied: bool = True
    ) -> http.client.HTTPResponse:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": HOST}
        if proxied:
            headers |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}{path}",
            }
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.text = response.read().decode(errors="replace")  # type: ignore[attr-defined]
        for header in response.msg.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        conn.close()
        return response

    def sign_in(self, password: str) -> http.client.HTTPResponse:
        self.send("GET", "/accounts/login/")
        return self.send("POST", "/accounts/login/", {"username": "ops", "password": password})


def test_the_production_server_is_deployable(server: tuple[int, dict[str, str]]) -> None:
    port, env = server
    check = radar(env, "manage", "check", "--deploy", "--fail-level", "WARNING")
    assert check.returncode == 0, check.stderr
    assert "no issues (0 silenced)" in check.stdout

    browser = Browser(port, "203.0.113.7")
    page = browser.send("GET", "/accounts/login/")
    assert page.status == 200 and "gunicorn" in (page.getheader("Server") or "")
    policy = page.getheader("Content-Security-Policy") or ""
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe" not in policy
    assert page.getheader("Strict-Transport-Security") == (
        "max-age=31536000; includeSubDomains; preload"
    )
    csrf_cookie = next(c for c in page.msg.get_all("Set-Cookie") if c.startswith("csrftoken="))
    assert "Secure" in csrf_cookie

    plain = browser.send("GET", "/accounts/login/", proxied=False)
    assert plain.status == 301 and plain.getheader("Location", "").startswith("https://")
    static = browser.send("GET", "/static/radar/radar.css")
    assert static.status == 200 and ".htmx-indicator" in static.text  # type: ignore[attr-defined]

    for _ in range(2):
        assert browser.sign_in("wrong").status == 200
    paused = browser.sign_in("wrong")
    assert paused.status == 429 and "Sign-in paused" in paused.text  # type: ignore[attr-defined]
    assert int(paused.getheader("Retry-After", "0")) > 0
    assert browser.sign_in(PASSWORD).status == 429  # paused even with the right password

    elsewhere = Browser(port, "198.51.100.9")
    signed_in = elsewhere.sign_in(PASSWORD)
    assert signed_in.status == 302
    session = next(c for c in signed_in.msg.get_all("Set-Cookie") if c.startswith("sessionid="))
    assert "Secure" in session and "HttpOnly" in session
    dashboard = elsewhere.send("GET", "/")
    assert dashboard.status == 200
    assert re.search(r"<title>[^<]*Alliance Radar", dashboard.text)  # type: ignore[attr-defined]
