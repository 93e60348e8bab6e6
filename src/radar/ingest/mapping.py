"""Who is who: e-mail domains to sides, partners and alliances; names to alliances.

Every importer that sees people (calendars, mail, CRM activities) asks the same
questions: is this address ours, the partner's, or a third party's? Which
alliance does a meeting with this partner belong to? The answers come from
`RADAR_OUR_DOMAINS` and `Partner.email_domains`; a sub-domain counts as its
parent (eu.acme.com is acme.com).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from radar.portfolio.models import Alliance, Partner


class UnknownAlliance(LookupError):
    """`--alliance` named an alliance that does not exist."""


def normalise_name(text: str) -> str:
    """Case, punctuation and legal suffixes do not make a different company."""
    words = re.sub(r"[^\w]+", " ", text.casefold()).split()
    suffixes = {"inc", "ltd", "llc", "gmbh", "ag", "sa", "plc", "corp", "corporation", "co"}
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].strip().lower().rstrip(".")


def find_alliance(ref: str) -> Alliance:
    """The alliance named by `--alliance` (name or slug, any case)."""
    found = Alliance.objects.select_related("partner").filter(
        Q(name__iexact=ref.strip()) | Q(slug__iexact=ref.strip())
    )
    alliance = found.first()
    if alliance is None:
        known = ", ".join(Alliance.objects.values_list("name", flat=True)[:20]) or "none yet"
        raise UnknownAlliance(f"no alliance called {ref!r} (known: {known})")
    return alliance


@dataclass
class Directory:
    """A snapshot of partners, their domains and alliances, taken once per import."""

    our_domains: frozenset[str]
    partner_domains: dict[str, int]  # domain -> partner id
    partner_names: dict[int, str]
    alliances: dict[int, list[Alliance]]  # partner id -> alliances (active first)
    forced: Alliance | None = None
    _by_name: dict[str, Alliance] = field(default_factory=dict)

    @classmethod
    def load(cls, alliance: str | None = None) -> Directory:
        forced = find_alliance(alliance) if alliance else None
        ours = frozenset(d.strip().lower() for d in settings.RADAR_OUR_DOMAINS if d.strip())
        partner_domains: dict[str, int] = {}
        names: dict[int, str] = {}
        for partner in Partner.objects.all():
            names[partner.pk] = partner.name
            for domain in partner.domains:
                partner_domains.setdefault(domain, partner.pk)
        by_partner: dict[int, list[Alliance]] = {}
        by_name: dict[str, Alliance] = {}
        rows = Alliance.objects.select_related("partner").order_by("-active", "name")
        for row in rows:
            by_partner.setdefault(row.partner.pk, []).append(row)
            for key in (row.name, row.slug):
                by_name.setdefault(normalise_name(key), row)
        for group in by_partner.values():
            # A partner name means its alliance only when it has exactly one.
            key = normalise_name(group[0].partner.name)
            if len(group) == 1:
                by_name.setdefault(key, group[0])
        return cls(ours, partner_domains, names, by_partner, forced, by_name)

    @property
    def knows_our_domains(self) -> bool:
        return bool(self.our_domains)

    def is_ours(self, email: str) -> bool:
        return _matches(domain_of(email), self.our_domains)

    def partner_of(self, email: str) -> int | None:
        """The partner whose domain the address belongs to (None: ours or third party)."""
        domain = domain_of(email)
        if self.forced is not None:
            forced = self.forced.partner
            if not forced.domains:
                # No domains on file: everyone outside our company is the partner.
                return None if self.is_ours(email) else forced.pk
            return forced.pk if _matches(domain, frozenset(forced.domains)) else None
        if self.is_ours(email):
            return None
        for candidate in _parents(domain):
            if candidate in self.partner_domains:
                return self.partner_domains[candidate]
        return None

    def alliance_for_partner(self, partner_id: int) -> Alliance | list[Alliance]:
        """The one alliance with this partner, or the candidates when it is ambiguous."""
        if self.forced is not None:
            return self.forced
        candidates = self.alliances.get(partner_id, [])
        active = [a for a in candidates if a.active] or candidates
        return active[0] if len(active) == 1 else active

    def alliance_by_name(self, name: str) -> Alliance | None:
        """An alliance from a partner or alliance name as people write it in sheets."""
        if self.forced is not None:
            return self.forced
        return self._by_name.get(normalise_name(name))

    def why_unknown(self, name: str) -> str:
        """The message for a name that names no alliance (or several)."""
        key = normalise_name(name)
        for group in self.alliances.values():
            if normalise_name(group[0].partner.name) == key and len(group) > 1:
                names = ", ".join(a.name for a in group)
                return f"{name!r} has several alliances ({names}): write the alliance's name"
        return f"no partner or alliance called {name!r}"


def _parents(domain: str) -> list[str]:
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


def _matches(domain: str, domains: frozenset[str]) -> bool:
    return any(candidate in domains for candidate in _parents(domain)) if domain else False
