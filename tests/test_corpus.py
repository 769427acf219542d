"""A generated corpus: 60 lawful reports written in every format, clean, damaged and with injected faults.

Reports are seeds 0–59, alternating the 2021 and 2019 templates, with invented organs.  Each seed is
written at two scales: township-sized figures (every format) and full-range figures (html, tab and
cell-lines; the run-together reader's long-run defects are regression tests in ``test_roundtrip.py``).

* clean: ``goiar.validate`` finds no error on any report, and every value reads back exactly;
* damaged (cells lost at page breaks, broken labels, debris, full-width spaces, lost line breaks):
  never a wrong value without a finding, and lost cells are recovered (``INFERRED``) or reported;
* faults: one printed number of table 三 or 四 changed per arithmetic rule; the rule finds it.

The work runs on two processes when two cores are there.  Run with ``-s`` to see the counts.
"""

# ruff: noqa: T201 - the counts are printed on purpose (pytest -s)

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest

import goiar
from goiar import Obtained, Report, Template
from goiar.keys import figures
from goiar.render import FORMATS, render
from goiar.testing import make_report
from goiar.testing.damage import Damage, break_labels, drop_appeal_cell, drop_cells, run_together

from .strategies import corpus_report
from .test_roundtrip import never_wrong

N = 60
CELL_FORMATS = ("html", "tab", "cell-lines")
Outcome = tuple[Counter[str], list[str]]
"""Counts and failure messages of one corpus job."""
FAULTS: tuple[tuple[str, str, str], ...] = (
    # (rule, the printed number changed, the path the rule reports)
    ("requests.row_total", "requests.granted.total", "requests.granted.total"),
    ("requests.column_total", "requests.total.natural_person", "requests.total.natural_person"),
    ("requests.balance", "requests.new_received.natural_person", "requests.new_received.natural_person"),
    ("appeals.total", "appeals.reconsideration.upheld", "appeals.reconsideration.total"),
)


@pytest.fixture(scope="module", autouse=True)
def _rules_ready() -> None:
    try:
        goiar.validate(make_report())
    except (ImportError, AttributeError, NotImplementedError) as error:
        pytest.skip(f"goiar.validate is not usable yet (rules in goiar/rules/ missing?): {error!r}")


def reports_of(seed: int) -> Iterator[tuple[str, Report]]:
    """``(format, report)`` for every format and scale of corpus report ``seed``."""
    template = Template.V2021 if seed % 2 == 0 else Template.V2019
    small = corpus_report(seed, template, small=True)
    full = corpus_report(seed, template)
    for fmt in FORMATS:
        yield fmt, small
    for fmt in CELL_FORMATS:
        yield fmt, full


def over_corpus(job: Callable[[int], Outcome]) -> Outcome:
    """Run ``job`` for every seed (on two processes when there are two cores) and add the outcomes."""
    workers = min(2, os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(job, range(N)))
    else:
        outcomes = [job(seed) for seed in range(N)]
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for seed_counts, seed_failures in outcomes:
        counts.update(seed_counts)
        failures.extend(seed_failures)
    return counts, failures


def _errors(report: Report) -> list[goiar.Finding]:
    return [finding for finding in goiar.validate(report) if finding.is_error]


def _clean(seed: int) -> Outcome:
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for fmt, report in reports_of(seed):
        back = goiar.read(render(report, fmt), format=fmt)
        counts[f"{fmt} reports"] += 1
        found = _errors(back)
        counts[f"{fmt} error findings"] += len(found)
        if found:
            failures.append(f"seed {seed} {fmt}: {[(f.rule, f.path) for f in found[:5]]}")
        if goiar.flatten(back) != goiar.flatten(report) or back.meta.organ != report.meta.organ:
            counts[f"{fmt} inexact"] += 1
            failures.append(f"seed {seed} {fmt}: values or organ differ")
    return counts, failures


def test_clean_corpus_has_no_error_and_reads_back_exactly() -> None:
    counts, failures = over_corpus(_clean)
    print(f"\nclean corpus: {dict(sorted(counts.items()))}")
    assert failures == []
    assert sum(counts[f"{fmt} error findings"] for fmt in FORMATS) == 0


def _damage(text: str, fmt: str, rng: random.Random, log: list[Damage]) -> str:
    if fmt == "run-together":
        return run_together(break_labels(text, rng, format=fmt, log=log), rng, log=log)
    text = drop_cells(text, rng, rows=2, format=fmt, log=log)
    text = drop_appeal_cell(text, rng, format=fmt, log=log)
    return break_labels(text, rng, format=fmt, log=log)


def _damaged(seed: int) -> Outcome:
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for fmt, report in reports_of(seed):
        if fmt == "html":
            continue  # the damage functions write text formats
        log: list[Damage] = []
        rng = random.Random(1000 + seed)  # noqa: S311 - reproducible damage
        back = goiar.read(_damage(render(report, fmt), fmt, rng, log), format=fmt)
        failures.extend(f"seed {seed} {fmt}: {problem}" for problem in never_wrong(report, back))
        truth = goiar.flatten(report)
        cells = dict(figures(back))
        counts["reports"] += 1
        counts["reports with error findings"] += any(f.is_error for f in back.findings)
        counts["cells None (with finding)"] += sum(1 for key in truth if cells[key].value is None)
        for damage in log:
            counts[damage.kind] += 1
            if damage.kind != "drop" or damage.key is None:
                continue
            figure = cells[damage.key]
            if figure.value is None:
                counts["lost cells reported"] += 1
            elif figure.value == truth[damage.key] and figure.obtained is Obtained.INFERRED:
                counts["lost cells recovered"] += 1
            else:
                failures.append(f"seed {seed} {fmt}: {damage} read as {figure.value} ({figure.obtained})")
    return counts, failures


def test_damaged_corpus_is_never_wrong() -> None:
    counts, failures = over_corpus(_damaged)
    print(f"\ndamaged corpus: {dict(counts)}")
    assert failures == []
    assert counts["lost cells recovered"] + counts["lost cells reported"] == counts["drop"]
    assert counts["lost cells recovered"] > counts["lost cells reported"]


def _changed(value: int) -> int:
    """``value`` ± 1, keeping the number of digits (so a run-together row keeps its length)."""
    up = value + 1
    return up if len(str(up)) == len(str(value)) else value - 1


def _faults(seed: int) -> Outcome:
    counts: Counter[str] = Counter()
    failures: list[str] = []
    template = Template.V2021 if seed % 2 == 0 else Template.V2019
    report = corpus_report(seed, template, small=True)
    values = goiar.flatten(report)
    for index, (rule, key, path) in enumerate(FAULTS):
        fmt = FORMATS[(seed + index) % len(FORMATS)]
        faulty = make_report({**values, key: _changed(int(values[key] or 0))}, template=template, meta=report.meta)
        findings = goiar.validate(goiar.read(render(faulty, fmt), format=fmt))
        if any(f.rule == rule and f.path == path for f in findings):
            counts[f"{rule} found in {fmt}"] += 1
        elif fmt == "run-together" and any(
            f.is_error and f.rule.startswith("cell.") and (f.path == key or key.startswith(f.path + "."))
            for f in findings
        ):
            counts[f"{rule} flagged as cell.* in {fmt}"] += 1  # the broken row no longer splits uniquely
        else:
            failures.append(f"seed {seed} {fmt}: {key} changed, {rule} not reported at {path}")
    return counts, failures


def test_injected_faults_are_found_by_their_rule() -> None:
    counts, failures = over_corpus(_faults)
    print("\ninjected faults (one printed number changed per rule and report):")
    for name, count in sorted(counts.items()):
        print(f"  {name}: {count}")
    assert failures == []
    for rule, _, _ in FAULTS:
        for fmt in CELL_FORMATS:
            assert counts[f"{rule} found in {fmt}"] > 0


def test_unplaced_rows_are_listed_up_to_a_limit_and_counted_beyond_it() -> None:
    from goiar.build.assemble import MAX_ROW_WARNINGS  # noqa: PLC0415 - the limit under test

    text = render(make_report({"requests.granted.total": 3}), "tab")
    junk = "".join(f"某某无关事项{i}\t{i}\t0\t0\t0\t0\t0\t{i}\n" for i in range(50))
    heading = "（一）予以公开"
    damaged = text.replace(heading, junk + heading, 1)
    assert damaged != text
    report = goiar.read(damaged, format="tab")
    unplaced = [f for f in report.findings if f.rule == "structure.unknown_row"]
    assert len(unplaced) == MAX_ROW_WARNINGS + 1
    assert all("某某无关事项" in f.message and f.source is not None for f in unplaced[:-1])
    assert f"另有 {50 - MAX_ROW_WARNINGS} 处" in unplaced[-1].message
    assert goiar.flatten(report)["requests.granted.total"] == 3
