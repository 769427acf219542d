"""Cross-year rules: they need last year's report of the same body (``validate(report, previous=…)``)."""

from __future__ import annotations

from collections.abc import Iterator

from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.rules._common import cells_of, fmt
from goiar.rules.base import RuleContext, rule
from goiar.template.identities import label_of_key

__all__ = ["carry_over"]


@rule("history.carry_over", Severity.WARNING, title="上年结转 = 上年报告的结转下年度继续办理 (Y-1)")
def carry_over(report: Report, context: RuleContext) -> Iterator[Finding]:
    """This year's 二、上年结转 must equal last year's 四、结转下年度继续办理, per column (Y-1).

    Runs only when ``context.previous`` is given; when both years are known and the previous report is
    not of the year before, it says nothing (it is not last year's report).  Unknown cells are skipped.

    Example:
        >>> from goiar.model import Meta
        >>> from goiar.testing import make_report
        >>> last = make_report({"requests.carried_forward.natural_person": 2}, meta=Meta(year=2022))
        >>> this = make_report({"requests.carried_over.natural_person": 3}, meta=Meta(year=2023))
        >>> [(f.path, f.expected, f.actual) for f in carry_over(this, RuleContext(previous=last))]
        [('requests.carried_over.natural_person', 2, 3)]
        >>> print(next(carry_over(this, RuleContext(previous=last))).message)
        「二、上年结转政府信息公开申请数量」 自然人 为 3，上年（2022 年度）报告「四、结转下年度继续办理」 自然人 为 2
    """
    previous = context.previous
    if previous is None or report.requests is None or previous.requests is None:
        return
    year, last_year = report.meta.year, previous.meta.year
    if year is not None and last_year is not None and last_year != year - 1:
        return
    this_cells = cells_of(report, "requests")
    last_cells = cells_of(previous, "requests")
    when = f"{last_year} 年度" if last_year is not None else "上一年度"
    for key, figure in this_cells.items():
        if not key.startswith("requests.carried_over."):
            continue
        column = key.rpartition(".")[2]
        before_key = f"requests.carried_forward.{column}"
        before = last_cells.get(before_key)
        if figure.value is None or before is None or before.value is None or figure.value == before.value:
            continue
        yield Finding(
            rule="history.carry_over",
            severity=Severity.WARNING,
            path=key,
            message=(
                f"{label_of_key(key)} 为 {fmt(figure.value)}，上年（{when}）报告"
                f"{label_of_key(before_key)} 为 {fmt(before.value)}"
            ),
            expected=before.value,
            actual=figure.value,
            source=figure.source,
        )
