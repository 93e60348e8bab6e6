"""The benchmark machinery stays working (tiny scale; no timing assertions)."""

from __future__ import annotations

import csv
import json

import pytest

import radar.engine
from bench.generate import write_bundle
from bench.run import main as run_benchmark
from radar.ingest.bundle import import_bundle, spec
from radar.portfolio import models as m


def test_it_writes_a_deterministic_bundle_with_the_spec_columns(tmp_path):
    first = write_bundle(tmp_path / "a", alliances=4, months=6)
    second = write_bundle(tmp_path / "b", alliances=4, months=6)

    assert first == second
    assert first["alliances"] == 4
    assert first["interactions"] > 4 * 6 * 10
    for name in first:
        text = (tmp_path / "a" / f"{name}.csv").read_text(encoding="utf-8")
        assert text == (tmp_path / "b" / f"{name}.csv").read_text(encoding="utf-8")
        header = next(csv.reader([text.splitlines()[0]]))
        assert tuple(header) == spec.BY_NAME[name].column_names


@pytest.mark.django_db
def test_the_generated_bundle_imports_cleanly(tmp_path):
    counts = write_bundle(tmp_path, alliances=3, months=4)

    import_bundle(tmp_path)

    assert m.Alliance.objects.count() == 3
    assert m.Interaction.objects.count() == counts["interactions"]
    assert m.InteractionParticipant.objects.count() == counts["interaction_participants"]
    assert m.MetricValue.objects.count() == counts["metric_values"]


@pytest.mark.slow
def test_the_benchmark_runs_end_to_end_at_a_tiny_scale(capsys):
    run = run_benchmark(["--alliances", "3", "--months", "4", "--repeat", "2", "--json"])

    assert set(run.phases) == {
        "migrate",
        "generate",
        "import",
        "scan",
        "evaluate",
        "evaluate_workers",
        "evaluate_workers_python",
        "read_path",
    }
    assert run.phases["evaluate_workers_python"].result["engine_build"] == "python"
    build = "compiled" if radar.engine.COMPILED else "python"
    assert run.phases["evaluate_workers"].result["engine_build"] == build  # the child's own choice
    assert run.phases["scan"].result["groups"] == 3
    assert run.phases["evaluate"].result["alliances"] == 3
    assert len(run.phases["evaluate"].result["runs"]) == 2
    assert all(phase.rss_mb > 10 for phase in run.phases.values())
    read = run.phases["read_path"].result
    for key in ("dashboard_warm", "dashboard_after_evaluation", "rescore"):
        low, middle, high = read[key]["cpu_ms"]
        assert 0 < low <= middle <= high
        assert len(read[key]["queries"]) >= 1
    printed = capsys.readouterr().out
    assert '"ratio_evaluate_to_scan"' in printed and '"ratio_pure_python_to_scan"' in printed
    assert '"rescore"' in printed


@pytest.mark.django_db
def test_the_load_phase_loads_every_alliance(tmp_path):
    from bench import phases

    write_bundle(tmp_path, alliances=3, months=4)
    import_bundle(tmp_path)

    result = phases.load("2")

    assert result["alliances"] == 3
    assert result["rounds"] == 2


@pytest.mark.slow
def test_the_nightly_benchmark_runs_at_a_tiny_scale(tmp_path, capsys):
    from bench.nightly import main as nightly

    run_benchmark(
        ["--alliances", "4", "--months", "6", "--repeat", "1", "--workdir", str(tmp_path)]
    )
    capsys.readouterr()
    nightly(["--workdir", str(tmp_path), "--users", "3", "--repeat", "2", "--json"])
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert [r["alliances"] for r in summary["runs"]] == [4, 4]
    assert [r["digests"] for r in summary["runs"]] == [3, 3], "every user is due today"
    first = summary["runs"][0]
    assert first["emails"] == first["alerts"] + first["digests"], "one owner per alert"
    assert summary["seconds_min"] <= summary["seconds_median"] <= summary["seconds_max"]
