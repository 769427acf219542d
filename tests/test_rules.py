"""Rules (SPEC §4): table-driven pass/fail cases per rule id, properties over lawful reports, seeds."""

from __future__ import annotations

import datetime as dt
import pickle
import random
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goiar
from goiar.errors import GoiarError, RegistryError
from goiar.findings import (
    FindingError,
    FindingsError,
    by_rule,
    by_severity,
    errors,
    format_findings,
    raise_for_errors,
    worst_severity,
)
from goiar.keys import canonical_keys, figures, flatten
from goiar.model import Appeals, Figure, Finding, Meta, ProactiveRow, Report, Severity, Source, Template
from goiar.rules import RULE_FAILED, RuleContext, RuleSet, iter_findings, rule, rule_info, validate
from goiar.rules._common import cells_of, figure_map, values_of
from goiar.rules.meta import BodyKind, body_kind
from goiar.rules.narrative import _nfkc, stated_appeals, stated_requests
from goiar.template.identities import identities_for, sum_known
from goiar.testing import lawful_values, make_report

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
BUILTIN = RuleSet.default(discover=False)
ARITHMETIC = ("requests.row_total", "requests.column_total", "requests.balance", "appeals.total")


def consistent(n: int, column: str = "natural_person") -> dict[str, int]:
    """n applications received and granted in one column, every identity holding."""
    return {f"requests.{row}.{col}": n for row in ("new_received", "granted", "total") for col in (column, "total")}


def pairs(report: Report, rule_id: str, previous: Report | None = None) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in validate(report, BUILTIN.select(rule_id), previous=previous)}


def meta(organ: str | None = "某县某镇人民政府", year: int | None = 2023, published: dt.date | None = None) -> Meta:
    return Meta(organ=organ, year=year, published=published)


D = dt.date
V19, V21 = Template.V2019, Template.V2021

# (rule id, case name, report builder, expected (rule, path) pairs)
CASES: list[tuple[str, str, Callable[[], Report], set[tuple[str, str]]]] = [
    ("requests.row_total", "zero report", make_report, set()),
    ("requests.row_total", "consistent", lambda: make_report(consistent(3)), set()),
    (
        "requests.row_total",
        "row total too small",
        lambda: make_report({"requests.granted.natural_person": 3, "requests.granted.total": 2}),
        {("requests.row_total", "requests.granted.total")},
    ),
    (
        "requests.row_total",
        "blank total is not a mismatch",
        lambda: make_report({"requests.granted.natural_person": 3, "requests.granted.total": None}),
        set(),
    ),
    (
        "requests.row_total",
        "2019 （六）其他处理",
        lambda: make_report({"requests.other_handling.legal_service_org": 1}, template=V19),
        {("requests.row_total", "requests.other_handling.total")},
    ),
    ("requests.column_total", "consistent", lambda: make_report(consistent(2, "other_org")), set()),
    (
        "requests.column_total",
        "outcome not in （七）总计",
        lambda: make_report({"requests.granted.natural_person": 4, "requests.granted.total": 4}),
        {
            ("requests.column_total", "requests.total.natural_person"),
            ("requests.column_total", "requests.total.total"),
        },
    ),
    (
        "requests.column_total",
        "2021 （六）3.其他 counts",
        lambda: make_report(
            {
                "requests.other_handling.other.natural_person": 1,
                "requests.other_handling.other.total": 1,
                "requests.total.natural_person": 1,
                "requests.total.total": 1,
            }
        ),
        set(),
    ),
    (
        "requests.column_total",
        "unknown outcome cell skips the column",
        lambda: make_report({"requests.granted.natural_person": None, "requests.total.natural_person": 5}),
        set(),
    ),
    (
        "requests.balance",
        "carried over and forward",
        lambda: make_report(
            {
                **consistent(2),
                "requests.carried_over.natural_person": 1,
                "requests.carried_over.total": 1,
                "requests.carried_forward.natural_person": 1,
                "requests.carried_forward.total": 1,
            }
        ),
        set(),
    ),
    (
        "requests.balance",
        "一 without 三",
        lambda: make_report({"requests.new_received.natural_person": 1, "requests.new_received.total": 1}),
        {
            ("requests.balance", "requests.new_received.natural_person"),
            ("requests.balance", "requests.new_received.total"),
        },
    ),
    ("requests.negative", "zero", make_report, set()),
    (
        "requests.negative",
        "negative count",
        lambda: make_report({"requests.carried_forward.natural_person": -1}),
        {("requests.negative", "requests.carried_forward.natural_person")},
    ),
    (
        "proactive.negative",
        "negative decisions",
        lambda: make_report({"proactive.licensing.decisions": -3}),
        {("proactive.negative", "proactive.licensing.decisions")},
    ),
    (
        "proactive.negative",
        "2019 本年增/减 may be negative",
        lambda: make_report({"proactive.licensing.change": -3, "proactive.fees.change": -1}, template=V19),
        set(),
    ),
    (
        "proactive.negative",
        "2019 上一年项目数量 may not",
        lambda: make_report({"proactive.penalty.previous": -1}, template=V19),
        {("proactive.negative", "proactive.penalty.previous")},
    ),
    (
        "appeals.total",
        "group total missing a case",
        lambda: make_report({"appeals.reconsideration.upheld": 1}),
        {("appeals.total", "appeals.reconsideration.total")},
    ),
    (
        "appeals.total",
        "consistent group",
        lambda: make_report({"appeals.litigation_direct.pending": 2, "appeals.litigation_direct.total": 2}),
        set(),
    ),
    (
        "appeals.total",
        "lost total",
        lambda: make_report({"appeals.reconsideration.upheld": 1, "appeals.reconsideration.total": None}),
        set(),
    ),
    (
        "proactive.flow",
        "制发 > 现行有效 + 废止",
        lambda: make_report(
            {
                "proactive.normative_documents.issued": 5,
                "proactive.normative_documents.in_force": 2,
                "proactive.normative_documents.repealed": 1,
            }
        ),
        {("proactive.flow", "proactive.normative_documents.issued")},
    ),
    (
        "proactive.flow",
        "制发 = 现行有效 + 废止",
        lambda: make_report({"proactive.regulations.issued": 3, "proactive.regulations.in_force": 3}),
        set(),
    ),
    (
        "proactive.flow",
        "2019 has no flow",
        lambda: make_report({"proactive.regulations.produced": 3}, template=V19),
        set(),
    ),
    (
        "narrative.requests",
        "text agrees",
        lambda: make_report(consistent(4), sections={"overview": "全年共受理政府信息公开申请4件。"}),
        set(),
    ),
    (
        "narrative.requests",
        "text counts 上年结转 too",
        lambda: make_report(
            {
                **consistent(4),
                "requests.carried_over.natural_person": 1,
                "requests.carried_over.total": 1,
                "requests.carried_forward.natural_person": 1,
                "requests.carried_forward.total": 1,
            },
            sections={"overview": "全年共办理政府信息公开申请五件。"},
        ),
        set(),
    ),
    (
        "narrative.requests",
        "text disagrees",
        lambda: make_report(consistent(4), sections={"overview": "本年共收到政府信息公开申请两件。"}),
        {("narrative.requests", "requests.new_received.total")},
    ),
    (
        "narrative.requests",
        "lead-in of 三 disagrees",
        lambda: make_report(
            consistent(4), sections={"overview": "工作稳步推进。", "requests": "本机关共接到依申请公开7件。"}
        ),
        {("narrative.requests", "requests.new_received.total")},
    ),
    (
        "narrative.requests",
        "comparisons are not counts",
        lambda: make_report(
            consistent(4), sections={"overview": "2022年共收到政府信息公开申请2件。收到申请较去年增加2件。"}
        ),
        set(),
    ),
    (
        "narrative.appeals",
        "none stated, none in table",
        lambda: make_report(sections={"overview": "本年度未发生行政复议、行政诉讼案件。"}),
        set(),
    ),
    (
        "narrative.appeals",
        "none stated, one in table",
        lambda: make_report(
            {"appeals.reconsideration.corrected": 1, "appeals.reconsideration.total": 1},
            sections={"overview": "未出现行政复议、诉讼和举报。"},
        ),
        {("narrative.appeals", "appeals.reconsideration.total")},
    ),
    (
        "narrative.appeals",
        "litigation = direct + after reconsideration",
        lambda: make_report(
            {
                "appeals.litigation_direct.upheld": 1,
                "appeals.litigation_direct.total": 1,
                "appeals.litigation_after_reconsideration.pending": 1,
                "appeals.litigation_after_reconsideration.total": 1,
            },
            sections={"appeals": "本年度行政复议0件，行政诉讼2件。"},
        ),
        set(),
    ),
    (
        "narrative.appeals",
        "litigation disagrees",
        lambda: make_report(sections={"overview": "本年度被提起行政诉讼 3 件。"}),
        {("narrative.appeals", "appeals")},
    ),
    ("structure.missing_section", "all six", make_report, set()),
    (
        "structure.missing_section",
        "五 and 六 absent",
        lambda: make_report(sections={"problems": None, "other": None}),
        {("structure.missing_section", "sections.problems"), ("structure.missing_section", "sections.other")},
    ),
    (
        "structure.missing_table",
        "table 三 absent",
        lambda: attrs.evolve(make_report(), requests=None),
        {("structure.missing_table", "requests")},
    ),
    ("template.mixed", "2021 in 2023", make_report, set()),
    ("template.mixed", "2019 in 2020", lambda: make_report(template=V19, meta=meta(year=2020)), set()),
    ("template.mixed", "no year, one version", lambda: make_report(template=V19, meta=meta(year=None)), set()),
    (
        "template.mixed",
        "2019 table 二 with 2021 table 三",
        lambda: make_report(proactive_template=V19, meta=meta(year=2023)),
        {("template.mixed", "proactive")},
    ),
    (
        "template.mixed",
        "mixed without a year",
        lambda: make_report(template=V19, proactive_template=V21, meta=meta(year=None)),
        {("template.mixed", "proactive")},
    ),
    (
        "template.mixed",
        "2019 tables in 2021 (transition year)",
        lambda: make_report(template=V19, meta=meta(year=2021)),
        {("template.mixed", "proactive"), ("template.mixed", "requests")},
    ),
    (
        "template.mixed",
        "2021 tables in 2020",
        lambda: make_report(meta=meta(year=2020)),
        {("template.mixed", "proactive"), ("template.mixed", "requests")},
    ),
    (
        "meta.deadline",
        "department on 31 January",
        lambda: make_report(meta=meta("某市教育局", published=D(2024, 1, 31))),
        set(),
    ),
    (
        "meta.deadline",
        "department on 1 February",
        lambda: make_report(meta=meta("某市教育局", published=D(2024, 2, 1))),
        {("meta.deadline", "meta.published")},
    ),
    (
        "meta.deadline",
        "government on 31 March",
        lambda: make_report(meta=meta("某县人民政府", published=D(2024, 3, 31))),
        set(),
    ),
    (
        "meta.deadline",
        "government on 1 April",
        lambda: make_report(meta=meta("某县人民政府", published=D(2024, 4, 1))),
        {("meta.deadline", "meta.published")},
    ),
    (
        "meta.deadline",
        "township in February",
        lambda: make_report(meta=meta("某县某镇人民政府", published=D(2024, 2, 20))),
        set(),
    ),
    (
        "meta.deadline",
        "unknown organ in February",
        lambda: make_report(meta=meta(None, published=D(2024, 2, 20))),
        set(),
    ),
    (
        "meta.deadline",
        "unknown organ in April",
        lambda: make_report(meta=meta(None, published=D(2024, 4, 2))),
        {("meta.deadline", "meta.published")},
    ),
    ("meta.deadline", "no date", lambda: make_report(meta=meta("某市教育局", published=None)), set()),
    ("meta.deadline", "no year", lambda: make_report(meta=meta("某市教育局", None, D(2030, 1, 1))), set()),
]


@pytest.mark.parametrize(("rule_id", "name", "build", "expected"), CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_rule_cases(rule_id, name, build, expected):
    assert pairs(build(), rule_id) == expected


def test_every_builtin_rule_has_cases():
    assert set(BUILTIN.ids) - {"history.carry_over"} <= {case[0] for case in CASES}


@pytest.mark.parametrize(
    ("previous_year", "carried_forward", "expected"),
    [
        (2022, 2, {("history.carry_over", "requests.carried_over.natural_person")}),
        (2022, 3, set()),
        (2021, 2, set()),  # not last year's report: nothing to compare
        (None, 2, {("history.carry_over", "requests.carried_over.natural_person")}),
    ],
)
def test_history_carry_over(previous_year, carried_forward, expected):
    previous = make_report({"requests.carried_forward.natural_person": carried_forward}, meta=meta(year=previous_year))
    this = make_report({"requests.carried_over.natural_person": 3}, meta=meta(year=2023))
    assert pairs(this, "history.carry_over", previous) == expected
    assert pairs(this, "history.carry_over") == set()


def test_messages_quote_the_official_labels():
    report = make_report({"requests.granted.natural_person": 4, "requests.granted.total": 4})
    [finding, _] = validate(report, BUILTIN.select("requests.column_total"))
    assert finding.message == "「（七）总计」 自然人 列 应为 4（各办理结果行之和），报告为 0"
    assert (finding.expected, finding.actual) == (4, 0)
    assert finding.source == Source(table=1, row=23, column=0)
    assert finding.severity is Severity.ERROR


# --- properties -------------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(list(Template)))
def test_lawful_reports_give_no_findings(rng, template):
    values = lawful_values(rng, template)
    assert set(values) == set(canonical_keys(template, template))
    report = make_report(values, template=template)
    previous = make_report(
        {f"requests.carried_forward.{k.rpartition('.')[2]}": v for k, v in values.items() if ".carried_over." in k},
        template=template,
        meta=meta(year=report.meta.year - 1),
    )
    found = validate(report, BUILTIN, previous=previous)
    assert [f for f in found if f.severity.rank >= Severity.WARNING.rank] == []


@settings(max_examples=50, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(list(Template)), st.data())
def test_injected_fault_is_found_where_it_is(rng, template, data):
    values = lawful_values(rng, template)
    table = data.draw(st.sampled_from(["requests", "appeals"]))
    key = data.draw(st.sampled_from(sorted(k for k in values if k.startswith(table + "."))))
    values[key] += data.draw(st.integers(1, 5))
    found = pairs(make_report(values, template=template), "requests") | pairs(
        make_report(values, template=template), "appeals"
    )
    expected = {(i.rule, i.lhs[0]) for i in identities_for(table, template) if key in i.keys}
    assert found == expected
    assert expected  # every cell takes part in at least one identity


@pytest.mark.parametrize(
    ("rule_id", "key", "path"),
    [
        ("requests.row_total", "requests.granted.total", "requests.granted.total"),
        ("requests.column_total", "requests.denied.state_secret.natural_person", "requests.total.natural_person"),
        ("requests.balance", "requests.carried_forward.other_org", "requests.new_received.other_org"),
        (
            "appeals.total",
            "appeals.litigation_after_reconsideration.corrected",
            "appeals.litigation_after_reconsideration.total",
        ),
    ],
)
def test_one_fault_per_arithmetic_rule(rule_id, key, path):
    values = lawful_values(random.Random(2024))  # noqa: S311 - test data
    values[key] += 1
    report = make_report(values)
    assert (rule_id, path) in pairs(report, rule_id)
    assert all(f.rule in ARITHMETIC for f in validate(report, BUILTIN.select(*ARITHMETIC)))


# --- narrative on the real seeds ----------------------------------------------------------------------------

SEED_COUNTS = {"000": 1, "001": 2, "002": 3, "003": 4, "004": 11}


def overview_of(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    match = re.search(r"一、\s*总体情况(.*?)\n\s*二、\s*主动公开", text, re.DOTALL)
    assert match is not None
    return match.group(1)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")
@pytest.mark.parametrize("prefix", sorted(SEED_COUNTS))
def test_narrative_requests_on_seeds(prefix):
    report = make_report(consistent(SEED_COUNTS[prefix]), sections={"overview": overview_of(prefix)})
    found = validate(report, BUILTIN.select("narrative.requests"))
    if prefix == "003":
        assert [(f.rule, f.path, f.expected, f.actual) for f in found] == [
            ("narrative.requests", "requests.new_received.total", 4, 2)
        ]
        assert "2023年度共受理政府信息公开申请2件" in found[0].message
    else:
        assert found == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")
def test_narrative_appeals_on_seeds():
    table_003 = {"appeals.reconsideration.corrected": 1, "appeals.reconsideration.total": 1}
    report = make_report({**consistent(4), **table_003}, sections={"overview": overview_of("003")})
    assert pairs(report, "narrative.appeals") == {("narrative.appeals", "appeals.reconsideration.total")}
    assert pairs(make_report(consistent(3), sections={"overview": overview_of("002")}), "narrative.appeals") == set()


@pytest.mark.parametrize(
    "text",
    [
        "与2022年相比增加2条。",
        "2022年，本镇共收到政府信息公开申请3件。",
        "其中自然人申请3件。",
        "共收到行政复议申请1件。",
        "收到信访举报投诉类申请2件。",
        "依申请公开办结率100%。",
        "全年共主动公开政府信息39条。",
        "无依申请公开收费情况。",
        "共收到申请10余件。",
        "累计受理政府信息公开申请120件。",
    ],
)
def test_no_request_count_is_read_from(text):
    assert stated_requests(text, 2023) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年，我镇共接到依申请公开 1 件，内容是", [1]),
        ("共收到和办理政府信息公开申请11件，均已按时答复。", [11]),
        ("全年共收到5件政府信息公开申请。", [5]),
        ("本年度未收到政府信息公开申请。", [0]),
        ("共受理政府信息公开申请1,234件。", [1234]),
        ("共收到政府信息公开申请十二件。", [12]),
    ],
)
def test_request_counts_read_from(text, expected):
    assert [s.value for s in stated_requests(text, 2023)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("行政复议 351 件，行政诉讼 46 件。", [("reconsideration", 351), ("litigation", 46)]),
        ("未发生因政府信息公开工作被申请行政复议的情况。", [("reconsideration", 0)]),
        ("无行政诉讼。", [("litigation", 0)]),
        ("未发生行政复议被纠错的情况。", []),
        ("行政复议结果维持2件。", []),
        ("被申请行政复议、提起行政诉讼共2件。", []),
        ("行政复议1件、行政诉讼0件。", [("reconsideration", 1), ("litigation", 0)]),
        ("行政复议案件较上年减少2件。", []),
    ],
)
def test_appeal_counts_read_from(text, expected):
    assert [(s.quantity, s.value) for s in stated_appeals(text, 2023)] == expected


def test_narrative_patterns_are_linear():
    hostile = "共收到和办理依申请公开政府信息公开申请" * 20000 + "行政复议行政诉讼未发生" * 20000
    start = time.perf_counter()
    stated_requests(hostile)
    stated_appeals(hostile)
    assert time.perf_counter() - start < 10


# --- meta.deadline on the seeds' bodies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organ", "published"),
    [
        ("龙口市兰高镇人民政府", D(2024, 1, 22)),
        ("威海临港经济技术开发区蔄山镇人民政府", D(2024, 1, 25)),
        ("安丘市官庄镇人民政府", D(2024, 1, 26)),
        ("新兴镇人民政府", D(2024, 1, 29)),
        ("青岛西海岸新区大场镇人民政府", D(2024, 1, 29)),
    ],
)
def test_seed_bodies_are_on_time(organ, published):
    assert pairs(make_report(meta=meta(organ, 2023, published)), "meta.deadline") == set()


@pytest.mark.parametrize(
    ("organ", "kind"),
    [
        ("镇江市财政局", BodyKind.DEPARTMENT),
        ("某市发展和改革委员会", BodyKind.DEPARTMENT),
        ("某市人民政府办公室", BodyKind.DEPARTMENT),
        ("某省人民政府", BodyKind.GOVERNMENT),
        ("某区某街道办事处", BodyKind.UNCLEAR),
        ("某高新区管委会", BodyKind.UNCLEAR),
        ("某市政务服务中心", BodyKind.UNCLEAR),
        ("新兴镇人民政府", BodyKind.UNCLEAR),
        ("", BodyKind.UNCLEAR),
    ],
)
def test_body_kind(organ, kind):
    assert body_kind(organ) is kind


# --- engine -------------------------------------------------------------------------------------------------


@rule("demo.crash", Severity.WARNING)
def crashing(report: Report, context: RuleContext) -> Iterator[Finding]:
    """Yields one finding, then fails."""
    yield Finding(rule="demo.crash", severity=Severity.WARNING, path="requests", message="before the crash")
    raise ZeroDivisionError("boom")


@rule("cell.blank", Severity.WARNING)
def blank_again(report: Report, context: RuleContext) -> Iterator[Finding]:
    """Re-reports what the reader recorded."""
    yield Finding(rule="cell.blank", severity=Severity.WARNING, path="requests.granted.total", message="again")


RECORDED = Finding(rule="cell.blank", severity=Severity.WARNING, path="requests.granted.total", message="blank")


def test_recorded_findings_come_first_and_are_not_repeated():
    report = make_report(findings=[RECORDED])
    found = validate(report, RuleSet(rules=(blank_again,)))
    assert found == [RECORDED]
    assert validate(report, RuleSet(rules=(blank_again,)).disable("cell")) == []


def test_a_crashing_rule_becomes_a_finding():
    found = validate(make_report(), BUILTIN.add(crashing))
    assert [(f.rule, f.path) for f in found] == [("demo.crash", "requests"), (RULE_FAILED, "")]
    assert "demo.crash" in found[1].message
    assert "ZeroDivisionError: boom" in found[1].message


def test_ruleset_is_immutable_and_filters_by_prefix():
    assert len(BUILTIN) == 14
    assert BUILTIN.disable("requests").ids == tuple(i for i in BUILTIN.ids if not i.startswith("requests."))
    assert BUILTIN.select("requests", "appeals").select("requests.balance", "appeals").ids == (
        "requests.balance",
        "appeals.total",
    )
    assert BUILTIN.select("requests.balance").select("requests").ids == ("requests.balance",)
    assert BUILTIN.select("narrative.requests").ids == ("narrative.requests",)
    assert len(BUILTIN) == 14
    assert rule_info(crashing).title == "Yields one finding, then fails."
    with pytest.raises(RegistryError, match=r"requests\.balance"):
        BUILTIN.add(BUILTIN.select("requests.balance").__iter__().__next__())
    with pytest.raises(RegistryError):
        RuleSet(rules=(len,))  # type: ignore[arg-type]


@attrs.frozen
class FakeEntryPoint:
    name: str
    value: str
    loaded: object = None
    error: Exception | None = None

    def load(self):
        if self.error is not None:
            raise self.error
        return self.loaded


@pytest.fixture
def fresh_discovery():
    """Entry points are loaded once per process; these tests swap them, so reset the cache around them."""
    from goiar.rules import engine  # noqa: PLC0415 - the private cache of the module under test

    engine._discovered.cache_clear()
    yield
    engine._discovered.cache_clear()


def test_plugins_from_entry_points(monkeypatch, fresh_discovery):
    points = [FakeEntryPoint("demo", "demo:rules", loaded=[crashing])]
    monkeypatch.setattr("goiar.rules.engine.entry_points", lambda group: points if group == "goiar.rules" else [])
    assert "demo.crash" in RuleSet.default().ids
    assert "demo.crash" not in RuleSet.default(discover=False).ids


@pytest.mark.parametrize(
    "point",
    [
        FakeEntryPoint("broken", "broken:rules", error=ImportError("no module named broken")),
        FakeEntryPoint("notarule", "notarule:thing", loaded=42),
        FakeEntryPoint("plain", "plain:function", loaded=lambda report, context: iter(())),
        FakeEntryPoint("dup", "dup:rules", loaded=[BUILTIN.select("appeals.total").__iter__().__next__()]),
    ],
)
def test_bad_plugins_raise_registry_error(monkeypatch, point, fresh_discovery):
    monkeypatch.setattr("goiar.rules.engine.entry_points", lambda group: [point])
    with pytest.raises(RegistryError, match=point.name):
        RuleSet.default()


def test_rules_are_pure():
    report = make_report({"requests.granted.total": 1})
    first = validate(report, BUILTIN)
    assert validate(report, BUILTIN) == first
    assert list(iter_findings(report, BUILTIN)) == first
    assert RuleContext() == RuleContext(previous=None)


# --- findings helpers ---------------------------------------------------------------------------------------


def test_findings_helpers():
    found = validate(make_report({"requests.granted.total": 1}, findings=[RECORDED]), BUILTIN)
    assert list(by_rule(found)) == ["cell.blank", "requests.row_total", "requests.column_total"]
    assert list(by_severity(found)) == [Severity.ERROR, Severity.WARNING]
    assert worst_severity(found) is Severity.ERROR
    assert len(errors(found)) == 2
    table = format_findings(found)
    assert table.splitlines()[0].split() == ["severity", "rule", "path", "where", "message"]
    assert "requests.granted.total" in table
    with pytest.raises(FindingsError) as caught:
        raise_for_errors(found)
    assert isinstance(caught.value, GoiarError)
    assert isinstance(caught.value, ExceptionGroup)
    assert [f.rule for f in caught.value.findings] == ["requests.row_total", "requests.column_total"]
    raise_for_errors([RECORDED])
    with pytest.raises(FindingsError):
        raise_for_errors([RECORDED], at_least=Severity.WARNING)


def test_findings_error_splits_with_except_star():
    found = validate(make_report({"requests.granted.total": 1}), BUILTIN)
    caught: list[FindingError] = []
    try:
        raise_for_errors(found)
    except* FindingError as group:
        caught.extend(e for e in group.exceptions if isinstance(e, FindingError))
        kinds = type(group)
    assert kinds is FindingsError
    assert [e.finding.rule for e in caught] == ["requests.row_total", "requests.column_total"]


# --- the cell index kept with each report (Report.cells / Report.values) -------------------------------------


def spelt_out(report: Report) -> Iterator[tuple[str, Figure]]:
    """The ``(key, figure)`` pairs spelt out cell by cell through the model's own accessors (no index)."""
    if report.proactive is not None:
        for row in report.proactive.rows:
            for field, figure in row.items():
                yield f"proactive.{row.key}.{field}", figure
    if report.requests is not None:
        for request_row in report.requests.rows:
            for column, figure in request_row.figures():
                yield f"requests.{request_row.key}.{column}", figure
    if report.appeals is not None:
        for group in report.appeals.groups():
            for column, figure in group.figures():
                yield f"appeals.{group.key}.{column}", figure


def odd_shapes() -> Iterator[Report]:
    """Reports whose tables are not in a template's shape (the index must not assume one)."""
    base = make_report(lawful_values(random.Random(11)))  # noqa: S311 - test data
    assert base.requests is not None
    assert base.proactive is not None
    assert base.appeals is not None
    rows = base.requests.rows
    yield base
    yield attrs.evolve(base, requests=attrs.evolve(base.requests, rows=rows[::-1]))
    yield attrs.evolve(base, requests=attrs.evolve(base.requests, rows=rows[:5] + rows[6:]))
    yield attrs.evolve(base, requests=attrs.evolve(base.requests, rows=(*rows, attrs.evolve(rows[3], key="odd"))))
    yield attrs.evolve(
        base, requests=attrs.evolve(base.requests, rows=(*rows, attrs.evolve(rows[3], total=rows[4].total)))
    )
    first = base.proactive.rows[0]
    short = ProactiveRow(key=first.key, label=first.label, fields=first.fields[:2], figures=first.figures[:2])
    yield attrs.evolve(base, proactive=attrs.evolve(base.proactive, rows=(short, *base.proactive.rows[1:])))
    groups = base.appeals.groups()
    swapped = Appeals(
        reconsideration=groups[1], litigation_direct=groups[0], litigation_after_reconsideration=groups[2]
    )
    yield attrs.evolve(base, appeals=swapped)
    renamed = attrs.evolve(groups[2], key="elsewhere")
    yield attrs.evolve(base, appeals=attrs.evolve(base.appeals, litigation_after_reconsideration=renamed))
    yield attrs.evolve(base, proactive=None, appeals=None)
    yield Report(meta=Meta())


@pytest.mark.parametrize("report", list(odd_shapes()))
def test_index_holds_every_cell_as_spelt_out(report):
    pairs_ = list(spelt_out(report))
    assert list(figures(report)) == pairs_
    flat = flatten(report)
    assert flat == {**flat, **{key: figure.value for key, figure in pairs_ if key in flat}}
    for table in ("proactive", "requests", "appeals"):
        expected = {key: figure for key, figure in pairs_ if key.startswith(table + ".")}
        assert dict(report.cells.get(table, {})) == expected
        assert dict(cells_of(report, table)) == expected
        assert figure_map(report, table) == expected
        assert dict(values_of(report, table)) == {key: figure.value for key, figure in expected.items()}
        assert list(report.cells.get(table, {})) == list(expected)
    assert figure_map(report) == dict(pairs_)
    assert figure_map(report, "requests.granted") == {k: f for k, f in pairs_ if k.startswith("requests.granted.")}
    assert list(report.cells) == [t for t in ("proactive", "requests", "appeals") if getattr(report, t) is not None]


def test_reports_differing_in_one_cell_get_their_own_findings():
    values = lawful_values(random.Random(5))  # noqa: S311 - test data
    clean = make_report(values)
    assert validate(clean, BUILTIN) == []  # builds clean's index
    changed = attrs.evolve(clean, requests=make_report({**values, "requests.granted.total": -1}).requests)
    assert pairs(changed, "requests") == {
        ("requests.row_total", "requests.granted.total"),
        ("requests.column_total", "requests.total.total"),
        ("requests.negative", "requests.granted.total"),
    }
    assert validate(clean, BUILTIN) == []
    assert clean.values["requests"]["requests.granted.total"] == values["requests.granted.total"]
    assert changed.values["requests"]["requests.granted.total"] == -1
    assert changed.cells["requests"]["requests.granted.total"] is changed.requests.granted.total


def test_index_is_no_state_of_the_report():
    values = lawful_values(random.Random(6))  # noqa: S311 - test data
    values["appeals.reconsideration.upheld"] += 1
    report = make_report(values, sections={"overview": "本年共收到政府信息公开申请2件。"})
    blob, as_dict = pickle.dumps(report), goiar.to_dict(report)
    found = validate(report, BUILTIN)
    assert found
    assert report.cells
    assert report.values
    assert pickle.dumps(report) == blob
    assert goiar.to_dict(report) == as_dict
    unpickled = pickle.loads(blob)  # noqa: S301 - our own bytes
    assert unpickled == report
    assert hash(unpickled) == hash(report)
    for twin in (unpickled, attrs.evolve(report), goiar.from_dict(as_dict)):
        assert validate(twin, BUILTIN) == found
    assert pickle.loads(pickle.dumps(report.values)) == report.values  # noqa: S301 - our own bytes


def test_index_is_read_only():
    report = make_report({"requests.granted.natural_person": 1, "requests.granted.total": 1})
    before = validate(report, BUILTIN)
    table = report.values["requests"]
    for change in (
        lambda: table.__setitem__("requests.granted.total", 0),
        lambda: table.__delitem__("requests.granted.total"),
        lambda: table.update({"requests.granted.total": 0}),
        lambda: table.pop("requests.granted.total"),
        table.popitem,
        table.clear,
        lambda: table.setdefault("x", 0),
        lambda: report.cells.__setitem__("requests", {}),
    ):
        with pytest.raises(TypeError, match="read-only"):
            change()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.cells = {}  # type: ignore[misc]
    own = figure_map(report, "requests")
    own.clear()  # a figure_map is the caller's own dict
    mine = table.copy()
    mine["requests.granted.total"] = 0
    assert validate(report, BUILTIN) == before


def test_index_is_built_safely_by_threads():
    rng = random.Random(8)  # noqa: S311 - test data
    reports = []
    for _ in range(6):
        values = lawful_values(rng)
        values[rng.choice(sorted(k for k in values if k.startswith("requests.")))] += 1
        reports.append(make_report(values))
    expected = [validate(pickle.loads(pickle.dumps(r)), BUILTIN) for r in reports]  # noqa: S301
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda r: validate(r, BUILTIN), reports * 4))
    assert found == expected * 4


def test_sides_and_sum_known_when_values_are_missing_or_wrong():
    [t4] = [i for i in identities_for("appeals", Template.V2021) if i.name == "appeals.reconsideration"]
    values: dict[str, int | Decimal | None] = dict.fromkeys(t4.keys, 1)
    assert t4.sides(values) == (1, 4)
    assert t4.sides({**values, "appeals.reconsideration.upheld": None}) is None
    assert t4.sides({k: v for k, v in values.items() if k != "appeals.reconsideration.total"}) is None
    assert sum_known({"a": Decimal("0.1"), "b": 2, "c": Decimal("0.20")}, ("a", "b", "c")) == Decimal("2.30")
    assert sum_known({}, ()) == 0
    with pytest.raises(TypeError):
        sum_known({"a": 1, "b": "2"}, ("a", "b"))  # type: ignore[dict-item]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))))
def test_quick_nfkc_is_nfkc(text):
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert _nfkc(wide) == unicodedata.normalize("NFKC", wide)
