"""Exceptions goiar raises.  Damaged but readable input never raises: it is returned with findings.

Hierarchy::

    GoiarError
    ├── ReadError                 nothing usable in the input (always says why)
    │   ├── EmptyInputError       empty or whitespace-only input
    │   ├── UndecodableError      bytes that no supported encoding decodes
    │   ├── InputTooLargeError    input above the size limit
    │   ├── UnknownFormatError    no reader recognises the input (or the named reader does not exist)
    │   ├── AmbiguousFormatError  several readers claim the input equally
    │   ├── NotAReportError       readable text, but not a 政府信息公开工作年度报告
    │   └── ImageOnlyTablesError  (reserved) the tables exist only as images
    ├── ConversionError           ``from_dict`` got data that is not a serialised report
    ├── RegistryError             a reader or rule name registered twice, or a bad plug-in
    └── FindingsError             (an ExceptionGroup) raised by ``raise_for_errors``
"""

from __future__ import annotations

__all__ = [
    "AmbiguousFormatError",
    "ConversionError",
    "EmptyInputError",
    "GoiarError",
    "ImageOnlyTablesError",
    "InputTooLargeError",
    "NotAReportError",
    "ReadError",
    "RegistryError",
    "UndecodableError",
    "UnknownFormatError",
]


class GoiarError(Exception):
    """Root of goiar's exceptions."""


class ReadError(GoiarError):
    """The input holds nothing goiar can use; the message says why."""


class EmptyInputError(ReadError):
    """The input is empty or only whitespace."""


class UndecodableError(ReadError):
    """The bytes decode in none of the supported encodings."""


class InputTooLargeError(ReadError):
    """The input is larger than the configured limit."""


class UnknownFormatError(ReadError):
    """No reader recognises the input, or the named format is not registered."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class AmbiguousFormatError(ReadError):
    """Several readers claim the input with the same score."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class NotAReportError(ReadError):
    """The text is readable but shows none of a report's parts or tables."""


class ImageOnlyTablesError(ReadError):
    """Reserved: the report's tables exist only as images (goiar reports this as findings instead)."""


class ConversionError(GoiarError):
    """``from_dict`` received data that is not a serialised report; lists every problem."""


class RegistryError(GoiarError):
    """A reader or rule name is registered twice, or a plug-in is malformed."""
