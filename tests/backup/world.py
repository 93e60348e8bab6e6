"""A small store touching every kind of thing a backup must keep, and backup helpers."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType

from radar.accounts.roles import Role, grant_role
from radar.api.models import ApiToken
from radar.portfolio.assessments import evaluate_portfolio
from radar.portfolio.models import Alliance, Interaction, Observation


def build(alliance: Alliance) -> dict[str, Any]:
    owner = User.objects.create_user("maria", email="maria@example.com", password="owner-secret-1")
    grant_role(owner, Role.MANAGER)
    alliance.owner = owner
    alliance.save()
    _token, raw = ApiToken.issue(owner, "CRM sync")
    Interaction.objects.create(
        alliance=alliance,
        kind="meeting",
        occurred_at=datetime(2026, 9, 1, 9, 30, 15, 123456, tzinfo=UTC),
        subject="QBR",
        tone=0.1 + 0.2,  # a float that only round-trips with every digit
    )
    Observation.objects.create(
        alliance=alliance, observed_on=date(2026, 9, 2), title="Rival hiring", recorded_by=owner
    )
    evaluate_portfolio(date(2026, 9, 30))
    LogEntry.objects.create(
        user=owner,
        content_type=ContentType.objects.get_for_model(Alliance),
        object_id=str(alliance.pk),
        object_repr=alliance.name,
        action_flag=ADDITION,
    )
    media = Path(settings.MEDIA_ROOT)
    (media / "agreements").mkdir(parents=True, exist_ok=True)
    (media / "agreements" / "signed.pdf").write_bytes(b"%PDF-1.4 not really\n")
    return {"owner": owner, "token": raw}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "manifest.json"}


def manifest(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        found: dict[str, Any] = json.loads(archive.read("manifest.json"))
        return found


def rewrite(source: Path, target: Path, change_manifest: Any = None, change: Any = None) -> Path:
    """A copy of a backup with a member or the manifest changed (checksums kept or not)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "manifest.json" and change_manifest is not None:
                data = json.dumps(change_manifest(json.loads(data))).encode()
            elif change is not None:
                data = change(item.filename, data)
            new.writestr(item, data)
    return target
