"""Line iteration shared by the text readers: (1-based line number, offset, line without newline)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from goiar.blocks import RawCell

__all__ = ["interned_cells", "iter_lines"]


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


def interned_cells() -> Callable[[str], RawCell]:
    """A maker of source-less cells that returns one shared :class:`RawCell` per distinct text.

    Cells without a source are plain values, and a report repeats few texts (``0``, blanks, labels),
    so one reading keeps one object per text instead of one per cell.  Each call gives a fresh maker:
    nothing is shared between readings.

    Example:
        >>> cell = interned_cells()
        >>> cell("0") is cell("0"), cell("0").text
        (True, '0')
    """
    known: dict[str, RawCell] = {}

    def make(text: str) -> RawCell:
        found = known.get(text)
        if found is None:
            found = known[text] = RawCell(text)
        return found

    return make
