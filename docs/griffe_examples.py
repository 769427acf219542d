"""A griffe extension for the API pages: goiar's ``Example:`` sections are doctests.

goiar writes Google-style docstrings with an ``Example:`` section (singular) holding doctests.  Griffe
reads only ``Examples:`` as an examples section and would render ``Example:`` as an admonition of
Markdown text, where ``x["a"]["b"]`` looks like a reference link.  This renames the heading before the
docstring is parsed, so every doctest is shown as highlighted Python console code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Read ``Example:`` docstring sections as ``Examples:``."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002 - griffe's hook signature
        if obj.docstring is not None:
            obj.docstring.value = _EXAMPLE.sub(r"\1Examples:", obj.docstring.value)
