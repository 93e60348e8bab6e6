"""What happens between the two sides: meetings, calls and messages, and who took part."""

from __future__ import annotations

import uuid

from django.db import models

from radar.engine.vocab import Direction, InteractionKind, Ritual
from radar.portfolio.choices import choices
from radar.portfolio.models.people import Contact


def new_interaction_id() -> str:
    """The id of an interaction recorded here (form, API): unique, so two alike calls stay
    two rows, and an export keys each one as the bundle importer expects."""
    return "radar-" + uuid.uuid4().hex


class Interaction(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="interactions"
    )
    kind = models.CharField(max_length=20, choices=choices(InteractionKind))
    ritual = models.CharField(max_length=30, choices=choices(Ritual), default="none")
    occurred_at = models.DateTimeField()
    direction = models.CharField(max_length=10, choices=choices(Direction), default="mutual")
    subject = models.CharField(max_length=500, blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    word_count = models.PositiveIntegerField(null=True, blank=True)
    # Hours between the message this one answers and this one (e-mail threads).
    reply_hours = models.FloatField(null=True, blank=True)
    cancelled = models.BooleanField(default=False)
    # Attendance is kept on the row (not only in participants) so the monthly
    # aggregation that feeds the engine is one scan of one table.
    partner_invited = models.PositiveIntegerField(default=0)
    partner_attended = models.PositiveIntegerField(default=0)
    ours_invited = models.PositiveIntegerField(default=0)
    ours_attended = models.PositiveIntegerField(default=0)
    tone = models.FloatField(null=True, blank=True, help_text="-1 hostile … +1 warm")
    blaming = models.BooleanField(default=False)
    defensive = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Stored only when the user opts in.")
    # Natural key from the source (ICS UID+RECURRENCE-ID, Message-ID, row key).
    source = models.CharField(max_length=30, blank=True)
    external_id = models.CharField(max_length=500, blank=True, default=new_interaction_id)
    thread_id = models.CharField(max_length=500, blank=True)
    participants: models.ManyToManyField[Contact, InteractionParticipant] = models.ManyToManyField(
        "portfolio.Contact",
        through="InteractionParticipant",
        through_fields=("interaction", "contact"),
        related_name="interactions",
    )

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["alliance", "occurred_at"], name="interaction_timeline")]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "source", "external_id"],
                condition=~models.Q(external_id=""),
                name="interaction_natural_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_at:%Y-%m-%d} {self.subject}".strip()


class InteractionParticipant(models.Model):
    class Role(models.TextChoices):
        """How the person was on the invitation (calendars; blank when the source does not say)."""

        UNKNOWN = "", "—"
        ORGANIZER = "organizer", "Organiser"
        CHAIR = "chair", "Chair"
        REQUIRED = "required", "Required"
        OPTIONAL = "optional", "Optional"

    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, related_name="attendance"
    )
    contact = models.ForeignKey("portfolio.Contact", on_delete=models.CASCADE)
    invited = models.BooleanField(default=True)
    attended = models.BooleanField(default=True)
    # The raw answer from the source, e.g. ICS PARTSTAT (ACCEPTED, DECLINED, …).
    response = models.CharField(max_length=30, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    # The invited person this one came in place of (a delegation: the calendar's
    # DELEGATED-FROM/-TO, or someone new who came when that person declined).
    stands_in_for = models.ForeignKey(
        "portfolio.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stood_in_by",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["interaction", "contact"], name="participant_once_per_interaction"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact} at {self.interaction}"
