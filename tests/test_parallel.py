"""Many reports: ``Report`` objects pickle, and reading in processes or threads gives the serial result.

goiar keeps no global mutable state that a read changes, so a batch parallelises by splitting the
files: a process pool for CPU-bound reading (each worker returns the pickled ``Report``), or threads
(correct, though the GIL keeps them from running faster).  The ``concurrent.futures`` example of
``docs/performance.md`` runs here too.
"""

from __future__ import annotations

import pickle
import random
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import goiar
from goiar.render import render
from goiar.testing import lawful_values, make_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_PATHS = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
needs_seeds = pytest.mark.skipif(not SEED_PATHS, reason=f"no seed reports in {SEEDS}")
FORMATS = ("html", "tab", "cell-lines")


def _generated() -> list[tuple[str, str]]:
    """(name, text) of lawful reports rendered in every fast format."""
    out = []
    for i in range(3):
        report = make_report(lawful_values(random.Random(i)))  # noqa: S311 - test data
        out.extend((f"generated-{i}.{fmt}", render(report, fmt)) for fmt in FORMATS)
    return out


GENERATED = _generated()


def read_path(path: str) -> tuple[str, goiar.Report, dict[str, object]]:
    """Worker: read one file; returns the report itself (pickled back) and its flatten."""
    report = goiar.read(Path(path).read_bytes())
    return Path(path).name, report, goiar.flatten(report)


def _texts() -> list[tuple[str, str]]:
    return [(path.name, path.read_text(encoding="utf-8")) for path in SEED_PATHS] + GENERATED


# ----------------------------------------------------------------------------------------- pickling


@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_reports_and_findings_pickle_round_trip(protocol):
    for name, text in _texts():
        report = goiar.read(text)
        copy = pickle.loads(pickle.dumps(report, protocol=protocol))  # noqa: S301 - our own data
        assert copy == report, name
        assert goiar.flatten(copy) == goiar.flatten(report), name
        findings = goiar.validate(report)
        assert pickle.loads(pickle.dumps(findings, protocol=protocol)) == findings, name  # noqa: S301
        assert goiar.validate(copy) == findings, name


def test_damaged_reports_pickle_round_trip():
    """Reports carrying findings, unreadable cells and inferred figures survive pickling too."""
    for name, text in GENERATED:
        lines = text.split("\n")
        damaged = "\n".join(line for i, line in enumerate(lines) if i % 7 != 3)
        report = goiar.read(damaged)
        assert pickle.loads(pickle.dumps(report)) == report, name  # noqa: S301 - our own data


# ---------------------------------------------------------------------------------------- processes


def _write_folder(folder: Path) -> list[Path]:
    for path in SEED_PATHS:
        (folder / path.name).write_bytes(path.read_bytes())
    for name, text in GENERATED:
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def test_process_pool_reads_like_serial(tmp_path):
    paths = [str(path) for path in _write_folder(tmp_path)]
    serial = [read_path(path) for path in paths]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = list(pool.map(read_path, paths, chunksize=2))
    assert [name for name, _, _ in parallel] == [name for name, _, _ in serial]
    for (name, report, flat), (_, expected_report, expected_flat) in zip(parallel, serial, strict=True):
        assert flat == expected_flat, name
        assert report == expected_report, name


@needs_seeds
def test_process_pool_reads_the_seeds_like_serial():
    serial = {path.name: goiar.flatten(goiar.read(path.read_bytes())) for path in SEED_PATHS}
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = {name: flat for name, _, flat in pool.map(read_path, map(str, SEED_PATHS))}
    assert parallel == serial


# ------------------------------------------------------------------------------------------ threads


def test_thread_pool_reads_like_serial():
    """Eight threads read every text four times, all formats mixed, sniffed and named: same results."""
    texts = _texts()
    serial = {name: goiar.flatten(goiar.read(text)) for name, text in texts}
    serial_findings = {name: goiar.validate(goiar.read(text)) for name, text in texts}
    jobs = [(name, text, fmt) for _ in range(4) for name, text in texts for fmt in (None, "guess")]

    def work(job: tuple[str, str, str | None]) -> tuple[str, dict[str, object], list[goiar.Finding]]:
        name, text, fmt = job
        fmt = None if fmt is None else _format_of(name)
        report = goiar.read(text, format=fmt)
        return name, goiar.flatten(report), goiar.validate(report)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for name, flat, findings in pool.map(work, jobs):
            assert flat == serial[name], name
            assert findings == serial_findings[name], name


def _format_of(name: str) -> str | None:
    suffix = name.rsplit(".", 1)[-1]
    return suffix if suffix in FORMATS else None


# ------------------------------------------------------------------------------------- docs example


def test_the_concurrent_futures_example_of_the_docs_runs(tmp_path):
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", page, re.DOTALL) if "ProcessPoolExecutor" in b)
    folder = tmp_path / "reports"
    folder.mkdir()
    paths = _write_folder(folder)
    (folder / "not-a-report.txt").write_text("今天天气很好。", encoding="utf-8")
    (tmp_path / "example.py").write_text(block, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"read {len(paths)} reports, 1 failed" in result.stdout, result.stdout
    assert re.search(r"not-a-report\.txt: \w+Error: .", result.stdout), result.stdout
