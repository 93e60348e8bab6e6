"""Which CRM export a file is, from its headings, and what each heading means.

Salesforce report exports use field labels ("Opportunity Name", "Close Date");
Data Loader exports use API names ("StageName", "CloseDate"). HubSpot exports
use property labels ("Deal Name", "Deal Stage", "Record ID"). All are folded
(case, spacing, punctuation) before matching; docs/importers.md lists them.
"""

from __future__ import annotations

from collections.abc import Iterable

from radar.ingest.spreadsheet.columns import fold

# field -> accepted headings (folded). The first present heading wins.
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("opportunity id", "account id", "activity id", "record id", "id", "deal id",
           "company id", "engagement id", "task id", "event id", "hs object id"),
    "partner": ("partner account", "primary partner", "partner account name", "partner",
                "partner name"),
    "account": ("account name", "company account", "account", "associated company",
                "associated company primary", "company name", "company", "accountname",
                "account name account name"),
    "name": ("opportunity name", "deal name", "name", "account name", "company name"),
    "domain": ("website", "company domain name", "domain", "website url"),
    "stage": ("stage", "stagename", "deal stage", "opportunity stage"),
    "amount": ("amount", "amount converted", "deal amount", "total contract value"),
    "close_date": ("close date", "closedate", "closed date"),
    "created": ("created date", "createddate", "create date", "opportunity created date"),
    "won": ("won", "iswon", "is won", "closed won"),
    "closed": ("closed", "isclosed", "is closed"),
    "type": ("activity type", "engagement type", "type", "task subtype", "tasksubtype",
             "task event", "call type", "subtype"),
    "date": ("date", "activity date", "due date", "activitydate", "start", "start date time",
             "timestamp", "create date", "created date"),
    "subject": ("subject", "title", "call title", "meeting name", "email subject",
                "activity subject", "meeting title"),
    "minutes": ("duration minutes", "duration", "call duration in seconds", "durationinminutes"),
    "direction": ("call direction", "direction", "email direction"),
    "status": ("status", "meeting outcome", "call outcome", "outcome"),
}  # fmt: skip

HUBSPOT_HINTS = {"record id", "deal name", "deal stage", "company domain name", "activity date",
                 "associated company", "hs object id", "call title", "meeting name"}  # fmt: skip


ACTIVITY_TYPE_HEADINGS = frozenset({"activity type", "engagement type", "task subtype",
    "tasksubtype", "task event", "call title", "meeting name", "email subject"})  # fmt: skip


def crm_format(headings: Iterable[object]) -> str | None:
    """'salesforce_opportunities', 'hubspot_deals', … or None for anything else."""
    folded = {fold(h) for h in headings if fold(h)}
    system = "hubspot" if folded & HUBSPOT_HINTS else "salesforce"
    has = folded.__contains__
    if (has("opportunity name") or has("deal name") or has("stagename") or has("deal stage")) and (
        has("close date") or has("closedate") or has("amount")
    ):
        return f"{system}_opportunities"
    activity_type = folded & ACTIVITY_TYPE_HEADINGS
    if (has("subject") and folded & {"activity id", "assigned", "due date", "task", "date"}) or (
        activity_type and folded & {"activity date", "timestamp", "date", "create date"}
    ):
        return f"{system}_activities"
    if (has("account name") and folded & {"account id", "website", "billing country", "type"}) or (
        has("company name") and folded & {"company domain name", "record id", "website"}
    ):
        return f"{system}_accounts"
    return None


def column_index(headings: list[str], field: str) -> int | None:
    folded = [fold(h) for h in headings]
    for name in COLUMNS[field]:
        if name in folded:
            return folded.index(name)
    return None
