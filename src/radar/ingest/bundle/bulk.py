"""Plain SQL for writing many rows: INSERT/COPY, executemany UPDATE, index rebuilds.

Building a model instance per row would cost more than the whole rest of
the import at a million rows, so the writer hands tuples of parameters to
the database driver here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from django.db import connection, models

# Indexes that no constraint owns (primary keys stay): name and how to rebuild it.
_SECONDARY_INDEXES = {
    "sqlite": "SELECT name, sql FROM sqlite_master "
    "WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
    "postgresql": "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
    "JOIN pg_class i ON i.oid = x.indexrelid "
    "WHERE x.indrelid = %s::regclass "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
}


def quoted(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def insert(model: type[models.Model], fields: list[Any], params: list[tuple[Any, ...]]) -> None:
    qn = connection.ops.quote_name
    columns = ", ".join(qn(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams rows without building (and parsing) a statement with
            # tens of thousands of placeholders.
            with cursor.cursor.copy(f"COPY {quoted(model)} ({columns}) FROM STDIN") as copy:
                for row in params:
                    copy.write_row(row)
            return
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        # SQLite's executemany loops in C; one statement is prepared once.
        cursor.executemany(f"INSERT INTO {quoted(model)} ({columns}) VALUES {one}", params)


def update(model: type[models.Model], fields: list[Any], params: list[tuple[Any, ...]]) -> None:
    """UPDATE by primary key; each tuple is the fields' values, then the pk."""
    qn = connection.ops.quote_name
    sets = ", ".join(f"{qn(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quoted(model)} SET {sets} WHERE {qn(model._meta.pk.column)} = %s"
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def drop_indexes(model: type[models.Model]) -> list[str]:
    """Drop the table's secondary indexes; returns the statements that rebuild them.

    Loading a big empty table without them and building each once (sorted)
    is much cheaper than maintaining them row by row. Inside the import's
    transaction, so a rollback or failure restores them.
    """
    if connection.vendor not in _SECONDARY_INDEXES:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_SECONDARY_INDEXES[connection.vendor], [model._meta.db_table])
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return [sql for _, sql in indexes]


def rebuild_indexes(statements: list[str]) -> None:
    """Raises IntegrityError when a unique index finds duplicate keys."""
    if not statements:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Pending deferred foreign-key checks block CREATE INDEX: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in statements:
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def params_function(fields: list[Any], extra: list[tuple[Any, Any]]) -> Callable[..., Any]:
    """Compile: a row's values (plus constant extras) -> query parameters."""
    env: dict[str, Any] = {}
    parts = []
    for i, field in enumerate(fields):
        adapt = adapter(field)
        if adapt is None:
            parts.append(f"t[{i}]")
        else:
            env[f"A{i}"] = adapt
            parts.append(f"(None if t[{i}] is None else A{i}(t[{i}]))")
    for k, (field, value) in enumerate(extra):
        adapt = adapter(field)
        env[f"X{k}"] = adapt(value) if adapt is not None and value is not None else value
        parts.append(f"X{k}")
    exec(f"def params(t):\n    return ({', '.join(parts)},)", env)
    params: Callable[..., Any] = env["params"]
    return params


def _sqlite_datetime(value: datetime) -> str:
    """Django keeps SQLite date-times as naive UTC text ("2024-03-05 14:00:00").

    The reader already gives UTC values; cutting "+00:00" off their text costs
    a third of converting them, at a million rows a noticeable share.
    """
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(" ")[:-6]


def adapter(field: Any) -> Callable[[Any], Any] | None:
    """How a Python value becomes a query parameter, for types that need it."""
    sqlite = connection.vendor == "sqlite"
    if isinstance(field, models.DateTimeField):
        return _sqlite_datetime if sqlite else None
    if isinstance(field, models.DateField):
        return date.isoformat if sqlite else None
    if isinstance(field, models.BooleanField) and sqlite:
        # sqlite3 binds exact ints directly but looks an adapter up for every
        # bool (a failed attribute look-up or two): ints cost far less.
        return int
    if isinstance(field, models.JSONField | models.DecimalField):
        return lambda v: field.get_db_prep_save(v, connection)
    return None
