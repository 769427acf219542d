"""Named ratios over one report, each with its formula in canonical keys (SPEC §3).

Every metric returns a :class:`~decimal.Decimal` share between 0 and 1 (not a percentage), or None
when it cannot be computed honestly: a needed cell is unknown (None), or the denominator is zero (or,
for inconsistent tables, below zero).  A report with no applications has no disclosure rate, rather
than a rate of 100 % or NaN.  Values are exact decimal quotients (28 significant digits); round them
for display with :meth:`~decimal.Decimal.quantize`.

The metrics read the cells as the report gives them (:func:`goiar.flatten`): validate the report
first (:func:`goiar.validate`); a ratio of inconsistent tables is only as good as its cells.

Example:
    >>> from goiar.testing import make_report
    >>> report = make_report({
    ...     "requests.new_received.natural_person": 4, "requests.new_received.total": 4,
    ...     "requests.granted.natural_person": 3, "requests.granted.total": 3,
    ...     "requests.unavailable.not_held.natural_person": 1, "requests.unavailable.not_held.total": 1,
    ...     "requests.total.natural_person": 4, "requests.total.total": 4})
    >>> disclosure_rate(report), unavailable_share(report), carry_forward_share(report)
    (Decimal('0.75'), Decimal('0.25'), Decimal('0'))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType

from goiar.keys import flatten
from goiar.model.appeals import APPEAL_GROUPS
from goiar.model.report import Report
from goiar.model.version import Template
from goiar.template.identities import sum_known
from goiar.template.requests import request_rows

__all__ = [
    "METRICS",
    "carry_forward_share",
    "disclosure_rate",
    "disclosure_rate_with_partial",
    "disputes_per_100_applications",
    "litigation_correction_rate",
    "metrics",
    "not_processed_share",
    "reconsideration_correction_rate",
    "refusal_breakdown",
    "unavailable_share",
]

Values = Mapping[str, int | Decimal | None]
_LITIGATION = tuple(group for group in APPEAL_GROUPS if group.startswith("litigation"))


def _sum(values: Values, keys: tuple[str, ...]) -> Decimal | None:
    total = sum_known(values, keys)
    return None if total is None else Decimal(total)


def _ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def _share(values: Values, numerator: tuple[str, ...], denominator: tuple[str, ...]) -> Decimal | None:
    return _ratio(_sum(values, numerator), _sum(values, denominator))


def _row_totals(report: Report, prefix: str) -> tuple[str, ...]:
    """``requests.<row>.total`` of every row of table 三 whose key starts with ``prefix``."""
    version = report.requests.template if report.requests is not None else report.meta.template or Template.V2021
    return tuple(f"requests.{row.key}.total" for row in request_rows(version) if row.key.startswith(prefix))


def disclosure_rate(report: Report) -> Decimal | None:
    """予以公开 as a share of all applications handled.

    Formula: ``requests.granted.total / requests.total.total``.

    Example:
        >>> from goiar.testing import make_report
        >>> disclosure_rate(make_report({"requests.granted.total": 1, "requests.total.total": 4}))
        Decimal('0.25')
        >>> disclosure_rate(make_report()) is None  # no application handled: no rate
        True
    """
    return _share(flatten(report), ("requests.granted.total",), ("requests.total.total",))


def disclosure_rate_with_partial(report: Report) -> Decimal | None:
    """予以公开 plus 部分公开 as a share of all applications handled.

    Formula: ``(requests.granted.total + requests.partially_granted.total) / requests.total.total``.

    Example:
        >>> from goiar.testing import make_report
        >>> disclosure_rate_with_partial(make_report({"requests.granted.total": 1,
        ...     "requests.partially_granted.total": 1, "requests.total.total": 4}))
        Decimal('0.5')
    """
    return _share(
        flatten(report),
        ("requests.granted.total", "requests.partially_granted.total"),
        ("requests.total.total",),
    )


def refusal_breakdown(report: Report) -> dict[str, Decimal | None]:
    """Each of the eight 不予公开 reasons as a share of all applications handled.

    Formula, for each ``<reason>`` of ``denied.*`` (``denied.state_secret`` … ``denied.query_service``):
    ``requests.denied.<reason>.total / requests.total.total``.

    Returns:
        ``{row key: share or None}`` in template order, e.g. ``{"denied.state_secret": …, …}``.

    Example:
        >>> from goiar.testing import make_report
        >>> shares = refusal_breakdown(make_report({"requests.denied.third_party_rights.total": 1,
        ...                                         "requests.total.total": 2}))
        >>> len(shares), shares["denied.third_party_rights"], shares["denied.state_secret"]
        (8, Decimal('0.5'), Decimal('0'))
    """
    values = flatten(report)
    return {
        key.removeprefix("requests.").removesuffix(".total"): _share(values, (key,), ("requests.total.total",))
        for key in _row_totals(report, "denied.")
    }


def unavailable_share(report: Report) -> Decimal | None:
    """无法提供 (all three reasons) as a share of all applications handled.

    Formula: ``(requests.unavailable.not_held.total + requests.unavailable.needs_creation.total +
    requests.unavailable.unclear_after_correction.total) / requests.total.total``.

    Example:
        >>> from goiar.testing import make_report
        >>> unavailable_share(make_report({"requests.unavailable.not_held.total": 1,
        ...     "requests.unavailable.needs_creation.total": 1, "requests.total.total": 8}))
        Decimal('0.25')
    """
    return _share(flatten(report), _row_totals(report, "unavailable."), ("requests.total.total",))


def not_processed_share(report: Report) -> Decimal | None:
    """不予处理 (all five reasons) as a share of all applications handled.

    Formula: ``(requests.not_processed.complaint.total + … + requests.not_processed.confirmation.total)
    / requests.total.total``.

    Example:
        >>> from goiar.testing import make_report
        >>> not_processed_share(make_report({"requests.not_processed.repeated.total": 1,
        ...                                  "requests.total.total": 5}))
        Decimal('0.2')
    """
    return _share(flatten(report), _row_totals(report, "not_processed."), ("requests.total.total",))


def reconsideration_correction_rate(report: Report) -> Decimal | None:
    """The share of concluded 行政复议 cases whose result was corrected (结果纠正).

    Formula: ``appeals.reconsideration.corrected /
    (appeals.reconsideration.total - appeals.reconsideration.pending)``.

    Example:
        >>> from goiar.testing import make_report
        >>> reconsideration_correction_rate(make_report({"appeals.reconsideration.corrected": 1,
        ...     "appeals.reconsideration.pending": 2, "appeals.reconsideration.total": 6}))
        Decimal('0.25')
        >>> reconsideration_correction_rate(make_report({"appeals.reconsideration.pending": 2,
        ...     "appeals.reconsideration.total": 2})) is None  # nothing concluded yet
        True
    """
    return _correction_rate(flatten(report), ("reconsideration",))


def litigation_correction_rate(report: Report) -> Decimal | None:
    """The share of concluded 行政诉讼 cases (both groups) whose result was corrected.

    Formula: ``(appeals.litigation_direct.corrected + appeals.litigation_after_reconsideration.corrected)
    / (appeals.litigation_direct.total + appeals.litigation_after_reconsideration.total
    - appeals.litigation_direct.pending - appeals.litigation_after_reconsideration.pending)``.

    Example:
        >>> from goiar.testing import make_report
        >>> litigation_correction_rate(make_report({"appeals.litigation_direct.corrected": 1,
        ...     "appeals.litigation_direct.total": 2, "appeals.litigation_after_reconsideration.upheld": 2,
        ...     "appeals.litigation_after_reconsideration.total": 2}))
        Decimal('0.25')
    """
    return _correction_rate(flatten(report), _LITIGATION)


def _correction_rate(values: Values, groups: tuple[str, ...]) -> Decimal | None:
    corrected = _sum(values, tuple(f"appeals.{group}.corrected" for group in groups))
    total = _sum(values, tuple(f"appeals.{group}.total" for group in groups))
    pending = _sum(values, tuple(f"appeals.{group}.pending" for group in groups))
    concluded = None if total is None or pending is None else total - pending
    return _ratio(corrected, concluded)


def carry_forward_share(report: Report) -> Decimal | None:
    """The share of the year's caseload carried into next year (结转下年度继续办理).

    Formula: ``requests.carried_forward.total /
    (requests.new_received.total + requests.carried_over.total)``.

    Example:
        >>> from goiar.testing import make_report
        >>> carry_forward_share(make_report({"requests.new_received.total": 3,
        ...     "requests.carried_over.total": 1, "requests.carried_forward.total": 1}))
        Decimal('0.25')
    """
    return _share(
        flatten(report),
        ("requests.carried_forward.total",),
        ("requests.new_received.total", "requests.carried_over.total"),
    )


def disputes_per_100_applications(report: Report) -> Decimal | None:
    """行政复议 and 行政诉讼 cases per 100 new applications (a number, not a share).

    Formula: ``100 × (appeals.reconsideration.total + appeals.litigation_direct.total +
    appeals.litigation_after_reconsideration.total) / requests.new_received.total``.

    Example:
        >>> from goiar.testing import make_report
        >>> disputes_per_100_applications(make_report({"requests.new_received.total": 8,
        ...     "appeals.reconsideration.total": 1, "appeals.litigation_direct.total": 1}))
        Decimal('25')
    """
    values = flatten(report)
    disputes = _sum(values, tuple(f"appeals.{group}.total" for group in APPEAL_GROUPS))
    return _ratio(None if disputes is None else 100 * disputes, _sum(values, ("requests.new_received.total",)))


METRICS: Mapping[str, Callable[[Report], Decimal | None]] = MappingProxyType(
    {
        "disclosure_rate": disclosure_rate,
        "disclosure_rate_with_partial": disclosure_rate_with_partial,
        "unavailable_share": unavailable_share,
        "not_processed_share": not_processed_share,
        "reconsideration_correction_rate": reconsideration_correction_rate,
        "litigation_correction_rate": litigation_correction_rate,
        "carry_forward_share": carry_forward_share,
        "disputes_per_100_applications": disputes_per_100_applications,
    }
)
"""The single-valued metrics by name (read-only); :func:`refusal_breakdown` is the one that is a dict."""


def metrics(report: Report) -> dict[str, Decimal | None]:
    """Every metric of :data:`METRICS` for ``report``, e.g. one row of a table of many reports.

    Example:
        >>> from goiar.testing import make_report
        >>> values = metrics(make_report({"requests.granted.total": 1, "requests.total.total": 1}))
        >>> values["disclosure_rate"], values["reconsideration_correction_rate"]
        (Decimal('1'), None)
    """
    return {name: function(report) for name, function in METRICS.items()}
