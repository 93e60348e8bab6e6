"""Every threshold of the engine, in one documented, overridable place.

docs/configuration.md documents each field; `EngineConfig.from_mapping` loads
overrides (from a TOML/JSON file or the database) and refuses unknown keys so a
typo never silently falls back to a default. Engine modules may add fields here,
always with a default and a one-line comment saying what it means.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from radar.engine.pickling import pickle_as_call
from radar.engine.vocab import Category


def _default_weights() -> dict[Category, float]:
    return {category: 1.0 for category in Category}


@dataclass(frozen=True)
class EngineConfig:
    # Rule of three: a signal is confirmed once this many occurrences (readings) have been
    # seen in a row; an ordinary month is one, a per-event rule counts its events.
    confirm_after_periods: int = 3
    # ... counting at most this many from any one month, so one bad month is never a pattern.
    max_occurrences_per_period: int = 2
    # A dip of at most this many months that repeats in the same calendar month a year (or
    # two) later is seasonal: the repeat keeps the signal in view but counts nothing.
    season_max_periods: int = 2
    # Triangulation: at least this many categories with a confirmed signal or one seen in
    # two or more periods of the window = systemic.
    systemic_min_categories: int = 3
    # ... within this many most recent periods.
    systemic_window_periods: int = 3
    # Baseline: trailing periods used (median/MAD), and the minimum needed to judge change.
    baseline_periods: int = 12
    baseline_min_periods: int = 3
    # A value deviates when it is this many robust standard deviations from the baseline ...
    deviation_z: float = 2.0
    # ... and at least this relative change from the baseline median (guards tiny MADs).
    deviation_relative: float = 0.25
    # Category weights in the 1-5 score.
    weights: Mapping[Category, float] = field(default_factory=_default_weights)
    # Score change (points) that counts as a move in "why it moved" and trend.
    trend_threshold: float = 0.3
    # Cadence.
    no_contact_days: int = 30
    decision_overdue_days: int = 30
    review_days_by_tier: Mapping[int, int] = field(default_factory=lambda: {1: 31, 2: 92, 3: 92})
    divergence_points: int = 2
    # A survey with no partner response after this many days is itself a signal.
    survey_response_days: int = 21

    # --- Detection rules (radar.engine.signals; docs/signals.md) ---
    # Baseline sigma never drops below this fraction of |median| (a flat history
    # must not make a tiny change look huge).
    baseline_mad_floor: float = 0.1
    # Partner replies are judged reply by reply: a month's replies are pooled with the
    # months before it until there are this many, over at most this many months.
    reply_pool_min: int = 5
    reply_pool_periods: int = 3
    # Held meetings with fewer partner invitations than this say nothing about attendance.
    attendance_min_invited: int = 2
    # Small counts (cancelled meetings, a sponsor's missed meetings) are pooled over this many
    # months and compared with the share before by a binomial test: at most this likely by
    # chance, the usual share taken as at least `count_usual_floor`.
    count_pool_periods: int = 3
    count_p_max: float = 0.05
    count_usual_floor: float = 0.05
    # Cancelled meetings: at least this share of the scheduled ones and this many, pooled ...
    cancelled_share_min: float = 0.2
    cancelled_min: int = 2
    # ... and (when a baseline exists) this much above the usual share.
    share_rise_over_baseline: float = 0.1
    # Tone: an absolute drop of the monthly mean tone (-1..1) needed on top of the z test.
    tone_drop_min: float = 0.15
    # Blaming/defensive texts: share of toned texts and minimum count in a month.
    blaming_share_min: float = 0.2
    blaming_min_texts: int = 2
    # A key partner contact whose named successor was in post at least this many days before
    # the departure handed over as planned: an unconfirmed sighting, not an instant signal.
    handover_min_days: int = 30
    # Single point of contact: months (with partner activity) in a row with one partner person.
    single_contact_periods: int = 3
    # Deliverables count as late when done more than this many days after the due date,
    # and as missed when still not done that many days after it.
    deliverable_grace_days: int = 7
    # Rising share of late deliverables: recent window, rise over the earlier share, minimum count.
    late_window_periods: int = 3
    late_share_rise: float = 0.2
    late_min_deliverables: int = 2
    # Surveys: a fall of this fraction of the scale (0.1 = half a point on 1-5) against the
    # median of the previous `survey_baseline_count` surveys of the same kind ...
    survey_drop: float = 0.1
    survey_baseline_count: int = 4
    # ... and a survey's reading holds until the next survey of its kind, at most this long.
    survey_hold_months: int = 6
    # An unanswered survey older than this stops counting (no surveys at all is a cadence issue).
    survey_unanswered_max_days: int = 180
    # How many trailing periods a detection shows as evidence points.
    evidence_periods: int = 6

    # --- Judgement (triage, score, lifecycle, respond, cadence; docs/configuration.md) ---
    # An instant signal (a champion left) stays active and confirmed for this many periods ...
    instant_active_periods: int = 3
    # ... and a durable fact (a key seat left empty, a competitor signed, a programme cut)
    # until it is resolved, at most this many periods when nobody records a resolution.
    durable_max_periods: int = 12
    # A cross-category cluster is systemic only if confirmed signals sit in at least this
    # many of its categories (0 = repeated sightings alone can make a cluster).
    systemic_min_confirmed: int = 2
    # A context factor marks a negative signal "possibly external" only when it is in force
    # during the last this-many months of the signal's current streak.
    context_window_periods: int = 3
    # Months a sparse input (an observation, a deliverable, a metric point) keeps its
    # category "with data" for the score after the month it is dated in (only fresh
    # data in the month itself can resolve a signal).
    coverage_hold_periods: int = 3
    # Points a negative signal takes off its category, scaled by (0.5 + severity).
    score_confirmed_cost: float = 2.0
    score_unconfirmed_cost: float = 0.5
    # Points a positive signal adds back (same scaling), at most `score_positive_max` per
    # category, and never above 5.
    score_positive_bonus: float = 0.25
    score_positive_max: float = 0.5
    # Points off the total while the signals form a systemic cluster.
    score_systemic_penalty: float = 0.5
    # The most a category without data can count for (and never more than the total).
    missing_category_cap: float = 3.0
    # With data in fewer categories than this there is no score: "not enough data yet".
    score_min_categories: int = 3
    # A confirmed pattern caps the score: problems confirmed in `decline_min_categories`
    # categories at this, a systemic cluster at this (docs/concepts.md, "The health score").
    score_cap_pattern: float = 3.0
    score_cap_systemic: float = 2.5
    # Lifecycle: younger than this many months = formation; trends over this many periods.
    formation_months: int = 12
    lifecycle_window_periods: int = 12
    lifecycle_min_periods: int = 6
    # Growth within +/- this much a year (a fit on the log scale) counts as flat ...
    plateau_band: float = 0.15
    # ... and so does a trend the data supports only weakly (|slope / its standard error|).
    trend_min_t: float = 2.0
    # The reference (healthy) level: the best 12-month median within this many months ...
    reference_periods: int = 24
    # ... compared with the median of this many most recent months (the current level).
    level_periods: int = 3
    # A level is low for the decline phase when it was below the healthy level at this
    # many period ends in a row.
    degraded_periods: int = 2
    # Confirmed negative signals in this many categories (with a falling trend) = decline.
    decline_min_categories: int = 2
    # A reset/reinvest decision or renegotiation within this many days = renewal phase.
    renewal_window_days: int = 180
    # Respond: negative sightings in this many categories in one month, nothing confirmed,
    # are an early warning (watch).
    watch_min_categories: int = 3
    # Respond: reinvest needs at least this score; exit looks at scores at or below
    # `exit_score_max` for `exit_sustained_periods` periods in a row.
    reinvest_min_score: float = 4.0
    exit_score_max: float = 2.5
    exit_sustained_periods: int = 3
    # A reset that has not lifted the score after this many days counts as unanswered.
    reset_response_days: int = 90
    # Renewal or exit-notice deadlines within this many days count as approaching.
    deadline_horizon_days: int = 120
    # Debugging checklist: how far back "recently" reaches for team changes, our own
    # deliverables and the agreement review.
    team_change_days: int = 180
    own_delivery_days: int = 180
    agreement_review_days: int = 365
    # Goals (radar.engine.goals): unreviewed for this many days they drift.
    goal_review_days: int = 365
    # A goal's metric that moved less than this share of its earlier level is flat.
    goal_flat_share: float = 0.05
    # Months of a goal's metric used for its trend and its projection to the target date.
    goal_trend_months: int = 6
    # Agreement hygiene (radar.engine.agreement_hygiene): renewals and renegotiations due
    # within this many days, and exit-notice deadlines within that many, are flagged.
    renewal_notice_days: int = 90
    exit_notice_warning_days: int = 60

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, Any]) -> EngineConfig:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown engine setting(s): {', '.join(unknown)}")
        values: dict[str, Any] = dict(overrides)
        if "weights" in values:
            weights = _default_weights()
            for name, weight in dict(values["weights"]).items():
                weights[Category(name)] = float(weight)
            values["weights"] = weights
        if "review_days_by_tier" in values:
            values["review_days_by_tier"] = {
                int(k): int(v) for k, v in dict(values["review_days_by_tier"]).items()
            }
        return dataclasses.replace(cls(), **values)


pickle_as_call(EngineConfig)  # the workers receive it pickled

DEFAULT_CONFIG = EngineConfig()
