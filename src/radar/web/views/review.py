"""The guided monthly review (managers) and neutral reviewers' comments on it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from radar.accounts.roles import Ability, can, check, requires
from radar.engine.vocab import Category
from radar.portfolio.models import Alliance, CheckIn, ContextFactor
from radar.web.forms import MonthlyReviewForm, ReviewCommentForm
from radar.web.forms.review import CHECKLIST, diverges, initial_review
from radar.web.refresh import is_htmx, latest_assessment, refresh, render_state, saved
from radar.web.views.forms import invalid


def _signals_by_category(payload: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for signal in payload.get("signals", []):
        grouped[str(signal.get("category", ""))].append(signal)
    return grouped


def review_context(alliance: Alliance, form: MonthlyReviewForm) -> dict[str, Any]:
    """What the reviewer looks at while answering: signals, checklist hints, context."""
    assessment = latest_assessment(alliance)
    payload: dict[str, Any] = assessment.payload if assessment else {}
    grouped = _signals_by_category(payload)
    scores = {c.get("category"): c.get("score") for c in payload.get("categories", [])}
    today = timezone.localdate()
    factors = ContextFactor.objects.filter(Q(alliance=alliance) | Q(alliance__isnull=True)).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    return {
        "alliance": alliance,
        "form": form,
        "assessment": assessment,
        "categories": [
            (c.value, scores.get(c.value), grouped.get(c.value, []), bound)
            for c, bound in form.category_fields()
        ],
        "positive_signals": [
            s for s in payload.get("signals", []) if s.get("polarity") == "positive"
        ],
        "checklist": form.checklist_fields(),
        # The engine's own reading of the checklist, shown beside the questions.
        "checklist_hints": payload.get("recommendation", {}).get("checklist", []),
        "context_factors": factors,
    }


@requires(Ability.EDIT)
def monthly_review(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = get_object_or_404(Alliance, slug=slug)
    today = timezone.localdate()
    if request.method != "POST":
        form = MonthlyReviewForm(alliance=alliance, initial=initial_review(today))
        context = review_context(alliance, form) | {"state": render_state(request, alliance)}
        return render(request, "web/forms/review.html", context)
    form = MonthlyReviewForm(request.POST, alliance=alliance)
    if not form.is_valid():
        context = review_context(alliance, form)
        if not is_htmx(request):
            context["state"] = render_state(request, alliance)
        return invalid(request, "web/forms/review.html", "web/forms/_review_form.html", context)
    with transaction.atomic():
        current = refresh(alliance, form.cleaned_data["held_on"]) or latest_assessment(alliance)
        checkin = form.save(user=request.user, computed_score=current.score if current else None)
    return _after_review(request, alliance, checkin, today)


def _after_review(
    request: HttpRequest, alliance: Alliance, checkin: CheckIn, today: Any
) -> HttpResponse:
    divergent = diverges(checkin.manual_score, checkin.computed_score)
    message = f"Monthly review saved (your score {checkin.manual_score})."
    detail_url = reverse("checkin", args=[alliance.slug, checkin.pk])
    if not is_htmx(request):
        if divergent:
            messages.warning(request, _divergence_text(checkin))
        return saved(request, alliance, message, as_of=today)
    followup = render_to_string(
        "web/forms/_review_followup.html",
        {
            "checkin": checkin,
            "divergent": divergent,
            "text": _divergence_text(checkin),
            "detail_url": detail_url,
        },
        request,
    )
    blank = MonthlyReviewForm(alliance=alliance, initial=initial_review(today))
    fresh = render_to_string(
        "web/forms/_review_form.html", review_context(alliance, blank) | {"oob": True}, request
    )
    return saved(request, alliance, message, as_of=today, fresh_form=fresh, followup=followup)


def _divergence_text(checkin: CheckIn) -> str:
    return (
        f"Your score ({checkin.manual_score}) is two or more points away from the computed "
        f"score ({checkin.computed_score:.1f}). Please ask a neutral reviewer to look at this "
        "review before acting on it."
        if checkin.computed_score is not None
        else ""
    )


def checkin_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Read a check-in (everyone); reviewers, managers and admins may comment on it."""
    denied = check(request, Ability.COMMENT if request.method == "POST" else Ability.READ)
    if denied is not None:
        return denied
    alliance = get_object_or_404(Alliance, slug=slug)
    checkin = get_object_or_404(
        CheckIn.objects.select_related("reviewer"), pk=pk, alliance=alliance
    )
    is_scorer = checkin.reviewer_id is not None and checkin.reviewer_id == request.user.pk
    form = ReviewCommentForm(
        request.POST if request.method == "POST" else None, is_scorer=is_scorer
    )
    if request.method == "POST" and form.is_valid():
        comment = form.save(commit=False)
        comment.checkin = checkin
        author = request.user
        assert isinstance(author, User)  # check() above let only a signed-in user comment
        comment.author = author
        comment.author_name = author.get_full_name() or author.get_username()
        comment.save()
        if not checkin.neutral_reviewer and not is_scorer:
            # Someone other than the person who scored it has now looked at the review:
            # re-assess, so the radar stops asking for a neutral reviewer.
            checkin.neutral_reviewer = True
            checkin.save(update_fields=["neutral_reviewer"])
            refresh(alliance, timezone.localdate())
        messages.success(request, "Your comment is recorded.")
        return redirect("checkin", alliance.slug, checkin.pk)
    context = {
        "alliance": alliance,
        "checkin": checkin,
        "divergent": diverges(checkin.manual_score, checkin.computed_score),
        "divergence_text": _divergence_text(checkin),
        "answers": [(q, getattr(checkin, name)) for name, q in CHECKLIST],
        "category_notes": [(c.value, checkin.category_notes.get(c.value, "")) for c in Category],
        "comments": checkin.comments.select_related("author"),
        "form": form if can(request.user, Ability.COMMENT) else None,
        "is_scorer": is_scorer,
    }
    return render(request, "web/forms/checkin.html", context, status=400 if form.errors else 200)
