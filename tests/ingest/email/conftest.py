"""E-mail test helpers: the LKML corpus, the alliances it is read for, format converters."""

from __future__ import annotations

import mailbox
from collections.abc import Callable
from datetime import date
from email.utils import parseaddr
from pathlib import Path

import pytest

from radar.ingest.base import ImportOptions, ImportSummary
from radar.ingest.email import EmailImporter
from radar.portfolio.models import Alliance, Partner

# Joe Perches (perches.com) is "us"; two maintainers he works with are partners.
OURS = "perches.com"
PARTNERS = {"Davem": "davemloft.net", "Wolfson": "opensource.wolfsonmicro.com"}

RunEmail = Callable[..., ImportSummary]


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "cur").iterdir() if p.is_file())


def sender_domain(raw: bytes) -> str:
    import email

    return parseaddr(email.message_from_bytes(raw)["From"] or "")[1].rpartition("@")[2].lower()


def write_mbox(files: list[Path], target: Path) -> Path:
    box = mailbox.mbox(target, create=True)
    box.lock()
    try:
        for file in files:
            box.add(file.read_bytes())
        box.flush()
    finally:
        box.unlock()
        box.close()
    return target


def write_eml_folder(files: list[Path], target: Path) -> Path:
    target.mkdir()
    for number, file in enumerate(files):
        (target / f"{number:03d}.eml").write_bytes(file.read_bytes())
    return target


def make_alliance(name: str, domains: str, started_on: date | None = None) -> Alliance:
    partner = Partner.objects.create(name=f"{name} Ltd", email_domains=domains)
    return Alliance.objects.create(name=f"{name} alliance", partner=partner, started_on=started_on)


@pytest.fixture
def lkml(shared_dir: Path) -> Path:
    return shared_dir / "realdata" / "email" / "lkml"


@pytest.fixture
def alliances(settings: pytest.FixtureRequest) -> dict[str, Alliance]:
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    return {name: make_alliance(name, domain) for name, domain in PARTNERS.items()}


@pytest.fixture
def run_email() -> RunEmail:
    def run(path: Path | str, **options: object) -> ImportSummary:
        return EmailImporter().run(Path(path), ImportOptions(**options), lambda a, t: None)  # type: ignore[arg-type]

    return run
