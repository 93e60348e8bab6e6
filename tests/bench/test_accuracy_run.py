"""python -m bench.accuracy runs end to end at a tiny scale (no timing assertions)."""

from __future__ import annotations

import json

from bench.accuracy.__main__ import main
from bench.accuracy.labels import CLASSES
from bench.accuracy.targets import TARGETS


def test_the_json_output_has_every_figure_for_both_splits(capsys):
    assert main(["--seeds", "1", "--alliances-per-class", "1", "--json"]) == 0

    output = json.loads(capsys.readouterr().out)
    assert output["command"].startswith("python -m bench.accuracy")
    assert [(r["path"], r["split"], r["seeds"]) for r in output["runs"]] == [
        ("engine", "dev", [1]),
        ("engine", "holdout", [10_000]),
    ]
    for run in output["runs"]:
        figures = run["figures"]
        assert set(figures["classes"]) == set(CLASSES)
        assert figures["declining"]["alliances"] == 2
        assert figures["quiet"]["alliances"] == 6
        assert len(run["targets"]) == len(TARGETS)
        assert all(t["met"] in (True, False, None) for t in run["targets"])


def test_details_are_printed_for_dev_seeds_only(capsys):
    assert main(["--seed", "2", "--seed", "10001", "--alliances-per-class", "1", "--details"]) == 0

    text = capsys.readouterr().out
    assert "engine-level path, dev seeds [2]" in text
    assert "engine-level path, holdout seeds [10001]" in text
    assert "#200001 declining" in text  # dev: one line per alliance
    assert "#1000100001" not in text  # holdout: totals only
    assert "for dev seeds only" in text


def test_markdown_gives_the_docs_tables_with_a_column_per_split(capsys):
    assert main(["--seeds", "1", "--alliances-per-class", "1", "--markdown"]) == 0

    text = capsys.readouterr().out
    assert text.startswith("| reading | target | engine, dev | engine, holdout |")
    assert "| final recommendation in the expected set | >= 95% |" in text
    assert "| downturn | " in text


def test_the_end_to_end_path_reads_the_same_alliance_months_through_radar_import(capsys, tmp_path):
    argv = ["--e2e", "--seed", "3", "--alliances-per-class", "1", "--classes", "declining,noise"]
    assert main([*argv, "--workdir", str(tmp_path), "--json"]) == 0

    engine, e2e = json.loads(capsys.readouterr().out)["runs"]
    assert (engine["path"], e2e["path"]) == ("engine", "e2e")
    for run in (engine, e2e):
        assert run["figures"]["declining"]["alliances"] == 2
        assert run["figures"]["quiet"]["alliances"] == 1
    assert (
        e2e["figures"]["quiet"]["alliance_months"] == engine["figures"]["quiet"]["alliance_months"]
    )
    fidelity = e2e["fidelity"]
    assert fidelity["partner_invited"]["store"] == fidelity["partner_invited"]["truth"] > 0
    assert fidelity["emails_outbound"]["store"] == fidelity["emails_outbound"]["truth"] > 0
    kept = tmp_path / "seed-3"
    assert (kept / "bundle" / "manifest.json").is_file() and (kept / "imports.log").is_file()
    assert "radar import calendar-" in (kept / "imports.log").read_text(encoding="utf-8")
