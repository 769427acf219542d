"""The five real seed reports, asserted cell by cell against what the files print."""

from __future__ import annotations

import datetime as dt

import pytest

import goiar
from goiar import CellState, Obtained, Template
from goiar.keys import canonical_keys, figures

from .conftest import seed_text

# Non-zero cells as the documents print them; every other canonical key must be 0.
EXPECTED = {
    "000": {
        "reader": "tab",
        "organ": "龙口市兰高镇人民政府",
        "published": dt.date(2024, 1, 26),
        "templates": (Template.V2021, Template.V2021),
        "nonzero": {
            "requests.new_received.natural_person": 1,
            "requests.new_received.total": 1,
            "requests.unavailable.not_held.natural_person": 1,
            "requests.unavailable.not_held.total": 1,
            "requests.total.natural_person": 1,
            "requests.total.total": 1,
        },
    },
    "001": {
        "reader": "cell-lines",
        "organ": "威海临港经济技术开发区蔄山镇人民政府",
        "published": None,
        "templates": (Template.V2021, Template.V2021),
        "nonzero": {
            "requests.new_received.natural_person": 2,
            "requests.new_received.total": 2,
            "requests.granted.natural_person": 1,
            "requests.granted.total": 1,
            "requests.denied.third_party_rights.natural_person": 1,
            "requests.denied.third_party_rights.total": 1,
            "requests.total.natural_person": 2,
            "requests.total.total": 2,
        },
    },
    "002": {
        "reader": "cell-lines",
        "organ": "安丘市官庄镇人民政府",
        "published": dt.date(2024, 1, 23),
        "templates": (Template.V2021, Template.V2021),
        "nonzero": {
            "requests.new_received.natural_person": 3,
            "requests.new_received.total": 3,
            "requests.granted.natural_person": 3,
            "requests.granted.total": 3,
            "requests.total.natural_person": 3,
            "requests.total.total": 3,
        },
    },
    "003": {
        "reader": "run-together",
        "organ": "兰陵县新兴镇人民政府",
        "published": dt.date(2024, 1, 29),
        "templates": (Template.V2019, Template.V2019),
        "nonzero": {
            "requests.new_received.natural_person": 4,
            "requests.new_received.total": 4,
            "requests.granted.natural_person": 4,
            "requests.granted.total": 4,
            # its own （七）总计 row prints 0000000: kept as printed, reported by the rules
            "appeals.reconsideration.corrected": 1,
            "appeals.reconsideration.total": 1,
        },
    },
    "004": {
        "reader": "tab",
        "organ": "青岛西海岸新区大场镇人民政府",
        "published": dt.date(2024, 1, 22),
        "templates": (Template.V2021, Template.V2021),
        "nonzero": {
            "requests.new_received.natural_person": 11,
            "requests.new_received.total": 11,
            "requests.granted.natural_person": 11,
            "requests.granted.total": 11,
            "requests.total.natural_person": 11,
            "requests.total.total": 11,
            "appeals.reconsideration.upheld": 1,
            "appeals.reconsideration.total": 1,
        },
    },
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def seed(request: pytest.FixtureRequest) -> tuple[str, goiar.Report]:
    prefix = request.param
    return prefix, goiar.read(seed_text(prefix))


def test_metadata(seed: tuple[str, goiar.Report]) -> None:
    prefix, report = seed
    expected = EXPECTED[prefix]
    assert report.reader == expected["reader"]
    assert report.meta.organ == expected["organ"]
    assert report.meta.year == 2023
    assert report.meta.published == expected["published"]
    proactive_version, requests_version = expected["templates"]
    assert report.proactive is not None
    assert report.requests is not None
    assert report.appeals is not None
    assert report.proactive.template is proactive_version
    assert report.requests.template is requests_version
    assert report.meta.template is requests_version


def test_every_canonical_key(seed: tuple[str, goiar.Report]) -> None:
    prefix, report = seed
    expected = EXPECTED[prefix]
    proactive_version, requests_version = expected["templates"]
    flat = goiar.flatten(report)
    assert list(flat) == list(canonical_keys(proactive_version, requests_version))
    wanted = {key: expected["nonzero"].get(key, 0) for key in flat}
    assert flat == wanted


def test_six_parts_present(seed: tuple[str, goiar.Report]) -> None:
    _, report = seed
    for key in ("overview", "proactive", "requests", "appeals", "problems", "other"):
        assert report.section(key) is not None, key
    assert "总体情况" not in report.text("overview")[:4]


def test_clean_seeds_have_no_error_findings(seed: tuple[str, goiar.Report]) -> None:
    prefix, report = seed
    if prefix == "003":
        pytest.skip("003 carries real faults, asserted in test_seed_003_faults")
    errors = [f for f in report.findings if f.severity is goiar.Severity.ERROR]
    assert errors == []
    assert not [f for f in report.findings if f.rule == "structure.unknown_row"]


def test_seed_004_lost_cells_are_inferred_and_marked() -> None:
    report = goiar.read(seed_text("004"))
    requests = report.requests
    assert requests is not None
    # rows that printed six of seven cells: values recovered, marked inferred with the identity
    row = requests.row("denied.state_secret")
    assert all(figure.value == 0 for _, figure in row.figures())
    assert any(figure.obtained is Obtained.INFERRED for _, figure in row.figures())
    inferred = [f for f in report.findings if f.rule == "cell.inferred"]
    assert len(inferred) >= 20
    # the （七）总计 row "11 0 0 0 0 11": 11 is 自然人 and 总计, read as written
    assert requests.total.natural_person.obtained is Obtained.READ
    assert requests.total.total.value == 11
    assert requests.total.other_org.value == 0
    assert requests.total.other_org.obtained is Obtained.INFERRED
    # 14 of 15 appeal cells printed: the lost one is recovered
    assert report.appeals is not None
    assert report.appeals.reconsideration.upheld.value == 1
    assert report.appeals.litigation_after_reconsideration.total.value == 0


def test_seed_003_reads_cells_as_printed() -> None:
    report = goiar.read(seed_text("003"))
    assert report.meta.index_no == "lanling00445855-12/2024-00000"
    assert report.meta.publisher == "兰陵县新兴镇"
    requests = report.requests
    assert requests is not None
    # "4000004" splits uniquely into seven single digits: read as written
    assert requests.new_received.natural_person.obtained is Obtained.READ
    assert requests.total.total.value == 0
    assert requests.total.total.state is CellState.ZERO
    assert requests.row("other_handling").total.value == 0
    assert [f for f in report.findings if f.severity is goiar.Severity.ERROR] == []


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_figure_source_points_at_its_raw_text(seed: str) -> None:
    """Sources are built on demand from the readers' grids: each one must land on the cell's text."""
    text = seed_text(seed)
    lines = text.splitlines()
    report = goiar.read(text)
    checked = 0
    for key, figure in figures(report):
        if figure.obtained is Obtained.INFERRED or not figure.raw or figure.source is None:
            continue
        source = figure.source
        assert source.offset is not None, key
        assert source.line is not None, key
        assert text[source.offset : source.offset + len(figure.raw)] == figure.raw, key
        assert figure.raw in lines[source.line - 1], key
        if report.reader != "run-together":  # running text has no grid to point into
            assert source.row is not None, key
            assert source.column is not None, key
        checked += 1
    assert checked > 40


def test_source_locations_point_at_the_text() -> None:
    text = seed_text("000")
    report = goiar.read(text)
    assert report.requests is not None
    figure = report.requests.new_received.natural_person
    assert figure.source is not None
    assert figure.source.line is not None
    assert figure.source.offset is not None
    assert text[figure.source.offset : figure.source.offset + len(figure.raw or "")] == figure.raw
