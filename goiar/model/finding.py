"""Findings: what goiar noticed about a report, while reading it or when checking it."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

import attrs

from goiar.model.figure import Source

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    """How serious a finding is.  Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error.

        Example:
            >>> Severity.ERROR.rank > Severity.WARNING.rank
            True
        """
        return ("info", "warning", "error").index(self.value)


Value = int | Decimal | str | None


@attrs.frozen(kw_only=True)
class Finding:
    """One finding, with a stable dotted ``rule`` id (SPEC §4).

    Example:
        >>> f = Finding(rule="requests.row_total", severity=Severity.ERROR,
        ...             path="requests.granted.total", message="「（一）予以公开」 总计 应为 4，报告为 3",
        ...             expected=4, actual=3)
        >>> f.is_error
        True
    """

    rule: str
    """Stable rule id such as ``"requests.balance"``."""
    severity: Severity
    path: str
    """A canonical key or a row/table prefix of one (``"requests.granted"``, ``"appeals"``)."""
    message: str
    """A message a reviewer can act on, quoting the official labels."""
    expected: Value = None
    actual: Value = None
    candidates: tuple[str, ...] = ()
    """Competing readings, for ``cell.ambiguous``."""
    source: Source | None = None

    @property
    def is_error(self) -> bool:
        """True for error findings."""
        return self.severity is Severity.ERROR
