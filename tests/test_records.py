"""Records and DataFrames of cells and findings; the HTML and text views of a report."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import lxml.html
import pytest

import goiar
from goiar import Template
from goiar.display import FindingList, findings_html, report_html, report_text
from goiar.keys import canonical_keys
from goiar.records import (
    CELL_FIELDS,
    FINDING_FIELDS,
    findings_to_pandas,
    findings_to_records,
    to_pandas,
    to_records,
)
from goiar.template.appeals import APPEAL_GROUP_LABELS
from goiar.template.requests import REQUEST_COLUMN_LABELS, request_rows
from goiar.testing import make_report

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, goiar.Report]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"no seeds in {SEEDS}")
    return {path.name[:3]: goiar.read(path.read_bytes()) for path in files}


# ------------------------------------------------------------------------------------------- records


def test_one_record_per_canonical_key_with_the_flattened_value(seeds) -> None:
    for prefix, report in seeds.items():
        records = to_records([report])
        flat = goiar.flatten(report)
        assert [r["key"] for r in records] == list(flat), prefix
        assert {r["key"]: r["value"] for r in records} == flat, prefix
        assert all(list(r) == list(CELL_FIELDS) for r in records)
        assert {r["organ"] for r in records} == {report.meta.organ}
        assert {r["year"] for r in records} == {2023}


def test_records_of_many_reports_are_concatenated(seeds) -> None:
    records = to_records(seeds.values())
    assert len(records) == sum(len(goiar.flatten(r)) for r in seeds.values())


def test_official_labels_and_table_versions(seeds) -> None:
    records = {r["key"]: r for r in to_records([seeds["003"]])}
    row = records["requests.partially_granted.commercial_enterprise"]
    assert row["table"] == "requests"
    assert row["template"] == "2019"
    assert row["row"] == "partially_granted"
    assert row["row_label"] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert row["column_label"] == dict(REQUEST_COLUMN_LABELS)["commercial_enterprise"]
    assert records["requests.other_handling.total"]["row_label"] == "（六）其他处理"
    licensing = records["proactive.licensing.change"]
    assert (licensing["row_label"], licensing["column_label"], licensing["template"]) == (
        "行政许可",
        "本年增/减",
        "2019",
    )
    appeal = records["appeals.litigation_direct.pending"]
    assert appeal["row_label"] == dict(APPEAL_GROUP_LABELS)["litigation_direct"]
    assert appeal["column_label"] == "尚未审结"
    assert appeal["value"] == 0


def test_provenance_fields(seeds) -> None:
    records = {r["key"]: r for r in to_records([seeds["004"]])}
    inferred = records["requests.total.other_org"]
    assert inferred["obtained"] == "inferred"
    assert inferred["identity"]
    read = records["requests.total.natural_person"]
    assert (read["obtained"], read["value"], read["state"], read["raw"]) == ("read", 11, "number", "11")
    assert read["source_line"] is not None
    assert read["source_offset"] is not None
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    assert text[read["source_offset"] : read["source_offset"] + 2] == "11"


def test_absent_table_gives_missing_records() -> None:
    report = attrs.evolve(make_report(template=Template.V2019), requests=None, appeals=None)
    records = to_records([report])
    assert [r["key"] for r in records] == list(canonical_keys(Template.V2019, Template.V2019))
    missing = [r for r in records if r["table"] in {"requests", "appeals"}]
    assert len(missing) == 7 * len(request_rows(Template.V2019)) + 15
    assert {(r["value"], r["state"]) for r in missing} == {(None, "missing")}


def test_decimal_values_stay_decimal() -> None:
    records = to_records([make_report({"proactive.fees.amount": Decimal("96171.6")})])
    fee = next(r for r in records if r["key"] == "proactive.fees.amount")
    assert fee["value"] == Decimal("96171.6")
    assert isinstance(fee["value"], Decimal)


def test_findings_records(seeds) -> None:
    report = seeds["003"]
    findings = goiar.validate(report)
    records = findings_to_records(findings, report)
    assert len(records) == len(findings) > 0
    assert all(list(r) == list(FINDING_FIELDS) for r in records)
    assert {r["organ"] for r in records} == {"兰陵县新兴镇人民政府"}
    column_total = next(r for r in records if r["rule"] == "requests.column_total")
    assert column_total["severity"] == "error"
    assert column_total["path"].startswith("requests.total.")
    assert (column_total["expected"], column_total["actual"]) == (4, 0)
    assert findings_to_records(findings)[0]["organ"] is None


def test_candidates_are_joined() -> None:
    finding = goiar.Finding(
        rule="cell.ambiguous",
        severity=goiar.Severity.ERROR,
        path="proactive.licensing.decisions",
        message="有多种读法",
        candidates=("12", "123"),
        source=goiar.Source(line=4, offset=80),
    )
    record = findings_to_records([finding])[0]
    assert record["candidates"] == "12; 123"
    assert (record["source_line"], record["source_offset"], record["source_path"]) == (4, 80, None)


# -------------------------------------------------------------------------------------------- pandas


def test_to_pandas_keeps_values_exact(seeds) -> None:
    frame = to_pandas(seeds.values())
    assert list(frame.columns) == list(CELL_FIELDS)
    assert len(frame) == len(to_records(seeds.values()))
    assert str(frame["value"].dtype) == "object"
    assert str(frame["year"].dtype) == "Int64"
    granted = frame[(frame["key"] == "requests.granted.total")].set_index("organ")["value"]
    assert granted["青岛西海岸新区大场镇人民政府"] == 11
    failing = findings_to_pandas(goiar.validate(seeds["003"]), seeds["003"])
    assert list(failing.columns) == list(FINDING_FIELDS)
    assert set(failing["severity"]) >= {"error", "warning"}


def test_empty_frames_have_the_columns() -> None:
    assert list(to_pandas([]).columns) == list(CELL_FIELDS)
    assert list(findings_to_pandas([]).columns) == list(FINDING_FIELDS)


def test_missing_pandas_names_the_extra(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"goiar\[pandas\]"):
        to_pandas([make_report()])
    with pytest.raises(ImportError, match=r"goiar\[pandas\]"):
        findings_to_pandas([])


def test_goiar_does_not_import_pandas() -> None:
    code = "import sys, goiar, goiar.records, goiar.metrics, goiar.display; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------------------------------- display


def _widths(table) -> list[int]:
    """Effective number of grid columns of each row, rowspans and colspans expanded."""
    occupied: set[tuple[int, int]] = set()
    widths = []
    for r, tr in enumerate(table.findall("tr")):
        c = 0
        for cell in tr:
            while (r, c) in occupied:
                c += 1
            for i in range(int(cell.get("rowspan", 1))):
                for j in range(int(cell.get("colspan", 1))):
                    occupied.add((r + i, c + j))
            c += int(cell.get("colspan", 1))
        widths.append(max(col for row, col in occupied if row == r) + 1)
    return widths


@pytest.mark.parametrize("template", list(Template))
def test_html_tables_have_the_official_shape(template) -> None:
    page = lxml.html.fragment_fromstring(report_html(make_report(template=template), findings=[]))
    tables = page.findall(".//table")
    assert len(tables) == 3  # 二, 三, 四 (no findings: a <p>, not a table)
    proactive, requests, appeals = tables[:3]
    assert set(_widths(proactive)) == {4}
    assert set(_widths(requests)) == {10}
    assert len(requests.findall("tr")) == 3 + len(request_rows(template))
    assert set(_widths(appeals)) == {15}
    cells = page.findall(".//td[@data-key]")
    assert [td.get("data-key") for td in cells] == list(goiar.flatten(make_report(template=template)))


def test_html_highlights_failing_cells_and_marks_inferred_ones(seeds) -> None:
    page = report_html(seeds["003"])
    tree = lxml.html.fragment_fromstring(page)
    failing = {td.get("data-key") for td in tree.findall(".//td") if "goiar-error" in td.get("class", "")}
    errors = {f.path for f in goiar.validate(seeds["003"]) if f.severity is goiar.Severity.ERROR}
    assert failing == {path for path in errors if path.count(".") >= 2}
    assert "requests.total.total" in failing
    tree = lxml.html.fragment_fromstring(report_html(seeds["004"]))
    inferred = tree.find(".//td[@data-key='requests.total.other_org']")
    assert "goiar-inferred" in inferred.get("class")
    assert inferred.find("i") is not None
    assert "inferred from" in inferred.get("title")


def test_html_escapes_everything() -> None:
    evil = "<script>alert(1)</script>"
    report = make_report(meta=goiar.Meta(organ=evil, year=2023))
    finding = goiar.Finding(rule="x", severity=goiar.Severity.ERROR, path="requests.granted.total", message=evil)
    page = report_html(report, findings=[finding])
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<script>" not in findings_html([finding])


def test_finding_list_and_text_view(seeds) -> None:
    found = FindingList(goiar.validate(seeds["003"]))
    assert isinstance(found, list)
    assert found._repr_html_().count("<tr") == len(found) + 1
    text = report_text(seeds["004"])
    assert text.splitlines()[0] == "青岛西海岸新区大场镇人民政府 2023年（template 2021）"
    line = next(line for line in text.splitlines() if line.endswith("（七）总计"))
    assert line.split()[:3] == ["11", "0*", "0*"]
