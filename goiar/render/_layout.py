"""The official layout of a report, independent of the output format.

:func:`layout` turns a :class:`~goiar.model.Report` into a :class:`Document`: page-chrome lines, the
title, the introduction, the six parts (heading, text, table) and the closing signature.  Tables are
:class:`Table` values of rows of :class:`Cell` with ``rowspan``/``colspan`` exactly as in the national
template (国办公开办函〔2019〕60号 / 〔2021〕30号; format-notes §2–§3).  The writers only decide how a
row is printed: the HTML writer keeps the spans, the text writers use :func:`text_rows`, which prints
a table the way Word exports it (a horizontally merged cell once, a vertically merged cell as one empty
cell on the rows below its first).

Example:
    >>> from goiar.testing import make_report
    >>> doc = layout(make_report({"requests.granted.natural_person": 4}))
    >>> doc.title
    '示例县示例镇人民政府2023年政府信息公开工作年度报告'
    >>> [part.heading for part in doc.parts][:2]
    ['一、总体情况', '二、主动公开政府信息情况']
    >>> rows = text_rows(doc.parts[2].table)
    >>> rows[0][1], rows[5][:3]
    ('申请人情况', ['三、本年度办理结果', '（一）予以公开', '4'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

import attrs

from goiar.model.appeals import APPEAL_COLUMNS
from goiar.model.figure import Figure, Number
from goiar.model.proactive import Proactive, ProactiveRow
from goiar.model.report import Report
from goiar.model.requests import REQUEST_COLUMNS, Requests
from goiar.template.appeals import APPEAL_COLUMN_LABELS, APPEAL_GROUP_LABELS
from goiar.template.headings import PART_HEADINGS
from goiar.template.proactive import ProactiveField, ProactiveItem, proactive_items
from goiar.template.requests import REQUEST_COLUMN_LABELS, request_rows

__all__ = [
    "BALANCE_NOTE",
    "GROUP_LABELS",
    "Cell",
    "Document",
    "Part",
    "Table",
    "format_date",
    "format_value",
    "layout",
    "text_lines",
    "text_rows",
]

BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
"""The top-left header cell of table 三 (format-notes §2.2)."""
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"
RESULTS = "三、本年度办理结果"
CONTENT = "信息内容"
GROUP_LABELS: dict[str, str] = {
    "denied": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}
"""Labels of the vertically merged group cells of table 三, by canonical row-key prefix."""
_VALUE_WIDTH = 3
"""Value columns of table 二 (the widest sub-table, （一）, has three)."""


@attrs.frozen
class Cell:
    """One table cell: its text, its spans, and whether it holds a value (not a label)."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    value: bool = False


@attrs.frozen
class Table:
    """A table of the template: ``width`` grid columns, rows of cells with spans."""

    key: str
    """``"proactive"``, ``"requests"`` or ``"appeals"``."""
    width: int
    rows: tuple[tuple[Cell, ...], ...]


@attrs.frozen
class Part:
    """One of the six parts: heading, paragraphs of text, and its table (None for narrative parts)."""

    key: str
    heading: str
    paragraphs: tuple[str, ...]
    table: Table | None = None


@attrs.frozen
class Document:
    """A whole report laid out: chrome lines, title, introduction, parts, signature lines."""

    chrome: tuple[tuple[str, str], ...]
    """Page catalogue fields ``(name, value)`` printed above the title (索引号, 发布日期, …)."""
    title: str
    preamble: tuple[str, ...]
    parts: tuple[Part, ...]
    closing: tuple[str, ...]
    """The signature organ and the date, as lines (either may be absent)."""


def format_value(value: Number | None) -> str:
    """A value as printed: ``int`` as digits, :class:`~decimal.Decimal` as its string, None as blank.

    Example:
        >>> format_value(12), format_value(Decimal("96171.6")), format_value(None), format_value(-8)
        ('12', '96171.6', '', '-8')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value)
    return str(int(value))


def format_date(date: dt.date) -> str:
    """A date as a signature prints it: ``2024年1月5日``.

    Example:
        >>> format_date(dt.date(2024, 1, 5))
        '2024年1月5日'
    """
    return f"{date.year}年{date.month}月{date.day}日"


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def layout(report: Report) -> Document:
    """Lay out ``report`` in the official order and table structure.

    Args:
        report: Any report (tables that are None are left out; their parts keep heading and text).

    Returns:
        The document, ready for a writer.

    Example:
        >>> from goiar.testing import make_report
        >>> doc = layout(make_report())
        >>> doc.closing
        ('示例县示例镇人民政府', '2024年1月20日')
        >>> [(t.key, t.width, len(t.rows)) for t in (p.table for p in doc.parts) if t is not None]
        [('proactive', 4, 14), ('requests', 10, 28), ('appeals', 15, 4)]
    """
    meta = report.meta
    year = f"{meta.year}年" if meta.year is not None else ""
    title = f"{meta.organ or ''}{year}政府信息公开工作年度报告"
    tables = {
        "proactive": _proactive_table(report.proactive) if report.proactive is not None else None,
        "requests": _requests_table(report.requests) if report.requests is not None else None,
        "appeals": _appeals_table(report) if report.appeals is not None else None,
    }
    parts = tuple(
        Part(
            key=heading.key,
            heading=heading.heading,
            paragraphs=_paragraphs(report.text(heading.key)),
            table=tables.get(heading.key),
        )
        for heading in PART_HEADINGS
    )
    closing: list[str] = []
    signature = meta.signature or meta.organ
    if signature:
        closing.append(signature)
    date = meta.published or meta.signature_date
    if date is not None:
        closing.append(format_date(date))
    return Document(
        chrome=tuple((field.name, field.value) for field in meta.page_fields),
        title=title,
        preamble=_paragraphs(report.text("preamble")),
        parts=parts,
        closing=tuple(closing),
    )


# ------------------------------------------------------------------------------------------- 表二


def _spans(count: int) -> list[int]:
    """Column spans of ``count`` cells filling the three value columns of table 二."""
    if count >= _VALUE_WIDTH:
        return [1] * count
    return [1] * (count - 1) + [_VALUE_WIDTH - count + 1]


def _clauses(items: Sequence[ProactiveItem]) -> Iterator[list[ProactiveItem]]:
    group: list[ProactiveItem] = []
    for item in items:
        if group and group[0].clause != item.clause:
            yield group
            group = []
        group.append(item)
    if group:
        yield group


def _proactive_figures(row: ProactiveRow | None, fields: Sequence[ProactiveField]) -> list[Figure | None]:
    if row is None:
        return [None] * len(fields)
    out: list[Figure | None] = []
    for field in fields:
        try:
            out.append(row[field.key])
        except KeyError:
            out.append(None)
    return out


def _proactive_table(proactive: Proactive) -> Table:
    rows: list[tuple[Cell, ...]] = []
    by_key = {row.key: row for row in proactive.rows}
    width = 1 + _VALUE_WIDTH
    for group in _clauses(proactive_items(proactive.template)):
        fields = group[0].fields
        spans = _spans(len(fields))
        rows.append((Cell(f"第二十条第{group[0].clause}项", colspan=width),))
        rows.append(
            (Cell(CONTENT), *(Cell(field.label, colspan=span) for field, span in zip(fields, spans, strict=True)))
        )
        for item in group:
            figures = _proactive_figures(by_key.get(item.key), item.fields)
            rows.append(
                (
                    Cell(item.label),
                    *(
                        Cell(format_value(figure.value if figure else None), colspan=span, value=True)
                        for figure, span in zip(figures, spans, strict=True)
                    ),
                )
            )
    return Table(key="proactive", width=width, rows=tuple(rows))


# ------------------------------------------------------------------------------------------- 表三


def _requests_table(requests: Requests) -> Table:
    version = requests.template
    specs = request_rows(version)
    by_key = {row.key: row for row in requests.rows}
    column_labels = dict(REQUEST_COLUMN_LABELS)
    organisations = REQUEST_COLUMNS[1:-1]
    rows: list[tuple[Cell, ...]] = [
        (Cell(BALANCE_NOTE, rowspan=3, colspan=3), Cell(APPLICANTS, colspan=len(REQUEST_COLUMNS))),
        (
            Cell(column_labels["natural_person"], rowspan=2),
            Cell(ORGANISATIONS, colspan=len(organisations)),
            Cell(column_labels["total"], rowspan=2),
        ),
        tuple(Cell(column_labels[column]) for column in organisations),
    ]
    results = [spec for spec in specs if spec.outcome or spec.key == "total"]
    group_sizes: dict[str, int] = {}
    for spec in specs:
        group, dot, _ = spec.key.partition(".")
        if dot:
            group_sizes[group] = group_sizes.get(group, 0) + 1
    seen_groups: set[str] = set()
    for spec in specs:
        row = by_key.get(spec.key)
        values = tuple(
            Cell(format_value(row[column].value if row is not None else None), value=True) for column in REQUEST_COLUMNS
        )
        labels: list[Cell] = []
        if spec is results[0]:
            labels.append(Cell(RESULTS, rowspan=len(results)))
        group, dot, _ = spec.key.partition(".")
        if not spec.outcome and spec.key != "total":
            labels.append(Cell(spec.label, colspan=3))
        elif dot:
            if group not in seen_groups:
                seen_groups.add(group)
                labels.append(Cell(GROUP_LABELS[group], rowspan=group_sizes[group]))
            labels.append(Cell(spec.label))
        else:
            labels.append(Cell(spec.label, colspan=2))
        rows.append((*labels, *values))
    return Table(key="requests", width=3 + len(REQUEST_COLUMNS), rows=tuple(rows))


# ------------------------------------------------------------------------------------------- 表四


def _appeals_table(report: Report) -> Table:
    appeals = report.appeals
    groups = dict(APPEAL_GROUP_LABELS)
    columns = [label for _, label in APPEAL_COLUMN_LABELS]
    size = len(APPEAL_COLUMNS)
    reconsideration = groups["reconsideration"]
    litigation, _, direct = groups["litigation_direct"].partition("·")
    after = groups["litigation_after_reconsideration"].partition("·")[2]
    values: list[Cell] = []
    for group in appeals.groups() if appeals is not None else ():
        values.extend(Cell(format_value(figure.value), value=True) for _, figure in group.figures())
    rows: list[tuple[Cell, ...]] = [
        (Cell(reconsideration, colspan=size), Cell(litigation, colspan=2 * size)),
        (*(Cell(label, rowspan=2) for label in columns), Cell(direct, colspan=size), Cell(after, colspan=size)),
        tuple(Cell(label) for label in columns * 2),
        tuple(values),
    ]
    return Table(key="appeals", width=3 * size, rows=tuple(rows))


# ------------------------------------------------------------------------------------------ text


def text_rows(table: Table) -> list[list[str]]:
    """The table's rows as a Word text export prints them.

    A cell spanning several columns is printed once; on the rows below the first row of a vertically
    merged cell, that cell is one empty string.

    Example:
        >>> table = Table(key="x", width=3, rows=((Cell("a", rowspan=2), Cell("b", colspan=2)),
        ...                                        (Cell("c"), Cell("d"))))
        >>> text_rows(table)
        [['a', 'b'], ['', 'c', 'd']]
    """
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    """(row, column) → (first row, colspan) of a vertically merged cell covering it."""
    out: list[list[str]] = []
    for r, row in enumerate(table.rows):
        cells = iter(row)
        printed: list[str] = []
        column = 0
        while column < table.width:
            if (r, column) in covered:
                _, span = covered[(r, column)]
                printed.append("")
                column += span
                continue
            cell = next(cells, None)
            if cell is None:
                break
            printed.append(cell.text)
            for below in range(r + 1, r + cell.rowspan):
                covered[(below, column)] = (r, cell.colspan)
            column += cell.colspan
        out.append(printed)
    return out


def text_lines(doc: Document, clean: Callable[[str], str], table_lines: Callable[[Table], Iterable[str]]) -> str:
    """The document as text: chrome, title, preamble, each part's heading, paragraphs and table, closing.

    The text writers differ only in how a line is cleaned (``clean``) and how a table is printed
    (``table_lines``); the order of the document is written here once.

    Example:
        >>> from goiar.testing import make_report
        >>> text = text_lines(layout(make_report()), str.strip, lambda table: [f"<{table.key}>"])
        >>> [line for line in text.splitlines() if line.startswith("<")]
        ['<proactive>', '<requests>', '<appeals>']
    """
    out = [clean(f"{name} {value}") for name, value in doc.chrome]
    out.append(clean(doc.title))
    out.extend(clean(line) for line in doc.preamble)
    for part in doc.parts:
        out.append(part.heading)
        out.extend(clean(line) for line in part.paragraphs)
        if part.table is not None:
            out.extend(table_lines(part.table))
    out.extend(clean(line) for line in doc.closing)
    return "\n".join(out) + "\n"
