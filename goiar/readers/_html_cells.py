"""Grid cells for the HTML reader, built cheaply: a report page has hundreds of them.

``RawCell(text=…, source=Source(table=…, row=…, column=…, path=…), spanned=…)`` costs about 2 µs, most
of it in the ``__init__`` attrs generates for the frozen :class:`~goiar.model.figure.Source`, which
stores each field through ``object.__setattr__`` by name.  :data:`grid_rows` builds the same objects
in less than half that time: it writes ``Source``'s slots directly (all that ``__init__`` does when the
class has no validators, converters, hooks or hidden slots) and makes the named tuple ``RawCell`` with
``tuple.__new__`` (all its ``__new__`` does).  Both shortcuts are checked when this module is imported;
when the classes no longer fit, cells are built through the constructors.

Example:
    >>> rows = grid_rows([{0: ("规章", "/html/body[1]/table[1]/tr[1]/td[1]", False), 2: ("规章", "/td[1]", True)}], 2)
    >>> rows == ((
    ...     RawCell(text="规章", source=Source(table=2, row=0, column=0, path="/html/body[1]/table[1]/tr[1]/td[1]")),
    ...     RawCell(text="", source=Source(table=2, row=0, column=1)),
    ...     RawCell(text="规章", source=Source(table=2, row=0, column=2, path="/td[1]"), spanned=True),
    ... ),)
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import MemberDescriptorType
from typing import Final

import attrs

from goiar.blocks import RawCell
from goiar.model.figure import Source

__all__ = ["Position", "Row", "grid_rows"]

Position = tuple[str, str, bool]
"""What a grid position holds: the cell's text, the cell's XPath and whether it is a span's copy."""
Row = dict[int, Position]
"""A grid row: its positions by column; a missing column is a hole (an empty cell without a path)."""
GridRows = Callable[[Iterable[Row], int], tuple[tuple[RawCell, ...], ...]]
"""``(rows, table index) -> rows of cells``, each cell with its Source (table, row, column, path)."""

_SOURCE_FIELDS: Final = ("line", "offset", "table", "row", "column", "path")
_CELL_FIELDS: Final = ("text", "source", "spanned")
_HOLE: Final[tuple[str, None, bool]] = ("", None, False)


def _stores_only(cls: type, names: tuple[str, ...]) -> bool:
    """True when ``cls(**fields)`` only stores ``names`` in its slots, each defaulting to None.

    Example:
        >>> _stores_only(Source, _SOURCE_FIELDS), _stores_only(RawCell, _CELL_FIELDS)
        (True, False)
    """
    if not attrs.has(cls) or hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    fields = attrs.fields(cls)
    return (
        tuple(field.name for field in fields) == names
        and all(field.default is None and field.validator is None and field.converter is None for field in fields)
        and set(getattr(cls, "__slots__", ("__dict__",))) <= {*names, "__weakref__"}
        and all(isinstance(cls.__dict__.get(name), MemberDescriptorType) for name in names)
    )


MakeCell = Callable[[str, "str | None", bool, int, int, int], RawCell]
"""``(text, path, spanned, table, row, column) -> RawCell`` with its Source."""


def _by_constructor(text: str, path: str | None, spanned: bool, table: int, row: int, column: int) -> RawCell:  # noqa: PLR0917 - one grid position
    return RawCell(text=text, source=Source(table=table, row=row, column=column, path=path), spanned=spanned)


def _at(row: Row, column: int) -> tuple[str, str | None, bool]:
    return row.get(column, _HOLE)


def _builder(make: MakeCell) -> GridRows:
    """Rows of cells made by ``make``, holes filled with empty cells."""

    def build(rows: Iterable[Row], table: int) -> tuple[tuple[RawCell, ...], ...]:
        return tuple(tuple(make(*_at(row, c), table, r, c) for c in range(max(row) + 1)) for r, row in enumerate(rows))

    return build


_by_constructors: Final[GridRows] = _builder(_by_constructor)
"""The grid builder through the constructors (the reference the fast one is tested against)."""


def _fast_builder() -> GridRows:
    """The slot-writing builder when ``Source`` and ``RawCell`` fit it, else the constructors."""
    named_tuple = issubclass(RawCell, tuple) and getattr(RawCell, "_fields", None) == _CELL_FIELDS
    if not named_tuple or not _stores_only(Source, _SOURCE_FIELDS):
        return _by_constructors
    new = object.__new__
    tuple_new = tuple.__new__
    set_line, set_offset, set_table, set_row, set_column, set_path = (
        Source.__dict__[name].__set__ for name in _SOURCE_FIELDS
    )

    def make(text: str, path: str | None, spanned: bool, table: int, row: int, column: int) -> RawCell:  # noqa: PLR0917
        source = new(Source)
        set_line(source, None)
        set_offset(source, None)
        set_table(source, table)
        set_row(source, row)
        set_column(source, column)
        set_path(source, path)
        cell: RawCell = tuple_new(RawCell, (text, source, spanned))
        return cell

    return _builder(make)


grid_rows: Final[GridRows] = _fast_builder()
"""``(rows, table index)`` → the grid's rows of cells, holes filled (see the module docstring)."""
