"""Tokens and segments: the common currency of every table, whatever the format.

Blocks are read as a stream of tokens: label text, single value cells (from grids) and runs of
digits (from running text, where cell boundaries are lost), with a break after every grid row and
paragraph.  Segments pair each stretch of label text with the values that follow it; the table
parsers match a segment's label to a template row.  A web page copied as text
(``规章000规范性文件898989…``) and a Word table come out as the same kind of segment stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import NamedTuple

import attrs
import regex

from goiar.blocks import Block, Grid, Heading, Locate, Paragraph
from goiar.model.figure import Source
from goiar.tables.numbers import is_value_text

__all__ = ["CellTok", "Origin", "RunTok", "Segment", "TextTok", "ValueTok", "segments", "tokenize_text"]


Origin = Source | tuple[Locate, int, int] | None
"""A token's origin: a source, a ``(locate, row, column)`` grid cell whose source is built when asked
(:attr:`goiar.blocks.Grid.locate`), or unknown."""


def _source(origin: Origin, shift: int) -> Source | None:
    source = origin if origin is None or isinstance(origin, Source) else origin[0](origin[1], origin[2])
    return source.shifted(shift) if shift and source is not None else source


class _Token(NamedTuple):
    """What every token holds: its text and where it starts."""

    text: str
    origin: Origin = None
    shift: int = 0
    """Characters from the origin's start to the token's."""

    @property
    def source(self) -> Source | None:
        """Where the token starts (built on demand)."""
        return _source(self.origin, self.shift)


class TextTok(_Token):
    """Label (or other) text."""

    __slots__ = ()


class CellTok(_Token):
    """One value cell of a grid: exactly one table cell (may be blank or a dash)."""

    __slots__ = ()

    @property
    def blank(self) -> bool:
        """True for an empty cell."""
        return not self.text.strip(" \t\r\n\u00a0\u3000")


class RunTok(_Token):
    """Digits from running text: one or more cells whose separators were lost."""

    __slots__ = ()

    @property
    def blank(self) -> bool:
        """Always False: a run holds digits."""
        return False


ValueTok = CellTok | RunTok

# ``Tok(text, origin, shift)`` without the named tuple's Python-level ``__new__`` (all it does is this):
# a report makes hundreds of tokens.
_tuple_new = tuple.__new__

# A number in running text; a unit may follow.  Possessive/atomic pieces keep it linear on long runs.
_NUM = regex.compile(r"[+-]?+\d++(?:\.\d++)?+(?:万元|元)?+")
_ITEM_MARK = regex.compile(r"\s*+[.、．]\s*+[\p{Han}“\"「]")
_DEBRIS = regex.compile(r"\[bookmark:[^\]]{0,200}\]", regex.IGNORECASE)
_DATE_UNIT = regex.compile(r"\s*+[年月日号]")


def tokenize_text(text: str, source: Origin = None) -> Iterator[TextTok | RunTok]:
    """Split running text into label text and digit runs.

    Digits that belong to labels stay text: item numbers (``2.其他法律…``, even when stuck to the
    previous row's digits as in ``00000002.其他``), dates (``2023年``) and ``本年(2023)`` headers.

    Example:
        >>> [(type(t).__name__, t.text) for t in tokenize_text("8.属于行政查询事项00000002.其他法律")]
        [('TextTok', '8.属于行政查询事项'), ('RunTok', '0000000'), ('TextTok', '2.其他法律')]
    """
    for is_run, piece, offset in _pieces(text):
        yield _tuple_new(RunTok, (piece, source, offset)) if is_run else _tuple_new(TextTok, (piece, source, offset))


@lru_cache(maxsize=8192)
def _pieces(text: str) -> tuple[tuple[bool, str, int], ...]:
    """``(is a digit run, text, offset)`` pieces of ``text`` (cached: labels repeat across reports)."""
    text = _DEBRIS.sub(lambda m: " " * len(m.group()), text)
    out: list[tuple[bool, str, int]] = []
    position = 0
    pending: list[str] = []
    for match in _NUM.finditer(text):
        start, end = match.span()
        number = match.group()
        after = text[end : end + 3]
        before = text[start - 1 : start] if start else ""
        if _DATE_UNIT.match(after) or (before in "(（" and before and after[:1] in ")）") or before == "第":
            continue
        if "." not in number and number[-1].isdigit() and _ITEM_MARK.match(after):
            # the last digit is an item number of the next label
            if len(number.lstrip("+-")) == 1:
                continue
            end -= 1
            number = number[:-1]
        gap = text[position:start]
        if gap.strip():
            pending.append(gap)
        if pending:
            out.append((False, "".join(pending), position))
            pending = []
        out.append((True, number, start))
        position = end
    if position < len(text):
        pending.append(text[position:])
    if pending and "".join(pending).strip():
        out.append((False, "".join(pending), position))
    return tuple(out)


@attrs.frozen
class Segment:
    """A stretch of label text and the values that follow it."""

    label: str
    values: tuple[ValueTok, ...]
    head: TextTok | CellTok | RunTok | None = None
    """The segment's first token (its source is the segment's)."""

    @property
    def source(self) -> Source | None:
        """Where the segment starts."""
        return self.head.source if self.head is not None else None

    @cached_property
    def all_blank(self) -> bool:
        """True when every value is an empty cell (a header filler or an unfilled row)."""
        return all(type(v) is CellTok and v.blank for v in self.values)


def segments(blocks: Iterable[Block]) -> list[Segment]:
    """Pair label text with the values after it, over the blocks' text and grid cells.

    Grid cells that read as values become :class:`CellTok`; other text is split by
    :func:`tokenize_text` into label text and digit runs.  A segment ends at label text after values,
    or at the end of a grid row or paragraph after values.  Label text without values carries over to
    the next segment (labels broken across rows or pages stay together).  Merged-cell copies
    (``spanned``) are skipped so a merged value is never counted twice.

    Example:
        >>> from goiar.blocks import Grid, Paragraph, RawCell
        >>> rows = [["规章", "3", "0"], ["行政"], ["许可", "2"]]
        >>> grid = Grid(rows=tuple(tuple(RawCell(text) for text in row) for row in rows))
        >>> [(s.label, [v.text for v in s.values]) for s in segments([Paragraph(text="新收申请数量 12"), grid])]
        [('新收申请数量 ', ['12']), ('规章', ['3', '0']), ('行政许可', ['2'])]
    """
    found: list[Segment] = []
    label: list[str] = []
    values: list[ValueTok] = []
    head: TextTok | CellTok | RunTok | None = None

    def end() -> None:
        nonlocal label, values, head
        if values:
            found.append(Segment("".join(label), tuple(values), head))
            label, values, head = [], [], None

    def add_text(text: str, origin: Origin) -> None:
        nonlocal head
        for token in tokenize_text(text, origin):
            if isinstance(token, TextTok):
                end()
                label.append(token.text)
            else:
                values.append(token)
            if head is None:
                head = token

    for block in blocks:
        if isinstance(block, Grid):
            locate = block.locate
            for r, row in enumerate(block.rows):
                for c, (text, source, spanned) in enumerate(row):
                    if spanned:
                        continue
                    origin: Origin = source if source is not None or locate is None else (locate, r, c)
                    if is_value_text(text):
                        token = _tuple_new(CellTok, (text, origin, 0))
                        values.append(token)
                        if head is None:
                            head = token
                    else:
                        add_text(text, origin)
                end()
        elif isinstance(block, Paragraph | Heading):
            add_text(block.text, block.source)
            end()
    return found
