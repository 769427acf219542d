"""Shared fixtures: the real seed reports and sample pages live in ../shared beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = SHARED / "samples"
EXAMPLES = ROOT / "examples"


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix`` (skips when absent)."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0].read_text(encoding="utf-8")
