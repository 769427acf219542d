"""Rules on table 四 (政府信息公开行政复议、行政诉讼情况): identity T4 for each of the three groups."""

from __future__ import annotations

from collections.abc import Iterator

from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.model.version import Template
from goiar.rules._common import identity_findings
from goiar.rules.base import RuleContext, rule

__all__ = ["total"]


@rule("appeals.total", Severity.ERROR, title="总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (T4)")
def total(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """A group's 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (identity T4).

    Table 四 is the same in both template versions.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"appeals.litigation_direct.pending": 1})
        >>> [(f.path, f.expected, f.actual) for f in total(report, RuleContext())]
        [('appeals.litigation_direct.total', 1, 0)]
    """
    if report.appeals is not None:
        version = report.requests.template if report.requests is not None else Template.V2021
        yield from identity_findings(report, "appeals", version, "appeals.total")
