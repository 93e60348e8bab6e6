"""Insert many rows with one prepared statement (executemany), not the ORM's compiler.

bulk_create builds SQL through the query compiler for every value, which costs
more than parsing the calendar. Here each model field is adapted once per value
with the backend's own adapters, so it stays portable (SQLite, PostgreSQL).
Fields the caller leaves out get their model default, as the ORM would give.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import connection, models

from radar.portfolio.activity import bulk_inserting

BATCH = 5_000


def insert_many(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(str(meta.db_table))} ({columns}) VALUES ({marks})"
    )
    defaults = {f.attname: f.get_default() for f in fields}
    names = [f.attname for f in fields]
    # Only dates, times and JSON need the backend's adapter; the rest pass as they are.
    adapters = [(i, _adapter(f)) for i, f in enumerate(fields) if _adapter(f) is not None]
    count = 0
    batch: list[tuple[Any, ...]] = []
    # Interactions and participants: their alliances are marked once for the
    # monthly totals, not by a trigger per row (radar.portfolio.activity).
    with bulk_inserting(str(meta.db_table)) as note, connection.cursor() as cursor:
        for row in rows:
            note(row)
            values = [row.get(n, defaults[n]) for n in names]
            for index, adapt in adapters:
                if values[index] is not None:
                    values[index] = adapt(values[index])  # type: ignore[misc]
            batch.append(tuple(values))
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _adapter(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        return json.dumps
    return None
