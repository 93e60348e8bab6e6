"""docs/bundle-format.md documents exactly the columns the reader accepts."""

from __future__ import annotations

from radar.engine import vocab
from radar.ingest.bundle import spec
from radar.ingest.bundle.spec_doc import render_entity
from tests.conftest import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "bundle-format.md").read_text()


def test_every_entity_table_in_the_doc_matches_the_spec():
    for entity in spec.ENTITIES:
        assert f"### {entity.file}" in DOC
        assert render_entity(entity) in DOC, (
            f"{entity.file}: run python -m radar.ingest.bundle.spec_doc"
        )


def test_enum_columns_offer_the_engine_vocabulary():
    assert spec.INTERACTIONS.column("ritual").choices == tuple(r.value for r in vocab.Ritual)
    assert spec.OBSERVATIONS.column("category").choices == tuple(c.value for c in vocab.Category)


def test_the_doc_states_the_format_version():
    assert f"(version {spec.FORMAT_VERSION})" in DOC and spec.FORMAT_NAME in DOC


def test_the_spec_can_be_read_without_setting_up_django():
    """Bundle generators (bench/) read the column lists before Django starts."""
    import subprocess
    import sys

    code = (
        "import sys; from radar.ingest.bundle import spec; "
        "assert spec.INTERACTIONS.file == 'interactions.csv'; "
        "assert 'radar.portfolio.models' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
