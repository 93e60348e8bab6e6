"""Write small hand-made bundles for tests."""

from __future__ import annotations

from pathlib import Path

from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary
from radar.ingest.bundle import import_bundle

BASE = {
    "partners.csv": "name,email_domains\nAcme Cloud,acme.example\n",
    "alliances.csv": "name,partner,kind,tier\nAcme co-sell,Acme Cloud,co_selling,1\n",
}


def write_bundle(folder: Path, files: dict[str, str | bytes], base: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in ({**BASE, **files} if base else files).items():
        data = content.encode() if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


def problems_of(path: Path, **options: object) -> list[str]:
    try:
        import_bundle(path, ImportOptions(**options))  # type: ignore[arg-type]
    except ImportFailed as failed:
        return [str(p) for p in failed.problems]
    raise AssertionError("the import was expected to fail")


def run(path: Path, **options: object) -> ImportSummary:
    return import_bundle(path, ImportOptions(**options))  # type: ignore[arg-type]
