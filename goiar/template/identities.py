"""The template's arithmetic, declared once as data (format-notes §5.1).

Every identity says ``sum(lhs) == sum(rhs)`` over canonical keys (SPEC §3).  Both the recovery of lost
or run-together cells (:mod:`goiar.build.solve`) and the rules (:mod:`goiar.rules`) read these
declarations; there is no second copy of the arithmetic.

=======  ======================  ============================================================
id       rule                    identity
=======  ======================  ============================================================
T3-A     requests.balance        一 + 二 = （七）总计 + 四, per column (stated by the table itself)
T3-B     requests.row_total      a row's 总计 = 自然人 + the five 法人或其他组织 columns
T3-C     requests.column_total   （七）总计 = the sum of all outcome rows （一）…（六）, per column
T4       appeals.total           a group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结
=======  ======================  ============================================================

Example:
    >>> from goiar.model.version import Template
    >>> ids = identities_for("requests", Template.V2021)
    >>> len(ids), ids[0].id
    (39, 'T3-B')
    >>> [i.describe() for i in identities_for("appeals", Template.V2021)][0]
    '行政复议: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结'
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import cache

import attrs

from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS
from goiar.model.requests import REQUEST_COLUMNS
from goiar.model.version import Template
from goiar.template.appeals import APPEAL_COLUMN_LABELS, APPEAL_GROUP_LABELS
from goiar.template.proactive import PROACTIVE_ITEMS
from goiar.template.requests import REQUEST_COLUMN_LABELS, request_rows

__all__ = ["Identity", "identities_for", "label_of_key", "sum_known"]

Number = int | Decimal


@attrs.frozen(kw_only=True, cache_hash=True)
class Identity:
    """``sum(lhs) == sum(rhs)`` over canonical keys."""

    id: str
    """Short identity id from format-notes §5.1: ``T3-A``, ``T3-B``, ``T3-C`` or ``T4``."""
    rule: str
    """The rule id that reports a violation (SPEC §4)."""
    name: str
    """The row, column or group it is about, e.g. ``"requests.granted"`` or ``"requests.*.total"``."""
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    label: str
    """The official labels it is about, e.g. ``「（一）予以公开」``."""

    @property
    def keys(self) -> tuple[str, ...]:
        """Every canonical key it involves."""
        return self.lhs + self.rhs

    def describe(self) -> str:
        """A one-line statement in the official labels."""
        if self.id in {"T3-B", "T4"}:
            left = " + ".join(_column_label(key) for key in self.lhs)
            right = " + ".join(_column_label(key) for key in self.rhs)
        else:
            left, right = _sum_label(self.lhs), _sum_label(self.rhs)
        return f"{self.label}: {left} = {right}"

    def sides(self, values: Mapping[str, Number | None]) -> tuple[Number, Number] | None:
        """``(sum(lhs), sum(rhs))`` when every value is known, else None.

        Example:
            >>> [t4] = [i for i in identities_for("appeals", Template.V2021) if i.name == "appeals.reconsideration"]
            >>> values = dict.fromkeys(t4.keys, 1)
            >>> t4.sides(values), t4.sides({**values, "appeals.reconsideration.pending": None})
            ((1, 4), None)
        """
        left = sum_known(values, self.lhs)
        right = sum_known(values, self.rhs)
        if left is None or right is None:
            return None
        return left, right

    def solve(self, values: Mapping[str, Number | None]) -> tuple[str, Number] | None:
        """If exactly one key is unknown, the value the identity forces on it, else None."""
        unknown = [key for key in self.keys if values.get(key) is None]
        if len(unknown) != 1:
            return None
        key = unknown[0]
        known = {k: v for k, v in values.items() if k != key}
        left = sum((known[k] or 0 for k in self.lhs if k != key), start=0)
        right = sum((known[k] or 0 for k in self.rhs if k != key), start=0)
        forced = right - left if key in self.lhs else left - right
        return key, forced


def _column_label(key: str) -> str:
    table, _, rest = key.partition(".")
    column = rest.rpartition(".")[2]
    labels = dict(APPEAL_COLUMN_LABELS) if table == "appeals" else dict(REQUEST_COLUMN_LABELS)
    return labels.get(column, column)


def sum_known(values: Mapping[str, Number | None], keys: tuple[str, ...]) -> Number | None:
    """The sum of ``values`` over ``keys``, or None when any of them is unknown.

    Example:
        >>> sum_known({"a": 1, "b": 2}, ("a", "b")), sum_known({"a": 1, "b": None}, ("a", "b"))
        (3, None)
    """
    try:  # every value known, the usual case: one sum in C (the same additions, in the same order)
        return sum(map(values.get, keys))  # type: ignore[arg-type]
    except TypeError:  # a None among them (or something that is no number: the loop below says which)
        pass
    total: Number = 0
    for key in keys:
        value = values.get(key)
        if value is None:
            return None
        total += value
    return total


@cache
def label_of_key(key: str) -> str:
    """The official wording of a canonical key, e.g. ``「（七）总计」 自然人``.

    Example:
        >>> label_of_key("requests.total.natural_person")
        '「（七）总计」 自然人'
        >>> label_of_key("appeals.reconsideration.total")
        '「行政复议」 总计'
    """
    table, _, rest = key.partition(".")
    row, _, column = rest.rpartition(".")
    if table == "requests":
        row_label = next(
            (spec.label for spec in request_rows(Template.V2021) + request_rows(Template.V2019) if spec.key == row),
            row,
        )
        column_label = dict(REQUEST_COLUMN_LABELS).get(column, column)
        return f"「{row_label}」 {column_label}"
    if table == "appeals":
        return f"「{dict(APPEAL_GROUP_LABELS).get(row, row)}」 {dict(APPEAL_COLUMN_LABELS).get(column, column)}"
    if table == "proactive":
        for item in PROACTIVE_ITEMS:
            if item.key == row:
                for field in item.fields:
                    if field.key == column:
                        return f"「{item.label}」 {field.label}"
    return key


def _sum_label(keys: tuple[str, ...]) -> str:
    return " + ".join(_short_label(key) for key in keys)


def _short_label(key: str) -> str:
    """Row label for keys of a column identity, column label for keys of a row identity."""
    table, _, rest = key.partition(".")
    column = rest.rpartition(".")[2]
    if table == "appeals":
        return dict(APPEAL_COLUMN_LABELS).get(column, column)
    full = label_of_key(key)
    return full.split(" ")[0]


@cache
def identities_for(table: str, version: Template) -> tuple[Identity, ...]:
    """The identities of ``table`` (``"requests"`` or ``"appeals"``) in ``version``.

    Order: row totals, then column totals, then the balance (requests); group totals (appeals).
    """
    if table == "appeals":
        return tuple(_appeal_identities())
    if table != "requests":
        return ()
    rows = request_rows(version)
    parts = REQUEST_COLUMNS[:-1]
    out: list[Identity] = []
    for row in rows:
        out.append(
            Identity(
                id="T3-B",
                rule="requests.row_total",
                name=f"requests.{row.key}",
                lhs=(f"requests.{row.key}.total",),
                rhs=tuple(f"requests.{row.key}.{c}" for c in parts),
                label=f"「{row.label}」",
            )
        )
    column_labels = dict(REQUEST_COLUMN_LABELS)
    outcomes = tuple(row.key for row in rows if row.outcome)
    for column in REQUEST_COLUMNS:
        out.append(
            Identity(
                id="T3-C",
                rule="requests.column_total",
                name=f"requests.*.{column}",
                lhs=(f"requests.total.{column}",),
                rhs=tuple(f"requests.{key}.{column}" for key in outcomes),
                label=f"「{column_labels[column]}」列",
            )
        )
    for column in REQUEST_COLUMNS:
        out.append(
            Identity(
                id="T3-A",
                rule="requests.balance",
                name=f"requests.*.{column}",
                lhs=(f"requests.new_received.{column}", f"requests.carried_over.{column}"),
                rhs=(f"requests.total.{column}", f"requests.carried_forward.{column}"),
                label=f"「{column_labels[column]}」列",
            )
        )
    return tuple(out)


def _appeal_identities() -> list[Identity]:
    labels = dict(APPEAL_GROUP_LABELS)
    return [
        Identity(
            id="T4",
            rule="appeals.total",
            name=f"appeals.{group}",
            lhs=(f"appeals.{group}.total",),
            rhs=tuple(f"appeals.{group}.{c}" for c in APPEAL_COLUMNS[:-1]),
            label=labels[group],
        )
        for group in APPEAL_GROUPS
    ]
