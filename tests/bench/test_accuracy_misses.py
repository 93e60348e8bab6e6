"""python -m bench.accuracy.misses: the early calls it counts agree with the benchmark's."""

from __future__ import annotations

import json
import re

import pytest

from bench.accuracy.__main__ import main as bench_main
from bench.accuracy.misses import main


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


def test_hold_out_seeds_are_refused(capsys):
    with pytest.raises(SystemExit):
        main(["--seed", "10000"])
    assert "dev seeds only" in capsys.readouterr().err
