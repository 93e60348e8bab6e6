"""What can be referred to: natural keys known from the store and the bundle.

Keys are canonical tuples of names (an alliance is its name; a contact is
(alliance name, e-mail or name); …), so the validator can check a reference
before anything is written and the writer can turn it into a row id after
the referenced rows exist. Each kind is loaded with one query.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from radar.ingest.bundle.stored import StoredRows
from radar.ingest.bundle.tables import BY_NAME, Ref, Row, ident
from radar.portfolio import models as m

Key = Any  # a tuple of names (and dates)
# Lets the database use the unique index on (alliance, source, external_id),
# which leaves out rows without an external_id.
INTERACTION_KEY_INDEX = "NOT (t.external_id = '')"


class Catalogue:
    def __init__(self) -> None:
        self.alliance_names: dict[str, str] = {}  # name or slug -> name
        self.alliance_by_id: dict[int, str] = {}
        self.keys: dict[str, dict[Key, int | None]] = {}  # None: in the bundle, not stored yet

    # -- loading from the store ------------------------------------------------
    def load(self, kind: str) -> None:
        getattr(self, f"_load_{kind}")()

    def _load_alliance(self) -> None:
        self.alliance_names, self.alliance_by_id = {}, {}
        keys: dict[Key, int | None] = {}
        for pk, name, slug in m.Alliance.objects.values_list("id", "name", "slug"):
            self.alliance_names[name] = name
            self.alliance_names.setdefault(slug, name)
            self.alliance_by_id[pk] = name
            keys[(name,)] = pk
        self.keys["alliance"] = keys

    def _scoped(self, rows: Any) -> dict[Key, int | None]:
        names = self.alliance_by_id
        return {(names[alliance], *rest): pk for pk, alliance, *rest in rows}

    def _load_partner(self) -> None:
        self.keys["partner"] = {(n,): pk for pk, n in m.Partner.objects.values_list("id", "name")}

    def _load_user(self) -> None:
        users = get_user_model().objects.values_list("id", "username")
        self.keys["user"] = {(name,): pk for pk, name in users}

    def _load_metric(self) -> None:
        rows = m.MetricDefinition.objects.values_list("id", "alliance_id", "key")
        self.keys["metric"] = self._scoped(rows)

    def _load_survey(self) -> None:
        rows = m.Survey.objects.values_list("id", "alliance_id", "kind", "sent_on")
        self.keys["survey"] = self._scoped(rows)

    def _load_decision(self) -> None:
        rows = m.Decision.objects.values_list("id", "alliance_id", "decided_on", "kind")
        self.keys["decision"] = self._scoped(rows)

    def _load_contact(self) -> None:
        keys: dict[Key, int | None] = {}
        rows = m.Contact.objects.order_by("id").values_list("id", "alliance_id", "email", "name")
        for pk, alliance, email, name in rows:
            alliance_name = self.alliance_by_id[alliance]
            if email:
                keys[(alliance_name, ident(email))] = pk
            keys.setdefault((alliance_name, name), pk)
        self.keys["contact"] = keys

    def resolve_interactions(self, keys: set[Key]) -> None:
        """Make `keys` ((alliance, source, external_id) tuples) known, with their ids.

        There may be millions of interactions, so they are never loaded whole:
        each chunk of participants looks up the ones it refers to.
        """
        ids = self.keys.get("alliance", {})
        wanted = []
        for alliance, source, external_id in keys:
            alliance_id = ids.get((alliance,))
            if alliance_id is not None:
                wanted.append((alliance_id, source, external_id))
        fields = [m.Interaction._meta.get_field(n) for n in ("alliance", "source", "external_id")]
        names = ["alliance_id", "source", "external_id"]
        stored = StoredRows(BY_NAME["interactions"], fields, names)
        found = stored.by_keys([0, 1, 2], wanted, INTERACTION_KEY_INDEX)
        by_id = self.alliance_by_id
        self.keys["interaction"] = {(by_id[a], s, e): pk for pk, a, s, e in found}

    # -- references ------------------------------------------------------------
    def canonical(self, ref: Ref, row: Row, ix: dict[str, int]) -> Key | None:
        """The referenced key, or None for a blank (or unresolvable) reference."""
        last = row[ix[ref.columns[-1]]]
        if last is None or last == "":
            return None
        values = [row[ix[c]] for c in ref.columns]
        if ref.kind == "alliance":
            name = self.alliance_names.get(values[0])
            return None if name is None else (name,)
        if ref.columns[0] == "alliance":
            name = self.alliance_names.get(values[0])
            if name is None:
                return None  # the alliance reference itself is reported
            values[0] = name
        if ref.kind == "contact":
            values[-1] = ident(values[-1])
        return tuple(values)

    def knows(self, kind: str, key: Key) -> bool:
        return key in self.keys.get(kind, {})

    def add(self, kind: str, key: Key) -> None:
        self.keys.setdefault(kind, {}).setdefault(key, None)

    def id_of(self, kind: str, key: Key | None) -> int | None:
        if key is None:
            return None
        return self.keys[kind].get(key)
