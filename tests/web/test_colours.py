"""Score band colours: readable text on each, and neighbouring bands told apart."""

from __future__ import annotations

import re
from pathlib import Path

CSS = (
    Path(__file__).resolve().parents[2] / "src" / "radar" / "web" / "static" / "radar" / "radar.css"
).read_text()


def colour(name: str) -> str:
    found = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert found, name
    return found.group(1)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_band_keeps_its_text_readable() -> None:
    for band in range(6):
        assert contrast(colour(f"b{band}-bg"), colour(f"b{band}-ink")) >= 4.5, band


def test_a_four_and_a_five_look_different_on_the_heatmap() -> None:
    # Before: #e5f3e9 against #d7efe4, a contrast of 1.05, the same pale green.
    assert contrast(colour("b4-bg"), colour("b5-bg")) >= 1.3
