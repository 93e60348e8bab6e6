"""Compile radar.engine with mypyc into src/radar/engine/_compiled/ (see radar.compiled_engine).

    python scripts/compile_engine.py          build unless the build is up to date
    python scripts/compile_engine.py --force  build anyway
    python scripts/compile_engine.py --check  exit 1 unless the build is up to date

Every engine module but the package's own __init__ is compiled into one shared
library (calls between modules stay native). The build happens in a temporary
folder and replaces the old one only once it is complete, manifest last, so an
interrupted build leaves the previous build (or none) in place, never half of one.
Needs a C compiler, Python's headers and mypy (the dev and `compiled` extras).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

from radar import compiled_engine  # noqa: E402  (after the path is set)

ENGINE = compiled_engine.ENGINE_DIR
BUILD = ENGINE / compiled_engine.BUILD_DIR_NAME
GROUP = "radar.engine._native"  # the shared library: radar/engine/_native__mypyc.*.so


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even when up to date")
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args(argv)

    problem = compiled_engine.unusable_because()
    if args.check:
        print(f"compiled engine: {problem or 'up to date'}")
        return 1 if problem else 0
    if problem is None and not args.force:
        print("==> compiled engine is up to date")
        return 0
    print(f"==> compiling the engine with mypyc ({problem or 'forced'}; about a minute)")
    started = time.perf_counter()
    build()
    print(f"==> compiled engine built in {time.perf_counter() - started:.0f} s")
    return 0


def build() -> None:
    recorded = compiled_engine.manifest()  # before compiling: an edit meanwhile shows as stale
    modules = [
        path.relative_to(SRC).as_posix()
        for path in compiled_engine.sources()
        if path != ENGINE / "__init__.py"  # it chooses between the builds: never compiled
    ]
    with tempfile.TemporaryDirectory(prefix="radar-mypyc-") as scratch:
        work = Path(scratch)
        _compile(modules, work)
        staged = work / "lib" / "radar" / "engine"
        (staged / compiled_engine.MANIFEST_NAME).write_text(json.dumps(recorded, indent=2) + "\n")
        _replace(staged)


def _compile(modules: list[str], work: Path) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    previous = Path.cwd()
    os.chdir(SRC)  # module names come from paths relative to here: radar/engine/x.py
    try:
        extensions = mypycify(
            ["--config-file", str(ROOT / "scripts" / "mypyc.toml"), *modules],
            group_name=GROUP,
            target_dir=str(work / "c"),
        )
        setup(
            name="radar-engine-compiled",
            ext_modules=extensions,
            script_args=[
                "--quiet",
                "build_ext",
                f"--build-lib={work / 'lib'}",
                f"--build-temp={work / 'obj'}",
            ],
        )
    finally:
        os.chdir(previous)


def _replace(staged: Path) -> None:
    """Swap the finished build in for the old one."""
    incoming = BUILD.with_name(BUILD.name + ".new")
    outgoing = BUILD.with_name(BUILD.name + ".old")
    for leftover in (incoming, outgoing):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(staged, incoming)
    if BUILD.exists():
        BUILD.rename(outgoing)
    incoming.rename(BUILD)
    shutil.rmtree(outgoing, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
