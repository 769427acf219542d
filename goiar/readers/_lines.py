"""Line iteration shared by the text readers: (1-based line number, offset, line without newline)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from goiar.blocks import RawCell

__all__ = ["CellPool", "iter_lines"]


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(line number, offset of the line, line)`` for ``\\n``, ``\\r\\n`` and ``\\r`` endings.

    Example:
        >>> list(iter_lines("a\\r\\nb"))
        [(1, 0, 'a'), (2, 3, 'b')]
    """
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        yield number, offset, line.rstrip("\r\n")
        offset += len(line)


class CellPool:
    """Source-less cells, one shared :class:`RawCell` per distinct text.

    Cells without a source are plain values, and a report repeats few texts (``0``, blanks, labels),
    so one reading keeps one object per text instead of one per cell.  Make one pool per reading:
    nothing is shared between readings.

    Example:
        >>> pool = CellPool()
        >>> pool.cell("0") is pool.cell("0"), pool.cell("0").text
        (True, '0')
        >>> [cell.text for cell in pool.row(["规章", "0", "0"])], pool.row(["0"])[0] is pool.cell("0")
        (['规章', '0', '0'], True)
    """

    __slots__ = ("copies", "known")

    def __init__(self) -> None:
        self.known: Mapping[str, RawCell] = _Cells(spanned=False)
        """The cells by text: looking up a text not seen yet makes its cell."""
        self.copies: Mapping[str, RawCell] = _Cells(spanned=True)
        """The same for the copies of merged cells (``spanned``)."""

    def cell(self, text: str, spanned: bool = False) -> RawCell:
        """The cell holding ``text`` (``spanned``: a copy of a merged cell)."""
        return (self.copies if spanned else self.known)[text]

    def row(self, texts: Iterable[str]) -> tuple[RawCell, ...]:
        """The cells holding ``texts``, in order (a row of a tab grid)."""
        known = self.known
        return tuple([known[text] for text in texts])


class _Cells(dict[str, RawCell]):
    """The cells made so far, by text; a missing one is made (``__missing__``) and kept."""

    __slots__ = ("spanned",)

    def __init__(self, *, spanned: bool) -> None:
        super().__init__()
        self.spanned = spanned

    def __missing__(self, text: str) -> RawCell:
        cell: RawCell = tuple.__new__(RawCell, (text, None, self.spanned))  # RawCell(text, None, spanned)
        self[text] = cell
        return cell
