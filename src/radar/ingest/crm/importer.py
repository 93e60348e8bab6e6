"""`radar import opportunities.csv`: Salesforce reports and HubSpot exports."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.common import load_directory, today
from radar.ingest.crm.detect import crm_format
from radar.ingest.crm.records import Account, Activity, CrmRows, Opportunity
from radar.ingest.crm.series import SERIES, monthly_series
from radar.ingest.interactions import IncomingInteraction, InteractionSync
from radar.ingest.mapping import Directory, normalise_name
from radar.ingest.tabular import first_row, read_table
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
        table = read_table(path, lambda headings: crm_format(headings) is not None)
        fmt = crm_format(table.headings)
        if fmt is None:
            message = (
                "not a Salesforce or HubSpot export this importer knows (see docs/importers.md)"
            )
            raise ImportFailed([Problem(table.name, "heading row", message)])
        directory = load_directory(path, options)
        rows = CrmRows(table, options.dayfirst, ZoneInfo(settings.TIME_ZONE))
        system, _, what = fmt.partition("_")
        summary = ImportSummary(kind=self.kind, source=str(path), dry_run=options.dry_run)
        label = {"salesforce": "Salesforce", "hubspot": "HubSpot"}[system]
        summary.warnings.append(f"read as a {label} {what} export")
        with transaction.atomic():
            if what == "accounts":
                _accounts(rows, directory, summary)
            elif what == "opportunities":
                _opportunities(rows, directory, summary, today(options))
            else:
                _activities(rows, directory, summary, system)
            progress(len(table.rows), len(table.rows))
            if options.dry_run:
                transaction.set_rollback(True)
        return summary


def _fail_on(rows: CrmRows) -> None:
    if rows.problems:
        raise ImportFailed(rows.problems)


def _accounts(rows: CrmRows, directory: Directory, summary: ImportSummary) -> None:
    accounts = rows.accounts()
    _fail_on(rows)
    partners = {normalise_name(p.name): p for p in Partner.objects.all()}
    for account in accounts:
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


def _by_domain(directory: Directory, account: Account) -> Partner | None:
    if not account.domain:
        return None
    partner_id = directory.partner_of(f"x@{account.domain}")
    return Partner.objects.filter(pk=partner_id).first() if partner_id else None


def _alliance_ids(directory: Directory, names: set[str]) -> dict[str, int]:
    found = {}
    for name in names:
        alliance = directory.alliance_by_name(name) if name or directory.forced else None
        if alliance is not None:
            found[name] = alliance.pk
    return found


def _opportunities(
    rows: CrmRows, directory: Directory, summary: ImportSummary, now: object
) -> None:
    if not rows.require("created"):
        _fail_on(rows)
    opps = rows.opportunities()
    _fail_on(rows)
    alliance_of = _alliance_ids(directory, {o.partner for o in opps})
    grouped: dict[int, list[Opportunity]] = {}
    for opp in opps:
        if opp.partner in alliance_of:
            grouped.setdefault(alliance_of[opp.partner], []).append(opp)
        else:
            summary.skip("opportunities", "with an account that is not one of our partners")
    for alliance_id, items in grouped.items():
        for key, values in monthly_series(items, now).items():  # type: ignore[arg-type]
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
    activities = rows.activities()
    _fail_on(rows)
    summary.skip("rows", "notes or tasks, which are not interactions", rows.skipped)
    alliance_of = _alliance_ids(directory, {a.partner for a in activities})
    incoming: list[IncomingInteraction] = []
    for act in activities:
        if act.partner not in alliance_of:
            summary.skip("activities", "with an account that is not one of our partners")
            continue
        incoming.append(IncomingInteraction(alliance_of[act.partner], f"{system}:{act.record_id}",
                                            _values(act), None))  # fmt: skip
    sync = InteractionSync("crm", {r.alliance_id for r in incoming})
    sync.plan(incoming, summary)
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
