"""One cell per line: each table cell on its own tab-indented line, rows separated by blank lines.

This is what copying a Word table gives (seed shapes 001 and 002).  A line without the leading tab
directly after a cell line continues that cell (labels broken over lines).

Example:
    >>> text = "二、主动公开政府信息情况\\n\\t规章\\n\\t0\\n\\t0\\n\\n\\t行政\\n许可\\n\\t3\\n"
    >>> grid = CellLinesReader().read(text).grids()[0]
    >>> [[c.text for c in row] for row in grid.rows]
    [['规章', '0', '0'], ['行政\\n许可', '3']]
"""

from __future__ import annotations

import attrs

from goiar.blocks import Block, Blocks, Grid, Paragraph, RawCell
from goiar.model import construct
from goiar.model.figure import Source
from goiar.readers._lines import CellPool, iter_lines
from goiar.tables.parts import find_heading

__all__ = ["CellLinesReader"]


class CellLinesReader:
    """Reader for one-cell-per-line text."""

    name = "cell-lines"

    def sniff(self, text: str) -> float:
        """High when many lines are a single tab-indented cell."""
        single = inner = 0
        for _, _, line in iter_lines(text[:200_000]):
            if line.startswith("\t") and "\t" not in line[1:].rstrip("\t"):
                single += 1
            elif "\t" in line.strip("\t"):
                inner += 1
        if single < 20:
            return 0.0
        return 0.9 if single > 3 * inner else 0.3

    def read(self, text: str) -> Blocks:
        """Split text into paragraphs and grids of one-cell-per-line rows."""
        items: list[Block] = []
        rows: list[tuple[RawCell, ...]] = []
        row: list[RawCell] = []
        starts: list[tuple[tuple[int, int], ...]] = []
        row_starts: list[tuple[int, int]] = []
        tables = 0
        last_was_cell = False
        cells = CellPool()

        def end_row() -> None:
            nonlocal row, row_starts
            if row:
                rows.append(tuple(row))
                starts.append(tuple(row_starts))
                row, row_starts = [], []

        def end_grid() -> None:
            nonlocal rows, starts, tables
            end_row()
            if rows:
                places = _CellPlaces(table=tables, starts=tuple(starts))
                items.append(Grid(rows=tuple(rows), source=places.locate(0, 0), locate=places.locate))
                rows, starts = [], []
                tables += 1

        for number, offset, line in iter_lines(text):
            if line.startswith("\t"):
                row.append(cells.cell(line[1:]))
                row_starts.append((number, offset + 1))
                last_was_cell = True
            elif not line.strip():
                end_row()
                last_was_cell = False
            elif last_was_cell and row and find_heading(line) is None:
                row[-1] = row[-1]._replace(text=row[-1].text + "\n" + line)
            else:
                end_grid()
                items.append(
                    Paragraph(text=line.strip(), source=construct.source(number, offset, None, None, None, None))
                )
                last_was_cell = False
        end_grid()
        return Blocks(items=tuple(items), reader=self.name)


@attrs.frozen
class _CellPlaces:
    """Where the cells of one grid are: the line and offset of every cell."""

    table: int
    starts: tuple[tuple[tuple[int, int], ...], ...]

    def locate(self, row: int, column: int) -> Source:
        line, offset = self.starts[row][column]
        return construct.source(line, offset, self.table, row, column, None)
