"""gunicorn, configured from `radar serve --production` (docs/operations.md).

Why gunicorn: a pure-Python, long-maintained WSGI server (the app is a
synchronous Django app), with a pre-forking master that restarts crashed
workers; threaded workers (gthread) let requests that wait on the database
overlap. granian is faster on raw requests but is a Rust binary, and the time
here goes to Django and the database, not to the server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication


@dataclass(frozen=True)
class ServerOptions:
    host: str
    port: int
    processes: int
    threads: int
    timeout: int = 120
    access_log: bool = True

    def gunicorn_settings(self) -> dict[str, Any]:
        return {
            "bind": f"{self.host}:{self.port}",
            "workers": self.processes,
            "threads": self.threads,
            "worker_class": "gthread",
            "timeout": self.timeout,
            "graceful_timeout": 30,
            # Restart each process now and then: a slow leak never grows unbounded.
            "max_requests": 5000,
            "max_requests_jitter": 500,
            "accesslog": "-" if self.access_log else None,
            "errorlog": "-",
            # The proxy's X-Forwarded-* headers are read by Django (RADAR_PROXY_*), not here.
            "forwarded_allow_ips": "",
            "proc_name": "alliance-radar",
        }


def default_processes() -> int:
    return max(2, os.cpu_count() or 1)


class RadarServer(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: ServerOptions) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.gunicorn_settings().items():
            if value is not None:
                self.cfg.set(key, value)

    def load(self) -> Any:
        # gunicorn calls this in each worker process, which loads Django there.
        from radar.wsgi import application

        return application


def run(options: ServerOptions) -> None:
    RadarServer(options).run()
