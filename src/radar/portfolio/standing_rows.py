"""Standing rows (radar.portfolio.models.standing): built from a payload, upserted in bulk.

`values` boils an assessment payload (`Assessment.to_dict()`) down to the columns
the pages read; `write` upserts them, keeping the newest assessment of each
alliance (an older day, stored by a backtest, never replaces a newer one);
`rebuild` rewrites every row from the stored assessments.
Migration 0012 holds a frozen copy of `values` for its backfill: keep them in step
by hand only when a new migration rebuilds the rows (`radar manage rebuild_standings`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery

from radar.portfolio.flag_kinds import kind_of_flag
from radar.portfolio.models import Assessment, Standing

# The columns after (alliance_id, as_of, computed_at), in the order `values` returns them.
COLUMNS = (
    "score",
    "baseline",
    "trend",
    "phase",
    "action",
    "headline",
    "systemic",
    "systemic_categories",
    "history",
    "category_scores",
    "confirmed_by_category",
    "watching_by_category",
    "confirmed_titles",
    "cadence",
    "confirmed_total",
    "signal_total",
    "signal_categories",
    "review_due",
    "flag_count",
    "flag_kinds",
)
JSON_COLUMNS = frozenset(
    {
        "systemic_categories",
        "history",
        "category_scores",
        "confirmed_by_category",
        "watching_by_category",
        "confirmed_titles",
        "cadence",
    }
)
BATCH_SIZE = 500

Values = tuple[Any, ...]  # one row's COLUMNS; the JSON ones already as text


def values(payload: Mapping[str, Any]) -> Values:
    """The standing columns of one assessment payload (JSON columns as text)."""
    confirmed: dict[str, int] = {}
    watching: dict[str, int] = {}
    titles: list[str] = []
    for signal in payload.get("signals", []):
        if signal.get("polarity") != "negative":
            continue
        bucket = confirmed if signal.get("confirmed") else watching
        bucket[signal["category"]] = bucket.get(signal["category"], 0) + 1
        if signal.get("confirmed"):
            titles.append(str(signal.get("title", "")))
    recommendation = payload.get("recommendation", {})
    flagged = sorted(set(confirmed) | set(watching))
    cadence = list(payload.get("cadence", []))
    kinds = sorted({kind_of_flag(str(flag.get("code", ""))) for flag in cadence})
    return (
        None if payload.get("score") is None else float(payload["score"]),
        payload.get("baseline_score"),
        str(payload.get("trend", "")),
        str(payload.get("phase", {}).get("phase", "")),
        str(recommendation.get("action", "")),
        str(recommendation.get("headline", "")),
        bool(payload.get("systemic")),
        json.dumps(list(payload.get("systemic_categories", []))),
        json.dumps(
            [float(p["score"]) for p in payload.get("score_history", []) if p["score"] is not None]
        ),
        json.dumps({c["category"]: c.get("score") for c in payload.get("categories", [])}),
        json.dumps(confirmed),
        json.dumps(watching),
        json.dumps(titles),
        json.dumps(cadence),
        sum(confirmed.values()),
        sum(confirmed.values()) + sum(watching.values()),
        f" {' '.join(flagged)} " if flagged else "",
        review_due(cadence),
        len(cadence),
        f" {' '.join(kinds)} " if kinds else "",
    )


def review_due(cadence: Sequence[Mapping[str, Any]]) -> date | None:
    """The due day of the engine's review flag (radar.web.dashboard.portfolio.next_review reads it
    the same way); None without one."""
    for flag in cadence:
        if flag.get("code") == "review_overdue" and flag.get("due"):
            try:
                return date.fromisoformat(str(flag["due"]))
            except ValueError:
                return None
    return None


Row = tuple[int, date, datetime, Values]  # alliance id, as_of, computed_at, values


# Rows written at once from which the table's planner statistics are refreshed.
ANALYZE_AFTER = 1000


def write(rows: Sequence[Row]) -> int:
    """Upsert the rows (call inside the assessments' transaction); returns the count."""
    if not rows:
        return 0
    ops = connection.ops
    due = COLUMNS.index("review_due")
    params = [
        (
            pk,
            ops.adapt_datefield_value(day),
            ops.adapt_datetimefield_value(at),
            *found[:due],
            ops.adapt_datefield_value(found[due]),
            *found[due + 1 :],
        )
        for pk, day, at, found in rows
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        sql = _upsert_sql()
        for start in range(0, len(params), BATCH_SIZE):
            cursor.executemany(sql, params[start : start + BATCH_SIZE])
        if connection.vendor == "postgresql" and len(rows) >= ANALYZE_AFTER:
            # A portfolio-wide rewrite leaves PostgreSQL's statistics of the table stale
            # until autovacuum comes round (a minute or more); meanwhile the dashboard's
            # planner picks a plan 5x slower. Fresh statistics cost a few milliseconds.
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Standing._meta.db_table)}")
    return len(rows)


def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(Standing._meta.db_table)
    names = ("alliance_id", "as_of", "computed_at", *COLUMNS)
    cast = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    marks = [cast if name in JSON_COLUMNS else "%s" for name in names]
    updates = ", ".join(f"{quote(n)} = EXCLUDED.{quote(n)}" for n in names[1:])
    # The newest assessment stands: an older day stored later leaves the row alone.
    return (
        f"INSERT INTO {table} ({', '.join(map(quote, names))}) VALUES ({', '.join(marks)}) "
        f"ON CONFLICT ({quote('alliance_id')}) DO UPDATE SET {updates} "
        f"WHERE {table}.{quote('as_of')} <= EXCLUDED.{quote('as_of')}"
    )


def latest_assessments() -> Iterator[tuple[int, date, datetime, dict[str, Any]]]:
    """(alliance id, as_of, computed_at, payload) of each alliance's newest assessment."""
    newest = Assessment.objects.filter(alliance=OuterRef("alliance")).order_by("-as_of")
    latest = Assessment.objects.filter(as_of=Subquery(newest.values("as_of")[:1])).order_by()
    fields = ("alliance_id", "as_of", "computed_at", "payload")
    return latest.values_list(*fields).iterator(chunk_size=BATCH_SIZE)


def rebuild() -> int:
    """Rewrite every standing row from the stored assessments; returns how many there are."""
    count = 0
    with transaction.atomic():
        Standing.objects.all().delete()
        batch: list[Row] = []
        for alliance_id, as_of, computed_at, payload in latest_assessments():
            batch.append((alliance_id, as_of, computed_at, values(payload)))
            if len(batch) >= BATCH_SIZE:
                count += write(batch)
                batch = []
        count += write(batch)
    return count
