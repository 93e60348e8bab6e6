"""Every status a route can answer, declared in OpenAPI next to its success.

All routes need a reader or an editor (401 without a valid token or session, 403
for a caller whose role does not allow it); a slug or id in the path can be
unknown (404); parameters and bodies can be invalid (422); some writes clash
with what exists or would take records with them (409).
"""

from __future__ import annotations

from typing import Any

from radar.api.schemas import Problem


def answers(
    status: int,
    schema: Any,
    *,
    found: bool = True,
    write: bool = False,
    conflict: bool = False,
    invalid: bool = True,
) -> dict[int, Any]:
    """`{status: schema}` plus the errors: 401 always; 403 for writes; 404 when the path
    names something (`found`); 409 for `conflict`; 422 when there is anything to validate."""
    codes = {status: schema, 401: Problem}
    if write:
        codes[403] = Problem
    if found:
        codes[404] = Problem
    if conflict:
        codes[409] = Problem
    if invalid:
        codes[422] = Problem
    return codes
