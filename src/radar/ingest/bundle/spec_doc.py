"""Render the column tables of docs/bundle-format.md from the spec.

`python -m radar.ingest.bundle.spec_doc` prints them; a test checks the doc
contains exactly these tables, so the doc cannot drift from the reader.
"""

from __future__ import annotations

from radar.ingest.bundle.cells import number_text
from radar.ingest.bundle.spec import ENTITIES, Column, Entity


def _allowed(column: Column) -> str:
    parts: list[str] = []
    if column.choices:
        parts.append(", ".join(f"`{c}`" for c in column.choices))
    if column.minimum is not None or column.maximum is not None:
        low = "" if column.minimum is None else number_text(column.minimum)
        high = "" if column.maximum is None else number_text(column.maximum)
        parts.append(f"{low}…{high}")
    if column.max_length:
        parts.append(f"≤ {column.max_length} chars")
    return "; ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_entity(entity: Entity) -> str:
    key = " + ".join(entity.key)
    lines = [
        f"Key: `{key}`",
        "",
        "| column | type | required | default | allowed values | example | notes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in entity.columns:
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{c.name}`",
                    c.type,
                    "yes" if c.required else "",
                    f"`{c.default}`" if c.default else "",
                    _cell(_allowed(c)),
                    f"`{_cell(c.example)}`" if c.example else "",
                    _cell(c.help),
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def render_all() -> str:
    out: list[str] = []
    for entity in ENTITIES:
        out += [f"### {entity.file}", ""]
        if entity.help:
            out += [entity.help, ""]
        out += [render_entity(entity), ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render_all())
