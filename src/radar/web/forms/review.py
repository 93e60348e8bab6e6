"""The guided monthly review (a check-in) and a neutral reviewer's comment on it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from radar.engine.vocab import Category, ContextKind
from radar.portfolio.choices import choices
from radar.portfolio.models import Alliance, CheckIn, ContextFactor, ReviewComment
from radar.web.forms.base import DateInput

# A manager's score this far from the radar's is an override: it needs a reason.
OVERRIDE_POINTS = 1.0
YES_NO = [("yes", "Yes"), ("no", "No"), ("", "Not sure")]
SCORES = [(n, str(n)) for n in range(1, 6)]

# The debugging checklist: (field, question). Order is the order people walk it.
CHECKLIST: tuple[tuple[str, str], ...] = (
    ("spoke_with_partner", "Have we spoken directly with the partner in the last 30 days?"),
    ("priorities_shifted", "Have the partner's priorities shifted?"),
    ("we_are_delivering", "Are WE delivering what we promised?"),
    ("agreement_reviewed", "Has the agreement been reviewed recently?"),
)


def _yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
    )


def note_field_name(category: Category | str) -> str:
    return f"note_{category}"


class MonthlyReviewForm(forms.Form):
    held_on = forms.DateField(label="Review date", widget=DateInput())
    team_changes = forms.CharField(
        label="Team changes on either side (who joined, left or moved)?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    context_kind = forms.ChoiceField(
        label="New outside factor",
        choices=[("", "None"), *choices(ContextKind)],
        required=False,
    )
    context_note = forms.CharField(label="About this factor", required=False)
    manual_score = forms.TypedChoiceField(
        label="Your score for the alliance (1 = in trouble, 5 = thriving)",
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    score_comment = forms.CharField(
        label="Why this score",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What you know that the data cannot show. Needed when your score is a point "
        "or more away from the radar's.",
    )
    notes = forms.CharField(
        label="Overall notes", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, alliance: Alliance, **kwargs: Any) -> None:
        self.alliance = alliance
        super().__init__(*args, **kwargs)
        for field, question in CHECKLIST:
            self.fields[field] = _yes_no(question)
        for category in Category:
            self.fields[note_field_name(category)] = forms.CharField(
                label=f"Notes on {category.value}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def category_fields(self) -> list[tuple[Category, forms.BoundField]]:
        return [(c, self[note_field_name(c)]) for c in Category]

    def checklist_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _question in CHECKLIST]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("context_note") and not data.get("context_kind"):
            self.add_error("context_kind", "Pick what kind of outside factor this is.")
        if self._needs_reason(data.get("manual_score"), data.get("score_comment", "")):
            radar = self._radar_score()
            self.add_error(
                "score_comment",
                f"Your score is {abs(data['manual_score'] - radar):.1f} points from the "
                f"radar's {radar:.1f}: say why, so others can weigh it.",
            )
        held_on = data.get("held_on")
        if held_on and CheckIn.objects.filter(alliance=self.alliance, held_on=held_on).exists():
            self.add_error(
                "held_on", "This alliance already has a review on that date: open it to comment."
            )
        return data

    def _radar_score(self) -> float | None:
        scores = self.alliance.assessments.order_by("-as_of").values_list("score", flat=True)
        return scores.first()

    def _needs_reason(self, score: int | None, reason: str) -> bool:
        """A score a point or more from the radar's is an override: it needs a reason."""
        if score is None or reason.strip():
            return False
        radar = self._radar_score()
        return radar is not None and abs(score - radar) >= OVERRIDE_POINTS

    def save(self, *, user: Any, computed_score: float | None) -> CheckIn:
        data = self.cleaned_data
        notes = {
            c.value: data[note_field_name(c)].strip()
            for c in Category
            if data.get(note_field_name(c), "").strip()
        }
        checkin = CheckIn.objects.create(
            alliance=self.alliance,
            held_on=data["held_on"],
            reviewer=user if user.is_authenticated else None,
            reviewer_name=(user.get_full_name() or user.get_username()),
            manual_score=data["manual_score"],
            score_comment=data.get("score_comment", "").strip(),
            computed_score=computed_score,
            team_changes=data["team_changes"],
            category_notes=notes,
            notes=data["notes"],
            **{field: data.get(field) for field, _q in CHECKLIST},
        )
        if data.get("context_kind"):
            # The same factor may already be on record from that day: add the note to it.
            factor, created = ContextFactor.objects.get_or_create(
                alliance=self.alliance,
                kind=data["context_kind"],
                starts_on=data["held_on"],
                defaults={"note": data["context_note"]},
            )
            if not created and data["context_note"] and data["context_note"] not in factor.note:
                factor.note = f"{factor.note}\n{data['context_note']}".strip()
                factor.save(update_fields=["note"])
        return checkin


def diverges(manual: int | None, computed: float | None, points: float = 2.0) -> bool:
    """A manual score this far from the computed one asks for a neutral reviewer."""
    return manual is not None and computed is not None and abs(manual - computed) >= points


class ReviewCommentForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ReviewComment
        fields = ["stance", "suggested_score", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "stance": "Your view",
            "suggested_score": "The score you would give (optional)",
            "body": "Comment",
        }

    def __init__(self, *args: Any, is_scorer: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_scorer = is_scorer
        if is_scorer:  # the neutral reviewer must be someone else: the author only comments
            stance = self.fields["stance"]
            stance.choices = [(ReviewComment.Stance.COMMENT, "Comment")]  # type: ignore[attr-defined]
            stance.help_text = (
                "You gave this score: endorsing or challenging it is for a neutral reviewer, "
                "someone other than you."
            )


def initial_review(today: date) -> dict[str, Any]:
    return {"held_on": today}
