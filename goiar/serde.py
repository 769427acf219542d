"""Serialisation: goiar's own cattrs converter; ``to_dict`` / ``from_dict`` are lossless and JSON-safe.

Decimals travel as strings (``"96171.6"``), dates as ISO strings, enums as their values.  Counts stay
JSON integers, so a figure's value is an ``int``, a decimal string, or null.

Example:
    >>> from goiar.model import Meta, Report
    >>> report = Report(meta=Meta(organ="某镇人民政府", year=2023))
    >>> from_dict(to_dict(report)) == report
    True
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.preconf.json import make_converter as make_json_converter

from goiar.errors import ConversionError
from goiar.model.figure import Number
from goiar.model.report import Report

__all__ = ["from_dict", "make_converter", "to_dict"]


def _structure_number(value: object, _: object) -> Number | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("expected int, decimal string or null, got bool")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal: {value!r}") from exc
    raise TypeError(f"expected int, decimal string or null, got {type(value).__name__}")


def _unstructure_number(value: Number | None) -> int | str | None:
    if isinstance(value, Decimal):
        return str(value)
    return value


def _structure_scalar(value: object, _: object) -> int | Decimal | str | None:
    if value is None or isinstance(value, int | str):
        return value if not isinstance(value, bool) else int(value)
    raise TypeError(f"expected int, string or null, got {type(value).__name__}")


def make_converter() -> cattrs.Converter:
    """A new converter configured for goiar's model (never the global one).

    Example:
        >>> make_converter().unstructure(Decimal("1.5"))
        '1.5'
    """
    converter = make_json_converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, lambda v, _: Decimal(v))
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    converter.register_structure_hook(Number | None, _structure_number)
    converter.register_unstructure_hook(Number | None, _unstructure_number)
    converter.register_structure_hook(int | Decimal | str | None, _structure_scalar)
    converter.register_unstructure_hook(int | Decimal | str | None, _unstructure_number)
    return converter


_CONVERTER = make_converter()


def to_dict(report: Report) -> dict[str, Any]:
    """A JSON-safe dict of ``report`` (lossless: :func:`from_dict` gives it back equal).

    Example:
        >>> from goiar.model import Meta, Report
        >>> to_dict(Report(meta=Meta(year=2023)))["meta"]["year"]
        2023
    """
    data: dict[str, Any] = _CONVERTER.unstructure(report, Report)
    return data


def from_dict(data: dict[str, Any]) -> Report:
    """The report serialised by :func:`to_dict`; :class:`goiar.ConversionError` lists every problem.

    Example:
        >>> from_dict({"meta": {"year": "x"}})
        Traceback (most recent call last):
        ...
        goiar.errors.ConversionError: not a serialised goiar report:
          invalid value for type, expected int | None @ $.meta.year
    """
    try:
        return _CONVERTER.structure(data, Report)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        lines = cattrs.transform_error(exc) if isinstance(exc, cattrs.BaseValidationError) else [str(exc)]
        raise ConversionError("not a serialised goiar report:\n" + "\n".join(f"  {line}" for line in lines)) from exc
