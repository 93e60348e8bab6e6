"""Natural keys: re-importing changes nothing; a newer bundle updates rows in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.portfolio.models import Contact, Interaction, MetricValue, SurveyResponse
from tests.ingest.bundle.helpers import run, write_bundle

pytestmark = pytest.mark.django_db

INTERACTIONS = (
    "alliance,kind,occurred_at,subject,source,external_id\n"
    "Acme co-sell,meeting,2024-03-05T14:00:00+01:00,QBR,ics,uid-1\n"
    'acme-co-sell,email,2024-03-06,"Hello, world",,\n'
)


def test_reimporting_the_same_bundle_changes_nothing(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"interactions.csv": INTERACTIONS})
    first = run(bundle)
    assert first.created["interactions"] == 2 and first.created["alliances"] == 1
    second = run(bundle)
    assert not second.changed
    assert second.unchanged["interactions"] == 2
    assert Interaction.objects.count() == 2


def test_rows_without_external_id_get_a_stable_derived_one(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"interactions.csv": INTERACTIONS})
    run(bundle)
    derived = Interaction.objects.get(kind="email").external_id
    assert derived.startswith("auto-")
    # Referring to the alliance by slug or by name derives the same id.
    by_name = INTERACTIONS.replace("acme-co-sell,email", "Acme co-sell,email")
    run(write_bundle(tmp_path / "again", {"interactions.csv": by_name}))
    assert list(Interaction.objects.filter(kind="email").values_list("external_id", flat=True)) == [
        derived
    ]


def test_a_newer_bundle_updates_rows_in_place(tmp_path: Path):
    run(write_bundle(tmp_path / "v1", {"interactions.csv": INTERACTIONS}))
    before = Interaction.objects.get(external_id="uid-1")
    newer = INTERACTIONS.replace("QBR", "QBR (moved)")
    summary = run(write_bundle(tmp_path / "v2", {"interactions.csv": newer}))
    assert summary.updated["interactions"] == 1 and summary.unchanged["interactions"] == 1
    after = Interaction.objects.get(external_id="uid-1")
    assert after.pk == before.pk and after.subject == "QBR (moved)"


def test_metric_values_are_keyed_by_metric_and_month(tmp_path: Path):
    metrics = {"metrics.csv": "alliance,key,name\nAcme co-sell,leads,Leads\n"}
    values = "alliance,metric,period,value\nAcme co-sell,leads,2024-03,5\n"
    run(write_bundle(tmp_path / "v1", {**metrics, "metric_values.csv": values}))
    # A full date counts for its month: this updates the same row.
    newer = "alliance,metric,period,value\nAcme co-sell,leads,2024-03-15,7\n"
    summary = run(write_bundle(tmp_path / "v2", {**metrics, "metric_values.csv": newer}))
    assert summary.updated["metric_values"] == 1
    assert list(MetricValue.objects.values_list("value", flat=True)) == [7.0]


def test_contacts_are_keyed_by_email_any_case_and_successors_update(tmp_path: Path):
    v1 = (
        "alliance,side,name,email,successor\n"
        "Acme co-sell,partner,Jürgen,jurgen@acme.example,\n"
        "Acme co-sell,partner,Anna,anna@acme.example,\n"
    )
    run(write_bundle(tmp_path / "v1", {"contacts.csv": v1}))
    v2 = v1.replace("jurgen@acme.example,", "JURGEN@acme.example,Anna")
    summary = run(write_bundle(tmp_path / "v2", {"contacts.csv": v2}))
    assert summary.updated["contacts"] == 1 and summary.unchanged["contacts"] == 1
    jurgen = Contact.objects.get(name="Jürgen")
    assert jurgen.successor is not None and jurgen.successor.name == "Anna"
    assert not run(write_bundle(tmp_path / "v3", {"contacts.csv": v2})).changed


def test_identical_anonymous_survey_answers_are_kept_apart_by_order(tmp_path: Path):
    files = {
        "surveys.csv": "alliance,kind,sent_on,title\nAcme co-sell,pulse,2024-03-01,Q1\n",
        "survey_responses.csv": "alliance,survey_kind,survey_sent_on,side,submitted_on,score\n"
        + "Acme co-sell,pulse,2024-03-01,partner,2024-03-02,4\n" * 3,
    }
    bundle = write_bundle(tmp_path, files)
    assert run(bundle).created["survey_responses"] == 3
    assert not run(bundle).changed
    assert SurveyResponse.objects.count() == 3


def test_dry_run_reports_changes_and_writes_nothing(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"interactions.csv": INTERACTIONS})
    summary = run(bundle, dry_run=True)
    assert summary.dry_run and summary.created["interactions"] == 2
    assert not Interaction.objects.exists()


def test_alliance_option_imports_only_that_alliance(tmp_path: Path):
    files = {
        "partners.csv": "name\nAcme Cloud\nGlobex\n",
        "alliances.csv": "name,partner\nAcme co-sell,Acme Cloud\nGlobex R&D,Globex\n",
        "interactions.csv": "alliance,kind,occurred_at,external_id\n"
        "Acme co-sell,call,2024-01-01,a\nGlobex R&D,call,2024-01-01,g\n",
    }
    summary = run(write_bundle(tmp_path, files, base=False), alliance="globex-rd")
    assert summary.created == {"partners": 1, "alliances": 1, "interactions": 1}
    assert list(Interaction.objects.values_list("external_id", flat=True)) == ["g"]


def test_a_single_entity_file_can_be_imported_on_its_own(tmp_path: Path):
    run(write_bundle(tmp_path / "base", {}))
    single = tmp_path / "interactions.csv"
    single.write_text(INTERACTIONS)
    assert run(single).created["interactions"] == 2
    assert not run(single).changed


@pytest.mark.parametrize("dry_run", [False, True])
def test_bulk_loading_keeps_the_indexes_and_constraints(tmp_path: Path, monkeypatch, dry_run):
    from django.db import IntegrityError, connection, transaction

    from radar.ingest.bundle import write

    monkeypatch.setattr(write, "BULK_ROWS", 1)  # take the big-table path for two rows
    with connection.cursor() as cursor:
        before = connection.introspection.get_constraints(cursor, "portfolio_interaction")
    run(write_bundle(tmp_path, {"interactions.csv": INTERACTIONS}), dry_run=dry_run)
    with connection.cursor() as cursor:
        after = connection.introspection.get_constraints(cursor, "portfolio_interaction")
    assert sorted(after) == sorted(before)
    if not dry_run:
        first = Interaction.objects.get(external_id="uid-1")
        with pytest.raises(IntegrityError), transaction.atomic():
            Interaction.objects.create(
                alliance=first.alliance,
                kind="call",
                occurred_at=first.occurred_at,
                source="ics",
                external_id="uid-1",
            )
