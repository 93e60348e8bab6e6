"""The portfolio bundle (docs/bundle-format.md) for what calendars and mailboxes do not hold.

Partners with their e-mail domains, alliances, agreements, governance bodies,
contacts with roles and departures, deliverables, metric definitions and
values (marked as the partner's or ours), surveys and answers, observations,
context factors, and the calls our team logs in its CRM.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from bench.accuracy.world import World
from radar.ingest.bundle import spec

Row = dict[str, Any]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def _rows(world: World) -> dict[str, list[Row]]:
    a = world.name
    people = {p.email: p for p in world.people}
    agreement = world.agreement
    rows: dict[str, list[Row]] = {
        "partners": [{"name": world.partner, "email_domains": world.domain}],
        "alliances": [
            {"name": a, "partner": world.partner, "kind": world.kind, "tier": world.tier,
             "owner_name": people[world.owner].name, "started_on": world.started}
        ],
        "agreements": [
            {"alliance": a, "signed_on": agreement.signed, "renewal_on": agreement.renewal,
             "next_review_on": agreement.next_review,
             "review_interval_months": agreement.review_interval_months,
             "exit_notice_days": agreement.exit_notice_days,
             "review_clause": "Joint review every period" if agreement.has_review_clause else "",
             "exit_clause": "Either side, with notice" if agreement.has_exit_clause else ""}
        ],
        "governance": [
            {"alliance": a, "name": g.name, "tier": g.tier, "ritual": g.ritual,
             "cadence_days": g.cadence_days}
            for g in world.governance
        ],
        "contacts": [
            {"alliance": a, "side": p.side, "name": p.name, "email": p.email, "title": p.title,
             "role": p.role, "started_on": p.started, "ended_on": p.ended,
             "end_reason": p.end_reason or None, "successor": p.successor}
            for p in world.people
        ],
        "deliverables": [
            {"alliance": a, "title": d.title, "due_on": d.due, "side": d.side, "done_on": d.done,
             "status": d.status}
            for d in world.deliverables
        ],
        "metrics": [
            {"alliance": a, "key": m.definition.key, "name": m.definition.name,
             "unit": m.definition.unit, "kind": m.definition.kind,
             "higher_is_better": m.definition.higher_is_better}
            for m in world.metrics
        ],
        "metric_values": [
            {"alliance": a, "metric": m.definition.key, "period": f"{day:%Y-%m}", "value": value,
             "source": "partner" if m.supplied_by == "partner" else "crm"}
            for m in world.metrics
            for day, value in m.points
        ],
    }  # fmt: skip
    rows.update(_surveys(world) | _events(world))
    return rows


def _surveys(world: World) -> dict[str, list[Row]]:
    a = world.name
    titles = {"pulse": "Quarterly pulse", "health": "Partnership health survey"}
    return {
        "surveys": [
            {"alliance": a, "kind": s.kind, "sent_on": s.sent, "scale_max": int(s.scale_max),
             "title": f"{titles.get(s.kind, s.kind)} {s.sent:%Y-%m}"}
            for s in world.surveys
        ],
        "survey_responses": [
            {"alliance": a, "survey_kind": s.kind, "survey_sent_on": s.sent, "side": r.side,
             "submitted_on": r.submitted, "score": r.score}
            for s in world.surveys
            for r in s.responses
        ],
    }  # fmt: skip


def _events(world: World) -> dict[str, list[Row]]:
    a = world.name
    calls = [
        {"alliance": a, "kind": "call", "occurred_at": c.when.isoformat(), "direction": "mutual",
         "subject": c.subject, "duration_minutes": c.minutes, "source": "crm",
         "external_id": f"call-{n}"}
        for n, c in enumerate(world.calls, start=1)
    ]  # fmt: skip
    participants = [
        {"alliance": a, "source": "crm", "external_id": f"call-{n}", "contact": email}
        for n, c in enumerate(world.calls, start=1)
        for email in (c.partner, c.ours)
    ]
    return {
        "interactions": calls,
        "interaction_participants": participants,
        "observations": [
            {"alliance": a, "observed_on": o.observed, "title": o.title, "category": o.category,
             "polarity": o.polarity, "kind": o.kind, "source": o.source}
            for o in world.observations
        ],
        "context_factors": [
            {"alliance": a, "kind": c.kind, "starts_on": c.start, "ends_on": c.end, "note": c.note}
            for c in world.context
        ],
    }  # fmt: skip


def write_bundle(folder: Path, worlds: Iterable[World]) -> dict[str, int]:
    """A bundle folder (manifest.json + one CSV per entity); returns rows per file."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[Row]] = {}
    for world in worlds:
        for name, rows in _rows(world).items():
            tables.setdefault(name, []).extend(rows)
    counts = {}
    for name, rows in tables.items():
        columns = spec.BY_NAME[name].column_names
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
        counts[name] = len(rows)
    manifest = {"format": "alliance-radar-bundle", "format_version": "1", "counts": counts}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return counts
