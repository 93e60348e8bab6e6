from __future__ import annotations

import pytest

from radar.env import SettingError, env_bool, env_int, env_list, env_str


def test_it_reads_booleans_in_the_usual_spellings(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False)]:
        monkeypatch.setenv("RADAR_X", raw)
        assert env_bool("RADAR_X", not expected) is expected


def test_it_falls_back_to_the_default_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv("RADAR_X", raising=False)
    assert env_bool("RADAR_X", True) is True
    assert env_int("RADAR_X", 7) == 7
    assert env_str("RADAR_X", "d") == "d"
    monkeypatch.setenv("RADAR_X", "")
    assert env_list("RADAR_X", ["a"]) == ["a"]


def test_it_fails_loudly_on_values_it_cannot_read(monkeypatch):
    monkeypatch.setenv("RADAR_X", "maybe")
    with pytest.raises(SettingError, match="RADAR_X must be true or false"):
        env_bool("RADAR_X", False)
    monkeypatch.setenv("RADAR_X", "ten")
    with pytest.raises(SettingError, match="whole number"):
        env_int("RADAR_X", 1)


def test_it_splits_lists_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("RADAR_X", " acme.com, ,globex.io ")
    assert env_list("RADAR_X", []) == ["acme.com", "globex.io"]
