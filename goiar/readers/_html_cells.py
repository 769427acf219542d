"""Grids for the HTML reader, built cheaply: a report page has hundreds of cells.

A cell is a plain :class:`~goiar.blocks.RawCell` (text and whether it is a span's copy), one shared
object per distinct pair in a grid (:class:`~goiar.readers._lines.CellPool`).  Its
:class:`~goiar.model.figure.Source` (table, row, column and the cell element's XPath) is built only
when asked for, by the grid's ``locate``: most cells are labels or never need one, and building a
source for every cell was the reader's largest cost.

Example:
    >>> grid = html_grid([{0: ("规章", "/t/tr[1]/td[1]", False), 2: ("规章", "/t/tr[1]/td[1]", True)}], 2, "/t")
    >>> [(cell.text, cell.spanned) for cell in grid.rows[0]]
    [('规章', False), ('', False), ('规章', True)]
    >>> grid.source_at(0, 2) == Source(table=2, row=0, column=2, path="/t/tr[1]/td[1]")
    True
    >>> grid.source_at(0, 1).path is None  # a hole: an empty cell no element holds
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Final

import attrs

from goiar.blocks import Grid
from goiar.model import construct
from goiar.model.figure import Source
from goiar.readers._lines import CellPool

__all__ = ["Position", "Row", "html_grid"]

Position = tuple[str, str, bool]
"""What a grid position holds: the cell's text, the cell's XPath and whether it is a span's copy."""
Row = dict[int, Position]
"""A grid row: its positions by column; a missing column is a hole (an empty cell without a path)."""

_HOLE: Final[tuple[str, None, bool]] = ("", None, False)


@attrs.frozen
class _HtmlPlaces:
    """Where the cells of one HTML grid are: the table's index and each position's XPath."""

    table: int
    rows: tuple[Row, ...]

    def locate(self, row: int, column: int) -> Source:
        return construct.source(None, None, self.table, row, column, self.rows[row].get(column, _HOLE)[1])


def html_grid(rows: Sequence[Row], table: int, path: str) -> Grid:
    """The grid of ``rows`` (the ``table``-th data table, at XPath ``path``), holes filled with empty cells."""
    pool = CellPool()
    known, copies = pool.known, pool.copies
    cells = tuple(
        [
            tuple(
                [
                    copies[text] if spanned else known[text]
                    for text, _, spanned in map(row.get, range(max(row) + 1), repeat(_HOLE))
                ]
            )
            for row in rows
        ]
    )
    places = _HtmlPlaces(table, tuple(rows))
    return Grid(rows=cells, source=Source(table=table, path=path), locate=places.locate)
