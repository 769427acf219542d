"""Public protocols for plug-ins: what a reader must look like.

A reader is any object with a ``name``, a cheap ``sniff`` and a ``read`` returning format-neutral
:class:`~goiar.blocks.Blocks`; other packages register theirs under the ``goiar.readers``
entry-point group (see ``docs/plugins.md``).

Example:
    >>> from goiar.blocks import Blocks, Paragraph
    >>> class LinesReader:
    ...     name = "lines"
    ...     def sniff(self, text: str) -> float:
    ...         return 0.1
    ...     def read(self, text: str) -> Blocks:
    ...         return Blocks(items=tuple(Paragraph(text=t) for t in text.splitlines()), reader=self.name)
    >>> isinstance(LinesReader(), Reader)
    True
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from goiar.blocks import Blocks

__all__ = ["Reader"]


@runtime_checkable
class Reader(Protocol):
    """A document format goiar can read.

    ``sniff`` returns a score in ``[0, 1]`` (0: certainly not this format); it must be pure and cheap.
    ``read`` returns blocks and raises :class:`goiar.ReadError` only when nothing is usable.
    """

    @property
    def name(self) -> str:
        """Registry name, e.g. ``"tab"`` or ``"html"``."""
        ...

    def sniff(self, text: str) -> float:
        """How likely ``text`` is in this reader's format, in ``[0, 1]``."""
        ...

    def read(self, text: str) -> Blocks:
        """Split ``text`` into blocks."""
        ...
