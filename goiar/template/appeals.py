"""Table 四 groups and columns (format-notes §2.3; unchanged in 2021)."""

from __future__ import annotations

__all__ = ["APPEAL_COLUMN_LABELS", "APPEAL_GROUP_LABELS"]

APPEAL_GROUP_LABELS: tuple[tuple[str, str], ...] = (
    ("reconsideration", "行政复议"),
    ("litigation_direct", "行政诉讼·未经复议直接起诉"),
    ("litigation_after_reconsideration", "行政诉讼·复议后起诉"),
)
APPEAL_COLUMN_LABELS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
