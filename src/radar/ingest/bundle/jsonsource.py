"""A bundle as one JSON file: the manifest keys and one array of objects per entity.

The JSON shape is read into memory whole, so it is capped well below the CSV
shapes (JSON_MAX_BYTES); very large portfolios travel as CSV.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from radar.ingest.base import Problem
from radar.ingest.bundle import spec
from radar.ingest.bundle.cells import format_cell
from radar.ingest.bundle.csvsource import SourceError, Table
from radar.ingest.limits import Limits, LineBudget, check_items, size, too_long

JSON_MAX_BYTES = 256 * 1024 * 1024


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


class JsonSource:
    def __init__(self, path: Path, limits: Limits):
        self.path, self.limits = path, limits
        self.label = str(path)
        self.file = path.name
        if path.stat().st_size > min(JSON_MAX_BYTES, limits.bytes):
            cap = size(min(JSON_MAX_BYTES, limits.bytes))
            message = f"a JSON bundle may be at most {cap} (it is read whole); export CSV instead"
            raise SourceError(Problem(self.file, "file", message))
        try:
            text = path.read_bytes().decode("utf-8-sig")
            data = json.loads(text, parse_constant=_no_constant)
        except UnicodeDecodeError:
            raise SourceError(Problem(self.file, "file", "the file is not UTF-8 text")) from None
        except RecursionError:
            message = "not a bundle: the JSON is nested too deeply"
            raise SourceError(Problem(self.file, "file", message)) from None
        except ValueError as exc:
            raise SourceError(Problem(self.file, "file", f"not valid JSON ({exc})")) from None
        if not isinstance(data, dict):
            raise SourceError(Problem(self.file, "file", "expected a JSON object at the top"))
        self.data: dict[str, Any] = data

    def names(self) -> set[str]:
        # An empty array (an entity the exporting store had none of) is no table.
        return {f"{key}.csv" for key, v in self.data.items() if key in spec.BY_NAME and v != []}

    def manifest(self) -> dict[str, Any] | None:
        return {k: v for k, v in self.data.items() if k not in spec.BY_NAME}

    def scan(self, files: set[str], budget: LineBudget) -> dict[str, int]:
        """Items per entity file (the rows to come)."""
        counts = {}
        for file in files:
            items = self.data[file.removesuffix(".csv")]
            counts[file] = len(items) if isinstance(items, list) else 0
        check_items(self.file, counts.values(), self.limits)
        return counts

    @contextmanager
    def table(self, entity: spec.Entity) -> Iterator[Table]:
        items = self.data[entity.name]
        if not isinstance(items, list):
            raise SourceError(Problem(self.file, entity.name, "expected an array of objects"))
        header: list[str] = []
        for item in items:
            if isinstance(item, dict):
                header += [k for k in item if k not in header]

        file = f"{self.file}:{entity.name}"

        def rows() -> Iterator[tuple[int, list[str]]]:
            for number, item in enumerate(items, start=1):
                if not isinstance(item, dict):
                    raise SourceError(Problem(file, f"item {number}", "expected a JSON object"))
                cells = [_json_cell(item.get(name)) for name in header]
                if any(len(cell) > self.limits.cell for cell in cells):
                    raise SourceError(too_long(file, f"item {number}", self.limits).problems[0])
                yield number, cells

        yield Table(file, [str(h).strip().lower() for h in header], rows())


def _json_cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return format_cell(value)
