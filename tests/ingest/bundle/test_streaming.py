"""Big tables are checked and written chunk by chunk, their keys checked in the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.ingest.bundle import importer, write
from radar.portfolio.models import Interaction, InteractionParticipant
from radar.worker.models import RescoreMark
from tests.ingest.bundle.helpers import problems_of, run, write_bundle

pytestmark = pytest.mark.django_db

HEADER = "alliance,kind,occurred_at,external_id\n"


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 2)


def _interactions(ids: list[str]) -> str:
    return HEADER + "".join(
        f"Acme co-sell,call,2024-01-{n + 1:02d},{i}\n" for n, i in enumerate(ids)
    )


@pytest.mark.parametrize("bulk", [False, True])
def test_a_repeated_key_in_an_empty_table_names_both_rows(
    tmp_path: Path, small_chunks, monkeypatch, bulk
):
    if bulk:  # indexes dropped, the duplicate surfaces when they are rebuilt
        monkeypatch.setattr(write, "BULK_ROWS", 1)
    bundle = write_bundle(tmp_path, {"interactions.csv": _interactions(["a", "b", "c", "a", "c"])})
    assert problems_of(bundle) == [
        'interactions.csv, row 5: duplicate key (alliance, source, external_id) = ("Acme co-sell", '
        '"", "a"), first seen in row 2',
        'interactions.csv, row 6: duplicate key (alliance, source, external_id) = ("Acme co-sell", '
        '"", "c"), first seen in row 4',
    ]
    assert not Interaction.objects.exists()


def test_a_repeated_key_is_found_when_the_table_already_has_rows(tmp_path: Path, small_chunks):
    run(write_bundle(tmp_path / "first", {"interactions.csv": _interactions(["a", "b"])}))
    again = write_bundle(
        tmp_path / "again", {"interactions.csv": _interactions(["b", "x", "b", "x"])}
    )
    problems = problems_of(again)
    assert [p.split(":")[0] for p in problems] == [
        "interactions.csv, row 4",
        "interactions.csv, row 5",
    ]
    assert problems[0].endswith('"b"), first seen in row 2')
    assert problems[1].endswith('"x"), first seen in row 3')
    assert Interaction.objects.count() == 2


def test_a_bad_row_fails_the_import_after_earlier_chunks_were_written(tmp_path: Path, small_chunks):
    rows = _interactions(["a", "b", "c", "d"]) + "Acme co-sell,call,2024-13-01,e\n"
    assert problems_of(write_bundle(tmp_path, {"interactions.csv": rows})) == [
        "interactions.csv, row 6, column 'occurred_at': \"2024-13-01\" is not a date "
        "(expected YYYY-MM-DD or ISO 8601 date-time)"
    ]
    assert not Interaction.objects.exists()  # the transaction was rolled back


def test_participants_find_their_interactions_chunk_by_chunk(tmp_path: Path, small_chunks):
    files = {
        "contacts.csv": "alliance,side,name,email\nAcme co-sell,partner,Ann,ann@acme.example\n",
        "interactions.csv": _interactions(["a", "b", "c"]),
        "interaction_participants.csv": "alliance,external_id,contact\n"
        + "".join(f"Acme co-sell,{i},ann@acme.example\n" for i in ["c", "a", "b"]),
    }
    summary = run(write_bundle(tmp_path, files))
    assert summary.created["interaction_participants"] == 3
    assert InteractionParticipant.objects.count() == 3
    again = run(write_bundle(tmp_path, files))
    assert again.unchanged["interaction_participants"] == 3 and not again.changed


def test_a_participant_of_an_unknown_interaction_is_reported(tmp_path: Path, small_chunks):
    files = {
        "contacts.csv": "alliance,side,name,email\nAcme co-sell,partner,Ann,ann@acme.example\n",
        "interactions.csv": _interactions(["a"]),
        "interaction_participants.csv": "alliance,external_id,contact\n"
        "Acme co-sell,a,ann@acme.example\nAcme co-sell,zz,ann@acme.example\n",
    }
    (problem,) = problems_of(write_bundle(tmp_path, files))
    assert problem.startswith("interaction_participants.csv, row 3, column 'external_id': unknown")


def test_progress_counts_every_row_once(tmp_path: Path, small_chunks):
    seen: list[tuple[int, int | None]] = []
    bundle = write_bundle(tmp_path, {"interactions.csv": _interactions(["a", "b", "c"])})
    from radar.ingest.base import ImportOptions
    from radar.ingest.bundle import import_bundle

    import_bundle(bundle, ImportOptions(), lambda advance, total: seen.append((advance, total)))
    assert {total for _, total in seen} == {5}  # partners 1 + alliances 1 + interactions 3
    assert sum(advance for advance, _ in seen) == 5


@pytest.fixture
def forked_reader(monkeypatch, small_chunks):
    from radar.ingest.bundle import forked

    assert forked.available()
    monkeypatch.setattr(forked, "FORKED_ROWS", 1)


def test_a_forked_reader_imports_the_same_rows(tmp_path: Path, forked_reader):
    summary = run(write_bundle(tmp_path, {"interactions.csv": _interactions(["a", "b", "c"])}))
    assert summary.created["interactions"] == 3
    assert sorted(Interaction.objects.values_list("external_id", flat=True)) == ["a", "b", "c"]


def test_problems_found_by_a_forked_reader_come_back(tmp_path: Path, forked_reader):
    rows = _interactions(["a", "b", "c", "a"]) + "Ghost,call,2024-01-01,g\n"
    problems = problems_of(write_bundle(tmp_path, {"interactions.csv": rows}))
    assert [p.split(":")[0] for p in problems] == [
        "interactions.csv, row 5",  # the duplicate, found once the child is done
        "interactions.csv, row 6, column 'alliance'",
    ]
    assert not Interaction.objects.exists()


def test_an_unreadable_file_in_a_forked_reader_fails_the_import(tmp_path: Path, forked_reader):
    rows = HEADER + "".join(f"Acme co-sell,call,2024-01-01,x{n}\n" for n in range(2000))
    data = rows.encode() + b"Acme co-sell,call,2024-01-09,\xff\n"
    (problem,) = problems_of(write_bundle(tmp_path, {"interactions.csv": data}))
    # Found after the first rows were written (and rolled back).
    assert problem.startswith("interactions.csv, row 1")
    assert "the file is not UTF-8 text (byte 0xFF)" in problem
    assert not Interaction.objects.exists()


@pytest.mark.parametrize("bulk", [False, True])
def test_a_streamed_import_marks_its_alliances_for_re_scoring(
    tmp_path: Path, small_chunks, monkeypatch, bulk
):
    if bulk:
        monkeypatch.setattr(write, "BULK_ROWS", 1)
    bundle = write_bundle(tmp_path, {"interactions.csv": _interactions(["a", "b", "c"])})
    RescoreMark.objects.all().delete()
    run(bundle)
    alliance_ids = set(Interaction.objects.values_list("alliance_id", flat=True))
    assert alliance_ids
    assert set(RescoreMark.objects.values_list("alliance_id", flat=True)) == alliance_ids
