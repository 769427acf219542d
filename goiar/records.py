"""Plain records: one dict per table cell or per finding, ready for CSV, JSON lines or a DataFrame.

Every record has the same keys in the same order (:data:`CELL_FIELDS`, :data:`FINDING_FIELDS`), so a
list of them is a table even when it is empty.  Values keep their Python types: ``value`` is an
``int``, a :class:`~decimal.Decimal` (money) or None, never a float.

goiar never imports pandas except inside :func:`to_pandas` and :func:`findings_to_pandas`.

Example:
    >>> from goiar.testing import make_report
    >>> records = to_records([make_report({"requests.granted.natural_person": 2})])
    >>> row = next(r for r in records if r["key"] == "requests.granted.natural_person")
    >>> row["table"], row["row_label"], row["column_label"], row["value"], row["state"]
    ('requests', '（一）予以公开', '自然人', 2, 'number')
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from goiar.model.appeals import APPEAL_GROUPS
from goiar.model.figure import Figure, Source
from goiar.model.finding import Finding
from goiar.model.report import Report
from goiar.model.requests import REQUEST_COLUMNS
from goiar.model.version import Template
from goiar.template.appeals import APPEAL_COLUMN_LABELS, APPEAL_GROUP_LABELS
from goiar.template.proactive import proactive_items
from goiar.template.requests import REQUEST_COLUMN_LABELS, request_rows

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "CELL_FIELDS",
    "FINDING_FIELDS",
    "findings_to_pandas",
    "findings_to_records",
    "report_records",
    "to_pandas",
    "to_records",
]

_SOURCE_FIELDS: tuple[str, ...] = (
    "source_line",
    "source_offset",
    "source_table",
    "source_row",
    "source_column",
    "source_path",
)

CELL_FIELDS: tuple[str, ...] = (
    "organ",
    "year",
    "template",
    "table",
    "row",
    "row_label",
    "column",
    "column_label",
    "key",
    "value",
    "state",
    "raw",
    "obtained",
    "identity",
    "unit",
    *_SOURCE_FIELDS,
)
"""The keys of a cell record, in order.

``template`` is the version of the cell's own table; ``row``/``column`` are the canonical row and
column keys (``key`` is ``f"{table}.{row}.{column}"``, SPEC §3); ``row_label``/``column_label`` are
the official wording; ``source_*`` are the fields of :class:`goiar.Source` (None where unknown).
"""

FINDING_FIELDS: tuple[str, ...] = (
    "organ",
    "year",
    "rule",
    "severity",
    "path",
    "message",
    "expected",
    "actual",
    "candidates",
    *_SOURCE_FIELDS,
)
"""The keys of a finding record, in order (``candidates`` joined with ``"; "``)."""

_PANDAS_MISSING = "{name} needs pandas, which is not installed: pip install 'goiar[pandas]'"

Record = dict[str, Any]


def _source_fields(source: Source | None) -> Record:
    if source is None:
        return dict.fromkeys(_SOURCE_FIELDS)
    return {
        "source_line": source.line,
        "source_offset": source.offset,
        "source_table": source.table,
        "source_row": source.row,
        "source_column": source.column,
        "source_path": source.path,
    }


def _cell(report: Report, version: Template, table: str, labels: tuple[str, str, str, str], figure: Figure) -> Record:
    row, row_label, column, column_label = labels
    record: Record = {
        "organ": report.meta.organ,
        "year": report.meta.year,
        "template": version.value,
        "table": table,
        "row": row,
        "row_label": row_label,
        "column": column,
        "column_label": column_label,
        "key": f"{table}.{row}.{column}",
        "value": figure.value,
        "state": figure.state.value,
        "raw": figure.raw,
        "obtained": figure.obtained.value,
        "identity": figure.identity,
        "unit": figure.unit,
    }
    record.update(_source_fields(figure.source))
    return record


def _proactive_cells(report: Report, fallback: Template) -> Iterator[Record]:
    version = report.proactive.template if report.proactive is not None else fallback
    for item in proactive_items(version):
        row = None
        if report.proactive is not None:
            row = next((r for r in report.proactive.rows if r.key == item.key), None)
        for field in item.fields:
            figure = row[field.key] if row is not None and field.key in row.fields else Figure.missing()
            yield _cell(report, version, "proactive", (item.key, item.label, field.key, field.label), figure)


def _request_cells(report: Report, fallback: Template) -> Iterator[Record]:
    version = report.requests.template if report.requests is not None else fallback
    column_labels = dict(REQUEST_COLUMN_LABELS)
    for spec in request_rows(version):
        row = None
        if report.requests is not None:
            row = next((r for r in report.requests.rows if r.key == spec.key), None)
        for column in REQUEST_COLUMNS:
            figure = row[column] if row is not None else Figure.missing()
            yield _cell(report, version, "requests", (spec.key, spec.label, column, column_labels[column]), figure)


def _appeal_cells(report: Report, version: Template) -> Iterator[Record]:
    group_labels = dict(APPEAL_GROUP_LABELS)
    for group in APPEAL_GROUPS:
        for column, column_label in APPEAL_COLUMN_LABELS:
            figure = getattr(report.appeals, group)[column] if report.appeals is not None else Figure.missing()
            yield _cell(report, version, "appeals", (group, group_labels[group], column, column_label), figure)


def report_records(report: Report) -> list[Record]:
    """The cell records of one report, in canonical-key order (see :func:`to_records`).

    Example:
        >>> from goiar.testing import make_report
        >>> [r["key"] for r in report_records(make_report())][:2]
        ['proactive.regulations.issued', 'proactive.regulations.repealed']
    """
    fallback = report.meta.template or Template.V2021
    records = [*_proactive_cells(report, fallback), *_request_cells(report, fallback)]
    records.extend(_appeal_cells(report, report.requests.template if report.requests is not None else fallback))
    return records


def to_records(reports: Iterable[Report]) -> list[Record]:
    """One plain dict per table cell of every report (keys: :data:`CELL_FIELDS`).

    Each report gives exactly the cells of :func:`goiar.keys.canonical_keys` for its tables' versions,
    like :func:`goiar.flatten`: a table the report lacks gives a record per cell of its template with
    ``value`` None and ``state`` ``"missing"``.  Table 四 has no version of its own; its records carry
    the version of table 三.

    Args:
        reports: Reports, e.g. from :func:`goiar.read`.

    Returns:
        The records, report after report, in canonical-key order.

    Example:
        >>> from decimal import Decimal
        >>> from goiar.testing import make_report
        >>> records = to_records([make_report({"proactive.fees.amount": Decimal("1.25")})])
        >>> len(records)
        200
        >>> fee = next(r for r in records if r["key"] == "proactive.fees.amount")
        >>> fee["row_label"], fee["column_label"], fee["value"], fee["source_table"]
        ('行政事业性收费', '本年收费金额（单位：万元）', Decimal('1.25'), 0)
    """
    records: list[Record] = []
    for report in reports:
        records.extend(report_records(report))
    return records


def findings_to_records(findings: Iterable[Finding], report: Report | None = None) -> list[Record]:
    """One plain dict per finding (keys: :data:`FINDING_FIELDS`).

    Args:
        findings: Findings, e.g. from :func:`goiar.validate`.
        report: The report they are about: fills ``organ`` and ``year`` (None otherwise).

    Returns:
        The records, in the order of ``findings``.

    Example:
        >>> from goiar.model import Finding, Severity
        >>> finding = Finding(rule="cell.ambiguous", severity=Severity.ERROR, path="proactive.licensing.decisions",
        ...                   message="…", candidates=("12", "123"))
        >>> record = findings_to_records([finding])[0]
        >>> record["rule"], record["severity"], record["candidates"], record["organ"]
        ('cell.ambiguous', 'error', '12; 123', None)
    """
    organ = report.meta.organ if report is not None else None
    year = report.meta.year if report is not None else None
    records: list[Record] = []
    for finding in findings:
        record: Record = {
            "organ": organ,
            "year": year,
            "rule": finding.rule,
            "severity": finding.severity.value,
            "path": finding.path,
            "message": finding.message,
            "expected": finding.expected,
            "actual": finding.actual,
            "candidates": "; ".join(finding.candidates) if finding.candidates else None,
        }
        record.update(_source_fields(finding.source))
        records.append(record)
    return records


_OBJECT_COLUMNS = frozenset({"value", "expected", "actual"})
_INTEGER_COLUMNS = frozenset({"year", "source_line", "source_offset", "source_table", "source_row", "source_column"})


def _frame(name: str, records: list[Record], columns: tuple[str, ...]) -> pd.DataFrame:
    try:
        pandas: Any = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(_PANDAS_MISSING.format(name=name)) from exc
    data: dict[str, Any] = {}
    for column in columns:
        values = [record[column] for record in records]
        if column in _OBJECT_COLUMNS:
            data[column] = pandas.Series(values, dtype=object)
        elif column in _INTEGER_COLUMNS:
            data[column] = pandas.Series(values, dtype="Int64")
        else:
            data[column] = pandas.Series(values, dtype=object if not values else None)
    return pandas.DataFrame(data, columns=list(columns))


def to_pandas(reports: Iterable[Report]) -> pd.DataFrame:
    """A :class:`pandas.DataFrame` of :func:`to_records` (one row per cell, columns :data:`CELL_FIELDS`).

    ``value`` is an object column of ``int``/:class:`~decimal.Decimal`/None, exactly as read (no float,
    no NaN); ``year`` and the ``source_*`` columns are nullable integers (``Int64``).  For arithmetic in
    floats use ``pandas.to_numeric(df["value"])``.

    Raises:
        ImportError: pandas is not installed (install the ``goiar[pandas]`` extra).

    Example:
        >>> from goiar.testing import make_report
        >>> df = to_pandas([make_report({"requests.granted.natural_person": 2})])
        >>> df.shape, df.set_index("key").loc["requests.granted.natural_person", "value"]
        ((200, 21), 2)
        >>> str(df["value"].dtype), str(df["year"].dtype)
        ('object', 'Int64')
    """
    return _frame("goiar.records.to_pandas", to_records(reports), CELL_FIELDS)


def findings_to_pandas(findings: Iterable[Finding], report: Report | None = None) -> pd.DataFrame:
    """A :class:`pandas.DataFrame` of :func:`findings_to_records` (columns :data:`FINDING_FIELDS`).

    Raises:
        ImportError: pandas is not installed (install the ``goiar[pandas]`` extra).

    Example:
        >>> findings_to_pandas([]).columns[:4].tolist()
        ['organ', 'year', 'rule', 'severity']
    """
    return _frame("goiar.records.findings_to_pandas", findings_to_records(findings, report), FINDING_FIELDS)
