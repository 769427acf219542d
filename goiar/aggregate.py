"""Sums of reports: one report whose every cell is the sum of the same cell across several reports.

Summing is linear, so the template's identities (SPEC §4: row totals, column totals, the balance, the
appeal totals) hold for the sum whenever they hold for every input: :func:`goiar.validate` on an
aggregate finds only what was already wrong in an input.  An aggregate has no narrative parts; check it
with ``RuleSet.default().disable("structure.missing_section", "narrative", "meta")``.

Example:
    >>> from goiar.testing import make_report
    >>> a = make_report({"requests.granted.natural_person": 1, "requests.granted.total": 1})
    >>> b = make_report({"requests.granted.natural_person": 2, "requests.granted.total": 2})
    >>> total = aggregate([a, b], organ="示例县")
    >>> total.meta.organ, total.meta.year, total.requests.granted.total.value
    ('示例县', 2023, 3)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar, overload

from goiar.build.tables import CellOf, appeals_table, proactive_table, requests_table
from goiar.model.figure import CellState, Figure, Number, Obtained
from goiar.model.finding import Finding, Severity
from goiar.model.meta import Meta
from goiar.model.report import Report
from goiar.model.version import Template
from goiar.template.identities import label_of_key

__all__ = ["aggregate", "group_by"]

K = TypeVar("K", bound=Hashable)


def _name(report: Report, index: int) -> str:
    """How an input is named in messages: its organ (and year), or its position."""
    organ = report.meta.organ or f"第{index + 1}份报告"
    return f"{organ}（{report.meta.year}年）" if report.meta.year is not None else organ


def _version(reports: Sequence[Report], table: str, names: Sequence[str]) -> Template | None:
    """The one version of ``table`` among the reports that have it; ValueError when they differ."""
    versions: dict[Template, list[str]] = {}
    for report, name in zip(reports, names, strict=True):
        version = getattr(report, table).template if getattr(report, table) is not None else None
        if version is not None:
            versions.setdefault(version, []).append(name)
    if len(versions) > 1:
        detail = "; ".join(f"{version.value}: {', '.join(who)}" for version, who in versions.items())
        raise ValueError(f"cannot sum table {table!r} of different template versions ({detail}); use group_by")
    return next(iter(versions), None)


def _sum_figure(key: str, figures: Sequence[Figure | None], names: Sequence[str], out: list[Finding]) -> Figure:
    """The sum of one cell; MISSING (and a ``cell.missing`` finding) when any input lacks a value."""
    lacking = [name for figure, name in zip(figures, names, strict=True) if figure is None or figure.value is None]
    if lacking:
        out.append(
            Finding(
                rule="cell.missing",
                severity=Severity.ERROR,
                path=key,
                message=(
                    f"{_label(key)}：{len(names)}份报告中有{len(lacking)}份没有可读的数值"
                    f"（{'、'.join(lacking)}），合计未知"
                ),
            )
        )
        return Figure.missing()
    known = [figure for figure in figures if figure is not None]
    total: Number = sum((figure.value for figure in known if figure.value is not None), start=0)
    inferred = [
        f"{name}: {figure.identity or 'inferred'}"
        for figure, name in zip(known, names, strict=True)
        if figure.obtained is Obtained.INFERRED
    ]
    units = {figure.unit for figure in known}
    return Figure(
        value=total,
        state=CellState.ZERO if total == 0 else CellState.NUMBER,
        obtained=Obtained.INFERRED if inferred else Obtained.READ,
        identity="; ".join(inferred) or None,
        unit=units.pop() if len(units) == 1 else None,
    )


def _label(key: str) -> str:
    label = label_of_key(key)
    return f"「{key}」" if label == key else label


def _proactive_figure(report: Report, row_key: str, field: str) -> Figure | None:
    if report.proactive is None:
        return None
    for row in report.proactive.rows:
        if row.key == row_key and field in row.fields:
            return row[field]
    return None


def _request_figure(report: Report, row_key: str, column: str) -> Figure | None:
    if report.requests is None:
        return None
    for row in report.requests.rows:
        if row.key == row_key:
            return row[column]
    return None


def _appeal_figure(report: Report, group: str, column: str) -> Figure | None:
    if report.appeals is None:
        return None
    figure: Figure = getattr(report.appeals, group)[column]
    return figure


def aggregate(reports: Iterable[Report], *, organ: str) -> Report:
    """One report whose every cell is the sum of that cell over ``reports``.

    Tables 二 and 三 must each be of one template version across the inputs (a table an input lacks
    does not count); group reports with :func:`group_by` first when they are not.  A cell is None in the
    sum when any input gives no value for it, with a ``cell.missing`` finding naming those inputs; a sum
    involving an inferred value is marked inferred and names the inputs' identities.  The inputs'
    findings recorded while reading are carried over, each message prefixed by its input's organ.

    Args:
        reports: The reports to add up (at least one).
        organ: The name of the aggregate (``meta.organ``), e.g. a county for the sum of its townships.

    Returns:
        The aggregate.  Its ``meta.year`` is the inputs' year when they all agree (else None); it has no
        narrative parts, no publication date and no reader.

    Raises:
        ValueError: No reports, or a table of different template versions across them.

    Example:
        >>> from goiar.testing import make_report
        >>> a = make_report({"requests.granted.total": 1})
        >>> b = make_report({"requests.granted.total": None})
        >>> total = aggregate([a, b], organ="示例县")
        >>> total.requests.granted.total.value is None, [f.rule for f in total.findings]
        (True, ['cell.missing'])
        >>> print(total.findings[0].message)
        「（一）予以公开」 总计：2份报告中有1份没有可读的数值（示例县示例镇人民政府（2023年）），合计未知
    """
    inputs = list(reports)
    if not inputs:
        raise ValueError("aggregate needs at least one report")
    names = [_name(report, index) for index, report in enumerate(inputs)]
    found: list[Finding] = []
    proactive_version = _version(inputs, "proactive", names)
    requests_version = _version(inputs, "requests", names)

    def summed(of: Callable[[Report, str, str], Figure | None]) -> CellOf:
        """The cell maker summing the figure ``of(report, row key, column)`` over the inputs."""

        def cell(key: str, *_position: int) -> Figure:
            row, column = key.split(".", 1)[1].rsplit(".", 1)  # row keys may hold dots, columns do not
            return _sum_figure(key, [of(report, row, column) for report in inputs], names, found)

        return cell

    proactive = None
    if proactive_version is not None:
        proactive = proactive_table(proactive_version, summed(_proactive_figure))
    requests = None
    if requests_version is not None:
        requests = requests_table(requests_version, summed(_request_figure))
    appeals = None
    if any(report.appeals is not None for report in inputs):
        appeals = appeals_table(summed(_appeal_figure))

    carried = [
        Finding(
            rule=finding.rule,
            severity=finding.severity,
            path=finding.path,
            message=f"［{name}］{finding.message}",
            expected=finding.expected,
            actual=finding.actual,
            candidates=finding.candidates,
            source=finding.source,
        )
        for report, name in zip(inputs, names, strict=True)
        for finding in report.findings
    ]
    years = {report.meta.year for report in inputs}
    meta = Meta(organ=organ, year=years.pop() if len(years) == 1 else None, template=requests_version)
    return Report(
        meta=meta,
        proactive=proactive,
        requests=requests,
        appeals=appeals,
        findings=(*carried, *found),
    )


def _year(report: Report) -> int | None:
    return report.meta.year


@overload
def group_by(reports: Iterable[Report]) -> dict[int | None, list[Report]]: ...
@overload
def group_by(reports: Iterable[Report], key: Callable[[Report], K]) -> dict[K, list[Report]]: ...
def group_by(reports: Iterable[Report], key: Callable[[Report], Hashable] = _year) -> dict[Any, list[Report]]:
    """Reports grouped by ``key`` (default: the statistics year), groups and members in input order.

    Example:
        >>> import attrs
        >>> from goiar.testing import make_report
        >>> a = make_report()
        >>> b = attrs.evolve(a, meta=attrs.evolve(a.meta, year=2022))
        >>> {year: len(group) for year, group in group_by([a, b, a]).items()}
        {2023: 2, 2022: 1}
        >>> sorted(group_by([a], key=lambda r: r.meta.template.value))
        ['2021']
    """
    groups: dict[Hashable, list[Report]] = {}
    for report in reports:
        groups.setdefault(key(report), []).append(report)
    return groups
