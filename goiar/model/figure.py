"""Figures: one table cell's value together with where it came from and how it was obtained.

A :class:`Figure` is the unit of honesty in goiar: it never holds a guessed number.  ``value`` is
``None`` whenever the document gives no readable value, and ``obtained`` says whether a value was read
as written or inferred from the template's identities (and ``identity`` names which one).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

import attrs

__all__ = ["CellState", "Figure", "Number", "Obtained", "Source"]

Number = int | Decimal
"""A table value: ``int`` for counts, :class:`~decimal.Decimal` for money."""


class CellState(StrEnum):
    """What the document shows in a cell."""

    NUMBER = "number"
    """A non-zero number."""
    ZERO = "zero"
    """The number 0 written out."""
    BLANK = "blank"
    """An empty cell: may mean 0 or "not filled"."""
    DASH = "dash"
    """A placeholder such as ``-``, ``—`` or ``/``."""
    UNREADABLE = "unreadable"
    """Text that is not a number (or several readings that the identities do not settle)."""
    MISSING = "missing"
    """The template has the cell but the document does not (lost at a page break, row absent)."""


class Obtained(StrEnum):
    """How a value was obtained."""

    READ = "read"
    """Read as written in the document."""
    INFERRED = "inferred"
    """Recovered because the template's identities force exactly one value."""


@attrs.frozen(kw_only=True)
class Source:
    """Where a cell or text came from.

    Text readers fill ``line`` (1-based) and ``offset`` (0-based character offset into the decoded
    text); table readers add ``table``/``row``/``column`` (0-based, in the reader's grid); the HTML
    reader adds ``path`` (an XPath to the element).

    Example:
        >>> Source(line=12, offset=340).describe()
        'line 12'
    """

    line: int | None = None
    offset: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    path: str | None = None

    def shifted(self, by: int) -> Source:
        """The same place moved ``by`` characters further into the text (itself when it has no offset).

        Example:
            >>> Source(line=3, offset=40).shifted(5)
            Source(line=3, offset=45, table=None, row=None, column=None, path=None)
        """
        if not by or self.offset is None:
            return self
        return Source(
            line=self.line, offset=self.offset + by, table=self.table, row=self.row, column=self.column, path=self.path
        )

    def describe(self) -> str:
        """Return a short human description such as ``'line 12'`` or ``'table 2, row 3, column 4'``."""
        parts: list[str] = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.table is not None:
            parts.append(f"table {self.table + 1}")
        if self.row is not None:
            parts.append(f"row {self.row + 1}")
        if self.column is not None:
            parts.append(f"column {self.column + 1}")
        if not parts and self.path:
            parts.append(self.path)
        return ", ".join(parts) or "unknown"


@attrs.frozen(kw_only=True)
class Figure:
    """One cell of an official table.

    Example:
        >>> f = Figure(value=4, state=CellState.NUMBER, raw="4")
        >>> f.value, f.obtained.value, f.is_known
        (4, 'read', True)
    """

    value: Number | None
    """The number, or ``None`` when the document gives no readable value."""
    state: CellState
    """What the document shows in the cell."""
    raw: str | None = None
    """The cell's text as written (``"4000004"`` for a run-together cell, ``"251000元"``)."""
    source: Source | None = None
    """Where the text came from."""
    obtained: Obtained = Obtained.READ
    """Read as written, or inferred from the identities."""
    identity: str | None = None
    """For inferred values: the identity (or identities) that force it, e.g. ``"T3-B requests.total"``."""
    unit: str | None = None
    """A unit written in the cell or its header (``"元"``, ``"万元"``)."""

    @property
    def is_known(self) -> bool:
        """True when the cell has a value (read or inferred)."""
        return self.value is not None

    @classmethod
    def missing(cls, source: Source | None = None) -> Figure:
        """A cell the template has and the document does not.

        Example:
            >>> Figure.missing().state.value
            'missing'
        """
        return cls(value=None, state=CellState.MISSING, source=source)
