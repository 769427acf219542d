"""The command line (the one place in goiar that opens files).

``goiar check FILES...``
    Read and check reports (files or folders of ``.txt``/``.html``), list the findings as a table,
    ``--json`` or ``--csv``.  Exit status: 0 nothing above info, 1 warnings, 2 errors, 3 some file could
    not be read (the others are still checked).  A progress bar shows on runs of more than 20 files when
    ``tqdm`` is installed (``pip install 'goiar[progress]'``) and standard error is a terminal.
``goiar show FILE``
    The report's metadata and tables as plain text (exit 3 when the file cannot be read).
``goiar render FILE --format html|tab|cell-lines|run-together``
    The report written out in another format by :func:`goiar.render.render` (exit 2 when no renderer
    is available or it fails, 3 when the file cannot be read).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from goiar._api import read, validate
from goiar.display import report_text
from goiar.errors import GoiarError
from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.records import FINDING_FIELDS, findings_to_records

__all__ = ["PROGRESS_THRESHOLD", "main"]

_EXIT = {None: 0, Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
EXIT_UNREADABLE = 3
EXIT_CANNOT_RENDER = 2
PROGRESS_THRESHOLD = 20
"""Runs of more files than this show a progress bar (with ``tqdm``, on a terminal)."""
_SUFFIXES = {".txt", ".html", ".htm"}
_CSV_FIELDS = ("file", "error", *FINDING_FIELDS)
_RENDER_FORMATS = ("html", "tab", "cell-lines", "run-together")


def _files(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES))
        else:
            out.append(path)
    return out


def _progress(files: list[Path], enabled: bool) -> tuple[Iterable[Path], Callable[[str], None]]:
    """The files to loop over (wrapped in a tqdm bar on long runs) and a print that does not break the bar."""
    if enabled and len(files) > PROGRESS_THRESHOLD:
        try:
            tqdm: Any = importlib.import_module("tqdm")
        except ImportError:
            pass
        else:
            bar = tqdm.tqdm(files, unit="file", file=sys.stderr, disable=None)
            return bar, lambda line: tqdm.tqdm.write(line, file=sys.stdout)
    return files, print


def _read_file(path: Path, reader: str | None) -> Report:
    return read(path.read_bytes(), format=reader)


def _finding_record(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "message": finding.message,
        "expected": None if finding.expected is None else str(finding.expected),
        "actual": None if finding.actual is None else str(finding.actual),
    }


def _csv_value(value: object) -> object:
    return "" if value is None else value


def _check(args: argparse.Namespace) -> int:
    worst: Severity | None = None
    records: list[dict[str, object]] = []
    writer = None
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
    failed = False
    files, emit = _progress(_files(args.files), enabled=not args.no_progress)
    for path in files:
        try:
            report = _read_file(path, args.reader)
        except (OSError, GoiarError) as exc:
            failed = True
            error = f"{type(exc).__name__}: {exc}"
            records.append({"file": str(path), "error": error})
            if writer is not None:
                writer.writerow({"file": str(path), "error": error})
            if not args.json:
                print(f"{path}: cannot read: {exc}", file=sys.stderr)
            continue
        findings = [f for f in validate(report) if f.severity.rank >= Severity(args.min_severity).rank]
        for finding in findings:
            if worst is None or finding.severity.rank > worst.rank:
                worst = finding.severity
        if args.json:
            records.append(
                {
                    "file": str(path),
                    "organ": report.meta.organ,
                    "year": report.meta.year,
                    "template": report.meta.template.value if report.meta.template else None,
                    "findings": [_finding_record(f) for f in findings],
                }
            )
        elif writer is not None:
            for record in findings_to_records(findings, report):
                writer.writerow({"file": str(path), "error": "", **{k: _csv_value(v) for k, v in record.items()}})
        else:
            meta = report.meta
            emit(f"{path}: {meta.organ or '?'} {meta.year or '?'} (template {meta.template or '?'}, {report.reader})")
            if not findings:
                emit("  no findings")
            for finding in findings:
                emit(f"  {finding.severity.value:<7} {finding.rule:<24} {finding.path:<44} {finding.message}")
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    code = _EXIT[worst]
    return max(code, EXIT_UNREADABLE) if failed else code


def _open_one(path: Path, reader: str | None) -> Report | None:
    try:
        return _read_file(path, reader)
    except (OSError, GoiarError) as exc:
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return None


def _show(args: argparse.Namespace) -> int:
    report = _open_one(Path(args.file), args.reader)
    if report is None:
        return EXIT_UNREADABLE
    print(report_text(report))
    return 0


def _render(args: argparse.Namespace) -> int:
    try:
        module: Any = importlib.import_module("goiar.render")
    except ImportError as exc:
        print(f"goiar render: no renderer in this installation of goiar (goiar.render: {exc})", file=sys.stderr)
        return EXIT_CANNOT_RENDER
    render = getattr(module, "render", None)
    if not callable(render):
        print("goiar render: goiar.render has no render() function", file=sys.stderr)
        return EXIT_CANNOT_RENDER
    report = _open_one(Path(args.file), args.reader)
    if report is None:
        return EXIT_UNREADABLE
    try:
        output = render(report, format=args.format)
    except (GoiarError, ValueError, KeyError, TypeError) as exc:
        print(f"goiar render: cannot render {args.file} as {args.format}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RENDER
    if args.output:
        target = Path(args.output)
        if isinstance(output, bytes):
            target.write_bytes(output)
        else:
            target.write_text(str(output), encoding="utf-8")
    elif isinstance(output, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(str(output))
        if not str(output).endswith("\n"):
            sys.stdout.write("\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="goiar", description="Read and check 政府信息公开工作年度报告.")
    commands = parser.add_subparsers(dest="command", required=True)
    reader_help = "reader name, e.g. tab, cell-lines, run-together, html (default: sniffed per file)"

    check = commands.add_parser(
        "check",
        help="read reports and list findings",
        description="Exit status: 0 nothing above info, 1 warnings, 2 errors, 3 some file could not be read.",
    )
    check.add_argument("files", nargs="+", help="report files or folders (.txt, .html)")
    check.add_argument("--format", "--reader", dest="reader", default=None, help=reader_help)
    output = check.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="machine-readable output (one object per file)")
    output.add_argument("--csv", action="store_true", help="one CSV row per finding (and per unreadable file)")
    check.add_argument("--min-severity", default="info", choices=[s.value for s in Severity])
    check.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    show = commands.add_parser("show", help="print a report's tables as plain text")
    show.add_argument("file", help="a report file")
    show.add_argument("--format", "--reader", dest="reader", default=None, help=reader_help)

    render = commands.add_parser("render", help="write a report out in another format")
    render.add_argument("file", help="a report file")
    render.add_argument("--format", required=True, choices=_RENDER_FORMATS, help="output format")
    render.add_argument("--reader", default=None, help=reader_help)
    render.add_argument("-o", "--output", default=None, help="write to this file instead of standard output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    ``check``: 0 clean (info at most), 1 warnings, 2 errors, 3 some file unreadable.  ``show`` and
    ``render``: 0 done, 2 cannot render, 3 file unreadable.

    Example:
        >>> main(["show", "no/such/file.txt"])
        3
    """
    args = _parser().parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {"check": _check, "show": _show, "render": _render}
    try:
        return commands[args.command](args)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
