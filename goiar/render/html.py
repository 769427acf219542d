"""HTML writer: a report as a web page with the template's tables (``rowspan``/``colspan`` as published).

The page is UTF-8 (``<meta charset="utf-8">``), every text is escaped with :func:`html.escape`, page
catalogue fields (索引号, 发布日期, …) sit in a ``<div class="info">`` before the report body, the title is
an ``<h1>``, part headings are ``<h2>``, and each table keeps the merged cells of the official template:
``三、本年度办理结果`` and the （三）（四）（五）（六） group labels span their rows, ``申请人情况``,
``法人或其他组织`` and ``行政诉讼`` span their columns.

Example:
    >>> from goiar.testing import make_report
    >>> page = render_html(make_report({"requests.granted.natural_person": 4}))
    >>> '<meta charset="utf-8">' in page, '<td rowspan="22">三、本年度办理结果</td>' in page
    (True, True)
    >>> '<td colspan="5">法人或其他组织</td>' in page
    True
"""

from __future__ import annotations

from html import escape

from goiar.model.report import Report
from goiar.render._layout import Cell, Table, layout

__all__ = ["render_html"]


def _cell(cell: Cell) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    return f"<td{spans}>{escape(cell.text)}</td>"


def _table(table: Table) -> list[str]:
    lines = [f'<table class="{table.key}" border="1" cellspacing="0" cellpadding="4">', "<tbody>"]
    lines.extend("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in table.rows)
    lines.extend(["</tbody>", "</table>"])
    return lines


def render_html(report: Report) -> str:
    """The report as an HTML page in the official layout.

    Args:
        report: The report to write.

    Returns:
        A complete HTML document.

    Example:
        >>> from goiar.testing import make_report
        >>> page = render_html(make_report())
        >>> page.splitlines()[:3]
        ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>']
        >>> '<h1>示例县示例镇人民政府2023年政府信息公开工作年度报告</h1>' in page
        True
    """
    doc = layout(report)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        "</head>",
        "<body>",
    ]
    if doc.chrome:
        out.append('<div class="info">')
        out.extend(f"<p>{escape(name)}：{escape(value)}</p>" for name, value in doc.chrome)
        out.append("</div>")
    out.append('<div class="content">')
    out.append(f"<h1>{escape(doc.title)}</h1>")
    out.extend(f"<p>{escape(line)}</p>" for line in doc.preamble)
    for part in doc.parts:
        out.append(f"<h2>{escape(part.heading)}</h2>")
        out.extend(f"<p>{escape(line)}</p>" for line in part.paragraphs)
        if part.table is not None:
            out.extend(_table(part.table))
    out.extend(f'<p style="text-align: right">{escape(line)}</p>' for line in doc.closing)
    out.extend(["</div>", "</body>", "</html>"])
    return "\n".join(out) + "\n"
