"""Report metadata: organ, year, publication date, page catalogue fields, period and contacts."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

import regex

from goiar.model.meta import Contact, Meta, PageField
from goiar.model.version import Template

__all__ = ["extract_meta", "page_fields_from_lines", "parse_date", "split_signature"]

_FIELD_NAMES = (
    "索引号|发布机构|发文机关|发布日期|发布时间|公开日期|成文日期|发文日期|生成日期|文号|发布文号|名称|标题|信息名称|"
    "公开方式|公开目录|主题分类|分类|信息分类|组配分类|信息来源|来源|时效|有效性|关键词|公开范围|公开时限"
)
_FIELD_LINE = regex.compile(rf"^[\s•·*\-–—◆■●]*+({_FIELD_NAMES})[\s\u3000]*+[:：]?[\s\u3000]*+(.*)$")
_DATE = regex.compile(r"((?:19|20)\d{2})\s*+[-年./]\s*+(\d{1,2})\s*+[-月./]\s*+(\d{1,2})\s*+日?")
_DATE_LINE = regex.compile(r"^[\s\u3000]*+((?:19|20)\d{2})\s*+年\s*+(\d{1,2})\s*+月\s*+(\d{1,2})\s*+日[\s\u3000]*+$")
_TITLE_A = regex.compile(r"^(?P<organ>.*?)(?P<year>(?:19|20)\d{2})年度?(?P<tail>.{0,12}?)(?:政府)?信息公开")
_TITLE_B = regex.compile(r"^(?P<year>(?:19|20)\d{2})年度?(?P<organ>.+?)(?:政府)?信息公开")
_PERIOD = regex.compile(
    r"统计期限?(?:为|是)?自?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|-)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"
)
_CONTACT = regex.compile(
    r"(地址|通讯地址|邮编|邮政编码|联系电话|电话|传真|电子邮箱|电子信箱|邮箱|网址)[:：]\s*+([^，,；;。）)\s]{2,80})"
)
_CONTACT_KIND = {
    "通讯地址": "地址",
    "邮政编码": "邮编",
    "联系电话": "电话",
    "电子信箱": "电子邮箱",
    "邮箱": "电子邮箱",
}
_ORGAN_LINE = regex.compile(r"^[\p{Han}（）()·]{2,40}$")
_SPACES = regex.compile(r"[\s\u3000\u00a0]+")


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text`` (``2024-01-29``, ``2024年1月26日``, ``2024 年 1 月 26 日``).

    Example:
        >>> parse_date("发布日期：2024-01-29 10:00"), parse_date("2024 年 1 月 26 日")
        (datetime.date(2024, 1, 29), datetime.date(2024, 1, 26))
    """
    match = _DATE.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def page_fields_from_lines(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Catalogue fields printed as lines (``• 索引号 lanling…``, ``发布日期：2024-01-29``).

    Example:
        >>> page_fields_from_lines(["  • 发布日期 2024-01-29", "正文"])
        [('发布日期', '2024-01-29')]
    """
    out: list[tuple[str, str]] = []
    for line in lines:
        match = _FIELD_LINE.match(line.strip())
        if match is not None and len(line) < 200:
            out.append((match.group(1), match.group(2).strip()))
    return out


def split_signature(lines: Sequence[str]) -> tuple[int, str | None, dt.date | None]:
    """Find a closing signature (organ line and/or date line) at the end of ``lines``.

    Returns the index where the signature starts (``len(lines)`` when there is none), the organ and
    the date.

    Example:
        >>> split_signature(["无。", "青岛西海岸新区大场镇人民政府", "2024 年 1 月 22 日"])
        (1, '青岛西海岸新区大场镇人民政府', datetime.date(2024, 1, 22))
    """
    index = len(lines)
    while index and not lines[index - 1].strip():
        index -= 1
    if not index:
        return len(lines), None, None
    date_match = _DATE_LINE.match(unicodedata.normalize("NFKC", lines[index - 1]))
    date: dt.date | None = None
    if date_match is not None:
        try:
            date = dt.date(*(int(g) for g in date_match.groups()))
        except ValueError:
            date = None
        index -= 1
        while index and not lines[index - 1].strip():
            index -= 1
    organ: str | None = None
    if index and date is not None:
        candidate = _SPACES.sub("", lines[index - 1])
        if _ORGAN_LINE.match(candidate) and candidate.endswith(_ORGAN_ENDINGS):
            organ = candidate
            index -= 1
    if date is None and organ is None:
        return len(lines), None, None
    return index, organ, date


_ORGAN_ENDINGS = (
    "政府",
    "办公室",
    "局",
    "委员会",
    "委",
    "厅",
    "办事处",
    "管委会",
    "管理委员会",
    "中心",
    "院",
    "署",
    "部",
    "街道",
    "镇",
    "乡",
    "所",
    "站",
    "处",
    "会",
    "公司",
    "馆",
    "队",
)


_NOT_ORGANS = frozenset({"政府", "本机关", "本单位", "我单位", "我局", "我镇", "我区", "我县", "我市"})


def _title_parts(title: str) -> tuple[str | None, int | None]:
    folded = _SPACES.sub("", unicodedata.normalize("NFKC", title))
    for pattern in (_TITLE_A, _TITLE_B):
        match = pattern.match(folded)
        if match is not None:
            organ = match.group("organ").strip("《》“”\"'·:：")
            if len(organ) >= 2 and organ not in _NOT_ORGANS:
                return organ, int(match.group("year"))
    return None, None


def _merge_organ(title: str | None, signature: str | None, publisher: str | None) -> str | None:
    if signature and title:
        if title in signature:
            return signature
        if signature in title:
            return title
        return title
    if title and publisher:
        if title in publisher:
            return publisher
        for size in range(min(len(title), len(publisher)), 1, -1):
            if publisher.endswith(title[:size]):
                return publisher + title[size:]
        return title
    return title or signature or publisher or None


def extract_meta(
    *,
    title_lines: Sequence[str],
    fields: Sequence[tuple[str, str]],
    full_text: str,
    signature: str | None,
    signature_date: dt.date | None,
    template: Template | None,
) -> Meta:
    """Build :class:`Meta` from the title lines, page fields, the whole text and the signature."""
    field_map: dict[str, str] = {}
    for name, value in fields:
        field_map.setdefault(name, value)
    title = _pick_title(title_lines, field_map)
    organ, year = _title_parts(title) if title else (None, None)
    publisher = field_map.get("发布机构") or field_map.get("发文机关") or None
    published = None
    for name in ("发布日期", "发布时间", "公开日期", "时间", "成文日期", "发文日期"):
        if name in field_map and (published := parse_date(field_map[name])) is not None:
            break
    if published is None:
        published = signature_date
    folded = _SPACES.sub("", unicodedata.normalize("NFKC", full_text))
    period = _PERIOD.search(folded)
    period_start = period_end = None
    if period is not None:
        try:
            period_start = dt.date(*(int(g) for g in period.groups()[:3]))
            period_end = dt.date(*(int(g) for g in period.groups()[3:]))
        except ValueError:
            period_start = period_end = None
    if year is None and period_end is not None:
        year = period_end.year
    contacts: list[Contact] = []
    for match in _CONTACT.finditer(unicodedata.normalize("NFKC", full_text[:20000])):
        contact = Contact(kind=_CONTACT_KIND.get(match.group(1), match.group(1)), value=match.group(2))
        if contact not in contacts:
            contacts.append(contact)
    return Meta(
        organ=_merge_organ(organ, signature, _SPACES.sub("", publisher) if publisher else None),
        year=year,
        published=published,
        template=template,
        title=title,
        publisher=publisher,
        index_no=field_map.get("索引号") or None,
        doc_no=(field_map.get("文号") or field_map.get("发布文号") or None),
        period_start=period_start,
        period_end=period_end,
        contacts=tuple(contacts),
        page_fields=tuple(PageField(name=n, value=v) for n, v in fields),
        signature=signature,
        signature_date=signature_date,
    )


_REPORT_WORD = regex.compile(r"报告|年报")
_YEAR_DIGITS = regex.compile(r"(?:19|20)\d{2}")


def _pick_title(lines: Sequence[str], fields: dict[str, str]) -> str | None:
    for name in ("名称", "标题", "信息名称"):
        if fields.get(name) and _title_parts(fields[name])[0] is not None:
            return fields[name]
    cleaned = [line.strip() for line in lines if line.strip() and not _FIELD_LINE.match(line.strip())]
    titled = [line for line in cleaned if _REPORT_WORD.search(line) and _YEAR_DIGITS.search(line)]
    for line in titled:
        if _title_parts(line)[0] is not None:
            return line
    for index, line in enumerate(cleaned[1:], start=1):
        if line in titled and len(cleaned[index - 1]) < 60:
            joined = cleaned[index - 1] + line
            if _title_parts(joined)[0] is not None:
                return joined
    for name in ("名称", "标题", "信息名称"):
        if fields.get(name):
            return fields[name]
    return titled[0] if titled else None
