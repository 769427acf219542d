"""Canonical keys (SPEC §3) and the mapping between them and the model.

Example:
    >>> from goiar.model.version import Template
    >>> keys = canonical_keys(Template.V2021, Template.V2021)
    >>> len(keys), keys[0], keys[-1]
    (200, 'proactive.regulations.issued', 'appeals.litigation_after_reconsideration.total')
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain

from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS
from goiar.model.figure import Figure
from goiar.model.report import Report
from goiar.model.requests import REQUEST_COLUMNS
from goiar.model.version import Template
from goiar.template.proactive import proactive_items
from goiar.template.requests import request_rows

__all__ = ["canonical_keys", "figures", "flatten", "proactive_keys", "request_keys"]

DEFAULT_TEMPLATE = Template.V2021


@functools.cache
def proactive_keys(version: Template) -> tuple[str, ...]:
    """Canonical keys of table 二 in ``version``."""
    return tuple(f"proactive.{item.key}.{field.key}" for item in proactive_items(version) for field in item.fields)


@functools.cache
def request_keys(version: Template) -> tuple[str, ...]:
    """Canonical keys of table 三 in ``version``."""
    return tuple(f"requests.{row.key}.{column}" for row in request_rows(version) for column in REQUEST_COLUMNS)


@functools.cache
def appeal_keys() -> tuple[str, ...]:
    """Canonical keys of table 四."""
    return tuple(f"appeals.{group}.{column}" for group in APPEAL_GROUPS for column in APPEAL_COLUMNS)


@functools.cache
def canonical_keys(proactive: Template, requests: Template) -> tuple[str, ...]:
    """All canonical keys of a report whose tables 二 and 三 are in the given versions."""
    return proactive_keys(proactive) + request_keys(requests) + appeal_keys()


_KEY = operator.attrgetter("key")
_PROACTIVE_SHAPE = operator.attrgetter("key", "fields")
_PROACTIVE_FIGURES = operator.attrgetter("figures")
_REQUEST_FIGURES = operator.attrgetter(*REQUEST_COLUMNS)
_APPEAL_FIGURES = operator.attrgetter(*APPEAL_COLUMNS)
# The keys of a whole table in template shape (rows and fields as in a template version), so that a table
# read from a report needs no string formatting; any other shape is spelt out cell by cell.
_PROACTIVE_KEYS_BY_SHAPE = {
    tuple((item.key, tuple(field.key for field in item.fields)) for item in proactive_items(version)): proactive_keys(
        version
    )
    for version in Template
}
_REQUEST_KEYS_BY_ROWS = {tuple(row.key for row in request_rows(version)): request_keys(version) for version in Template}


def _tables(report: Report) -> Iterator[tuple[str, tuple[str, ...], list[Figure]]]:
    """``(table, canonical keys, figures)`` for each table the report holds, in canonical order.

    What :func:`figures` walks, and what :attr:`goiar.model.Report.cells` and ``.values`` are built from.
    """
    if report.proactive is not None:
        rows = report.proactive.rows
        try:
            keys = _PROACTIVE_KEYS_BY_SHAPE.get(tuple(map(_PROACTIVE_SHAPE, rows)))
        except TypeError:  # fields not a tuple: not the template's shape
            keys = None
        if keys is None:
            keys = tuple(f"proactive.{row.key}.{field}" for row in rows for field in row.fields)
        yield "proactive", keys, list(chain.from_iterable(map(_PROACTIVE_FIGURES, rows)))
    if report.requests is not None:
        request_rows_ = report.requests.rows
        keys = _REQUEST_KEYS_BY_ROWS.get(tuple(map(_KEY, request_rows_)))
        if keys is None:
            keys = tuple(f"requests.{row.key}.{column}" for row in request_rows_ for column in REQUEST_COLUMNS)
        yield "requests", keys, list(chain.from_iterable(map(_REQUEST_FIGURES, request_rows_)))
    if report.appeals is not None:
        groups = report.appeals.groups()
        if tuple(map(_KEY, groups)) == APPEAL_GROUPS:
            keys = appeal_keys()
        else:
            keys = tuple(f"appeals.{group.key}.{column}" for group in groups for column in APPEAL_COLUMNS)
        yield "appeals", keys, list(chain.from_iterable(map(_APPEAL_FIGURES, groups)))


def figures(report: Report) -> Iterator[tuple[str, Figure]]:
    """``(canonical key, figure)`` for every cell the report's tables hold, in canonical order.

    Example:
        >>> from goiar.testing import make_report
        >>> pairs = list(figures(make_report({"appeals.reconsideration.total": 3})))
        >>> len(pairs), pairs[0][0], pairs[-1][0], dict(pairs)["appeals.reconsideration.total"].value
        (200, 'proactive.regulations.issued', 'appeals.litigation_after_reconsideration.total', 3)
    """
    for _, keys, cells in _tables(report):
        yield from zip(keys, cells, strict=True)


def flatten(report: Report) -> dict[str, int | Decimal | None]:
    """``{canonical key: value}`` with exactly the canonical keys of SPEC §3 for the report's versions.

    Every key of the template is present; a cell the document gives no readable value for is None
    (an absent table gives None for all its keys, in the report's template version).

    Example:
        >>> from goiar.model.meta import Meta
        >>> flat = flatten(Report(meta=Meta()))
        >>> flat["requests.total.total"] is None, "proactive.fees.amount" in flat
        (True, True)
    """
    fallback = report.meta.template or DEFAULT_TEMPLATE
    proactive_version = report.proactive.template if report.proactive is not None else fallback
    requests_version = report.requests.template if report.requests is not None else fallback
    flat: dict[str, int | Decimal | None] = dict.fromkeys(canonical_keys(proactive_version, requests_version))
    for key, figure in figures(report):
        if key in flat:
            flat[key] = figure.value
    return flat
