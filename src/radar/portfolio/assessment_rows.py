"""Assessment rows, prepared anywhere and written in one upsert.

An `Assessment` row is mostly its payload: the engine's `to_dict()` as JSON,
5-6 KB per alliance. Building it is the costly part of a store (about 0.2 s
of CPU for 1,000 alliances), so it is split from the write: `prepare` turns an
assessment into plain values (forked workers call it in parallel and send the
rows back with the assessments), `write` upserts prepared rows with one raw
`executemany` per batch. Through `bulk_create` the same write cost about
0.08 s more in Django's per-object work, all of it in the parent, serial.

The payload goes in as the text `JSONField` itself would send (`json.dumps`
with its defaults), so the ORM reads back exactly the same value. Each row also
carries its alliance's standing (radar.portfolio.standing_rows), prepared from
the same payload and upserted in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from django.db import connection, transaction
from django.db.models.constants import OnConflict
from django.utils import timezone

from radar.engine.assessment import Assessment
from radar.portfolio import models, standing_rows

# One prepared row: the values of COLUMNS, in order (computed_at is added by `write`),
# then the alliance's standing columns (standing_rows.COLUMNS).
Row = tuple[
    int, date, float | None, float | None, str, str, str, bool, int, str, str, standing_rows.Values
]

COLUMNS = (
    "alliance_id",
    "as_of",
    "score",
    "baseline_score",
    "trend",
    "phase",
    "recommendation",
    "systemic",
    "confirmed_signals",
    "payload",
    "schema_version",
)
UNIQUE = ("alliance_id", "as_of")  # the assessment_per_day constraint
# Columns rewritten when an alliance is assessed again on the same day.
UPDATED = (*COLUMNS[2:], "computed_at")
BATCH_SIZE = 200
# How each column's value is written: PostgreSQL's jsonb takes the text by a cast.
JSON_PLACEHOLDER = {"postgresql": "%s::jsonb"}


def prepare(assessment: Assessment) -> Row:
    """The row one assessment is stored as."""
    payload = assessment.to_dict()
    return (
        assessment.alliance_id,
        assessment.as_of,
        assessment.score,
        assessment.baseline_score,
        assessment.trend,
        assessment.phase.phase.value,
        assessment.recommendation.action.value,
        assessment.systemic,
        len(assessment.confirmed_signals),
        json.dumps(payload),  # what JSONField would send (adapt_json_value)
        assessment.schema_version,
        standing_rows.values(payload),
    )


def write(rows: Sequence[Row]) -> int:
    """Upsert one Assessment per (alliance, as_of) in one transaction; returns the count."""
    if not rows:
        return 0
    ops = connection.ops
    instant = timezone.now()  # auto_now: one instant for the batch
    now = ops.adapt_datetimefield_value(instant)
    values = [(*row[:1], ops.adapt_datefield_value(row[1]), *row[2:-1], now) for row in rows]
    with transaction.atomic(), connection.cursor() as cursor:
        sql = _insert_sql()
        for start in range(0, len(values), BATCH_SIZE):
            cursor.executemany(sql, values[start : start + BATCH_SIZE])
        standing_rows.write([(row[0], row[1], instant, row[-1]) for row in rows])
    return len(rows)


def _insert_sql() -> str:
    quote = connection.ops.quote_name
    names = (*COLUMNS, "computed_at")
    json_placeholder = JSON_PLACEHOLDER.get(connection.vendor, "%s")
    placeholders = [json_placeholder if name == "payload" else "%s" for name in names]
    suffix = connection.ops.on_conflict_suffix_sql(
        [models.Assessment._meta.get_field(name.removesuffix("_id")) for name in names],
        OnConflict.UPDATE,
        UPDATED,
        UNIQUE,
    )
    return (
        f"INSERT INTO {quote(models.Assessment._meta.db_table)} "
        f"({', '.join(map(quote, names))}) VALUES ({', '.join(placeholders)}) {suffix}"
    )
