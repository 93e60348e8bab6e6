"""`radar backup` / `radar restore`: every row of every table, and the uploaded files.

A backup is one zip file (docs/operations.md, "Backup and restore"):

    manifest.json                  format, schema (migrations applied), counts, checksums
    data/<app>.<Model>.jsonl       one JSON object per row, in primary-key order
    files/…                        the media folder (RADAR_DATA_DIR/media)

Rows keep their primary keys, so every reference (owners, recorders, tokens,
history) comes back exactly; content types and permissions, which each
database numbers itself, are written by natural key. The same database gives
the same bytes whatever engine it lives on: a SQLite backup restores into
PostgreSQL and backs up again identically.
"""
