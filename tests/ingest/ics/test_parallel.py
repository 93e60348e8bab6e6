"""Large calendars are parsed in worker processes; the result must be the same."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed
from radar.ingest.ics import parallel, source
from radar.portfolio.models import Contact, Interaction, InteractionParticipant
from tests.ingest.ics.builders import OUTLOOK_HEAD, attendee, calendar, event, weekly_sync, write
from tests.ingest.ics.conftest import RunIcs, make_alliance, package_calendar
from tests.ingest.ics.test_generated_calendars import CANCELLED, MOVED

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple[object, ...]]:
    rows = Interaction.objects.values_list(
        "external_id", "occurred_at", "subject", "cancelled", "partner_invited",
        "partner_attended", "ours_invited", "ours_attended", "ritual", "duration_minutes",
    )  # fmt: skip
    return sorted(rows) + sorted(
        InteractionParticipant.objects.values_list(
            "interaction__external_id", "contact__email", "attended", "role", "stands_in_for"
        )
    )


def both_ways(run_ics: RunIcs, path: Path, monkeypatch: pytest.MonkeyPatch, **options: object):
    run_ics(path, **options)
    alone = snapshot()
    Interaction.objects.all().delete()
    monkeypatch.setattr(parallel, "PARALLEL_MIN_EVENTS", 1)
    monkeypatch.setattr(source.os, "cpu_count", lambda: 2)
    used: list[int] = []
    real = parallel.parse_in_workers

    def spy(*args: object) -> object:
        result = real(*args)  # type: ignore[arg-type]
        used.append(len(result or []))
        return result

    monkeypatch.setattr(parallel, "parse_in_workers", spy)
    run_ics(path, **options)
    assert used and used[0] > 0, "the worker path did not run"
    return alone, snapshot()


def test_workers_give_the_same_meetings(
    tmp_path: Path, run_ics: RunIcs, ours: list[str], monkeypatch: pytest.MonkeyPatch
):
    make_alliance("Acme", "acme.example")
    singles = [
        event(f"s-{n}", f"202502{n + 1:02d}T100000Z", f"202502{n + 1:02d}T110000Z", f"QBR {n}",
              attendee("paul@acme.example"), attendee("olivia@ours.example", "DECLINED"))
        for n in range(20)
    ]  # fmt: skip
    twin = event(
        "s-1", "20250301T100000Z", "20250301T110000Z", "Same UID", attendee("p@acme.example")
    )
    text = calendar(
        OUTLOOK_HEAD, *singles[:10], MOVED, weekly_sync(), *singles[10:], twin, CANCELLED
    )
    alone, workers = both_ways(
        run_ics, write(tmp_path, text), monkeypatch, since=date(2025, 1, 1), until=date(2025, 3, 31)
    )
    assert alone == workers
    assert len([r for r in workers if len(r) == 10]) == 27  # 20 + 1 + 6 occurrences


def test_workers_on_a_real_google_export(run_ics: RunIcs, monkeypatch: pytest.MonkeyPatch):
    make_alliance("machBar", "group.calendar.google.com")
    path = package_calendar("recurring_ical_events", "machbar_16_feb_2019.ics")
    alone, workers = both_ways(
        run_ics, path, monkeypatch, since=date(2019, 1, 1), until=date(2019, 12, 31)
    )
    assert alone == workers and len(alone) > 40


def test_cut_refuses_unusual_files():
    assert parallel.cut("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\n") is None
    two = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" * 2
    assert parallel.cut(two) is None
    pieces = parallel.cut(calendar(OUTLOOK_HEAD, weekly_sync()).replace("\n", "\r\n"))
    assert pieces is not None and len(pieces.events) == 1 and len(pieces.zones) == 1


def test_no_workers_outside_the_main_thread(monkeypatch: pytest.MonkeyPatch):
    import threading

    monkeypatch.setattr(parallel, "PARALLEL_MIN_EVENTS", 1)
    monkeypatch.setattr(source.os, "cpu_count", lambda: 2)
    text = calendar(OUTLOOK_HEAD, weekly_sync()).replace("\n", "\r\n").encode()
    found: list[bool] = []
    worker = threading.Thread(
        target=lambda: found.append(
            source.CalendarFile("x.ics", text, source.ZoneInfo("UTC")).pieces is None
        )
    )
    worker.start()
    worker.join()
    assert found == [True]
    assert source.CalendarFile("x.ics", text, source.ZoneInfo("UTC")).pieces is not None


def test_series_expanded_in_their_slice_store_the_same_rows_in_the_same_order(
    tmp_path: Path, run_ics: RunIcs, ours: list[str], monkeypatch: pytest.MonkeyPatch
):
    from tests.ingest.ics.test_repeated import stored

    make_alliance("Acme", "acme.example")
    singles = [
        event(f"s-{n}", f"202502{n % 28 + 1:02d}T100000Z", f"202502{n % 28 + 1:02d}T110000Z",
              f"QBR {n}", attendee(f"p{n % 3}@acme.example"), attendee("olivia@ours.example"))
        for n in range(40)
    ]  # fmt: skip
    local = [
        event(f"local-{n}", "20250107T090000Z", "20250107T100000Z", f"Sync {n}",
              "RRULE:FREQ=WEEKLY;COUNT=4", attendee("paul@acme.example", "TENTATIVE"),
              attendee(f"o{n}@ours.example", "DECLINED"))
        for n in range(6)
    ]  # fmt: skip
    broken = event("bad", "20250108T090000Z", "20250108T100000Z", "Bad series",
                   "RRULE:FREQ=SOMETIMES", attendee("paul@acme.example"))  # fmt: skip
    # The Outlook series with its moved occurrence at the start of the file
    # and its cancelled one at the end: in different slices.
    good = [MOVED, *singles[:20], *local, weekly_sync(), *singles[20:], CANCELLED]
    paths = (
        write(tmp_path, calendar(OUTLOOK_HEAD, *good)),
        write(tmp_path, calendar(OUTLOOK_HEAD, *good[:27], broken, *good[27:]), "broken.ics"),
    )
    monkeypatch.setattr(parallel, "PARALLEL_MIN_EVENTS", 1)
    monkeypatch.setattr(source.os, "cpu_count", lambda: 2)
    runs = []
    for in_slices in (False, True):
        monkeypatch.setattr(parallel, "EXPAND_IN_SLICES", in_slices)
        Interaction.objects.all().delete()
        Contact.objects.all().delete()
        with pytest.raises(ImportFailed) as failed:
            run_ics(paths[1], since=date(2025, 1, 1), until=date(2025, 3, 31))
        runs.append([str(p) for p in failed.value.problems])
        run_ics(paths[0], since=date(2025, 1, 1), until=date(2025, 3, 31))
        runs.append(stored())
    assert runs[:2] == runs[2:]
    assert "Bad series" in runs[0][0] and len(runs[1]) > 40


def cut_line_by_line(text: str) -> parallel.Pieces | None:
    """parallel.cut as it was first written, looking at every line: the reference."""
    lines = text.splitlines(keepends=True)
    names = [line.rstrip("\r\n").upper() for line in lines]
    if names.count("BEGIN:VCALENDAR") != 1 or names.count("END:VCALENDAR") != 1:
        return None
    pieces = parallel.Pieces("")
    header: list[str] = []
    block: list[str] = []
    inside = ""
    for line, name in zip(lines, names, strict=True):
        if not inside and name in {"BEGIN:VEVENT", "BEGIN:VTIMEZONE"}:
            inside, block = name[6:], [line]
        elif inside:
            block.append(line)
            if name == f"END:{inside}":
                (pieces.events if inside == "VEVENT" else pieces.zones).append("".join(block))
                inside = ""
        elif name == "BEGIN:VCALENDAR" or not name.startswith(("BEGIN:", "END:")):
            header.append(line)
    if inside or not "".join(header).upper().startswith("BEGIN:VCALENDAR"):
        return None
    pieces.header = "".join(header)
    return pieces


def odd_calendars() -> list[str]:
    from bench.ics import generate
    from tests.ingest.ics.test_trim import NOISY

    todo = "BEGIN:VTODO\nUID:t\nSUMMARY:a task\nEND:VTODO\n"
    alarm = weekly_sync("BEGIN:VALARM", "ACTION:DISPLAY", "END:VALARM")
    texts = [
        NOISY,
        calendar(OUTLOOK_HEAD, todo, alarm, MOVED, "X-AFTER:1\n", CANCELLED),
        calendar(OUTLOOK_HEAD, alarm.lower(), todo.lower(), "end:vevent\n", MOVED),
        calendar(OUTLOOK_HEAD, MOVED)[:-30],  # truncated
        "X-BEFORE:1\n" + calendar(OUTLOOK_HEAD, MOVED),
        calendar(OUTLOOK_HEAD, MOVED).replace("\n", "\r\n") + "\r\n\r\n",
        calendar(OUTLOOK_HEAD, MOVED).replace("\n", "\r"),
    ]
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder) / "bench.ics", 60, descriptions=True)
        texts.append((Path(folder) / "bench.ics").read_text())
    for package, folder in (("icalendar", "tests/calendars"),
                            ("recurring_ical_events", "test/calendars")):  # fmt: skip
        from importlib.resources import files

        from radar.ingest.ics.reader import _decode

        for found in sorted(Path(str(files(package) / folder)).glob("*.ics")):
            texts.append(_decode(found.read_bytes()))
    return texts


def test_the_cut_is_the_line_by_line_cut():
    texts = odd_calendars()
    assert len(texts) > 100
    usable = 0
    for text in texts:
        expected = cut_line_by_line(text)
        assert parallel.cut(text) == expected
        usable += expected is not None
    assert usable > 50
