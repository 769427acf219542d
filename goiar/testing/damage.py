"""Controlled damage for rendered reports: the ways real documents reach users (SPEC §5).

Each function takes text written by :func:`goiar.render.render` in a text format (``"tab"``,
``"cell-lines"`` or ``"run-together"``; sniffed when ``format`` is None) and a
:class:`random.Random`, and returns the damaged text.  They are pure functions of ``(text, rng)``:
the same seed gives the same damage.  Pass a list as ``log`` to learn what was done
(:class:`Damage` records naming the canonical keys hit).

=======================  ================================================================================
function                 damage (seen in)
=======================  ================================================================================
:func:`drop_cells`       one value cell lost from some table-三 rows, as at a page break (seed 004)
:func:`drop_appeal_cell` one of the 15 cells of table 四 lost (seed 004: 14 of 15)
:func:`break_labels`     labels broken over lines, ``[bookmark: _Hlk…]`` debris, full-width spaces before
                         numbers (seeds 001, 002, 004)
:func:`run_together`     a web page that lost its line breaks: table rows run into each other (SPEC §5)
=======================  ================================================================================

Apply the ``drop_*`` functions before :func:`break_labels` and :func:`run_together` (they find rows
by their official labels).  In the run-together format a cell can only be dropped from a row whose
cells are all single digits: elsewhere the text does not show where one cell ends.

Example:
    >>> import random
    >>> from goiar.render import render
    >>> from goiar.testing import make_report
    >>> text = render(make_report({"requests.granted.natural_person": 4, "requests.granted.total": 4}), "tab")
    >>> log = []
    >>> damaged = drop_cells(text, random.Random(1), rows=1, log=log)
    >>> [(d.kind, d.key) for d in log]
    [('drop', 'requests.denied.state_secret.legal_service_org')]
    >>> [line for line in damaged.splitlines() if "国家秘密" in line]
    ['\\t（三）不予公开\\t1.属于国家秘密\\t0\\t0\\t0\\t0\\t0\\t0']
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs
import regex

from goiar.model.requests import REQUEST_COLUMNS
from goiar.tables.labels import normalise_label
from goiar.tables.numbers import is_value_text
from goiar.tables.parts import find_heading
from goiar.template.requests import REQUEST_ROWS

__all__ = [
    "TEXT_FORMATS",
    "Damage",
    "break_labels",
    "drop_appeal_cell",
    "drop_cells",
    "run_together",
    "sniff_format",
]

TEXT_FORMATS: tuple[str, ...] = ("tab", "cell-lines", "run-together")
"""The formats the damage functions work on."""

_LABELS: dict[str, str] = {normalise_label(spec.label): spec.key for spec in REQUEST_ROWS}
_WIDTH = len(REQUEST_COLUMNS)
_APPEAL_WIDTH = 15
_NOTE = "本列数据的勾稽关系"
_LONG = 12
"""Labels at least this long may be broken over lines."""
_TRAILING_RUN = regex.compile(r"^(?P<label>.*?\D)?(?P<run>\d+)$")
_DIGITS = regex.compile(r"^\d+$")
_FULL_WIDTH_SPACE = "\u3000"
_GONE = "\x00"
"""Marks a line to remove (never in rendered text)."""


@attrs.frozen
class Damage:
    """What one damage step did.

    ``kind`` is ``"drop"`` (a lost cell: ``key`` is its canonical key), ``"break"`` (a label broken
    over lines), ``"debris"`` (``[bookmark: …]`` inserted), ``"space"`` (full-width spaces before a
    row's numbers) or ``"join"`` (a line break removed); ``key`` names the row for label damage
    (``"requests.granted"``); ``line`` is the 1-based line of the input text.
    """

    kind: str
    key: str | None
    line: int


def sniff_format(text: str) -> str:
    """Which text format ``text`` is in: ``"tab"``, ``"cell-lines"`` or ``"run-together"``.

    Example:
        >>> sniff_format("标题\\n\\t规章\\n\\t0\\n\\n"), sniff_format("规章\\t0\\t0"), sniff_format("规章000")
        ('cell-lines', 'tab', 'run-together')
    """
    single = inner = 0
    for line in text.split("\n"):
        if "\t" in line.strip("\t"):
            inner += 1
        elif line.startswith("\t"):
            single += 1
    if not single and not inner:
        return "run-together"
    return "cell-lines" if single > inner else "tab"


def _format(text: str, format: str | None) -> str:  # noqa: A002 - same name as goiar.read(format=…)
    chosen = format or sniff_format(text)
    if chosen not in TEXT_FORMATS:
        raise ValueError(f"damage applies to text formats {', '.join(TEXT_FORMATS)}, not {chosen!r}")
    return chosen


def _row_key(label: str) -> str | None:
    """The canonical row key whose official label ``label`` ends with (longest label wins)."""
    folded = normalise_label(label)
    best: tuple[int, str] | None = None
    for official, key in _LABELS.items():
        if folded.endswith(official) and (best is None or len(official) > best[0]):
            best = (len(official), key)
    return best[1] if best is not None else None


def _is_value(text: str) -> bool:
    return is_value_text(text) and bool(text.strip())


# ------------------------------------------------------------------------------------ cell rows


@attrs.define
class _CellRow:
    """A table row of the tab or cell-lines format: its cells, and the lines each cell occupies."""

    first: int
    """Index of the row's first line."""
    cells: list[str]
    lines: list[tuple[int, int]]
    """Per cell: (first line, end line) indices; for tab every cell is on line ``first``."""


def _tab_rows(lines: Sequence[str]) -> list[_CellRow]:
    return [
        _CellRow(i, line.split("\t"), [(i, i + 1)] * (line.count("\t") + 1))
        for i, line in enumerate(lines)
        if "\t" in line
    ]


def _cell_line_rows(lines: Sequence[str]) -> list[_CellRow]:
    rows: list[_CellRow] = []
    current: _CellRow | None = None
    last_was_cell = False
    for i, line in enumerate(lines):
        if line.startswith("\t"):
            if current is None:
                current = _CellRow(i, [], [])
                rows.append(current)
            current.cells.append(line[1:])
            current.lines.append((i, i + 1))
            last_was_cell = True
        elif not line.strip():
            current, last_was_cell = None, False
        elif last_was_cell and current is not None and find_heading(line) is None:
            current.cells[-1] += "\n" + line
            start, _ = current.lines[-1]
            current.lines[-1] = (start, i + 1)
        else:
            current, last_was_cell = None, False
    return rows


def _request_label(row: _CellRow) -> tuple[int, str, int] | None:
    """``(label cell index, row key, value cells after it)`` of a table-三 data row, else None."""
    for index in range(len(row.cells) - 1, -1, -1):
        cell = row.cells[index]
        if _is_value(cell) or not cell.strip():
            continue
        key = _row_key(cell)
        if key is None:
            return None
        count = 0
        for value in row.cells[index + 1 : index + 1 + _WIDTH]:
            if not _is_value(value):
                break
            count += 1
        return (index, key, count) if count else None
    return None


def _appeal_row(rows: Sequence[_CellRow]) -> _CellRow | None:
    for row in rows:
        filled = [cell for cell in row.cells if cell.strip()]
        if len(filled) == _APPEAL_WIDTH and all(_is_value(cell) for cell in row.cells[:_APPEAL_WIDTH]):
            return row
    return None


def _rows_of(lines: Sequence[str], format: str) -> list[_CellRow]:  # noqa: A002
    return _tab_rows(lines) if format == "tab" else _cell_line_rows(lines)


def _drop_cell(lines: list[str], row: _CellRow, index: int, format: str) -> None:  # noqa: A002
    """Remove cell ``index`` of ``row`` from ``lines`` in place (tab: trailing empty cells go too)."""
    if format == "tab":
        cells = row.cells[:index] + row.cells[index + 1 :]
        while cells and not cells[-1].strip():
            cells.pop()
        lines[row.first] = "\t".join(cells)
    else:
        start, end = row.lines[index]
        for i in range(start, end):
            lines[i] = _GONE  # removed by _join: the other rows' line indices stay valid


def _join(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line != _GONE)


# -------------------------------------------------------------------------------- run-together


def _run_rows(lines: Sequence[str]) -> list[tuple[int, str, str]]:
    """``(line index, label, digit run)`` of the table-三 rows of run-together text."""
    out: list[tuple[int, str, str]] = []
    for i, line in enumerate(lines):
        match = _TRAILING_RUN.match(line.rstrip())
        if match is None or not match.group("label"):
            continue
        label = match.group("label")
        key = _row_key(label)
        if key is not None:
            out.append((i, label, match.group("run")))
    return out


# ------------------------------------------------------------------------------------- public


def drop_cells(
    text: str,
    rng: random.Random,
    rows: int = 2,
    *,
    format: str | None = None,  # noqa: A002
    log: list[Damage] | None = None,
) -> str:
    """Remove one value cell from each of ``rows`` random table-三 rows (cells lost at a page break).

    In the tab format the row's later cells move left and its trailing empty cells go (seed 004's
    ``…→0→0→0→0→0→0`` rows of six values); in the cell-lines format the cell's line goes; in the
    run-together format only rows printed as seven single digits can lose a cell.

    Args:
        text: Rendered text.
        rng: The source of randomness.
        rows: How many rows to damage (fewer when fewer rows qualify).
        format: The text's format; sniffed when None.
        log: A list to append one :class:`Damage` per lost cell to.

    Returns:
        The damaged text.

    Example:
        >>> import random
        >>> from goiar.render import render
        >>> from goiar.testing import make_report
        >>> text = render(make_report(), "run-together")
        >>> damaged = drop_cells(text, random.Random(3), rows=3)
        >>> sum(line.endswith("000000") and not line.endswith("0000000") for line in damaged.splitlines())
        3
    """
    fmt = _format(text, format)
    lines = text.split("\n")
    if fmt == "run-together":
        candidates = [(i, label, run) for i, label, run in _run_rows(lines) if len(run) == _WIDTH]
        for i, label, run in sorted(rng.sample(candidates, min(rows, len(candidates)))):
            column = rng.randrange(_WIDTH)
            lines[i] = label + run[:column] + run[column + 1 :]
            _log(log, "drop", f"requests.{_row_key(label)}.{REQUEST_COLUMNS[column]}", i)
        return "\n".join(lines)
    found = [(row, _request_label(row)) for row in _rows_of(lines, fmt)]
    eligible = [(row, label[:2]) for row, label in found if label is not None and label[2] == _WIDTH]
    for row, (index, key) in sorted(rng.sample(eligible, min(rows, len(eligible))), key=lambda item: item[0].first):
        column = rng.randrange(_WIDTH)
        _drop_cell(lines, row, index + 1 + column, fmt)
        _log(log, "drop", f"requests.{key}.{REQUEST_COLUMNS[column]}", row.first)
    return _join(lines)


def drop_appeal_cell(
    text: str,
    rng: random.Random,
    *,
    format: str | None = None,  # noqa: A002
    log: list[Damage] | None = None,
) -> str:
    """Remove one of the 15 cells of table 四 (seed 004 prints 14 of 15).

    In the run-together format the row must be printed as 15 single digits; otherwise the text is
    returned unchanged.

    Args:
        text: Rendered text.
        rng: The source of randomness.
        format: The text's format; sniffed when None.
        log: A list to append the :class:`Damage` to.

    Returns:
        The damaged text.

    Example:
        >>> import random
        >>> from goiar.render import render
        >>> from goiar.testing import make_report
        >>> text = render(make_report(), "tab")
        >>> damaged = drop_appeal_cell(text, random.Random(0))
        >>> [line.count("0") for line in damaged.splitlines() if line.startswith("0\\t0")]
        [14]
    """
    from goiar.model.appeals import APPEAL_COLUMNS, APPEAL_GROUPS  # noqa: PLC0415 - keep the import local

    keys = [f"appeals.{group}.{column}" for group in APPEAL_GROUPS for column in APPEAL_COLUMNS]
    fmt = _format(text, format)
    lines = text.split("\n")
    column = rng.randrange(_APPEAL_WIDTH)
    if fmt == "run-together":
        for i, line in enumerate(lines):
            if _DIGITS.match(line.strip()) and len(line.strip()) == _APPEAL_WIDTH:
                digits = line.strip()
                lines[i] = digits[:column] + digits[column + 1 :]
                _log(log, "drop", keys[column], i)
                break
        return "\n".join(lines)
    row = _appeal_row(_rows_of(lines, fmt))
    if row is None:
        return text
    _drop_cell(lines, row, column, fmt)
    _log(log, "drop", keys[column], row.first)
    return _join(lines)


def break_labels(
    text: str,
    rng: random.Random,
    p: float = 0.3,
    *,
    format: str | None = None,  # noqa: A002
    log: list[Damage] | None = None,
) -> str:
    """Damage the labels of table 三 the way Word copies do.

    Each table-三 row independently, with probability ``p`` each: a long label (or the 勾稽 note) is
    broken over two lines; ``[bookmark: _Hlk…]`` debris is put before the label; full-width spaces are
    put before its numbers.  Labels stay readable: a break never falls in the first three characters.

    Args:
        text: Rendered text.
        rng: The source of randomness.
        p: Probability of each kind of damage per row.
        format: The text's format; sniffed when None.
        log: A list to append one :class:`Damage` per change to.

    Returns:
        The damaged text.

    Example:
        >>> import random
        >>> from goiar.render import render
        >>> from goiar.testing import make_report
        >>> damaged = break_labels(render(make_report(), "cell-lines"), random.Random(5), p=1.0)
        >>> lines = damaged.splitlines()
        >>> [(line, lines[i + 1]) for i, line in enumerate(lines) if line.endswith("（区分处理的")]
        [('\\t[bookmark: _Hlk...]（二）部分公开（区分处理的', '，只计这一情形，不计其他情形）')]
        >>> any(line.startswith("\\t[bookmark: _Hlk") for line in damaged.splitlines())
        True
    """
    fmt = _format(text, format)
    lines = text.split("\n")
    if fmt == "run-together":
        for i, label, run in _run_rows(lines):
            new_label, new_run = label, run
            if rng.random() < p:
                new_label = _debris(rng) + new_label
                _log(log, "debris", f"requests.{_row_key(label)}", i)
            if rng.random() < p:
                new_run = _FULL_WIDTH_SPACE + new_run
                _log(log, "space", f"requests.{_row_key(label)}", i)
            if rng.random() < p and (split := _split(rng, new_label)) is not None:
                new_label = split[0] + "\n" + split[1]
                _log(log, "break", f"requests.{_row_key(label)}", i)
            lines[i] = new_label + new_run
        return "\n".join(lines)
    for row in reversed(_rows_of(lines, fmt)):  # bottom-up: line indices above stay valid
        _break_row(lines, row, fmt=fmt, rng=rng, p=p, log=log)
    return _join(lines)


def _break_row(
    lines: list[str],
    row: _CellRow,
    *,
    fmt: str,
    rng: random.Random,
    p: float,
    log: list[Damage] | None,
) -> None:
    """Damage one row of tab or cell-lines text in place (a changed line may hold line breaks)."""
    found = _request_label(row)
    note = next((i for i, cell in enumerate(row.cells) if _NOTE in cell), None)
    if found is not None:
        index, key, count = found
        path = f"requests.{key}"
    elif note is not None:
        index, count, path = note, 0, "requests"
    else:
        return
    cells = list(row.cells)
    if found is not None and rng.random() < p:
        cells[index] = _debris(rng) + cells[index]
        _log(log, "debris", path, row.first)
    if found is not None and rng.random() < p:
        for value in range(index + 1, index + 1 + count):
            cells[value] = _FULL_WIDTH_SPACE + cells[value]
        _log(log, "space", path, row.first)
    split = _split(rng, cells[index]) if rng.random() < p else None
    if split is not None:
        _log(log, "break", path, row.first)
    if fmt == "tab":
        if split is None:
            lines[row.first] = "\t".join(cells)
        else:  # a soft line break inside the cell: the export's line ends inside the label
            lines[row.first] = "\t".join([*cells[:index], split[0]]) + "\n" + "\t".join([split[1], *cells[index + 1 :]])
        return
    for i, cell in enumerate(cells):
        text = split[0] + "\n" + split[1] if i == index and split is not None else cell
        start, end = row.lines[i]
        lines[start] = "\t" + text
        for extra in range(start + 1, end):
            lines[extra] = _GONE


def _split(rng: random.Random, label: str) -> tuple[str, str] | None:
    """Cut a long label in two: the tail is not empty, the head keeps at least three characters."""
    bare = label.rstrip()
    if len(normalise_label(bare)) < _LONG or "\n" in bare:
        return None
    start = bare.rfind("]") + 1 if bare.startswith("[bookmark") else 0
    low, high = start + 3, len(bare) - 2
    if high <= low:
        return None
    cut = rng.randrange(low, high)
    head, tail = bare[:cut], bare[cut:]
    if find_heading(head) is not None or find_heading(tail) is not None:
        return None
    return head, tail


def _debris(rng: random.Random) -> str:
    return f"[bookmark: _Hlk{rng.randrange(10_000_000, 100_000_000)}]"


def run_together(
    text: str,
    rng: random.Random,
    p: float = 0.5,
    *,
    log: list[Damage] | None = None,
) -> str:
    """Remove line breaks between the lines of the tables (run-together text only).

    A web page copied as text can lose its line breaks: rows then run into each other
    (``…规章000行政规范性文件1236158第二十条第（五）项…``).  Each line break from the heading of part 二
    to the heading of part 五 is removed with probability ``p``.

    Args:
        text: Run-together text from :func:`goiar.render.render`.
        rng: The source of randomness.
        p: Probability of removing each line break.
        log: A list to append one :class:`Damage` per removed line break to.

    Returns:
        The damaged text.

    Raises:
        ValueError: ``text`` is not run-together text.

    Example:
        >>> import random
        >>> from goiar.render import render
        >>> from goiar.testing import make_report
        >>> damaged = run_together(render(make_report(), "run-together"), random.Random(0), p=1.0)
        >>> [line[:39] for line in damaged.splitlines() if line.startswith("二、")]
        ['二、主动公开政府信息情况主动公开政府信息情况见下表。第二十条第（一）项信息内容']
    """
    if sniff_format(text) != "run-together":
        raise ValueError("run_together damages run-together text (tab and cell-lines rows cannot run together)")
    lines = text.split("\n")
    start = _heading_index(lines, 2)
    end = _heading_index(lines, 5)
    if start is None or end is None:
        return text
    out: list[str] = lines[: start + 1]
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if i <= end and line.strip() and out[-1].strip() and rng.random() < p:
            out[-1] += line
            _log(log, "join", None, i)
        else:
            out.append(line)
    return "\n".join(out)


def _heading_index(lines: Sequence[str], number: int) -> int | None:
    for i, line in enumerate(lines):
        found = find_heading(line)
        if found is not None and found[0].number == number:
            return i
    return None


def _log(log: list[Damage] | None, kind: str, key: str | None, index: int) -> None:
    if log is not None:
        log.append(Damage(kind=kind, key=key, line=index + 1))
