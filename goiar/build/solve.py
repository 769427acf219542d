"""Recovery: choose among row readings with the template's identities, and fill forced cells.

The table is solved jointly: for every combination of the damaged rows' candidate readings, unknown
cells that an identity pins down (exactly one unknown in it) are filled, repeatedly, and every
identity touching an uncertain cell must hold.  When all surviving combinations agree on a cell, its
value is kept (``inferred`` unless the document printed it unambiguously); when they disagree the
cell is None with ``cell.ambiguous``; when none survives, rows fall back to their own readings and
the rules report the broken identity.  A printed total is never overwritten.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import cast

import attrs

from goiar.build.readings import CellReading, RowReading
from goiar.model import construct
from goiar.model.figure import CellState, Figure, Number, Obtained
from goiar.model.finding import Finding, Severity
from goiar.template.identities import Identity, label_of_key

__all__ = ["SolvedTable", "TableRow", "solve"]

MAX_COMBINATIONS = 2000


@attrs.frozen
class TableRow:
    """A row to solve: its canonical keys (one per column), its reading, and display labels."""

    prefix: str
    keys: tuple[str, ...]
    reading: RowReading
    label: str


@attrs.frozen
class SolvedTable:
    """Figures per canonical key, and the ``cell.*`` findings of the solution."""

    figures: dict[str, Figure]
    findings: list[Finding]


Values = dict[str, Number | None]


def _propagate(values: Values, identities: Sequence[Identity], signed: frozenset[str]) -> dict[str, Identity] | None:
    """Fill cells forced by identities, in place; None on contradiction.

    Two things force a cell: an identity with exactly one unknown, and an identity whose unknowns are
    non-negative counts on one side that must sum to 0 (a blank 法人 cell in a row whose 总计 equals
    its 自然人 cell is 0).  A forced negative count is a contradiction.
    """
    forced: dict[str, Identity] = {}
    changed = True
    while changed:
        changed = False
        for identity in identities:
            unknown = [key for key in identity.keys if values.get(key) is None]
            if not unknown:
                continue
            solved = identity.solve(values)
            if solved is not None:
                key, value = solved
                if value < 0 and key not in signed:
                    return None
                values[key] = value
                forced[key] = identity
                changed = True
                continue
            zeros = _zero_sum(identity, values, unknown, signed)
            if zeros is None:
                return None
            for key in zeros:
                values[key] = 0
                forced[key] = identity
                changed = True
    return forced


def _zero_sum(identity: Identity, values: Values, unknown: list[str], signed: frozenset[str]) -> list[str] | None:
    """Unknowns forced to 0 because they are non-negative and must sum to 0 ([] if not applicable)."""
    if any(key in signed for key in unknown):
        return []
    on_left = [key in identity.lhs for key in unknown]
    if any(on_left) and not all(on_left):
        return []
    left = sum((values[k] or 0 for k in identity.lhs if k not in unknown), start=0)
    right = sum((values[k] or 0 for k in identity.rhs if k not in unknown), start=0)
    needed = right - left if all(on_left) else left - right
    if needed < 0:
        return None
    return unknown if needed == 0 else []


def _holds(identity: Identity, values: Values) -> bool:
    sides = identity.sides(values)
    return sides is None or sides[0] == sides[1]


def row_filter(
    keys: tuple[str, ...], identities: Sequence[Identity], signed: frozenset[str]
) -> Callable[[tuple[CellReading, ...]], bool]:
    """A filter accepting the candidates of one row that satisfy the identities inside that row.

    The row's identities are looked up on the first call: most rows are read without filtering.
    """
    found: list[tuple[Identity, ...]] = []
    positions: list[tuple[tuple[int, ...], tuple[int, ...]]] = []

    def accept(vector: tuple[CellReading, ...]) -> bool:
        if not found:
            found.append(_inside(keys, tuple(identities)))
            column = {key: i for i, key in enumerate(keys)}
            positions.extend((tuple(column[k] for k in i.lhs), tuple(column[k] for k in i.rhs)) for i in found[0])
        inside = found[0]
        numbers = [c.value for c in vector]
        if None not in numbers:  # a complete candidate (the usual one): compare the sums by position
            known = cast("list[Number]", numbers)
            return all(sum(known[i] for i in left) == sum(known[i] for i in right) for left, right in positions)
        values: Values = dict(zip(keys, numbers, strict=True))
        if _propagate(values, inside, signed) is None:
            return False
        return all(_holds(i, values) for i in inside)

    return accept


@attrs.frozen
class _Group:
    """Candidate vectors of one row that give the same numbers once the row's own identities are applied."""

    values: tuple[Number | None, ...]
    vectors: tuple[tuple[CellReading, ...], ...]
    forced: dict[str, Identity]


@lru_cache(maxsize=512)
def _inside(keys: tuple[str, ...], identities: tuple[Identity, ...]) -> tuple[Identity, ...]:
    """The identities whose cells all lie in ``keys`` (one row)."""
    inside = set(keys)
    return tuple(i for i in identities if inside.issuperset(i.keys))


def _groups(row: TableRow, identities: Sequence[Identity], signed: frozenset[str]) -> list[_Group]:
    """Complete each candidate with the identities inside the row, then merge equal results."""
    own = _inside(row.keys, tuple(identities))
    grouped: dict[tuple[Number | None, ...], tuple[list[tuple[CellReading, ...]], dict[str, Identity]]] = {}
    for vector in row.reading.candidates:
        values: Values = dict(zip(row.keys, (c.value for c in vector), strict=True))
        forced: dict[str, Identity] | None = {}
        if not row.reading.definite:
            forced = _propagate(values, own, signed)
            if forced is None or not all(_holds(i, values) for i in own):
                if not row.reading.relaxed:
                    continue
                values = dict(zip(row.keys, (c.value for c in vector), strict=True))
                forced = {}
        key = tuple(values[k] for k in row.keys)
        entry = grouped.setdefault(key, ([], {}))
        entry[0].append(vector)
        entry[1].update(forced or {})
    if not grouped:  # every candidate breaks the row's identities: keep them unfiltered
        return [_Group(tuple(c.value for c in v), (v,), {}) for v in row.reading.candidates]
    return [_Group(values, tuple(vectors), forced) for values, (vectors, forced) in grouped.items()]


def solve(
    rows: Sequence[TableRow], identities: Sequence[Identity], signed: frozenset[str] = frozenset()
) -> SolvedTable:
    """Choose readings and fill forced cells for one table."""
    as_printed = _as_printed(rows)
    if as_printed is not None:
        # every cell printed once and readable: nothing to choose or infer, the rules judge the arithmetic
        return SolvedTable(as_printed, [])
    limited = [row for row in rows if row.reading.limited]
    if limited:
        # an incomplete set of readings cannot show that a reading is the only one: such rows
        # are unknown (the other rows' identities may still force their cells)
        rows = [
            attrs.evolve(row, reading=RowReading(candidates=((_TOO_MANY,) * len(row.keys),), damage=("limited",)))
            if row.reading.limited
            else row
            for row in rows
        ]
    groups = {row.prefix: _groups(row, identities, signed) for row in rows}
    base: Values = {}
    uncertain_keys: set[str] = set()
    for row in rows:
        if len(groups[row.prefix]) == 1:
            base.update(zip(row.keys, groups[row.prefix][0].values, strict=True))
        if not row.reading.definite:
            uncertain_keys.update(row.keys)
    uncertain_keys |= {key for key, value in base.items() if value is None}
    relevant = [i for i in identities if uncertain_keys.intersection(i.keys)]
    choice_rows = [row for row in rows if len(groups[row.prefix]) > 1]
    total = 1
    for row in choice_rows:
        total *= len(groups[row.prefix])

    solutions: list[tuple[Values, dict[str, Identity], dict[str, int]]] = []
    if total <= MAX_COMBINATIONS:
        for combo in itertools.product(*(range(len(groups[row.prefix])) for row in choice_rows)):
            values = dict(base)
            for row, index in zip(choice_rows, combo, strict=True):
                values.update(zip(row.keys, groups[row.prefix][index].values, strict=True))
            forced = _propagate(values, relevant, signed)
            if forced is None or not all(_holds(i, values) for i in relevant):
                continue
            solutions.append((values, forced, {row.prefix: i for row, i in zip(choice_rows, combo, strict=True)}))

    figures: dict[str, Figure] = {}
    findings: list[Finding] = []
    if solutions:
        _resolve(rows, groups, solutions, figures, findings)
    else:
        # No combination satisfies the identities (or too many to try): every row keeps its own
        # readings, filling only what its own identities force; the rules report the broken identity.
        values = dict(base)
        forced_all: dict[str, Identity] = {}
        plain = [row for row in rows if row not in choice_rows]
        for row in plain:
            own = _inside(row.keys, tuple(identities))
            row_values = {key: values.get(key) for key in row.keys}
            forced = _propagate(row_values, own, signed)
            if forced is not None and all(_holds(i, row_values) for i in own):
                values.update(row_values)
                forced_all.update(forced)
        _resolve(plain, groups, [(values, forced_all, {})], figures, findings)
        _ambiguous_fallback(choice_rows, figures, findings)
    findings.extend(_inferred_findings(rows, figures))
    if limited:
        findings = [_too_many(f, limited) for f in findings]
    return SolvedTable(figures, findings)


_TOO_MANY = CellReading(None, CellState.UNREADABLE, exact=False)


def _too_many(finding: Finding, limited: Sequence[TableRow]) -> Finding:
    """Report the cells of rows with too many readings as ambiguous, not as missing."""
    for row in limited:
        if finding.rule == "cell.missing" and finding.path in row.keys:
            raw = " ".join(
                dict.fromkeys(c.raw for vector in row.reading.candidates[:1] for c in vector if c.raw is not None)
            )
            return attrs.evolve(
                finding,
                rule="cell.ambiguous",
                message=f"{label_of_key(finding.path)} 所在行的数字连写（{raw}）有太多种读法，勾稽关系无法确定",
            )
    return finding


def _resolve(
    rows: Sequence[TableRow],
    groups: Mapping[str, list[_Group]],
    solutions: list[tuple[Values, dict[str, Identity], dict[str, int]]],
    figures: dict[str, Figure],
    findings: list[Finding],
) -> None:
    for row in rows:
        missing_cells: list[str] = []
        for column, key in enumerate(row.keys):
            readings: list[CellReading] = []
            results: set[Number | None] = set()
            forced_by: set[str] = set()
            for values, forced, chosen in solutions:
                group = groups[row.prefix][chosen.get(row.prefix, 0)]
                readings.extend(vector[column] for vector in group.vectors)
                results.add(values.get(key))
                for source in (forced, group.forced):
                    if key in source:
                        forced_by.add(f"{source[key].id} {source[key].name}")
            figure, finding = _figure(key, readings, results, forced_by)
            figures[key] = figure
            if finding is None:
                continue
            if finding.rule == "cell.missing" and row.reading.damage == ("absent",):
                missing_cells.append(key)
            else:
                findings.append(finding)
        if missing_cells:
            findings.append(
                Finding(
                    rule="cell.missing",
                    severity=Severity.ERROR,
                    path=row.prefix,
                    message=f"「{row.label}」 行 未在文中找到，且勾稽关系无法推出其数值（{len(missing_cells)} 格）",
                )
            )


def _as_printed(rows: Sequence[TableRow]) -> dict[str, Figure] | None:
    """Every cell's figure as read, when each row has one reading and every cell a value (else None)."""
    figures: dict[str, Figure] = {}
    make, read = construct.figure, Obtained.READ
    for row in rows:
        reading = row.reading
        if reading.damage or len(reading.candidates) != 1:
            return None
        for key, cell in zip(row.keys, reading.candidates[0], strict=True):
            if cell.value is None:
                return None
            figures[key] = make(
                cell.value, cell.state, cell.raw, cell.where() if cell.at else cell.source, read, None, cell.unit
            )
    return figures


def _figure(
    key: str, readings: list[CellReading], results: set[Number | None], forced_by: set[str]
) -> tuple[Figure, Finding | None]:
    first = readings[0]
    same_origin = all(r.origin == first.origin and r.raw == first.raw for r in readings)
    raw = first.raw if same_origin else None
    same_place = same_origin and all(r.at == first.at for r in readings)
    source = first.where() if same_place else (first.source if same_origin else None)
    if len(results) > 1:
        shown = sorted(str(v) for v in results if v is not None)
        return Figure(value=None, state=CellState.UNREADABLE, raw=raw, source=source), Finding(
            rule="cell.ambiguous",
            severity=Severity.ERROR,
            path=key,
            message=f"{label_of_key(key)} 有多种读法（{'、'.join(shown)}），勾稽关系无法确定",
            candidates=tuple(shown),
            source=source,
        )
    value = next(iter(results))
    shared_state = first.state if all(r.state is first.state for r in readings) else None
    if value is None:
        state = shared_state or CellState.MISSING
        figure = Figure(value=None, state=state, raw=raw, source=source, unit=first.unit)
        if state in {CellState.BLANK, CellState.DASH}:
            written = (raw or "").strip() or "空白"
            return figure, Finding(
                rule="cell.blank",
                severity=Severity.WARNING,
                path=key,
                message=f"{label_of_key(key)} 为空（{written}），按未知处理：空白可能表示 0，也可能表示未填写",
                source=source,
            )
        detail = f"（原文 {raw!r} 不是数字）" if raw else "（文中缺失）"
        return figure, Finding(
            rule="cell.missing",
            severity=Severity.ERROR,
            path=key,
            message=f"{label_of_key(key)} 无可读数值{detail}，勾稽关系也无法推出",
            source=source,
        )
    if same_origin and first.exact and first.origin is not None and first.value == value and not forced_by:
        return Figure(value=value, state=first.state, raw=raw, source=source, unit=first.unit), None
    identity = "; ".join(sorted(forced_by)) if forced_by else "the only reading that satisfies the identities"
    keep = {CellState.BLANK, CellState.DASH, CellState.MISSING}
    state = shared_state if shared_state in keep else _value_state({value})
    return (
        Figure(
            value=value,
            state=state,
            raw=raw,
            source=source,
            obtained=Obtained.INFERRED,
            identity=identity,
            unit=first.unit,
        ),
        None,
    )


def _value_state(results: set[Number | None]) -> CellState:
    values = [v for v in results if v is not None]
    if len(values) == 1:
        return CellState.ZERO if values[0] == 0 else CellState.NUMBER
    return CellState.UNREADABLE


def _ambiguous_fallback(choice_rows: Sequence[TableRow], figures: dict[str, Figure], findings: list[Finding]) -> None:
    for row in choice_rows:
        for column, key in enumerate(row.keys):
            readings = [vector[column] for vector in row.reading.candidates]
            results = {r.value for r in readings}
            figure, finding = _figure(key, readings, results, set())
            figures[key] = figure
            if finding is not None:
                findings.append(finding)


def _inferred_findings(rows: Sequence[TableRow], figures: Mapping[str, Figure]) -> list[Finding]:
    out: list[Finding] = []
    for row in rows:
        inferred = [
            (key, figures[key]) for key in row.keys if key in figures and figures[key].obtained is Obtained.INFERRED
        ]
        if not inferred:
            continue
        shown = "，".join(f"{label_of_key(key).split(' ')[-1]}={fig.value}" for key, fig in inferred)
        identities = sorted({fig.identity or "" for _, fig in inferred})
        why = {
            "lost": "有单元格在分页处丢失",
            "run": "数字连写在一起",
            "stray": "有多余数值",
            "absent": "整行缺失",
        }
        damage = "、".join(why.get(d, d) for d in row.reading.damage) or "有空白单元格"
        out.append(
            Finding(
                rule="cell.inferred",
                severity=Severity.INFO,
                path=row.prefix if len(inferred) > 1 else inferred[0][0],
                message=f"「{row.label}」 {damage}；由勾稽关系唯一确定：{shown}（{'; '.join(identities)}）",
                source=inferred[0][1].source,
            )
        )
    return out


_ = Decimal
