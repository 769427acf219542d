"""The reader registry: an immutable set of readers, entry-point discovery, and format sniffing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib.metadata import entry_points

import attrs

from goiar.errors import AmbiguousFormatError, RegistryError, UnknownFormatError
from goiar.protocols import Reader

__all__ = ["ENTRY_POINT_GROUP", "ReaderRegistry"]

ENTRY_POINT_GROUP = "goiar.readers"


def _builtin() -> tuple[Reader, ...]:
    from goiar.readers.cell_lines import CellLinesReader  # noqa: PLC0415 - avoid import cycles
    from goiar.readers.html import HtmlReader  # noqa: PLC0415
    from goiar.readers.run_together import RunTogetherReader  # noqa: PLC0415
    from goiar.readers.tab import TabReader  # noqa: PLC0415

    return (HtmlReader(), TabReader(), CellLinesReader(), RunTogetherReader())


@cache
def _discovered() -> tuple[Reader, ...]:
    """Readers from the ``goiar.readers`` entry-point group, loaded once, on first use."""
    found: list[Reader] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = point.load()
        except Exception as exc:
            raise RegistryError(f"reader plug-in {point.name!r} ({point.value}) failed to load: {exc}") from exc
        reader = loaded() if isinstance(loaded, type) else loaded
        if not isinstance(reader, Reader):
            raise RegistryError(
                f"reader plug-in {point.name!r} ({point.value}) is not a Reader (needs name, sniff and read)"
            )
        found.append(reader)
    return tuple(found)


@attrs.frozen
class ReaderRegistry:
    """An immutable collection of readers, looked up by name or chosen by sniffing.

    Example:
        >>> registry = ReaderRegistry.default(discover=False)
        >>> registry.names
        ('html', 'tab', 'cell-lines', 'run-together')
        >>> registry.detect("<html><body><table></table></body></html>").name
        'html'
    """

    readers: tuple[Reader, ...]

    def __attrs_post_init__(self) -> None:
        names = [reader.name for reader in self.readers]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise RegistryError(f"reader name registered twice: {', '.join(duplicates)}")

    @classmethod
    def default(cls, *, discover: bool = True) -> ReaderRegistry:
        """The built-in readers, plus those of the ``goiar.readers`` entry points when ``discover``."""
        return cls(_builtin() + (_discovered() if discover else ()))

    @property
    def names(self) -> tuple[str, ...]:
        """Reader names, in registration order."""
        return tuple(reader.name for reader in self.readers)

    def __iter__(self) -> Iterator[Reader]:
        return iter(self.readers)

    def with_reader(self, reader: Reader) -> ReaderRegistry:
        """A new registry with ``reader`` added; :class:`RegistryError` if its name is taken."""
        if not isinstance(reader, Reader):
            raise RegistryError(f"{reader!r} is not a Reader (needs name, sniff and read)")
        return ReaderRegistry((*self.readers, reader))

    def without(self, *names: str) -> ReaderRegistry:
        """A new registry without the named readers."""
        return ReaderRegistry(tuple(r for r in self.readers if r.name not in names))

    def get(self, name: str) -> Reader:
        """The reader called ``name``; :class:`UnknownFormatError` listing the names otherwise."""
        for reader in self.readers:
            if reader.name == name:
                return reader
        raise UnknownFormatError(
            f"no reader named {name!r}; registered readers: {', '.join(self.names)}", candidates=self.names
        )

    def scores(self, text: str) -> list[tuple[float, str]]:
        """Every reader's sniff score for ``text``, best first."""
        return sorted(((float(r.sniff(text)), r.name) for r in self.readers), reverse=True)

    def detect(self, text: str) -> Reader:
        """The reader with the highest sniff score; raises when none scores or the best ones tie."""
        ranked = self.scores(text)
        if not ranked or ranked[0][0] <= 0.0:
            raise UnknownFormatError(
                "no reader recognises this input (all sniff scores are 0); name one with format=…",
                candidates=self.names,
            )
        best = [name for score, name in ranked if score == ranked[0][0]]
        if len(best) > 1:
            raise AmbiguousFormatError(
                f"readers {', '.join(best)} claim this input equally (score {ranked[0][0]:.2f}); "
                "name one with format=…",
                candidates=tuple(best),
            )
        return self.get(best[0])


def readers_from(items: Iterable[Reader]) -> ReaderRegistry:
    """A registry of exactly ``items``."""
    return ReaderRegistry(tuple(items))
