"""Turn a benchmark run into figures, and print them against the targets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from bench.run import Run

# Targets at 1,000 alliances x 36 months on a 2-core machine (issue #2, "Performance").
IMPORT_TARGET_S = 60.0
EVALUATE_TARGET_S = 30.0
RATIO_TARGET = 3.0
RSS_TARGET_MB = 1024.0
READ_PATH_LABELS = {  # bench.read_path's figures (issue 14)
    "dashboard_warm": "dashboard GET /, warm",
    "dashboard_after_evaluation": "dashboard GET /, first visit after a re-evaluation",
    "rescore": "one write + re-score of one alliance",
}


def figures(run: Run) -> dict[str, Any]:
    """The figures of a run. The headline evaluation is `radar evaluate`'s default
    ("evaluate_workers": one process per core for a big portfolio); the one-process
    run ("evaluate") is kept beside it, split into load / engine / store."""
    phases = run.phases
    serial = phases["evaluate"].result
    scan = run.seconds("scan")
    headline = run.seconds("evaluate_workers")
    scan_cpu = phases["scan"].result["cpu"]
    return {
        "alliances": run.alliances,
        "months": run.months,
        "database": run.db,
        "rows": phases["generate"].result["counts"],
        "seconds": {name: round(p.result["seconds"], 3) for name, p in phases.items()},
        # CPU the phase's process and its workers spent (with SQLite: the database's too).
        "cpu_seconds": {name: round(p.result.get("cpu", 0.0), 2) for name, p in phases.items()},
        "workers": phases["evaluate_workers"].result["workers"],
        # Which engine build `radar evaluate` ran: "compiled" (mypyc) or "python".
        "engine_build": phases["evaluate_workers"].result["engine_build"],
        "evaluate_parts": {
            k: round(serial[k], 3)
            for k in ("load", "engine", "store", "load_cpu", "engine_cpu", "store_cpu")
        },
        "runs": {
            name: phases[name].result.get("runs", [])
            for name in ("scan", "evaluate", "evaluate_workers", "evaluate_workers_python")
        },
        "peak_rss_mb": {name: round(p.rss_mb, 1) for name, p in phases.items()},
        "ratio_evaluate_to_scan": round(_ratio(headline, scan), 2),
        "ratio_evaluate_to_scan_cpu": round(
            _ratio(phases["evaluate_workers"].result["cpu"], scan_cpu), 2
        ),
        "ratio_one_process_to_scan": round(_ratio(run.seconds("evaluate"), scan), 2),
        "ratio_pure_python_to_scan": round(_ratio(run.seconds("evaluate_workers_python"), scan), 2),
        "ratio_one_process_to_scan_cpu": round(_ratio(serial["cpu"], scan_cpu), 2),
        "read_path": {
            key: phases["read_path"].result[key]
            for key in ("dashboard_warm", "dashboard_after_evaluation", "rescore", "load_average")
        },
        "targets": {
            "import_under_60s": run.seconds("import") < IMPORT_TARGET_S,
            "evaluate_under_30s": headline < EVALUATE_TARGET_S,
            "evaluate_within_3x_scan": _ratio(headline, scan) <= RATIO_TARGET,
            "peak_rss_under_1gb": max(p.rss_mb for p in phases.values()) < RSS_TARGET_MB,
        },
    }


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole > 0 else float("inf")


def _mark(ok: bool) -> str:
    return "[green]met[/]" if ok else "[bold red]missed[/]"


def show(data: dict[str, Any]) -> None:
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)
    rows = data["rows"]
    console.print(
        f"[bold]Alliance Radar benchmark[/]: {data['alliances']:,} alliances x "
        f"{data['months']} months, {rows.get('interactions', 0):,} interactions, "
        f"{rows.get('interaction_participants', 0):,} participants, "
        f"{rows.get('metric_values', 0):,} metric values — {data['database']} — {data['machine']}"
    )
    seconds, cpu, rss = data["seconds"], data["cpu_seconds"], data["peak_rss_mb"]
    targets, parts = data["targets"], data["evaluate_parts"]
    table = Table(show_lines=False)
    for column in ("phase", "wall (s)", "CPU (s)", "peak RSS (MB)", "target", ""):
        table.add_column(column)

    def phase(label: str, name: str, target: str = "", ok: bool | None = None) -> None:
        mark = "" if ok is None else _mark(ok)
        table.add_row(
            label, f"{seconds[name]:.3f}", f"{cpu[name]:.2f}", f"{rss[name]:.0f}", target, mark
        )

    def ratio_row(label: str, wall: float, cpu_ratio: float, ok: bool) -> None:
        # With PostgreSQL the scan's work happens in the server: no CPU ratio.
        shown = "—" if "PostgreSQL" in data["database"] else f"{cpu_ratio:.1f}x"
        table.add_row(label, f"{wall:.1f}x", shown, "", "≤ 3x", _mark(ok))

    phase("generate bundle", "generate")
    phase("import bundle", "import", "< 60 s", targets["import_under_60s"])
    phase("raw SQL scan (GROUP BY alliance)", "scan", "reference")
    workers, build = data["workers"], data["engine_build"]
    phase(
        f"full evaluation ({workers} processes, {build} engine, as radar evaluate)",
        "evaluate_workers",
        "< 30 s",
        targets["evaluate_under_30s"],
    )
    ratio_row(
        "evaluation / scan",
        data["ratio_evaluate_to_scan"],
        data["ratio_evaluate_to_scan_cpu"],
        targets["evaluate_within_3x_scan"],
    )
    phase(f"full evaluation, pure-Python engine ({workers} processes)", "evaluate_workers_python")
    pure = data["ratio_pure_python_to_scan"]
    table.add_row("pure-Python evaluation / scan", f"{pure:.1f}x", "", "", "", "")
    phase(f"full evaluation, one process ({build} engine)", "evaluate")
    for part in ("load", "engine", "store"):
        table.add_row(f"  {part}", f"{parts[part]:.2f}", f"{parts[part + '_cpu']:.2f}", "", "", "")
    one = data["ratio_one_process_to_scan"]
    ratio_row("one process / scan", one, data["ratio_one_process_to_scan_cpu"], one <= RATIO_TARGET)
    table.add_row(
        "peak RSS (any phase)",
        "",
        "",
        f"{max(rss.values()):.0f}",
        "< 1024 MB",
        _mark(targets["peak_rss_under_1gb"]),
    )
    console.print(table)
    runs = data["runs"]
    console.print(
        f"all runs (wall s) — scan: {runs['scan']}  evaluation: {runs['evaluate_workers']}  "
        f"pure-Python engine: {runs['evaluate_workers_python']}  one process: {runs['evaluate']}"
    )
    read = data["read_path"]
    for key, label in READ_PATH_LABELS.items():
        found = read[key]
        wall, cpu = found["wall_ms"], found["cpu_ms"]
        console.print(
            f"{label}: CPU {cpu[0]:.0f} / {cpu[1]:.0f} / {cpu[2]:.0f} ms, "
            f"wall {wall[0]:.0f} / {wall[1]:.0f} / {wall[2]:.0f} ms (min / median / max), "
            f"target < {found['target_ms']:.0f} ms (median CPU): {_mark(found['within'])}"
        )
    load = read["load_average"]
    console.print(f"load average during the read path: {load[0]} {load[1]} {load[2]}")
    if build != "compiled":
        console.print(
            "[yellow]The engine ran as pure Python: `make compile` builds the compiled one.[/]"
        )
    console.print(
        "CPU = time the phase's process and its workers spent working "
        "(SQLite included; PostgreSQL's server not)"
    )
