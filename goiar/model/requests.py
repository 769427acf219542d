"""Table 三: 收到和处理政府信息公开申请情况 (applications by outcome × applicant type)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from goiar.model.figure import Figure
from goiar.model.version import Template

__all__ = ["REQUEST_COLUMNS", "RequestRow", "Requests"]

REQUEST_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
)
"""The seven applicant columns, in the official order."""


@attrs.frozen(kw_only=True)
class RequestRow:
    """One row of table 三; ``key`` is its canonical row key (``"denied.state_secret"``).

    Example:
        >>> from goiar.model.figure import CellState
        >>> z = Figure(value=0, state=CellState.ZERO, raw="0")
        >>> row = RequestRow(key="granted", label="（一）予以公开", natural_person=z,
        ...     commercial_enterprise=z, research_institution=z, public_interest_org=z,
        ...     legal_service_org=z, other_org=z, total=z)
        >>> row["total"].value
        0
    """

    key: str
    label: str
    """The official label of the row."""
    natural_person: Figure
    commercial_enterprise: Figure
    research_institution: Figure
    public_interest_org: Figure
    legal_service_org: Figure
    other_org: Figure
    total: Figure
    printed: str | None = None
    """The row's label as the document prints it (None when the row is absent)."""

    def __getitem__(self, column: str) -> Figure:
        """The figure of one column (a name from :data:`REQUEST_COLUMNS`)."""
        if column not in REQUEST_COLUMNS:
            raise KeyError(column)
        figure: Figure = getattr(self, column)
        return figure

    def figures(self) -> Iterator[tuple[str, Figure]]:
        """``(column, figure)`` pairs in the official column order."""
        for column in REQUEST_COLUMNS:
            yield column, self[column]


@attrs.frozen(kw_only=True)
class Requests:
    """Table 三 in the version its labels show; rows in template order.

    Example:
        >>> import goiar
        >>> # report.requests.row("denied.state_secret").total.value
    """

    template: Template
    rows: tuple[RequestRow, ...]

    def row(self, key: str) -> RequestRow:
        """The row with canonical key ``key``; :class:`KeyError` if the template has no such row."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def __iter__(self) -> Iterator[RequestRow]:
        return iter(self.rows)

    @property
    def new_received(self) -> RequestRow:
        """一、本年新收政府信息公开申请数量."""
        return self.row("new_received")

    @property
    def carried_over(self) -> RequestRow:
        """二、上年结转政府信息公开申请数量."""
        return self.row("carried_over")

    @property
    def granted(self) -> RequestRow:
        """（一）予以公开."""
        return self.row("granted")

    @property
    def partially_granted(self) -> RequestRow:
        """（二）部分公开."""
        return self.row("partially_granted")

    @property
    def total(self) -> RequestRow:
        """（七）总计."""
        return self.row("total")

    @property
    def carried_forward(self) -> RequestRow:
        """四、结转下年度继续办理."""
        return self.row("carried_forward")
