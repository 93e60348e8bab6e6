"""`radar import opportunities.csv`: Salesforce reports and HubSpot exports.

Streamed: the file is read, checked and written a chunk of rows at a time in
one transaction (all or nothing), so memory does not grow with its length.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.common import load_directory, today
from radar.ingest.crm.detect import crm_format
from radar.ingest.crm.records import CHUNK, Account, Activity, CrmRows
from radar.ingest.crm.seen import SeenIds
from radar.ingest.crm.series import SERIES, SeriesTally
from radar.ingest.interactions import IncomingInteraction, InteractionSync
from radar.ingest.mapping import Directory, normalise_name
from radar.ingest.tabular import RowStream, first_row, stream_table
from radar.ingest.upsert import upsert
from radar.portfolio.models import MetricDefinition, MetricValue, Partner
from radar.progress import Progress

SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx"}


class CrmImporter:
    kind = "crm"
    description = "CRM export: Salesforce reports or HubSpot exports (accounts, deals, activities)"

    def detect(self, path: Path) -> bool:
        return (
            path.is_file() and path.suffix.lower() in SUFFIXES and bool(crm_format(first_row(path)))
        )

    def run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        table = stream_table(path, lambda headings: crm_format(headings) is not None)
        try:
            return self._run(path, table, options, progress)
        finally:
            table.close()

    def _run(
        self, path: Path, table: RowStream, options: ImportOptions, progress: Progress
    ) -> ImportSummary:
        fmt = crm_format(table.headings)
        if fmt is None:
            message = (
                "not a Salesforce or HubSpot export this importer knows (see docs/importers.md)"
            )
            raise ImportFailed([Problem(table.name, "heading row", message)])
        directory = load_directory(path, options)
        system, _, what = fmt.partition("_")
        summary = ImportSummary(kind=self.kind, source=str(path), dry_run=options.dry_run)
        label = {"salesforce": "Salesforce", "hubspot": "HubSpot"}[system]
        summary.warnings.append(f"read as a {label} {what} export")
        # One transaction: rows are written a chunk at a time as they are read and
        # checked, and a problem anywhere in the file rolls every chunk back.
        with transaction.atomic():
            seen = SeenIds()
            rows = CrmRows(table, options.dayfirst, ZoneInfo(settings.TIME_ZONE), seen, progress)
            if what == "accounts":
                _accounts(rows, directory, summary)
            elif what == "opportunities":
                _opportunities(rows, directory, summary, today(options))
            else:
                _activities(rows, directory, summary, system)
            seen.drop()
            if options.dry_run:
                transaction.set_rollback(True)
        return summary


def _fail_on(rows: CrmRows) -> None:
    if rows.found:
        raise ImportFailed(rows.problems, omitted=rows.omitted)


class _Alliances:
    """Partner names (as the export spells them) to alliance ids, each looked up once."""

    def __init__(self, directory: Directory):
        self.directory = directory
        self.known: dict[str, int | None] = {}

    def of(self, name: str) -> int | None:
        if name not in self.known:
            found = self.directory
            alliance = found.alliance_by_name(name) if name or found.forced else None
            self.known[name] = alliance.pk if alliance is not None else None
        return self.known[name]


def _accounts(rows: CrmRows, directory: Directory, summary: ImportSummary) -> None:
    partners = {normalise_name(p.name): p for p in Partner.objects.all()}
    for account in rows.accounts():
        if rows.found:
            continue  # the import will fail: checking the rest is all that is left to do
        partner = partners.get(normalise_name(account.name)) or _by_domain(directory, account)
        if partner is None:
            summary.skip("accounts", "not one of our partners (a CRM holds every customer)")
            continue
        domains = partner.domains
        if account.domain and account.domain not in domains:
            if len(", ".join([*domains, account.domain])) > 500:  # the column's size
                summary.warnings.append(f"{partner.name}: too many domains to add {account.domain}")
                continue
            domains = [*domains, account.domain]
        upsert(Partner, {"pk": partner.pk}, {"email_domains": ", ".join(domains)},
               summary, "partners", False)  # fmt: skip
    _fail_on(rows)


def _by_domain(directory: Directory, account: Account) -> Partner | None:
    if not account.domain:
        return None
    partner_id = directory.partner_of(f"x@{account.domain}")
    return Partner.objects.filter(pk=partner_id).first() if partner_id else None


def _opportunities(rows: CrmRows, directory: Directory, summary: ImportSummary, now: date) -> None:
    if not rows.require("created"):
        _fail_on(rows)
    alliances = _Alliances(directory)
    tallies: dict[int, SeriesTally] = {}
    for opp in rows.opportunities():
        alliance_id = alliances.of(opp.partner)
        if alliance_id is None:
            summary.skip("opportunities", "with an account that is not one of our partners")
            continue
        tallies.setdefault(alliance_id, SeriesTally()).add(opp)
    _fail_on(rows)
    for alliance_id, tally in tallies.items():
        for key, values in tally.series(now).items():
            name, kind, higher = SERIES[key]
            metric = upsert(MetricDefinition, {"alliance_id": alliance_id, "key": key},
                            {}, summary, "metrics", False)  # fmt: skip
            if metric is not None and not metric.name:
                metric.name, metric.kind, metric.higher_is_better = name, kind, higher
                metric.save(update_fields=["name", "kind", "higher_is_better"])
            for period, value in values.items():
                values_ = {"value": value, "source": "crm"}
                lookup = {"metric": metric, "period": period}
                upsert(MetricValue, lookup, values_, summary, "metric values", False)


def _activities(rows: CrmRows, directory: Directory, summary: ImportSummary, system: str) -> None:
    if not rows.require("date"):
        _fail_on(rows)
    alliances = _Alliances(directory)
    chunk: list[IncomingInteraction] = []
    for act in rows.activities():
        alliance_id = alliances.of(act.partner)
        if alliance_id is None:
            summary.skip("activities", "with an account that is not one of our partners")
            continue
        key = f"{system}:{act.record_id}"
        chunk.append(IncomingInteraction(alliance_id, key, _values(act), None))
        if len(chunk) == CHUNK:
            _write(chunk, summary)
            chunk = []
    _write(chunk, summary)
    _fail_on(rows)
    summary.skip("rows", "notes or tasks, which are not interactions", rows.skipped)


def _write(chunk: list[IncomingInteraction], summary: ImportSummary) -> None:
    """Create or update one chunk's interactions, looking up only their own keys."""
    if not chunk:
        return
    keys = {(r.alliance_id, r.external_id) for r in chunk}
    sync = InteractionSync("crm", {a for a, _ in keys}, keys=keys)
    sync.plan(chunk, summary)
    sync.apply({})


def _values(act: Activity) -> dict[str, object]:
    return {
        "kind": act.kind,
        "occurred_at": act.when,
        "direction": act.direction,
        "subject": act.subject,
        "duration_minutes": act.minutes,
        "cancelled": act.cancelled,
    }
