"""Forms for the write side: each belongs to one alliance and re-evaluates it on save."""

from radar.web.forms.activity import DeliverableForm, InteractionForm
from radar.web.forms.decisions import ActionItemFormSet, DecisionForm
from radar.web.forms.measures import MetricValueForm
from radar.web.forms.review import MonthlyReviewForm, ReviewCommentForm
from radar.web.forms.sightings import ContextFactorForm, ObservationForm

__all__ = [
    "ActionItemFormSet",
    "ContextFactorForm",
    "DecisionForm",
    "DeliverableForm",
    "InteractionForm",
    "MetricValueForm",
    "MonthlyReviewForm",
    "ObservationForm",
    "ReviewCommentForm",
]
