"""What a calendar import says besides its counts: what it skipped and why."""

from __future__ import annotations

from datetime import date

from radar.ingest.base import ImportOptions, ImportSummary
from radar.ingest.ics.plan import CalendarPlan


def explain(
    plan: CalendarPlan, summary: ImportSummary, options: ImportOptions, window: tuple[date, date]
) -> None:
    since, until = window
    summary.warnings.append(
        options.say(
            f"meetings read from {since} to {until} (--since/--until)",
            f"Meetings from {since} to {until} were read (recurring meetings are "
            "counted in this window).",
        )
    )
    directory = plan.directory
    summary.skip(
        "calendar entries",
        "no partner among their attendees (internal meetings, holidays, personal entries)",
        plan.skipped["no_partner"],
    )
    summary.skip("partner meetings", f"outside {since} to {until}", plan.skipped["outside_window"])
    for partner_id, count in plan.ambiguous.items():
        name = directory.partner_names.get(partner_id, "?")
        names = ", ".join(a.name for a in directory.alliances.get(partner_id, []))
        choose = options.say(
            "import with --alliance NAME", "choose the alliance on the upload form"
        )
        why = (
            f"{name} has several alliances ({names}); {choose}"
            if names
            else (f"{name} has no alliance")
        )
        summary.skip(f"meetings with {name}", why, count)
    partners = [k for k in plan.stand_ins_only if plan.contacts.side(k) == "partner"]
    if partners:
        summary.warnings.append(
            f"{len(partners):,} partner people only ever came in place of someone invited "
            "who stayed away: recorded as standing in for that person, not as new connections"
        )
    if not directory.knows_our_domains:
        summary.warnings.append(
            options.say(
                "RADAR_OUR_DOMAINS is not set: attendees who are not partners count as our side",
                "Our own organisation's e-mail domains are not configured, so attendees who "
                "are not at a partner count as our side (your administrator can set them).",
            )
        )
