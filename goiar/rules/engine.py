"""Running rules: the immutable :class:`RuleSet`, plug-in discovery, :func:`iter_findings` and :func:`validate`.

Plug-ins: another package adds rules under the ``goiar.rules`` entry-point group; each entry point loads
a rule function (decorated with :func:`~goiar.rules.rule`) or an iterable of them.  They are loaded when
:meth:`RuleSet.default` is called (never at import time); ``discover=False`` gives the built-ins only.

A rule that raises does not stop validation: its exception becomes one ``internal.rule_failed`` finding
(severity error, path ``""`` = the whole report, naming the rule and the exception), the findings it
yielded before failing are kept, and the other rules run as usual.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points

import attrs

from goiar.errors import RegistryError
from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.rules import appeals, history, meta, narrative, proactive, requests, structure
from goiar.rules.base import _INFO_ATTRIBUTE, Rule, RuleContext, RuleInfo, is_rule, rule_info

__all__ = ["BUILTIN_RULES", "ENTRY_POINT_GROUP", "RULE_FAILED", "RuleSet", "iter_findings", "validate"]

ENTRY_POINT_GROUP = "goiar.rules"
RULE_FAILED = "internal.rule_failed"
"""Rule id of the finding that stands for a rule that raised."""

BUILTIN_RULES: tuple[Rule, ...] = (
    structure.missing_section,
    structure.missing_table,
    structure.template_mixed,
    meta.deadline,
    proactive.negative,
    proactive.flow,
    requests.row_total,
    requests.column_total,
    requests.balance,
    requests.negative,
    appeals.total,
    narrative.requests,
    narrative.appeals,
    history.carry_over,
)
"""The built-in rules, in the order they run."""


def _matches(rule_id: str, selectors: tuple[str, ...]) -> bool:
    return any(rule_id == s or rule_id.startswith(s.rstrip(".") + ".") for s in selectors)


def _check_unique(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    seen: dict[str, Rule] = {}
    for item in rules:  # an id twice is an error even for the same function: a set holds a rule once
        info = getattr(item, _INFO_ATTRIBUTE, None) if callable(item) else None  # is_rule and rule_info in one
        if not isinstance(info, RuleInfo):
            msg = f"{item!r} is not a goiar rule (decorate it with @goiar.rules.rule)"
            raise RegistryError(msg)
        if info.id in seen:
            raise RegistryError(f"rule id {info.id!r} is registered twice")
        seen[info.id] = item
    return tuple(seen.values())


def _load(entry_point: EntryPoint) -> tuple[Rule, ...]:
    name = f"{entry_point.name} = {entry_point.value}"
    try:
        loaded = entry_point.load()
    except Exception as error:  # a broken plug-in of any kind is reported the same way
        raise RegistryError(f"goiar.rules entry point {name!r} failed to load: {error!r}") from error
    items: list[object] = [loaded] if callable(loaded) else list(loaded) if isinstance(loaded, Iterable) else []
    if not items or not all(is_rule(item) for item in items):
        raise RegistryError(
            f"goiar.rules entry point {name!r} must load a rule function decorated with @goiar.rules.rule, "
            f"or an iterable of them; got {loaded!r}"
        )
    return tuple(item for item in items if is_rule(item))


@functools.cache
def _discovered() -> tuple[Rule, ...]:
    """Rules of the ``goiar.rules`` entry points, loaded once, on first use (an immutable tuple)."""
    rules: list[Rule] = []
    taken = {rule_info(item).id for item in BUILTIN_RULES}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        for item in _load(entry_point):
            if rule_info(item).id in taken:
                raise RegistryError(
                    f"goiar.rules entry point {entry_point.name!r}: rule id {rule_info(item).id!r} is registered twice"
                )
            rules.append(item)
            taken.add(rule_info(item).id)
    return tuple(rules)


@attrs.frozen
class RuleSet:
    """An immutable set of rules with a filter on rule ids; every change returns a new set.

    The filter (``select``/``disable``) also applies to the findings recorded while reading
    (``cell.*``, ``structure.unknown_row``): ``RuleSet.default().disable("cell.blank")`` drops them too.
    Selectors are rule ids or dotted prefixes (``"narrative"`` = ``narrative.*``).

    Example:
        >>> rules = RuleSet.default(discover=False)
        >>> len(rules), "requests.balance" in rules.ids
        (14, True)
        >>> rules.disable("narrative", "meta.deadline").ids[:3]
        ('structure.missing_section', 'structure.missing_table', 'template.mixed')
        >>> rules.select("requests").ids
        ('requests.row_total', 'requests.column_total', 'requests.balance', 'requests.negative')
    """

    _rules: tuple[Rule, ...] = attrs.field(default=(), alias="rules", converter=_check_unique)
    _selected: tuple[str, ...] | None = attrs.field(default=None, alias="selected")
    _disabled: tuple[str, ...] = attrs.field(default=(), alias="disabled")

    @classmethod
    def default(cls, discover: bool = True) -> RuleSet:
        """The built-in rules, plus those of the ``goiar.rules`` entry points unless ``discover=False``.

        Raises:
            RegistryError: a plug-in fails to load, is not a rule, or reuses a rule id.

        Example:
            >>> RuleSet.default(discover=False).ids[-1]
            'history.carry_over'
        """
        return cls(rules=BUILTIN_RULES + (_discovered() if discover else ()))

    def allows(self, rule_id: str) -> bool:
        """True when findings with ``rule_id`` pass this set's select/disable filter.

        Example:
            >>> RuleSet().disable("cell").allows("cell.blank"), RuleSet().allows("cell.blank")
            (False, True)
        """
        if rule_id == RULE_FAILED or (self._selected is None and not self._disabled):
            return True
        if self._selected is not None and not _matches(rule_id, self._selected):
            return False
        return not _matches(rule_id, self._disabled)

    def select(self, *ids_or_prefixes: str) -> RuleSet:
        """Keep only the rules (and recorded findings) whose id matches one of the selectors.

        Example:
            >>> RuleSet.default(discover=False).select("appeals.total", "history").ids
            ('appeals.total', 'history.carry_over')
        """
        if self._selected is None:
            return attrs.evolve(self, selected=ids_or_prefixes)
        narrower = tuple(s for s in ids_or_prefixes if _matches(s, self._selected))
        kept = tuple(s for s in self._selected if _matches(s, ids_or_prefixes))
        return attrs.evolve(self, selected=tuple(dict.fromkeys(narrower + kept)))

    def disable(self, *ids_or_prefixes: str) -> RuleSet:
        """Drop the rules (and recorded findings) whose id matches one of the selectors.

        Example:
            >>> len(RuleSet.default(discover=False).disable("requests", "proactive.flow"))
            9
        """
        return attrs.evolve(self, disabled=self._disabled + ids_or_prefixes)

    def add(self, *rules: Rule) -> RuleSet:
        """A new set with ``rules`` added.

        Raises:
            RegistryError: a rule id is already in the set, or an argument is not a rule.

        Example:
            >>> from goiar.rules import requests
            >>> RuleSet.default(discover=False).add(requests.balance)
            Traceback (most recent call last):
            ...
            goiar.errors.RegistryError: rule id 'requests.balance' is registered twice
        """
        ids = {rule_info(item).id for item in self._rules}
        for item in _check_unique(rules):
            if rule_info(item).id in ids:
                raise RegistryError(f"rule id {rule_info(item).id!r} is registered twice")
        return attrs.evolve(self, rules=self._rules + rules)

    def __iter__(self) -> Iterator[Rule]:
        if self._selected is None and not self._disabled:  # no filter: every rule that emits anything runs
            return (item for item in self._rules if rule_info(item).emits)
        return (item for item in self._rules if any(self.allows(i) for i in rule_info(item).emits))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the rules that run, in order.

        Example:
            >>> RuleSet().ids
            ()
        """
        return tuple(rule_info(item).id for item in self)


def _crashed(item: Rule, error: Exception) -> Finding:
    info = rule_info(item)
    return Finding(
        rule=RULE_FAILED,
        severity=Severity.ERROR,
        path="",
        message=f"规则 {info.id} 运行出错，未能完成检查：{type(error).__name__}: {error}",
        actual=info.id,
    )


def iter_findings(report: Report, rules: RuleSet | None = None, previous: Report | None = None) -> Iterator[Finding]:
    """Findings recorded while reading, then each rule's findings, lazily.

    Duplicates are dropped: a rule finding with the same ``(rule, path)`` as a recorded one, or the same
    ``(rule, path, message)`` as an earlier rule finding.

    Args:
        report: The report to check.
        rules: The rules to run; default :meth:`RuleSet.default`.
        previous: Last year's report of the same body, for ``history.*`` rules.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"appeals.reconsideration.total": 2})
        >>> [(f.rule, f.path) for f in iter_findings(report, RuleSet.default(discover=False))]
        [('appeals.total', 'appeals.reconsideration.total')]
    """
    rules = RuleSet.default() if rules is None else rules
    context = RuleContext(previous=previous)
    recorded = {(f.rule, f.path) for f in report.findings}
    seen: set[tuple[str, str, str]] = set()
    yield from (f for f in report.findings if rules.allows(f.rule))
    for item in rules:
        try:
            for finding in item(report, context):
                key = (finding.rule, finding.path, finding.message)
                if (finding.rule, finding.path) in recorded or key in seen or not rules.allows(finding.rule):
                    continue
                seen.add(key)
                yield finding
        except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
            yield _crashed(item, error)


def validate(report: Report, rules: RuleSet | None = None, previous: Report | None = None) -> list[Finding]:
    """All findings of :func:`iter_findings` as a list.

    Example:
        >>> from goiar.testing import make_report
        >>> validate(make_report(), RuleSet.default(discover=False))
        []
    """
    return list(iter_findings(report, rules, previous))
