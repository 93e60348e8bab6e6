"""The notifications inbox and the preferences page (every signed-in user)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from radar.accounts.signed_in import SignedInRequest
from radar.notify.forms import PreferenceForm
from radar.notify.models import Notification, Preference
from radar.notify.recipients import is_admin

PER_PAGE = 25


@login_required
def inbox(request: SignedInRequest) -> HttpResponse:
    mine = Notification.objects.filter(user=request.user).select_related("alliance")
    page = Paginator(mine, PER_PAGE).get_page(request.GET.get("page"))
    unread = mine.filter(read_at__isnull=True).count()
    return render(request, "notify/inbox.html", {"page": page, "unread": unread})


@login_required
@require_POST
def mark_read(request: SignedInRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    if request.POST.get("open") and note.link.startswith("/"):
        return redirect(note.link)  # a path on this site, written by the radar itself
    return redirect("notify_inbox")


@login_required
@require_POST
def mark_all_read(request: SignedInRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("notify_inbox")


@login_required
def preferences(request: SignedInRequest) -> HttpResponse:
    preference, _ = Preference.objects.get_or_create(user=request.user)
    admin = is_admin(request.user)
    form = PreferenceForm(request.POST or None, instance=preference, admin=admin)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your notification settings are saved.")
        return redirect("notify_preferences")
    status = 400 if request.method == "POST" else 200
    return render(request, "notify/preferences.html", {"form": form}, status=status)
