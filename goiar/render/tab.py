"""Tab-separated text writer: a report as a Word table export (the shape of seed 000).

Paragraphs are lines; every table row is one line of tab-separated cells, padded with empty cells to
the widest row of its table.  Header rows stay spread over several lines (table 三 has three, table 四
two), a merged cell is printed once, and the rows below the first row of a vertically merged cell
print it as an empty cell.

Example:
    >>> from goiar.testing import make_report
    >>> text = render_tab(make_report({"requests.granted.natural_person": 4, "requests.granted.total": 4}))
    >>> [line for line in text.splitlines() if "予以公开" in line]
    ['三、本年度办理结果\\t（一）予以公开\\t4\\t0\\t0\\t0\\t0\\t0\\t4\\t']
"""

from __future__ import annotations

from goiar.model.report import Report
from goiar.render._layout import Table, layout, text_lines, text_rows

__all__ = ["render_tab"]


def _line(text: str) -> str:
    return text.replace("\t", " ")


def _table_lines(table: Table) -> list[str]:
    """Each row as tab-separated cells, padded with empty cells to the table's widest row."""
    rows = text_rows(table)
    width = max(len(row) for row in rows)
    return ["\t".join([_line(cell) for cell in row] + [""] * (width - len(row))) for row in rows]


def render_tab(report: Report) -> str:
    """The report as tab-separated text in the official layout.

    Args:
        report: The report to write.

    Returns:
        The text, ending with a newline.

    Example:
        >>> from goiar.testing import make_report
        >>> lines = render_tab(make_report()).splitlines()
        >>> lines[0], lines[-2:]
        ('示例县示例镇人民政府2023年政府信息公开工作年度报告', ['示例县示例镇人民政府', '2024年1月20日'])
        >>> [line.split("\\t")[:3] for line in lines if line.startswith("（本列数据")]
        [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '']]
    """
    return text_lines(layout(report), _line, _table_lines)
