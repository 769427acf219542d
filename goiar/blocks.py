"""Blocks: the format-neutral output of every reader.

A reader turns a document into :class:`Blocks`: an ordered tuple of :class:`Paragraph`,
:class:`Heading` and :class:`Grid` items holding *raw strings only*.  Readers know nothing about the
report template; everything after this point (parts, labels, numbers, identities) works on blocks,
so adding a format never touches report logic.

Grids are already *expanded*: an HTML cell with ``rowspan``/``colspan`` appears in every grid position
it covers, and every copy except the top-left one has ``spanned=True`` (table logic skips those, so a
merged number is never counted twice).

Example:
    >>> from goiar.model.figure import Source
    >>> cell = RawCell(text="4", source=Source(line=3))
    >>> grid = Grid(rows=((RawCell(text="规章"), cell),))
    >>> Blocks(items=(Paragraph(text="二、主动公开政府信息情况"), grid), reader="demo").grids()[0].rows[0][1].text
    '4'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import attrs

from goiar.model.figure import Source

__all__ = ["Block", "Blocks", "Grid", "Heading", "Locate", "Paragraph", "RawCell"]


class RawCell(NamedTuple):
    """One grid cell's text, exactly as the reader found it (whitespace and debris included).

    A named tuple rather than an attrs class: a page holds hundreds of cells and readers make one per
    cell, so it must be cheap to build.  ``source`` may be left None when the grid's ``locate`` can
    compute it on demand.

    Example:
        >>> RawCell(text="4").spanned, RawCell("4", None, True).spanned
        (False, True)
    """

    text: str
    source: Source | None = None
    spanned: bool = False
    """True for the copies of a merged (rowspan/colspan) cell; the top-left copy is False."""


Locate = Callable[[int, int], Source | None]
"""``(row, column) -> Source``: how a grid builds a cell's source on demand."""


@attrs.frozen(kw_only=True)
class Grid:
    """A table: rows of raw cells (rows may have different lengths).

    A reader may leave the cells' ``source`` None and give ``locate`` instead: the source is then
    built only for the cells that need one (a value becomes a figure, a finding points at a label),
    which saves one object per cell on large inputs.

    Example:
        >>> grid = Grid(rows=((RawCell(text="规章"), RawCell(text="4")),), locate=lambda r, c: Source(row=r, column=c))
        >>> grid.source_at(0, 1)
        Source(line=None, offset=None, table=None, row=0, column=1, path=None)
    """

    rows: tuple[tuple[RawCell, ...], ...]
    source: Source | None = None
    locate: Locate | None = attrs.field(default=None, eq=False, repr=False)
    """Builds the source of a cell whose ``source`` is None (None: no such cell has one)."""

    def source_at(self, row: int, column: int) -> Source | None:
        """The source of cell ``(row, column)``: its own, or the one ``locate`` builds."""
        source = self.rows[row][column].source
        if source is None and self.locate is not None:
            return self.locate(row, column)
        return source


@attrs.frozen(kw_only=True)
class Paragraph:
    """A run of text outside tables (one line of a text file, one ``<p>`` of a page)."""

    text: str
    source: Source | None = None


@attrs.frozen(kw_only=True)
class Heading:
    """Text that the document itself marks as a heading (``<h1>``…``<h6>``); ``level`` 1–6."""

    text: str
    level: int = 1
    source: Source | None = None


Block = Paragraph | Heading | Grid
"""One item of :class:`Blocks`."""


@attrs.frozen(kw_only=True)
class Blocks:
    """A document as a reader saw it.

    ``fields`` holds page-chrome metadata pairs the reader found outside the report body, such as
    ``("发布日期", "2024-01-29")`` or ``("索引号", "…")``, in document order and as printed.
    ``encoding`` is the encoding a reader that decodes bytes used (None for text input).
    """

    items: tuple[Block, ...]
    reader: str
    fields: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None

    def grids(self) -> tuple[Grid, ...]:
        """All grids, in document order."""
        return tuple(item for item in self.items if isinstance(item, Grid))
