"""The human loop: check-ins, decisions with action items, stored assessments."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from radar.engine.vocab import DecisionKind, Phase
from radar.portfolio.choices import choices


class CheckIn(models.Model):
    """A monthly/quarterly health review, with the debugging checklist answers."""

    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="checkins"
    )
    held_on = models.DateField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reviewer_name = models.CharField(max_length=200, blank=True)
    neutral_reviewer = models.BooleanField(default=False)
    manual_score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    computed_score = models.FloatField(null=True, blank=True)
    # Why the manager's score says what it says (what the data cannot show).
    score_comment = models.TextField(blank=True)
    spoke_with_partner = models.BooleanField(null=True, blank=True)
    team_changes = models.TextField(blank=True)
    priorities_shifted = models.BooleanField(null=True, blank=True)
    we_are_delivering = models.BooleanField(null=True, blank=True)
    agreement_reviewed = models.BooleanField(null=True, blank=True)
    # Free notes per signal category: {"communication": "...", ...}
    category_notes = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["alliance", "-held_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "held_on"],
                name="checkin_natural_key",
                violation_error_message="This alliance already has a review on that date.",
            )
        ]

    def __str__(self) -> str:
        return f"Check-in {self.alliance} {self.held_on}"


class Decision(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="decisions"
    )
    decided_on = models.DateField()
    kind = models.CharField(max_length=10, choices=choices(DecisionKind))
    rationale = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["alliance", "-decided_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "decided_on", "kind"],
                name="decision_natural_key",
                violation_error_message="A decision of this kind is already recorded for this "
                "alliance on that day.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.alliance} ({self.decided_on})"


class ActionItem(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=300)
    # The person who owns it: a user of the app; `owner` keeps their name as written
    # (imports and the API may name someone who has no account).
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name="owner",
    )
    owner = models.CharField(max_length=200, blank=True, verbose_name="owner's name")
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["decision", "due_on"]
        indexes = [models.Index(fields=["owner_user", "done_on"], name="action_owner_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "title"],
                name="action_item_natural_key",
                violation_error_message="This decision already has an action with this title.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if self.owner_user_id and self.owner_user:  # the name follows the user
            self.owner = self.owner_label
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def owner_label(self) -> str:
        user = self.owner_user
        if user is not None:
            return user.get_full_name() or user.get_username()  # type: ignore[no-any-return]
        return self.owner or "nobody yet"


class Assessment(models.Model):
    """An engine result, stored so pages and history do not recompute it."""

    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="assessments"
    )
    as_of = models.DateField()
    score = models.FloatField(null=True, blank=True, help_text="Empty: not enough data yet.")
    baseline_score = models.FloatField(null=True, blank=True)
    trend = models.CharField(max_length=10)
    phase = models.CharField(max_length=20, choices=choices(Phase))
    recommendation = models.CharField(max_length=10, choices=choices(DecisionKind))
    systemic = models.BooleanField(default=False)
    confirmed_signals = models.PositiveIntegerField(default=0)
    # The full Assessment.to_dict() payload (docs/assessment-schema.md).
    payload = models.JSONField()
    schema_version = models.CharField(max_length=10)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["alliance", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "as_of"], name="assessment_per_day")
        ]
        indexes = [models.Index(fields=["as_of"], name="assessment_as_of")]

    def __str__(self) -> str:
        score = "not enough data yet" if self.score is None else f"{self.score:.1f}"
        return f"{self.alliance} {self.as_of}: {score}"


class ReviewComment(models.Model):
    """A neutral reviewer's challenge or comment on a check-in."""

    class Stance(models.TextChoices):
        COMMENT = "comment", "Comment"
        CHALLENGE = "challenge", "Challenge"
        ENDORSE = "endorse", "Endorse"

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    author_name = models.CharField(max_length=200, blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.COMMENT)
    # The score the reviewer would give, when they challenge the manual score.
    suggested_score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["checkin", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_stance_display()} on {self.checkin}"
