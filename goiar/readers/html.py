"""Web pages: the report's text and tables out of a government site page (or a Word "Save as HTML").

The reader parses with a locked-down lxml HTML parser (``no_network``, no comments, no processing
instructions, ``huge_tree`` off so libxml2's depth and size limits hold; libxml2's HTML parser never
expands declared entities, and a leading ``<!DOCTYPE … [ … ]>`` internal subset is removed unread; a
start tag with thousands of attributes, which libxml2 parses in quadratic time, is refused before
parsing: :mod:`goiar.readers._html_guard`), then:

1. drops what is never visible (``<script>``, ``<style>``, ``<noscript>``, ``<template>``, Word's
   ``<xml>`` islands and conditional comments);
2. finds the report among the page chrome: the smallest element that holds the most distinct report
   markers (part headings such as ``总体情况`` and table labels such as ``第二十条第``); without markers the
   whole ``<body>`` is used;
3. walks that element in document order: ``<h1>``–``<h6>`` become :class:`~goiar.blocks.Heading`, every
   visible line of block text a :class:`~goiar.blocks.Paragraph`, every data table a
   :class:`~goiar.blocks.Grid` with ``rowspan``/``colspan`` expanded (copies flagged ``spanned``);
   layout tables (prose and tables inside cells) are walked as ordinary content;
4. reads page metadata (``索引号``, ``发布机构``, ``发布日期``, ``公开日期``, ``文号`` …) into
   :attr:`~goiar.blocks.Blocks.fields`, names as printed, in document order: first the ``<meta>`` tags
   (``PubDate`` → 发布日期, ``ArticleTitle`` → 名称, ``ContentSource`` → 来源), then the chrome outside the
   report (``<td>索引号：</td><td>…</td>``, ``<li><span>发布机构</span> …</li>``, ``发布日期：…`` lines), then
   page-information tables found inside the report element (those are not emitted as grids).  A label
   with an empty value gives ``""``.  When no report element is found, field lines are read from the
   body's paragraphs and also stay in the paragraph stream;
5. emits the report title (``<h1>``–``<h3>``, an element whose class or id holds ``title``, else the
   ``<title>`` segment naming the report) as the first Heading when it lies outside the report element
   and the first blocks do not already carry it.

Text is kept raw (no punctuation or digit normalisation): only whitespace is tidied.  Inline elements join
without a separator (``<span>2</span><span>3</span>`` reads ``23``), a line break in the source between
two CJK characters disappears, other whitespace runs become one space.

Example:
    >>> page = (
    ...     "<html><body><div class=nav>首页 &gt; 年报</div><div class=info>索引号：0001/2024-1</div>"
    ...     "<div class=content><p>一、总体情况</p><p>本年共收到申请<span>2</span><span>3</span>件。</p>"
    ...     "<p>三、收到和处理政府信息公开申请情况</p><table><tr><td rowspan=2>合计</td><td>2</td></tr>"
    ...     "<tr><td>3</td></tr></table></div></body></html>"
    ... )
    >>> blocks = HtmlReader().read(page)
    >>> [getattr(b, "text", "grid") for b in blocks.items]
    ['一、总体情况', '本年共收到申请23件。', '三、收到和处理政府信息公开申请情况', 'grid']
    >>> [(c.text, c.spanned) for c in blocks.grids()[0].rows[1]]
    [('合计', True), ('3', False)]
    >>> blocks.fields
    (('索引号', '0001/2024-1'),)
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Final

from lxml import etree

from goiar.blocks import Block, Blocks, Grid, Heading, Paragraph
from goiar.errors import EmptyInputError, InputTooLargeError, ReadError, UnknownFormatError
from goiar.model.figure import Source
from goiar.readers._html_cells import Position, html_grid
from goiar.readers._html_guard import check_attributes

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["HtmlReader"]

_Element = etree._Element  # noqa: SLF001 - the element type lxml exposes for annotations

# ---------------------------------------------------------------------------------------------- tags

_DROPPED: Final = (
    "script",
    "style",
    "noscript",
    "template",
    "xml",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "audio",
    "video",
    "select",
    "button",
    "textarea",
)
"""Never visible (or never report text): removed with their content, their tails kept."""
_INVISIBLE: Final = frozenset({"head", "title", "meta", "link", "base", "input", "img", "col", "colgroup"})
"""Skipped while walking (``<title>``/``<meta>`` are read separately; many pages repeat them in the body)."""
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SECTIONS: Final = frozenset({"thead", "tbody", "tfoot"})
_TABLE_PARTS: Final = frozenset({"tr", "td", "th", "caption", *_SECTIONS})
_BLOCK: Final = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        "listing",
        "plaintext",
        "xmp",
        "noframes",
        *_TABLE_PARTS,
    }
)

# ------------------------------------------------------------------------------------------- limits

_MAX_COLUMNS: Final = 64
"""A cell starting at or beyond this column does not span (colspans are clamped to stay inside it)."""
_SPAN_BUDGET: Final = 200_000
"""Grid positions one table may fill through spans; beyond it cells count as 1×1 (no memory blow-up)."""
_LAYOUT_CELL_CHARS: Final = 300
"""A cell holding more text than this is prose: its table is a layout table."""
_PROSE_CELL_CHARS: Final = 100
_SNIFF_PREFIX: Final = 4096
_MIN_MARKERS: Final = 2
_TOO_DEEP: Final = "data-goiar-too-deep"
"""Attribute set on the root when the parser stopped at its nesting limit."""

# ------------------------------------------------------------------------------------------ markers

_SECTION_MARKERS: Final = (
    "总体情况",
    "主动公开政府信息",
    "收到和处理政府信息公开申请",
    "行政复议、行政诉讼",
    "存在的主要问题",
    "其他需要报告的事项",
)
_TABLE_MARKERS: Final = (
    "第二十条第",
    "本年新收政府信息公开申请",
    "上年结转政府信息公开申请",
    "结转下年度继续办理",
    "结果维持",
)
_MARKERS: Final = _SECTION_MARKERS + _TABLE_MARKERS
_MARKER_PATTERNS: Final = tuple(re.compile(r"\s*".join(map(re.escape, marker))) for marker in _MARKERS)
"""Each marker with any whitespace allowed between its characters (``总体 情况`` is ``总体情况``)."""
_MAX_OCCURRENCES: Final = 64

# ------------------------------------------------------------------------------------------- fields

_META_NAMES: Final = {
    "pubdate": "发布日期",
    "publishdate": "发布日期",
    "firstpublishedtime": "发布日期",
    "articletitle": "名称",
    "contentsource": "来源",
}
"""``<meta name=…>`` of the national site standard → field name."""
_LONG_LABELS: Final = (
    "索引号",
    "发布机构",
    "发文机关",
    "发布单位",
    "发布日期",
    "发布时间",
    "成文日期",
    "发文日期",
    "公开日期",
    "生成日期",
    "印发日期",
    "废止日期",
    "发布文号",
    "发文字号",
    "文号",
    "信息名称",
    "主题分类",
    "信息分类",
    "组配分类",
    "体裁分类",
    "主题词",
    "关键词",
    "关键字",
    "信息来源",
    "公开方式",
    "公开范围",
    "公开时限",
    "有效性",
    "时效性",
    "内容概述",
)
"""Field labels distinctive enough to be found anywhere in a chrome line."""
_SHORT_LABELS: Final = ("时间", "日期", "名称", "标题", "来源", "分类", "时效")
"""Generic labels: only at the start of a line or after a non-CJK character (not ``采集时间``)."""
_LABELS: Final = frozenset(_LONG_LABELS + _SHORT_LABELS)
_DATE_LABELS: Final = frozenset(
    {"发布日期", "发布时间", "成文日期", "发文日期", "公开日期", "生成日期", "印发日期", "废止日期", "时间", "日期"}
)


def _label_pattern(labels: Iterable[str]) -> str:
    """Alternation of labels, longest first, tolerating one space between characters (``索 引 号``)."""
    return "|".join(r"\s?".join(re.escape(ch) for ch in label) for label in sorted(labels, key=len, reverse=True))


_INLINE_LABEL: Final = re.compile(
    rf"(?P<name>{_label_pattern(_LONG_LABELS)}|(?<![\u3400-\u9fff])(?:{_label_pattern(_SHORT_LABELS)}))\s?[:：]"
)
_LEADING_LABEL: Final = re.compile(rf"(?P<name>{_label_pattern(_LABELS)})(?:[ \u3000]+|(?=\d))(?P<value>\S.*)")
_VALUE_STOPS: Final = re.compile(r"【|\[|\||｜|字体|字号|浏览|点击|阅读|访问量|打印|关闭|分享|扫一扫|视力保护")
_DATE: Final = re.compile(
    r"\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}日?(?:[ T]{0,3}\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
_CHROME_LINE: Final = re.compile(r"扫一扫|打印本页|关闭窗口|分享到|【字体|字号：|收藏本页|返回顶部|【打印】|【关闭】")
_CHROME_LINE_MAX: Final = 40
_TITLE_SPLIT: Final = re.compile(r"\s[-—|｜]\s|[_|｜]|-(?=[^-]*$)")
_MAX_TITLE: Final = 120

# --------------------------------------------------------------------------------------------- text

_WS_RUN: Final = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_INVISIBLE_CHARS: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
"""Control characters, zero-width characters, soft hyphens and BOMs: removed from all text."""
_XML_DECLARATION: Final = re.compile(r"\A\s*<\?xml[^>]{0,500}\?>")
_DOCTYPE_SUBSET: Final = re.compile(r"\A\s*<!DOCTYPE[^\[>]{0,500}\[[^\]]{0,200000}\]\s*>", re.IGNORECASE)
"""A doctype with an internal subset (entity declarations: XXE, billion laughs): removed unread."""
_SNIFF_STRONG: Final = re.compile(r"<(?:!doctype\s+html|html|body|table|head)[\s>/]")
_SNIFF_WEAK: Final = re.compile(r"<(?:p|div|br|span|td|tr|meta|title|h[1-6])[\s>/]")
_BLANKS: Final = " \t\n\r\f\v\u00a0\u3000"
"""Whitespace that a line loses at its ends (runs collapse to a space, which is stripped with ``\u3000``)."""
_WIDE: Final = "\u2e80"
"""Characters from here on are CJK or full-width: a source line break between two of them is no space."""


def _space(match: re.Match[str]) -> str:
    run = match.group()
    if "\n" in run or "\r" in run:
        text, start, end = match.string, match.start(), match.end()
        if start > 0 and end < len(text) and text[start - 1] >= _WIDE and text[end] >= _WIDE:
            return ""
    return " "


def _clean_line(raw: str, *, keep_breaks: bool = False) -> str:
    """Collapse whitespace runs to one space (none for a line break between CJK), strip the ends.

    With ``keep_breaks`` every run becomes a space (page chrome: ``来源：X</span>⏎<span>时间：Y``).

    Example:
        >>> _clean_line("\\u3000\\u3000本年新收\\n  申请  数量\\xa0 ")
        '本年新收申请 数量'
    """
    if " " not in raw and raw.isprintable():  # no whitespace, control or invisible character: as it is
        return raw
    return _WS_RUN.sub(" " if keep_breaks else _space, _INVISIBLE_CHARS.sub("", raw)).strip(" \u3000")


def _squeeze(text: str) -> str:
    """All whitespace removed (for marker search)."""
    return "".join(text.split())


def _span(value: str | None) -> int:
    """The leading integer of a ``rowspan``/``colspan`` value, or 1 when missing, invalid or below 1.

    Example:
        >>> _span("2;"), _span(" 3 "), _span("0"), _span("-2"), _span("abc"), _span(None)
        (2, 3, 1, 1, 1, 1)
    """
    if not value:
        return 1
    if value.isdigit() and value.isascii() and len(value) <= 7:  # the common case: a plain number
        return max(int(value), 1)
    digits = ""
    for char in value.strip().removeprefix("+"):
        if not ("0" <= char <= "9") or len(digits) >= 7:
            break
        digits += char
    return max(int(digits), 1) if digits else 1


def _tag(element: _Element) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) else ""  # the HTML parser lower-cases names


# -------------------------------------------------------------------------------------------- cells


class _Lines:
    """The visible lines under one element, with nested tables set aside (cells, headings, captions).

    Example:
        >>> cell = etree.fromstring("<td><p>商业<br>企业</p>a<h5>b</h5><table></table></td>", etree.HTMLParser())
        >>> lines = _Lines(cell.find(".//td"))
        >>> lines.lines, len(lines.nested), lines.headings
        (['商业', '企业', 'a', 'b'], 1, 1)
    """

    __slots__ = ("_keep_breaks", "_parts", "headings", "lines", "nested")

    def __init__(self, element: _Element, *, keep_breaks: bool = False) -> None:
        self._keep_breaks = keep_breaks
        self.lines: list[str] = []
        self.nested: list[_Element] = []
        self.headings = 0
        self._parts: list[str] = []
        if element.text:
            self._parts.append(element.text)
        self._children(element)
        self._flush()

    def _flush(self) -> None:
        if self._parts:
            line = _clean_line("".join(self._parts), keep_breaks=self._keep_breaks)
            self._parts.clear()
            if line:
                self.lines.append(line)

    def _children(self, element: _Element) -> None:
        for child in element:
            tag = _tag(child)
            if tag == "table":
                self._flush()
                self.nested.append(child)
            elif tag == "br":
                self._flush()
            elif tag in _INVISIBLE:
                pass
            elif tag in _BLOCK or tag in _HEADINGS:
                self.headings += tag in _HEADINGS
                self._flush()
                if child.text:
                    self._parts.append(child.text)
                self._children(child)
                self._flush()
            else:
                if child.text:
                    self._parts.append(child.text)
                self._children(child)
            if child.tail:
                self._parts.append(child.tail)


def _table_parts(table: _Element, path: str) -> list[tuple[_Element, str | None]]:
    """The table's own rows with their XPaths, and its captions (path None), in document order.

    Rows are those directly inside the table or inside its ``<thead>``/``<tbody>``/``<tfoot>``.

    Example:
        >>> page = "<table><caption>表</caption><tr><td>1</td></tr><tbody><tr><td>2</td></tr></tbody></table>"
        >>> table = etree.fromstring(page, etree.HTMLParser()).find(".//table")
        >>> [(part.tag, path) for part, path in _table_parts(table, "/t")]
        [('caption', None), ('tr', '/t/tr[1]'), ('tr', '/t/tbody[1]/tr[1]')]
    """
    parts: list[tuple[_Element, str | None]] = []
    counts: dict[object, int] = {}
    for child in table:
        tag = child.tag
        counts[tag] = index = counts.get(tag, 0) + 1
        if tag == "tr":
            parts.append((child, f"{path}/tr[{index}]"))
        elif tag in _SECTIONS:
            section = f"{path}/{tag}[{index}]"
            rows = 0
            for tr in child:
                if tr.tag == "tr":
                    rows += 1
                    parts.append((tr, f"{section}/tr[{rows}]"))
        elif tag == "caption":
            parts.append((child, None))
    return parts


class _Table:
    """One ``<table>`` read: its own cells (not those of nested tables) placed on a grid, and its captions.

    A cell takes the first free position of its row; with a ``rowspan``/``colspan`` it also takes each
    position it covers that no earlier cell took, as a copy flagged ``spanned``.  Spans are clamped to
    the table's rows, ``_MAX_COLUMNS`` columns and ``_SPAN_BUDGET`` positions.  A cell without child
    elements (most of them) is read straight from its text.

    Example:
        >>> page = "<table><tr><td rowspan=2>a</td><th>b<br>c</th></tr><tr><td colspan=2>d</td></tr></table>"
        >>> table = _Table(etree.fromstring(page, etree.HTMLParser()).find(".//table"), "/t", keep_breaks=False)
        >>> table.placed[0]
        {0: ('a', '/t/tr[1]/td[1]', False), 1: ('b\\nc', '/t/tr[1]/th[1]', False)}
        >>> [(c, text, spanned) for c, (text, _, spanned) in sorted(table.placed[1].items())]
        [(0, 'a', True), (1, 'd', False), (2, 'd', True)]
    """

    __slots__ = ("_keep_breaks", "caption", "headings", "longest", "nested", "placed", "text", "texts", "widest")

    def __init__(self, table: _Element, path: str, *, keep_breaks: bool) -> None:
        self._keep_breaks = keep_breaks
        parts = _table_parts(table, path)
        self.placed: list[dict[int, Position]] = [{} for _, row_path in parts if row_path is not None]
        """Each row's grid positions: column → (text, cell XPath, spanned)."""
        self.texts: list[str] = []
        """Every cell's text (lines joined by ``\\n``), in document order."""
        self.caption: list[str] = []
        self.nested: list[_Element] = []
        self.headings = False
        """True when a cell holds a heading element."""
        self.widest = 0
        """The most cells in one row."""
        budget = _SPAN_BUDGET
        r = 0
        for part, row_path in parts:
            if row_path is None:
                lines = _Lines(part, keep_breaks=keep_breaks)
                self.caption.extend(lines.lines)
                self.nested.extend(lines.nested)
            else:
                budget = self._row(r, part, row_path, budget)
                r += 1
        self.text = "\n".join(self.texts)
        """All cell texts, separated by ``\\n`` (for marker searches)."""
        self.longest = max(map(len, self.texts), default=0)

    def _row(self, r: int, tr: _Element, path: str, budget: int) -> int:
        """Read and place the cells of row ``r``; return what is left of the span budget."""
        occupied = self.placed[r]
        add_text = self.texts.append
        c = tds = ths = 0
        for cell in tr:
            tag = cell.tag
            if tag == "td":
                tds += 1
                index = tds
            elif tag == "th":
                ths += 1
                index = ths
            else:
                continue
            text = self._lines(cell) if len(cell) else _clean_line(cell.text or "", keep_breaks=self._keep_breaks)
            add_text(text)
            while c in occupied:
                c += 1
            where = f"{path}/{tag}[{index}]"
            names = cell.keys()
            if "rowspan" in names or "colspan" in names:
                c, budget = self._spread(r, c, cell, (text, where), budget)
            else:
                occupied[c] = (text, where, False)
                budget -= 1
                c += 1
        self.widest = max(self.widest, tds + ths)
        return budget

    def _lines(self, cell: _Element) -> str:
        lines = _Lines(cell, keep_breaks=self._keep_breaks)
        self.nested.extend(lines.nested)
        self.headings = self.headings or lines.headings > 0
        return "\n".join(lines.lines)

    def _spread(self, r: int, c: int, cell: _Element, content: tuple[str, str], budget: int) -> tuple[int, int]:
        """Place a cell that may span from ``(r, c)``; return the next column and the budget left."""
        placed = self.placed
        rowspan = min(_span(cell.get("rowspan")), len(placed) - r)
        colspan = max(1, min(_span(cell.get("colspan")), _MAX_COLUMNS - c))
        if c >= _MAX_COLUMNS or rowspan * colspan > budget:
            rowspan = colspan = 1
        text, path = content
        placed[r][c] = (text, path, False)
        copy = (text, path, True)
        for target in placed[r : r + rowspan]:
            for column in range(c, c + colspan):
                target.setdefault(column, copy)
        return c + colspan, budget - rowspan * colspan


def _is_layout(table: _Table) -> bool:
    """True for tables that lay out a page (prose, headings or the report's parts inside cells)."""
    if len(table.texts) <= 1 or table.longest > _LAYOUT_CELL_CHARS:
        return True
    if any(marker in table.text for marker in _SECTION_MARKERS):
        return True
    if not table.nested:
        return False
    return table.longest > _PROSE_CELL_CHARS or table.headings or table.widest <= 2


# ------------------------------------------------------------------------------------------- fields


def _label_only(text: str) -> str | None:
    """The label when ``text`` is just a field label (``索引号``, ``发布机构：``, ``索 引 号：``)."""
    key = _squeeze(text).rstrip(":：")
    return key if key in _LABELS else None


def _value(name: str, raw: str) -> str:
    value = _clean_line(raw).strip(" \u3000:：")
    stop = _VALUE_STOPS.search(value)
    if stop is not None:
        value = value[: stop.start()].strip()
    if name in _DATE_LABELS:
        date = _DATE.match(value)
        if date is not None:
            return date.group()
    return value


def _inline_pairs(line: str) -> list[tuple[str, str]]:
    """``索引号：x 发布日期：y`` → pairs; ``发布机构 兰陵县新兴镇`` (label, spaces, value) → one pair."""
    matches = list(_INLINE_LABEL.finditer(line))
    if not matches:
        leading = _LEADING_LABEL.fullmatch(line.strip(" \u3000"))
        if leading is None:
            return []
        name = _squeeze(leading.group("name"))
        return [(name, _value(name, leading.group("value")))]
    pairs: list[tuple[str, str]] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        name = _squeeze(match.group("name"))
        pairs.append((name, _value(name, line[match.end() : end])))
    return pairs


def _row_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """Pairs from one table row: ``索引号 | x | 分类 | y``, ``文号 | (empty)``, or ``索引号：x`` cells."""
    pairs: list[tuple[str, str]] = []
    index = 0
    while index < len(cells):
        text = cells[index].replace("\n", " ")
        name = _label_only(text) if text else None
        if name is not None:
            following = cells[index + 1].replace("\n", " ") if index + 1 < len(cells) else None
            if following is not None and _label_only(following) is None and not _INLINE_LABEL.search(following):
                pairs.append((name, _value(name, following)))
                index += 2
                continue
            pairs.append((name, ""))
        elif text:
            pairs.extend(_inline_pairs(text))
        index += 1
    return pairs


def _grid_pairs(grid: Grid) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for row in grid.rows:
        pairs.extend(_row_pairs([cell.text for cell in row if not cell.spanned]))
    return pairs


def _is_page_information(table: _Table) -> bool:
    """True for a page-information table (``索引号 | … | 发布机构 | …``): two field labels, no report marker."""
    if any(marker in table.text for marker in _MARKERS):
        return False
    return sum(1 for text in table.texts if _label_only(text)) >= _MIN_MARKERS


def _chrome_fields(items: list[Block]) -> list[tuple[str, str]]:
    """Fields in the lines and tables of the page chrome, in document order."""
    pairs: list[tuple[str, str]] = []
    skip_next = False
    for index, item in enumerate(items):
        if skip_next:
            skip_next = False
            continue
        if isinstance(item, Grid):
            pairs.extend(_grid_pairs(item))
            continue
        text = item.text
        name = _label_only(text)
        if name is None:
            pairs.extend(_inline_pairs(text))
            continue
        following = items[index + 1] if index + 1 < len(items) else None
        if (
            text.endswith((":", "："))
            and isinstance(following, Paragraph)
            and len(following.text) <= _PROSE_CELL_CHARS
            and _label_only(following.text) is None
            and not _INLINE_LABEL.search(following.text)
            and (name in _LONG_LABELS or _DATE.match(following.text))
        ):
            pairs.append((name, _value(name, following.text)))
            skip_next = True
        elif name in _LONG_LABELS:
            pairs.append((name, ""))
    return pairs


def _meta_fields(root: _Element) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for meta in root.iter("meta"):
        name = _META_NAMES.get((meta.get("name") or "").strip().lower())
        content = _clean_line(meta.get("content") or "")
        if name is not None and content:
            pairs.append((name, content))
    return pairs


def _unique(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys(pairs))


# ------------------------------------------------------------------------------------------- walker


class _Walker:
    """Turns a subtree into blocks, in document order."""

    def __init__(self, *, skip: _Element | None = None, chrome: bool = False) -> None:
        self._paths: dict[_Element, str] = {}
        self.skip = skip
        self.chrome = chrome
        """Page-chrome mode: page-information tables stay grids, source line breaks stay spaces."""
        self.items: list[Block] = []
        self.fields: list[tuple[str, str]] = []
        self._parts: list[str] = []
        self._line_element: _Element | None = None
        self._tables = 0
        self._pre = 0

    # -- lines

    def _text(self, text: str | None, block: _Element) -> None:
        if not text:
            return
        if self._pre and "\n" in text:
            first, *rest = text.split("\n")
            self._text(first, block)
            for piece in rest:
                self._newline()
                self._text(piece, block)
            return
        if not self._parts and not text.strip(_BLANKS):
            return  # blanks before a line's text never show
        if self._line_element is None and not text.isspace():
            self._line_element = block
        self._parts.append(text)

    def _newline(self) -> None:
        if not self._parts:
            return
        line = _clean_line("".join(self._parts), keep_breaks=self.chrome)
        element = self._line_element
        self._parts.clear()
        self._line_element = None
        if not line or element is None:
            return
        if len(line) <= _CHROME_LINE_MAX and _CHROME_LINE.search(line):
            return
        self.items.append(Paragraph(text=line, source=Source(path=self.path_of(element))))

    def path_of(self, element: _Element) -> str:
        """An XPath to ``element``; children are indexed once per parent (lxml's getpath is O(siblings)).

        Every step is indexed among the siblings of the same tag (``/html/body[1]/div[2]/p[1]``), the
        form :func:`_table_parts` and :class:`_Table` extend for the rows and cells of a table.

        Example:
            >>> root = etree.fromstring("<div><p>a</p><span>b</span><p>c</p></div>", etree.HTMLParser())
            >>> _Walker().path_of(root.findall(".//p")[1])
            '/html/body[1]/div[1]/p[2]'
        """
        cached = self._paths.get(element)
        if cached is not None:
            return cached
        parent = element.getparent()
        if parent is None:
            path = f"/{element.tag}"
            self._paths[element] = path
            return path
        base = self.path_of(parent)
        counts: dict[object, int] = {}
        for child in parent:
            counts[child.tag] = counts.get(child.tag, 0) + 1
            tag = child.tag if isinstance(child.tag, str) else "node()"
            self._paths[child] = f"{base}/{tag}[{counts[child.tag]}]"
        return self._paths.get(element, base)

    # -- elements

    def block(self, element: _Element) -> None:
        """Walk ``element`` as a block: its text starts and ends a line."""
        tag = _tag(element)
        self._pre += tag == "pre"
        self._newline()
        self._text(element.text, element)
        self._children(element, element)
        self._newline()
        self._pre -= tag == "pre"

    def _children(self, element: _Element, block: _Element) -> None:
        if not len(element):
            return
        for child in element:
            self._node(child, block)
            if child.tail:
                self._text(child.tail, block)

    def _node(self, element: _Element, block: _Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _INVISIBLE:
            return
        if element is self.skip or tag == "br":
            self._newline()
        elif tag in _HEADINGS:
            self._heading(element, int(tag[1]))
        elif tag == "table":
            self._table(element)
        elif tag in _BLOCK:
            self.block(element)
        else:
            self._text(element.text, block)
            self._children(element, block)

    def _heading(self, element: _Element, level: int) -> None:
        self._newline()
        lines = _Lines(element)
        text = " ".join(lines.lines)
        if text:
            self.items.append(Heading(text=text, level=level, source=Source(path=self.path_of(element))))
        for table in lines.nested:
            self._table(table)

    def _table(self, element: _Element) -> None:
        path = self.path_of(element)
        table = _Table(element, path, keep_breaks=self.chrome)
        if _is_layout(table):
            self.block(element)
            return
        self._newline()
        grid = self._grid(table, path)
        if grid is not None:
            if not self.chrome and _is_page_information(table):
                self.fields.extend(_grid_pairs(grid))
            else:
                self.items.extend(Paragraph(text=line, source=Source(path=path)) for line in table.caption)
                self.items.append(grid)
                self._tables += 1
        for nested in table.nested:
            self._table(nested)

    def _grid(self, table: _Table, path: str) -> Grid | None:
        """The grid of a data table (None when no row holds a cell); holes are empty cells without a path."""
        rows = [occupied for occupied in table.placed if occupied]
        if not rows:
            return None
        return html_grid(rows, self._tables, path)


# ---------------------------------------------------------------------------------------- container


def _text_pieces(body: _Element, *, whole_tables: bool) -> tuple[list[str], list[_Element]]:
    """The texts and tails under ``body`` in document order, each with the element it lies directly in.

    With ``whole_tables`` the text of each table is one piece, owned by the ``<table>``.

    Example:
        >>> body = etree.fromstring("<p>a<b>b</b>c</p><table><tr><td>d</td></tr></table>e", etree.HTMLParser())[0]
        >>> pieces, owners = _text_pieces(body, whole_tables=False)
        >>> pieces, [owner.tag for owner in owners]
        (['a', 'b', 'c', 'd', 'e'], ['p', 'b', 'p', 'td', 'body'])
        >>> pieces, owners = _text_pieces(body, whole_tables=True)
        >>> pieces, [owner.tag for owner in owners]
        (['a', 'b', 'c', 'd', 'e'], ['p', 'b', 'p', 'table', 'body'])
    """
    pieces: list[str] = []
    owners: list[_Element] = []

    def visit(element: _Element) -> None:
        for child in element:
            tag = child.tag
            if whole_tables and tag == "table":
                whole = etree.tostring(child, method="text", encoding="unicode", with_tail=False)
                if whole:
                    pieces.append(whole)
                    owners.append(child)
            elif isinstance(tag, str):
                text = child.text
                if text:
                    pieces.append(text)
                    owners.append(child)
                if len(child):
                    visit(child)
            tail = child.tail
            if tail:
                pieces.append(tail)
                owners.append(element)

    if body.text:
        pieces.append(body.text)
        owners.append(body)
    visit(body)
    return pieces, owners


def _marker_masks(pieces: list[str], owners: list[_Element]) -> tuple[dict[_Element, int], dict[_Element, int]]:
    """Which markers each element holds (a bit mask, bit ``i`` for ``_MARKERS[i]``) and its depth in the tree.

    Markers are searched in the whole text with whitespace ignored (a marker may run across elements);
    each of the first 64 occurrences of a marker counts for the owner of its first character and for
    that owner's ancestors.
    """
    flat = "".join(pieces)
    starts = list(accumulate(map(len, pieces), initial=0))
    masks: dict[_Element, int] = {}
    depths: dict[_Element, int] = {}
    chains: dict[_Element, list[_Element]] = {}
    for bit, pattern in enumerate(_MARKER_PATTERNS):
        for match in islice(pattern.finditer(flat), _MAX_OCCURRENCES):
            owner = owners[bisect_right(starts, match.start()) - 1]
            chain = chains.get(owner)
            if chain is None:
                chain = chains[owner] = [*reversed(list(owner.iterancestors())), owner]
            for depth, element in enumerate(chain):
                masks[element] = masks.get(element, 0) | (1 << bit)
                depths[element] = depth
    return masks, depths


def _most_marked(masks: dict[_Element, int], depths: dict[_Element, int]) -> _Element | None:
    """The deepest element holding the most markers (the first found on a tie), if at least two."""
    if not masks:
        return None
    best = max(masks, key=lambda element: (masks[element].bit_count(), depths[element]))
    return best if masks[best].bit_count() >= _MIN_MARKERS else None


def _find_container(body: _Element) -> _Element | None:
    """The smallest element holding the most distinct report markers (at least two), else None.

    Tables are searched whole first: an element inside a table holds at most the table's markers, so
    it can only be the answer when the table holds as many as the best element; only then is the text
    searched again, element by element.
    """
    masks, depths = _marker_masks(*_text_pieces(body, whole_tables=True))
    best = _most_marked(masks, depths)
    if best is not None:
        most = masks[best].bit_count()
        if any(element.tag == "table" and mask.bit_count() == most for element, mask in masks.items()):
            best = _most_marked(*_marker_masks(*_text_pieces(body, whole_tables=False)))
    return best


def _inside(element: _Element, container: _Element) -> bool:
    return element is container or any(ancestor is container for ancestor in element.iterancestors())


def _title_from_head(text: str) -> str | None:
    """The segment of a ``<title>`` that names the report (site names after ``_`` or ``-`` dropped)."""
    for segment in _TITLE_SPLIT.split(text):
        cleaned = _clean_line(segment)
        if "报告" in cleaned or "年报" in cleaned:
            return cleaned
    return None


def _find_title(body: _Element, container: _Element, head_title: str | None) -> tuple[str, int, str | None] | None:
    """The report title outside ``container``: (text, level, path) from ``<h1>``–``<h3>``, ``.title``, ``<title>``."""
    heading: tuple[str, int, _Element] | None = None
    titled: tuple[str, int, _Element] | None = None
    for element in body.iter():
        if element is container:
            break
        tag = _tag(element)
        marked = tag in {"h1", "h2", "h3"}
        if not marked and "title" not in f"{element.get('class', '')} {element.get('id', '')}".lower():
            continue
        if _inside(container, element):
            continue
        text = " ".join(_Lines(element).lines)
        if not text or len(text) > _MAX_TITLE or ("报告" not in text and "年报" not in text):
            continue
        if marked and heading is None:
            heading = (text, int(tag[1]), element)
        elif not marked and titled is None:
            titled = (text, 1, element)
    chosen = heading or titled
    if chosen is not None:
        text, level, element = chosen
        return text, level, element.getroottree().getpath(element)
    from_head = _title_from_head(head_title) if head_title else None
    return (from_head, 1, None) if from_head else None


# ------------------------------------------------------------------------------------------- parsing


def _drop(element: _Element) -> None:
    """Remove ``element`` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


_PARSERS: Final = threading.local()


def _parser() -> etree.HTMLParser:
    """This thread's locked-down HTML parser (a parser serves one thread; a new one costs ~60 µs per page)."""
    parser: etree.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            encoding="utf-8",
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            huge_tree=False,
            recover=True,
            collect_ids=False,
        )
        _PARSERS.parser = parser
    return parser


def _parse(text: str) -> _Element:
    text = _XML_DECLARATION.sub("", _INVISIBLE_CHARS.sub("", text).lstrip(), count=1)
    text = _DOCTYPE_SUBSET.sub("", text, count=1)
    if not text or text.isspace():
        raise EmptyInputError("the HTML input is empty (or only whitespace)")
    check_attributes(text)
    parser = _parser()
    try:
        root = etree.fromstring(text.encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError) as exc:
        raise UnknownFormatError(f"the input could not be parsed as HTML: {exc}", ("html",)) from exc
    if root is None:
        raise EmptyInputError("the HTML input holds no elements")
    if any("depth" in entry.message.lower() for entry in parser.error_log):
        root.set(_TOO_DEEP, "1")
    for element in list(root.iter(*_DROPPED)):
        _drop(element)
    return root


class HtmlReader:
    """Reader for web pages and Word "Save as HTML" documents (see the module docstring).

    Example:
        >>> reader = HtmlReader()
        >>> reader.sniff("<!DOCTYPE html><html>"), reader.sniff("一、总体情况\\n规章 0 0 0")
        (0.95, 0.0)
    """

    name = "html"

    def sniff(self, text: str) -> float:
        """0.95 for a doctype, ``<html>``, ``<body>`` or ``<table>`` in the first 4 KB; 0.0 for plain text.

        Example:
            >>> HtmlReader().sniff("<p>一、总体情况</p><p>二、主动公开</p>")
            0.9
        """
        head = text[:_SNIFF_PREFIX].lower()
        if _SNIFF_STRONG.search(head):
            return 0.95
        weak = len(_SNIFF_WEAK.findall(head))
        if weak >= 2:
            return 0.9
        return 0.5 if weak else 0.0

    def read(self, text: str) -> Blocks:
        """Parse the page and return its blocks and chrome fields.

        Raises:
            EmptyInputError: The page is empty or has no visible text.
            UnknownFormatError: lxml cannot parse the input at all.
            ReadError: The document is nested too deeply to walk.

        Example:
            >>> blocks = HtmlReader().read("<table><tr><td colspan='2;'>规章</td><td>4</td></tr></table>")
            >>> [(c.text, c.spanned) for c in blocks.grids()[0].rows[0]]
            [('规章', False), ('规章', True), ('4', False)]
        """
        try:
            return self._read(text)
        except RecursionError as exc:
            raise ReadError("the HTML document is nested too deeply to read") from exc

    def _read(self, text: str) -> Blocks:
        root = _parse(text)
        fields = _meta_fields(root)
        head_title = next((_clean_line(t.text or "") for t in root.iter("title") if (t.text or "").strip()), None)
        body = root.find("body")
        if body is None:
            body = root
        container = _find_container(body)
        walker = _Walker()
        walker.block(container if container is not None else body)
        items = walker.items
        if container is not None:
            chrome = _Walker(skip=container, chrome=True)
            chrome.block(body)
            fields += _chrome_fields(chrome.items)
            title = _find_title(body, container, head_title)
            if title is not None and not _title_in(title[0], items):
                text_, level, path = title
                items.insert(0, Heading(text=text_, level=level, source=Source(path=path)))
        else:
            fields += _chrome_fields([item for item in items if not isinstance(item, Grid)])
        fields += walker.fields
        if not items:
            if root.get(_TOO_DEEP):
                raise InputTooLargeError("the HTML page nests elements deeper than the parser's limit (256 levels)")
            raise EmptyInputError("the HTML page has no visible text")
        return Blocks(items=tuple(items), reader=self.name, fields=_unique(fields))


def _title_in(title: str, items: list[Block]) -> bool:
    """True when one of the first blocks already carries the title."""
    key = _squeeze(title)
    return bool(key) and any(not isinstance(item, Grid) and key in _squeeze(item.text) for item in items[:3])
