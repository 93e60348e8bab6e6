"""The REST API, mounted at /api/: OpenAPI at /api/openapi.json, docs at /api/docs.

The docs page is Swagger UI served from django-ninja's own bundled static files
("ninja" in INSTALLED_APPS), so it works offline — no CDN.
"""

from __future__ import annotations

from ninja import Swagger

from radar import __version__
from radar.api import limits
from radar.api.auth import READERS, docs_guard
from radar.api.openapi import RadarAPI
from radar.api.routes import alliances, record_changes, records

api = RadarAPI(
    title="Alliance Radar API",
    version=__version__,
    description=(
        "Read and record alliance data. Authenticate with `Authorization: Bearer <token>` "
        "(create one with `radar manage create_api_token USERNAME`). Roles as in the web app: "
        "viewers and reviewers read, managers and admins also write."
    ),
    auth=READERS,
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_decorator=docs_guard,
    urls_namespace="api",
)
limits.install(api)
api.add_router("/", alliances.router)
api.add_router("/", records.router)
api.add_router("/", record_changes.router)
