"""Export, wipe, import: the store comes back identical; importing again changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.ingest.base import ImportOptions
from radar.ingest.bundle import export_bundle, import_bundle
from tests.ingest.bundle.portfolio import build_portfolio, dump, wipe

pytestmark = pytest.mark.django_db


def _total(counter) -> int:
    return sum(counter.values())


@pytest.mark.parametrize("shape", ["folder", "zip", "json"])
def test_it_round_trips_every_entity(tmp_path: Path, shape: str):
    build_portfolio()
    before = dump()
    target = tmp_path / {"folder": "bundle", "zip": "b.zip", "json": "portfolio.json"}[shape]
    counts = export_bundle(target, as_zip=shape == "zip", as_json=shape == "json")
    assert counts["survey_responses"] == 4 and counts["interaction_participants"] == 2

    wipe()
    assert all(not rows for rows in dump().values())
    first = import_bundle(target, ImportOptions())
    assert dump() == before  # owners, reviewers, recorders and deciders included
    assert first.warnings == []
    assert _total(first.created) == sum(counts.values())

    again = import_bundle(target, ImportOptions())
    assert _total(again.created) == 0 and _total(again.updated) == 0
    assert _total(again.unchanged) == sum(counts.values())
    assert dump() == before


def test_it_reimports_its_own_export_into_the_same_store_without_changes(tmp_path: Path):
    build_portfolio()
    before = dump()
    export_bundle(tmp_path / "b")
    summary = import_bundle(tmp_path / "b", ImportOptions())
    assert not summary.changed
    assert dump() == before


def test_an_exported_bundle_is_byte_identical_when_nothing_changed(tmp_path: Path):
    from datetime import UTC, datetime

    build_portfolio()
    at = datetime(2026, 1, 1, tzinfo=UTC)
    export_bundle(tmp_path / "one", exported_at=at)
    import_bundle(tmp_path / "one", ImportOptions())
    export_bundle(tmp_path / "two", exported_at=at)
    for file in sorted((tmp_path / "one").iterdir()):
        assert file.read_bytes() == (tmp_path / "two" / file.name).read_bytes(), file.name
