"""A guard against start tags with so many attributes that libxml2's HTML parser crawls.

libxml2 checks each attribute of a start tag against the tag's earlier ones, so one element with *n*
distinct attributes costs time in *n*²: 40,000 take 2.5 s, 100,000 about 18 s, and the millions an input
under goiar's size limit can hold would take hours.  Real pages put a few dozen attributes on an
element at most.

:func:`check_attributes` finds start tags as the HTML tokenizer does (a tag ends at the first ``>``
outside a quoted value) and counts the attribute names of the long ones; a tag with more than
:data:`MAX_ATTRIBUTES` makes the read fail with :class:`~goiar.errors.InputTooLargeError`.  Inputs
shorter than :data:`SCAN_FROM` characters are not scanned: they cannot hold enough attributes to cost
more than about a second, and report pages are that small.

Example:
    >>> check_attributes("<p class=a>一、总体情况</p>" * 10_000)  # many tags, few attributes each: fine
    >>> hostile = "<table " + " ".join(f"a{i}" for i in range(30_000)) + ">"
    >>> check_attributes(hostile)
    Traceback (most recent call last):
    ...
    goiar.errors.InputTooLargeError: an HTML element has 30,000 attributes, above the limit of 1,000 (at character 0)
"""

from __future__ import annotations

import re
from typing import Final

from goiar.errors import InputTooLargeError

__all__ = ["MAX_ATTRIBUTES", "SCAN_FROM", "check_attributes"]

MAX_ATTRIBUTES: Final = 1_000
"""Attribute names one start tag may carry."""
SCAN_FROM: Final = 100_000
"""Inputs from this many characters on are scanned."""

# The HTML tokenizer's view of a start tag: the tag name, then attribute names (anything up to
# whitespace, "/", ">" or "="), each with an optional value: quoted (which may hold ">") or bare.
# Possessive quantifiers: no backtracking, one pass over the text.  The standard library's re (with
# possessive quantifiers since Python 3.11) lexes this twice as fast as the regex package.
_VALUE: Final = r"""(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+"""
_TAG: Final = re.compile(r"<[A-Za-z][^\s/>]*+(?:[\s/]++|[^\s/>][^\s/>=]*+" + _VALUE + r")*+")
_ATTRIBUTE: Final = re.compile(r"(?<=[\s/\"'])[^\s/>][^\s/>=]*+" + _VALUE)
_SHORTEST: Final = 2 * MAX_ATTRIBUTES
"""A tag with more than MAX_ATTRIBUTES names is longer than this (each name and its separator)."""


def check_attributes(text: str) -> None:
    """Raise :class:`~goiar.errors.InputTooLargeError` when a start tag carries too many attributes."""
    if len(text) < SCAN_FROM:
        return
    for found in _TAG.finditer(text):
        if found.end() - found.start() > _SHORTEST:
            count = len(_ATTRIBUTE.findall(text, found.start() + 1, found.end()))
            if count > MAX_ATTRIBUTES:
                msg = (
                    f"an HTML element has {count:,} attributes, above the limit of {MAX_ATTRIBUTES:,} "
                    f"(at character {found.start():,})"
                )
                raise InputTooLargeError(msg)
