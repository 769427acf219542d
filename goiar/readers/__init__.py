"""Stage 2: readers turn text into format-neutral blocks; the registry picks one."""

from goiar.readers.registry import ENTRY_POINT_GROUP, ReaderRegistry

__all__ = ["ENTRY_POINT_GROUP", "ReaderRegistry"]
