"""The command line: ``goiar check FILES...`` (the one place in goiar that opens files)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from goiar._api import read, validate
from goiar.errors import GoiarError
from goiar.model.finding import Finding, Severity

__all__ = ["main"]

_EXIT = {None: 0, Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SUFFIXES = {".txt", ".html", ".htm"}


def _files(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES))
        else:
            out.append(path)
    return out


def _check(args: argparse.Namespace) -> int:
    worst: Severity | None = None
    records: list[dict[str, object]] = []
    failed = False
    for path in _files(args.files):
        try:
            report = read(path.read_bytes(), format=args.format)
        except (OSError, GoiarError) as exc:
            failed = True
            records.append({"file": str(path), "error": f"{type(exc).__name__}: {exc}"})
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
        else:
            meta = report.meta
            print(f"{path}: {meta.organ or '?'} {meta.year or '?'} (template {meta.template or '?'}, {report.reader})")
            if not findings:
                print("  no findings")
            for finding in findings:
                print(f"  {finding.severity.value:<7} {finding.rule:<24} {finding.path:<44} {finding.message}")
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    code = _EXIT[worst]
    return max(code, 3) if failed else code


def _finding_record(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "message": finding.message,
        "expected": None if finding.expected is None else str(finding.expected),
        "actual": None if finding.actual is None else str(finding.actual),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 clean, 1 warnings, 2 errors, 3 unreadable files)."""
    parser = argparse.ArgumentParser(prog="goiar", description="Read and check 政府信息公开工作年度报告.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="read reports and list findings")
    check.add_argument("files", nargs="+", help="report files or folders (.txt, .html)")
    check.add_argument("--format", default=None, help="reader name (default: sniffed per file)")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--min-severity", default="info", choices=[s.value for s in Severity])
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
