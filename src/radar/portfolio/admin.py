"""Everything in the store is editable in the Django admin."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib import admin
from django.db import models as db

from radar.portfolio import models

# Links typed without a scheme ("partner.com/deal") are read as https, the
# behaviour Django 6 makes the default.
URL_AS_HTTPS: dict[type[db.Field[Any, Any]], dict[str, Any]] = {
    db.URLField: {"assume_scheme": "https"}
}


class AgreementInline(admin.StackedInline):
    model = models.Agreement
    formfield_overrides = URL_AS_HTTPS
    extra = 0


class GovernanceInline(admin.TabularInline):
    model = models.GovernanceBody
    extra = 0


class GoalInline(admin.TabularInline):
    model = models.Goal
    extra = 0


class ContactInline(admin.TabularInline):
    model = models.Contact
    extra = 0
    fields = ["side", "name", "email", "title", "role", "started_on", "ended_on", "end_reason"]


@admin.register(models.Partner)
class PartnerAdmin(admin.ModelAdmin):
    formfield_overrides = URL_AS_HTTPS
    list_display = ["name", "email_domains", "website"]
    search_fields = ["name", "email_domains"]


@admin.register(models.Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "partner", "kind", "tier", "owner_display", "declared_phase", "active"]
    list_filter = ["tier", "kind", "declared_phase", "active"]
    search_fields = ["name", "partner__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgreementInline, GovernanceInline, GoalInline, ContactInline]


@admin.register(models.Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "alliance", "side", "role", "title", "started_on", "ended_on"]
    list_filter = ["side", "role", "alliance"]
    search_fields = ["name", "email", "title"]


class ParticipantInline(admin.TabularInline):
    model = models.InteractionParticipant
    extra = 0
    autocomplete_fields = ["contact"]


@admin.register(models.Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = [
        "occurred_at",
        "alliance",
        "kind",
        "ritual",
        "direction",
        "subject",
        "cancelled",
    ]
    list_filter = ["kind", "ritual", "direction", "cancelled", "alliance"]
    search_fields = ["subject", "notes", "external_id"]
    date_hierarchy = "occurred_at"
    inlines = [ParticipantInline]
    list_select_related = ["alliance"]


@admin.register(models.Deliverable)
class DeliverableAdmin(admin.ModelAdmin):
    list_display = ["title", "alliance", "side", "due_on", "done_on", "status"]
    list_filter = ["side", "status", "alliance"]
    search_fields = ["title"]


class MetricValueInline(admin.TabularInline):
    model = models.MetricValue
    extra = 0


@admin.register(models.MetricDefinition)
class MetricDefinitionAdmin(admin.ModelAdmin):
    list_display = ["name", "alliance", "key", "kind", "higher_is_better", "target"]
    list_filter = ["kind", "alliance"]
    inlines = [MetricValueInline]


class SurveyResponseInline(admin.TabularInline):
    model = models.SurveyResponse
    extra = 0


@admin.register(models.Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "alliance", "kind", "sent_on", "scale_max"]
    list_filter = ["kind", "alliance"]
    inlines = [SurveyResponseInline]


@admin.register(models.Observation)
class ObservationAdmin(admin.ModelAdmin):
    formfield_overrides = URL_AS_HTTPS
    list_display = ["observed_on", "alliance", "title", "category", "polarity", "source", "kind"]
    list_filter = ["category", "polarity", "source", "kind", "alliance"]
    search_fields = ["title", "detail"]


@admin.register(models.ContextFactor)
class ContextFactorAdmin(admin.ModelAdmin):
    list_display = ["kind", "alliance", "starts_on", "ends_on"]
    list_filter = ["kind"]


@admin.register(models.CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ["held_on", "alliance", "reviewer_name", "manual_score", "computed_score"]
    list_filter = ["alliance", "neutral_reviewer"]


class ActionItemInline(admin.TabularInline):
    model = models.ActionItem
    extra = 1
    autocomplete_fields = ["owner_user"]


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["decided_on", "alliance", "kind"]
    list_filter = ["kind", "alliance"]
    inlines = [ActionItemInline]


class PlaybookStepInline(admin.TabularInline):
    model = models.PlaybookStep
    extra = 2
    fields = ["order", "title", "due_after_days"]


@admin.register(models.Playbook)
class PlaybookAdmin(admin.ModelAdmin):
    """The actions a decision of each kind turns into (the decision form offers them)."""

    list_display = ["name", "response", "active"]
    list_filter = ["active"]
    inlines = [PlaybookStepInline]


@admin.register(models.Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["as_of", "alliance", "score", "phase", "recommendation", "systemic"]
    list_filter = ["recommendation", "phase", "systemic"]
    readonly_fields = ["payload", "computed_at"]


# The history of changes has its own page in the app (/history/, admins); the log is
# written by django-auditlog and never edited, so it has no admin pages of its own.
if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)
