"""Search across the portfolio: alliances, partners, people, decisions, observations.

Every word typed must appear (in any of a record's searched fields, case
ignored). Each kind of record is one query with a limit, so a search costs the
same number of queries on three alliances or three thousand; matches whose
name starts with the first word come first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.urls import reverse

from radar.portfolio.models import Alliance, Contact, Decision, Observation, Partner

MAX_TERMS = 6
SHORTEST = 2  # a single letter matches nearly everything
PER_GROUP = 6  # shown per kind on the results page
PAGE_SIZE = 50  # when one kind is shown on its own


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    detail: str = ""
    meta: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (name, url), e.g. a partner's alliances
    archived: bool = False


@dataclass
class Group:
    key: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    more: bool = False  # there are more than shown
    total: int | None = None  # counted only when the kind is shown on its own


def terms_of(query: str) -> list[str]:
    words = [w for w in query.split() if len(w) >= SHORTEST]
    return list(dict.fromkeys(w.lower() for w in words))[:MAX_TERMS]


def _matching(qs: QuerySet[Any], fields: Iterable[str], terms: list[str]) -> QuerySet[Any]:
    names = list(fields)
    for term in terms:
        qs = qs.filter(reduce(or_, (Q(**{f"{name}__icontains": term}) for name in names)))
    return qs


def _first_word_first(qs: QuerySet[Any], name: str, terms: list[str]) -> QuerySet[Any]:
    starts = When(**{f"{name}__istartswith": terms[0]}, then=Value(True))
    early = Case(starts, default=Value(False), output_field=BooleanField())
    return qs.annotate(early=early).order_by("-early", name, "pk")


def _alliance_url(slug: str, section: str = "") -> str:
    return reverse("alliance", args=[slug]) + (f"#{section}" if section else "")


def _alliances(terms: list[str]) -> QuerySet[Any]:
    found = _matching(Alliance.objects.select_related("partner"), ("name", "description"), terms)
    return _first_word_first(found, "name", terms)


def _alliance_hit(a: Alliance) -> Hit:
    meta = f"{a.partner.name} · {a.get_kind_display()} · Tier {a.tier}"
    return Hit(a.name, _alliance_url(a.slug), a.description, meta, archived=not a.active)


def _partners(terms: list[str]) -> QuerySet[Any]:
    alliances = Prefetch("alliances", queryset=Alliance.objects.order_by("name"))
    fields = ("name", "website", "email_domains", "notes")
    found = _matching(Partner.objects.prefetch_related(alliances), fields, terms)
    return _first_word_first(found, "name", terms)


def _partner_hit(p: Partner) -> Hit:
    links = tuple((a.name, _alliance_url(a.slug)) for a in p.alliances.all())
    url = links[0][1] if links else ""
    return Hit(p.name, url, p.notes, p.website or ", ".join(p.domains), links)


def _people(terms: list[str]) -> QuerySet[Any]:
    found = _matching(
        Contact.objects.select_related("alliance"), ("name", "email", "title", "notes"), terms
    )
    return _first_word_first(found, "name", terms)


def _person_hit(c: Contact) -> Hit:
    left = f" · left {c.ended_on:%b %Y}" if c.ended_on else ""
    meta = f"{c.get_side_display()} · {c.get_role_display()} · {c.alliance.name}{left}"
    return Hit(c.name, _alliance_url(c.alliance.slug, "people"), c.title, meta)


def _decisions(terms: list[str]) -> QuerySet[Any]:
    found = _matching(Decision.objects.select_related("alliance"), ("rationale", "kind"), terms)
    return found.order_by("-decided_on", "-pk")


def _decision_hit(d: Decision) -> Hit:
    title = f"{d.get_kind_display()} — {d.alliance.name}"
    meta = f"Decided {d.decided_on:%-d %b %Y}"
    return Hit(title, _alliance_url(d.alliance.slug, "actions"), d.rationale, meta)


def _observations(terms: list[str]) -> QuerySet[Any]:
    found = _matching(Observation.objects.select_related("alliance"), ("title", "detail"), terms)
    return found.order_by("-observed_on", "-pk")


def _observation_hit(o: Observation) -> Hit:
    url = reverse("alliance_timeline", args=[o.alliance.slug]) + "?kind=observation"
    source = "Outside the alliance" if o.source == "external" else "Observation"
    meta = f"{source} · {o.alliance.name} · {o.observed_on:%-d %b %Y}"
    return Hit(o.title, url, o.detail, meta)


@dataclass(frozen=True)
class Kind:
    label: str
    select: Callable[[list[str]], QuerySet[Any]]
    hit: Callable[[Any], Hit]


KINDS: dict[str, Kind] = {
    "alliances": Kind("Alliances", _alliances, _alliance_hit),
    "partners": Kind("Partners", _partners, _partner_hit),
    "people": Kind("People", _people, _person_hit),
    "decisions": Kind("Decisions", _decisions, _decision_hit),
    "observations": Kind("Observations", _observations, _observation_hit),
}


def search(query: str, only: str = "", page: int = 1) -> list[Group]:
    """Groups of hits, one per kind (or only `only`, a page of it, with its total)."""
    terms = terms_of(query)
    if not terms:
        return []
    if only in KINDS:
        kind = KINDS[only]
        selected = kind.select(terms)
        start = (page - 1) * PAGE_SIZE
        rows = list(selected[start : start + PAGE_SIZE])
        total = selected.count() if rows or page > 1 else 0
        hits = [kind.hit(r) for r in rows]
        return [Group(only, kind.label, hits, total > start + PAGE_SIZE, total)]
    groups = []
    for key, kind in KINDS.items():
        rows = list(kind.select(terms)[: PER_GROUP + 1])
        hits = [kind.hit(r) for r in rows[:PER_GROUP]]
        groups.append(Group(key, kind.label, hits, len(rows) > PER_GROUP))
    return groups
