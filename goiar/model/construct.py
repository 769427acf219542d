"""Cheap construction of the two objects a report holds hundreds of: :class:`Source` and :class:`Figure`.

The ``__init__`` attrs generates for a frozen slotted class stores each field through
``object.__setattr__`` by name, behind a keyword call: about 2 µs per object on a small machine, which
makes building the sources and figures the largest single cost of reading a report.  When the class
does nothing else in ``__init__`` (no validators, converters, hooks or extra slots), the same object
is made by writing its slots through their descriptors, in about a third of the time.

:func:`source` and :func:`figure` do that.  Whether the classes still fit is checked when this module
is imported; when they no longer do, both fall back to the constructors, so the shortcut can never
build an object the constructor would not.  The tests compare both ways field by field.

Example:
    >>> from goiar.model.figure import CellState
    >>> where = source(12, 340, None, None, None, None)
    >>> where == Source(line=12, offset=340)
    True
    >>> figure(4, CellState.NUMBER, "4", where, Obtained.READ, None, None) == Figure(
    ...     value=4, state=CellState.NUMBER, raw="4", source=where
    ... )
    True
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType
from typing import Final, TypeVar, cast

import attrs

from goiar.model.figure import CellState, Figure, Number, Obtained, Source

__all__ = ["figure", "fits", "source"]

SOURCE_FIELDS: Final = ("line", "offset", "table", "row", "column", "path")
FIGURE_FIELDS: Final = ("value", "state", "raw", "source", "obtained", "identity", "unit")

_T = TypeVar("_T")

MakeSource = Callable[[int | None, int | None, int | None, int | None, int | None, str | None], Source]
MakeFigure = Callable[
    [Number | None, CellState, str | None, Source | None, Obtained, str | None, str | None],
    Figure,
]


def fits(cls: type, names: tuple[str, ...]) -> bool:
    """True when ``cls(**fields)`` does nothing but store ``names`` in its slots, in that order.

    Example:
        >>> fits(Source, SOURCE_FIELDS), fits(Source, ("line",))
        (True, False)
    """
    if not attrs.has(cls) or hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    fields = attrs.fields(cls)
    return (
        tuple(field.name for field in fields) == names
        and all(field.validator is None and field.converter is None and field.init for field in fields)
        and set(getattr(cls, "__slots__", ("__dict__",))) <= {*names, "__weakref__"}
        and all(isinstance(cls.__dict__.get(name), MemberDescriptorType) for name in names)
    )


def _by_constructor(cls: type[_T], names: tuple[str, ...]) -> Callable[..., _T]:
    """``make(*values)`` through ``cls``'s constructor: the fallback, and the reference the tests use."""

    def make(*values: object) -> _T:
        return cls(**dict(zip(names, values, strict=True)))

    return make


_source_by_constructor: Final = cast("MakeSource", _by_constructor(Source, SOURCE_FIELDS))
_figure_by_constructor: Final = cast("MakeFigure", _by_constructor(Figure, FIGURE_FIELDS))


def _source_maker() -> MakeSource:
    if not fits(Source, SOURCE_FIELDS):
        return _source_by_constructor
    new = object.__new__
    set_line, set_offset, set_table, set_row, set_column, set_path = (
        Source.__dict__[name].__set__ for name in SOURCE_FIELDS
    )

    def make(  # noqa: PLR0917
        line: int | None, offset: int | None, table: int | None, row: int | None, column: int | None, path: str | None
    ) -> Source:
        made: Source = new(Source)
        set_line(made, line)
        set_offset(made, offset)
        set_table(made, table)
        set_row(made, row)
        set_column(made, column)
        set_path(made, path)
        return made

    return make


def _figure_maker() -> MakeFigure:
    if not fits(Figure, FIGURE_FIELDS):
        return _figure_by_constructor
    new = object.__new__
    set_value, set_state, set_raw, set_source, set_obtained, set_identity, set_unit = (
        Figure.__dict__[name].__set__ for name in FIGURE_FIELDS
    )

    def make(  # noqa: PLR0917
        value: Number | None,
        state: CellState,
        raw: str | None,
        where: Source | None,
        obtained: Obtained,
        identity: str | None,
        unit: str | None,
    ) -> Figure:
        made: Figure = new(Figure)
        set_value(made, value)
        set_state(made, state)
        set_raw(made, raw)
        set_source(made, where)
        set_obtained(made, obtained)
        set_identity(made, identity)
        set_unit(made, unit)
        return made

    return make


source: Final[MakeSource] = _source_maker()
"""``source(line, offset, table, row, column, path)``: a :class:`Source`, every field given."""
figure: Final[MakeFigure] = _figure_maker()
"""``figure(value, state, raw, source, obtained, identity, unit)``: a :class:`Figure`, every field given."""
