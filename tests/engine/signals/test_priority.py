from __future__ import annotations

import dataclasses
from datetime import date

from radar.engine.config import EngineConfig
from radar.engine.vocab import (
    Category,
    ObservationKind,
    ObservationSource,
    Polarity,
    Side,
    SurveyKind,
)
from tests.engine.builders import (
    detect,
    fired,
    history,
    metric,
    observation,
    steady_periods,
    survey,
)

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)
MONTHS = 24


def run(observations=(), surveys=(), as_of=AS_OF, config=None):
    h = history(periods=steady_periods(START, MONTHS), observations=observations, surveys=surveys)
    return detect(h, as_of, config or EngineConfig())


def answered_quarterly():
    return tuple(
        survey(
            n,
            date(2024 + (n * 3) // 12, (n * 3) % 12 + 1, 5),
            (date(2024 + (n * 3) // 12, (n * 3) % 12 + 1, 12), 4.0),
        )
        for n in range(8)
    )


def test_a_stable_alliance_raises_no_priority_signal():
    assert fired(run(surveys=answered_quarterly()), "priority.") == []


def test_an_external_competing_initiative_is_instant():
    found = run(
        observations=(
            observation(
                1,
                date(2025, 5, 20),
                ObservationKind.COMPETING_INITIATIVE,
                source=ObservationSource.EXTERNAL,
                title="Partner announced its own analytics suite",
            ),
        )
    )
    assert fired(found, "priority.observation") == [date(2025, 5, 1)]
    detection = next(d for d in found if d.rule == "priority.observation")
    assert detection.instant and detection.category == Category.PRIORITY
    assert "own analytics suite" in detection.detail and "competing initiative" in detection.detail


def signed_with_competitor(resolved=None):
    return observation(
        1,
        date(2025, 2, 20),
        ObservationKind.COMPETING_INITIATIVE,
        source=ObservationSource.EXTERNAL,
        title="Partner signed with our competitor",
        resolved=resolved,
    )


def still_active(observations, as_of):
    from radar.engine.evaluate import evaluate

    h = history(periods=steady_periods(START, MONTHS), observations=observations)
    return [s.confirmed for s in evaluate(h, as_of).signals if s.rule == "priority.observation"]


def test_a_competitor_signing_stays_active_until_resolved_not_three_months():
    assert still_active((signed_with_competitor(),), date(2025, 11, 30)) == [True]
    assert still_active((signed_with_competitor(),), date(2026, 2, 28)) == []  # 12 months at most
    ended = signed_with_competitor(resolved=date(2025, 8, 5))
    assert still_active((ended,), date(2025, 7, 31)) == [True]
    assert still_active((ended,), date(2025, 8, 31)) == []
    # A resolution recorded later was unknown before it happened.
    assert still_active((ended,), date(2025, 6, 30)) == [True]


def test_an_internal_impression_or_a_job_posting_is_no_durable_fact():
    internal = dataclasses.replace(signed_with_competitor(), source=ObservationSource.INTERNAL)
    posting = observation(
        2, date(2025, 2, 20), ObservationKind.JOB_POSTING, source=ObservationSource.EXTERNAL
    )
    assert True not in still_active((internal,), date(2025, 6, 30))  # an impression
    found = [d for d in run(observations=(posting,)) if d.rule == "resource.observation"]
    assert found[0].instant and found[0].active_periods == 0


def test_internal_priority_observations_wait_for_the_rule_of_three():
    found = run(
        observations=(
            observation(1, date(2025, 5, 2), ObservationKind.FOCUS_SHIFT),
            observation(2, date(2025, 5, 28), ObservationKind.ROADMAP_CHANGE),
            observation(3, date(2025, 6, 2), ObservationKind.PROGRAM_TIER_CHANGE),
        )
    )
    detections = [d for d in found if d.rule == "priority.observation"]
    assert [d.period for d in detections] == [date(2025, 5, 1), date(2025, 6, 1)]
    assert not any(d.instant for d in detections)
    assert detections[0].detail.startswith("2 observations recorded by the team")


def test_positive_or_other_category_observations_are_not_priority_signals():
    found = run(
        observations=(
            observation(
                1, date(2025, 5, 2), ObservationKind.ROADMAP_CHANGE, polarity=Polarity.POSITIVE
            ),
            observation(2, date(2025, 5, 2), ObservationKind.BUDGET_CHANGE),
            # An explicit category wins over the kind's usual one.
            observation(
                3, date(2025, 5, 2), ObservationKind.FOCUS_SHIFT, category=Category.CULTURE
            ),
        )
    )
    assert fired(found, "priority.observation") == []
    assert fired(found, "culture.observation") == [date(2025, 5, 1)]


def test_a_survey_the_partner_never_answers_keeps_firing():
    found = run(surveys=(survey(1, date(2025, 9, 2)),))
    assert fired(found, "priority.survey_unanswered") == [date(2025, m, 1) for m in (9, 10, 11, 12)]
    detail = next(d.detail for d in found if d.rule == "priority.survey_unanswered")
    assert "sent on 2025-09-02 has no partner response after 28 days" in detail


def test_one_unanswered_survey_is_one_reading_however_long_the_silence():
    found = run(surveys=(survey(1, date(2025, 6, 2)), survey(2, date(2025, 9, 2))))
    counts = [d.occurrences for d in found if d.rule == "priority.survey_unanswered"]
    assert counts == [1, 0, 0, 1, 0, 0, 0]  # June (sent 2 June) and September each count once


def test_it_waits_for_the_answer_window_and_stops_once_answered():
    late_answer = survey(1, date(2025, 9, 20), (date(2025, 11, 3), 4.0))
    assert fired(run(surveys=(late_answer,)), "priority.survey_unanswered") == [date(2025, 10, 1)]


def test_only_partner_answers_count():
    ours_only = survey(1, date(2025, 9, 2), (date(2025, 9, 5), 4.0, Side.OURS))
    assert len(fired(run(surveys=(ours_only,)), "priority.survey_unanswered")) == 4


def test_customer_surveys_and_stale_surveys_do_not_count():
    customer = survey(1, date(2025, 9, 2), kind=SurveyKind.CUSTOMER_NPS, scale_max=10)
    assert fired(run(surveys=(customer,)), "priority.survey_unanswered") == []
    config = EngineConfig(survey_unanswered_max_days=60)
    found = run(surveys=(survey(1, date(2025, 9, 2)),), config=config)
    assert fired(found, "priority.survey_unanswered") == [date(2025, 9, 1), date(2025, 10, 1)]


def shared(values, supplied_by=Side.PARTNER):
    series = metric("pipeline", START, values)
    return dataclasses.replace(
        series, definition=dataclasses.replace(series.definition, supplied_by=supplied_by)
    )


def test_figures_the_partner_stops_sending_are_a_signal_not_a_gap():
    values = [100.0] * 18 + [None] * 6
    h = history(periods=steady_periods(START, MONTHS), metrics=(shared(values),))
    found = detect(h, AS_OF)
    assert fired(found, "priority.reports_stopped") == [date(2025, m, 1) for m in range(8, 13)]
    assert "no pipeline for 2 months (it came every month)" in next(
        d.detail for d in found if d.rule == "priority.reports_stopped"
    )
    ours = history(periods=steady_periods(START, MONTHS), metrics=(shared(values, Side.OURS),))
    assert fired(detect(ours, AS_OF), "priority.reports_stopped") == []


def test_a_quarterly_report_is_expected_quarterly():
    values = [100.0 if i % 3 == 0 else None for i in range(MONTHS)]
    values[18:] = [None] * 6  # the last quarterly report: April 2025
    found = detect(history(periods=steady_periods(START, MONTHS), metrics=(shared(values),)), AS_OF)
    reports = [d for d in found if d.rule == "priority.reports_stopped"]
    assert [d.period.month for d in reports] == [10, 11, 12]  # six months without, and on
    assert [d.occurrences for d in reports] == [1, 0, 0]  # one report due, in October
