"""Straight-line row parsers, generated once per file.

A million-row import spends most of its time turning cells into values.
A loop over columns with a function call per cell costs about twice as much
as straight-line code with the common types inlined (`int(c)`, a dict
lookup for allowed values), so each file gets such a function. It does not
explain errors: on any exception the caller falls back to the careful,
per-cell parser, which does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from radar.exports.safe_cells import restore_cell
from radar.ingest.bundle import spec
from radar.ingest.bundle.cells import _FALSE, _TRUE

FastParser = Callable[[list[str]], list[Any]]
BOOLS = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}


class _Blank(Exception):
    """A required cell is blank (the careful parser reports it)."""


def _raise_blank() -> Any:
    raise _Blank


def compile_parser(plan: list[tuple[spec.Column, int | None, Any, bool, Any]]) -> FastParser:
    env: dict[str, Any] = {
        "BOOLS": BOOLS,
        "fromisoformat": date.fromisoformat,
        "datetime_fromisoformat": datetime.fromisoformat,
        "UTC": UTC,
        "BLANK": _raise_blank,
        "RESTORE": restore_cell,
    }
    lines = ["def fast(cells):", "    n = len(cells)"]
    names = []
    for k, (column, position, parse, trim, blank) in enumerate(plan):
        name = f"v{k}"
        names.append(name)
        env[f"B{k}"], env[f"P{k}"] = blank, parse
        if position is None:
            lines.append(f"    {name} = B{k}")
            continue
        lines.append(f"    c = cells[{position}] if {position} < n else ''")
        if trim:
            lines.append("    c = c.strip()")
        expression = _expression(column, k, env)
        otherwise = "BLANK()" if column.required else f"B{k}"
        lines.append(f"    {name} = ({expression}) if c else {otherwise}")
    lines.append(f"    return [{', '.join(names)}]")
    exec("\n".join(lines), env)
    fast: FastParser = env["fast"]
    return fast


def _expression(column: spec.Column, k: int, env: dict[str, Any]) -> str:
    if column.type == spec.TEXT:
        # A quote an export put before a formula character goes (radar.exports.safe_cells).
        text = '(RESTORE(c) if c[0] == "\'" else c)'
        if column.max_length is None:
            return text
        return f"x if len(x := {text}) <= {column.max_length} else BLANK()"
    if column.type == spec.ENUM:
        env[f"E{k}"] = {choice: choice for choice in column.choices}
        return f"E{k}[c]"
    if column.type == spec.BOOL:
        return "BOOLS[c.lower()]"
    if column.type == spec.DATE:
        return "fromisoformat(c)"
    if column.type == spec.DATETIME:
        # What an export writes (UTC) as is; other offsets and local times the long way.
        return f"x if (x := datetime_fromisoformat(c)).tzinfo is UTC else P{k}(c)"
    if column.type in (spec.INT, spec.NUMBER):
        # x - x == 0 rejects nan and infinities; the careful parser says why.
        cast = "int(c)" if column.type == spec.INT else "float(c)"
        checks = ["x - x == 0"]
        if column.minimum is not None:
            checks.append(f"x >= {column.minimum!r}")
        if column.maximum is not None:
            checks.append(f"x <= {column.maximum!r}")
        return f"x if ((x := {cast}) is not None and {' and '.join(checks)}) else BLANK()"
    return f"P{k}(c)"
