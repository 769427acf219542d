"""Helpers shared by the built-in rules: cell lookup, number formatting, identity checks.

The arithmetic is never written here: :func:`identity_findings` walks the identities declared once in
:mod:`goiar.template.identities` for the table's own template version.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType

from goiar.model.figure import Figure, Number
from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.model.version import Template
from goiar.template.identities import Identity, identities_for, label_of_key

__all__ = ["cells_of", "figure_map", "fmt", "identity_findings", "value_map", "values_of"]

_TABLES = frozenset({"proactive", "requests", "appeals"})
_NO_CELLS: Mapping[str, Figure] = MappingProxyType({})
_NO_VALUES: Mapping[str, Number | None] = MappingProxyType({})

_REASONS = {
    "T3-B": "自然人与五类法人或其他组织之和",
    "T3-C": "各办理结果行之和",
}


def figure_map(report: Report, table: str | None = None) -> dict[str, Figure]:
    """``{canonical key: figure}`` of the report's cells, optionally of one table only.

    Example:
        >>> from goiar.testing import make_report
        >>> figure_map(make_report({"appeals.reconsideration.total": 0}), "appeals")[
        ...     "appeals.reconsideration.total"].value
        0
    """
    if table in _TABLES:
        return dict(cells_of(report, table))
    prefix = f"{table}." if table else ""
    return {key: figure for cells in report.cells.values() for key, figure in cells.items() if key.startswith(prefix)}


def cells_of(report: Report, table: str) -> Mapping[str, Figure]:
    """The read-only ``{canonical key: figure}`` of one table, shared (not copied): :attr:`Report.cells`.

    ``table`` is ``"proactive"``, ``"requests"`` or ``"appeals"``; a table the report lacks gives an empty
    mapping.  Use :func:`figure_map` for a dict of one's own.

    Example:
        >>> from goiar.testing import make_report
        >>> cells = cells_of(make_report({"appeals.reconsideration.total": 0}), "appeals")
        >>> len(cells), cells["appeals.reconsideration.total"].value
        (15, 0)
    """
    return report.cells.get(table, _NO_CELLS)


def values_of(report: Report, table: str) -> Mapping[str, Number | None]:
    """The read-only ``{canonical key: value}`` of one table, shared (not copied): :attr:`Report.values`.

    Example:
        >>> from goiar.testing import make_report
        >>> values_of(make_report({"appeals.reconsideration.total": None}), "appeals")["appeals.reconsideration.upheld"]
        0
    """
    return report.values.get(table, _NO_VALUES)


def value_map(cells: Mapping[str, Figure]) -> dict[str, Number | None]:
    """``{canonical key: value}`` of a :func:`figure_map`.

    Example:
        >>> from goiar.model import CellState
        >>> value_map({"a": Figure(value=1, state=CellState.NUMBER)})
        {'a': 1}
    """
    return {key: figure.value for key, figure in cells.items()}


def fmt(value: Number) -> str:
    """A number as a reviewer would write it (no exponent, no trailing zeros after the point).

    Example:
        >>> fmt(4), fmt(Decimal("12.50")), fmt(Decimal("1E+2"))
        ('4', '12.5', '100')
    """
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def _message(identity: Identity, left: Number, right: Number) -> str:
    if identity.id == "T3-A":
        over = "、".join(label_of_key(key).split(" ")[0] for key in identity.lhs)
        under = "、".join(label_of_key(key).split(" ")[0] for key in identity.rhs)
        return (
            f"{identity.label} 勾稽关系不成立：{over} 之和为 {fmt(left)}，"
            f"应等于 {under} 之和 {fmt(right)}（第一项加第二项之和，等于第三项加第四项之和）"
        )
    label = label_of_key(identity.lhs[0])
    if identity.id == "T3-C":
        label += " 列"
    reason = _REASONS.get(identity.id) or " + ".join(label_of_key(key).split(" ")[-1] for key in identity.rhs)
    return f"{label} 应为 {fmt(right)}（{reason}），报告为 {fmt(left)}"


@functools.cache
def _identities_by_rule(table: str, version: Template) -> Mapping[str, tuple[Identity, ...]]:
    """``{rule id: its identities}`` of ``table``/``version``, in declaration order."""
    by_rule: dict[str, list[Identity]] = {}
    for identity in identities_for(table, version):
        by_rule.setdefault(identity.rule, []).append(identity)
    return MappingProxyType({rule_id: tuple(owned) for rule_id, owned in by_rule.items()})


def identity_findings(report: Report, table: str, version: Template, rule_id: str) -> Iterator[Finding]:
    """Findings for every identity of ``table``/``version`` owned by ``rule_id`` that does not hold.

    Identities with an unknown value are skipped (the ``cell.*`` finding recorded while reading covers
    the cell).  The path is the identity's first left-hand cell; ``expected`` is the right-hand sum.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"appeals.reconsideration.upheld": 2, "appeals.reconsideration.total": 1})
        >>> [f.message for f in identity_findings(report, "appeals", Template.V2021, "appeals.total")]
        ['「行政复议」 总计 应为 2（结果维持 + 结果纠正 + 其他结果 + 尚未审结），报告为 1']
    """
    values = values_of(report, table)
    for identity in _identities_by_rule(table, version).get(rule_id, ()):
        sides = identity.sides(values)
        if sides is None or sides[0] == sides[1]:
            continue
        left, right = sides
        path = identity.lhs[0]
        yield Finding(
            rule=rule_id,
            severity=Severity.ERROR,
            path=path,
            message=_message(identity, left, right),
            expected=right,
            actual=left,
            source=cells_of(report, table)[path].source,
        )
