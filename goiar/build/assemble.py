"""Assembly: blocks → parts → matched tables → solved figures → :class:`~goiar.model.Report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

import attrs

from goiar.blocks import Block, Blocks, Grid, Heading, Paragraph
from goiar.build.meta import extract_meta, page_fields_from_lines, split_signature
from goiar.build.readings import RowReading, missing_row, read_row
from goiar.build.solve import TableRow, row_filter, solve
from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS, AppealGroup, Appeals
from goiar.model.figure import Figure
from goiar.model.finding import Finding, Severity
from goiar.model.proactive import Proactive, ProactiveRow
from goiar.model.report import Report, Section
from goiar.model.requests import REQUEST_COLUMNS, RequestRow, Requests
from goiar.model.version import Template
from goiar.tables.labels import best_match, normalise_label
from goiar.tables.parts import Part, part_text, split_parts
from goiar.tables.tokens import Segment, ValueTok, segments
from goiar.template.identities import Identity, identities_for
from goiar.template.proactive import PROACTIVE_ITEMS, VERSION_MARKERS, FieldKind, proactive_items
from goiar.template.requests import REQUEST_ROWS, RequestRowSpec, request_rows

__all__ = ["assemble"]

_COUNT7 = (FieldKind.COUNT,) * len(REQUEST_COLUMNS)
_COUNT15 = (FieldKind.COUNT,) * (len(APPEAL_GROUPS) * len(APPEAL_COLUMNS))


def assemble(blocks: Blocks) -> Report:
    """Build a report from a reader's blocks (the findings recorded while reading included)."""
    parts = split_parts(blocks.items)
    by_key = {part.key: part for part in parts}
    findings: list[Finding] = []

    requests_part = by_key.get("requests")
    request_segments = segments(requests_part.blocks if requests_part else ())
    if not _matches_any(request_segments, [(row.key, row.pattern) for row in REQUEST_ROWS]):
        request_segments = segments(blocks.grids())
    proactive_part = by_key.get("proactive")
    proactive_blocks = proactive_part.blocks if proactive_part else ()
    proactive_version, proactive = _proactive(proactive_blocks, findings)
    requests = _requests(request_segments, proactive_version, findings)
    appeals_part = by_key.get("appeals")
    appeals = _appeals(appeals_part.blocks if appeals_part else (), findings)
    if proactive is None and requests is not None:
        proactive_version = None

    sections, closing, signature, signature_date = _sections(parts)
    preamble = by_key.get("preamble")
    preamble_lines = [b.text for b in (preamble.blocks if preamble else ()) if isinstance(b, Paragraph | Heading)]
    fields = list(blocks.fields) + page_fields_from_lines(preamble_lines[:40])
    full_text = "\n".join(b.text for b in blocks.items if isinstance(b, Paragraph | Heading))
    meta = extract_meta(
        title_lines=preamble_lines[:12] or [p.heading or "" for p in parts[:1]],
        fields=fields,
        full_text=full_text,
        signature=signature,
        signature_date=signature_date,
        template=requests.template if requests is not None else (proactive.template if proactive else None),
    )
    if closing is not None:
        sections.append(closing)
    return Report(
        meta=meta,
        sections=tuple(sections),
        proactive=proactive,
        requests=requests,
        appeals=appeals,
        findings=tuple(findings),
        reader=blocks.reader,
        encoding=blocks.encoding,
    )


def _matches_any(found: Sequence[Segment], patterns: list[tuple[str, str]]) -> bool:
    return any(not s.all_blank and best_match(normalise_label(s.label), patterns) for s in found)


MAX_ROW_WARNINGS = 20
"""Rows of one table reported one by one as unplaced or repeated; the rest are counted in one finding."""


def _assign(
    found: Sequence[Segment], patterns: list[tuple[str, str]], table: str, findings: list[Finding]
) -> dict[str, Segment]:
    """Match segments to row keys: the last matching fragment wins; a filled row is not overwritten."""
    assigned: dict[str, Segment] = {}
    carry = ""
    warned = 0

    def warn(segment: Segment, repeated_key: str | None = None) -> None:
        nonlocal warned
        warned += 1
        if warned > MAX_ROW_WARNINGS:
            return
        label = segment.label.strip()[:60]
        if repeated_key is None:
            values = " ".join(v.text.strip() or "␣" for v in segment.values[:40])
            path, message = table, f"无法对应到模板行的内容：「{label}」 {values[:80]}"
        else:
            path, message = f"{table}.{repeated_key}", f"「{label}」 重复出现，只取第一次的数值"
        findings.append(
            Finding(
                rule="structure.unknown_row",
                severity=Severity.WARNING,
                path=path,
                message=message,
                source=segment.source,
            )
        )

    for segment in found:
        label = normalise_label(carry + segment.label)
        key = best_match(label, patterns)
        if key is None:
            if segment.all_blank:
                carry += segment.label
                continue
            carry = ""
            warn(segment)
            continue
        carry = ""
        previous = assigned.get(key)
        if previous is None or (previous.all_blank and not segment.all_blank):
            assigned[key] = segment
        elif not segment.all_blank:
            warn(segment, repeated_key=key)
    if warned > MAX_ROW_WARNINGS:
        findings.append(
            Finding(
                rule="structure.unknown_row",
                severity=Severity.WARNING,
                path=table,
                message=f"另有 {warned - MAX_ROW_WARNINGS:,} 处无法对应或重复的行（只列出了前 {MAX_ROW_WARNINGS} 处）",
            )
        )
    return assigned


def _requests(found: list[Segment], fallback: Template | None, findings: list[Finding]) -> Requests | None:
    patterns = [(row.key, row.pattern) for row in REQUEST_ROWS]
    local: list[Finding] = []
    assigned = _assign(found, patterns, "requests", local)
    if not any(not s.all_blank for s in assigned.values()):
        return None
    findings.extend(local)
    if assigned.keys() & {
        "other_handling.no_correction",
        "other_handling.unpaid_fee",
        "other_handling.other",
    }:
        version = Template.V2021
    elif "other_handling" in assigned:
        version = Template.V2019
    else:
        version = fallback or Template.V2021
    identities = identities_for("requests", version)
    rows: list[TableRow] = []
    for spec, keys in _request_keys(version):
        segment = assigned.get(spec.key)
        reading = (
            _read(segment.values, _COUNT7, keys, identities)
            if segment is not None
            else missing_row(len(REQUEST_COLUMNS))
        )
        rows.append(TableRow(prefix=f"requests.{spec.key}", keys=keys, reading=reading, label=spec.label))
    solved = solve(rows, identities)
    findings.extend(solved.findings)
    out = []
    for spec, keys in _request_keys(version):
        cells = {c: solved.figures[key] for c, key in zip(REQUEST_COLUMNS, keys, strict=True)}
        segment = assigned.get(spec.key)
        out.append(
            RequestRow(key=spec.key, label=spec.label, printed=segment.label.strip() if segment else None, **cells)
        )
    return Requests(template=version, rows=tuple(out))


@cache
def _request_keys(version: Template) -> tuple[tuple[RequestRowSpec, tuple[str, ...]], ...]:
    """The rows of table 三 in ``version`` with the canonical keys of their cells."""
    return tuple((spec, tuple(f"requests.{spec.key}.{c}" for c in REQUEST_COLUMNS)) for spec in request_rows(version))


def _read(
    values: Sequence[ValueTok],
    kinds: Sequence[FieldKind],
    keys: tuple[str, ...],
    identities: Sequence[Identity],
) -> RowReading:
    return read_row(values, kinds, accept=row_filter(keys, identities, frozenset()))


def _appeals(items: Sequence[Block], findings: list[Finding]) -> Appeals | None:
    found = [s for s in segments(items) if not s.all_blank]
    values: list[ValueTok] = [v for s in found for v in s.values]
    if not values:
        return None
    keys = tuple(f"appeals.{g}.{c}" for g in APPEAL_GROUPS for c in APPEAL_COLUMNS)
    identities = identities_for("appeals", Template.V2021)
    reading = _read(values, _COUNT15, keys, identities)
    solved = solve([TableRow(prefix="appeals", keys=keys, reading=reading, label="行政复议、行政诉讼")], identities)
    findings.extend(solved.findings)
    groups = {
        g: AppealGroup(key=g, **{c: solved.figures[f"appeals.{g}.{c}"] for c in APPEAL_COLUMNS}) for g in APPEAL_GROUPS
    }
    return Appeals(**groups)


def _proactive(items: Sequence[Block], findings: list[Finding]) -> tuple[Template | None, Proactive | None]:
    found = segments(items)
    text = normalise_label("".join(s.label for s in found))
    votes = {Template.V2019: 0, Template.V2021: 0}
    for marker, version in VERSION_MARKERS:
        if marker in text:
            votes[version] += 1
    patterns = [(item.key, item.pattern) for item in PROACTIVE_ITEMS if item.version is Template.V2019]
    local: list[Finding] = []
    assigned = _assign(found, patterns, "proactive", local)
    if not any(not s.all_blank for s in assigned.values()):
        return (max(votes, key=lambda v: votes[v]) if any(votes.values()) else None), None
    findings.extend(local)
    if votes[Template.V2019] != votes[Template.V2021]:
        version = max(votes, key=lambda v: votes[v])
    elif assigned.keys() & {"other_services", "procurement"}:
        version = Template.V2019
    else:
        licensing = assigned.get("licensing")
        version = Template.V2019 if licensing is not None and len(licensing.values) >= 3 else Template.V2021
    items_of = proactive_items(version)
    signed = frozenset(
        f"proactive.{item.key}.{field.key}"
        for item in items_of
        for field in item.fields
        if field.kind is FieldKind.SIGNED
    )
    rows: list[TableRow] = []
    for item in items_of:
        keys = tuple(f"proactive.{item.key}.{field.key}" for field in item.fields)
        kinds = tuple(field.kind for field in item.fields)
        segment = assigned.get(item.key)
        reading = read_row(segment.values, kinds) if segment is not None else missing_row(len(kinds))
        rows.append(TableRow(prefix=f"proactive.{item.key}", keys=keys, reading=reading, label=item.label))
    solved = solve(rows, (), signed)
    findings.extend(solved.findings)
    out = []
    for item in items_of:
        figs: list[Figure] = []
        for field in item.fields:
            figure = solved.figures[f"proactive.{item.key}.{field.key}"]
            if field.unit and figure.unit is None and figure.value is not None:
                figure = attrs.evolve(figure, unit=field.unit)
            figs.append(figure)
        segment = assigned.get(item.key)
        out.append(
            ProactiveRow(
                key=item.key,
                label=item.label,
                fields=tuple(f.key for f in item.fields),
                figures=tuple(figs),
                printed=segment.label.strip() if segment else None,
            )
        )
    return version, Proactive(template=version, rows=tuple(out))


def _sections(parts: Sequence[Part]) -> tuple[list[Section], Section | None, str | None, dt.date | None]:
    sections: list[Section] = []
    closing: Section | None = None
    signature: str | None = None
    signature_date: dt.date | None = None
    for part in parts:
        if part.key == "preamble":
            text = part_text(part)
            if text:
                sections.append(Section(key="preamble", heading=None, text=text, source=part.source))
            continue
        text = part_text(part)
        if part is parts[-1]:
            lines = text.split("\n")
            start, signature, signature_date = split_signature(lines)
            if start < len(lines):
                closing = Section(key="closing", heading=None, text="\n".join(lines[start:]).strip())
                text = "\n".join(lines[:start]).rstrip()
        sections.append(Section(key=part.key, heading=part.heading, text=text, source=part.source))
    _ = Grid
    return sections, closing, signature, signature_date
