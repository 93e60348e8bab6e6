"""Neutralise spreadsheet formulas in cells that come from user input (CSV/formula injection).

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run
as a formula by Excel, LibreOffice and Google Sheets when the file is opened; a
partner's name or an observation title could then call out or run code. OWASP's
guidance: prefix such a cell with a single quote so it is shown as text. Every
export that writes user text into a spreadsheet or CSV cell goes through `safe_cell`.

The bundle importer reads such cells back with `restore_cell`, so an export
re-imports to the same text. A text that already starts with quotes before a
formula character gets one more, so the round trip is exact for any text.
"""

from __future__ import annotations

from typing import Any

# https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _looks_neutralised(text: str) -> bool:
    return text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS)


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula, made inert; anything else as is."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or _looks_neutralised(value)):
        return "'" + value
    return value


def safe_row(values: list[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def restore_cell(text: str) -> str:
    """The text `safe_cell` was given (a cell without its added quote)."""
    return text[1:] if _looks_neutralised(text) else text
