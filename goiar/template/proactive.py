"""Table 二 items and fields for both template versions (format-notes §2.1, §3.1)."""

from __future__ import annotations

from enum import StrEnum

import attrs

from goiar.model.version import Template

__all__ = [
    "PROACTIVE_ITEMS",
    "VERSION_MARKERS",
    "FieldKind",
    "ProactiveField",
    "ProactiveItem",
    "proactive_items",
]


class FieldKind(StrEnum):
    """What a column holds."""

    COUNT = "count"
    """A count, integer ≥ 0."""
    SIGNED = "signed"
    """A signed integer (2019 本年增/减)."""
    AMOUNT = "amount"
    """Money, :class:`~decimal.Decimal`."""


@attrs.frozen(kw_only=True)
class ProactiveField:
    """One column of a table-二 row: canonical ``key``, official header ``label``, value ``kind``."""

    key: str
    label: str
    kind: FieldKind = FieldKind.COUNT
    unit: str | None = None


@attrs.frozen(kw_only=True)
class ProactiveItem:
    """One row of table 二 in one version."""

    key: str
    label: str
    clause: str
    """The 条例第二十条 item of its sub-table, e.g. ``"（一）"``."""
    pattern: str
    version: Template
    fields: tuple[ProactiveField, ...]


_ISSUED_2021 = (
    ProactiveField(key="issued", label="本年制发件数"),
    ProactiveField(key="repealed", label="本年废止件数"),
    ProactiveField(key="in_force", label="现行有效件数"),
)
_DECISIONS_2021 = (ProactiveField(key="decisions", label="本年处理决定数量"),)
_PRODUCED_2019 = (
    ProactiveField(key="produced", label="本年新制作数量"),
    ProactiveField(key="published", label="本年新公开数量"),
    ProactiveField(key="published_total", label="对外公开总数量"),
)
_ITEMS_2019 = (
    ProactiveField(key="previous", label="上一年项目数量"),
    ProactiveField(key="change", label="本年增/减", kind=FieldKind.SIGNED),
    ProactiveField(key="decisions", label="处理决定数量"),
)

PROACTIVE_ITEMS: tuple[ProactiveItem, ...] = (
    ProactiveItem(
        key="regulations",
        label="规章",
        clause="（一）",
        pattern="规章",
        version=Template.V2021,
        fields=_ISSUED_2021,
    ),
    ProactiveItem(
        key="normative_documents",
        label="行政规范性文件",
        clause="（一）",
        pattern="规范性文件|规范性档案",
        version=Template.V2021,
        fields=_ISSUED_2021,
    ),
    ProactiveItem(
        key="licensing",
        label="行政许可",
        clause="（五）",
        pattern="行政许可",
        version=Template.V2021,
        fields=_DECISIONS_2021,
    ),
    ProactiveItem(
        key="penalty",
        label="行政处罚",
        clause="（六）",
        pattern="行政处罚",
        version=Template.V2021,
        fields=_DECISIONS_2021,
    ),
    ProactiveItem(
        key="enforcement",
        label="行政强制",
        clause="（六）",
        pattern="行政强制",
        version=Template.V2021,
        fields=_DECISIONS_2021,
    ),
    ProactiveItem(
        key="fees",
        label="行政事业性收费",
        clause="（八）",
        pattern="事业性收费",
        version=Template.V2021,
        fields=(ProactiveField(key="amount", label="本年收费金额（单位：万元）", kind=FieldKind.AMOUNT, unit="万元"),),
    ),
    ProactiveItem(
        key="regulations",
        label="规章",
        clause="（一）",
        pattern="规章",
        version=Template.V2019,
        fields=_PRODUCED_2019,
    ),
    ProactiveItem(
        key="normative_documents",
        label="规范性文件",
        clause="（一）",
        pattern="规范性文件|规范性档案",
        version=Template.V2019,
        fields=_PRODUCED_2019,
    ),
    ProactiveItem(
        key="licensing",
        label="行政许可",
        clause="（五）",
        pattern="行政许可",
        version=Template.V2019,
        fields=_ITEMS_2019,
    ),
    ProactiveItem(
        key="other_services",
        label="其他对外管理服务事项",
        clause="（五）",
        pattern="对外管理服务",
        version=Template.V2019,
        fields=_ITEMS_2019,
    ),
    ProactiveItem(
        key="penalty",
        label="行政处罚",
        clause="（六）",
        pattern="行政处罚",
        version=Template.V2019,
        fields=_ITEMS_2019,
    ),
    ProactiveItem(
        key="enforcement",
        label="行政强制",
        clause="（六）",
        pattern="行政强制",
        version=Template.V2019,
        fields=_ITEMS_2019,
    ),
    ProactiveItem(
        key="fees",
        label="行政事业性收费",
        clause="（八）",
        pattern="事业性收费",
        version=Template.V2019,
        fields=_ITEMS_2019[:2],
    ),
    ProactiveItem(
        key="procurement",
        label="政府集中采购",
        clause="（九）",
        pattern="集中采购",
        version=Template.V2019,
        fields=(
            ProactiveField(key="projects", label="采购项目数量"),
            ProactiveField(key="amount", label="采购总金额", kind=FieldKind.AMOUNT),
        ),
    ),
)
"""Rows of table 二 of both versions, each version in template order."""

VERSION_MARKERS: tuple[tuple[str, Template], ...] = (
    ("制发件数", Template.V2021),
    ("废止件数", Template.V2021),
    ("现行有效", Template.V2021),
    ("本年收费金额", Template.V2021),
    ("本年处理决定", Template.V2021),
    ("新制作数量", Template.V2019),
    ("新公开数量", Template.V2019),
    ("对外公开总数", Template.V2019),
    ("上一年项目数量", Template.V2019),
    ("本年增/减", Template.V2019),
    ("采购项目数量", Template.V2019),
    ("采购总金额", Template.V2019),
    ("对外管理服务", Template.V2019),
    ("集中采购", Template.V2019),
)
"""Header fragments that decide the version of table 二 (format-notes §8)."""


def proactive_items(version: Template) -> tuple[ProactiveItem, ...]:
    """The rows of table 二 in ``version``.

    Example:
        >>> [item.key for item in proactive_items(Template.V2021)]
        ['regulations', 'normative_documents', 'licensing', 'penalty', 'enforcement', 'fees']
    """
    return tuple(item for item in PROACTIVE_ITEMS if item.version is version)
