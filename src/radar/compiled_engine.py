"""Run radar.engine from its mypyc-compiled build when that build matches the sources.

The engine is plain typed Python, stays the source of truth, and runs as such
by default. For those who want the speed, `scripts/compile_engine.py` (`make
compile`, an option: nothing else compiles) builds it with mypyc into
`radar/engine/_compiled/`, next to the sources, with a manifest of what it was
built from. When radar.engine is imported with RADAR_ENGINE=compiled (or auto),
`activate` puts that folder first on the package's search path, so every engine
module is then the compiled one, but only when the manifest matches the `.py`
files byte for byte and this interpreter's extension suffix. An engine edited after the build, or a
build for another Python, is simply not used: what runs is always what the
sources say. Nothing outside radar.engine changes.

RADAR_ENGINE chooses:
  python    the pure-Python modules, always (default)
  compiled  the compiled build, or fail loudly (CI's same-results check uses this,
            so it can never pass on a silent fallback)
  auto      the compiled build when it is usable, else the pure-Python modules

This module must not import Django or the engine itself (it runs inside the
engine package's __init__).
"""

from __future__ import annotations

import hashlib
import json
import os
import sysconfig
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent / "engine"
BUILD_DIR_NAME = "_compiled"
MANIFEST_NAME = "build.json"
MODES = ("python", "compiled", "auto")


class CompiledEngineUnavailable(ImportError):
    """RADAR_ENGINE=compiled, and there is no usable compiled build."""


def mode() -> str:
    chosen = os.environ.get("RADAR_ENGINE", "python").strip().lower() or "python"
    if chosen not in MODES:
        raise ValueError(f"RADAR_ENGINE must be one of {', '.join(MODES)}, not {chosen!r}")
    return chosen


def sources(engine_dir: Path = ENGINE_DIR) -> list[Path]:
    """Every engine source file, in a stable order (the build folder excluded)."""
    return sorted(
        path
        for path in engine_dir.rglob("*.py")
        if BUILD_DIR_NAME not in path.relative_to(engine_dir).parts
    )


def source_digest(engine_dir: Path = ENGINE_DIR) -> str:
    """SHA-256 over every source file's relative path and bytes."""
    digest = hashlib.sha256()
    for path in sources(engine_dir):
        digest.update(path.relative_to(engine_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def extension_suffix() -> str:
    """This interpreter's suffix for extension modules, e.g. `.cpython-311-x86_64-linux-gnu.so`."""
    return str(sysconfig.get_config_var("EXT_SUFFIX"))


def manifest(engine_dir: Path = ENGINE_DIR) -> dict[str, str]:
    """What a build made now from these sources would record."""
    return {"sources": source_digest(engine_dir), "extension_suffix": extension_suffix()}


def unusable_because(engine_dir: Path = ENGINE_DIR) -> str | None:
    """Why the compiled build can't be used, or None when it can."""
    path = engine_dir / BUILD_DIR_NAME / MANIFEST_NAME
    try:
        built = json.loads(path.read_text())
    except FileNotFoundError:
        return "the engine has not been compiled"
    except (OSError, ValueError) as exc:
        return f"its manifest {path} is unreadable ({exc})"
    if not isinstance(built, dict):
        return f"its manifest {path} is not an object"
    if built.get("extension_suffix") != extension_suffix():
        return f"it was compiled for another Python ({built.get('extension_suffix')})"
    if built.get("sources") != source_digest(engine_dir):
        return "the engine's sources changed since it was compiled"
    return None


def activate(package_path: list[str], engine_dir: Path = ENGINE_DIR) -> bool:
    """Put the compiled build first on `package_path` when chosen and usable; say if it was."""
    chosen = mode()
    if chosen == "python":
        return False
    problem = unusable_because(engine_dir)
    if problem is None:
        package_path.insert(0, str(engine_dir / BUILD_DIR_NAME))
        return True
    if chosen == "compiled":
        raise CompiledEngineUnavailable(
            f"RADAR_ENGINE=compiled, but {problem}: run `make compile` "
            "(python scripts/compile_engine.py), or unset RADAR_ENGINE"
        )
    return False
