"""Rules on the report's shape: the six parts, the three tables, and the template version of each table.

Paths: ``sections.<part key>`` for a missing part (see :data:`goiar.model.SECTION_KEYS`), the table
prefix (``proactive``, ``requests``, ``appeals``) for a missing table or a misfitting version.
"""

from __future__ import annotations

from collections.abc import Iterator

from goiar.model.finding import Finding, Severity
from goiar.model.report import SECTION_KEYS, Report
from goiar.model.version import Template
from goiar.rules.base import RuleContext, rule
from goiar.template.headings import PART_HEADINGS

__all__ = ["missing_section", "missing_table", "template_mixed"]

_HEADINGS = {part.key: part.heading for part in PART_HEADINGS}
_TABLES = (
    ("proactive", "表二「主动公开政府信息情况」"),
    ("requests", "表三「收到和处理政府信息公开申请情况」"),
    ("appeals", "表四「政府信息公开行政复议、行政诉讼情况」"),
)
_NOTICE = {Template.V2019: "国办公开办函〔2019〕60号", Template.V2021: "国办公开办函〔2021〕30号"}
FIRST_2021_YEAR = 2021
"""The 2021 format applies from the 2021 reports on (format-notes §1)."""


@rule("structure.missing_section", Severity.WARNING, title="缺少必备的部分")
def missing_section(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """Each of the six parts 一 … 六 must be present.

    Example:
        >>> from goiar.testing import make_report
        >>> report = make_report(sections={"problems": None})
        >>> [(f.path, f.message) for f in missing_section(report, RuleContext())]
        [('sections.problems', '报告缺少第五部分「五、存在的主要问题及改进情况」')]
    """
    for number, key in enumerate(SECTION_KEYS, start=1):
        if report.section(key) is None:
            heading = _HEADINGS.get(key, key)
            yield Finding(
                rule="structure.missing_section",
                severity=Severity.WARNING,
                path=f"sections.{key}",
                message=f"报告缺少第{'一二三四五六'[number - 1]}部分「{heading}」",
            )


@rule("structure.missing_table", Severity.WARNING, title="缺少必备的表格")
def missing_table(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """Tables 二, 三 and 四 must be present (a table published only as an image is absent as text).

    Example:
        >>> import attrs
        >>> from goiar.testing import make_report
        >>> report = attrs.evolve(make_report(), appeals=None)
        >>> [(f.path, f.message) for f in missing_table(report, RuleContext())]
        [('appeals', '报告缺少表四「政府信息公开行政复议、行政诉讼情况」（或表格仅以图片发布）')]
    """
    for key, label in _TABLES:
        if getattr(report, key) is None:
            yield Finding(
                rule="structure.missing_table",
                severity=Severity.WARNING,
                path=key,
                message=f"报告缺少{label}（或表格仅以图片发布）",
            )


def _expected_version(year: int | None) -> Template | None:
    if year is None:
        return None
    return Template.V2021 if year >= FIRST_2021_YEAR else Template.V2019


@rule("template.mixed", Severity.WARNING, title="表格版本混用或与年度不符")
def template_mixed(report: Report, _context: RuleContext) -> Iterator[Finding]:
    """Tables 二 and 三 must use the same template version, and the version that fits the year.

    2019 format (60号) for the 2019 and 2020 reports, 2021 format (30号) from the 2021 reports on; no
    year, no year check.  One finding per table, its reasons joined.

    Example:
        >>> from goiar.model import Meta
        >>> from goiar.testing import make_report
        >>> report = make_report(proactive_template=Template.V2019, meta=Meta(year=2023))
        >>> [finding] = template_mixed(report, RuleContext())
        >>> finding.path
        'proactive'
        >>> for reason in finding.message.split("；"):
        ...     print(reason)
        表二为 2019 版格式（国办公开办函〔2019〕60号），表三为 2021 版格式：一份报告混用了两版格式
        2023 年度报告应使用 2021 版格式（国办公开办函〔2021〕30号）
    """
    versions = [
        (key, label[:2], table.template) for key, label in _TABLES[:2] if (table := getattr(report, key)) is not None
    ]
    expected = _expected_version(report.meta.year)
    mixed = len({version for _, _, version in versions}) > 1
    for key, name, version in versions:
        reasons: list[str] = []
        if mixed and key == "proactive":
            other = versions[1][2]
            reasons.append(
                f"{name}为 {version.value} 版格式（{_NOTICE[version]}），"
                f"表三为 {other.value} 版格式：一份报告混用了两版格式"
            )
        if expected is not None and version is not expected:
            reasons.append(f"{report.meta.year} 年度报告应使用 {expected.value} 版格式（{_NOTICE[expected]}）")
            if not (mixed and key == "proactive"):
                reasons[-1] = f"{name}为 {version.value} 版格式，但 " + reasons[-1]
        if reasons:
            yield Finding(rule="template.mixed", severity=Severity.WARNING, path=key, message="；".join(reasons))
