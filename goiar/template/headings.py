"""Heading variants of the six parts (format-notes §7.1)."""

from __future__ import annotations

import attrs

__all__ = ["PART_HEADINGS", "PartHeading"]


@attrs.frozen(kw_only=True)
class PartHeading:
    """A part of the report: canonical ``key``, its number (1–6), official heading, and ``pattern``.

    ``pattern`` matches the heading's words (on normalised text, after the numbering) so variants such
    as ``五、政府信息公开工作存在的主要问题及改进情况`` or ``1、 总体情况`` are recognised.
    """

    key: str
    number: int
    heading: str
    pattern: str


PART_HEADINGS: tuple[PartHeading, ...] = (
    PartHeading(key="overview", number=1, heading="一、总体情况", pattern="总体情况"),
    PartHeading(
        key="proactive",
        number=2,
        heading="二、主动公开政府信息情况",
        pattern="主动公开政府信息的?(?:情况|工作)",
    ),
    PartHeading(
        key="requests",
        number=3,
        heading="三、收到和处理政府信息公开申请情况",
        pattern="收到(?:和|及|与)?处理政府信息公开申请的?情况",
    ),
    PartHeading(
        key="appeals",
        number=4,
        heading="四、政府信息公开行政复议、行政诉讼情况",
        pattern="行政复议.{0,12}?行政诉讼",
    ),
    PartHeading(
        key="problems",
        number=5,
        heading="五、存在的主要问题及改进情况",
        pattern="存在的?(?:主要)?问题(?:及|和|与)?(?:其)?(?:改进|整改)",
    ),
    PartHeading(key="other", number=6, heading="六、其他需要报告的事项", pattern="其他需要(?:报告|汇报|说明)的?事项"),
)
