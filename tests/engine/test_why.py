from __future__ import annotations

from datetime import date

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.score import score_period
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, Polarity
from radar.engine.why import why_moved
from tests.engine.detections import sig

ALL = dict.fromkeys(Category, True)
JAN, FEB = date(2025, 1, 1), date(2025, 2, 1)


def period(signals=(), systemic=False, when=JAN, cats=()):
    cats = tuple(cats)
    return PeriodSignals(when, tuple(signals), systemic, cats if systemic else (), cats)


def moved(before, after, has_before=ALL, has_after=ALL):
    return why_moved(
        (before, score_period(before, has_before, DEFAULT_CONFIG)),
        (after, score_period(after, has_after, DEFAULT_CONFIG)),
    )


def test_why_moved_names_the_newly_confirmed_signal_and_its_category():
    open_one = sig("communication.reply_slower", consecutive=2)
    confirmed = sig("communication.reply_slower", confirmed=True, consecutive=3)
    before = period([open_one])
    after = period([confirmed], when=FEB)
    text = why_moved(
        (before, score_period(before, ALL, DEFAULT_CONFIG)),
        (after, score_period(after, ALL, DEFAULT_CONFIG)),
    )
    assert text[0] == "The score fell from 4.9 to 4.7 in February 2025."
    assert "Communication fell from 4.5 to 3.0" in text[1]
    assert "“communication.reply_slower” is now confirmed, 3 periods in a row" in text[1]


def test_why_moved_names_resolved_signals_and_new_positives():
    before = period([sig("execution.late", confirmed=True)])
    after = period([sig("resource.new_connection", polarity=Polarity.POSITIVE)], when=FEB)
    text = " ".join(
        why_moved(
            (before, score_period(before, ALL, DEFAULT_CONFIG)),
            (after, score_period(after, ALL, DEFAULT_CONFIG)),
        )
    )
    assert "The score rose" in text
    assert "Execution rose from 3.0 to 5.0: signal “execution.late” has cleared" in text
    assert "new positive signal “resource.new_connection”" in text


def test_why_moved_says_when_nothing_moved():
    jan, feb = period(), period(when=FEB)
    text = why_moved(
        (jan, score_period(jan, ALL, DEFAULT_CONFIG)), (feb, score_period(feb, ALL, DEFAULT_CONFIG))
    )
    assert text == ("The score held at 5.0 in February 2025.",)


def test_why_moved_says_when_a_category_lost_its_data():
    lost = {**ALL, Category.METRICS: False}
    text = " ".join(moved(period(), period(when=FEB), has_after=lost))
    assert "Metrics fell from 5.0 to 3.0: no data this period, counted as 3.0" in text


def test_why_moved_names_a_new_systemic_cluster():
    cats = (Category.COMMUNICATION, Category.RESOURCE, Category.EXECUTION)
    signals = [sig(f"{c}.bad", confirmed=True) for c in cats]
    text = moved(period(signals), period(signals, systemic=True, when=FEB, cats=cats))
    assert text[-1] == (
        "Negative signals now cluster in communication, resource and execution: "
        "a systemic pattern, not a one-off."
    )


def test_the_first_period_has_no_previous_one():
    only = period([sig("execution.late", confirmed=True)])
    text = why_moved(None, (only, score_period(only, ALL, DEFAULT_CONFIG)))
    assert text[0].startswith("First period assessed (January 2025)")
    assert "“execution.late” is confirmed." in text
