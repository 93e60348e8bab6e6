"""The CRM importer streams: rows are read, checked and written a chunk at a time.

Memory must not grow with the file (bench/crm.py measures it at two sizes);
these tests pin what makes that so: the records are generators that read no
further than the chunk they are in, ids seen live in the database, problems
are capped, and a long file still imports all or nothing with the same results.
"""

from __future__ import annotations

import itertools
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed, ImportOptions
from radar.ingest.crm import CrmImporter
from radar.ingest.crm.records import CHUNK, MAX_PROBLEMS, CrmRows, Opportunity
from radar.ingest.crm.seen import SeenIds
from radar.ingest.crm.series import SeriesTally, months
from radar.ingest.tabular import RowStream, read_table, stream_table
from radar.portfolio.models import Interaction
from tests.ingest.crm.conftest import RunCrm, write_csv
from tests.ingest.crm.test_exports import HUBSPOT_ENGAGEMENTS

pytestmark = pytest.mark.django_db
HEADINGS = HUBSPOT_ENGAGEMENTS[0]


def activity(n: int, company: str = "Acme Corporation") -> list[object]:
    return [f"{10_000 + n}", "CALL", f"2025-03-{1 + n % 28:02d} 10:00", f"Call {n}", company,
            "OUTBOUND", "30"]  # fmt: skip


def test_the_records_are_read_no_further_than_their_chunk():
    read = itertools.count()

    def rows() -> Iterator[tuple[int, list[object]]]:
        for n in range(2, 10 * CHUNK):
            next(read)
            yield n, activity(n)

    stream = RowStream("eng.csv", list(HEADINGS), rows(), None)
    records = CrmRows(stream, False, UTC, SeenIds()).activities()
    first = next(records)
    assert first.row == 2
    # Holding every row first would have read all 10 chunks before the first record.
    assert next(read) == CHUNK


def test_a_long_export_imports_across_chunks_and_reimports_unchanged(
    tmp_path: Path, run_crm: RunCrm, acme
):
    total = 2 * CHUNK + 37
    path = write_csv(tmp_path, [HEADINGS, *(activity(n) for n in range(total))], "eng.csv")
    seen: list[tuple[int, int | None]] = []
    options = ImportOptions(today=date(2025, 4, 15))
    summary = CrmImporter().run(path, options, lambda advance, t: seen.append((advance, t)))
    assert summary.created["interactions"] == total == Interaction.objects.count()
    # Progress moves a chunk at a time, against an upper bound known up front.
    assert len(seen) >= 3 and all(t is not None and t >= total for _, t in seen)
    assert sum(a for a, _ in seen) == total
    again = run_crm(path)
    assert again.unchanged["interactions"] == total and not again.created
    assert not again.updated


def test_an_id_repeated_chunks_apart_is_named_and_nothing_is_written(
    tmp_path: Path, run_crm: RunCrm, acme
):
    rows = [activity(n) for n in range(CHUNK + 50)]
    rows.append(activity(3))  # the id of data row 4 (file row 5), one chunk later
    path = write_csv(tmp_path, [HEADINGS, *rows], "eng.csv")
    with pytest.raises(ImportFailed) as failed:
        run_crm(path)
    (problem,) = failed.value.problems
    last = len(rows) + 1
    assert problem.location == f"row {last}"
    assert problem.message == f"record 10003 appears twice (rows 5 and {last})"
    assert not Interaction.objects.exists()


def test_problems_past_the_cap_are_counted_not_kept(tmp_path: Path, run_crm: RunCrm, acme):
    bad = [[*activity(n)[:2], "not a date", *activity(n)[3:]] for n in range(MAX_PROBLEMS + 25)]
    path = write_csv(tmp_path, [HEADINGS, *bad, activity(99_999)], "eng.csv")
    with pytest.raises(ImportFailed) as failed:
        run_crm(path)
    assert len(failed.value.problems) == MAX_PROBLEMS
    assert failed.value.omitted == 25
    assert not Interaction.objects.exists()


def peak_while_streaming(path: Path) -> tuple[int, int]:
    """(rows read, peak bytes Python allocated meanwhile)."""
    tracemalloc.start()
    try:
        stream = stream_table(path, lambda headings: True)
        rows = sum(1 for _ in stream.rows)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert stream.lines is not None and stream.lines >= rows
    return rows, peak


def test_reading_a_csv_stream_takes_the_same_memory_for_a_file_four_times_longer(tmp_path: Path):
    small = write_csv(tmp_path, [HEADINGS, *(activity(n) for n in range(20_000))], "small.csv")
    large = write_csv(tmp_path, [HEADINGS, *(activity(n) for n in range(80_000))], "large.csv")
    (rows_small, peak_small), (rows_large, peak_large) = map(peak_while_streaming, (small, large))
    assert (rows_small, rows_large) == (20_000, 80_000)
    grown = large.stat().st_size - small.stat().st_size  # 4 MB more to read
    # Rows held as lists would grow by several times that; blocks of 1 MiB do not grow.
    assert peak_large - peak_small < grown / 8, (peak_small, peak_large, grown)


def test_the_stream_gives_the_rows_read_table_gives(tmp_path: Path):
    rows = [["Report: activities"], [], HEADINGS, *(activity(n) for n in range(5)), ["Total"]]
    path = write_csv(tmp_path, rows, "eng.csv")
    recognise = lambda headings: "Record ID" in headings  # noqa: E731
    stream = stream_table(path, recognise)
    table = read_table(path, recognise)
    assert stream.headings == table.headings == HEADINGS
    assert list(stream.rows) == table.rows and table.rows[0][0] == 4


def test_the_tally_gives_the_series_of_a_plain_recount():
    opps = [
        Opportunity(n, str(n), "Acme", date(2024, 1 + n % 12, 3), closed, 1000.0 + n * 0.1, state)
        for n, (closed, state) in enumerate(
            [(None, "open"), (date(2024, 9, 1), "won"), (date(2024, 5, 2), "lost")] * 7
        )
    ]
    today = date(2025, 2, 10)
    forward, backward = SeriesTally(), SeriesTally()
    for opp in opps:
        forward.add(opp)
    for opp in reversed(opps):
        backward.add(opp)
    result = forward.series(today)
    assert result == backward.series(today)  # exact sums: the order of the rows does not matter
    periods = months(min(o.created for o in opps), today)
    for period in periods:
        open_then = [
            o.amount
            for o in opps
            if period >= o.created.replace(day=1)
            and (o.state == "open" or o.closed is None or period < o.closed.replace(day=1))
        ]
        assert result["pipeline"][period] == pytest.approx(sum(open_then), rel=1e-12)
        created = [o for o in opps if o.created.replace(day=1) == period]
        assert result["leads"][period] == len(created)


def test_an_xlsx_export_streams_from_the_sheet_it_recognises(tmp_path: Path, run_crm: RunCrm, acme):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Summary"
    book.active.append(["Engagements exported", "2025-04-01"])
    sheet = book.create_sheet("Engagements")
    sheet.append(["HubSpot export"])
    for row in [HEADINGS, *(activity(n) for n in range(CHUNK + 10))]:
        sheet.append(row)
    path = tmp_path / "engagements.xlsx"
    book.save(path)
    summary = run_crm(path)
    assert summary.created["interactions"] == CHUNK + 10 == Interaction.objects.count()
    assert Interaction.objects.filter(subject="Call 0").exists()


def test_only_the_reader_that_keeps_every_row_refuses_a_file_over_the_whole_file_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = write_csv(tmp_path, [HEADINGS, *(activity(n) for n in range(50))], "eng.csv")
    monkeypatch.setattr("radar.ingest.common.MAX_BYTES", path.stat().st_size - 1)
    with pytest.raises(ImportFailed) as failed:
        read_table(path, lambda headings: True)
    assert "the file is too large" in failed.value.problems[0].message
    assert sum(1 for _ in stream_table(path, lambda headings: True).rows) == 50
