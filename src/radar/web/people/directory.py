"""The people directory: everyone on both sides across the portfolio, overdue ones first.

One entry per person: contacts with the same e-mail address on the same side are
one person in several alliances (typically our own people); a contact without an
address is a person of their own. A person's last direct contact is the latest
meeting or call they took part in, or message the partner sent them, that was not
cancelled; they are overdue when that is older than their "keep in touch every N
days" (their own, else the alliance tier's default; the most demanding of their
alliances). A key person (champion or executive sponsor) has no backup when
nobody else on their side of that alliance holds a key role.

Four queries whatever the portfolio's size: the contacts, their last direct
contact (one GROUP BY), the key people per alliance side, the alliances to
filter by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils.http import urlencode

from radar.engine.vocab import KEY_ROLES, ContactRole, Side
from radar.portfolio.choices import label_of
from radar.portfolio.models import Alliance, Contact, InteractionParticipant
from radar.portfolio.models.people import KEEP_IN_TOUCH_BY_TIER

PAGE_SIZE = 50
CHAMPIONS = frozenset({ContactRole.CHAMPION.value, ContactRole.EXECUTIVE_SPONSOR.value})
_KEY = frozenset(r.value for r in KEY_ROLES)
# A person's direct contact: they took part, it happened, and a message came from the partner.
PERSON_CONTACT = Q(attended=True, interaction__cancelled=False) & (
    Q(interaction__kind__in=("meeting", "call"))
    | Q(interaction__kind__in=("email", "message"), interaction__direction="inbound")
)


@dataclass
class Membership:
    """One alliance a person belongs to, and their role in it."""

    name: str
    slug: str
    role: str
    every: int


@dataclass
class Person:
    key: str
    contact_id: int  # the first of their contact rows (for the keep-in-touch form)
    name: str
    title: str
    email: str
    side: str
    current: bool
    custom_every: int | None
    memberships: list[Membership] = field(default_factory=list)
    last_contact: datetime | None = None
    no_backup: bool = False
    today: date = date.min

    @property
    def every(self) -> int:
        return min(m.every for m in self.memberships)

    @property
    def side_label(self) -> str:
        return label_of(Side, self.side)

    @property
    def days_since(self) -> int | None:
        return None if self.last_contact is None else (self.today - self.last_contact.date()).days

    @property
    def overdue(self) -> bool:
        days = self.days_since
        return self.current and (days is None or days > self.every)

    @property
    def overdue_days(self) -> int | None:
        days = self.days_since
        return None if days is None else days - self.every

    @property
    def status_text(self) -> str:
        days = self.overdue_days
        if not self.current:
            return "left"
        if days is None:
            return "never contacted"
        if days > 0:
            return f"{days} day{'s' if days != 1 else ''} overdue"
        return "due today" if days == 0 else f"due in {-days} day{'s' if days != -1 else ''}"

    @property
    def status_class(self) -> str:
        if not self.current:
            return ""
        if self.overdue_days is None:
            return "chip--watching"
        return "chip--confirmed" if self.overdue else "chip--positive"

    def sort_key(self) -> tuple[int, int, str]:
        """Overdue first (longest overdue first), then never contacted, then soonest due."""
        days = self.overdue_days
        if not self.current:
            return (3, 0, self.name.lower())
        if days is None:
            return (1, 0, self.name.lower())
        return (0 if days > 0 else 2, -days, self.name.lower())


@dataclass(frozen=True)
class Filters:
    alliance: str = ""  # slug
    side: str = ""
    role: str = ""
    overdue: bool = False
    no_backup: bool = False
    left: bool = False  # also people who have left
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        """Unknown values are ignored: the address is meant to be bookmarked and shared."""
        raw_page = query.get("page", "1")
        return cls(
            alliance=query.get("alliance", "")[:220],
            side=query.get("side", "") if query.get("side") in {s.value for s in Side} else "",
            role=query.get("role", "")
            if query.get("role") in {r.value for r in ContactRole}
            else "",
            overdue=query.get("overdue") == "1",
            no_backup=query.get("backup") == "missing",
            left=query.get("left") == "1",
            page=int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) < 100_000 else 1,
        )

    @property
    def active(self) -> bool:
        return self != Filters(page=self.page)

    def query(self, **changes: Any) -> str:
        chosen = replace(self, **changes)
        params = {
            "alliance": chosen.alliance,
            "side": chosen.side,
            "role": chosen.role,
            "overdue": "1" if chosen.overdue else "",
            "backup": "missing" if chosen.no_backup else "",
            "left": "1" if chosen.left else "",
            "page": str(chosen.page) if chosen.page > 1 else "",
        }
        return "?" + urlencode({k: v for k, v in params.items() if v})


@dataclass(frozen=True)
class Directory:
    people: list[Person]
    total: int
    overdue: int
    no_backup: int
    page: int
    pages: int
    alliances: list[tuple[str, str]]  # (slug, name) to filter by


def _contacts(filters: Filters) -> QuerySet[Contact]:
    found = Contact.objects.filter(alliance__active=True)
    if filters.alliance:
        found = found.filter(alliance__slug=filters.alliance)
    if filters.side:
        found = found.filter(side=filters.side)
    if filters.role:
        found = found.filter(role=filters.role)
    if not filters.left:
        found = found.filter(ended_on__isnull=True)
    return found


def _last_contacts(contacts: QuerySet[Contact]) -> dict[int, datetime]:
    rows = (
        InteractionParticipant.objects.filter(PERSON_CONTACT, contact__in=contacts.values("pk"))
        .values("contact_id")
        .annotate(last=Max("interaction__occurred_at"))
        .order_by()
    )
    return {row["contact_id"]: row["last"] for row in rows}


def _key_people(alliance: Alliance | None = None) -> dict[tuple[int, str], int]:
    """(alliance id, side) -> current key people: of every active alliance, or of one."""
    found = Contact.objects.filter(alliance__active=True, ended_on__isnull=True, role__in=_KEY)
    if alliance is not None:  # one alliance's page: not the whole portfolio's people
        found = found.filter(alliance=alliance)
    rows = found.values("alliance_id", "side").annotate(n=Count("pk")).order_by()
    return {(row["alliance_id"], row["side"]): row["n"] for row in rows}


def people(filters: Filters, today: date) -> list[Person]:
    """Every person the filters keep, overdue ones first."""
    return _build(_contacts(filters), today)


def same_person(contact: Contact) -> QuerySet[Contact]:
    """The contact rows that are this contact's person (same side and e-mail address)."""
    if not contact.email:
        return Contact.objects.filter(pk=contact.pk)
    return Contact.objects.filter(side=contact.side, email__iexact=contact.email)


def person_of(contact: Contact, today: date) -> Person | None:
    found = _build(same_person(contact).filter(alliance__active=True), today)
    return found[0] if found else None


def people_of(alliance: Alliance, today: date) -> dict[int, Person]:
    """Contact id -> person (last contact, rhythm, status) for one alliance's page."""
    found = _build(Contact.objects.filter(alliance=alliance), today, alliance)
    return {p.contact_id: p for p in found}


# The columns a directory row needs, read as plain tuples: building thousands of
# model instances was half the page's time on a 1,000-alliance portfolio.
_COLUMNS = (
    "pk", "name", "title", "email", "side", "role", "ended_on", "keep_in_touch_days",
    "alliance_id", "alliance__name", "alliance__slug", "alliance__tier",
)  # fmt: skip
_ROLE_LABELS = {r.value: label_of(ContactRole, r.value) for r in ContactRole}


def _build(contacts: QuerySet[Contact], today: date, only: Alliance | None = None) -> list[Person]:
    """`only`: the one alliance all `contacts` belong to, if so."""
    last = _last_contacts(contacts)
    keys = _key_people(only)
    found: dict[str, Person] = {}
    rows = contacts.order_by("name", "pk").values_list(*_COLUMNS)
    for pk, name, title, email, side, role, ended, every, alliance, a_name, slug, tier in rows:
        current = ended is None
        key = f"{side}:{email.lower()}" if email else f"id:{pk}"
        person = found.get(key)
        if person is None:
            person = found[key] = Person(key, pk, name, title, email, side, current, every)
            person.today = today
        else:
            person.current = person.current or current
        rhythm = every or KEEP_IN_TOUCH_BY_TIER.get(tier, 90)
        person.memberships.append(Membership(a_name, slug, _ROLE_LABELS.get(role, role), rhythm))
        seen = last.get(pk)
        if seen is not None and (person.last_contact is None or seen > person.last_contact):
            person.last_contact = seen
        if current and role in CHAMPIONS and keys.get((alliance, side), 0) < 2:
            person.no_backup = True
    return sorted(found.values(), key=Person.sort_key)


def directory(filters: Filters, today: date) -> Directory:
    everyone = people(filters, today)
    shown = [
        p
        for p in everyone
        if (not filters.overdue or p.overdue) and (not filters.no_backup or p.no_backup)
    ]
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = min(filters.page, pages)
    start = (page - 1) * PAGE_SIZE
    alliances = list(
        Alliance.objects.filter(active=True).order_by("name").values_list("slug", "name")
    )
    return Directory(
        people=shown[start : start + PAGE_SIZE],
        total=len(shown),
        overdue=sum(1 for p in everyone if p.overdue),
        no_backup=sum(1 for p in everyone if p.no_backup),
        page=page,
        pages=pages,
        alliances=alliances,
    )
