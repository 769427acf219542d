"""The report: metadata, the six parts' text, the three tables, and the findings recorded while reading."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import NoReturn, TypeVar

import attrs

from goiar.model.appeals import Appeals
from goiar.model.figure import Figure, Number, Source
from goiar.model.finding import Finding
from goiar.model.meta import Meta
from goiar.model.proactive import Proactive
from goiar.model.requests import Requests

__all__ = ["SECTION_KEYS", "Report", "Section"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class _ReadOnlyDict(dict[_K, _V]):
    """A dict that refuses every change: the tables of :attr:`Report.cells` and :attr:`Report.values`.

    Lookups run at dict speed (a :class:`types.MappingProxyType` goes through a method call per ``get``);
    ``copy()``, ``dict(…)`` and ``|`` give ordinary dicts.

    Example:
        >>> table = _ReadOnlyDict({"a": 1})
        >>> table.get("a"), dict(table) == table, table.copy() | {"b": 2}
        (1, True, {'a': 1, 'b': 2})
        >>> table["a"] = 2
        Traceback (most recent call last):
        ...
        TypeError: a report's index is read-only (the report is immutable)
    """

    __slots__ = ()

    def _refuse(self) -> NoReturn:
        msg = "a report's index is read-only (the report is immutable)"
        raise TypeError(msg)

    def __setitem__(self, key: _K, value: _V, /) -> NoReturn:
        self._refuse()

    def __delitem__(self, key: _K, /) -> NoReturn:
        self._refuse()

    def __ior__(self, other: object, /) -> NoReturn:  # type: ignore[misc]
        self._refuse()

    def clear(self) -> NoReturn:
        self._refuse()

    def pop(self, *_args: object) -> NoReturn:
        self._refuse()

    def popitem(self) -> NoReturn:
        self._refuse()

    def setdefault(self, *_args: object) -> NoReturn:
        self._refuse()

    def update(self, *_args: object, **_kwargs: object) -> NoReturn:
        self._refuse()

    def __reduce__(self) -> tuple[type[_ReadOnlyDict[_K, _V]], tuple[dict[_K, _V]]]:
        return type(self), (dict(self),)


SECTION_KEYS: tuple[str, ...] = ("overview", "proactive", "requests", "appeals", "problems", "other")
"""The six parts in order: 一、总体情况 … 六、其他需要报告的事项."""


@attrs.frozen(kw_only=True)
class Section:
    """A part of the report.

    ``key`` is one of :data:`SECTION_KEYS`, or ``"preamble"`` for the text before 一 and ``"closing"``
    for the signature block after 六 (text is never dropped).
    """

    key: str
    heading: str | None
    """The heading as printed (None for preamble/closing)."""
    text: str
    """The part's running text (table cells excluded), paragraphs separated by newlines."""
    source: Source | None = None


@attrs.frozen(kw_only=True)
class Report:
    """A read report.  Immutable: change it with :func:`attrs.evolve`.

    Example:
        >>> import goiar
        >>> # report = goiar.read(text); report.meta.organ, report.requests.total.total.value
    """

    meta: Meta
    sections: tuple[Section, ...] = ()
    proactive: Proactive | None = None
    requests: Requests | None = None
    appeals: Appeals | None = None
    findings: tuple[Finding, ...] = ()
    """Findings recorded while reading (``cell.*``, ``structure.*``, ``template.*``)."""
    reader: str | None = None
    """Name of the reader that produced the blocks."""
    encoding: str | None = None
    """Encoding used to decode bytes input (None for ``str`` input)."""

    def section(self, key: str) -> Section | None:
        """The part with ``key`` (see :data:`SECTION_KEYS`), or None when the report lacks it."""
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def text(self, key: str) -> str:
        """The text of part ``key``, or ``""`` when absent."""
        section = self.section(key)
        return section.text if section is not None else ""

    @functools.cached_property
    def cells(self) -> Mapping[str, Mapping[str, Figure]]:
        """``{table: {canonical key: figure}}`` of the tables the report holds, read-only.

        Tables are ``"proactive"``, ``"requests"`` and ``"appeals"`` in that order (an absent table has
        no entry); keys are in canonical order, as :func:`goiar.keys.figures` gives them (a key given
        twice keeps its last figure).  Built on first use and kept with the report: the report is
        immutable, so the index cannot go stale (a copy changed with :func:`attrs.evolve` builds its
        own).  It is no field: equality, hashing, pickling and :func:`goiar.to_dict` ignore it.

        Example:
            >>> from goiar.testing import make_report
            >>> report = make_report({"requests.granted.total": 2})
            >>> list(report.cells), report.cells["requests"]["requests.granted.total"].value
            (['proactive', 'requests', 'appeals'], 2)
        """
        from goiar.keys import _tables  # noqa: PLC0415 - keys imports the model

        return _ReadOnlyDict(
            {table: _ReadOnlyDict(zip(keys, cells, strict=True)) for table, keys, cells in _tables(self)}
        )

    @functools.cached_property
    def values(self) -> Mapping[str, Mapping[str, Number | None]]:
        """``{table: {canonical key: value}}``: the values of :attr:`cells` (None when unknown), read-only.

        Built on first use and kept with the report, like :attr:`cells` (and without building it).  Unlike
        :func:`goiar.flatten` it holds only the cells the tables hold, table by table.

        Example:
            >>> from goiar.testing import make_report
            >>> values = make_report({"appeals.reconsideration.total": None}).values["appeals"]
            >>> values["appeals.reconsideration.total"], values["appeals.reconsideration.upheld"]
            (None, 0)
        """
        from goiar.keys import _tables  # noqa: PLC0415 - keys imports the model

        return _ReadOnlyDict(
            {
                table: _ReadOnlyDict(zip(keys, [cell.value for cell in cells], strict=True))
                for table, keys, cells in _tables(self)
            }
        )

    def _repr_html_(self) -> str:
        """The three tables laid out like the official ones, with findings (Jupyter)."""
        from goiar.display import report_html  # noqa: PLC0415 - display imports the model

        return report_html(self)
