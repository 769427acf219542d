"""A reader for reports whose tables are Markdown pipe tables.

A reader only splits the text into format-neutral blocks (paragraphs, headings, grids of raw cell
text); goiar's table stage places the rows by their labels, reads the numbers and checks them.
"""

from __future__ import annotations

import re

from goiar import Blocks, Grid, Heading, Paragraph, RawCell, Source

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner.removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in inner.split("|")]


class MarkdownTableReader:
    """Markdown: ``#`` headings, pipe tables (``| a | b |``), every other line a paragraph."""

    name = "markdown-table"

    def sniff(self, text: str) -> float:
        """Sure of itself only when the text has Markdown table separator lines (``|---|---|``)."""
        separators = sum(1 for line in text[:200_000].splitlines() if _SEPARATOR.match(line.strip()))
        return 0.95 if separators >= 2 else 0.0

    def read(self, text: str) -> Blocks:
        """Split the text into paragraphs, headings and one grid per pipe table."""
        items: list[Paragraph | Heading | Grid] = []
        rows: list[tuple[RawCell, ...]] = []
        offset = 0

        def close() -> None:
            if rows:
                items.append(Grid(rows=tuple(rows), source=rows[0][0].source))
                rows.clear()

        for number, line in enumerate(text.splitlines(keepends=True), start=1):
            stripped = line.strip()
            if _SEPARATOR.match(stripped):
                pass  # the |---|---| line under a table's first row
            elif stripped.startswith("|"):
                row = len(rows)
                rows.append(
                    tuple(
                        RawCell(text=cell, source=Source(line=number, offset=offset, row=row, column=column))
                        for column, cell in enumerate(_cells(stripped))
                    )
                )
            else:
                close()
                if stripped.startswith("#"):
                    level = len(stripped) - len(stripped.lstrip("#"))
                    items.append(Heading(text=stripped.lstrip("#").strip(), level=min(level, 6)))
                elif stripped:
                    items.append(Paragraph(text=stripped, source=Source(line=number, offset=offset)))
            offset += len(line)
        close()
        return Blocks(items=tuple(items), reader=self.name)
