"""Row readings: every way the values printed for one row can fill the template's cells.

A row's values may be damaged in three ways, and each yields several *candidate* vectors:

* **run together** — a digit run such as ``4000004`` or ``126031000157`` may hold several cells; it
  splits into pieces without leading zeros (``0`` alone is fine), a decimal point only in an amount
  cell;
* **lost** — fewer values than columns (cells lost at a page break): the lost cells are unknown and
  may sit anywhere;
* **stray** — more values than columns after dropping spurious empty cells: some value is not part
  of the row.

When the text admits exactly one vector the row is *definite*.  Otherwise :mod:`goiar.build.solve`
chooses with the template's identities.  Enumeration is bounded (``limit``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs
import regex

from goiar.model.figure import CellState, Number, Source
from goiar.tables.numbers import parse_cell
from goiar.tables.tokens import CellTok, RunTok, ValueTok
from goiar.template.proactive import FieldKind

__all__ = ["CellReading", "RowReading", "read_row"]

_RUN = regex.compile(r"([+-]?)(\d+)(\.\d+)?(万元|元)?")


class CellReading(NamedTuple):
    """One cell of one candidate vector (a named tuple: rows make hundreds of them per report)."""

    value: Number | None
    state: CellState
    raw: str | None = None
    source: Source | None = None
    unit: str | None = None
    origin: int | None = None
    """Index of the value token this cell was read from (None for a lost cell)."""
    exact: bool = True
    """True when the document's own boundaries give this cell (not a choice among splits)."""
    at: int = 0
    """Characters from the start of the value token to this cell's text (a piece of a digit run)."""

    def where(self) -> Source | None:
        """The source of this cell's own text (the token's source moved to the piece)."""
        return self.source.shifted(self.at) if self.source is not None else None


LOST = CellReading(None, CellState.MISSING, exact=False)
MAX_LEAVES = 50_000
MAX_NODES = 200_000
"""Bound on the whole walk (partial readings included), so no row costs more than ~a second."""
MAX_DAMAGE = 4
"""Rows with more lost or stray cells than this are not enumerated: their cells are unknown."""
MAX_RUN_DIGITS = 8
"""Enumeration budget per row; a row that exceeds it is reported ambiguous, never solved partially."""


@attrs.frozen
class RowReading:
    """The candidate vectors of one row."""

    candidates: tuple[tuple[CellReading, ...], ...]
    damage: tuple[str, ...] = ()
    """What was wrong with the row's text: ``"lost"``, ``"run"``, ``"stray"``."""
    limited: bool = False
    """True when enumeration stopped at the limit (the candidates are incomplete)."""
    relaxed: bool = False
    """True when no candidate passed the row filter and the unfiltered candidates are returned."""

    @property
    def definite(self) -> bool:
        """True when the text admits exactly one reading."""
        return len(self.candidates) == 1 and not self.damage


def missing_row(width: int) -> RowReading:
    """The reading of a row the document does not have."""
    return RowReading(candidates=((LOST,) * width,), damage=("absent",))


def _trim_blanks(values: Sequence[ValueTok], width: int) -> list[ValueTok]:
    """Drop empty cells beyond ``width``: trailing ones first, then leading ones, then from the left."""

    def is_blank(v: ValueTok) -> bool:
        return type(v) is CellTok and v.blank

    start, end = 0, len(values)
    while end - start > width and is_blank(values[end - 1]):
        end -= 1
    while end - start > width and is_blank(values[start]):
        start += 1
    excess = end - start - width
    if excess <= 0:
        return list(values[start:end])
    kept: list[ValueTok] = []
    for value in values[start:end]:
        if excess and is_blank(value):
            excess -= 1
        else:
            kept.append(value)
    return kept


def _definite(tokens: Sequence[ValueTok], kinds: Sequence[FieldKind]) -> tuple[CellReading, ...]:
    """The reading of a row printed as one cell per template cell (hot: most rows of most reports).

    The same as ``_cell`` on each token, with the named tuples made by ``tuple.__new__``.
    """
    cells = []
    for index, (token, kind) in enumerate(zip(tokens, kinds, strict=True)):
        parsed = parse_cell(token.text, kind)
        cells.append(
            _tuple_new(CellReading, (parsed.value, parsed.state, token.text, token.source, parsed.unit, index, True, 0))
        )
    return tuple(cells)


_tuple_new = tuple.__new__


def _cell(token: ValueTok, kind: FieldKind, origin: int, source: Source | None) -> CellReading:
    parsed = parse_cell(token.text, kind)
    return CellReading(parsed.value, parsed.state, token.text, source, parsed.unit, origin, exact=True)


def _splits(text: str, count: int, kinds: Sequence[FieldKind]) -> Iterator[tuple[str, ...]]:
    """Every way to cut the digit run ``text`` into ``count`` pieces valid for ``kinds``, lazily."""
    match = _RUN.fullmatch(unicodedata.normalize("NFKC", text))
    if match is None:
        if count == 1:
            yield (text,)
        return
    sign, digits, fraction, unit = match.groups()
    fraction = fraction or ""
    unit = unit or ""
    if len(digits) < count:
        return

    def valid(piece: str, kind: FieldKind, last: bool) -> bool:
        if len(piece) > 1 and piece[0] == "0":
            return False
        return not (last and fraction and kind is not FieldKind.AMOUNT)

    def walk(start: int, pieces: list[str]) -> Iterator[tuple[str, ...]]:
        index = len(pieces)
        if index == count - 1:
            piece = digits[start:]
            if valid(piece, kinds[index], last=True):
                yield (*pieces, piece)
            return
        for end in range(start + 1, len(digits) - (count - 1 - index) + 1):
            piece = digits[start:end]
            if not valid(piece, kinds[index], last=False):
                if piece[0] == "0":
                    break
                continue
            pieces.append(piece)
            yield from walk(end, pieces)
            pieces.pop()

    for split in walk(0, []):
        yield tuple(
            (sign if i == 0 else "") + piece + (fraction + unit if i == count - 1 else "")
            for i, piece in enumerate(split)
        )


def read_row(
    values: Sequence[ValueTok],
    kinds: Sequence[FieldKind],
    accept: Callable[[tuple[CellReading, ...]], bool] | None = None,
    limit: int = 4000,
) -> RowReading:
    """Every candidate vector for a row of ``len(kinds)`` cells printed as ``values``.

    ``accept`` filters candidates of a damaged row (the row's own identities); it never filters a
    definite row, whose printed values are kept even when they break an identity.

    Example:
        >>> from goiar.tables.tokens import RunTok
        >>> kinds = [FieldKind.COUNT] * 3
        >>> [tuple(c.value for c in v) for v in read_row([RunTok("000")], kinds).candidates]
        [(0, 0, 0)]
        >>> len(read_row([RunTok("1236158")], kinds).candidates)
        15
    """
    width = len(kinds)
    tokens = _trim_blanks(values, width)
    if len(tokens) == width and all(type(token) is CellTok for token in tokens):
        # one printed cell per template cell: the only reading (the common, undamaged row)
        return RowReading((_definite(tokens, kinds),))
    max_cells = [1 if isinstance(t, CellTok) else max(1, _digit_count(t.text)) for t in tokens]
    lost = max(0, width - sum(max_cells))
    stray = max(0, len(tokens) - width)
    damage: list[str] = []
    if lost:
        damage.append("lost")
    if stray:
        damage.append("stray")
    if any(isinstance(t, RunTok) and m > 1 for t, m in zip(tokens, max_cells, strict=True)) and (
        sum(max_cells) - stray != width or len(tokens) != width
    ):
        damage.append("run")
    exact_runs = not damage
    # A lost cell may also sit between two pieces of a digit run; those placements are not
    # enumerated, so such a row is declared incomplete rather than solved on a partial set.
    incomplete = bool(lost) and any(isinstance(t, RunTok) and m > 1 for t, m in zip(tokens, max_cells, strict=True))
    # beyond these sizes the readings are too many to list: the row is unknown, never guessed
    too_big = lost > MAX_DAMAGE or stray > MAX_DAMAGE or sum(max_cells) > width * MAX_RUN_DIGITS
    if too_big:
        return RowReading(((_unknown(tokens),) * width,), ("too many readings",), limited=True)
    sources = [token.source for token in tokens]
    made: dict[tuple[int, int, str, FieldKind, bool], CellReading] = {}  # a piece recurs in many splits
    raw: list[tuple[CellReading, ...]] = []
    kept: list[tuple[CellReading, ...]] = []
    leaves = 0
    limited = False
    suffix_min = [0] * (len(tokens) + 1)
    suffix_max = [0] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        suffix_min[i] = suffix_min[i + 1] + 1
        suffix_max[i] = suffix_max[i + 1] + max_cells[i]
    nodes = 0

    def leaf(vector: tuple[CellReading, ...]) -> None:
        nonlocal leaves, limited
        leaves += 1
        if len(raw) < limit:
            raw.append(vector)
        if accept is not None and accept(vector):
            kept.append(vector)
        if leaves >= MAX_LEAVES or len(kept) >= limit:
            limited = True

    def walk(index: int, cells: list[CellReading], lost_left: int, stray_left: int) -> None:
        nonlocal nodes, limited
        nodes += 1
        if nodes > MAX_NODES:
            limited = True
        if limited:
            return
        filled = len(cells)
        if index == len(tokens):
            if filled + lost_left == width:
                leaf(tuple(cells) + (LOST,) * lost_left)
            return
        if lost_left:
            cells.append(LOST)
            walk(index, cells, lost_left - 1, stray_left)
            cells.pop()
        if stray_left:
            walk(index + 1, cells, lost_left, stray_left - 1)
        token = tokens[index]
        if isinstance(token, CellTok):
            if filled < width:
                cells.append(_cell(token, kinds[filled], index, sources[index]))
                walk(index + 1, cells, lost_left, stray_left)
                cells.pop()
            return
        rest_min = suffix_min[index + 1] - stray_left
        for count in range(1, max_cells[index] + 1):
            if filled + count + max(0, rest_min) > width:
                break
            if filled + count + suffix_max[index + 1] + lost_left < width:
                continue  # even the longest splits of the rest could not fill the row
            for split in _splits(token.text, count, kinds[filled : filled + count]):
                exact = exact_runs or len(split) == 1
                pieces = []
                at = 0
                for i, text in enumerate(split):
                    key = (index, at, text, kinds[filled + i], exact)
                    piece = made.get(key)
                    if piece is None:
                        piece = made[key] = _piece(text, key[3], sources[index], index, exact=exact, at=at)
                    pieces.append(piece)
                    at += len(text)
                cells.extend(pieces)
                walk(index + 1, cells, lost_left, stray_left)
                del cells[len(cells) - len(pieces) :]
                if limited:
                    return

    walk(0, [], lost, stray)
    limited = limited or incomplete
    unique = _dedupe(raw)
    if not unique:
        # no reading fits the template (e.g. eight zeros for seven cells): the cells are unreadable
        return RowReading(((_unknown(tokens),) * width,), ("unreadable",))
    if len(unique) == 1 and damage == ["run"] and not limited:
        # a run whose split is forced by its digit count: read as written
        return RowReading((tuple(cell._replace(exact=True) for cell in unique[0]),))
    if accept is not None and (len(unique) > 1 or damage):
        if kept:
            return RowReading(tuple(_dedupe(kept)), tuple(damage), limited)
        return RowReading(tuple(unique), tuple(damage), limited, relaxed=True)
    return RowReading(tuple(unique), tuple(damage), limited)


def _unknown(tokens: Sequence[ValueTok]) -> CellReading:
    text = " ".join(t.text.strip() for t in tokens)[:80]
    return CellReading(None, CellState.UNREADABLE, raw=text or None, exact=False)


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in unicodedata.normalize("NFKC", text.split(".", maxsplit=1)[0]))


def _piece(text: str, kind: FieldKind, source: Source | None, origin: int, *, exact: bool, at: int) -> CellReading:
    parsed = parse_cell(text, kind)
    return CellReading(parsed.value, parsed.state, text, source, parsed.unit, origin, exact, at)


def _dedupe(candidates: list[tuple[CellReading, ...]]) -> list[tuple[CellReading, ...]]:
    seen: dict[tuple[object, ...], tuple[CellReading, ...]] = {}
    for vector in candidates:
        key = tuple((c.value, c.origin, c.raw, c.state) for c in vector)
        seen.setdefault(key, vector)
    return list(seen.values())


def values_of(vector: tuple[CellReading, ...]) -> tuple[Number | None, ...]:
    """The values of a candidate vector."""
    return tuple(cell.value for cell in vector)


_ = Decimal  # re-exported type used in annotations of callers
