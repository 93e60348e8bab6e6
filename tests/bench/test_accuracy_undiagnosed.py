"""python -m bench.accuracy.undiagnosed: the diagnoses and final recommendations it lists
agree with the benchmark's figures."""

from __future__ import annotations

import json
import re

import pytest

from bench.accuracy.__main__ import main as bench_main
from bench.accuracy.labels import CLASSES
from bench.accuracy.undiagnosed import main

ARGS = ["--seed", "4", "--alliances-per-class", "2"]


def _figures(capsys):
    assert bench_main([*ARGS, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["runs"][0]["figures"]


def test_it_counts_the_same_diagnoses_as_the_benchmark(capsys):
    diagnosed = _figures(capsys)["declining"]["diagnosed"]
    assert main(ARGS) == 0
    text = capsys.readouterr().out
    last = text.strip().splitlines()[-1]
    found = re.fullmatch(r"(\d+) declining alliances: (.*)", last)
    assert found is not None, last
    groups = dict(
        (name, int(n)) for n, name in re.findall(r"(\d+) ([a-z ]+?)(?:,|$)", found.group(2))
    )
    total = int(found.group(1))
    assert total == 4 and sum(groups.values()) == total
    assert groups.get("diagnosed", 0) / total == pytest.approx(diagnosed)
    # One block per undiagnosed alliance: a heading, then one line per month end with the
    # phase and what the rules read.
    headings = [line for line in text.splitlines() if line.startswith("seed 4 #")]
    assert len(headings) == total - groups.get("diagnosed", 0)
    if headings:
        assert re.search(r"^   \d{4}-\d\d-\d\d \w+ .*cluster=", text, re.MULTILINE)


def test_it_lists_the_final_recommendations_outside_the_expected_set(capsys):
    final = _figures(capsys)["final_expected"]
    assert main([*ARGS, "--final"]) == 0
    text = capsys.readouterr().out
    headings = [line for line in text.splitlines() if line.startswith("seed 4 #")]
    alliances = 2 * (len(CLASSES) - 1) + 4  # two a class, twice as many declining
    assert (alliances - len(headings)) / alliances == pytest.approx(final)
    assert text.strip().splitlines()[-1].startswith("outside the expected set:")


def test_hold_out_seeds_are_refused(capsys):
    with pytest.raises(SystemExit):
        main(["--seed", "10000"])
    assert "dev seeds only" in capsys.readouterr().err
