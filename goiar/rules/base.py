"""What a rule is: a plain generator function plus the metadata :func:`rule` attaches to it.

A rule is ``(report, context) -> Iterator[Finding]``.  It holds no state and reads nothing but its
arguments; :class:`RuleContext` carries what is not in the report (last year's report of the same body).
The :func:`rule` decorator builds a :class:`RuleInfo` and attaches it to the function, nothing else:
registering a rule is the separate, explicit step of putting it in a :class:`~goiar.rules.RuleSet`.

Example:
    >>> from goiar.model import Finding, Severity
    >>> @rule("demo.always", Severity.INFO, title="Always says hello")
    ... def always(report, context):
    ...     '''Say hello once.'''
    ...     yield Finding(rule="demo.always", severity=Severity.INFO, path="", message="hello")
    >>> info = rule_info(always)
    >>> info.id, info.severity.value, info.title, info.emits
    ('demo.always', 'info', 'Always says hello', ('demo.always',))
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeGuard

import attrs

from goiar.model.finding import Finding, Severity
from goiar.model.report import Report

__all__ = ["Rule", "RuleContext", "RuleInfo", "is_rule", "rule", "rule_info"]

_INFO_ATTRIBUTE = "__goiar_rule__"


@attrs.frozen(kw_only=True)
class RuleContext:
    """What a rule may know besides the report itself.

    Example:
        >>> RuleContext().previous is None
        True
    """

    previous: Report | None = None
    """Last year's report of the same body (for ``history.*`` rules), if the caller has it."""


Rule = Callable[[Report, RuleContext], Iterator[Finding]]
"""A rule: a pure generator function of the report and its context."""


@attrs.frozen(kw_only=True)
class RuleInfo:
    """A rule's metadata, declared once by :func:`rule`.

    Example:
        >>> RuleInfo(id="requests.balance", severity=Severity.ERROR, title="勾稽关系").emits
        ('requests.balance',)
    """

    id: str
    """Stable dotted rule id (SPEC §4), e.g. ``"requests.balance"``."""
    severity: Severity
    """Default severity of the findings it emits."""
    title: str = ""
    """One-line title."""
    doc: str = ""
    """The rule function's docstring."""
    emits: tuple[str, ...] = attrs.field()
    """Every rule id its findings may carry (defaults to ``(id,)``)."""

    @emits.default
    def _emits_default(self) -> tuple[str, ...]:
        return (self.id,)


def rule(
    id: str,  # noqa: A002 - "id" is the name the contract uses
    severity: Severity,
    *,
    title: str = "",
    emits: tuple[str, ...] = (),
) -> Callable[[Rule], Rule]:
    """Attach :class:`RuleInfo` to a rule function (and change nothing else about it).

    Args:
        id: The stable dotted rule id.
        severity: The default severity of its findings.
        title: A one-line title; defaults to the first line of the docstring.
        emits: Every rule id the function may emit, when it is more than ``id`` alone.

    Returns:
        A decorator returning the very same function.

    Example:
        >>> @rule("demo.nothing", Severity.WARNING)
        ... def nothing(report, context):
        ...     '''Never finds anything.'''
        ...     return iter(())
        >>> rule_info(nothing).title
        'Never finds anything.'
    """

    def decorate(function: Rule) -> Rule:
        doc = (function.__doc__ or "").strip()
        info = RuleInfo(
            id=id,
            severity=severity,
            title=title or (doc.splitlines()[0] if doc else id),
            doc=doc,
            emits=emits or (id,),
        )
        setattr(function, _INFO_ATTRIBUTE, info)
        return function

    return decorate


def is_rule(candidate: object) -> TypeGuard[Rule]:
    """True when ``candidate`` is a callable carrying :class:`RuleInfo` (made by :func:`rule`).

    Example:
        >>> is_rule(len), is_rule(print)
        (False, False)
    """
    return callable(candidate) and isinstance(getattr(candidate, _INFO_ATTRIBUTE, None), RuleInfo)


def rule_info(function: Rule) -> RuleInfo:
    """The :class:`RuleInfo` of a rule function.

    Raises:
        TypeError: ``function`` was not decorated with :func:`rule`.

    Example:
        >>> rule_info(len)
        Traceback (most recent call last):
        ...
        TypeError: <built-in function len> is not a goiar rule (decorate it with @goiar.rules.rule)
    """
    info = getattr(function, _INFO_ATTRIBUTE, None)
    if not isinstance(info, RuleInfo):
        msg = f"{function!r} is not a goiar rule (decorate it with @goiar.rules.rule)"
        raise TypeError(msg)
    return info
