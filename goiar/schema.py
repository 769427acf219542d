"""The JSON Schema (draft 2020-12) of :func:`goiar.to_dict` output, generated from the model.

The schema is derived from the attrs classes themselves (:func:`attrs.fields` and
:func:`typing.get_type_hints`), mirroring the choices of goiar's cattrs converter
(:mod:`goiar.serde`): decimals travel as strings, dates as ISO strings, enums as their values,
a figure's value is a JSON integer, a decimal string or null, and unknown keys are refused.

A copy ships inside the package as ``goiar/report.schema.json`` (for tools in other languages); a test
keeps it equal to :func:`report_schema`.  Regenerate it with ``python -m goiar.schema --write``.

Example:
    >>> schema = report_schema()
    >>> schema["$schema"], schema["$ref"]
    ('https://json-schema.org/draft/2020-12/schema', '#/$defs/Report')
    >>> schema["$defs"]["Figure"]["required"]
    ['value', 'state']
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import re
import sys
import types
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from goiar.model.report import Report

__all__ = ["DRAFT", "SCHEMA_FILE", "dumps_schema", "main", "report_schema", "schema_for", "shipped_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schema."""

SCHEMA_FILE = "report.schema.json"
"""Name of the shipped schema file inside the ``goiar`` package."""

_DECIMAL = "Decimal"
_DECIMAL_SCHEMA: Mapping[str, Any] = MappingProxyType(
    {
        "type": "string",
        "description": 'A decimal number as a string, e.g. "96171.6" (str() of a Python Decimal).',
        "pattern": r"^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$",
    }
)
_SCALARS: Mapping[type, Mapping[str, Any]] = MappingProxyType(
    {
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        float: {"type": "number"},
        str: {"type": "string"},
        type(None): {"type": "null"},
        dt.date: {"type": "string", "format": "date"},
    }
)


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`|``([^`]+)``")


def _description(cls: type) -> str:
    """The first paragraph of the class docstring, without reStructuredText markup."""
    doc = (cls.__doc__ or "").strip().split("\n\n", 1)[0]
    return _ROLE.sub(lambda m: m.group(1) or m.group(2), " ".join(doc.split()))


class _Builder:
    """Collects ``$defs`` while walking the types reachable from a root class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: Any) -> dict[str, Any]:  # noqa: ANN401 - any annotation
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if tp is Decimal:
            self.defs.setdefault(_DECIMAL, dict(_DECIMAL_SCHEMA))
            return self.ref(_DECIMAL)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {
                    "description": _description(tp),
                    "type": "string",
                    "enum": [member.value for member in tp],
                }
            return self.ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            return self.attrs_class(tp)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in {types.UnionType, typing.Union}:
            return self.union(args)
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.of(arg) for arg in args],
                "minItems": len(args),
                "maxItems": len(args),
            }
        if origin in {frozenset, set}:
            return {"type": "array", "items": self.of(args[0]), "uniqueItems": True}
        raise TypeError(f"no JSON Schema for the annotation {tp!r}")

    def union(self, args: tuple[Any, ...]) -> dict[str, Any]:
        options = [self.of(arg) for arg in args]
        if all(set(option) == {"type"} for option in options):
            return {"type": [option["type"] for option in options]}
        return {"anyOf": options}

    def attrs_class(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursive references resolve to it
            hints = typing.get_type_hints(cls)
            fields = attrs.fields(cls)
            self.defs[name] = {
                "description": _description(cls),
                "type": "object",
                "properties": {field.name: self.of(hints[field.name]) for field in fields},
                "required": [field.name for field in fields if field.default is attrs.NOTHING],
                "additionalProperties": False,
            }
        return self.ref(name)


def schema_for(cls: type, *, title: str | None = None) -> dict[str, Any]:
    """The JSON Schema of the serialised form of any attrs class of the model.

    Every field is a property; fields without a default are ``required`` (:func:`goiar.to_dict` writes
    every field; :func:`goiar.from_dict` needs only these); other keys are refused.

    Args:
        cls: An attrs class, e.g. :class:`goiar.Figure`.
        title: The schema's title (default: the class name).

    Example:
        >>> from goiar.model import Source
        >>> schema_for(Source)["$defs"]["Source"]["properties"]["line"]
        {'type': ['integer', 'null']}
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise TypeError(f"{cls!r} is not an attrs class")
    builder = _Builder()
    root = builder.of(cls)
    return {
        "$schema": DRAFT,
        "title": title or cls.__name__,
        "description": _description(cls),
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``goiar.to_dict(report)``, generated from :class:`goiar.Report`.

    Example:
        >>> import goiar, jsonschema
        >>> from goiar.testing import make_report
        >>> jsonschema.validate(goiar.to_dict(make_report()), report_schema())
        >>> report_schema()["$defs"]["CellState"]["enum"]
        ['number', 'zero', 'blank', 'dash', 'unreadable', 'missing']
    """
    return schema_for(Report, title="goiar report")


def dumps_schema(schema: dict[str, Any] | None = None) -> str:
    """The schema as the text of the shipped file (2-space indent, UTF-8 text, final newline).

    Example:
        >>> dumps_schema().splitlines()[1]
        '  "$schema": "https://json-schema.org/draft/2020-12/schema",'
    """
    return json.dumps(report_schema() if schema is None else schema, ensure_ascii=False, indent=2) + "\n"


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package (equal to :func:`report_schema`; a test sees to it).

    Example:
        >>> shipped_schema()["title"]
        'goiar report'
    """
    text = resources.files("goiar").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m goiar.schema``: print the schema, or ``--write`` it over the shipped file.

    Example:
        >>> main(["--help"])
        Traceback (most recent call last):
        ...
        SystemExit: 0
    """
    parser = argparse.ArgumentParser(prog="python -m goiar.schema", description=main.__doc__)
    parser.add_argument("--write", action="store_true", help=f"write goiar/{SCHEMA_FILE} in this checkout")
    args = parser.parse_args(argv)
    text = dumps_schema()
    if args.write:
        target = resources.files("goiar").joinpath(SCHEMA_FILE)
        with resources.as_file(target) as path:
            path.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
