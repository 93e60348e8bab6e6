"""`radar manage check --deploy` with production settings: 0 warnings (a fresh process,
since settings are read from the environment once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PRODUCTION = {
    "RADAR_HTTPS": "true",
    "RADAR_PROXY_SSL_HEADER": "true",
    "RADAR_ALLOWED_HOSTS": "radar.example.com",
    "RADAR_CSRF_TRUSTED_ORIGINS": "https://radar.example.com",
}


def check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # Not the test run's own switches: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE,
    # which the deployment check rightly refuses.
    dropped = ("RADAR_SECRET_KEY", "RADAR_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    inherited = {k: v for k, v in os.environ.items() if k not in dropped}
    environment = {**inherited, "RADAR_DATA_DIR": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-m", "radar", "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_check(tmp_path: Path) -> None:
    done = check_deploy(tmp_path, **PRODUCTION)
    assert done.returncode == 0, done.stderr
    assert "no issues (0 silenced)" in done.stdout


def test_without_https_settings_the_check_names_what_is_missing(tmp_path: Path) -> None:
    done = check_deploy(tmp_path)
    assert done.returncode != 0
    for warning in ("W004", "W008", "W012", "W016"):
        assert warning in done.stderr


def test_a_weak_secret_key_stops_start_up_with_a_clear_message(tmp_path: Path) -> None:
    done = check_deploy(tmp_path, RADAR_SECRET_KEY="change-me")
    assert done.returncode == 2
    assert "RADAR_SECRET_KEY is too weak" in done.stderr
    assert "Traceback" not in done.stderr
