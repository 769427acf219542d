"""The typed report model: frozen attrs classes, no parsing, no I/O."""

from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS, AppealGroup, Appeals
from goiar.model.figure import CellState, Figure, Number, Obtained, Source
from goiar.model.finding import Finding, Severity
from goiar.model.meta import Contact, Meta, PageField
from goiar.model.proactive import Proactive, ProactiveRow
from goiar.model.report import SECTION_KEYS, Report, Section
from goiar.model.requests import REQUEST_COLUMNS, RequestRow, Requests
from goiar.model.version import Template

__all__ = [
    "APPEAL_COLUMNS",
    "APPEAL_GROUPS",
    "REQUEST_COLUMNS",
    "SECTION_KEYS",
    "AppealGroup",
    "Appeals",
    "CellState",
    "Contact",
    "Figure",
    "Finding",
    "Meta",
    "Number",
    "Obtained",
    "PageField",
    "Proactive",
    "ProactiveRow",
    "Report",
    "RequestRow",
    "Requests",
    "Section",
    "Severity",
    "Source",
    "Template",
]
