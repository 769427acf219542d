"""The three tables of the model built from one figure per canonical key, in the template's order.

Writers of whole tables (the test builders, :func:`goiar.aggregate.aggregate`) give a function
``cell(key, table, row, column) -> Figure`` and get the rows of the template version they ask for;
cells are asked for in canonical order (row by row, column by column), so findings a ``cell``
function records come out in that order too.  ``table``/``row``/``column`` are the cell's position in
the official layout (0-based; table 二 is 0, 三 is 1, 四 is 2, and table 四 is one row of 15 cells).

Example:
    >>> from goiar.model.figure import CellState
    >>> zero = lambda key, table, row, column: Figure(value=0, state=CellState.ZERO)
    >>> requests_table(Template.V2021, zero).row("granted").total.value
    0
"""

from __future__ import annotations

from collections.abc import Callable

from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS, AppealGroup, Appeals
from goiar.model.figure import Figure
from goiar.model.proactive import Proactive, ProactiveRow
from goiar.model.requests import REQUEST_COLUMNS, RequestRow, Requests
from goiar.model.version import Template
from goiar.template.proactive import proactive_items
from goiar.template.requests import request_rows

__all__ = ["CellOf", "appeals_table", "proactive_table", "requests_table"]

CellOf = Callable[[str, int, int, int], Figure]
"""``(canonical key, table, row, column) -> Figure``."""


def proactive_table(version: Template, cell: CellOf, *, printed: bool = False) -> Proactive:
    """Table 二 in ``version`` (``printed``: each row's printed label is its official label)."""
    return Proactive(
        template=version,
        rows=tuple(
            ProactiveRow(
                key=item.key,
                label=item.label,
                fields=tuple(field.key for field in item.fields),
                figures=tuple(
                    cell(f"proactive.{item.key}.{field.key}", 0, r, c) for c, field in enumerate(item.fields)
                ),
                printed=item.label if printed else None,
            )
            for r, item in enumerate(proactive_items(version))
        ),
    )


def requests_table(version: Template, cell: CellOf, *, printed: bool = False) -> Requests:
    """Table 三 in ``version`` (``printed``: each row's printed label is its official label)."""
    rows: list[RequestRow] = []
    for r, spec in enumerate(request_rows(version)):
        figures = [cell(f"requests.{spec.key}.{column}", 1, r, c) for c, column in enumerate(REQUEST_COLUMNS)]
        rows.append(
            RequestRow(
                key=spec.key,
                label=spec.label,
                printed=spec.label if printed else None,
                **dict(zip(REQUEST_COLUMNS, figures, strict=True)),
            )
        )
    return Requests(template=version, rows=tuple(rows))


def appeals_table(cell: CellOf) -> Appeals:
    """Table 四."""
    width = len(APPEAL_COLUMNS)
    groups = {
        group: AppealGroup(
            key=group,
            **{
                column: cell(f"appeals.{group}.{column}", 2, 0, g * width + c)
                for c, column in enumerate(APPEAL_COLUMNS)
            },
        )
        for g, group in enumerate(APPEAL_GROUPS)
    }
    return Appeals(**groups)
