"""Metrics (named ratios, never 100 % or NaN on an empty denominator) and aggregates of reports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goiar
from goiar import Template
from goiar.aggregate import aggregate, group_by
from goiar.metrics import (
    METRICS,
    carry_forward_share,
    disclosure_rate,
    disclosure_rate_with_partial,
    disputes_per_100_applications,
    litigation_correction_rate,
    metrics,
    not_processed_share,
    reconsideration_correction_rate,
    refusal_breakdown,
    unavailable_share,
)
from goiar.rules import RuleSet
from goiar.testing import lawful_values, make_report

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SUM_RULES = RuleSet.default(discover=False).disable("structure.missing_section", "narrative", "meta")
"""What applies to an aggregate: it has no narrative, no publication date."""


@pytest.fixture(scope="module")
def seeds() -> dict[str, goiar.Report]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"no seeds in {SEEDS}")
    return {path.name[:3]: goiar.read(path.read_bytes()) for path in files}


# ------------------------------------------------------------------------------------------- metrics


def test_seed_metrics_as_the_files_print_them(seeds) -> None:
    # 000: 1 application, 本机关不掌握 → nothing disclosed, all unavailable
    assert disclosure_rate(seeds["000"]) == 0
    assert unavailable_share(seeds["000"]) == 1
    assert reconsideration_correction_rate(seeds["000"]) is None  # no case at all
    # 001: 2 applications, 1 予以公开, 1 保护第三方合法权益
    assert disclosure_rate(seeds["001"]) == Decimal("0.5")
    assert refusal_breakdown(seeds["001"])["denied.third_party_rights"] == Decimal("0.5")
    assert sum(v for v in refusal_breakdown(seeds["001"]).values() if v is not None) == Decimal("0.5")
    # 003: its own （七）总计 row prints 0 although 4 were granted: no rate rather than 400 %
    assert disclosure_rate(seeds["003"]) is None
    assert reconsideration_correction_rate(seeds["003"]) == 1
    assert disputes_per_100_applications(seeds["003"]) == 25
    # 004: 11 of 11 granted; 1 复议, upheld
    assert disclosure_rate(seeds["004"]) == 1
    assert disclosure_rate_with_partial(seeds["004"]) == 1
    assert reconsideration_correction_rate(seeds["004"]) == 0
    assert litigation_correction_rate(seeds["004"]) is None
    assert carry_forward_share(seeds["004"]) == 0
    assert disputes_per_100_applications(seeds["004"]) == Decimal(100) / Decimal(11)


def test_zero_denominators_give_none_never_a_rate() -> None:
    empty = make_report()
    assert all(value is None for value in metrics(empty).values())
    assert set(refusal_breakdown(empty).values()) == {None}


def test_unknown_cells_give_none() -> None:
    report = make_report({"requests.granted.total": None, "requests.total.total": 4})
    assert disclosure_rate(report) is None
    assert disclosure_rate_with_partial(report) is None
    assert disclosure_rate(make_report({"requests.total.total": None})) is None
    assert not_processed_share(make_report({"requests.not_processed.repeated.total": None})) is None


def test_negative_denominator_gives_none() -> None:
    # inconsistent table: more pending than total
    report = make_report({"appeals.reconsideration.pending": 3, "appeals.reconsideration.total": 1})
    assert reconsideration_correction_rate(report) is None


def test_refusal_breakdown_has_the_eight_rows_in_order() -> None:
    for template in Template:
        keys = list(refusal_breakdown(make_report(template=template)))
        assert keys == [
            "denied.state_secret",
            "denied.prohibited_by_law",
            "denied.safety_stability",
            "denied.third_party_rights",
            "denied.internal_affairs",
            "denied.process_information",
            "denied.enforcement_files",
            "denied.query_service",
        ]


def test_metrics_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        METRICS["x"] = disclosure_rate  # type: ignore[index]
    assert "disclosure_rate" in metrics(make_report())


@settings(max_examples=60, deadline=None)
@given(rng=st.randoms(use_true_random=False), template=st.sampled_from(list(Template)))
def test_shares_of_lawful_reports_are_between_0_and_1(rng, template) -> None:
    report = make_report(lawful_values(rng, template), template=template)
    for name, value in metrics(report).items():
        if value is None or name == "disputes_per_100_applications":
            continue
        assert Decimal(0) <= value <= Decimal(1), name
    shares = [v for v in refusal_breakdown(report).values() if v is not None]
    assert all(Decimal(0) <= v <= 1 for v in shares)
    parts = [disclosure_rate_with_partial(report), unavailable_share(report), not_processed_share(report)]
    if None not in parts:
        assert sum(shares) + sum(p for p in parts if p is not None) <= 1


# ----------------------------------------------------------------------------------------- aggregate


@settings(max_examples=30, deadline=None)
@given(
    rngs=st.lists(st.randoms(use_true_random=False), min_size=1, max_size=4), template=st.sampled_from(list(Template))
)
def test_sums_of_consistent_reports_stay_consistent(rngs, template) -> None:
    reports = [make_report(lawful_values(rng, template), template=template) for rng in rngs]
    total = aggregate(reports, organ="示例县")
    assert goiar.validate(total, SUM_RULES) == []
    flat = goiar.flatten(total)
    for key, value in flat.items():
        assert value == sum(goiar.flatten(r)[key] for r in reports), key


def test_aggregate_of_the_seeds(seeds) -> None:
    same = [seeds[p] for p in ("000", "001", "002", "004")]
    total = aggregate(same, organ="山东省四镇")
    assert total.meta.organ == "山东省四镇"
    assert total.meta.year == 2023
    assert total.meta.template is Template.V2021
    assert total.requests is not None
    assert total.requests.new_received.total.value == 1 + 2 + 3 + 11
    assert total.requests.granted.total.value == 0 + 1 + 3 + 11
    assert goiar.validate(total, SUM_RULES) == [f for f in total.findings if f.rule == "cell.inferred"]
    # 004's inferred cells make the sums inferred, naming the input and its identity
    other_org = total.requests.total.other_org
    assert other_org.obtained is goiar.Obtained.INFERRED
    assert "青岛西海岸新区大场镇人民政府" in (other_org.identity or "")
    # the inputs' reading findings are carried, each message naming its input
    carried = [f for f in total.findings if f.rule == "cell.inferred"]
    assert len(carried) == len(seeds["004"].findings)
    assert all(f.message.startswith("［青岛西海岸新区大场镇人民政府（2023年）］") for f in carried)


def test_a_cell_unknown_in_any_input_is_unknown_in_the_sum() -> None:
    a = make_report({"requests.granted.natural_person": 1})
    b = make_report({"requests.granted.natural_person": None}, meta=goiar.Meta(organ="乙镇人民政府", year=2023))
    total = aggregate([a, b], organ="示例县")
    assert total.requests is not None
    figure = total.requests.granted.natural_person
    assert figure.value is None
    assert figure.state is goiar.CellState.MISSING
    missing = [f for f in total.findings if f.rule == "cell.missing"]
    assert [f.path for f in missing] == ["requests.granted.natural_person"]
    assert "乙镇人民政府" in missing[0].message
    assert "示例县示例镇人民政府" not in missing[0].message
    assert missing[0].severity is goiar.Severity.ERROR


def test_a_table_absent_from_one_input_is_unknown_in_the_sum() -> None:
    a = make_report({"appeals.reconsideration.total": 1, "appeals.reconsideration.upheld": 1})
    b = attrs.evolve(make_report(), appeals=None)
    total = aggregate([a, b], organ="示例县")
    assert total.appeals is not None
    assert total.appeals.reconsideration.total.value is None
    assert len([f for f in total.findings if f.rule == "cell.missing"]) == 15


def test_different_template_versions_are_refused() -> None:
    with pytest.raises(ValueError, match="group_by"):
        aggregate([make_report(template=Template.V2019), make_report(template=Template.V2021)], organ="x")
    with pytest.raises(ValueError, match="at least one"):
        aggregate([], organ="x")


def test_years_that_differ_give_no_year() -> None:
    a = make_report()
    b = attrs.evolve(a, meta=attrs.evolve(a.meta, year=2022))
    assert aggregate([a, b], organ="x").meta.year is None


def test_group_by() -> None:
    a = make_report()
    b = attrs.evolve(a, meta=attrs.evolve(a.meta, year=2022))
    c = make_report(template=Template.V2019)
    assert group_by([a, b, a, c]) == {2023: [a, a], 2022: [b], 2020: [c]}
    by_version = group_by([a, c, b], key=lambda r: r.meta.template)
    assert by_version == {Template.V2021: [a, b], Template.V2019: [c]}
    sums = {version: aggregate(group, organ="示例县") for version, group in by_version.items()}
    assert sums[Template.V2019].requests is not None
    assert sums[Template.V2019].requests.template is Template.V2019
