from __future__ import annotations

from pathlib import Path

import pytest

from radar.env import SettingError
from radar.security.secret import KEY_FILE, OLD_DEFAULT, secret_key


def test_it_generates_a_key_once_per_data_folder_and_keeps_it_private(tmp_path: Path) -> None:
    first = secret_key("", tmp_path, debug=False)
    assert len(first) >= 50
    assert secret_key("", tmp_path, debug=False) == first
    assert (tmp_path / KEY_FILE).stat().st_mode & 0o077 == 0
    assert secret_key("", tmp_path / "other", debug=False) != first


@pytest.mark.parametrize("weak", [OLD_DEFAULT, "short", "django-insecure-" + "x" * 60, "ab" * 40])
def test_it_refuses_a_weak_key_unless_debugging(tmp_path: Path, weak: str) -> None:
    with pytest.raises(SettingError, match="RADAR_SECRET_KEY is too weak"):
        secret_key(weak, tmp_path, debug=False)
    assert secret_key(weak, tmp_path, debug=True) == weak


def test_it_uses_a_strong_configured_key(tmp_path: Path) -> None:
    strong = "k3y-" + "".join(chr(ord("a") + i % 26) for i in range(60))
    assert secret_key(strong, tmp_path, debug=False) == strong
    assert not (tmp_path / KEY_FILE).exists()
