"""Neutral reviewers' comments in the Django admin (check-ins themselves are in portfolio)."""

from __future__ import annotations

from django.contrib import admin

from radar.portfolio.models import ReviewComment


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("checkin", "stance", "suggested_score", "author_name", "created_at")
    list_filter = ("stance",)
    search_fields = ("body", "author_name", "checkin__alliance__name")
    raw_id_fields = ("checkin", "author")
