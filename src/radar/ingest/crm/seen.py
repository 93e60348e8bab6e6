"""Which record ids a CRM export has already shown, kept in the database, not in memory.

An export may hold millions of rows; remembering every id in Python would
make memory grow with the file. The ids go into a temporary table with a
primary key instead, a chunk at a time, inside the import's transaction (a
rollback removes the table with everything else), and each chunk asks it
which of its ids came before: the bundle importer's duplicate check works
the same way, through the database's own unique index.
"""

from __future__ import annotations

from django.db import connection

TABLE = "radar_crm_seen"
BATCH = 500  # ids per lookup, well under both databases' parameter limits


def _qualified() -> str:
    schema = "pg_temp" if connection.vendor == "postgresql" else "temp"
    return f"{schema}.{TABLE}"


class SeenIds:
    """The ids read so far, and the row that first held each."""

    def __init__(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {_qualified()}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {TABLE} "
                "(record_id VARCHAR(200) PRIMARY KEY, row_number INTEGER NOT NULL)"
            )

    def earlier(self, ids: list[tuple[str, int]]) -> dict[int, int]:
        """For one chunk's (id, row) pairs: {row: the earlier row with its id} for repeats.

        The ids seen for the first time are remembered for the next chunks.
        """
        first: dict[str, int] = {}
        with connection.cursor() as cursor:
            keys = list({record_id for record_id, _ in ids})
            for start in range(0, len(keys), BATCH):
                batch = keys[start : start + BATCH]
                marks = ", ".join(["%s"] * len(batch))
                cursor.execute(
                    f"SELECT record_id, row_number FROM {TABLE} WHERE record_id IN ({marks})",
                    batch,
                )
                first.update(cursor.fetchall())
            known = set(first)
            repeats: dict[int, int] = {}
            for record_id, row in ids:
                earlier = first.setdefault(record_id, row)
                if earlier != row:
                    repeats[row] = earlier
            new = [(i, r) for i, r in first.items() if i not in known]
            if new:
                cursor.executemany(f"INSERT INTO {TABLE} VALUES (%s, %s)", new)
        return repeats

    def drop(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {_qualified()}")
