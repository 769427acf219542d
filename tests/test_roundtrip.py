"""Render, (damage,) read back: goiar.read(goiar.render.render(r, f), format=f) against the known truth.

* Undamaged, cell-delimited formats (html, tab, cell-lines): every canonical value, organ, year and
  template come back exactly, with no error finding.
* Run-together text (cells run together): where a row's cells are all single digits the split is
  unique and the values come back exactly; elsewhere the property is "never wrong".
* Damaged text (cells lost at page breaks, broken labels, debris, full-width spaces, lost line
  breaks): every value is either the truth or None with a finding whose path is the key or a prefix of
  it (SPEC §2, §4: never a wrong number without a finding); a lost cell recovered exactly is marked
  ``Obtained.INFERRED``.

Reader defects found by this file are kept as regression tests at the end, with their exact input.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goiar
from goiar import Obtained, Report, Template
from goiar.keys import figures
from goiar.model import REQUEST_COLUMNS
from goiar.render import render
from goiar.testing import make_report
from goiar.testing.damage import Damage, break_labels, drop_appeal_cell, drop_cells, run_together

from .conftest import seed_text
from .strategies import formats, reports

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CELL_FORMATS = ("html", "tab", "cell-lines")


# ------------------------------------------------------------------------------------------ helpers


def covered(key: str, report: Report) -> bool:
    """True when a finding's path is ``key`` or a prefix of it (a row or table path)."""
    return any(f.path == key or key.startswith(f.path + ".") for f in report.findings)


def never_wrong(truth: Report, back: Report) -> list[str]:
    """Keys read with a wrong value, or lost without a finding covering them (should be empty)."""
    expected = goiar.flatten(truth)
    got = goiar.flatten(back)
    bad = []
    for key, value in expected.items():
        if got.get(key) == value:
            continue
        if got.get(key) is None and covered(key, back):
            continue
        bad.append(f"{key}: truth {value!r}, read {got.get(key)!r}")
    return bad


def same_identity(truth: Report, back: Report) -> None:
    assert back.meta.organ == truth.meta.organ
    assert back.meta.year == truth.meta.year
    assert back.meta.template == truth.meta.template
    assert back.requests is not None
    assert back.requests.template == truth.requests.template  # type: ignore[union-attr]


def single_digit_rows(report: Report) -> list[tuple[str, ...]]:
    """The canonical keys of each table row whose cells are all single digits (unique run split)."""
    rows: dict[str, list[str]] = {}
    values = goiar.flatten(report)
    for key, _ in figures(report):
        rows.setdefault(key.rsplit(".", 1)[0] if not key.startswith("appeals.") else "appeals", []).append(key)
    return [
        tuple(keys)
        for keys in rows.values()
        if all(isinstance(values[k], int) and 0 <= values[k] <= 9 for k in keys)  # type: ignore[operator]
    ]


# ------------------------------------------------------------------------------------- undamaged


@SETTINGS
@given(report=reports(), fmt=formats(exclude=("run-together",)))
def test_roundtrip_exact(report: Report, fmt: str) -> None:
    back = goiar.read(render(report, fmt), format=fmt)
    assert goiar.flatten(back) == goiar.flatten(report)
    same_identity(report, back)
    assert back.proactive is not None
    assert back.proactive.template == report.proactive.template  # type: ignore[union-attr]
    assert [f for f in back.findings if f.is_error] == []


@SETTINGS
@given(report=reports(small=True))
def test_roundtrip_run_together(report: Report) -> None:
    back = goiar.read(render(report, "run-together"), format="run-together")
    assert never_wrong(report, back) == []
    expected, got = goiar.flatten(report), goiar.flatten(back)
    for keys in single_digit_rows(report):
        assert {k: got[k] for k in keys} == {k: expected[k] for k in keys}
    same_identity(report, back)


@pytest.mark.parametrize("fmt", ["html", "tab", "cell-lines", "run-together"])
@pytest.mark.parametrize("template", list(Template))
def test_single_digit_report_roundtrips_in_every_format(fmt: str, template: Template) -> None:
    """A hand-written report whose every cell is one digit: unique in every format, run-together too."""
    values: dict[str, int | Decimal] = {
        "requests.granted.natural_person": 3,
        "requests.granted.legal_service_org": 1,
        "requests.unavailable.not_held.natural_person": 2,
        "appeals.reconsideration.upheld": 1,
        "appeals.reconsideration.pending": 1,
    }
    report = make_report(values, template=template)
    report = make_report(_completed(report), template=template)
    back = goiar.read(render(report, fmt), format=fmt)
    assert goiar.flatten(back) == goiar.flatten(report)
    assert [f for f in back.findings if f.is_error] == []


def _completed(report: Report) -> dict[str, int | Decimal | None]:
    """The report's values with row totals, 一 and （七）总计 made to satisfy the identities."""
    values = goiar.flatten(report)
    assert report.requests is not None
    outcome = [row.key for row in report.requests.rows if row.key not in {"new_received", "carried_over", "total"}]
    outcome.remove("carried_forward")
    for column in REQUEST_COLUMNS[:-1]:
        handled = sum(int(values[f"requests.{key}.{column}"] or 0) for key in outcome)
        values[f"requests.total.{column}"] = handled
        values[f"requests.new_received.{column}"] = handled
    for row in report.requests.rows:
        values[f"requests.{row.key}.total"] = sum(
            int(values[f"requests.{row.key}.{c}"] or 0) for c in REQUEST_COLUMNS[:-1]
        )
    for group in ("reconsideration", "litigation_direct", "litigation_after_reconsideration"):
        parts = ("upheld", "corrected", "other", "pending")
        values[f"appeals.{group}.total"] = sum(int(values[f"appeals.{group}.{c}"] or 0) for c in parts)
    return values


@pytest.mark.parametrize("fmt", CELL_FORMATS)
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_reports_rewritten_read_back_the_same(seed: str, fmt: str) -> None:
    """A real report as read (damage recovered, its own contradictions kept) survives being re-written."""
    report = goiar.read(seed_text(seed))
    back = goiar.read(render(report, fmt), format=fmt)
    assert goiar.flatten(back) == goiar.flatten(report)
    assert (back.meta.organ, back.meta.year, back.meta.published) == (
        report.meta.organ,
        report.meta.year,
        report.meta.published,
    )
    assert back.meta.template == report.meta.template


# --------------------------------------------------------------------------------------- blanks


@SETTINGS
@given(report=reports(), fmt=formats(exclude=("run-together",)), data=st.data())
def test_blank_cells_are_inferred_or_reported(report: Report, fmt: str, data: st.DataObject) -> None:
    """Cells printed blank: recovered exactly (INFERRED) or None with a finding; nothing else changes."""
    truth = goiar.flatten(report)
    keys = [k for k in truth if k.startswith(("requests.", "appeals."))]
    blank = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
    damaged = make_report(
        {**truth, **dict.fromkeys(blank)},
        template=report.requests.template,  # type: ignore[union-attr]
        meta=report.meta,
    )
    back = goiar.read(render(damaged, fmt), format=fmt)
    assert never_wrong(report, back) == []
    cells = dict(figures(back))
    for key in blank:
        if cells[key].value is not None:
            assert cells[key].obtained is Obtained.INFERRED, key


# -------------------------------------------------------------------------------------- damaged


@SETTINGS
@given(report=reports(), fmt=st.sampled_from(["tab", "cell-lines"]), rng=st.randoms(use_true_random=False))
def test_damaged_never_wrong(report: Report, fmt: str, rng: random.Random) -> None:
    log: list[Damage] = []
    text = drop_cells(render(report, fmt), rng, rows=rng.randint(1, 3), format=fmt, log=log)
    if rng.random() < 0.5:
        text = drop_appeal_cell(text, rng, format=fmt, log=log)
    text = break_labels(text, rng, p=0.3, format=fmt, log=log)
    back = goiar.read(text, format=fmt)
    assert never_wrong(report, back) == []
    cells = dict(figures(back))
    truth = goiar.flatten(report)
    for damage in log:
        if damage.kind == "drop" and damage.key is not None and cells[damage.key].value is not None:
            assert cells[damage.key].value == truth[damage.key]
            assert cells[damage.key].obtained is Obtained.INFERRED, damage
    same_identity(report, back)


@SETTINGS
@given(report=reports(small=True), rng=st.randoms(use_true_random=False))
def test_damaged_run_together_never_wrong(report: Report, rng: random.Random) -> None:
    """Broken labels, debris, spaces and lost line breaks in web-page text (cells are not dropped here:
    see the regression tests below)."""
    text = break_labels(render(report, "run-together"), rng, p=0.3, format="run-together")
    text = run_together(text, rng, p=0.5)
    back = goiar.read(text, format="run-together")
    assert never_wrong(report, back) == []
    same_identity(report, back)


# ------------------------------------------------------------------------- reader defects (regressions)


def _wide_report() -> Report:
    """（一）予以公开 141/131/144/116/137/0 (总计 669), the only outcome row; 一 and （七） the same."""
    row = (141, 131, 144, 116, 137, 0)
    values: dict[str, int | Decimal | None] = {}
    for key in ("new_received", "granted", "total"):
        values.update({f"requests.{key}.{c}": v for c, v in zip(REQUEST_COLUMNS, (*row, sum(row)), strict=True)})
    return make_report(values)


def test_run_together_long_runs_are_never_wrong() -> None:
    report = _wide_report()
    text = render(report, "run-together")
    assert "一、本年新收政府信息公开申请数量1411311441161370669" in text
    back = goiar.read(text, format="run-together")
    assert never_wrong(report, back) == []


def test_run_together_blank_inside_run_is_never_wrong() -> None:
    row = (0, 2, 0, 0, 4, 0)
    values: dict[str, int | Decimal | None] = {}
    for key in ("new_received", "unavailable.needs_creation", "total"):
        values.update({f"requests.{key}.{c}": v for c, v in zip(REQUEST_COLUMNS, (*row, sum(row)), strict=True)})
    truth = make_report(values)
    printed = make_report({**values, "requests.unavailable.needs_creation.commercial_enterprise": None})
    text = render(printed, "run-together")
    assert "2.没有现成信息需要另行制作000406" in text
    back = goiar.read(text, format="run-together")
    assert never_wrong(truth, back) == []
