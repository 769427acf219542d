"""The real published pages in ../shared/samples: two HTML pages and an archived text dump."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import goiar
from goiar import Obtained, Template

from .conftest import SAMPLES


def sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_bytes()


PINGTAN_REQUESTS = {
    "requests.new_received.natural_person": 23,
    "requests.new_received.total": 23,
    "requests.granted.natural_person": 7,
    "requests.granted.total": 7,
    "requests.partially_granted.natural_person": 1,
    "requests.partially_granted.total": 1,
    "requests.unavailable.not_held.natural_person": 7,
    "requests.unavailable.not_held.total": 7,
    "requests.unavailable.unclear_after_correction.natural_person": 5,
    "requests.unavailable.unclear_after_correction.total": 5,
    "requests.not_processed.repeated.natural_person": 3,
    "requests.not_processed.repeated.total": 3,
    "requests.total.natural_person": 23,
    "requests.total.total": 23,
}


def test_pingtan_html_2019_tables() -> None:
    report = goiar.read(sample("pingtan-2019.html"))
    assert report.reader == "html"
    assert report.meta.organ == "平潭综合实验区"
    assert report.meta.year == 2019
    assert report.meta.template is Template.V2019
    assert report.proactive is not None
    assert report.proactive.template is Template.V2019
    flat = goiar.flatten(report)
    requests = {k: v for k, v in flat.items() if k.startswith("requests.") and v}
    assert requests == PINGTAN_REQUESTS
    assert flat["proactive.licensing.previous"] == 396
    assert flat["proactive.licensing.decisions"] == 181
    assert flat["proactive.penalty.previous"] == 2648
    assert flat["proactive.procurement.projects"] == 135
    assert flat["proactive.procurement.amount"] == Decimal("75394432.52")
    assert report.proactive.row("procurement")["amount"].unit == "元"
    assert [f for f in goiar.validate(report) if f.severity is not goiar.Severity.INFO] == []


def test_pingtan_text_dump_settles_table_three_by_identities() -> None:
    report = goiar.read(sample("pingtan-2019.txt").decode("utf-8"))
    assert report.reader == "run-together"
    assert report.meta.organ == "平潭综合实验区"
    assert report.meta.published == dt.date(2020, 1, 20)
    flat = goiar.flatten(report)
    requests = {k: v for k, v in flat.items() if k.startswith("requests.") and v}
    assert requests == PINGTAN_REQUESTS
    assert report.requests is not None
    # "230 000023": the identities choose 23 | 0 | 0 | 0 | 0 | 0 | 23
    assert report.requests.new_received.natural_person.obtained is Obtained.INFERRED
    # table 二 has no identity: "898989" stays ambiguous, with its candidates, never guessed
    findings = goiar.validate(report)
    ambiguous = {f.path: f for f in findings if f.rule == "cell.ambiguous"}
    assert flat["proactive.normative_documents.produced"] is None
    assert "89" in ambiguous["proactive.normative_documents.produced"].candidates
    assert flat["proactive.regulations.produced"] == 0


def test_shuyang_html_blank_columns_forced_to_zero() -> None:
    report = goiar.read(sample("shuyang-fgj-2023.html"))
    assert report.meta.organ == "沭阳县发展和改革局"
    assert report.meta.published == dt.date(2024, 1, 17)
    assert report.meta.index_no == "014314799/2024-00002"
    assert report.requests is not None
    cell = report.requests.granted.commercial_enterprise
    assert cell.value == 0
    assert cell.state is goiar.CellState.BLANK
    assert cell.obtained is Obtained.INFERRED
    assert report.requests.total.total.value == 26
    assert goiar.flatten(report)["proactive.normative_documents.in_force"] == 18
    assert [f for f in goiar.validate(report) if f.severity is not goiar.Severity.INFO] == []
