"""Web pages: the report's text and tables out of a government site page (or a Word "Save as HTML").

The reader parses with a locked-down lxml HTML parser (``no_network``, no comments, no processing
instructions, ``huge_tree`` off so libxml2's depth and size limits hold; libxml2's HTML parser never
expands declared entities, and a leading ``<!DOCTYPE … [ … ]>`` internal subset is removed unread), then:

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
from bisect import bisect_right
from typing import TYPE_CHECKING, Final

import attrs
import lxml.html
from lxml import etree

from goiar.blocks import Block, Blocks, Grid, Heading, Paragraph, RawCell
from goiar.errors import EmptyInputError, InputTooLargeError, ReadError, UnknownFormatError
from goiar.model.figure import Source

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
_TABLE_PARTS: Final = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "caption"})
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


@attrs.define
class _Lines:
    """The visible lines under one element, with nested tables set aside (cells, headings, captions)."""

    keep_breaks: bool = False
    lines: list[str] = attrs.Factory(list)
    nested: list[_Element] = attrs.Factory(list)
    headings: int = 0
    _parts: list[str] = attrs.Factory(list)

    def collect(self, element: _Element) -> _Lines:
        if element.text:
            self._parts.append(element.text)
        self._children(element)
        self._flush()
        return self

    def text(self) -> str:
        return "\n".join(self.lines)

    def _flush(self) -> None:
        if self._parts:
            line = _clean_line("".join(self._parts), keep_breaks=self.keep_breaks)
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


@attrs.frozen
class _Cell:
    element: _Element
    lines: _Lines
    text: str


def _table_rows(table: _Element, *, keep_breaks: bool) -> tuple[list[list[_Cell]], list[str], list[_Element]]:
    """The table's own rows of cells (not those of nested tables), caption lines, and nested tables."""
    rows: list[list[_Cell]] = []
    caption: list[str] = []
    nested: list[_Element] = []

    def row(tr: _Element) -> None:
        cells: list[_Cell] = []
        for td in tr:
            if _tag(td) in {"td", "th"}:
                lines = _Lines(keep_breaks=keep_breaks).collect(td)
                nested.extend(lines.nested)
                cells.append(_Cell(td, lines, lines.text()))
        rows.append(cells)

    for child in table:
        tag = _tag(child)
        if tag == "tr":
            row(child)
        elif tag in {"thead", "tbody", "tfoot"}:
            for tr in child:
                if _tag(tr) == "tr":
                    row(tr)
        elif tag == "caption":
            lines = _Lines(keep_breaks=keep_breaks).collect(child)
            caption.extend(lines.lines)
            nested.extend(lines.nested)
    return rows, caption, nested


def _is_layout(rows: list[list[_Cell]], nested: list[_Element]) -> bool:
    """True for tables that lay out a page (prose, headings or the report's parts inside cells)."""
    cells = [cell for row in rows for cell in row]
    if len(cells) <= 1:
        return True
    for cell in cells:
        text = cell.text
        if len(text) > _LAYOUT_CELL_CHARS or any(marker in text for marker in _SECTION_MARKERS):
            return True
        if nested and (len(text) > _PROSE_CELL_CHARS or cell.lines.headings):
            return True
    return bool(nested) and max(len(row) for row in rows) <= 2


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


def _meta_table(grid: Grid) -> list[tuple[str, str]] | None:
    """The pairs of a page-information table (``索引号 | … | 发布机构 | …``), None for other tables."""
    labels = sum(1 for row in grid.rows for cell in row if not cell.spanned and _label_only(cell.text))
    if labels < _MIN_MARKERS or any(marker in cell.text for row in grid.rows for cell in row for marker in _MARKERS):
        return None
    return _grid_pairs(grid)


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

    def __init__(self, tree: etree._ElementTree, *, skip: _Element | None = None, chrome: bool = False) -> None:
        self.tree = tree
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
        """An XPath to ``element``; children are indexed once per parent (lxml's getpath is O(siblings))."""
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
        for child in element:
            self._node(child, block)
            if child.tail:
                self._text(child.tail, block)

    def _node(self, element: _Element, block: _Element) -> None:
        tag = _tag(element)
        if not tag or tag in _INVISIBLE:
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
        lines = _Lines().collect(element)
        text = " ".join(lines.lines)
        if text:
            self.items.append(Heading(text=text, level=level, source=Source(path=self.path_of(element))))
        for table in lines.nested:
            self._table(table)

    def _table(self, element: _Element) -> None:
        rows, caption, nested = _table_rows(element, keep_breaks=self.chrome)
        if _is_layout(rows, nested):
            self.block(element)
            return
        self._newline()
        path = self.path_of(element)
        grid = self._grid(rows, path)
        if grid is not None:
            pairs = None if self.chrome else _meta_table(grid)
            if pairs is not None:
                self.fields.extend(pairs)
            else:
                self.items.extend(Paragraph(text=line, source=Source(path=path)) for line in caption)
                self.items.append(grid)
                self._tables += 1
        for table in nested:
            self._table(table)

    def _grid(self, rows: list[list[_Cell]], path: str) -> Grid | None:
        """Expand spans: every covered position gets the cell's text, copies are ``spanned``."""
        index = self._tables
        count = len(rows)
        placed: list[dict[int, tuple[_Cell, bool]]] = [{} for _ in range(count)]
        budget = _SPAN_BUDGET
        for r, row in enumerate(rows):
            occupied = placed[r]
            c = 0
            for cell in row:
                while c in occupied:
                    c += 1
                rowspan = min(_span(cell.element.get("rowspan")), count - r)
                colspan = max(1, min(_span(cell.element.get("colspan")), _MAX_COLUMNS - c))
                if c >= _MAX_COLUMNS or rowspan * colspan > budget:
                    rowspan = colspan = 1
                budget -= rowspan * colspan
                for dr in range(rowspan):
                    target = placed[r + dr]
                    for dc in range(colspan):
                        target.setdefault(c + dc, (cell, dr > 0 or dc > 0))
                c += colspan
        paths: dict[int, str] = {}
        out: list[tuple[RawCell, ...]] = []
        for occupied in placed:
            if not occupied:
                continue
            r = len(out)
            cells: list[RawCell] = []
            for c in range(max(occupied) + 1):
                entry = occupied.get(c)
                if entry is None:
                    cells.append(RawCell(text="", source=Source(table=index, row=r, column=c)))
                    continue
                cell, spanned = entry
                key = id(cell)
                if key not in paths:
                    paths[key] = self.path_of(cell.element)
                source = Source(table=index, row=r, column=c, path=paths[key])
                cells.append(RawCell(text=cell.text, source=source, spanned=spanned))
            out.append(tuple(cells))
        if not out:
            return None
        return Grid(rows=tuple(out), source=Source(table=index, path=path))


# ---------------------------------------------------------------------------------------- container


def _find_container(body: _Element) -> _Element | None:
    """The smallest element holding the most distinct report markers (at least two), else None."""
    pieces: list[str] = []
    owners: list[_Element] = []
    starts: list[int] = []
    position = 0

    def add(text: str | None, owner: _Element) -> None:
        nonlocal position
        if text:
            squeezed = _squeeze(text)
            if squeezed:
                starts.append(position)
                owners.append(owner)
                pieces.append(squeezed)
                position += len(squeezed)

    def visit(element: _Element) -> None:
        add(element.text, element)
        for child in element:
            if _tag(child):
                visit(child)
            add(child.tail, element)

    visit(body)
    flat = "".join(pieces)
    masks: dict[_Element, int] = {}
    depths: dict[_Element, int] = {}
    for bit, marker in enumerate(_MARKERS):
        found = flat.find(marker)
        for _ in range(_MAX_OCCURRENCES):
            if found < 0:
                break
            owner = owners[bisect_right(starts, found) - 1]
            chain = [owner, *owner.iterancestors()]
            for depth, element in enumerate(reversed(chain)):
                masks[element] = masks.get(element, 0) | (1 << bit)
                depths[element] = depth
            found = flat.find(marker, found + len(marker))
    if not masks:
        return None
    best = max(masks, key=lambda element: (masks[element].bit_count(), depths[element]))
    return best if masks[best].bit_count() >= _MIN_MARKERS else None


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
        text = " ".join(_Lines().collect(element).lines)
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


def _parse(text: str) -> _Element:
    text = _XML_DECLARATION.sub("", _INVISIBLE_CHARS.sub("", text).lstrip(), count=1)
    text = _DOCTYPE_SUBSET.sub("", text, count=1)
    if not text.strip():
        raise EmptyInputError("the HTML input is empty (or only whitespace)")
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
        collect_ids=False,
    )
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
        tree = root.getroottree()
        fields = _meta_fields(root)
        head_title = next((_clean_line(t.text or "") for t in root.iter("title") if (t.text or "").strip()), None)
        body = root.find("body")
        if body is None:
            body = root
        container = _find_container(body)
        walker = _Walker(tree)
        walker.block(container if container is not None else body)
        items = walker.items
        if container is not None:
            chrome = _Walker(tree, skip=container, chrome=True)
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
