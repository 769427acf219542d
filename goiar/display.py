"""Showing a report to a person: HTML tables laid out like the official ones, and plain-text tables.

:func:`report_html` draws tables 二, 三 and 四 with the official labels and merged header cells,
highlights every cell that an error or warning finding is about (its canonical key is the finding's
``path``), marks inferred cells (italic, with the identity in the title) and lists the findings.  All
text from the document is escaped with :func:`html.escape`.  :func:`report_text` is the plain-text
equivalent used by ``goiar show``.  :class:`FindingList` is a list of findings that Jupyter shows as a
table.

Example:
    >>> from goiar.testing import make_report
    >>> page = report_html(make_report({"requests.granted.total": 1}))
    >>> page.count("<table"), 'class="goiar-cell goiar-error"' in page
    (4, True)
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from types import MappingProxyType

from goiar.model.appeals import APPEAL_GROUPS
from goiar.model.figure import Figure, Obtained
from goiar.model.finding import Finding, Severity
from goiar.model.proactive import Proactive
from goiar.model.report import Report
from goiar.model.requests import REQUEST_COLUMNS, Requests
from goiar.template.appeals import APPEAL_COLUMN_LABELS, APPEAL_GROUP_LABELS
from goiar.template.headings import PART_HEADINGS
from goiar.template.proactive import proactive_items
from goiar.template.requests import REQUEST_COLUMN_LABELS, request_rows

__all__ = ["FindingList", "findings_html", "report_html", "report_text"]

_HEADINGS = MappingProxyType({part.key: part.heading for part in PART_HEADINGS})
_REQUEST_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_REQUEST_OUTCOMES = "三、本年度办理结果"
_REQUEST_GROUPS = MappingProxyType(
    {
        "denied": "（三）不予公开",
        "unavailable": "（四）无法提供",
        "not_processed": "（五）不予处理",
        "other_handling": "（六）其他处理",
    }
)
"""Labels of the merged cells over the numbered rows of table 三 (format-notes §2.2)."""
_LITIGATION = "行政诉讼"
_STYLE = MappingProxyType(
    {
        Severity.ERROR: "background:#f8d7da",
        Severity.WARNING: "background:#fff3cd",
        Severity.INFO: "",
    }
)
_BORDER = "border:1px solid #999;padding:2px 6px"
_INFERRED_MARK = "*"
_UNKNOWN_MARK = "?"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _number(value: int | Decimal | str | None) -> str:
    return "" if value is None else str(value)


def _flagged(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Error and warning findings by path."""
    flagged: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity is not Severity.INFO:
            flagged.setdefault(finding.path, []).append(finding)
    return flagged


def _worst(findings: Sequence[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


class _Html:
    """Renders cells and header cells against the flagged paths of one report."""

    def __init__(self, flagged: dict[str, list[Finding]]) -> None:
        self.flagged = flagged

    def th(
        self,
        text: str,
        *,
        path: str | None = None,
        rowspan: int = 1,
        colspan: int = 1,
        left: bool = False,
        nowrap: bool = False,
    ) -> str:
        spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
        style = _BORDER + (";text-align:left" if left else "") + (";white-space:nowrap" if nowrap else "")
        title = ""
        found = self.flagged.get(path, []) if path else []
        worst = _worst(found)
        if worst is not None:
            style += ";" + _STYLE[worst]
            title = f' title="{_e(chr(10).join(f.message for f in found))}"'
        return f'<th{spans} style="{style}"{title}>{_e(text)}</th>'

    def td(self, key: str, figure: Figure, *, colspan: int = 1) -> str:
        classes = ["goiar-cell"]
        styles = [_BORDER, "text-align:right"]
        notes = [f"{key}: {figure.state.value}"]
        if figure.raw is not None and figure.raw != _number(figure.value):
            notes.append(f"printed: {figure.raw}")
        if figure.source is not None:
            notes.append(f"at {figure.source.describe()}")
        text = _e(_number(figure.value)) if figure.value is not None else _UNKNOWN_MARK
        if figure.value is None:
            classes.append("goiar-unknown")
            styles.append("color:#888")
        if figure.obtained is Obtained.INFERRED:
            classes.append("goiar-inferred")
            notes.append(f"inferred from {figure.identity or 'the identities'}")
            text = f"<i>{text}</i>"
        found = self.flagged.get(key, [])
        worst = _worst(found)
        if worst is not None:
            classes.append(f"goiar-{worst.value}")
            styles.append(_STYLE[worst])
            notes.extend(f"{f.severity.value} {f.rule}: {f.message}" for f in found)
        span = f' colspan="{colspan}"' if colspan > 1 else ""
        return (
            f'<td{span} class="{" ".join(classes)}" style="{";".join(styles)}" '
            f'title="{_e(chr(10).join(notes))}" data-key="{_e(key)}">{text}</td>'
        )

    def caption(self, text: str, path: str) -> str:
        """The table's caption, highlighted when a finding is about the whole table."""
        found = self.flagged.get(path, [])
        worst = _worst(found)
        if worst is None:
            return f"<caption>{_e(text)}</caption>"
        title = _e(chr(10).join(f.message for f in found))
        return f'<caption style="{_STYLE[worst]}" title="{title}">{_e(text)}</caption>'


def _table(rows: Iterable[str], caption: str) -> str:
    body = "\n".join(f"<tr>{row}</tr>" for row in rows)
    return f'<table class="goiar-table" style="border-collapse:collapse">\n{caption}\n{body}\n</table>'


def _proactive_html(proactive: Proactive, cells: _Html) -> str:
    items = proactive_items(proactive.template)
    labels = {item.key: item for item in items}
    width = 1 + max(len(item.fields) for item in items)
    rows: list[str] = []
    clause = None
    for row in proactive.rows:
        item = labels.get(row.key)
        field_labels = {field.key: field.label for field in item.fields} if item is not None else {}
        if item is not None and item.clause != clause:
            clause = item.clause
            rows.append(cells.th(f"第二十条第{clause}项", colspan=width))
            header = [cells.th("信息内容", nowrap=True)]
            for index, field in enumerate(row.fields):
                last = index == len(row.fields) - 1
                header.append(cells.th(field_labels.get(field, field), colspan=width - len(row.fields) if last else 1))
            rows.append("".join(header))
        line = [cells.th(item.label if item is not None else row.label, path=f"proactive.{row.key}", left=True)]
        for index, (field, figure) in enumerate(row.items()):
            last = index == len(row.fields) - 1
            line.append(
                cells.td(f"proactive.{row.key}.{field}", figure, colspan=width - len(row.fields) if last else 1)
            )
        rows.append("".join(line))
    return _table(rows, cells.caption(f"{_HEADINGS['proactive']}（{proactive.template.value}年版）", "proactive"))


def _requests_html(requests: Requests, cells: _Html) -> str:
    labels = {spec.key: spec.label for spec in request_rows(requests.template)}
    column_labels = dict(REQUEST_COLUMN_LABELS)
    rows = [
        cells.th(_REQUEST_NOTE, rowspan=3, colspan=3) + cells.th("申请人情况", colspan=7),
        cells.th(column_labels["natural_person"], rowspan=2, nowrap=True)
        + cells.th("法人或其他组织", colspan=5)
        + cells.th(column_labels["total"], rowspan=2, nowrap=True),
        "".join(cells.th(column_labels[column], nowrap=True) for column in REQUEST_COLUMNS[1:-1]),
    ]
    outcome_rows = [row for row in requests.rows if row.key not in {"new_received", "carried_over", "carried_forward"}]
    group_sizes: dict[str, int] = {}
    for row in outcome_rows:
        if "." in row.key:
            group = row.key.split(".", 1)[0]
            group_sizes[group] = group_sizes.get(group, 0) + 1
    first_outcome = True
    seen_groups: set[str] = set()
    for row in requests.rows:
        label = labels.get(row.key, row.label)
        path = f"requests.{row.key}"
        if row in outcome_rows:
            head = cells.th(_REQUEST_OUTCOMES, rowspan=len(outcome_rows), nowrap=True) if first_outcome else ""
            first_outcome = False
            group = row.key.split(".", 1)[0]
            if "." in row.key:
                if group not in seen_groups:
                    seen_groups.add(group)
                    head += cells.th(_REQUEST_GROUPS.get(group, group), rowspan=group_sizes[group], nowrap=True)
                head += cells.th(label, path=path, left=True)
            else:
                head += cells.th(label, path=path, colspan=2, left=True)
        else:
            head = cells.th(label, path=path, colspan=3, left=True)
        rows.append(head + "".join(cells.td(f"requests.{row.key}.{c}", f) for c, f in row.figures()))
    return _table(rows, cells.caption(f"{_HEADINGS['requests']}（{requests.template.value}年版）", "requests"))


def _appeals_html(report: Report, cells: _Html) -> str:
    assert report.appeals is not None  # noqa: S101 - callers check
    group_labels = dict(APPEAL_GROUP_LABELS)
    columns = [label for _, label in APPEAL_COLUMN_LABELS]
    rows = [
        cells.th(group_labels["reconsideration"], path="appeals.reconsideration", colspan=5)
        + cells.th(_LITIGATION, colspan=10),
        "".join(cells.th(label, rowspan=2, nowrap=True) for label in columns)
        + "".join(
            cells.th(group_labels[group].split("·")[-1], path=f"appeals.{group}", colspan=5)
            for group in APPEAL_GROUPS[1:]
        ),
        "".join(cells.th(label, nowrap=True) for label in columns * 2),
        "".join(
            cells.td(f"appeals.{group.key}.{column}", figure)
            for group in report.appeals.groups()
            for column, figure in group.figures()
        ),
    ]
    return _table(rows, cells.caption(_HEADINGS["appeals"], "appeals"))


def findings_html(findings: Iterable[Finding]) -> str:
    """An HTML table of findings: severity, rule, path, message, expected, actual, source.

    Example:
        >>> from goiar.model import Finding, Severity
        >>> page = findings_html([Finding(rule="demo", severity=Severity.WARNING, path="requests",
        ...                               message="<b>not bold</b>")])
        >>> "&lt;b&gt;not bold&lt;/b&gt;" in page, "<b>" in page
        (True, False)
        >>> findings_html([])
        '<p class="goiar-findings">No findings.</p>'
    """
    items = list(findings)
    if not items:
        return '<p class="goiar-findings">No findings.</p>'
    header = "".join(
        f'<th style="{_BORDER}">{name}</th>'
        for name in ("severity", "rule", "path", "message", "expected", "actual", "source")
    )
    rows = []
    for finding in items:
        message = finding.message
        if finding.candidates:
            message += f"（候选：{' / '.join(finding.candidates)}）"
        cells = (
            finding.severity.value,
            finding.rule,
            finding.path,
            message,
            _number(finding.expected),
            _number(finding.actual),
            finding.source.describe() if finding.source is not None else "",
        )
        style = f"{_BORDER};{_STYLE[finding.severity]}".rstrip(";")
        rows.append(
            f'<tr class="goiar-{finding.severity.value}">'
            + "".join(f'<td style="{style}">{_e(cell)}</td>' for cell in cells)
            + "</tr>"
        )
    return (
        '<table class="goiar-findings" style="border-collapse:collapse">\n'
        f"<tr>{header}</tr>\n" + "\n".join(rows) + "\n</table>"
    )


def report_html(report: Report, findings: Iterable[Finding] | None = None) -> str:
    """The report's three tables as HTML, laid out like the official ones, then its findings.

    Args:
        report: The report.
        findings: The findings to show and highlight (default: :func:`goiar.validate` of the report).

    Returns:
        An HTML fragment (a ``<div class="goiar-report">``), every document text escaped.

    Example:
        >>> from goiar.testing import make_report
        >>> page = report_html(make_report({"requests.granted.total": 1}))
        >>> "（一）予以公开" in page, "requests.row_total" in page
        (True, True)
    """
    if findings is None:
        from goiar._api import validate  # noqa: PLC0415 - the rules load only when needed

        findings = validate(report)
    items = list(findings)
    cells = _Html(_flagged(items))
    meta = report.meta
    title = f"{meta.organ or '（未识别机关）'} {meta.year if meta.year is not None else '?'}年 政府信息公开工作年度报告"
    details = f"template {meta.template.value if meta.template else '?'} · reader {report.reader or '?'}"
    parts = [f"<h3>{_e(title)}</h3>", f"<p>{_e(details)}</p>"]
    for key, table in (("proactive", report.proactive), ("requests", report.requests), ("appeals", report.appeals)):
        if table is None:
            parts.append(f"<p><b>{_e(_HEADINGS[key])}</b>: no table found</p>")
    if report.proactive is not None:
        parts.append(_proactive_html(report.proactive, cells))
    if report.requests is not None:
        parts.append(_requests_html(report.requests, cells))
    if report.appeals is not None:
        parts.append(_appeals_html(report, cells))
    parts.append(
        f"<p><i>{_INFERRED_MARK}</i> italic: inferred from the identities; {_UNKNOWN_MARK}: no readable value</p>"
    )
    parts.append(findings_html(items))
    return '<div class="goiar-report">\n' + "\n".join(parts) + "\n</div>"


class FindingList(list[Finding]):
    """A list of findings that notebooks show as a table (:func:`findings_html`).

    Example:
        >>> from goiar.model import Finding, Severity
        >>> found = FindingList([Finding(rule="demo", severity=Severity.INFO, path="", message="hi")])
        >>> len(found), found._repr_html_().startswith('<table class="goiar-findings"')
        (1, True)
    """

    def _repr_html_(self) -> str:
        return findings_html(self)


# ---------------------------------------------------------------------------------------------- text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _cell_text(figure: Figure) -> str:
    if figure.value is None:
        return _UNKNOWN_MARK
    return str(figure.value) + (_INFERRED_MARK if figure.obtained is Obtained.INFERRED else "")


def _grid(header: Sequence[str], rows: Sequence[tuple[Sequence[str], str]]) -> list[str]:
    """Right-aligned number columns, then the row label (so long official labels never break the grid)."""
    widths = [
        max([_width(h)] + [_width(cells[i]) for cells, _ in rows if i < len(cells)]) for i, h in enumerate(header)
    ]
    lines = ["  " + "  ".join(" " * (w - _width(h)) + h for h, w in zip(header, widths, strict=True))]
    for cells, label in rows:
        padded = [" " * (w - _width(c)) + c for c, w in zip(cells, widths, strict=False)]
        padded += [" " * w for w in widths[len(cells) :]]
        lines.append("  " + "  ".join(padded) + "  " + label)
    return lines


def report_text(report: Report) -> str:
    """The report's metadata and three tables as plain text (what ``goiar show`` prints).

    Numbers come first, right-aligned under the official column labels, then the official row label.
    ``*`` marks a value inferred from the identities, ``?`` a cell with no readable value.

    Example:
        >>> from goiar.testing import make_report
        >>> text = report_text(make_report({"requests.granted.natural_person": 2, "requests.granted.total": 2}))
        >>> print(text.splitlines()[0])
        示例县示例镇人民政府 2023年（template 2021）
        >>> print(next(line for line in text.splitlines() if "予以公开" in line))
             2         0         0             0             0     0     2  （一）予以公开
    """
    meta = report.meta
    year = f"{meta.year}年" if meta.year is not None else "?年"
    template = meta.template.value if meta.template is not None else "?"
    lines = [f"{meta.organ or '（未识别机关）'} {year}（template {template}）"]
    if meta.published is not None:
        lines.append(f"published {meta.published.isoformat()}")
    lines.append("")
    if report.proactive is None:
        lines += [_HEADINGS["proactive"], "  no table found", ""]
    else:
        lines.append(f"{_HEADINGS['proactive']}（{report.proactive.template.value}年版）")
        items = {item.key: item for item in proactive_items(report.proactive.template)}
        clause: str | None = None
        block: list[tuple[Sequence[str], str]] = []
        header: list[str] = []
        for row in report.proactive.rows:
            item = items.get(row.key)
            labels = {field.key: field.label for field in item.fields} if item is not None else {}
            if item is None or item.clause != clause or [labels.get(f, f) for f in row.fields] != header:
                if block:
                    lines += _grid(header, block)
                block = []
                clause = item.clause if item is not None else None
                header = [labels.get(field, field) for field in row.fields]
                lines.append(f" 第二十条第{clause}项" if clause else f" {row.label}")
            block.append(([_cell_text(f) for _, f in row.items()], item.label if item is not None else row.label))
        if block:
            lines += _grid(header, block)
        lines.append("")
    if report.requests is None:
        lines += [_HEADINGS["requests"], "  no table found", ""]
    else:
        lines.append(f"{_HEADINGS['requests']}（{report.requests.template.value}年版）")
        labels = {spec.key: spec.label for spec in request_rows(report.requests.template)}
        rows = []
        for request_row in report.requests.rows:
            label = labels.get(request_row.key, request_row.label)
            group = request_row.key.split(".", 1)[0]
            if "." in request_row.key:
                label = f"{_REQUEST_GROUPS.get(group, group)} {label}"
            rows.append(([_cell_text(f) for _, f in request_row.figures()], label))
        lines += _grid([label for _, label in REQUEST_COLUMN_LABELS], rows)
        lines.append("")
    if report.appeals is None:
        lines += [_HEADINGS["appeals"], "  no table found", ""]
    else:
        lines.append(_HEADINGS["appeals"])
        group_labels = dict(APPEAL_GROUP_LABELS)
        rows = [
            ([_cell_text(f) for _, f in group.figures()], group_labels.get(group.key, group.key))
            for group in report.appeals.groups()
        ]
        lines += _grid([label for _, label in APPEAL_COLUMN_LABELS], rows)
        lines.append("")
    lines.append(f"{_INFERRED_MARK} inferred from the identities   {_UNKNOWN_MARK} no readable value")
    return "\n".join(lines)
