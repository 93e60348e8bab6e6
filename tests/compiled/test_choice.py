"""radar.compiled_engine: which build of the engine runs, and why."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from radar import compiled_engine
from radar.compiled_engine import BUILD_DIR_NAME, MANIFEST_NAME, CompiledEngineUnavailable


@pytest.fixture
def engine_dir(tmp_path: Path) -> Path:
    """A small engine-like package, with a build made from exactly its sources."""
    engine = tmp_path / "engine"
    (engine / "signals").mkdir(parents=True)
    (engine / "__init__.py").write_text('"""package"""\n')
    (engine / "score.py").write_text("def score() -> int:\n    return 3\n")
    (engine / "signals" / "rules.py").write_text("RULES = ()\n")
    build = engine / BUILD_DIR_NAME
    build.mkdir()
    (build / MANIFEST_NAME).write_text(json.dumps(compiled_engine.manifest(engine)))
    return engine


def test_a_build_of_exactly_these_sources_for_this_python_is_usable(engine_dir):
    assert compiled_engine.unusable_because(engine_dir) is None


def test_any_change_to_any_source_makes_the_build_unusable(engine_dir):
    rules = engine_dir / "signals" / "rules.py"
    rules.write_text(rules.read_text() + "# an edit after the build\n")
    assert compiled_engine.unusable_because(engine_dir) == (
        "the engine's sources changed since it was compiled"
    )


def test_a_new_or_renamed_source_makes_the_build_unusable(engine_dir):
    shutil.move(engine_dir / "score.py", engine_dir / "scores.py")
    assert "sources changed" in compiled_engine.unusable_because(engine_dir)


def test_files_inside_the_build_folder_do_not_count_as_sources(engine_dir):
    (engine_dir / BUILD_DIR_NAME / "generated.py").write_text("x = 1\n")
    assert compiled_engine.unusable_because(engine_dir) is None


def test_a_build_for_another_python_is_unusable(engine_dir):
    manifest = engine_dir / BUILD_DIR_NAME / MANIFEST_NAME
    built = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**built, "extension_suffix": ".cpython-39-darwin.so"}))
    assert "another Python (.cpython-39-darwin.so)" in compiled_engine.unusable_because(engine_dir)


def test_no_build_or_an_unreadable_manifest_is_said_plainly(engine_dir):
    manifest = engine_dir / BUILD_DIR_NAME / MANIFEST_NAME
    manifest.write_text("{not json")
    assert "unreadable" in compiled_engine.unusable_because(engine_dir)
    manifest.unlink()
    assert compiled_engine.unusable_because(engine_dir) == "the engine has not been compiled"


@pytest.mark.parametrize("mode", ["auto", "compiled", "Compiled "])
def test_a_usable_build_goes_first_on_the_package_path(engine_dir, monkeypatch, mode):
    monkeypatch.setenv("RADAR_ENGINE", mode)
    path = [str(engine_dir)]
    assert compiled_engine.activate(path, engine_dir) is True
    assert path == [str(engine_dir / BUILD_DIR_NAME), str(engine_dir)]


@pytest.mark.parametrize("mode", ["python", "", None])
def test_python_mode_the_default_never_uses_the_build(engine_dir, monkeypatch, mode):
    if mode is None:
        monkeypatch.delenv("RADAR_ENGINE", raising=False)
    else:
        monkeypatch.setenv("RADAR_ENGINE", mode)
    path = [str(engine_dir)]
    assert compiled_engine.activate(path, engine_dir) is False
    assert path == [str(engine_dir)]


def test_auto_mode_falls_back_to_the_sources_when_the_build_is_stale(engine_dir, monkeypatch):
    monkeypatch.setenv("RADAR_ENGINE", "auto")
    (engine_dir / "score.py").write_text("def score() -> int:\n    return 4\n")
    path = [str(engine_dir)]
    assert compiled_engine.activate(path, engine_dir) is False
    assert path == [str(engine_dir)]


def test_compiled_mode_refuses_a_stale_build_and_says_how_to_fix_it(engine_dir, monkeypatch):
    monkeypatch.setenv("RADAR_ENGINE", "compiled")
    (engine_dir / "score.py").write_text("def score() -> int:\n    return 4\n")
    with pytest.raises(CompiledEngineUnavailable, match=r"sources changed.*make compile"):
        compiled_engine.activate([str(engine_dir)], engine_dir)


def test_an_unknown_mode_is_refused(monkeypatch):
    monkeypatch.setenv("RADAR_ENGINE", "fast")
    with pytest.raises(ValueError, match="python, compiled, auto"):
        compiled_engine.mode()


def test_this_process_runs_the_build_its_mode_asks_for():
    """The test command runs the default (python); CI also runs tests/compiled compiled."""
    import radar.engine.baseline
    import radar.engine.signals.metrics

    mode = compiled_engine.mode()
    expected = mode == "compiled" or (mode == "auto" and compiled_engine.unusable_because() is None)
    assert radar.engine.COMPILED is expected
    suffix = compiled_engine.extension_suffix() if expected else ".py"
    for module in (radar.engine.baseline, radar.engine.signals.metrics):
        assert module.__file__ is not None and module.__file__.endswith(suffix), module
