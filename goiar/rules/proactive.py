"""Rules on table 二 (主动公开政府信息情况): T2-A/T2-B (no negative counts) and soft check S-1."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.model.version import Template
from goiar.rules._common import fmt
from goiar.rules.base import RuleContext, rule
from goiar.template.proactive import FieldKind, ProactiveField, proactive_items

__all__ = ["flow", "negative"]

_FLOW_FIELDS = ("issued", "repealed", "in_force")
"""2021 (一) columns: 本年制发件数, 本年废止件数, 现行有效件数."""
_FLOW_SET = frozenset(_FLOW_FIELDS)


@functools.cache
def _field_specs(version: Template) -> Mapping[str, Mapping[str, ProactiveField]]:
    """``{row key: {field key: field}}`` of table 二 in ``version``."""
    return MappingProxyType(
        {item.key: MappingProxyType({field.key: field for field in item.fields}) for item in proactive_items(version)}
    )


@functools.cache
def _field_labels(version: Template) -> Mapping[str, str]:
    """``{field key: header label}`` of table 二 in ``version`` (a later row's label wins, as before)."""
    return MappingProxyType({field.key: field.label for item in proactive_items(version) for field in item.fields})


@rule("proactive.negative", Severity.ERROR, title="主动公开数量不能为负数 (T2-A/T2-B)")
def negative(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """Every figure of table 二 must be 0 or more, except the signed 2019 本年增/减 columns.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"proactive.licensing.decisions": -3})
        >>> [f.message for f in negative(report, RuleContext())]
        ['「行政许可」 本年处理决定数量 为 -3：不能为负数']
        >>> old = make_report({"proactive.licensing.change": -3}, template=Template.V2019)
        >>> list(negative(old, RuleContext()))
        []
    """
    if report.proactive is None:
        return
    specs = _field_specs(report.proactive.template)
    for row in report.proactive.rows:
        kinds = specs.get(row.key, {})
        for key, figure in row.items():
            spec = kinds.get(key)
            if spec is not None and spec.kind is FieldKind.SIGNED:
                continue
            if figure.value is not None and figure.value < 0:
                column = spec.label if spec is not None else key
                yield Finding(
                    rule="proactive.negative",
                    severity=Severity.ERROR,
                    path=f"proactive.{row.key}.{key}",
                    message=f"「{row.label}」 {column} 为 {fmt(figure.value)}：不能为负数",
                    actual=figure.value,
                    source=figure.source,
                )


@rule("proactive.flow", Severity.WARNING, title="本年制发件数 ≤ 现行有效件数 + 本年废止件数 (S-1)")
def flow(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """2021 table 二 (一): 本年制发件数 should not exceed 现行有效件数 + 本年废止件数 (soft check S-1).

    A warning, not an error: documents can also lapse (失效) or be amended during the year.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"proactive.regulations.issued": 5, "proactive.regulations.in_force": 2,
        ...                       "proactive.regulations.repealed": 1})
        >>> [(f.path, f.expected, f.actual) for f in flow(report, RuleContext())]
        [('proactive.regulations.issued', 3, 5)]
    """
    if report.proactive is None or report.proactive.template is not Template.V2021:
        return
    labels = _field_labels(Template.V2021)
    for row in report.proactive.rows:
        if not _FLOW_SET.issubset(row.fields):
            continue
        issued, repealed, in_force = (row[field].value for field in _FLOW_FIELDS)
        if issued is None or repealed is None or in_force is None or issued <= in_force + repealed:
            continue
        bound = in_force + repealed
        yield Finding(
            rule="proactive.flow",
            severity=Severity.WARNING,
            path=f"proactive.{row.key}.issued",
            message=(
                f"「{row.label}」 {labels['issued']} {fmt(issued)} 大于 {labels['in_force']} {fmt(in_force)}"
                f" 与 {labels['repealed']} {fmt(repealed)} 之和 {fmt(bound)}：本年制发的文件应仍现行有效或已废止"
                "（文件也可能失效或被修改，请核对）"
            ),
            expected=bound,
            actual=issued,
            source=row["issued"].source,
        )
