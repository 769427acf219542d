"""Checking a finished report: rules, rule sets and :func:`validate`.

A rule is a plain generator function ``(report, context) -> Iterator[Finding]`` decorated with
:func:`rule`, which only attaches its :class:`RuleInfo`.  :class:`RuleSet` is an immutable collection
(built-ins plus ``goiar.rules`` entry points); :func:`iter_findings` / :func:`validate` run one.
Rule ids and what they check: ``docs/rules.md``.

Example:
    >>> from goiar.testing import make_report
    >>> rules = RuleSet.default(discover=False).disable("narrative")
    >>> validate(make_report({"requests.granted.total": 1}), rules)[0].rule
    'requests.row_total'
"""

from goiar.rules.base import Rule, RuleContext, RuleInfo, is_rule, rule, rule_info
from goiar.rules.engine import BUILTIN_RULES, ENTRY_POINT_GROUP, RULE_FAILED, RuleSet, iter_findings, validate

__all__ = [
    "BUILTIN_RULES",
    "ENTRY_POINT_GROUP",
    "RULE_FAILED",
    "Rule",
    "RuleContext",
    "RuleInfo",
    "RuleSet",
    "is_rule",
    "iter_findings",
    "rule",
    "rule_info",
    "validate",
]
