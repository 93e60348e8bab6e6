"""`{% load records %}`: the record-keeping parts of the alliance page, each one line to include.

{% record_links alliance %}          the alliance's records (people, goals, …)
{% goals_card alliance today %}      goals with metric, target, now, trend, status
{% agreement_flags alliance today %} agreement hygiene (missing clauses, dates due)
{% getting_started alliance %}       next steps for a new alliance (editors)
{% archived_banner alliance %}       says so when the alliance is archived
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from radar.accounts.roles import Ability, can
from radar.portfolio.models import Alliance
from radar.web.alliance.agreement_flags import agreement_flags as flags_of
from radar.web.alliance.goals import goals_context
from radar.web.alliance.records import agreement_of
from radar.web.alliance.setup_steps import steps_for

register = template.Library()


def _user(context: template.Context) -> Any:
    return context.get("user") or getattr(context.get("request"), "user", None)


@register.inclusion_tag("web/partials/alliance_records.html", takes_context=True)
def record_links(
    context: template.Context, alliance: Alliance, current: str = ""
) -> dict[str, Any]:
    return {"alliance": alliance, "current": current, "can_edit": can(_user(context), Ability.EDIT)}


@register.inclusion_tag("web/partials/goals.html", takes_context=True)
def goals_card(context: template.Context, alliance: Alliance, day: date) -> dict[str, Any]:
    return {
        "alliance": alliance,
        "today": day,
        "can_edit": can(_user(context), Ability.EDIT),
        **goals_context(alliance, day),
    }


@register.inclusion_tag("web/partials/agreement_hygiene.html", takes_context=True)
def agreement_flags(context: template.Context, alliance: Alliance, day: date) -> dict[str, Any]:
    agreement = agreement_of(alliance)
    return {
        "alliance": alliance,
        "agreement": agreement,
        "flags": flags_of(agreement, day),
        "can_edit": can(_user(context), Ability.EDIT),
    }


@register.inclusion_tag("web/partials/getting_started.html", takes_context=True)
def getting_started(context: template.Context, alliance: Alliance) -> dict[str, Any]:
    if not can(_user(context), Ability.EDIT) or not alliance.active:
        return {"steps": []}

    return {"alliance": alliance, "steps": steps_for(alliance)}


@register.inclusion_tag("web/partials/archived_banner.html", takes_context=True)
def archived_banner(context: template.Context, alliance: Alliance) -> dict[str, Any]:
    return {"alliance": alliance, "can_edit": can(_user(context), Ability.EDIT)}
