"""Writers: a :class:`~goiar.model.Report` back to text in the official layout, in every reader's format.

:func:`render` is the inverse of :func:`goiar.read` for a consistent report: ``goiar.read(render(r, f),
format=f)`` gives back every canonical value.  Use it to produce a correct report from data, or, with
:mod:`goiar.testing.damage`, to make damaged documents whose truth is known.

========================  ====================================================================
format                    shape
========================  ====================================================================
``"html"``                a web page; tables with the template's ``rowspan``/``colspan``
``"tab"``                 tab-separated text, as a Word table export (seed 000)
``"cell-lines"``          one cell per tab-indented line, rows separated by blank lines (seed 001)
``"run-together"``        web-page text, each row's cells run together (seed 003)
========================  ====================================================================

Example:
    >>> import goiar
    >>> from goiar.render import render
    >>> from goiar.testing import make_report
    >>> report = make_report({"requests.granted.natural_person": 3, "requests.granted.total": 3})
    >>> text = render(report, "tab")
    >>> goiar.read(text, format="tab").requests.granted.total.value
    3
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from goiar.model.report import Report
from goiar.render._layout import format_date, format_value
from goiar.render.cell_lines import render_cell_lines
from goiar.render.html import render_html
from goiar.render.run_together import render_run_together
from goiar.render.tab import render_tab

__all__ = [
    "FORMATS",
    "WRITERS",
    "format_date",
    "format_value",
    "render",
    "render_cell_lines",
    "render_html",
    "render_run_together",
    "render_tab",
]

WRITERS: Mapping[str, Callable[[Report], str]] = MappingProxyType(
    {
        "html": render_html,
        "tab": render_tab,
        "cell-lines": render_cell_lines,
        "run-together": render_run_together,
    }
)
"""Writer of each format, by the name of the reader that reads it back."""
FORMATS: tuple[str, ...] = tuple(WRITERS)
"""The format names :func:`render` accepts."""


def render(report: Report, format: str = "html") -> str:  # noqa: A002 - mirrors goiar.read(format=…)
    """Write ``report`` in ``format`` (one of :data:`FORMATS`).

    Args:
        report: The report to write; tables that are None are left out.
        format: ``"html"``, ``"tab"``, ``"cell-lines"`` or ``"run-together"``.

    Returns:
        The document's text.

    Raises:
        ValueError: ``format`` is not one of :data:`FORMATS`.

    Example:
        >>> from goiar.testing import make_report
        >>> render(make_report(), "run-together").splitlines()[0]
        '示例县示例镇人民政府2023年政府信息公开工作年度报告'
        >>> render(make_report(), "pdf")
        Traceback (most recent call last):
        ...
        ValueError: no writer for format 'pdf'; formats: html, tab, cell-lines, run-together
    """
    writer = WRITERS.get(format)
    if writer is None:
        raise ValueError(f"no writer for format {format!r}; formats: {', '.join(FORMATS)}")
    return writer(report)
