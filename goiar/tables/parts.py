"""Splitting a document's blocks into the six parts (format-notes §7.1); nothing is dropped."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import attrs
import regex

from goiar.blocks import Block, Grid, Heading, Paragraph
from goiar.model.figure import Source
from goiar.template.headings import PART_HEADINGS, PartHeading

__all__ = ["Part", "find_heading", "split_parts"]

_NUMERALS = "一二三四五六"
_NUMBERING = regex.compile(r"^[\s\u3000]*+(?:([一二三四五六])|([1-6]))[\s\u3000]*+[、.．,，]?[\s\u3000]*+")


@attrs.frozen
class Part:
    """One part: ``key`` (a section key, ``"preamble"`` before 一), heading as printed, and its blocks.

    ``lead`` is text that followed the heading in the same paragraph (running text copied from a page).
    """

    key: str
    heading: str | None
    blocks: tuple[Block, ...]
    lead: str = ""
    source: Source | None = None


_HEADING_TAILS = tuple(
    regex.compile(rf"[^。；;]{{0,16}}?(?:{heading.pattern})(?:的?情况|措施)?") for heading in PART_HEADINGS
)


def find_heading(text: str, after: int = 0) -> tuple[PartHeading, int] | None:
    """The part heading ``text`` starts with (numbered, after part number ``after``) and where it ends.

    Example:
        >>> heading, end = find_heading("五、政府信息公开工作存在的主要问题及改进情况")
        >>> heading.key, end
        ('problems', 22)
        >>> find_heading("四、结转下年度继续办理") is None
        True
    """
    numbering = _NUMBERING.match(text)
    if numbering is None:
        return None
    number = _NUMERALS.index(numbering.group(1)) + 1 if numbering.group(1) else int(numbering.group(2))
    if number <= after:
        return None
    heading = PART_HEADINGS[number - 1]
    rest = text[numbering.end() : numbering.end() + 60]
    folded = unicodedata.normalize("NFKC", rest)
    match = _HEADING_TAILS[number - 1].match(folded)
    if match is None:
        return None
    return heading, numbering.end() + match.end()


def split_parts(items: Sequence[Block]) -> list[Part]:
    """Split blocks at the six part headings, in order; text before 一 is the ``preamble`` part."""
    parts: list[Part] = []
    key, heading_text, lead, source = "preamble", None, "", None
    current: list[Block] = []
    last = 0
    for block in items:
        if isinstance(block, Paragraph | Heading):
            found = find_heading(block.text, after=last)
            if found is not None:
                parts.append(Part(key, heading_text, tuple(current), lead, source))
                heading, end = found
                last = heading.number
                key, heading_text = heading.key, block.text[:end].strip()
                lead, source = block.text[end:].strip(), block.source
                # text run on after the heading (a page copied as text) belongs to the part
                moved = block.source.shifted(end) if block.source is not None else None
                current = [Paragraph(text=lead, source=moved)] if lead else []
                continue
        current.append(block)
    parts.append(Part(key, heading_text, tuple(current), lead, source))
    return parts


def part_text(part: Part) -> str:
    """The running text of a part: its paragraphs (including any lead), one per line (grids excluded)."""
    lines: list[str] = []
    lines.extend(block.text.strip() for block in part.blocks if not isinstance(block, Grid) and block.text.strip())
    return "\n".join(lines)
