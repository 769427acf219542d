"""Write a correct 政府信息公开工作年度报告 from data, in the official layout.

Build the report with :func:`goiar.testing.make_report` from canonical keys (SPEC §3; every key not
given is 0), check it with :func:`goiar.validate`, and print it with :func:`goiar.render.render`.
The organ and all figures below are invented.

Run from the repository root::

    python examples/render_report.py                 # tab-separated text
    python examples/render_report.py html > report.html
    python examples/render_report.py cell-lines      # or run-together
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

try:
    import goiar
except ImportError:  # running from a checkout without installing goiar
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import goiar

from goiar.model import Meta
from goiar.model.requests import REQUEST_COLUMNS
from goiar.render import FORMATS, render
from goiar.testing import make_report

ORGAN = "青禾县云岭镇人民政府"

# Table 二 (2021 template).
PROACTIVE: dict[str, int | Decimal] = {
    "proactive.normative_documents.issued": 2,
    "proactive.normative_documents.repealed": 1,
    "proactive.normative_documents.in_force": 5,
    "proactive.licensing.decisions": 36,
    "proactive.penalty.decisions": 4,
    "proactive.fees.amount": Decimal("1.25"),
}

# Table 三: (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) per row; 总计 is added below.
REQUESTS: dict[str, tuple[int, ...]] = {
    "new_received": (9, 1, 0, 0, 1, 0),
    "carried_over": (1, 0, 0, 0, 0, 0),
    "granted": (4, 1, 0, 0, 0, 0),
    "partially_granted": (1, 0, 0, 0, 0, 0),
    "denied.third_party_rights": (1, 0, 0, 0, 0, 0),
    "unavailable.not_held": (2, 0, 0, 0, 1, 0),
    "not_processed.complaint": (1, 0, 0, 0, 0, 0),
    "total": (9, 1, 0, 0, 1, 0),
    "carried_forward": (1, 0, 0, 0, 0, 0),
}
COLUMNS = REQUEST_COLUMNS[:-1]  # the six applicant columns; 总计 is added below

# Table 四: (结果维持, 结果纠正, 其他结果, 尚未审结) per group; 总计 is added below.
APPEALS: dict[str, tuple[int, ...]] = {
    "reconsideration": (1, 1, 0, 0),
    "litigation_direct": (0, 0, 0, 1),
}

SECTIONS = {
    "preamble": (
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2023年1月1日至2023年12月31日。"
        "如对本报告有疑问，请与云岭镇党政办公室联系（电话：0000-1234567）。"
    ),
    "overview": "2023年，云岭镇共收到政府信息公开申请11件，上年结转1件，均已按期答复。",
    "proactive": "主动公开政府信息情况见下表。",
    "requests": "收到和处理政府信息公开申请情况见下表。",
    "appeals": "政府信息公开行政复议、行政诉讼情况见下表。",
    "problems": "主动公开的深度还需加强。下一步将加强培训。",
    "other": "本年度未收取信息处理费。",
}


def figures() -> dict[str, int | Decimal | None]:
    """Every figure of the report by canonical key, with the 总计 cells computed."""
    values: dict[str, int | Decimal | None] = dict(PROACTIVE)
    for row, counts in REQUESTS.items():
        values.update({f"requests.{row}.{column}": count for column, count in zip(COLUMNS, counts, strict=True)})
        values[f"requests.{row}.total"] = sum(counts)
    for group, counts in APPEALS.items():
        columns = ("upheld", "corrected", "other", "pending")
        values.update({f"appeals.{group}.{column}": count for column, count in zip(columns, counts, strict=True)})
        values[f"appeals.{group}.total"] = sum(counts)
    return values


def main(argv: list[str]) -> int:
    fmt = argv[1] if len(argv) > 1 else "tab"
    if fmt not in FORMATS:
        print(f"usage: render_report.py [{'|'.join(FORMATS)}]", file=sys.stderr)
        return 2
    report = make_report(
        figures(),
        meta=Meta(organ=ORGAN, year=2023, published=dt.date(2024, 1, 25)),
        sections=SECTIONS,
    )
    findings = goiar.validate(report)
    for finding in findings:
        print(f"{finding.severity.value}: {finding.rule} {finding.path}: {finding.message}", file=sys.stderr)
    print(render(report, fmt), end="")
    return 1 if any(finding.is_error for finding in findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
