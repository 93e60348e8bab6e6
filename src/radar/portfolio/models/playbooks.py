"""Playbooks: the actions a reset or an exit turns into, as templates admins can edit."""

from __future__ import annotations

from django.db import models

from radar.engine.vocab import DecisionKind
from radar.portfolio.choices import choices


class Playbook(models.Model):
    """The steps that follow one kind of decision (a reset, an exit, …)."""

    response = models.CharField(
        max_length=10, choices=choices(DecisionKind), unique=True, verbose_name="decision"
    )
    name = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Shown on the decision form.")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["response"]

    def __str__(self) -> str:
        return self.name


class PlaybookStep(models.Model):
    playbook = models.ForeignKey(Playbook, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    due_after_days = models.PositiveSmallIntegerField(
        default=14, help_text="Days after the decision the action is due."
    )

    class Meta:
        ordering = ["playbook", "order", "pk"]

    def __str__(self) -> str:
        return self.title
