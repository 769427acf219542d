"""Canonical keys (SPEC §3) and the mapping between them and the model.

Example:
    >>> from goiar.model.version import Template
    >>> keys = canonical_keys(Template.V2021, Template.V2021)
    >>> len(keys), keys[0], keys[-1]
    (200, 'proactive.regulations.issued', 'appeals.litigation_after_reconsideration.total')
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS
from goiar.model.figure import Figure
from goiar.model.report import Report
from goiar.model.requests import REQUEST_COLUMNS
from goiar.model.version import Template
from goiar.template.proactive import proactive_items
from goiar.template.requests import request_rows

__all__ = ["canonical_keys", "figures", "flatten", "proactive_keys", "request_keys"]

DEFAULT_TEMPLATE = Template.V2021


def proactive_keys(version: Template) -> tuple[str, ...]:
    """Canonical keys of table 二 in ``version``."""
    return tuple(f"proactive.{item.key}.{field.key}" for item in proactive_items(version) for field in item.fields)


def request_keys(version: Template) -> tuple[str, ...]:
    """Canonical keys of table 三 in ``version``."""
    return tuple(f"requests.{row.key}.{column}" for row in request_rows(version) for column in REQUEST_COLUMNS)


def appeal_keys() -> tuple[str, ...]:
    """Canonical keys of table 四."""
    return tuple(f"appeals.{group}.{column}" for group in APPEAL_GROUPS for column in APPEAL_COLUMNS)


def canonical_keys(proactive: Template, requests: Template) -> tuple[str, ...]:
    """All canonical keys of a report whose tables 二 and 三 are in the given versions."""
    return proactive_keys(proactive) + request_keys(requests) + appeal_keys()


def figures(report: Report) -> Iterator[tuple[str, Figure]]:
    """``(canonical key, figure)`` for every cell the report's tables hold, in canonical order."""
    if report.proactive is not None:
        for row in report.proactive.rows:
            for field, figure in row.items():
                yield f"proactive.{row.key}.{field}", figure
    if report.requests is not None:
        for request_row in report.requests.rows:
            for column, figure in request_row.figures():
                yield f"requests.{request_row.key}.{column}", figure
    if report.appeals is not None:
        for group in report.appeals.groups():
            for column, figure in group.figures():
                yield f"appeals.{group.key}.{column}", figure


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
