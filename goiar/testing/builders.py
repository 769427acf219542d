"""Report builders for tests: complete reports from canonical-key values, and random lawful values.

Everything is derived from the template data (:func:`~goiar.template.request_rows`,
:func:`~goiar.template.proactive_items`, :data:`~goiar.model.REQUEST_COLUMNS`,
:data:`~goiar.model.APPEAL_GROUPS` / :data:`~goiar.model.APPEAL_COLUMNS`), so a change of the template
changes the builders too.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from goiar.build.tables import appeals_table, proactive_table, requests_table
from goiar.keys import canonical_keys
from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS
from goiar.model.figure import CellState, Figure, Number, Source
from goiar.model.finding import Finding
from goiar.model.meta import Meta
from goiar.model.report import Report, Section
from goiar.model.requests import REQUEST_COLUMNS
from goiar.model.version import Template
from goiar.template.headings import PART_HEADINGS
from goiar.template.proactive import FieldKind, proactive_items
from goiar.template.requests import request_rows

__all__ = ["DEFAULT_ORGAN", "default_sections", "lawful_values", "make_report"]

DEFAULT_ORGAN = "示例县示例镇人民政府"
_YEAR = {Template.V2019: 2020, Template.V2021: 2023}
_TEXTS = {
    "proactive": "主动公开政府信息情况见下表。",
    "requests": "收到和处理政府信息公开申请情况见下表。",
    "appeals": "政府信息公开行政复议、行政诉讼情况见下表。",
    "problems": "工作人员业务能力有待进一步提高，下一步将加强培训。",
    "other": "本年度未收取信息处理费。",
}


def _figure(value: Number | None, source: Source) -> Figure:
    if value is None:
        return Figure.missing(source)
    state = CellState.ZERO if value == 0 else CellState.NUMBER
    return Figure(value=value, state=state, raw=str(value), source=source)


def default_sections(applications: Number | None = 0) -> dict[str, str]:
    """Neutral text for the six parts; 一、总体情况 states ``applications`` when it is known.

    Example:
        >>> default_sections(3)["overview"]
        '本年共收到政府信息公开申请3件。'
    """
    overview = (
        "本年政府信息公开工作稳步推进。" if applications is None else f"本年共收到政府信息公开申请{applications}件。"
    )
    return {"overview": overview, **_TEXTS}


def _sections(texts: Mapping[str, str | None]) -> tuple[Section, ...]:
    headings = {part.key: part.heading for part in PART_HEADINGS}
    return tuple(
        Section(key=key, heading=headings.get(key), text=text) for key, text in texts.items() if text is not None
    )


def make_report(
    values: Mapping[str, Number | None] | None = None,
    *,
    template: Template = Template.V2021,
    proactive_template: Template | None = None,
    meta: Meta | None = None,
    sections: Mapping[str, str | None] | None = None,
    findings: Iterable[Finding] = (),
) -> Report:
    """A complete report from canonical-key values (SPEC §3).

    Keys not given are 0 (a lawful "zero report"); an explicit None gives a MISSING figure.  Each figure
    has ``raw = str(value)`` and a ``Source(table=…, row=…, column=…)`` (0-based: table 二 is 0).  All six
    parts are present with neutral text; ``sections`` replaces a part's text, None removes the part.
    Without ``meta`` the report is of a township for 2023 (2020 for the 2019 template), published on
    20 January of the next year.

    Args:
        values: ``{canonical key: value}``; keys must exist in the chosen template versions.
        template: Version of table 三 (and, by default, of table 二).
        proactive_template: Version of table 二, when it differs.
        meta: The report's metadata (its ``template`` is filled in when None).
        sections: ``{part key: text or None}`` overriding the default texts.
        findings: Findings "recorded while reading".

    Raises:
        KeyError: a key of ``values`` is not a canonical key of the chosen versions.

    Example:
        >>> report = make_report({"requests.granted.natural_person": 2, "requests.denied.state_secret.total": None})
        >>> report.requests.granted.natural_person.value, report.requests.granted.total.value
        (2, 0)
        >>> report.requests.row("denied.state_secret").total.state.value
        'missing'
        >>> report.meta.year, report.text("overview")
        (2023, '本年共收到政府信息公开申请0件。')
    """
    given = dict(values or {})
    proactive_version = proactive_template or template
    unknown = sorted(set(given) - set(canonical_keys(proactive_version, template)))
    if unknown:
        raise KeyError(f"not canonical keys of the {proactive_version}/{template} tables: {', '.join(unknown)}")

    def figure(key: str, table: int, row: int, column: int) -> Figure:
        return _figure(given.get(key, 0), Source(table=table, row=row, column=column))

    proactive = proactive_table(proactive_version, figure, printed=True)
    requests = requests_table(template, figure, printed=True)
    appeals = appeals_table(figure)
    if meta is None:
        year = _YEAR[template]
        meta = Meta(organ=DEFAULT_ORGAN, year=year, published=dt.date(year + 1, 1, 20), template=template)
    elif meta.template is None:
        meta = attrs.evolve(meta, template=template)
    texts: dict[str, str | None] = dict(default_sections(given.get("requests.new_received.total", 0)))
    texts.update(sections or {})
    return Report(
        meta=meta,
        sections=_sections(texts),
        proactive=proactive,
        requests=requests,
        appeals=appeals,
        findings=tuple(findings),
    )


def _count(rng: random.Random, high: int = 30) -> int:
    return 0 if rng.random() < 0.6 else rng.randint(1, high)


def _proactive_values(rng: random.Random, template: Template) -> dict[str, Number]:
    values: dict[str, Number] = {}
    for item in proactive_items(template):
        row: dict[str, Number] = {}
        for field in item.fields:
            if field.kind is FieldKind.AMOUNT:
                row[field.key] = Decimal(rng.randint(0, 99999)) / Decimal(10)
            elif field.kind is FieldKind.SIGNED:
                row[field.key] = rng.randint(-int(row.get("previous", 0)), 10)
            else:
                row[field.key] = _count(rng, 500)
        if {"issued", "repealed", "in_force"} <= row.keys():  # S-1: 制发 ≤ 现行有效 + 废止
            row["issued"] = rng.randint(0, int(row["in_force"]) + int(row["repealed"]))
        if {"published", "published_total"} <= row.keys():  # S-2: 新公开 ≤ 对外公开总数
            row["published_total"] += row["published"]
        values.update({f"proactive.{item.key}.{key}": value for key, value in row.items()})
    return values


def lawful_values(rng: random.Random, template: Template = Template.V2021) -> dict[str, Number]:
    """Random values for every canonical key of ``template`` such that every identity holds.

    Outcome rows are random per applicant column; row totals, （七）总计 and 一 + 二 = （七）总计 + 四 follow;
    table 四's totals are the sums of their groups; 2021 table 二 keeps 制发 ≤ 现行有效 + 废止; 2019
    本年增/减 may be negative (never below −上一年项目数量).  Everything else is ≥ 0.

    Example:
        >>> values = lawful_values(random.Random(7))
        >>> sorted(values) == sorted(canonical_keys(Template.V2021, Template.V2021))
        True
        >>> from goiar.rules import RuleSet, validate
        >>> validate(make_report(values), RuleSet.default(discover=False))
        []
    """
    values = _proactive_values(rng, template)
    rows = request_rows(template)
    outcomes = [row.key for row in rows if row.outcome]
    *parts, total_column = REQUEST_COLUMNS
    for column in parts:
        for key in outcomes:
            values[f"requests.{key}.{column}"] = _count(rng)
        handled = sum(int(values[f"requests.{key}.{column}"]) for key in outcomes)
        forward = _count(rng, 5)
        over = rng.randint(0, min(5, handled + forward))
        values[f"requests.total.{column}"] = handled
        values[f"requests.carried_forward.{column}"] = forward
        values[f"requests.carried_over.{column}"] = over
        values[f"requests.new_received.{column}"] = handled + forward - over
    for row in rows:
        values[f"requests.{row.key}.{total_column}"] = sum(int(values[f"requests.{row.key}.{c}"]) for c in parts)
    *results, group_total = APPEAL_COLUMNS
    for group in APPEAL_GROUPS:
        for column in results:
            values[f"appeals.{group}.{column}"] = _count(rng, 5)
        values[f"appeals.{group}.{group_total}"] = sum(int(values[f"appeals.{group}.{c}"]) for c in results)
    return values
