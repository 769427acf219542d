"""The report: metadata, the six parts' text, the three tables, and the findings recorded while reading."""

from __future__ import annotations

import attrs

from goiar.model.appeals import Appeals
from goiar.model.figure import Source
from goiar.model.finding import Finding
from goiar.model.meta import Meta
from goiar.model.proactive import Proactive
from goiar.model.requests import Requests

__all__ = ["SECTION_KEYS", "Report", "Section"]

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

    def _repr_html_(self) -> str:
        """The three tables laid out like the official ones, with findings (Jupyter)."""
        from goiar.display import report_html  # noqa: PLC0415 - display imports the model

        return report_html(self)
