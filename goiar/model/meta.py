"""Report metadata: who published it, for which year, when, and the page's catalogue fields."""

from __future__ import annotations

import datetime as dt

import attrs

from goiar.model.version import Template

__all__ = ["Contact", "Meta", "PageField"]


@attrs.frozen(kw_only=True)
class PageField:
    """One field of a page's catalogue block (索引号, 发布机构, 发布日期, …) exactly as printed."""

    name: str
    value: str


@attrs.frozen(kw_only=True)
class Contact:
    """One contact line of the introduction: ``kind`` is 地址, 邮编, 电话, 传真, 电子邮箱 or 网址."""

    kind: str
    value: str


@attrs.frozen(kw_only=True)
class Meta:
    """What the report says about itself.

    Example:
        >>> Meta(organ="某镇人民政府", year=2023).year
        2023
    """

    organ: str | None = None
    """The issuing body's full name, e.g. 龙口市兰高镇人民政府."""
    year: int | None = None
    """The statistics year (not the publication year)."""
    published: dt.date | None = None
    """Publication date: page chrome 发布日期, else the signature date."""
    template: Template | None = None
    """Version of table 三 (the report's template); each table also records its own."""
    title: str | None = None
    publisher: str | None = None
    """发布机构 as printed in the page chrome."""
    index_no: str | None = None
    """索引号."""
    doc_no: str | None = None
    """文号 (usually empty for annual reports)."""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    contacts: tuple[Contact, ...] = ()
    page_fields: tuple[PageField, ...] = ()
    signature: str | None = None
    """The organ named in the closing signature, if any."""
    signature_date: dt.date | None = None
