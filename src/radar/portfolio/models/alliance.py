"""Partners, alliances, their goals, agreements and governance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.text import slugify

from radar.engine.vocab import AllianceKind, GovernanceTier, Phase, Ritual
from radar.portfolio.choices import choices
from radar.security.links import validate_link


class Partner(models.Model):
    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True, validators=[validate_link])
    # Comma-separated e-mail domains; importers map senders and attendees with them.
    email_domains = models.CharField(max_length=500, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def domains(self) -> list[str]:
        return [d.strip().lower() for d in self.email_domains.split(",") if d.strip()]


class Alliance(models.Model):
    class Tier(models.IntegerChoices):
        STRATEGIC = 1, "Tier 1 — strategic (monthly review)"
        CORE = 2, "Tier 2 — core (quarterly review)"
        EMERGING = 3, "Tier 3 — emerging (quarterly review)"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="alliances")
    kind = models.CharField(max_length=30, choices=choices(AllianceKind), default="other")
    tier = models.PositiveSmallIntegerField(choices=Tier.choices, default=Tier.CORE)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_alliances",
    )
    owner_name = models.CharField(
        max_length=200, blank=True, help_text="Shown when no user owns it."
    )
    started_on = models.DateField(null=True, blank=True)
    declared_phase = models.CharField(max_length=20, choices=choices(Phase), blank=True)
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["tier", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.slug:
            self.slug = self.free_slug(slugify(self.name)[:210] or "alliance")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def free_slug(cls, wanted: str) -> str:
        """`wanted`, or `wanted-2`, `-3` … when another alliance has it ("Acme & Co" and
        "Acme Co" both slugify to acme-co, and slugs are unique)."""
        taken = set(cls.objects.filter(slug__startswith=wanted).values_list("slug", flat=True))
        slug, number = wanted, 1
        while slug in taken:
            number += 1
            slug = f"{wanted}-{number}"
        return slug

    @property
    def owner_display(self) -> str:
        if self.owner_id and self.owner:
            return self.owner.get_full_name() or self.owner.get_username()
        return self.owner_name


class Goal(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    metric = models.ForeignKey(
        "portfolio.MetricDefinition", null=True, blank=True, on_delete=models.SET_NULL
    )
    target_value = models.FloatField(null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    # When the goal was last reviewed (with the partner): goals left unreviewed for a
    # year drift, the first cause of a plateau (the engine's priority.goal_drift).
    reviewed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["alliance", "title"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "title"], name="goal_unique_title")
        ]

    def __str__(self) -> str:
        return self.title


class Agreement(models.Model):
    alliance = models.OneToOneField(Alliance, on_delete=models.CASCADE, related_name="agreement")
    signed_on = models.DateField(null=True, blank=True)
    renewal_on = models.DateField(null=True, blank=True)
    review_clause = models.TextField(blank=True, help_text="Periodic review clause, if any.")
    review_interval_months = models.PositiveSmallIntegerField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    renegotiation_clause = models.TextField(blank=True)
    renegotiation_on = models.DateField(null=True, blank=True)
    exit_clause = models.TextField(blank=True)
    exit_notice_days = models.PositiveIntegerField(null=True, blank=True)
    document_url = models.URLField(blank=True, validators=[validate_link])

    def __str__(self) -> str:
        return f"Agreement for {self.alliance}"


class GovernanceBody(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="governance")
    tier = models.CharField(max_length=20, choices=choices(GovernanceTier))
    name = models.CharField(max_length=200)
    ritual = models.CharField(
        max_length=30, choices=choices(Ritual), help_text="Which meetings count as this body's."
    )
    cadence_days = models.PositiveIntegerField(help_text="Expected days between meetings.")

    class Meta:
        ordering = ["alliance", "tier", "name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "name"], name="governance_unique_name")
        ]

    def __str__(self) -> str:
        return self.name
