"""A tiny IMAP4rev1 server on 127.0.0.1 for tests: one connection, then it stops.

It answers just what a read-only client needs (CAPABILITY, LOGIN, EXAMINE,
SELECT, UID SEARCH, UID FETCH, CLOSE, LOGOUT) and records every command, so a
test can check that the importer never asked for anything that changes the
mailbox.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from types import TracebackType

TIMEOUT = 10.0


class FakeImap:
    def __init__(self, messages: list[bytes], user: str = "olivia", password: str = "s3cret"):
        self.messages = messages
        self.user, self.password = user, password
        self.commands: list[str] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(TIMEOUT)
        self.port = self._server.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._accepted = threading.Event()

    def __enter__(self) -> FakeImap:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._accepted.is_set():
            # Nobody connected (the test failed earlier): wake accept() so the thread ends.
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(TIMEOUT)
        self._server.close()

    def _serve(self) -> None:
        try:
            conn, _ = self._server.accept()
        except OSError:
            return
        finally:
            self._accepted.set()
        with conn:
            conn.settimeout(TIMEOUT)
            reader = conn.makefile("rb")
            conn.sendall(b"* OK [CAPABILITY IMAP4rev1] fake server ready\r\n")
            try:
                for line in reader:
                    text = line.decode().rstrip("\r\n")
                    self.commands.append(text)
                    tag, _, rest = text.partition(" ")
                    if not self._answer(conn, tag, rest):
                        break
            except OSError:
                return

    def _answer(self, conn: socket.socket, tag: str, rest: str) -> bool:
        verb = rest.split(" ", 1)[0].upper()
        send = conn.sendall
        if verb == "CAPABILITY":
            send(b"* CAPABILITY IMAP4rev1\r\n" + f"{tag} OK done\r\n".encode())
        elif verb == "LOGIN":
            given = rest.split(" ", 2)[2].strip('"')
            ok = rest.split(" ")[1].strip('"') == self.user and given == self.password
            answer = "OK logged in" if ok else "NO [AUTHENTICATIONFAILED] wrong password"
            send(f"{tag} {answer}\r\n".encode())
        elif verb in {"EXAMINE", "SELECT"}:
            mode = "READ-ONLY" if verb == "EXAMINE" else "READ-WRITE"
            send(f"* {len(self.messages)} EXISTS\r\n{tag} OK [{mode}] done\r\n".encode())
        elif rest.upper().startswith("UID SEARCH"):
            uids = " ".join(str(n + 1) for n in range(len(self.messages)))
            send(f"* SEARCH {uids}\r\n{tag} OK done\r\n".encode())
        elif rest.upper().startswith("UID FETCH 1:* (RFC822.SIZE)"):
            for uid, raw in enumerate(self.messages, 1):
                send(f"* {uid} FETCH (UID {uid} RFC822.SIZE {len(raw)})\r\n".encode())
            send(f"{tag} OK done\r\n".encode())
        elif rest.upper().startswith("UID FETCH"):
            wanted = re.match(r"UID FETCH ([\d,]+)", rest, re.IGNORECASE)
            partial = re.search(r"<0\.(\d+)>", rest)
            for uid in (int(u) for u in wanted.group(1).split(",")) if wanted else ():
                raw = self.messages[uid - 1][: int(partial.group(1)) if partial else None]
                item = f"BODY[]<0> {{{len(raw)}}}" if partial else f"BODY[] {{{len(raw)}}}"
                send(f"* {uid} FETCH (UID {uid} {item}\r\n".encode() + raw + b")\r\n")
            send(f"{tag} OK done\r\n".encode())
        elif verb == "CLOSE":
            send(f"{tag} OK closed\r\n".encode())
        elif verb == "LOGOUT":
            send(f"* BYE see you\r\n{tag} OK bye\r\n".encode())
            return False
        else:
            send(f"{tag} BAD unknown command\r\n".encode())
        return True
