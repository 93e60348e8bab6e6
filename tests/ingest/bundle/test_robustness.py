"""Whatever bytes a file holds, the importer answers with data or with problems, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.ingest.base import ImportFailed, ImportOptions
from radar.ingest.bundle import import_bundle
from tests.ingest.bundle.helpers import write_bundle

pytestmark = pytest.mark.django_db

HEADER = "alliance,kind,occurred_at,duration_minutes,tone,cancelled,external_id\n"
cells = st.one_of(
    st.sampled_from(["", "Acme co-sell", "meeting", "2024-02-30", "1e309", "-1", "nan", "yes"]),
    st.text(max_size=8),
)


def _import(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bundle = write_bundle(Path(folder), files)
        try:
            import_bundle(bundle, ImportOptions(dry_run=True))
        except ImportFailed as failed:
            assert failed.problems  # always says what is wrong
            assert all(p.file and p.location and p.message for p in failed.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, min_size=0, max_size=9), max_size=6))
def test_random_cells_never_crash_the_importer(rows):
    import csv
    import io

    text = io.StringIO()
    csv.writer(text).writerows(rows)
    _import({"interactions.csv": HEADER + text.getvalue()})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_random_bytes_never_crash_the_importer(data):
    _import({"interactions.csv": HEADER.encode() + data})
