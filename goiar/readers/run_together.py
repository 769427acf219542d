"""Web-page text: a page copied as text, table cells run together, page chrome around it.

Cells lost their separators (``一、本年新收政府信息公开申请数量4000004``) and whole reports may sit on
one line.  The reader restores the structure it can see for sure — a paragraph break before each of
the six part headings — and leaves digit runs to the table stage, which splits them into candidate
cells and lets the identities settle them.

Example:
    >>> blocks = RunTogetherReader().read("前言一、总体情况正文二、主动公开政府信息情况规章000")
    >>> [b.text for b in blocks.items]
    ['前言', '一、总体情况正文', '二、主动公开政府信息情况规章000']
"""

from __future__ import annotations

import regex

from goiar.blocks import Block, Blocks, Paragraph
from goiar.model.figure import Source
from goiar.readers._lines import iter_lines
from goiar.tables.parts import find_heading

__all__ = ["RunTogetherReader"]

_HEADING_START = regex.compile(r"[一二三四五六][、.．]")
_RUN = regex.compile(r"(?:数量|公开|秘密|信息|申请|事项|总计|制作|办理|出版物)\s*+\d{3,}")


class RunTogetherReader:
    """Reader for text copied from web pages (seed shape 003, archived text dumps)."""

    name = "run-together"

    def sniff(self, text: str) -> float:
        """Moderate for any text with report markers and label-digit runs; the fallback for text."""
        head = text[:300_000]
        if "\t" in head and head.count("\t") > 20:
            return 0.1
        score = 0.0
        if "政府信息公开" in head or "总体情况" in head:
            score = 0.4
        if _RUN.search(head):
            score = 0.6
        return score

    def read(self, text: str) -> Blocks:
        """Paragraphs per line, with extra breaks before part headings found inside lines."""
        items: list[Block] = []
        for number, offset, line in iter_lines(text):
            if not line.strip():
                continue
            last = 0
            pieces: list[tuple[int, str]] = []
            start = 0
            for match in _HEADING_START.finditer(line):
                found = find_heading(line[match.start() :], after=last)
                if found is None or match.start() == 0:
                    if found is not None:
                        last = found[0].number
                    continue
                pieces.append((start, line[start : match.start()]))
                start = match.start()
                last = found[0].number
            pieces.append((start, line[start:]))
            for position, piece in pieces:
                if piece.strip():
                    items.append(Paragraph(text=piece.strip(), source=Source(line=number, offset=offset + position)))
        return Blocks(items=tuple(items), reader=self.name)
