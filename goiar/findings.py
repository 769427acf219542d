"""Helpers over the plain ``list[Finding]`` that :func:`goiar.validate` returns.

Grouping (:func:`by_rule`, :func:`by_severity`), filtering (:func:`errors`, :func:`worst_severity`), an
opt-in exception (:func:`raise_for_errors` raising :class:`FindingsError`, an :class:`ExceptionGroup`
that works with ``except*``) and a plain-text table (:func:`format_findings`).

Example:
    >>> from goiar.model import Finding, Severity
    >>> found = [Finding(rule="cell.blank", severity=Severity.WARNING, path="requests.granted.total",
    ...                  message="「（一）予以公开」 总计 为空")]
    >>> worst_severity(found).value, list(by_rule(found))
    ('warning', ['cell.blank'])
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Self

from goiar.errors import GoiarError
from goiar.model.finding import Finding, Severity

__all__ = [
    "FindingError",
    "FindingsError",
    "by_rule",
    "by_severity",
    "errors",
    "format_findings",
    "raise_for_errors",
    "worst_severity",
]


class FindingError(GoiarError):
    """One finding as an exception (a member of :class:`FindingsError`); ``finding`` holds it."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(f"[{finding.rule}] {finding.path}: {finding.message}")
        self.finding = finding


class FindingsError(GoiarError, ExceptionGroup[FindingError]):
    """Raised by :func:`raise_for_errors`: an exception group of :class:`FindingError`.

    Catch it whole (``except goiar.errors.GoiarError``) or split it (``except* FindingError``).

    Example:
        >>> group = FindingsError("1 error", [FindingError(Finding(rule="appeals.total",
        ...     severity=Severity.ERROR, path="appeals.reconsideration.total", message="…"))])
        >>> [f.rule for f in group.findings]
        ['appeals.total']
    """

    def __new__(cls, message: str, exceptions: Sequence[FindingError]) -> Self:
        """A group with ``message`` and its :class:`FindingError` members."""
        return super().__new__(cls, message, exceptions)

    def derive(self, excs: Sequence[FindingError]) -> FindingsError:  # type: ignore[override]
        """A group of the same type holding ``excs`` (used when ``except*`` splits the group)."""
        return FindingsError(self.message, excs)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings of the group's members."""
        return tuple(member.finding for member in self.exceptions if isinstance(member, FindingError))


def by_rule(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """``{rule id: findings}`` in order of first appearance.

    Example:
        >>> f = Finding(rule="requests.balance", severity=Severity.ERROR, path="requests", message="")
        >>> {rule: len(group) for rule, group in by_rule([f, f]).items()}
        {'requests.balance': 2}
    """
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def by_severity(findings: Iterable[Finding]) -> dict[Severity, list[Finding]]:
    """``{severity: findings}``, most serious first, only severities that occur.

    Example:
        >>> mk = lambda s: Finding(rule="x", severity=s, path="", message="")
        >>> [s.value for s in by_severity([mk(Severity.INFO), mk(Severity.ERROR)])]
        ['error', 'info']
    """
    found = list(findings)
    grouped: dict[Severity, list[Finding]] = {}
    for severity in sorted(Severity, key=lambda s: -s.rank):
        members = [finding for finding in found if finding.severity is severity]
        if members:
            grouped[severity] = members
    return grouped


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    """The most serious severity among ``findings``; None when there are none.

    Example:
        >>> worst_severity([]) is None
        True
    """
    return max((finding.severity for finding in findings), key=lambda s: s.rank, default=None)


def errors(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of severity error.

    Example:
        >>> errors([Finding(rule="x", severity=Severity.WARNING, path="", message="")])
        []
    """
    return [finding for finding in findings if finding.severity is Severity.ERROR]


def raise_for_errors(findings: Iterable[Finding], *, at_least: Severity = Severity.ERROR) -> None:
    """Raise :class:`FindingsError` when any finding is at least as serious as ``at_least``.

    Raises:
        FindingsError: one :class:`FindingError` per such finding.

    Example:
        >>> bad = Finding(rule="appeals.total", severity=Severity.ERROR, path="appeals.reconsideration.total",
        ...               message="「行政复议」 总计 应为 2，报告为 1")
        >>> try:
        ...     raise_for_errors([bad])
        ... except* FindingError as group:
        ...     print(group.exceptions[0])
        [appeals.total] appeals.reconsideration.total: 「行政复议」 总计 应为 2，报告为 1
    """
    serious = [finding for finding in findings if finding.severity.rank >= at_least.rank]
    if serious:
        noun = "finding" if len(serious) == 1 else "findings"
        raise FindingsError(
            f"{len(serious)} {noun} of severity {at_least.value} or worse", [FindingError(f) for f in serious]
        )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def format_findings(findings: Iterable[Finding]) -> str:
    """A plain-text table: severity, rule, path, where, message (wide characters counted as two columns).

    Example:
        >>> from goiar.model import Source
        >>> print(format_findings([Finding(rule="appeals.total", severity=Severity.ERROR,
        ...     path="appeals.reconsideration.total", message="「行政复议」 总计 应为 2，报告为 1",
        ...     source=Source(line=88))]))
        severity  rule           path                           where    message
        error     appeals.total  appeals.reconsideration.total  line 88  「行政复议」 总计 应为 2，报告为 1
        >>> format_findings([])
        'no findings'
    """
    rows = [
        (f.severity.value, f.rule, f.path or "-", f.source.describe() if f.source else "-", f.message) for f in findings
    ]
    if not rows:
        return "no findings"
    header = ("severity", "rule", "path", "where", "message")
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = []
    for row in [header, *rows]:
        cells = [_pad(cell, width) for cell, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*cells, row[4]]).rstrip())
    return "\n".join(lines)
