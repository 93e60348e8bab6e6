"""Nothing ships undocumented: commands, documents and settings are checked here."""

from __future__ import annotations

import re

from radar.cli import app
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_it_documents_every_cli_command_in_the_readme():
    missing = [name for name in _command_names() if f"radar {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_it_links_only_to_documents_that_exist_and_lists_them_all():
    linked = set(re.findall(r"docs/([\w-]+\.md)", README))
    on_disk = {path.name for path in (REPO_ROOT / "docs").glob("*.md")}
    assert linked <= on_disk, f"README links to missing docs: {sorted(linked - on_disk)}"
    assert on_disk <= linked, f"docs not listed in README: {sorted(on_disk - linked)}"


def test_it_documents_every_radar_setting_read_by_the_settings_module():
    settings_source = "".join(
        (REPO_ROOT / "src/radar" / name).read_text(encoding="utf-8")
        for name in ("settings.py", "compiled_engine.py")  # RADAR_ENGINE is read before Django
    )
    operations = (REPO_ROOT / "docs/operations.md").read_text(encoding="utf-8")
    names = set(re.findall(r'"(RADAR_[A-Z_]+)"', settings_source))
    missing = sorted(name for name in names if name not in operations)
    assert not missing, f"settings missing from docs/operations.md: {missing}"


def test_it_starts_the_readme_with_the_run_and_test_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
