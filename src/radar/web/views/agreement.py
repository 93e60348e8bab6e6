"""The alliance's agreement: its page (clauses, dates, hygiene flags), editing it,
recording a review (the next review date rolls forward) and deleting it."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from radar.accounts.roles import Ability, can, requires
from radar.portfolio.models import Agreement, Alliance
from radar.web.alliance.agreement_flags import agreement_flags
from radar.web.forms.agreement import AgreementForm, AgreementReviewForm
from radar.web.records.deletion import Deletion
from radar.web.records.respond import form_page, reassess, saved


def _alliance(slug: str) -> Alliance:
    return get_object_or_404(Alliance.objects.select_related("partner"), slug=slug)


def _page(alliance: Alliance) -> str:
    return reverse("agreement", args=[alliance.slug])


def _crumbs(alliance: Alliance) -> dict[str, str]:
    url = _page(alliance)
    return {"list_url": url, "list_title": "Agreement", "cancel_url": url}


@requires(Ability.READ)
def agreement_page(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    agreement = Agreement.objects.filter(alliance=alliance).first()
    context = {
        "alliance": alliance,
        "agreement": agreement,
        "flags": agreement_flags(agreement, timezone.localdate()),
        "can_edit": can(request.user, Ability.EDIT),
    }
    return render(request, "web/records/agreement.html", context)


@requires(Ability.EDIT)
def edit_agreement(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    instance = Agreement.objects.filter(alliance=alliance).first()
    kwargs = {"alliance": alliance, "user": request.user, "instance": instance}
    if request.method == "POST":
        form = AgreementForm(request.POST, **kwargs)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            return saved(request, _page(alliance), f"Agreement saved. {reassess(alliance)}")
    else:
        form = AgreementForm(**kwargs)
    context = {
        "alliance": alliance,
        "form": form,
        "heading": "Edit the agreement" if instance else "Record the agreement",
        "intro": "Its clauses and dates: the radar flags a missing review or exit clause and"
        " the deadlines coming up.",
        **_crumbs(alliance),
    }
    return form_page(request, "web/records/form.html", "web/records/_form.html", context)


@requires(Ability.EDIT)
def review_agreement(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    agreement = get_object_or_404(Agreement, alliance=alliance)
    if request.method == "POST":
        form = AgreementReviewForm(request.POST, agreement=agreement)
        if form.is_valid():
            form.save()
            upcoming = agreement.next_review_on
            nxt = f" Next review due {upcoming:%-d %b %Y}." if upcoming else ""
            message = f"Review of {agreement.last_reviewed_on:%-d %b %Y} recorded.{nxt}"
            return saved(request, _page(alliance), f"{message} {reassess(alliance)}")
    else:
        form = AgreementReviewForm(agreement=agreement)
    context = {
        "alliance": alliance,
        "form": form,
        "heading": "Record an agreement review",
        "intro": "Both sides went through the goals and terms. The next review date moves"
        " forward by the agreed interval.",
        "submit": "Record the review",
        **_crumbs(alliance),
    }
    return form_page(request, "web/records/form.html", "web/records/_form.html", context)


@requires(Ability.EDIT)
def delete_agreement(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    agreement = get_object_or_404(Agreement, alliance=alliance)
    deletion = Deletion(
        f"Agreement for {alliance.name}", [], request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and deletion.confirmed():
        agreement.delete()
        return saved(request, _page(alliance), f"Agreement deleted. {reassess(alliance)}")
    context = {
        "alliance": alliance,
        "record": agreement,
        "noun": "agreement",
        "deletion": deletion,
        **_crumbs(alliance),
    }
    return render(request, "web/records/delete.html", context)
