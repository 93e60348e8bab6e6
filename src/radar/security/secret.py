"""The secret key: from RADAR_SECRET_KEY, or generated once per data folder.

There is no built-in default key. Without RADAR_SECRET_KEY, a random key is
written to RADAR_DATA_DIR/secret_key (readable by its owner only) on first use
and read back afterwards, so a one-machine install is safe without any setting.
A key that is set but weak (the old development default, Django's insecure
prefix, shorter than 50 characters or fewer than 5 different characters, as
Django's own deployment check counts) stops start-up unless RADAR_DEBUG is on.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from radar.env import SettingError

KEY_FILE = "secret_key"
OLD_DEFAULT = "dev-only-insecure-key-change-me"
MIN_LENGTH = 50
MIN_UNIQUE = 5


def is_weak(key: str) -> bool:
    return (
        key == OLD_DEFAULT
        or key.startswith("django-insecure")
        or len(key) < MIN_LENGTH
        or len(set(key)) < MIN_UNIQUE
    )


def secret_key(configured: str, data_dir: Path, debug: bool) -> str:
    """The key to use; raises SettingError for a weak configured key outside debug mode."""
    if configured:
        if is_weak(configured) and not debug:
            raise SettingError(
                "RADAR_SECRET_KEY is too weak for a site with RADAR_DEBUG off: use at least "
                f"{MIN_LENGTH} random characters, e.g. the output of "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(50))', "
                "or unset it to use a key generated in RADAR_DATA_DIR."
            )
        return configured
    return _stored_key(data_dir / KEY_FILE)


def _stored_key(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting at once never write two different keys.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(descriptor, "w") as out:
        out.write(secrets.token_urlsafe(64))
    return _read_key(path)


def _read_key(path: Path) -> str:
    # The writer may still be between open and write: wait for the key briefly.
    for _ in range(50):
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.02)
    raise SettingError(f"{path} is empty: delete it to have a new secret key generated.")
