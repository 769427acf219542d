"""Web-page text writer: a page copied as text, each table row's cells run together (seed 003's shape).

Every row is one line with its cells joined without separators (``一、本年新收政府信息公开申请数量4000004``);
header rows are lines of run-together labels; paragraphs and page-chrome fields (``索引号 …``,
``发布日期 2024-01-29``) are lines of their own.

Example:
    >>> from goiar.testing import make_report
    >>> text = render_run_together(make_report({"requests.new_received.natural_person": 4,
    ...     "requests.new_received.total": 4}))
    >>> [line for line in text.splitlines() if line.startswith("一、本年新收")]
    ['一、本年新收政府信息公开申请数量4000004']
"""

from __future__ import annotations

from goiar.model.report import Report
from goiar.render._layout import Table, layout, text_lines, text_rows

__all__ = ["render_run_together"]


def _line(text: str) -> str:
    return " ".join(text.split("\n")).strip()


def render_run_together(report: Report) -> str:
    """The report as web-page text with table cells run together.

    Args:
        report: The report to write.

    Returns:
        The text, ending with a newline.

    Example:
        >>> from goiar.testing import make_report
        >>> lines = render_run_together(make_report()).splitlines()
        >>> table = lines[lines.index("四、政府信息公开行政复议、行政诉讼情况") + 2 :][:4]
        >>> table[0], table[1][-15:], table[3]
        ('行政复议行政诉讼', '总计未经复议直接起诉复议后起诉', '000000000000000')
    """
    return text_lines(layout(report), _line, _table_lines)


def _table_lines(table: Table) -> list[str]:
    """Each row's cells run together on one line (rows that print nothing are left out)."""
    return [line for line in ("".join(row) for row in text_rows(table)) if line]
