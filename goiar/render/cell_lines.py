"""One-cell-per-line writer: a report as Word tables copied as text (the shape of seed 001).

Paragraphs are lines without a leading tab; every table cell is a line of its own starting with a tab
(an empty cell is a lone tab), and a blank line ends each table row.  Merged cells follow the Word
convention of :func:`goiar.render._layout.text_rows`.

Example:
    >>> from goiar.testing import make_report
    >>> text = render_cell_lines(make_report({"appeals.reconsideration.upheld": 1,
    ...                                       "appeals.reconsideration.total": 1}))
    >>> text.split("行政复议、行政诉讼情况\\n")[1].split("\\n\\n")[3].split("\\n")[:6]
    ['\\t1', '\\t0', '\\t0', '\\t0', '\\t1', '\\t0']
"""

from __future__ import annotations

from collections.abc import Iterator

from goiar.model.report import Report
from goiar.render._layout import Table, layout, text_lines, text_rows

__all__ = ["render_cell_lines"]


def _line(text: str) -> str:
    return " ".join(text.split("\n")).replace("\t", " ").strip()


def render_cell_lines(report: Report) -> str:
    """The report as one-cell-per-line text in the official layout.

    Args:
        report: The report to write.

    Returns:
        The text, ending with a newline.

    Example:
        >>> from goiar.testing import make_report
        >>> lines = render_cell_lines(make_report()).splitlines()
        >>> i = lines.index("\\t第二十条第（一）项")
        >>> lines[i : i + 7]
        ['\\t第二十条第（一）项', '', '\\t信息内容', '\\t本年制发件数', '\\t本年废止件数', '\\t现行有效件数', '']
    """
    return text_lines(layout(report), _line, _table_lines)


def _table_lines(table: Table) -> Iterator[str]:
    """Each cell on its own tab-indented line, a blank line after each row."""
    for row in text_rows(table):
        yield from ("\t" + _line(cell) for cell in row)
        yield ""
