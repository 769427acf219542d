"""An extra rule: more applications granted than the body had to handle.

A rule is a generator function ``(report, context) -> Iterator[Finding]`` decorated with
:func:`goiar.rules.rule`; it reads the report and nothing else, and says nothing on a clean report.
"""

from __future__ import annotations

from collections.abc import Iterator

import goiar
from goiar import Finding, Report, Severity
from goiar.rules import RuleContext, rule

RULE_ID = "example.granted_exceeds_received"


@rule(RULE_ID, Severity.WARNING, title="予以公开多于本年应办理的申请")
def granted_exceeds_received(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """（一）予以公开 总计 cannot exceed 一、本年新收 + 二、上年结转 (总计)."""
    values = goiar.flatten(report)
    granted = values.get("requests.granted.total")
    received = values.get("requests.new_received.total")
    carried = values.get("requests.carried_over.total")
    if granted is None or received is None or carried is None:
        return  # unknown cells are reported by goiar itself (cell.*)
    if granted > received + carried:
        yield Finding(
            rule=RULE_ID,
            severity=Severity.WARNING,
            path="requests.granted.total",
            message=(f"「（一）予以公开」 总计 为 {granted}，多于本年新收与上年结转之和 {received + carried}"),
            expected=received + carried,
            actual=granted,
        )
