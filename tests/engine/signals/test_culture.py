from __future__ import annotations

from datetime import date

from radar.engine.vocab import ObservationKind, Side, SurveyKind
from tests.engine.builders import detect, dip, fired, history, observation, steady_periods, survey

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)
MONTHS = 24


def run(surveys=(), observations=(), as_of=AS_OF, **overrides):
    h = history(
        periods=steady_periods(START, MONTHS, **overrides),
        surveys=surveys,
        observations=observations,
    )
    return detect(h, as_of)


def quarterly(scores, kind=SurveyKind.ALIGNMENT, scale_max=5.0):
    """One survey per quarter from January 2024, answered a week later."""
    made = []
    for n, score in enumerate(scores):
        sent = date(2024 + (n * 3) // 12, (n * 3) % 12 + 1, 3)
        made.append(
            survey(n + 1, sent, (sent.replace(day=10), score), kind=kind, scale_max=scale_max)
        )
    return tuple(made)


def test_a_stable_alliance_raises_no_culture_signal():
    assert fired(run(surveys=quarterly([4.2, 4.0, 4.1, 4.2, 4.0, 4.1, 4.2, 4.1])), "culture.") == []


def test_it_notices_a_cooling_tone():
    found = run(tone=dip(0.35, at=[21, 22], to=0.05))
    assert fired(found, "culture.tone_falling") == [date(2025, 10, 1), date(2025, 11, 1)]
    detail = next(d.detail for d in found if d.rule == "culture.tone_falling")
    assert detail == (
        "The average tone of messages and notes was 0.05 (from -1 hostile to +1 warm), "
        "against a usual 0.35 (-0.30)."
    )


def test_a_small_tone_wobble_around_zero_is_not_a_signal():
    # Relative to a median near zero any change is "huge": tone needs an absolute drop.
    found = run(tone=dip(0.02, at=21, to=-0.08))
    assert fired(found, "culture.tone_falling") == []


def test_months_without_scored_texts_have_no_tone():
    found = run(tone=dip(0.35, at=21, to=-0.9), toned=dip(12, at=21, to=0))
    assert fired(found, "culture.tone_falling") == []


def test_it_notices_blaming_and_defensive_texts():
    found = run(blaming=dip(0, at=21, to=2), defensive=dip(0, at=21, to=1))
    assert fired(found, "culture.blaming") == [date(2025, 10, 1)]
    detail = next(d.detail for d in found if d.rule == "culture.blaming")
    assert detail == (
        "3 of 12 scored texts read as blaming or defensive (2 blaming, 1 defensive): "
        "25%, against a usual 0%."
    )


def test_a_single_sharp_message_is_not_a_pattern():
    assert fired(run(blaming=dip(0, at=21, to=1)), "culture.blaming") == []


def test_negative_culture_observations():
    found = run(observations=(observation(1, date(2025, 11, 2), ObservationKind.ESCALATION),))
    assert fired(found, "culture.observation") == [date(2025, 11, 1)]


def test_a_falling_survey_holds_until_the_next_survey():
    found = run(surveys=quarterly([4.2, 4.0, 4.1, 4.2, 4.1, 3.2, 4.1, 4.2]))
    # The 2025-04 survey scored 3.2 against a usual 4.1; the July survey recovered.
    assert fired(found, "culture.survey_falling") == [date(2025, m, 1) for m in (4, 5, 6)]
    detail = next(d.detail for d in found if d.rule == "culture.survey_falling")
    assert detail == ("The alignment survey of 2025-04-03 scored 3.2/5, against a usual 4.1/5.")


def test_a_falling_survey_is_one_reading_however_long_it_holds():
    found = run(surveys=quarterly([4.2, 4.0, 4.1, 4.2, 4.1, 3.2]))
    counts = [d.occurrences for d in found if d.rule == "culture.survey_falling"]
    assert counts == [1, 0, 0, 0, 0, 0]  # 2025-04 counts; the months it is held add nothing


def test_a_single_low_survey_never_confirms_on_its_own():
    from radar.engine.evaluate import evaluate

    h = history(
        periods=steady_periods(START, MONTHS), surveys=quarterly([4.2, 4.0, 4.1, 4.2, 4.1, 3.2])
    )
    signals = {s.rule: s for s in evaluate(h, date(2025, 9, 30)).signals}
    held = signals["culture.survey_falling"]
    assert held.consecutive == 6 and held.occurrences == 1 and not held.confirmed


def test_survey_drops_are_judged_on_each_survey_scale():
    health = quarterly([8, 8, 9, 8, 8, 7.5], kind=SurveyKind.HEALTH, scale_max=10)
    assert fired(run(surveys=health), "culture.survey_falling") == []  # -0.5 of 10 is noise
    health = quarterly([8, 8, 9, 8, 8, 6], kind=SurveyKind.HEALTH, scale_max=10)
    assert (
        fired(run(surveys=health), "culture.survey_falling")
        == [date(2025, m, 1) for m in range(4, 13)][:6]
    )


def test_survey_responses_after_as_of_are_unknown():
    surveys = quarterly([4.2, 4.0, 4.1, 4.2, 4.1, 3.2])
    found = run(surveys=surveys, as_of=date(2025, 4, 8))
    assert fired(found, "culture.survey_falling") == []


def test_both_sides_answers_count_in_the_survey_score():
    sent = date(2025, 4, 3)
    low = survey(
        9,
        sent,
        (date(2025, 4, 5), 4.0),
        (date(2025, 4, 6), 2.0, Side.OURS),
        kind=SurveyKind.ALIGNMENT,
    )
    found = run(surveys=(*quarterly([4.0, 4.0, 4.0, 4.0, 4.0]), low))
    assert date(2025, 4, 1) in fired(found, "culture.survey_falling")
