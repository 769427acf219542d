"""Rules on the report's metadata: the publication deadline of 条例 第四十九条.

Deadlines: a 县级以上人民政府部门 publishes by 31 January of the following year, a 县级以上地方人民政府
by 31 March.  Where the kind of body is unclear (乡镇, 街道, 管委会, 开发区, 事业单位 such as a 中心, or no
organ at all) only the later date is used, so that no body is ever warned early.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum

from goiar.model.finding import Finding, Severity
from goiar.model.report import Report
from goiar.rules.base import RuleContext, rule

__all__ = ["BodyKind", "body_kind", "deadline", "publication_deadline"]


class BodyKind(StrEnum):
    """What kind of body an organ name shows, for the deadline."""

    DEPARTMENT = "department"
    """县级以上人民政府部门: 31 January."""
    GOVERNMENT = "government"
    """县级以上地方人民政府: 31 March."""
    UNCLEAR = "unclear"
    """乡镇, 街道, 管委会, 事业单位 or unknown: 31 March at the latest."""


_UNCLEAR = re.compile(r"管委会|管理委员会|开发区|高新区|新区|园区|社区|村民委员会|居民委员会|办事处|农场|林场|中心")
_LEVEL = re.compile(r"[省市县区旗州盟]")
_TOWNSHIP = re.compile(r"乡|镇|街道|苏木")
_DEPARTMENT_END = re.compile(r"(?:局|委员会|委|办公室|办公厅|厅|署|部|办)$")
_GOVERNMENT_END = re.compile(r"政府$")
_DEPARTMENT_DEADLINE = (1, 31)
_LATEST_DEADLINE = (3, 31)


def body_kind(organ: str | None) -> BodyKind:
    """Classify an organ name for 条例 第四十九条; anything doubtful is :attr:`BodyKind.UNCLEAR`.

    Example:
        >>> [body_kind(name).value for name in ("镇江市教育局", "兰陵县人民政府", "龙口市兰高镇人民政府",
        ...                                    "某经济开发区管委会", "某市人民政府办公室", None)]
        ['department', 'government', 'unclear', 'unclear', 'department', 'unclear']
    """
    if not organ:
        return BodyKind.UNCLEAR
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", organ))
    if _UNCLEAR.search(name):
        return BodyKind.UNCLEAR
    levels = [match.start() for match in _LEVEL.finditer(name)]
    townships = [match.start() for match in _TOWNSHIP.finditer(name)]
    if townships and (not levels or townships[-1] > levels[-1]):
        return BodyKind.UNCLEAR
    if _GOVERNMENT_END.search(name):
        return BodyKind.GOVERNMENT if levels else BodyKind.UNCLEAR
    if _DEPARTMENT_END.search(name):
        return BodyKind.DEPARTMENT
    return BodyKind.UNCLEAR


def publication_deadline(kind: BodyKind, year: int) -> dt.date:
    """The last day to publish the report on ``year`` for a body of ``kind``.

    Example:
        >>> publication_deadline(BodyKind.DEPARTMENT, 2023), publication_deadline(BodyKind.UNCLEAR, 2023)
        (datetime.date(2024, 1, 31), datetime.date(2024, 3, 31))
    """
    month, day = _DEPARTMENT_DEADLINE if kind is BodyKind.DEPARTMENT else _LATEST_DEADLINE
    return dt.date(year + 1, month, day)


_WHO = {
    BodyKind.DEPARTMENT: "县级以上人民政府部门应在每年1月31日前",
    BodyKind.GOVERNMENT: "县级以上地方人民政府应在每年3月31日前",
    BodyKind.UNCLEAR: "机关类别不明（乡镇、街道、管委会等）时按最晚期限，应在每年3月31日前",
}


@rule("meta.deadline", Severity.WARNING, title="年度报告发布晚于条例第四十九条的期限")
def deadline(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """The report must be published by the deadline of 条例 第四十九条 (needs ``published`` and ``year``).

    Example:
        >>> from goiar.model import Meta
        >>> from goiar.testing import make_report
        >>> late = make_report(meta=Meta(organ="某市教育局", year=2023, published=dt.date(2024, 2, 5)))
        >>> [f.message for f in deadline(late, RuleContext())]
        ['发布日期 2024-02-05 晚于 2024-01-31：条例第四十九条规定，县级以上人民政府部门...（某市教育局）']
        >>> town = make_report(meta=Meta(organ="某县某镇人民政府", year=2023, published=dt.date(2024, 2, 5)))
        >>> list(deadline(town, RuleContext()))
        []
    """
    meta = report.meta
    if meta.published is None or meta.year is None:
        return
    organ = meta.organ or meta.signature or meta.publisher
    kind = body_kind(organ)
    last = publication_deadline(kind, meta.year)
    if meta.published <= last:
        return
    yield Finding(
        rule="meta.deadline",
        severity=Severity.WARNING,
        path="meta.published",
        message=(
            f"发布日期 {meta.published.isoformat()} 晚于 {last.isoformat()}：条例第四十九条规定，{_WHO[kind]}"
            f"公布本机关上一年度的政府信息公开工作年度报告（{organ or '发布机关不明'}）"
        ),
        expected=last.isoformat(),
        actual=meta.published.isoformat(),
    )
