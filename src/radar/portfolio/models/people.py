"""Contacts on both sides of an alliance, with their roles and tenure."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower

from radar.engine.vocab import ContactRole, Side
from radar.portfolio.choices import choices

# How often to speak with someone when their own rhythm is not set: monthly on a
# strategic (tier 1) alliance, every two months on a core one, quarterly otherwise.
KEEP_IN_TOUCH_BY_TIER = {1: 30, 2: 60, 3: 90}


class Contact(models.Model):
    class EndReason(models.TextChoices):
        NONE = "", "—"
        LEFT = "left", "Left the organisation"
        REASSIGNED = "reassigned", "Reassigned"
        ROLE_CHANGE = "role_change", "Changed role"

    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="contacts"
    )
    side = models.CharField(max_length=10, choices=choices(Side))
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    title = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=30, choices=choices(ContactRole), default="other")
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="predecessors"
    )
    first_seen = models.DateTimeField(null=True, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    keep_in_touch_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Speak with them at least every this many days; empty: the tier's default.",
    )

    class Meta:
        ordering = ["alliance", "side", "name"]
        # The bundle's key: e-mail in any case, or the name when there is no e-mail.
        constraints = [
            models.UniqueConstraint(
                "alliance",
                Lower("email"),
                condition=~models.Q(email=""),
                name="contact_unique_email_per_alliance",
                violation_error_message="This alliance already has a contact with this e-mail.",
            ),
            models.UniqueConstraint(
                fields=["alliance", "name"],
                condition=models.Q(email=""),
                name="contact_unique_name_without_email",
                violation_error_message="This alliance already has a contact of this name "
                "without an e-mail; add an e-mail or tell them apart by name.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_side_display()})"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
