"""Line iteration shared by the text readers: (1-based line number, offset, line without newline)."""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["iter_lines"]


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
