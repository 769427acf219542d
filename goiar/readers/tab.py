"""Tab-separated text: tables as lines of tab-separated cells (Word or PDF text exports).

Consecutive lines containing a tab form one grid (blank lines inside a table are skipped); every
other non-empty line is a paragraph.  Header rows spread over several lines, empty cells in the
middle of a row and cells lost at page breaks are left to the table stage.

Example:
    >>> blocks = TabReader().read("一、总体情况\\n规章\\t0\\t0\\t0\\n")
    >>> [type(b).__name__ for b in blocks.items], blocks.grids()[0].rows[0][1].text
    (['Paragraph', 'Grid'], '0')
"""

from __future__ import annotations

from itertools import accumulate

import attrs

from goiar.blocks import Block, Blocks, Grid, Paragraph, RawCell
from goiar.model import construct
from goiar.model.figure import Source
from goiar.readers._lines import CellPool, iter_lines

__all__ = ["TabReader"]


class TabReader:
    """Reader for tab-separated text (seed shapes 000 and 004)."""

    name = "tab"

    def sniff(self, text: str) -> float:
        """High when many lines hold cells separated by tabs *inside* the line."""
        inner = leading_only = 0
        for _, _, line in iter_lines(text[:200_000]):
            stripped = line.lstrip("\t")
            if "\t" in stripped.rstrip("\t"):
                inner += 1
            elif line.startswith("\t"):
                leading_only += 1
        if inner < 5:
            return 0.05 if inner else 0.0
        return 0.9 if inner >= leading_only else 0.4

    def read(self, text: str) -> Blocks:
        """Split text into paragraphs and tab grids."""
        items: list[Block] = []
        rows: list[tuple[RawCell, ...]] = []
        starts: list[tuple[int, int, str]] = []
        tables = 0
        cells = CellPool()

        def close() -> None:
            nonlocal rows, starts, tables
            if rows:
                places = _TabPlaces(table=tables, starts=tuple(starts))
                items.append(Grid(rows=tuple(rows), source=places.locate(0, 0), locate=places.locate))
                rows, starts = [], []
                tables += 1

        for number, offset, line in iter_lines(text):
            if "\t" in line:
                rows.append(cells.row(line.split("\t")))
                starts.append((number, offset, line))
            elif line.strip():
                close()
                items.append(
                    Paragraph(text=line.strip(), source=construct.source(number, offset, None, None, None, None))
                )
        close()
        return Blocks(items=tuple(items), reader=self.name)


@attrs.frozen
class _TabPlaces:
    """Where the cells of one tab grid are (a cell's offset follows from its line)."""

    table: int
    starts: tuple[tuple[int, int, str], ...]
    """Per row: line number, offset of the line, the line."""
    _offsets: dict[int, tuple[int, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    """The cell offsets of the rows located so far (one pass over a row's line, however wide)."""

    def locate(self, row: int, column: int) -> Source:
        offsets = self._offsets.get(row)
        if offsets is None:
            _, offset, line = self.starts[row]
            widths = [len(cell) + 1 for cell in line.split("\t")]
            offsets = self._offsets[row] = tuple(accumulate(widths, initial=offset))
        return construct.source(self.starts[row][0], offsets[column], self.table, row, column, None)
