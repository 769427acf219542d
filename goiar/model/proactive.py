"""Table 二: 主动公开政府信息情况 (items of 条例第二十条), in either template version."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from goiar.model.figure import Figure
from goiar.model.version import Template

__all__ = ["Proactive", "ProactiveRow"]


@attrs.frozen(kw_only=True)
class ProactiveRow:
    """One row of table 二: ``key`` (``"regulations"``), its fields and their figures, in order.

    Example:
        >>> from goiar.model.figure import CellState
        >>> row = ProactiveRow(key="licensing", label="行政许可", fields=("decisions",),
        ...                    figures=(Figure(value=3, state=CellState.NUMBER, raw="3"),))
        >>> row["decisions"].value
        3
    """

    key: str
    label: str
    fields: tuple[str, ...]
    figures: tuple[Figure, ...]
    printed: str | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.fields) != len(self.figures):
            msg = f"row {self.key}: {len(self.fields)} fields but {len(self.figures)} figures"
            raise ValueError(msg)

    def __getitem__(self, field: str) -> Figure:
        """The figure of ``field``; :class:`KeyError` if the row has no such field."""
        try:
            return self.figures[self.fields.index(field)]
        except ValueError:
            raise KeyError(field) from None

    def items(self) -> Iterator[tuple[str, Figure]]:
        """``(field, figure)`` pairs in the official column order."""
        return zip(self.fields, self.figures, strict=True)


@attrs.frozen(kw_only=True)
class Proactive:
    """Table 二 in the version its labels show."""

    template: Template
    rows: tuple[ProactiveRow, ...]

    def row(self, key: str) -> ProactiveRow:
        """The row with key ``key`` (``"regulations"``, ``"fees"``, …)."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def __iter__(self) -> Iterator[ProactiveRow]:
        return iter(self.rows)
