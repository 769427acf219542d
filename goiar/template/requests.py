"""Table 三 rows and columns for both template versions (format-notes §2.2, §3.2).

Each row has a ``pattern``: a regular expression over the *normalised* label text (NFKC, no
whitespace, no bookmark debris; see :func:`goiar.tables.labels.normalise_label`) that identifies the
row by a stable fragment of its label, so that wording variants, broken labels and debris still match.
"""

from __future__ import annotations

import attrs

from goiar.model.version import Template

__all__ = ["REQUEST_COLUMN_LABELS", "REQUEST_ROWS", "RequestRowSpec", "request_rows"]

REQUEST_COLUMN_LABELS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("public_interest_org", "社会公益组织"),
    ("legal_service_org", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
"""Canonical column key and official header label, in order."""

BOTH = frozenset({Template.V2019, Template.V2021})
V2019 = frozenset({Template.V2019})
V2021 = frozenset({Template.V2021})


@attrs.frozen(kw_only=True)
class RequestRowSpec:
    """One row of table 三: canonical ``key``, official ``label``, identifying ``pattern``."""

    key: str
    label: str
    pattern: str
    versions: frozenset[Template] = BOTH
    outcome: bool = True
    """True for the outcome rows （一）…（六） that （七）总计 sums."""


REQUEST_ROWS: tuple[RequestRowSpec, ...] = (
    RequestRowSpec(
        key="new_received",
        label="一、本年新收政府信息公开申请数量",
        pattern="本年新收|新收.{0,8}申请",
        outcome=False,
    ),
    RequestRowSpec(
        key="carried_over",
        label="二、上年结转政府信息公开申请数量",
        pattern="上年结转|上年度结转",
        outcome=False,
    ),
    RequestRowSpec(key="granted", label="（一）予以公开", pattern="予以公开"),
    RequestRowSpec(
        key="partially_granted",
        label="（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        pattern="部分公开",
    ),
    RequestRowSpec(key="denied.state_secret", label="1.属于国家秘密", pattern="国家秘密"),
    RequestRowSpec(key="denied.prohibited_by_law", label="2.其他法律行政法规禁止公开", pattern="禁止公开"),
    RequestRowSpec(key="denied.safety_stability", label="3.危及“三安全一稳定”", pattern="三安全|一稳定"),
    RequestRowSpec(key="denied.third_party_rights", label="4.保护第三方合法权益", pattern="第三方"),
    RequestRowSpec(key="denied.internal_affairs", label="5.属于三类内部事务信息", pattern="内部事务"),
    RequestRowSpec(key="denied.process_information", label="6.属于四类过程性信息", pattern="过程性信息"),
    RequestRowSpec(key="denied.enforcement_files", label="7.属于行政执法案卷", pattern="执法案卷"),
    RequestRowSpec(key="denied.query_service", label="8.属于行政查询事项", pattern="查询事项"),
    RequestRowSpec(key="unavailable.not_held", label="1.本机关不掌握相关政府信息", pattern="不掌握"),
    RequestRowSpec(key="unavailable.needs_creation", label="2.没有现成信息需要另行制作", pattern="另行制作|没有现成"),
    RequestRowSpec(
        key="unavailable.unclear_after_correction",
        label="3.补正后申请内容仍不明确",
        pattern="仍不明确|补正后申请",
    ),
    RequestRowSpec(key="not_processed.complaint", label="1.信访举报投诉类申请", pattern="信访|举报投诉"),
    RequestRowSpec(key="not_processed.repeated", label="2.重复申请", pattern="重复申请"),
    RequestRowSpec(key="not_processed.publication", label="3.要求提供公开出版物", pattern="出版物"),
    RequestRowSpec(key="not_processed.excessive", label="4.无正当理由大量反复申请", pattern="大量反复|反复申请"),
    RequestRowSpec(
        key="not_processed.confirmation",
        label="5.要求行政机关确认或重新出具已获取信息",
        pattern="重新出具|确认或重新",
    ),
    RequestRowSpec(key="other_handling", label="（六）其他处理", pattern="其他处理$", versions=V2019),
    RequestRowSpec(
        key="other_handling.no_correction",
        label="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        pattern="逾期不补正|不补正",
        versions=V2021,
    ),
    RequestRowSpec(
        key="other_handling.unpaid_fee",
        label="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        pattern="收费通知|缴纳费用",
        versions=V2021,
    ),
    RequestRowSpec(key="other_handling.other", label="3.其他", pattern="(?<![\\p{Han}])其他$", versions=V2021),
    RequestRowSpec(key="total", label="（七）总计", pattern="总计", outcome=False),
    RequestRowSpec(key="carried_forward", label="四、结转下年度继续办理", pattern="结转下年|下年度继续", outcome=False),
)
"""All rows of both versions, in template order (the 2019 （六） row sits before the 2021 sub-rows)."""


def request_rows(version: Template) -> tuple[RequestRowSpec, ...]:
    """The rows of table 三 in ``version``, in order.

    Example:
        >>> len(request_rows(Template.V2021)), len(request_rows(Template.V2019))
        (25, 23)
    """
    return tuple(row for row in REQUEST_ROWS if version in row.versions)
