"""Things people notice: observations (internal or external) and context factors."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from radar.engine.vocab import Category, ContextKind, ObservationKind, ObservationSource, Polarity
from radar.portfolio.choices import choices
from radar.security.links import validate_link


class Observation(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="observations"
    )
    observed_on = models.DateField()
    category = models.CharField(max_length=20, choices=choices(Category), blank=True)
    polarity = models.CharField(max_length=10, choices=choices(Polarity), default="negative")
    kind = models.CharField(max_length=30, choices=choices(ObservationKind), default="other")
    source = models.CharField(max_length=10, choices=choices(ObservationSource), default="internal")
    title = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    url = models.URLField(blank=True, validators=[validate_link])
    resolved_on = models.DateField(
        null=True, blank=True, help_text="When the situation it reports ended, if it has."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["alliance", "-observed_on"]
        # The bundle's key (docs/bundle-format.md): the same rule in the database, the
        # forms, the API (409) and the importer, so every export imports back.
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "observed_on", "title"],
                name="observation_natural_key",
                violation_error_message="An observation with this title is already recorded "
                "for this alliance on that day.",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ContextFactor(models.Model):
    """Outside forces (downturn, M&A, …) that may explain signals."""

    alliance = models.ForeignKey(
        "portfolio.Alliance",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="context_factors",
        help_text="Leave empty for a factor that touches the whole portfolio.",
    )
    kind = models.CharField(max_length=30, choices=choices(ContextKind))
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "kind", "starts_on"],
                condition=models.Q(alliance__isnull=False),
                name="context_factor_natural_key",
                violation_error_message="This alliance already has a factor of this kind "
                "starting that day.",
            ),
            models.UniqueConstraint(
                fields=["kind", "starts_on"],
                condition=models.Q(alliance__isnull=True),
                name="portfolio_context_factor_natural_key",
                violation_error_message="The portfolio already has a factor of this kind "
                "starting that day.",
            ),
        ]

    def __str__(self) -> str:
        scope = self.alliance.name if self.alliance_id and self.alliance else "portfolio"
        return f"{self.get_kind_display()} ({scope}, from {self.starts_on})"
