"""The HTML reader: real pages, the invented example pages, and the hard shapes one at a time."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goiar.blocks import Blocks, Grid, Heading, Paragraph, RawCell
from goiar.encoding import decode
from goiar.errors import EmptyInputError, ReadError
from goiar.model.figure import Source
from goiar.protocols import Reader
from goiar.readers._html_cells import html_grid
from goiar.readers.html import HtmlReader

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
EXAMPLES = ROOT / "examples" / "pages"

COLUMNS = 7


def read(html: str) -> Blocks:
    return HtmlReader().read(html)


def read_file(path: Path) -> Blocks:
    if not path.exists():
        pytest.skip(f"{path} not found")
    text, _ = decode(path.read_bytes())
    return read(text)


def texts(blocks: Blocks) -> list[str]:
    return [item.text for item in blocks.items if not isinstance(item, Grid)]


def grid_texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


def row_starting(grid: Grid, label: str) -> tuple[RawCell, ...]:
    for row in grid.rows:
        if any(cell.text.startswith(label) for cell in row[:3]):
            return row
    raise AssertionError(f"no row starting with {label!r}")


def values(row: tuple[RawCell, ...]) -> list[str]:
    return [cell.text for cell in row[-COLUMNS:]]


def table(rows: str, attrs: str = "") -> str:
    return f"<html><body><table{attrs}>{rows}</table></body></html>"


def only_grid(html: str) -> Grid:
    grids = read(html).grids()
    assert len(grids) == 1
    return grids[0]


def table_three_identities(grid: Grid) -> None:
    """Row totals, column totals and the balance of a table 三 as read."""
    data = {}
    for row in grid.rows:
        cells = [cell.text for cell in row[-COLUMNS:]]
        if all(text.isdigit() for text in cells):
            label = next(cell.text for cell in reversed(row[:-COLUMNS]) if not cell.spanned or cell.text)
            data[label] = [int(text) for text in cells]
    for label, numbers in data.items():
        assert numbers[6] == sum(numbers[:6]), label
    total = data["（七）总计"]
    new = next(v for k, v in data.items() if k.startswith("一、"))
    carried = next(v for k, v in data.items() if k.startswith("二、"))
    forward = next(v for k, v in data.items() if k.startswith("四、"))
    outcomes = [v for k, v in data.items() if not k.startswith(("一、", "二、", "四、", "（七）"))]
    for column in range(COLUMNS):
        assert total[column] == sum(row[column] for row in outcomes)
        assert new[column] + carried[column] == total[column] + forward[column]


# ------------------------------------------------------------------------------------------ protocol


def test_is_a_reader() -> None:
    reader = HtmlReader()
    assert isinstance(reader, Reader)
    assert reader.name == "html"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("<!DOCTYPE html><html><body>", 0.95),
        ("\ufeff  \n<html>", 0.95),
        ("<?xml version='1.0'?><html>", 0.95),
        ("标题<table border=1><tr><td>1</td></tr></table>", 0.95),
        ("<p>一、总体情况</p><p>二、主动公开政府信息情况</p>", 0.9),
        ("一、总体情况\n规章\t0\t0\t0\n", 0.0),
        ("", 0.0),
        ("x" * 10_000 + "<table>", 0.0),
    ],
)
def test_sniff(text: str, score: float) -> None:
    assert HtmlReader().sniff(text) == score


# ---------------------------------------------------------------------------------- real: 平潭 2019


@pytest.fixture(scope="module")
def pingtan() -> Blocks:
    return read_file(SAMPLES / "pingtan-2019.html")


def test_pingtan_structure(pingtan: Blocks) -> None:
    assert pingtan.reader == "html"
    assert len(pingtan.grids()) == 3
    first = pingtan.items[0]
    assert isinstance(first, Heading)
    assert first.text == "平潭综合实验区2019年度政府信息公开工作年度报告"
    lines = texts(pingtan)
    for part in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "六、其他需要报告的事项",
    ):
        assert part in lines
    assert lines[-1] == "无其他需要报告的事项"


def test_pingtan_chrome_is_not_in_the_text(pingtan: Blocks) -> None:
    joined = "\n".join(texts(pingtan))
    for chrome in ("扫一扫", "网站支持IPV6", "当前位置", "闽政通APP", "长者模式", "历史搜索", "相关链接"):
        assert chrome not in joined


def test_pingtan_fields(pingtan: Blocks) -> None:
    fields = pingtan.fields
    assert ("名称", "平潭综合实验区2019年度政府信息公开工作年度报告") in fields  # <meta name="ArticleTitle">
    assert ("发布日期", "2020-01-20 15:22") in fields  # <meta name="PubDate">
    assert ("来源", "平潭县人民政府") in fields  # <span>来源：…</span> <span>时间：…</span> on one line
    assert ("时间", "2020-01-20 15:22") in fields


def test_pingtan_table_two(pingtan: Blocks) -> None:
    grid = pingtan.grids()[0]
    assert [cell.text for cell in row_starting(grid, "行政许可")] == ["行政许可", "396", "0", "181"]
    purchase = row_starting(grid, "政府集中采购")
    assert [cell.text for cell in purchase] == ["政府集中采购", "135", "75394432.52元", "75394432.52元"]
    assert [cell.spanned for cell in purchase] == [False, False, False, True]
    caption = grid.rows[0]
    assert caption[0].text == "第二十条第（一）项"
    assert [cell.spanned for cell in caption] == [False, True, True, True]


def test_pingtan_split_rowspan_label_is_expanded_and_flagged(pingtan: Blocks) -> None:
    grid = pingtan.grids()[1]
    column0 = [row[0] for row in grid.rows]
    result = [cell for cell in column0 if cell.text == "三、本年度办理结果"]
    assert len(result) == 20  # two rowspan=10 cells
    assert [cell.spanned for cell in result].count(False) == 2
    tops = [r for r, row in enumerate(grid.rows) if row[0].text == "三、本年度办理结果" and not row[0].spanned]
    assert [grid.rows[row][1].text for row in tops] == ["（一）予以公开", "（四）无法提供"]
    top_sources = [grid.source_at(row, 0) for row in tops]
    assert all(s is not None and s.path is not None and s.path.endswith("/td[1]") for s in top_sources)
    assert all(len(row) == 10 for row in grid.rows)
    assert values(row_starting(grid, "一、本年新收")) == ["23", "0", "0", "0", "0", "0", "23"]
    table_three_identities(grid)


def test_pingtan_cell_sources(pingtan: Blocks) -> None:
    grid = pingtan.grids()[1]
    assert grid.rows[5][3].text == "7"
    cell = grid.source_at(5, 3)
    assert cell is not None
    assert (cell.table, cell.row, cell.column) == (1, 5, 3)
    assert cell.path is not None
    assert cell.path.endswith("/tr[6]/td[3]")
    assert grid.rows[6][0].spanned
    assert not grid.rows[5][0].spanned
    spanned, top = grid.source_at(6, 0), grid.source_at(5, 0)
    assert spanned is not None
    assert top is not None
    assert (spanned.row, top.row) == (6, 5)
    assert spanned.path == top.path
    # the paths address the elements of the page as lxml parses it
    tree = lxml.html.fromstring((SAMPLES / "pingtan-2019.html").read_bytes()).getroottree()
    assert top.path is not None
    found_cell, found_top = tree.xpath(cell.path), tree.xpath(top.path)
    assert isinstance(found_cell, list)
    assert isinstance(found_top, list)
    node, top_node = found_cell[0], found_top[0]
    assert isinstance(node, lxml.etree._Element)
    assert isinstance(top_node, lxml.etree._Element)
    assert node.xpath("string()").strip() == "7"  # type: ignore[union-attr]
    assert top_node.get("rowspan") == "10"


def test_pingtan_table_four(pingtan: Blocks) -> None:
    grid = pingtan.grids()[2]
    assert [cell.text for cell in grid.rows[-1]] == ["0"] * 15


def test_pingtan_is_fast() -> None:
    path = SAMPLES / "pingtan-2019.html"
    if not path.exists():
        pytest.skip("sample missing")
    text, _ = decode(path.read_bytes())
    assert len(text) > 150_000
    reader = HtmlReader()
    reader.read(text)
    start = time.perf_counter()
    reader.read(text)
    assert time.perf_counter() - start < 0.5  # ~15 ms on a laptop; generous for slow CI


# -------------------------------------------------------------------------------- real: 沭阳 2023


@pytest.fixture(scope="module")
def shuyang() -> Blocks:
    return read_file(SAMPLES / "shuyang-fgj-2023.html")


def test_shuyang_fields(shuyang: Blocks) -> None:
    fields = dict(shuyang.fields)
    assert fields["公开日期"] == "2024-01-17"  # the page's publication date, as printed
    assert fields["索引号"] == "014314799/2024-00002"
    assert fields["发布机构"] == "沭阳县发展和改革局"
    assert fields["名称"] == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert fields["分类"] == "信息公开年报 其他 报告"
    assert fields["文号"] == ""  # present but empty
    assert fields["关键词"] == ""
    names = [name for name, _ in shuyang.fields]
    assert "采集时间" not in names  # the capture header's date is not a page field
    assert "时间" not in names


def test_shuyang_title_and_signature(shuyang: Blocks) -> None:
    first = shuyang.items[0]
    assert isinstance(first, Heading)
    assert first.text == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert texts(shuyang)[-2:] == ["沭阳县发展和改革局", "2024年1月17日"]


def test_shuyang_digits_split_across_spans_are_joined(shuyang: Blocks) -> None:
    intro = texts(shuyang)[1]
    assert "统计时限为2023年1月1日至2023年12月31日" in intro  # "20" and "23" sit in different elements
    assert "本年度报告所列数据" in intro


def test_shuyang_blank_legal_person_cells(shuyang: Blocks) -> None:
    grid = shuyang.grids()[1]
    new = row_starting(grid, "一、本年新收")
    assert values(new) == ["26", "", "", "", "", "", "26"]
    assert not any(cell.spanned for cell in new[-COLUMNS:])
    assert values(row_starting(grid, "（七）总计")) == ["26", "", "", "", "", "", "26"]


def test_shuyang_header_cells(shuyang: Blocks) -> None:
    grid = shuyang.grids()[1]
    header = grid_texts(grid)[:3]
    assert header[0][3] == "申请人情况"  # "申请人情" + "况" in two spans
    assert header[1][3] == "自然人"  # an empty <p><o:p>&nbsp;</o:p></p> line first, dropped
    assert header[2][4:6] == ["商业\n企业", "科研\n机构"]  # two <p> in one cell
    assert header[1][9] == "总计"


def test_shuyang_table_two_and_four(shuyang: Blocks) -> None:
    two, three, four = shuyang.grids()
    assert [cell.text for cell in row_starting(two, "规范性文件")] == ["规范性文件", "8", "0", "18"]
    assert len(three.rows) == 28
    assert [cell.text for cell in four.rows[-1]][:5] == ["0", "0", "0", "1", "1"]


# ----------------------------------------------------------------------------------- example pages


@pytest.fixture(scope="module")
def word_export() -> Blocks:
    return read_file(EXAMPLES / "word-export-2021.html")


@pytest.fixture(scope="module")
def gbk_page() -> Blocks:
    return read_file(EXAMPLES / "gbk-2021.html")


@pytest.fixture(scope="module")
def table_2019() -> Blocks:
    return read_file(EXAMPLES / "table-2019.html")


def test_word_export_fields(word_export: Blocks) -> None:
    assert word_export.fields == (
        ("名称", "青禾县柳塘镇2021年政府信息公开工作年度报告"),
        ("发布日期", "2022-01-26 16:40"),
        ("来源", "柳塘镇党政办公室"),
        ("索引号", "11330000QH0012345X/2022-00017"),
        ("主题分类", "政务公开"),
        ("发布机构", "青禾县柳塘镇人民政府"),
        ("发布日期", "2022-01-26"),
        ("文号", ""),
        ("公开方式", "主动公开"),
    )


def test_word_export_text(word_export: Blocks) -> None:
    lines = texts(word_export)
    assert lines[0] == "青禾县柳塘镇2021年政府信息公开工作年度报告"  # in the Word body: no extra Heading
    assert not any(isinstance(item, Heading) for item in word_export.items)
    assert "（二）依申请公开。本年共收到政府信息公开申请23件，上年结转2件，已办结23件，结转下年度继续办理2件。" in lines
    assert lines[-2:] == ["青禾县柳塘镇人民政府", "2022年1月26日"]
    joined = "\n".join(lines)
    for junk in (
        "不应出现",
        "dzb",
        "WordDocument",
        "mso-",
        "扫一扫",
        "分享到",
        "主办单位",
        "相关链接",
        "2020年政府信息",
    ):
        assert junk not in joined


def test_word_export_tables(word_export: Blocks) -> None:
    two, three, four = word_export.grids()
    assert row_starting(two, "行政许可")[1].text == "146"  # "1" + "46" in two spans
    assert row_starting(two, "行政事业性收费")[1].text == "2.35"
    new = row_starting(three, "一、本年新收政府信息公开申请数量")  # label broken by a source line break
    assert values(new) == ["17", "3", "0", "1", "2", "0", "23"]
    assert values(row_starting(three, "（七）总计")) == ["18", "2", "0", "1", "2", "0", "23"]
    other = [row for row in three.rows if row[1].text == "（六）其他处理"]
    assert [row[2].text for row in other] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]
    assert [row[1].spanned for row in other] == [False, True, True]
    table_three_identities(three)
    assert [cell.text for cell in four.rows[-1]] == [
        "1",
        "0",
        "0",
        "1",
        "2",
        "0",
        "0",
        "0",
        "1",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
    ]


def test_gbk_page(gbk_page: Blocks) -> None:
    assert ("发布机构", "云溪县堃山镇人民政府") in gbk_page.fields
    assert ("索引号", "000014348/2022-00031") in gbk_page.fields
    assert ("发布日期", "2022-01-20") in gbk_page.fields
    assert ("文号", "") in gbk_page.fields
    first = gbk_page.items[0]
    assert isinstance(first, Heading)
    assert first.text == "云溪县堃山镇2021年政府信息公开工作年度报告"
    lines = texts(gbk_page)
    assert lines[-2:] == ["云溪县堃山镇人民政府", "2022年1月20日"]
    assert any("王喆" in line for line in lines)
    assert not any("打印本页" in line or "版权所有" in line for line in lines)


def test_gbk_page_layout_table_is_walked_not_gridded(gbk_page: Blocks) -> None:
    two, three, four = gbk_page.grids()
    assert two.rows[0][0].text == "第二十条第（一）项"
    assert values(row_starting(three, "一、本年新收")) == ["5", "1", "0", "0", "0", "0", "6"]
    assert values(row_starting(three, "（七）总计")) == ["6", "1", "0", "0", "0", "0", "7"]
    table_three_identities(three)
    assert len(four.rows) == 4
    assert "一、总体情况" in texts(gbk_page)


def test_table_2019(table_2019: Blocks) -> None:
    headings = [item.text for item in table_2019.items if isinstance(item, Heading)]
    assert headings[0] == "江屿市青石区教育局2019年政府信息公开工作年度报告"
    assert headings[1:] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert table_2019.fields == (
        ("发布日期", "2020-01-22"),
        ("索引号", "11350000JY0098765A/2020-00004"),
        ("发布机构", "江屿市青石区教育局"),
        ("文号", ""),
    )
    two, three, _ = table_2019.grids()
    assert [cell.text for cell in row_starting(two, "政府集中采购")][:3] == ["政府集中采购", "7", "12500元"]
    assert [cell.text for cell in row_starting(two, "行政许可")] == ["行政许可", "12", "-1", "340"]
    assert values(row_starting(three, "（六）其他处理")) == ["1", "0", "0", "0", "0", "0", "1"]
    assert values(row_starting(three, "（七）总计")) == ["10", "2", "0", "0", "1", "0", "13"]
    table_three_identities(three)
    lines = texts(table_2019)
    assert lines[-7:-4] == ["主要问题：部分学校信息公开意识不强。", "改进措施：加强培训，", "纳入年度考核。"]
    assert lines[-2:] == ["江屿市青石区教育局", "2020年1月22日"]


# ---------------------------------------------------------------------------------------------- spans


def test_colspan_with_trailing_junk() -> None:
    grid = only_grid(table('<tr><td colspan="2;">规章</td><td>4</td></tr><tr><td>a</td><td>b</td><td>c</td></tr>'))
    assert grid_texts(grid) == [["规章", "规章", "4"], ["a", "b", "c"]]
    assert [cell.spanned for cell in grid.rows[0]] == [False, True, False]


def test_rowspan_beyond_the_table_end_is_clamped() -> None:
    grid = only_grid(table('<tr><td rowspan="5">合计</td><td>1</td></tr><tr><td>2</td></tr>'))
    assert grid_texts(grid) == [["合计", "1"], ["合计", "2"]]
    assert [row[0].spanned for row in grid.rows] == [False, True]


@pytest.mark.parametrize("span", ["0", "abc", "-3", "", "  ", "1.5", "+2"])
def test_invalid_spans(span: str) -> None:
    grid = only_grid(table(f'<tr><td rowspan="{span}" colspan="{span}">x</td><td>y</td></tr><tr><td>z</td></tr>'))
    expected = 2 if span == "+2" else 1
    assert len(grid.rows[0]) == expected + 1
    if expected == 1:
        assert grid_texts(grid) == [["x", "y"], ["z"]]


def test_absurd_spans_are_bounded() -> None:
    rows = '<tr><td rowspan="100000" colspan="100000">x</td><td>y</td></tr>' + "<tr><td>z</td></tr>" * 50
    start = time.perf_counter()
    grid = only_grid(table(rows))
    assert time.perf_counter() - start < 1
    assert len(grid.rows) == 51
    assert max(len(row) for row in grid.rows) <= 65


def test_many_absurd_spans_stay_bounded() -> None:
    row = '<tr><td rowspan="100000" colspan="100000">x</td></tr>'
    start = time.perf_counter()
    grid = only_grid(table(row * 2000))
    assert time.perf_counter() - start < 5
    assert sum(len(r) for r in grid.rows) < 2000 * 70


def test_rowspan_and_colspan_together() -> None:
    grid = only_grid(
        table(
            '<tr><td rowspan="2" colspan="2">A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>a</td><td>b</td><td>c</td></tr>'
        )
    )
    assert grid_texts(grid) == [["A", "A", "1"], ["A", "A", "2"], ["a", "b", "c"]]
    assert [[cell.spanned for cell in row] for row in grid.rows] == [
        [False, True, False],
        [True, True, False],
        [False, False, False],
    ]


def test_short_rows_and_holes() -> None:
    grid = only_grid(table("<tr><td>a</td><td>b</td><td rowspan=2>c</td></tr><tr><td>d</td></tr>"))
    assert grid_texts(grid) == [["a", "b", "c"], ["d", "", "c"]]
    hole = grid.source_at(1, 1)
    assert hole is not None
    assert (hole.row, hole.column, hole.path) == (1, 1, None)


def test_thead_tbody_tfoot_and_th() -> None:
    grid = only_grid(
        table(
            "<thead><tr><th>信息内容</th><th>本年制发件数</th></tr></thead><tbody><tr><td>规章</td><td>1</td></tr></tbody>"
        )
    )
    assert grid_texts(grid) == [["信息内容", "本年制发件数"], ["规章", "1"]]


def test_grid_and_cell_sources() -> None:
    blocks = read("<table><tr><td>a</td><td>b</td></tr></table><table><tr><td>c</td><td>d</td></tr></table>")
    first, second = blocks.grids()
    assert first.source is not None
    assert first.source.table == 0
    assert second.source is not None
    assert second.source.table == 1
    cell = second.source_at(0, 1)
    assert cell is not None
    assert (cell.table, cell.row, cell.column) == (1, 0, 1)
    assert cell.path is not None
    assert cell.path.endswith("/td[2]")


# ------------------------------------------------------------------------------------------- cell text


def test_nested_inline_and_block_markup_in_cells() -> None:
    grid = only_grid(
        table(
            "<tr><td><p><span>1</span><font color=red>2</font></p><p><b>3</b><span>4</span></p></td>"
            "<td>商业<br>企业</td><td><div>a</div>b<div>c</div></td></tr>"
        )
    )
    assert grid_texts(grid) == [["12\n34", "商业\n企业", "a\nb\nc"]]


def test_nbsp_and_ideographic_spaces() -> None:
    blocks = read(
        table("<tr><td>&nbsp;</td><td>&nbsp;7&nbsp;</td><td>\u3000\u30003</td><td>a&nbsp;&nbsp; b</td></tr>").replace(
            "</table>", "</table><p>&nbsp;&nbsp;\u3000第一段&nbsp;</p><p>&nbsp;</p><p>\u3000</p>"
        )
    )
    assert grid_texts(blocks.grids()[0]) == [["", "7", "3", "a b"]]
    assert texts(blocks) == ["第一段"]


def test_line_breaks_in_source_between_cjk_disappear() -> None:
    blocks = read("<p>本年新收政府信息公开申请\n   数量</p><p>2023\n年</p><p>a\nb</p>")
    assert texts(blocks) == ["本年新收政府信息公开申请数量", "2023 年", "a b"]


def test_text_is_kept_raw() -> None:
    grid = only_grid(table("<tr><td>（一）予以公开</td><td>１２</td><td>(2)部分公开</td><td>251000元</td></tr>"))
    assert grid_texts(grid) == [["（一）予以公开", "１２", "(2)部分公开", "251000元"]]


def test_word_markup() -> None:
    html = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
    <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>张三</o:Author></o:DocumentProperties></xml><![endif]-->
    <style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head><body>
    <div class=WordSection1>
    <p class=MsoNormal style='mso-char-indent-count:2.0'><![if !supportLists]><span style='mso-list:Ignore'>1.</span><![endif]><span
    style='font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>总体情况</span><span lang=EN-US><o:p></o:p></span></p>
    <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
    <table class=MsoNormalTable border=1 style='mso-yfti-tbllook:1184'>
     <tr style='mso-yfti-irow:0'><td style='mso-border-alt:solid windowtext .5pt'><p class=MsoNormal><span
     style='mso-bidi-font-size:10.5pt'>规章<o:p></o:p></span></p></td><td><p class=MsoNormal><span lang=EN-US
     style='font-family:"Times New Roman"'>1</span><span lang=EN-US style='mso-fareast-font-family:仿宋_GB2312'>2<o:p></o:p></span></p></td>
     <td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr>
    </table></div></body></html>"""
    blocks = read(html)
    assert texts(blocks) == ["1.总体情况"]
    assert grid_texts(blocks.grids()[0]) == [["规章", "12", ""]]
    assert "张三" not in repr(blocks)


def test_invisible_elements_are_dropped() -> None:
    blocks = read(
        "<html><head><title>t</title><style>p{}</style></head><body><script>document.write('脚本')</script>"
        "<noscript>请启用脚本</noscript><template><p>模板</p></template><p>正文<script>x</script>续</p>"
        "<iframe src='x'>框架</iframe><select><option>选项</option></select></body></html>"
    )
    assert texts(blocks) == ["正文续"]


def test_headings_lists_and_br_lines() -> None:
    blocks = read(
        "<body><h1>报告</h1><h3>一、<span>总体情况</span></h3><ul><li>甲</li><li>乙<br>丙</li></ul>"
        "<p>第一行<br/>第二行<br><br>第三行</p><div>块<div>内块</div>尾</div></body>"
    )
    assert [(type(item).__name__, item.text) for item in blocks.items if not isinstance(item, Grid)] == [
        ("Heading", "报告"),
        ("Heading", "一、总体情况"),
        ("Paragraph", "甲"),
        ("Paragraph", "乙"),
        ("Paragraph", "丙"),
        ("Paragraph", "第一行"),
        ("Paragraph", "第二行"),
        ("Paragraph", "第三行"),
        ("Paragraph", "块"),
        ("Paragraph", "内块"),
        ("Paragraph", "尾"),
    ]
    heading = blocks.items[1]
    assert isinstance(heading, Heading)
    assert heading.level == 3
    paragraph = blocks.items[2]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.source is not None
    assert paragraph.source.path is not None
    assert paragraph.source.path.endswith("li[1]")


def test_pre_keeps_its_lines() -> None:
    assert texts(read("<pre>一、总体情况\n规章  0\n\n行政许可 3</pre>")) == ["一、总体情况", "规章 0", "行政许可 3"]


# ----------------------------------------------------------------------------------- nested tables


def test_nested_table_in_a_data_cell_becomes_its_own_grid() -> None:
    html = table(
        "<tr><td>规章</td><td>本年制发件数</td><td>说明</td></tr>"
        "<tr><td>行政规范性文件</td><td>3</td><td>见下表<table><tr><td>内1</td><td>内2</td></tr></table></td></tr>"
    )
    outer, inner = read(html).grids()
    assert grid_texts(outer) == [["规章", "本年制发件数", "说明"], ["行政规范性文件", "3", "见下表"]]
    assert grid_texts(inner) == [["内1", "内2"]]
    assert inner.source is not None
    assert inner.source.table == 1


def test_layout_table_holding_the_article_is_walked() -> None:
    prose = "本机关认真贯彻落实条例，" * 30
    html = f"""<html><body><table width=980><tr><td class=title><h2>某局2021年政府信息公开工作年度报告</h2></td></tr>
    <tr><td><p>一、总体情况</p><p>{prose}</p><p>二、主动公开政府信息情况</p>
    <table border=1><tr><td>第二十条第（一）项</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr></table>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table border=1><tr><td>一、本年新收政府信息公开申请数量</td><td>2</td></tr></table>
    </td></tr></table></body></html>"""
    blocks = read(html)
    assert len(blocks.grids()) == 2
    assert grid_texts(blocks.grids()[0]) == [["第二十条第（一）项", "本年制发件数"], ["规章", "1"]]
    lines = texts(blocks)
    assert lines[0] == "某局2021年政府信息公开工作年度报告"
    assert lines[1:3] == ["一、总体情况", prose]


def test_single_cell_box_table_is_content() -> None:
    blocks = read("<table><tr><td><p>一、总体情况</p><p>二、主动公开政府信息情况</p></td></tr></table>")
    assert blocks.grids() == ()
    assert texts(blocks) == ["一、总体情况", "二、主动公开政府信息情况"]


def test_caption_becomes_a_paragraph() -> None:
    blocks = read(table("<caption>表一</caption><tr><td>a</td><td>b</td></tr>"))
    assert texts(blocks) == ["表一"]
    assert isinstance(blocks.items[1], Grid)


# -------------------------------------------------------------------------------- container, fields

CHROME_PAGE = """<!DOCTYPE html><html><head><meta name="PubDate" content="2024-01-29 10:00">
<meta name="ContentSource" content=""><title>某镇2023年政府信息公开工作年度报告_年报_某县政府</title></head><body>
<div class=nav>首页 &gt; 政务公开 &gt; 年度报告</div>
<table class=info><tr><td>索引号：</td><td>11370000MB0000000X/2024-00001</td><td>发文日期：</td><td>2024年1月28日</td></tr>
<tr><td>文号：</td><td></td><td>主题分类：</td><td>年度报告</td></tr></table>
<ul><li><span>发布机构</span> 兰陵县新兴镇</li><li><span>发布时间</span>2024-01-29</li></ul>
<div class=bar>信息来源：某镇党政办 发布时间：2024-01-29 09:30 【字体：大 中 小】 浏览次数：12</div>
<p>采集时间：2025-12-30 时间：2024-01-29</p>
<dl><dt>公开方式：</dt><dd>主动公开</dd></dl>
<div class=article><p>一、总体情况</p><p>索引号：不应成为字段</p><p>二、主动公开政府信息情况</p>
<p>三、收到和处理政府信息公开申请情况</p><p>扫一扫在手机打开当前页面</p></div>
<div class=foot>主办：某县人民政府 地址：某路1号 电话：0000-1234567</div></body></html>"""


def test_fields_from_chrome() -> None:
    blocks = read(CHROME_PAGE)
    assert blocks.fields == (
        ("发布日期", "2024-01-29 10:00"),
        ("索引号", "11370000MB0000000X/2024-00001"),
        ("发文日期", "2024年1月28日"),
        ("文号", ""),
        ("主题分类", "年度报告"),
        ("发布机构", "兰陵县新兴镇"),
        ("发布时间", "2024-01-29"),
        ("信息来源", "某镇党政办"),
        ("发布时间", "2024-01-29 09:30"),
        ("时间", "2024-01-29"),
        ("公开方式", "主动公开"),
    )


def test_report_container_excludes_chrome() -> None:
    blocks = read(CHROME_PAGE)
    first = blocks.items[0]
    assert isinstance(first, Heading)
    assert first.text == "某镇2023年政府信息公开工作年度报告"  # from <title>, site name dropped
    assert first.source is not None
    assert first.source.path is None
    assert texts(blocks)[1:] == [
        "一、总体情况",
        "索引号：不应成为字段",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]


def test_no_markers_uses_the_body() -> None:
    blocks = read(
        "<body><div>索引号：123</div><p>某局年度工作总结</p><table><tr><td>a</td><td>1</td></tr></table></body>"
    )
    assert texts(blocks) == ["索引号：123", "某局年度工作总结"]
    assert blocks.fields == (("索引号", "123"),)
    assert len(blocks.grids()) == 1


def test_page_information_table_inside_the_report_becomes_fields() -> None:
    blocks = read(
        "<body><div><table><tr><td>索引号</td><td>0001/2024-1</td><td>发布机构</td><td>某局</td></tr>"
        "<tr><td>文号</td><td></td><td>成文日期</td><td>2024-01-10</td></tr></table>"
        "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body>"
    )
    assert blocks.grids() == ()
    assert blocks.fields == (("索引号", "0001/2024-1"), ("发布机构", "某局"), ("文号", ""), ("成文日期", "2024-01-10"))


# -------------------------------------------------------------------------------------------- safety


def test_xxe_is_not_fetched() -> None:
    html = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:1/x">]>
<html><body><p>一、总体情况 &xxe; &web;</p><table><tr><td>&xxe;</td><td>1</td></tr></table></body></html>"""
    blocks = read(html)
    joined = repr(blocks)
    assert "root:" not in joined
    assert "]>" not in texts(blocks)


def test_billion_laughs_is_not_expanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    html = f"<!DOCTYPE html [{entities}]><html><body><p>一、总体情况&lol9;</p></body></html>"
    start = time.perf_counter()
    blocks = read(html)
    assert time.perf_counter() - start < 1
    assert sum(len(text) for text in texts(blocks)) < 100


def test_deep_nesting_does_not_crash() -> None:
    with pytest.raises(ReadError):
        read("<div>" * 100_000 + "x" + "</div>" * 100_000)
    blocks = read("<p>正文</p>" + "<div>" * 5000 + "x")
    assert texts(blocks)[0] == "正文"


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "<html></html>", "<html><body><script>x()</script></body></html>", "<!-- only a comment -->"],
)
def test_empty_documents(text: str) -> None:
    with pytest.raises(EmptyInputError):
        read(text)


def test_xml_declaration_on_str_input() -> None:
    blocks = read('<?xml version="1.0" encoding="gb2312"?><html><body><p>一、总体情况</p></body></html>')
    assert texts(blocks) == ["一、总体情况"]


def test_control_characters_and_lone_surrogates() -> None:
    blocks = read("<p>规\x00章\x01\x7f</p><p>a\ud800b</p><p>\u200b零宽</p>")
    assert texts(blocks) == ["规章", "a?b", "零宽"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<table>",
                "</table>",
                "<tr>",
                "<td rowspan=3>",
                "<td colspan='9;'>",
                "</td>",
                "<p>",
                "</p>",
                "<br>",
                "<h2>",
                "</h2>",
                "一、总体情况",
                "收到和处理政府信息公开申请",
                "索引号：",
                "2024-01-01",
                "&nbsp;",
                "&lol;",
                "<!--",
                "-->",
                "<![if x]>",
                "<o:p>",
                "<script>",
                "<",
                ">",
                "\x00",
                "字",
            ]
        )
        | st.text(max_size=5),
        max_size=40,
    )
)
def test_anything_reads_or_raises_a_read_error(parts: list[str]) -> None:
    try:
        blocks = read("".join(parts))
    except ReadError:
        return
    assert blocks.reader == "html"
    for grid in blocks.grids():
        assert all(isinstance(cell, RawCell) for row in grid.rows for cell in row)


def test_heading_inside_a_data_cell_keeps_the_grid() -> None:
    grid = only_grid(table("<tr><td><h5>信息内容</h5></td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr>"))
    assert grid_texts(grid) == [["信息内容", "本年制发件数"], ["规章", "1"]]


def test_field_label_variants() -> None:
    blocks = read(
        "<body><div><span>发布日期</span>2020-01-22</div><table><tr><td>索 引 号：</td><td>A/2020-1</td></tr></table>"
        "<div>单位名称：某局</div><div class=c><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body>"
    )
    assert blocks.fields == (("发布日期", "2020-01-22"), ("索引号", "A/2020-1"))


# -------------------------------------------------------------------------------------- sources, paths

PATHS_PAGE = """<html><body><div class=nav>首页</div><div class=content><h2>一、总体情况</h2>
<table border=1><caption>表一</caption>
<thead><tr><th rowspan=2>信息内容</th><th colspan=2>本年</th></tr><tr><th>制发</th><th>废止</th></tr></thead>
<tbody><tr><td>规章</td><td>1</td><td><span>2</span></td></tr>
<tr><td>规范性文件</td><td>3<br>4</td><td>见下表<table><tr><td>内1</td><th>内2</th></tr></table></td></tr></tbody>
<tr><td>其他</td><td colspan=2>5</td></tr>
<tfoot><tr><th>合计</th><td>4</td><td>2</td></tr></tfoot></table>
<p>二、主动公开政府信息情况</p></div></body></html>"""


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_every_path_selects_its_element() -> None:
    blocks = read(PATHS_PAGE)
    tree = lxml.html.fromstring(PATHS_PAGE).getroottree()
    outer, inner = blocks.grids()
    assert grid_texts(outer) == [
        ["信息内容", "本年", "本年"],
        ["信息内容", "制发", "废止"],
        ["规章", "1", "2"],
        ["规范性文件", "3\n4", "见下表"],
        ["其他", "5", "5"],
        ["合计", "4", "2"],
    ]
    assert grid_texts(inner) == [["内1", "内2"]]
    for grid in (outer, inner):
        assert grid.source is not None
        assert grid.source.path is not None
        (table,) = tree.xpath(grid.source.path)
        assert table.tag == "table"
        tops: dict[str, str] = {}
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row):
                where = grid.source_at(r, c)
                assert where is not None
                assert where.path is not None
                (element,) = tree.xpath(where.path)
                assert element.tag in {"td", "th"}
                assert next(element.iterancestors("table")) is table  # a cell of this table, not a nested one
                assert squeezed(cell.text) in squeezed(element.text_content())
                if cell.spanned:
                    assert tops[where.path] == cell.text  # a copy points at the cell it copies
                else:
                    tops[where.path] = cell.text
    for item in blocks.items:
        if not isinstance(item, Grid):
            assert item.source is not None
            assert item.source.path is not None
            (element,) = tree.xpath(item.source.path)
            assert squeezed(item.text) in squeezed(element.text_content())


def test_report_in_a_cell_of_a_layout_table() -> None:
    html = """<html><body><table><tr><td class=nav>首页 &gt; 政务公开 &gt; 年度报告</td>
    <td><p>一、总体情况</p><p>本年共收到申请2件。</p><p>二、主动公开政府信息情况</p>
    <table border=1><tr><td>第二十条第（一）项</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr></table>
    <p>三、收到和处理政府信息公开申请情况</p></td></tr><tr><td colspan=2>版权所有 某县人民政府</td></tr></table></body></html>"""
    blocks = read(html)
    assert texts(blocks) == [
        "一、总体情况",
        "本年共收到申请2件。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]
    (grid,) = blocks.grids()
    assert grid_texts(grid) == [["第二十条第（一）项", "本年制发件数"], ["规章", "1"]]
    source = grid.source_at(1, 1)
    assert source is not None
    assert source.path == "/html/body[1]/table[1]/tr[1]/td[2]/table[1]/tr[2]/td[2]"


def test_reads_in_threads_agree_with_reads_in_turn() -> None:
    pages = [PATHS_PAGE, CHROME_PAGE, table("<tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr>")] * 4
    expected = [read(page) for page in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(read, pages)) == expected


def test_grid_cells_and_their_sources() -> None:
    rows = [
        {0: ("合计", "/t/tr[1]/td[1]", False), 1: ("合计", "/t/tr[1]/td[1]", True), 3: ("4", "/t/tr[1]/td[2]", False)},
        {1: ("", "/t/tr[2]/td[1]", False)},
    ]
    grid = html_grid(rows, 3, "/t")
    assert grid.rows == (
        (RawCell(text="合计"), RawCell(text="合计", spanned=True), RawCell(text=""), RawCell(text="4")),
        (RawCell(text=""), RawCell(text="")),
    )
    assert grid.source == Source(table=3, path="/t")
    sources = [[grid.source_at(r, c) for c in range(len(row))] for r, row in enumerate(grid.rows)]
    assert sources == [
        [
            Source(table=3, row=0, column=0, path="/t/tr[1]/td[1]"),
            Source(table=3, row=0, column=1, path="/t/tr[1]/td[1]"),
            Source(table=3, row=0, column=2),
            Source(table=3, row=0, column=3, path="/t/tr[1]/td[2]"),
        ],
        [Source(table=3, row=1, column=0), Source(table=3, row=1, column=1, path="/t/tr[2]/td[1]")],
    ]
