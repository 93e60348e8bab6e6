from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from radar.engine.config import DEFAULT_CONFIG, EngineConfig
from radar.engine.features import add_months
from radar.engine.records import ContextFactorRecord
from radar.engine.triage import (
    STRUCTURAL_RULES,
    _systemic,
    context_notes,
    is_explained,
    triage,
)
from radar.engine.vocab import Category, ContextKind, Polarity
from tests.engine.detections import covered, det, fires, months

P = months(8)


def run(detections, n=8, cover=None, context=(), config=DEFAULT_CONFIG):
    return triage(detections, months(n), cover or covered(n), context, config)


def active(result, i):
    return {s.rule: s for s in result[i].signals}


def test_it_confirms_a_signal_only_on_the_third_consecutive_period():
    result = run(fires("communication.reply_slower", P[2:5]))
    assert not active(result, 2)["communication.reply_slower"].confirmed
    assert not active(result, 3)["communication.reply_slower"].confirmed
    third = active(result, 4)["communication.reply_slower"]
    assert third.confirmed and third.consecutive == 3
    assert third.first_seen == P[2] and third.confirmed_since == P[4]


def test_it_resets_the_streak_when_a_period_with_data_does_not_fire():
    result = run(fires("communication.reply_slower", [P[1], P[2], P[4], P[5]]))
    assert "communication.reply_slower" not in active(result, 3)
    again = active(result, 5)["communication.reply_slower"]
    assert again.consecutive == 2 and not again.confirmed and again.first_seen == P[4]


def test_it_holds_a_streak_through_a_month_without_data():
    cover = covered(8, missing={Category.COMMUNICATION: [3]})
    result = run(fires("communication.reply_slower", [P[1], P[2], P[4]]), cover=cover)
    held = active(result, 3)["communication.reply_slower"]
    assert held.consecutive == 2  # the missing month neither resolves it nor counts
    assert active(result, 4)["communication.reply_slower"].confirmed


def test_a_missing_month_in_another_category_does_not_hold_the_streak():
    cover = covered(8, missing={Category.METRICS: [3]})
    result = run(fires("communication.reply_slower", [P[1], P[2]]), cover=cover)
    assert "communication.reply_slower" not in active(result, 3)


def test_an_instant_signal_is_confirmed_at_once_and_stays_for_its_window():
    result = run([det("resource.key_contact_left", P[2], instant=True)])
    for i in (2, 3, 4):
        signal = active(result, i)["resource.key_contact_left"]
        assert signal.confirmed and signal.consecutive == 1
    assert "resource.key_contact_left" not in active(result, 5)


def test_the_confirmation_threshold_is_configurable():
    config = EngineConfig.from_mapping({"confirm_after_periods": 2})
    result = run(fires("execution.late", P[0:2]), config=config)
    assert active(result, 1)["execution.late"].confirmed


def test_it_calls_a_cluster_across_three_categories_systemic():
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("resource.team_shrinking", P[2:5]),
        *fires("execution.late", P[3:5]),  # not confirmed yet, but seen twice in the window
    ]
    result = run(detections)
    assert result[4].systemic
    assert result[4].systemic_categories == (
        Category.COMMUNICATION,
        Category.RESOURCE,
        Category.EXECUTION,
    )


def test_one_confirmed_signal_and_one_month_blips_elsewhere_are_not_systemic():
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        det("resource.team_shrinking", P[4]),
        det("execution.late", P[4]),
    ]
    result = run(detections)
    assert not result[4].systemic and result[4].systemic_categories == ()
    assert result[4].cluster == (Category.COMMUNICATION, Category.RESOURCE, Category.EXECUTION)


def test_one_month_blips_do_not_count_even_beside_two_confirmed_categories():
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("resource.team_shrinking", P[2:5]),
        det("execution.late", P[4]),
        det("culture.tone_cooler", P[3]),
    ]
    assert not run(detections)[4].systemic


def test_confirmed_signals_must_sit_in_two_categories():
    # Two readings of the same metric story, plus repeated sightings in two other categories.
    detections = [
        *fires("metrics.falling.leads", P[2:5]),
        *fires("metrics.below_target.leads", P[2:5]),
        *fires("communication.reply_slower", P[3:5]),
        *fires("execution.late", P[3:5]),
    ]
    result = run(detections)
    assert not result[4].systemic
    config = EngineConfig.from_mapping({"systemic_min_confirmed": 1})
    assert run(detections, config=config)[4].systemic


def test_a_sighting_before_the_window_does_not_count_as_a_repeat():
    # execution.late fired in Feb and May; the window is Mar-May: seen once in it.
    cover = covered(8, missing={Category.EXECUTION: [2, 3]})
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("resource.team_shrinking", P[2:5]),
        det("execution.late", P[1]),
        det("execution.late", P[4]),
    ]
    result = run(detections, cover=cover)
    assert "execution.late" in active(result, 4)  # held through the months without data
    assert not result[4].systemic


def test_a_category_repeats_when_two_of_its_rules_are_seen_in_two_months():
    # Thinner attendance one month, fewer meetings the next: the same story (communication)
    # seen twice, so it counts towards the cluster and corroborates the confirmed problem.
    detections = [
        *fires("resource.team_shrinking", P[2:5]),
        det("communication.attendance_falling", P[3]),
        det("communication.fewer_meetings", P[4]),
    ]
    result = run(detections)
    assert result[4].corroborated
    # ... but one reading held over two months is still one reading,
    held = [*detections[:3], det("communication.attendance_falling", P[4], occurrences=0)]
    assert not run(held)[4].corroborated
    # ... and two readings of two rules in the same month are not a repeat.
    same = [
        *detections[:3],
        det("communication.attendance_falling", P[4]),
        det("communication.fewer_meetings", P[4]),
    ]
    assert not run(same)[4].corroborated


def test_two_confirmed_changes_in_one_category_corroborate_each_other():
    # Fewer meetings and slower replies, each past the rule of three: two series tell the
    # same way, a pattern even though both are communication.
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("communication.reply_slower", P[2:5]),
    ]
    result = run(detections)
    assert not result[3].corroborated  # neither confirmed yet
    assert result[4].corroborated and not result[4].systemic
    assert result[4].cluster == (Category.COMMUNICATION,)


def test_one_confirmed_change_and_sightings_of_its_category_are_not_corroborated():
    # The other rule is seen twice but never confirmed: one problem, watched.
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        det("communication.reply_slower", P[3]),
        det("communication.reply_slower", P[4]),
    ]
    assert not run(detections)[4].corroborated


def test_a_standing_risk_does_not_corroborate_a_change_in_its_category():
    # A single point of contact is a standing risk, not a second change.
    detections = [
        *fires("resource.team_shrinking", P[2:5]),
        *fires("resource.single_contact", P[2:5]),
    ]
    assert not run(detections)[4].corroborated


def test_repeated_sightings_of_two_rules_count_towards_a_systemic_cluster():
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("resource.team_shrinking", P[2:5]),
        det("execution.late", P[3]),
        det("execution.partner_missed", P[4]),
    ]
    assert run(detections)[4].systemic


def test_two_categories_are_not_systemic():
    detections = [*fires("communication.fewer_meetings", P[2:5]), *fires("execution.late", P[2:5])]
    result = run(detections)
    assert not result[4].systemic and result[4].systemic_categories == ()
    assert result[4].cluster == (Category.COMMUNICATION, Category.EXECUTION)


def test_a_one_month_cluster_with_nothing_confirmed_is_not_systemic():
    detections = [
        det("communication.fewer_meetings", P[4]),
        det("execution.late", P[4]),
        det("culture.tone_cooler", P[4]),
    ]
    assert not run(detections)[4].systemic


def test_positive_signals_never_make_a_cluster():
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        det("resource.new_connections", P[4], polarity=Polarity.POSITIVE),
        det("execution.late", P[4]),
    ]
    assert not run(detections)[4].systemic


def test_it_annotates_signals_during_a_downturn_and_keeps_them():
    downturn = ContextFactorRecord(
        ContextKind.DOWNTURN, date(2025, 3, 15), date(2025, 9, 30), note="market slump"
    )
    result = run(fires("metrics.leads_falling", P[4:7]), context=(downturn,))
    signal = active(result, 6)["metrics.leads_falling"]
    assert signal.confirmed and signal.possibly_external
    assert "economic downturn" in signal.context[0] and "market slump" in signal.context[0]


def test_signals_outside_a_context_factor_are_not_annotated():
    merger = ContextFactorRecord(
        ContextKind.MERGER_ACQUISITION, date(2024, 1, 1), date(2024, 6, 30)
    )
    signal = active(run(fires("metrics.leads_falling", P[4:7]), context=(merger,)), 6)[
        "metrics.leads_falling"
    ]
    assert not signal.possibly_external and signal.context == ()


RULES = ("communication.reply_slower", "execution.partner_missed", "metrics.falling.leads")
CATS = (Category.COMMUNICATION, Category.EXECUTION, Category.METRICS)
grid = st.lists(st.lists(st.booleans(), min_size=8, max_size=8), min_size=3, max_size=3)


@given(fired=grid, instant=st.lists(st.booleans(), min_size=3, max_size=3), data=grid, drop=grid)
def test_missing_data_never_makes_a_signal_disappear_or_lose_confirmation(
    fired, instant, data, drop
):
    detections = [
        det(rule, P[i], instant=instant[r])
        for r, rule in enumerate(RULES)
        for i in range(8)
        if fired[r][i]
    ]
    full = {c: tuple(data[k]) for k, c in enumerate(CATS)}
    less = {
        c: tuple(d and not x for d, x in zip(data[k], drop[k], strict=True))
        for k, c in enumerate(CATS)
    }
    with_all, with_less = run(detections, cover=full), run(detections, cover=less)
    for i in range(8):
        with_data, without = active(with_all, i), active(with_less, i)
        for rule, signal in with_data.items():
            assert rule in without, (i, rule)
            assert without[rule].consecutive >= signal.consecutive
            assert without[rule].confirmed or not signal.confirmed


def test_an_old_ended_factor_no_longer_explains_a_problem_that_goes_on():
    # The streak began during the downturn (Feb-Mar 2025) and is still running in August.
    downturn = ContextFactorRecord(ContextKind.DOWNTURN, date(2025, 1, 1), date(2025, 3, 31))
    result = run(fires("resource.single_contact", P[1:8]), context=(downturn,))
    early = active(result, 2)["resource.single_contact"]
    assert early.possibly_external  # while the downturn was on, it may explain it
    late = active(result, 7)["resource.single_contact"]
    assert late.confirmed and not late.possibly_external and late.context == ()


def test_a_factor_in_force_during_the_recent_months_still_annotates_a_long_streak():
    merger = ContextFactorRecord(ContextKind.MERGER_ACQUISITION, date(2025, 6, 10), None)
    result = run(fires("resource.single_contact", P[0:8]), context=(merger,))
    assert active(result, 7)["resource.single_contact"].possibly_external


def test_positive_signals_are_never_called_possibly_external():
    downturn = ContextFactorRecord(ContextKind.DOWNTURN, date(2025, 1, 1), None)
    detections = [
        *fires("metrics.beats_target.leads", P[2:6], polarity=Polarity.POSITIVE),
        *fires("metrics.falling.revenue", P[2:6]),
    ]
    signals = active(run(detections, context=(downturn,)), 5)
    assert not signals["metrics.beats_target.leads"].possibly_external
    assert signals["metrics.falling.revenue"].possibly_external


def test_the_context_window_is_configurable():
    downturn = ContextFactorRecord(ContextKind.DOWNTURN, date(2025, 1, 1), date(2025, 3, 31))
    config = EngineConfig.from_mapping({"context_window_periods": 6})
    result = run(fires("resource.single_contact", P[1:8]), context=(downturn,), config=config)
    assert active(result, 7)["resource.single_contact"].possibly_external  # Mar is in Mar-Aug


MANY_RULES = tuple(f"{c}.rule{k}" for c in Category for k in range(2))
factor = st.builds(
    ContextFactorRecord,
    kind=st.sampled_from(list(ContextKind)),
    start=st.dates(date(2024, 12, 1), date(2026, 1, 31)),
    end=st.none() | st.dates(date(2024, 12, 1), date(2026, 1, 31)),
    note=st.sampled_from(["", "slump"]),
)


@settings(max_examples=300)
@given(
    fired=st.lists(
        st.tuples(
            st.sampled_from(MANY_RULES),
            st.integers(0, 11),
            st.sampled_from([Polarity.NEGATIVE, Polarity.NEGATIVE, Polarity.POSITIVE]),
            st.booleans(),
        ),
        max_size=40,
    ),
    gaps=st.dictionaries(st.sampled_from(list(Category)), st.lists(st.integers(0, 11))),
    context=st.lists(factor, max_size=2),
    window=st.integers(0, 4),
    min_categories=st.integers(0, 4),
    min_confirmed=st.integers(0, 3),
    context_window=st.integers(0, 4),
)
def test_the_shortcuts_give_the_plain_systemic_verdict_and_context_notes(
    fired, gaps, context, window, min_categories, min_confirmed, context_window
):
    """The triage skips the per-signal window scan when the window cannot be systemic, and
    writes each factor's note once: both must match the plain `_systemic`/`context_notes`."""
    config = EngineConfig.from_mapping(
        {
            "systemic_window_periods": window,
            "systemic_min_categories": min_categories,
            "systemic_min_confirmed": min_confirmed,
            "context_window_periods": context_window,
        }
    )
    periods = months(12)
    detections = [
        det(rule, periods[i], polarity=polarity, instant=instant)
        for rule, i, polarity, instant in fired
    ]
    result = run(detections, 12, covered(12, missing=gaps), tuple(context), config)
    size = max(window, 1)
    for i, now in enumerate(result):
        recent = [(p.period, p.signals) for p in result[max(0, i - size + 1) : i + 1]]
        systemic, counted, cluster = _systemic(recent, config)
        assert (now.systemic, now.cluster) == (systemic, cluster)
        confirmed = any(
            s.confirmed and not is_explained(s)
            for _, found in recent
            for s in found
            if s.polarity == "negative"
        )
        changes: dict[str, set[str]] = {}
        for _, found in recent:
            for s in found:
                negative = s.confirmed and s.polarity == "negative"
                if negative and not is_explained(s) and s.rule not in STRUCTURAL_RULES:
                    changes.setdefault(s.category, set()).add(s.rule)
        two_changes = any(len(rules) >= 2 for rules in changes.values())
        assert now.corroborated == (confirmed and (len(counted) >= 2 or two_changes))
        assert now.systemic_categories == (counted if systemic else ())
        for s in now.signals:
            if s.polarity is not Polarity.NEGATIVE:
                assert s.context == ()
                continue
            recent_months = add_months(s.last_seen, -(max(context_window, 1) - 1))
            notes = context_notes(max(s.first_seen, recent_months), s.last_seen, context)
            assert s.context == notes and s.possibly_external == bool(notes)


def test_the_rule_of_three_counts_occurrences_at_most_two_a_month():
    busy = [det("communication.meetings_cancelled", P[2], occurrences=3)]
    once = active(run(busy), 2)["communication.meetings_cancelled"]
    assert once.occurrences == 2 and not once.confirmed  # one month is never a pattern
    busy.append(det("communication.meetings_cancelled", P[3]))
    assert active(run(busy), 3)["communication.meetings_cancelled"].confirmed


def test_a_reading_already_counted_keeps_the_signal_without_confirming_it():
    held = [det("culture.survey_falling", P[2])]
    held += [det("culture.survey_falling", p, occurrences=0) for p in P[3:7]]
    signal = active(run(held), 6)["culture.survey_falling"]
    assert signal.consecutive == 5 and signal.occurrences == 1 and not signal.confirmed


def test_a_dip_in_the_same_month_as_last_years_counts_nothing():
    year = months(26)
    december = [year[11], year[23]]  # two Decembers
    detections = [det("communication.fewer_meetings", p) for p in december]
    detections += [det("communication.fewer_meetings", year[24])]  # January after the second
    result = triage(detections, year, covered(26), (), DEFAULT_CONFIG)
    second = {s.rule: s for s in result[23].signals}["communication.fewer_meetings"]
    assert second.seasonal and second.occurrences == 0
    after = {s.rule: s for s in result[24].signals}["communication.fewer_meetings"]
    assert not after.seasonal and after.occurrences == 1


def test_a_dip_two_years_ago_is_a_season_only_when_last_year_says_nothing():
    period = months(28)
    rule = "metrics.falling.leads"
    detections = [det(rule, p) for p in (period[1], period[2], period[25], period[26])]
    # Last January and February had data and no dip: no season, the streak counts.
    counted = triage(detections, period, covered(28), (), DEFAULT_CONFIG)
    assert {s.rule: s for s in counted[26].signals}[rule].occurrences == 2
    # Without last year's data, the dip of two years ago is the best guess of a season.
    unknown = covered(28, missing={Category.METRICS: [13, 14]})
    held = triage(detections, period, unknown, (), DEFAULT_CONFIG)
    assert {s.rule: s for s in held[26].signals}[rule].occurrences == 0


def test_a_problem_that_lasted_all_last_year_is_no_season():
    year = months(26)
    detections = [det("communication.reply_slower", p) for p in year[8:26]]
    result = triage(detections, year, covered(26), (), DEFAULT_CONFIG)
    signal = {s.rule: s for s in result[25].signals}["communication.reply_slower"]
    assert signal.confirmed and not signal.seasonal and signal.occurrences == 18


def test_sightings_in_a_declared_quiet_period_count_nothing_and_are_not_external():
    quiet = (ContextFactorRecord(ContextKind.QUIET_PERIOD, P[2], add_months(P[3], 0)),)
    detections = fires("communication.fewer_meetings", P[2:5])
    signal = active(run(detections, context=quiet), 4)["communication.fewer_meetings"]
    assert signal.occurrences == 1 and not signal.confirmed
    assert not signal.possibly_external and signal.context == ()


def test_a_seasonal_sighting_is_no_repeat_for_triangulation():
    # Team shrinking confirmed; two meetings cancelled in July and one in August, the August
    # one a repeat of last August's dip: July alone counts, so nothing corroborates yet.
    period = months(20)
    july, august = period[18], period[19]
    rule = "communication.meetings_cancelled"
    detections = [det(rule, period[7])]  # last August's dip
    detections += fires("resource.team_shrinking", period[17:20])
    detections += [det(rule, july, occurrences=2), det(rule, august)]
    result = triage(detections, period, covered(20), (), DEFAULT_CONFIG)
    signal = {s.rule: s for s in result[19].signals}[rule]
    assert signal.seasonal and signal.occurrences == 2 and not result[19].corroborated
    # The same two months without last year's dip corroborate.
    plain = triage(detections[1:], period, covered(20), (), DEFAULT_CONFIG)
    assert plain[19].corroborated


DOWNTURN = ContextFactorRecord(ContextKind.DOWNTURN, date(2025, 1, 1), None, note="market slump")


def test_results_an_outside_force_explains_count_towards_no_cluster():
    # Leads falling through a downturn on record, beside one confirmed relationship problem
    # and repeated sightings in a third category.
    detections = [
        *fires("metrics.falling.leads", P[2:5]),
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("resource.team_shrinking", P[3:5]),
    ]
    plain = run(detections)[4]
    assert plain.systemic and plain.corroborated
    explained = run(detections, context=(DOWNTURN,))[4]
    assert active(run(detections, context=(DOWNTURN,)), 4)["metrics.falling.leads"].confirmed
    assert not explained.systemic
    assert explained.cluster == plain.cluster  # still shown among the categories
    # The relationship problem is still corroborated by the resource sightings.
    assert explained.corroborated


def test_an_explained_result_corroborates_no_relationship_problem():
    detections = [
        *fires("metrics.falling.leads", P[2:5]),
        *fires("communication.fewer_meetings", P[2:5]),
    ]
    assert run(detections)[4].corroborated
    assert not run(detections, context=(DOWNTURN,))[4].corroborated


def test_relationship_signals_in_a_downturn_still_make_a_cluster():
    # A downturn explains results, not a partner who stops coming and stops answering.
    detections = [
        *fires("communication.fewer_meetings", P[2:5]),
        *fires("resource.team_shrinking", P[2:5]),
        *fires("culture.tone_falling", P[3:5]),
    ]
    assert run(detections, context=(DOWNTURN,))[4].systemic
