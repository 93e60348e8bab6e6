"""Write the demo into the store: users, then every batch row, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from radar.demo.batch import ORDER, Batch
from radar.demo.generate import generate
from radar.demo.people import OUR_DOMAIN, OWNERS
from radar.portfolio import activity, models

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-radar"
BATCH_SIZE = 500


@dataclass(frozen=True)
class SeedResult:
    seed: int
    as_of: date
    counts: dict[str, int]

    @property
    def alliances(self) -> int:
        return self.counts["alliances"]

    @property
    def interactions(self) -> int:
        return self.counts["interactions"]


def portfolio_is_empty() -> bool:
    return not models.Alliance.objects.exists()


def wipe_portfolio() -> None:
    """Delete every alliance, partner and portfolio-wide context factor (users stay)."""
    with transaction.atomic():
        models.Alliance.objects.all().delete()  # cascades to everything an alliance owns
        models.Partner.objects.all().delete()
        models.ContextFactor.objects.all().delete()


def ensure_users() -> dict[str, User]:
    """The demo login and the alliance owners; existing users keep their passwords."""
    user_model = get_user_model()
    users: dict[str, User] = {}
    for username, (first, last, _title) in OWNERS.items():
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@{OUR_DOMAIN}"},
        )
        if username == DEMO_USERNAME:
            # Superuser for now: the admin is the UI until every page has its own roles.
            user.is_staff = True
            user.is_superuser = True
            if created or not user.has_usable_password():
                user.set_password(DEMO_PASSWORD)
            user.save()
        elif created:
            user.set_unusable_password()
            user.save()
        users[username] = user
    return users


def write_batch(batch: Batch, advance: Callable[[int], None] | None = None) -> None:
    for kind in ORDER:
        rows = batch.rows[kind]
        if not rows:
            continue
        type(rows[0]).objects.bulk_create(rows, batch_size=BATCH_SIZE)
        if advance:
            advance(len(rows))
    linked = []
    for contact, successor in batch.successors:
        contact.successor = successor
        linked.append(contact)
    if linked:
        models.Contact.objects.bulk_update(linked, ["successor"])


def seed_demo(
    seed: int,
    as_of: date,
    on_alliance: Callable[[str], None] | None = None,
    on_rows: Callable[[int], None] | None = None,
) -> SeedResult:
    """Generate and write the demo portfolio; all or nothing."""
    with transaction.atomic():
        owners = ensure_users()
        batch = generate(seed, as_of, owners, on_alliance)
        write_batch(batch, on_rows)
        activity.refresh()  # the monthly totals evaluations read, kept with the write
    return SeedResult(seed, as_of, {kind: batch.count(kind) for kind in ORDER})
