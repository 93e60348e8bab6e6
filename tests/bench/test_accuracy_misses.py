"""python -m bench.accuracy.misses: the early calls it counts agree with the benchmark's."""

from __future__ import annotations

import json
import re

import pytest

from bench.accuracy.__main__ import main as bench_main
from bench.accuracy.misses import main, tally


def test_it_counts_the_same_early_calls_as_the_benchmark(capsys):
    assert bench_main(["--seed", "4", "--alliances-per-class", "2", "--json"]) == 0
    early = json.loads(capsys.readouterr().out)["runs"][0]["figures"]["declining"]["early"]

    assert main(["--seed", "4", "--alliances-per-class", "2"]) == 0
    text = capsys.readouterr().out
    last = text.strip().splitlines()[-1]
    found = re.fullmatch(
        r"(\d+) declining alliances: (\d+) early, (\d+) never confirmed, (\d+) uncorroborated",
        last,
    )
    assert found is not None, last
    total, called, never, uncorroborated = map(int, found.groups())
    assert total == 4 and called + never + uncorroborated == total
    assert called / total == pytest.approx(early)
    # One block per miss: a heading, then month-end lines, some inside the early window.
    headings = [line for line in text.splitlines() if line.startswith("seed 4 #")]
    assert len(headings) == never + uncorroborated
    if headings:
        assert re.search(r"^   \d{4}-\d\d-\d\d W ", text, re.MULTILINE)
    # The tally counts every early-window month end of the misses shown, once.
    window = re.findall(r"^   \d{4}-\d\d-\d\d W ", text, re.MULTILINE)
    months = re.search(
        r"^(\d+) early-window month ends of the misses, by rules sighted", text, re.M
    )
    assert months is not None and int(months[1]) == len(window)
    assert re.search(r"^rules sighted in them \(month ends\): ", text, re.MULTILINE)


def test_the_tally_reads_the_rules_sighted_at_window_month_ends():
    lines = [
        "seed 1 #3 never confirmed: slow (onset 2024-05-01, revenue falls 2025-01-01)",
        "   2024-04-30   monitor  monitor  4.9  communication.reply_slower!1",
        "   2024-05-31 W monitor  monitor  4.9  communication.reply_slower!2 resource.x*1",
        "   2024-06-30 W monitor  monitor  4.9  ",
        "   2024-07-31 W reset    reset    3.0  communication.reply_slower*!3 culture.y!1s",
    ]
    assert tally(lines) == [
        "3 early-window month ends of the misses, by rules sighted: 0: 1, 1: 1, 2: 1",
        "rules sighted in them (month ends): communication.reply_slower 2, culture.y 1",
    ]


def test_hold_out_seeds_are_refused(capsys):
    with pytest.raises(SystemExit):
        main(["--seed", "10000"])
    assert "dev seeds only" in capsys.readouterr().err


def test_rules_sighted_as_often_are_listed_by_name_whatever_the_hash_seed():
    lines = [
        "   2024-05-31 W monitor  monitor  4.9  resource.z!1 culture.b!1 priority.a!1",
        "   2024-06-30 W monitor  monitor  4.9  resource.z!2",
    ]
    assert tally(lines)[1] == (
        "rules sighted in them (month ends): resource.z 2, culture.b 1, priority.a 1"
    )
