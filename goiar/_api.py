"""The verbs of SPEC §2: ``read``, ``validate``, ``flatten`` (thin glue over the stages)."""

from __future__ import annotations

from decimal import Decimal

import regex

from goiar.build.assemble import assemble
from goiar.encoding import decode
from goiar.errors import EmptyInputError, InputTooLargeError, NotAReportError, ReadError
from goiar.keys import flatten as _flatten
from goiar.model.finding import Finding
from goiar.model.report import Report
from goiar.readers.registry import ReaderRegistry

__all__ = ["DEFAULT_MAX_CHARS", "flatten", "read", "validate"]

DEFAULT_MAX_CHARS = 20_000_000
"""Inputs above this many characters (or bytes) raise :class:`goiar.errors.InputTooLargeError`."""

_LOOKS_LIKE_PATH = regex.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*+://\S++|[^\n<>]{0,250}\.(?:txt|html?|docx?|pdf|json))$")


def read(
    source: str | bytes,
    format: str | None = None,  # noqa: A002 - the SPEC's public name
    *,
    registry: ReaderRegistry | None = None,
    encoding: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Report:
    """Read a report from its content (``str``, or ``bytes`` in any supported encoding).

    The format is sniffed unless ``format`` names a registered reader (``"tab"``, ``"cell-lines"``,
    ``"run-together"``, ``"html"``).  Damage is recorded as findings on the report; only input with
    nothing usable raises a :class:`goiar.ReadError` subclass that says why.

    Args:
        source: The document's content.  Paths and URLs are not accepted: open or fetch it yourself.
        format: A reader name to skip sniffing.
        registry: Readers to use (default: built-ins plus ``goiar.readers`` entry points).
        encoding: Force an encoding for ``bytes`` input.
        max_chars: Size limit.

    Returns:
        The report.

    Raises:
        ReadError: Empty, undecodable, too large, unrecognised, or not a report.

    Example:
        >>> import goiar
        >>> text = "某镇2023年政府信息公开工作年度报告\\n一、总体情况\\n三、收到和处理政府信息公开申请情况\\n" \\
        ...        "一、本年新收政府信息公开申请数量\\t1\\t0\\t0\\t0\\t0\\t0\\t1\\n" * 1
        >>> report = goiar.read(text, format="tab")
        >>> report.meta.year, report.requests.new_received.total.value
        (2023, 1)
    """
    if not isinstance(source, str | bytes | bytearray):
        raise TypeError(f"goiar.read takes str or bytes (the document's content), not {type(source).__name__}")
    if len(source) > max_chars:
        raise InputTooLargeError(f"input is {len(source):,} long, above the limit of {max_chars:,} (max_chars=…)")
    used_encoding: str | None = None
    if isinstance(source, bytes | bytearray):
        text, used_encoding = decode(bytes(source), encoding)
    else:
        text = source
    text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInputError("the input is empty (or only whitespace)")
    if _LOOKS_LIKE_PATH.match(text.strip()):
        raise ReadError(
            f"the input looks like a path or URL ({text.strip()[:80]!r}); goiar.read takes the document's "
            "content: open or fetch it yourself"
        )
    readers = registry if registry is not None else ReaderRegistry.default()
    reader = readers.get(format) if format is not None else readers.detect(text)
    blocks = reader.read(text)
    if used_encoding is not None:
        blocks = blocks.__class__(
            items=blocks.items, reader=blocks.reader, fields=blocks.fields, encoding=used_encoding
        )
    report = assemble(blocks)
    if report.requests is None and report.proactive is None and report.appeals is None and not _has_parts(report):
        raise NotAReportError(
            f"no part heading (一、总体情况 …) and no table of the template found by the {reader.name!r} reader; "
            "this does not look like a 政府信息公开工作年度报告"
        )
    return report


def _has_parts(report: Report) -> bool:
    return any(section.key not in {"preamble", "closing"} for section in report.sections)


def validate(report: Report, rules: object = None, previous: Report | None = None) -> list[Finding]:
    """The findings recorded while reading plus those of the rules (SPEC §4).

    Args:
        report: A report from :func:`read`.
        rules: A :class:`goiar.rules.RuleSet` (default: built-in rules plus ``goiar.rules`` plug-ins).
        previous: Last year's report of the same body, for ``history.carry_over``.

    Example:
        >>> import goiar
        >>> from goiar.testing import make_report
        >>> goiar.validate(make_report())
        []
    """
    from goiar.display import FindingList  # noqa: PLC0415 - display is only needed here
    from goiar.rules import RuleSet, iter_findings  # noqa: PLC0415 - rules import the model lazily

    if rules is not None and not isinstance(rules, RuleSet):
        raise TypeError(f"rules must be a goiar.rules.RuleSet, not {type(rules).__name__}")
    return FindingList(iter_findings(report, rules=rules, previous=previous))


def flatten(report: Report) -> dict[str, int | Decimal | None]:
    """``{canonical key: value}`` with exactly the canonical keys of SPEC §3.

    Example:
        >>> import goiar
        >>> from goiar.testing import make_report
        >>> goiar.flatten(make_report({"requests.granted.natural_person": 2}))["requests.granted.natural_person"]
        2
    """
    return _flatten(report)
