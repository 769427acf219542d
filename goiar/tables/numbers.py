"""Reading one cell's text as a number: states, units, dashes, signs, full-width digits."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import attrs
import regex

from goiar.model.figure import CellState, Number
from goiar.template.proactive import FieldKind

__all__ = ["DASHES", "ParsedCell", "is_value_text", "parse_cell"]

DASHES = frozenset({"-", "--", "—", "——", "–", "－", "―", "/", "／", "\\", "无", "空", "—-", "-—"})
"""Placeholder texts read as :attr:`CellState.DASH`."""

MAX_DIGITS = 18
"""Longer digit strings are not a count or an amount of any report (and would not fit a sane int)."""
_BLANKISH = regex.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_NUMBER = regex.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条|次)?")


@attrs.frozen
class ParsedCell:
    """The reading of one cell's text."""

    value: Number | None
    state: CellState
    unit: str | None = None


def _clean(text: str) -> str:
    return _BLANKISH.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)
def is_value_text(text: str) -> bool:
    """True when a cell's text is a value (number, blank or dash) rather than a label.

    Example:
        >>> [is_value_text(t) for t in ("4", "　0", "", "—", "251000元", "规章", "1. 属于国家秘密")]
        [True, True, True, True, True, False, False]
    """
    cleaned = _clean(text)
    return not cleaned or cleaned in DASHES or _NUMBER.fullmatch(cleaned) is not None


@lru_cache(maxsize=8192)
def parse_cell(text: str, kind: FieldKind = FieldKind.COUNT) -> ParsedCell:
    """Read a cell's text.

    Counts must be whole numbers; amounts become :class:`~decimal.Decimal`.  A minus sign is kept (the
    rules report negative counts); text that is not a number is ``UNREADABLE`` with value None.

    Example:
        >>> parse_cell("1,036").value, parse_cell("-8", FieldKind.SIGNED).value
        (1036, -8)
        >>> parse_cell("251000元", FieldKind.AMOUNT)
        ParsedCell(value=Decimal('251000'), state=<CellState.NUMBER: 'number'>, unit='元')
        >>> parse_cell("").state.value, parse_cell("—").state.value, parse_cell("若干").state.value
        ('blank', 'dash', 'unreadable')
    """
    cleaned = _clean(text)
    if not cleaned:
        return ParsedCell(None, CellState.BLANK)
    if cleaned in DASHES:
        return ParsedCell(None, CellState.DASH)
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        return ParsedCell(None, CellState.UNREADABLE)
    sign, whole, fraction, unit = match.groups()
    digits = whole.replace(",", "")
    if len(digits) > MAX_DIGITS:
        return ParsedCell(None, CellState.UNREADABLE, unit)
    value: Number
    if kind is FieldKind.AMOUNT:
        try:
            value = Decimal(f"{sign}{digits}{fraction or ''}")
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            return ParsedCell(None, CellState.UNREADABLE, unit)
    elif fraction and fraction.strip(".0"):
        return ParsedCell(None, CellState.UNREADABLE, unit)
    else:
        value = int(f"{sign}{digits}")
    return ParsedCell(value, CellState.ZERO if value == 0 else CellState.NUMBER, unit)
