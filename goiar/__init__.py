"""goiar: read and check 政府信息公开工作年度报告 (Chinese government information disclosure annual reports).

Example:
    >>> import goiar
    >>> "read" in goiar.__all__ and "validate" in goiar.__all__
    True
"""

from goiar._api import flatten, read, validate
from goiar.blocks import Blocks, Grid, Heading, Paragraph, RawCell
from goiar.errors import (
    AmbiguousFormatError,
    ConversionError,
    EmptyInputError,
    GoiarError,
    InputTooLargeError,
    NotAReportError,
    ReadError,
    RegistryError,
    UndecodableError,
    UnknownFormatError,
)
from goiar.model import (
    AppealGroup,
    Appeals,
    CellState,
    Figure,
    Finding,
    Meta,
    Obtained,
    Proactive,
    ProactiveRow,
    Report,
    RequestRow,
    Requests,
    Section,
    Severity,
    Source,
    Template,
)
from goiar.protocols import Reader
from goiar.readers.registry import ReaderRegistry
from goiar.serde import from_dict, make_converter, to_dict

__version__ = "0.1.0"

__all__ = [
    "AmbiguousFormatError",
    "AppealGroup",
    "Appeals",
    "Blocks",
    "CellState",
    "ConversionError",
    "EmptyInputError",
    "Figure",
    "Finding",
    "GoiarError",
    "Grid",
    "Heading",
    "InputTooLargeError",
    "Meta",
    "NotAReportError",
    "Obtained",
    "Paragraph",
    "Proactive",
    "ProactiveRow",
    "RawCell",
    "ReadError",
    "Reader",
    "ReaderRegistry",
    "RegistryError",
    "Report",
    "RequestRow",
    "Requests",
    "Section",
    "Severity",
    "Source",
    "Template",
    "UndecodableError",
    "UnknownFormatError",
    "flatten",
    "from_dict",
    "make_converter",
    "read",
    "to_dict",
    "validate",
]
