"""The two versions of the national template."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Template"]


class Template(StrEnum):
    """Template version of a table: ``"2019"`` (国办公开办函〔2019〕60号) or ``"2021"`` (〔2021〕30号).

    Example:
        >>> Template("2021") is Template.V2021
        True
    """

    V2019 = "2019"
    V2021 = "2021"
