"""Soft check S-4: numbers stated in the text must agree with the tables.

The text is read clause by clause (a clause ends at ``，`` ``；`` ``。`` or a line break).  Only clauses that
clearly state the quantity are used; a clause is skipped when it compares (同比, 较去年, 增加, %, another
year), names a part (其中, 维持, 纠正) or is about something else (信访, 举报, 咨询, 工单).  A false alarm
costs more than a miss, so a rule warns only when **no** statement of the quantity agrees with the table.

Readings accepted for the application count: 一、本年新收 总计; 一 + 二、上年结转 (the text may count the
carried-over applications too); （七）总计 (the text may count the applications handled).

All patterns are bounded (``{0,n}``) with no nested quantifiers, so matching is linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import attrs

from goiar.model.figure import Source
from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.rules._common import values_of
from goiar.rules.base import RuleContext, rule
from goiar.template.headings import PART_HEADINGS
from goiar.template.identities import label_of_key

__all__ = ["Statement", "appeals", "chinese_number", "requests", "stated_appeals", "stated_requests"]

_NUM = r"(?P<num>\d+|[零〇一二两三四五六七八九十百千]+)"
_GAP = r"[^0-9,;。]"
_VERB = r"(?:收到|受理|接到|接收|办理|处理)"
_REQUEST_PATTERNS = (
    re.compile(rf"{_VERB}{_GAP}{{0,16}}?申请{_GAP}{{0,6}}?{_NUM}\s*(?:件|条|宗|个|份)"),
    re.compile(rf"{_VERB}{_GAP}{{0,4}}?{_NUM}\s*(?:件|条|宗|个|份){_GAP}{{0,10}}?申请"),
    re.compile(rf"依申请公开(?:申请|事项)?(?:数量|件数)?(?:为|共)?\s*{_NUM}\s*件"),
)
_REQUEST_NONE = (
    re.compile(
        r"(?:未|没有)(?:收到|受理|接到|接收)过?(?:任何)?"
        r"(?:政府信息公开申请|信息公开申请|依申请公开(?:申请|事项)?|申请)(?:事项|情况)?$"
    ),
    re.compile(r"无(?:政府信息公开申请|依申请公开(?:申请|事项|情况)?)$"),
)
_APPEAL_UNIT = r"\s*(?:件|起|宗|个|次)"
_APPEAL_PATTERNS = {
    "reconsideration": re.compile(rf"行政复议(?P<gap>{_GAP}{{0,8}}?){_NUM}{_APPEAL_UNIT}"),
    "litigation": re.compile(rf"行政诉讼(?P<gap>{_GAP}{{0,8}}?){_NUM}{_APPEAL_UNIT}"),
}
_APPEAL_NONE = {
    "reconsideration": re.compile(rf"(?:(?:未|没有)(?:发生|出现|收到|产生|接到|有)过?{_GAP}{{0,12}}?|无)行政复议"),
    "litigation": re.compile(rf"(?:(?:未|没有)(?:发生|出现|收到|产生|接到|有)过?{_GAP}{{0,12}}?|无)(?:行政)?诉讼"),
}
_OTHER_WORD = {"reconsideration": "诉讼", "litigation": "复议"}
_COMPARISON = re.compile(
    r"同比|环比|增长|增加|减少|下降|上升|持平|较|相比|去年|上年|上一年|前年|%|百分|平均|累计|结转|其中|以来"
)
_NOT_REQUESTS = re.compile(
    r"复议|诉讼|信访|举报|投诉|咨询|热线|工单|来电|来信|留言|不予|予以|部分公开|无法提供|自然人|法人"
)
_NOT_APPEALS = re.compile(r"维持|纠正|纠错|其他结果|审结|败诉|胜诉|撤销|驳回|确认违法|改变|直接起诉|复议后|民事|刑事")
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_SENTENCE_END = re.compile(r"[;。!?\n]")
_CLAUSE_END = ","
_WIDE = re.compile("[\u3000\uff01-\uff5e]")
_NARROW = {char: unicodedata.normalize("NFKD", char) for char in map(chr, (0x3000, *range(0xFF01, 0xFF5F)))}
"""Full-width ASCII and the ideographic space, each mapped to its compatibility decomposition."""
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}


@attrs.frozen(kw_only=True)
class Statement:
    """A count stated in the text: which quantity, the number, and the clause that states it."""

    quantity: str
    """``"requests"``, ``"reconsideration"`` or ``"litigation"``."""
    value: int
    quote: str


def chinese_number(text: str) -> int | None:
    """``"3"``, ``"两"``, ``"十二"``, ``"一百零五"`` as an int; None for anything else.

    Example:
        >>> [chinese_number(t) for t in ("11", "两", "十二", "二十", "一百零五", "一二")]
        [11, 2, 12, 20, 105, None]
    """
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in _CHINESE_UNITS:
            total += (1 if digit is None else digit) * _CHINESE_UNITS[char]
            digit = None
        elif char in _CHINESE_DIGITS:
            if digit is not None:
                return None
            digit = _CHINESE_DIGITS[char] or None
        else:
            return None
    return total + (digit or 0)


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, quicker for Chinese text with full-width punctuation.

    Replacing a character by its compatibility decomposition leaves the string's NFKD, hence its NFKC,
    unchanged; once the full-width punctuation is replaced, the text is usually normalised already, which
    :func:`unicodedata.normalize` checks quickly instead of decomposing and recomposing every character.

    Example:
        >>> text = "本年共收到申请１２件（含上年结转），　无行政复议。ｶ"
        >>> _nfkc(text) == unicodedata.normalize("NFKC", text), _nfkc(text)
        (True, '本年共收到申请12件(含上年结转), 无行政复议。カ')
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for char in set(_WIDE.findall(text)):
        text = text.replace(char, _NARROW[char])
    return unicodedata.normalize("NFKC", text)


def _clauses(text: str, year: int | None) -> Iterator[str]:
    """Clauses that may state this year's counts: no comparison, and no other year in force.

    A year written in a clause holds for the clauses after it in the same sentence
    (``2022年，共收到申请3件。`` is about 2022).
    """
    text = _THOUSANDS.sub("", _nfkc(text))
    for sentence in _SENTENCE_END.split(text):
        in_force: set[int] = set()
        for raw in sentence.split(_CLAUSE_END):
            clause = raw.strip()
            years = {int(found) for found in _YEAR.findall(clause)} if "年" in clause else set()
            in_force = years or in_force
            if not clause or _COMPARISON.search(clause):
                continue
            if in_force - ({year} if year is not None else set()):
                continue
            yield clause


def stated_requests(text: str, year: int | None = None) -> list[Statement]:
    """The application counts a text states (see the module docstring for what is skipped).

    Example:
        >>> [s.value for s in stated_requests("2023年度共受理政府信息公开申请2件,均为自然人申请。", 2023)]
        [2]
        >>> stated_requests("兰高镇依申请公开较去年数据增加一件。共答复工单 5224 条。", 2023)
        []
        >>> [s.value for s in stated_requests("本年度未收到政府信息公开申请。")]
        [0]
    """
    found: list[Statement] = []
    for clause in _clauses(text, year):
        if "申请" not in clause or _NOT_REQUESTS.search(clause):  # every pattern below says 申请
            continue
        for pattern in _REQUEST_PATTERNS:
            match = pattern.search(clause)
            value = chinese_number(match.group("num")) if match else None
            if value is not None:
                found.append(Statement(quantity="requests", value=value, quote=clause))
                break
        else:
            if any(pattern.search(clause) for pattern in _REQUEST_NONE):
                found.append(Statement(quantity="requests", value=0, quote=clause))
    return found


def _joint(clause: str, match: re.Match[str], other: str) -> bool:
    """True when the count is stated for 复议 and 诉讼 together (``行政复议、行政诉讼共2件``)."""
    if other in match.group("gap"):
        return True
    before = clause[max(0, match.start() - 10) : match.start()]
    return other in before and not any(char.isdigit() for char in before.rpartition(other)[2])


def stated_appeals(text: str, year: int | None = None) -> list[Statement]:
    """The 行政复议 and 行政诉讼 counts a text states, explicit "none" included.

    Example:
        >>> [(s.quantity, s.value) for s in stated_appeals("未出现行政复议、诉讼和举报。")]
        [('reconsideration', 0), ('litigation', 0)]
        >>> [(s.quantity, s.value) for s in stated_appeals("行政复议事项0件,行政诉讼事项0件。")]
        [('reconsideration', 0), ('litigation', 0)]
        >>> stated_appeals("未发生行政复议被纠错的情况。被申请行政复议、提起行政诉讼共2件。")
        []
    """
    found: list[Statement] = []
    for clause in _clauses(text, year):
        if ("复议" not in clause and "诉讼" not in clause) or _NOT_APPEALS.search(clause):  # as every pattern
            continue
        for quantity, pattern in _APPEAL_PATTERNS.items():
            match = pattern.search(clause)
            value = chinese_number(match.group("num")) if match else None
            if match is not None and value is not None:
                if value != 0 and _joint(clause, match, _OTHER_WORD[quantity]):
                    continue
                found.append(Statement(quantity=quantity, value=value, quote=clause))
            elif _APPEAL_NONE[quantity].search(clause):
                found.append(Statement(quantity=quantity, value=0, quote=clause))
    return found


_HEADINGS = {part.key: part.heading for part in PART_HEADINGS}


def _texts(report: Report, keys: tuple[str, ...]) -> Iterator[tuple[str, str, Source | None]]:
    for key in keys:
        section = report.section(key)
        if section is not None and section.text:
            yield _HEADINGS.get(key, key), section.text, section.source


def _quote(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


@rule("narrative.requests", Severity.WARNING, title="文字所述申请数量与表三不符 (S-4)")
def requests(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """The application count stated in 一、总体情况 (or the lead-in of 三) must agree with table 三.

    Example:
        >>> from goiar.testing import make_report
        >>> values = {f"requests.{row}.{column}": 4 for row in ("new_received", "granted", "total")
        ...           for column in ("natural_person", "total")}
        >>> report = make_report(values, sections={"overview": "2023年度共受理政府信息公开申请2件。"})
        >>> print(next(requests(report, RuleContext())).message)
        「一、总体情况」称“2023年度共受理政府信息公开申请2件”（2 件），而表三「一、本年新收...」 总计 为 4
    """
    if report.requests is None:
        return
    values = values_of(report, "requests")
    new, over, handled = (values.get(f"requests.{row}.total") for row in ("new_received", "carried_over", "total"))
    if new is None:
        return
    readings = {new, handled} | ({new + over} if over is not None else set())
    statements = [
        (heading, statement, source)
        for heading, text, source in _texts(report, ("overview", "requests"))
        for statement in stated_requests(text, report.meta.year)
    ]
    if not statements or any(statement.value in readings for _, statement, _ in statements):
        return
    heading, statement, source = statements[0]
    extra = f"（加上年结转为 {new + over}）" if over else ""
    yield Finding(
        rule="narrative.requests",
        severity=Severity.WARNING,
        path="requests.new_received.total",
        message=(
            f"「{heading}」称“{_quote(statement.quote)}”（{statement.value} 件），"
            f"而表三{label_of_key('requests.new_received.total')} 为 {new}{extra}"
        ),
        expected=new,
        actual=statement.value,
        source=source,
    )


@rule("narrative.appeals", Severity.WARNING, title="文字所述行政复议、行政诉讼数量与表四不符 (S-4)")
def appeals(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """The 行政复议 / 行政诉讼 counts stated in the text (or "none") must agree with table 四.

    行政诉讼 in the text is compared with 未经复议直接起诉 总计 + 复议后起诉 总计.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report({"appeals.reconsideration.corrected": 1, "appeals.reconsideration.total": 1},
        ...                      sections={"overview": "未出现行政复议、诉讼和举报。"})
        >>> [(f.path, f.expected, f.actual) for f in appeals(report, RuleContext())]
        [('appeals.reconsideration.total', 1, 0)]
    """
    if report.appeals is None:
        return
    values = values_of(report, "appeals")
    direct = values.get("appeals.litigation_direct.total")
    after = values.get("appeals.litigation_after_reconsideration.total")
    tables = {
        "reconsideration": (values.get("appeals.reconsideration.total"), "appeals.reconsideration.total"),
        "litigation": (None if direct is None or after is None else direct + after, "appeals"),
    }
    statements = [
        (heading, statement, source)
        for heading, text, source in _texts(report, ("overview", "appeals"))
        for statement in stated_appeals(text, report.meta.year)
    ]
    for quantity, (table_value, path) in tables.items():
        mine = [item for item in statements if item[1].quantity == quantity]
        if table_value is None or not mine or any(item[1].value == table_value for item in mine):
            continue
        heading, statement, source = mine[0]
        if quantity == "reconsideration":
            what, where = "行政复议", f"表四{label_of_key(path)}"
        else:
            what, where = "行政诉讼", "表四「行政诉讼」（未经复议直接起诉 总计 + 复议后起诉 总计）"
        yield Finding(
            rule="narrative.appeals",
            severity=Severity.WARNING,
            path=path,
            message=(
                f"「{heading}」称“{_quote(statement.quote)}”（{what} {statement.value} 件），而{where} 为 {table_value}"
            ),
            expected=table_value,
            actual=statement.value,
            source=source,
        )
