"""Table 四: 政府信息公开行政复议、行政诉讼情况 (three groups of five)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from goiar.model.figure import Figure

__all__ = ["APPEAL_COLUMNS", "APPEAL_GROUPS", "AppealGroup", "Appeals"]

APPEAL_GROUPS: tuple[str, ...] = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
APPEAL_COLUMNS: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")


@attrs.frozen(kw_only=True)
class AppealGroup:
    """结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计 of one group."""

    key: str
    upheld: Figure
    corrected: Figure
    other: Figure
    pending: Figure
    total: Figure

    def __getitem__(self, column: str) -> Figure:
        """The figure of one column (a name from :data:`APPEAL_COLUMNS`)."""
        if column not in APPEAL_COLUMNS:
            raise KeyError(column)
        figure: Figure = getattr(self, column)
        return figure

    def figures(self) -> Iterator[tuple[str, Figure]]:
        """``(column, figure)`` pairs in the official order."""
        for column in APPEAL_COLUMNS:
            yield column, self[column]


@attrs.frozen(kw_only=True)
class Appeals:
    """Table 四: 行政复议, 未经复议直接起诉, 复议后起诉."""

    reconsideration: AppealGroup
    litigation_direct: AppealGroup
    litigation_after_reconsideration: AppealGroup

    def groups(self) -> tuple[AppealGroup, ...]:
        """The three groups in the official order."""
        return (self.reconsideration, self.litigation_direct, self.litigation_after_reconsideration)
