"""Rules on table 三 (收到和处理政府信息公开申请情况): identities T3-A, T3-B, T3-C and T3-D.

The sums come from :func:`goiar.template.identities_for` for the table's own version; nothing here
re-declares them.
"""

from __future__ import annotations

from collections.abc import Iterator

from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.rules._common import cells_of, fmt, identity_findings, values_of
from goiar.rules.base import RuleContext, rule
from goiar.template.identities import label_of_key

__all__ = ["balance", "column_total", "negative", "row_total"]


@rule("requests.row_total", Severity.ERROR, title="行的总计 = 自然人 + 五类法人或其他组织 (T3-B)")
def row_total(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """A row's 总计 must equal 自然人 plus the five 法人或其他组织 columns (identity T3-B).

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"requests.granted.natural_person": 3, "requests.granted.total": 2})
        >>> [(f.path, f.message) for f in row_total(report, RuleContext())]
        [('requests.granted.total', '「（一）予以公开」 总计 应为 3（自然人与五类法人或其他组织之和），报告为 2')]
    """
    if report.requests is not None:
        yield from identity_findings(report, "requests", report.requests.template, "requests.row_total")


@rule("requests.column_total", Severity.ERROR, title="（七）总计 = 各办理结果行之和 (T3-C)")
def column_total(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """（七）总计 must equal the sum of the outcome rows （一）…（六）, per column (identity T3-C).

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"requests.granted.natural_person": 4, "requests.granted.total": 4})
        >>> [f.message for f in column_total(report, RuleContext())][0]
        '「（七）总计」 自然人 列 应为 4（各办理结果行之和），报告为 0'
    """
    if report.requests is not None:
        yield from identity_findings(report, "requests", report.requests.template, "requests.column_total")


@rule("requests.balance", Severity.ERROR, title="一 + 二 = （七）总计 + 四 (T3-A)")
def balance(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """一 + 二 must equal （七）总计 + 四 in every column (identity T3-A, stated by the table itself).

    The path is the column's 一、本年新收 cell (the identity's first left-hand cell).

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"requests.new_received.natural_person": 1, "requests.new_received.total": 1})
        >>> [(f.path, f.expected, f.actual) for f in balance(report, RuleContext())]
        [('requests.new_received.natural_person', 0, 1), ('requests.new_received.total', 0, 1)]
    """
    if report.requests is not None:
        yield from identity_findings(report, "requests", report.requests.template, "requests.balance")


@rule("requests.negative", Severity.ERROR, title="申请数量不能为负数 (T3-D)")
def negative(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """Every count of table 三 must be 0 or more (identity T3-D).

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"requests.carried_forward.natural_person": -1})
        >>> [f.message for f in negative(report, RuleContext())]
        ['「四、结转下年度继续办理」 自然人 为 -1：申请数量不能为负数']
    """
    for key, value in values_of(report, "requests").items():
        if value is not None and value < 0:
            yield Finding(
                rule="requests.negative",
                severity=Severity.ERROR,
                path=key,
                message=f"{label_of_key(key)} 为 {fmt(value)}：申请数量不能为负数",
                actual=value,
                source=cells_of(report, "requests")[key].source,
            )
