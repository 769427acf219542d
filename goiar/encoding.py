"""Decode the bytes of a report (web page or text file) into text without losing characters.

Chinese government pages come in UTF-8, GBK declared as ``gb2312`` (and containing characters that
GB2312 lacks, such as 镕 or 堃), occasionally UTF-16 from Word, and sometimes with a declaration that
does not match the bytes.  :func:`decode` tries, in order:

1. the ``encoding`` the caller forces (strictly; failure raises :class:`~goiar.errors.UndecodableError`);
2. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), or UTF-16 without BOM (``<\\0h\\0…``);
3. strict UTF-8, when the bytes are valid UTF-8 holding real multi-byte text (valid UTF-8 is, for any
   text longer than a few characters, never GBK by accident: this fixes pages that declare ``gb2312``
   but were saved as UTF-8);
4. the charset declared in the first 4 KB (``<meta charset>``, ``<meta http-equiv … charset=…>``,
   ``<?xml … encoding=…?>``); every GB-family name (gb2312, gbk, x-gbk, cp936, gb_2312-80 …) decodes
   with **gb18030**, a superset, so no character is ever dropped; ``big5`` tries big5 then cp950;
5. strict UTF-8, then strict GB18030;
6. a declared single-byte encoding (latin-1 and friends accept any bytes, so they come last).

Every attempt is strict; one incomplete character cut off at the very end of the data is tolerated
(and dropped).  A leading U+FEFF is removed.  NUL characters are *not* removed here (``decode`` only
decodes): :func:`goiar.read` and the readers remove them.

Example:
    >>> decode("二、主动公开政府信息情况".encode("gbk"))
    ('二、主动公开政府信息情况', 'gb18030')
    >>> decode(b'<meta charset="gb2312"><p>' + "某县堃山镇".encode("gbk") + b"</p>")[1]
    'gb18030'
"""

from __future__ import annotations

import codecs
import re

from goiar.errors import UndecodableError

__all__ = ["decode", "is_probably_html", "normalise_encoding_name"]

_PREFIX = 4096
"""How many leading bytes (or characters) are searched for a declaration or for tags."""

_GB_FAMILY = frozenset(
    {
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gb2312-80",
        "gb2312_80",
        "csgb2312",
        "gbk",
        "x-gbk",
        "cp936",
        "ms936",
        "windows-936",
        "gb18030",
        "gb-18030",
        "chinese",
        "iso-ir-58",
        "csiso58gb231280",
        "euc-cn",
        "euccn",
        "x-euc-cn",
        "hz-gb-2312",
    }
)
_BIG5_FAMILY = frozenset({"big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "big5-hkscs", "big5hkscs", "cp950"})
_UTF8_NAMES = frozenset({"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8"})


def _bare(name: str) -> str:
    """A name without case, ``-`` or ``_`` (``GB_2312-80`` → ``gb231280``)."""
    return name.lower().replace("-", "").replace("_", "")


_GB_BARE = frozenset(map(_bare, _GB_FAMILY))
_BIG5_BARE = frozenset(map(_bare, _BIG5_FAMILY))
_UTF8_BARE = frozenset(map(_bare, _UTF8_NAMES))

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Both patterns are linear: single character classes, no nested quantifiers.
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|table|tr|td|p|div|br|span|meta|title|h[1-6])[\s>/]", re.IGNORECASE
)
_INCOMPLETE_TAIL = 3
"""Bytes an incomplete last character may occupy (UTF-8, GB18030: at most 3 of 4)."""


def normalise_encoding_name(name: str) -> str | None:
    """The codec goiar decodes a declared encoding name with, or None if Python does not know it.

    GB-family names all map to ``gb18030`` (a superset of GB2312 and GBK); ``big5`` variants to ``big5``.

    Example:
        >>> normalise_encoding_name("GB2312"), normalise_encoding_name("UTF8"), normalise_encoding_name("x-nope")
        ('gb18030', 'utf-8', None)
    """
    key = name.strip().strip("\"'").lower() if name else ""
    if not key:
        return None
    bare = _bare(key)
    if bare in _GB_BARE:
        return "gb18030"
    if bare in _BIG5_BARE:
        return "big5"
    if bare in _UTF8_BARE:
        return "utf-8"
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    return info.name


def is_probably_html(text: str) -> bool:
    """True when the first 4 KB of ``text`` hold HTML tags (a doctype, ``<html>``, ``<table>``, ``<p>`` …).

    Example:
        >>> is_probably_html("  <!DOCTYPE html><html>"), is_probably_html("一、总体情况\\n规章\\t0")
        (True, False)
    """
    return _HTML_TAG.search(text[:_PREFIX]) is not None


def _strict(data: bytes, codec: str) -> str | None:
    """Decode strictly; tolerate only one incomplete character cut off at the very end."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.start >= len(data) - _INCOMPLETE_TAIL and exc.start > 0:
            try:
                return data[: exc.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:  # pragma: no cover - codec names come from normalise_encoding_name
        return None


def _declared(data: bytes) -> str | None:
    """The encoding name declared in the first bytes (XML declaration first, then the first charset=)."""
    head = data[:_PREFIX]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return match.group(1).decode("ascii", "replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ASCII markup alternates with NUL bytes (Word's "Unicode" HTML)."""
    sample = data[:512]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > half * 0.6 and even_nul < half * 0.1:
        return "utf-16-le"
    if even_nul > half * 0.6 and odd_nul < half * 0.1:
        return "utf-16-be"
    return None


def _multibyte_utf8(text: str) -> bool:
    """Enough non-ASCII characters that valid UTF-8 cannot be legacy bytes by accident."""
    count = 0
    for char in text:
        if char > "\x7f":
            count += 1
            if count >= 2:
                return True
    return False


def _finish(text: str, codec: str) -> tuple[str, str]:
    return (text.removeprefix("\ufeff"), codec)


def decode(data: bytes | bytearray | memoryview, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, codec used)``; see the module docstring for the order.

    Args:
        data: The raw bytes (``bytearray`` and ``memoryview`` are accepted too).
        encoding: Force this encoding (GB-family names still decode as gb18030).

    Returns:
        The text (without a leading BOM; NUL characters are kept) and the normalised codec name,
        such as ``"utf-8"``, ``"gb18030"``, ``"utf-16-le"``.

    Raises:
        UndecodableError: The forced encoding is unknown or fails, or no candidate decodes strictly.

    Example:
        >>> decode(b"\\xef\\xbb\\xbf<p>\\xe8\\xa7\\x84\\xe7\\xab\\xa0</p>")
        ('<p>规章</p>', 'utf-8')
        >>> decode("规章".encode("utf-8"), encoding="gbk")
        ('瑙勭珷', 'gb18030')
    """
    raw = bytes(data)
    if encoding is not None:
        codec = normalise_encoding_name(encoding)
        if codec is None:
            raise UndecodableError(f"unknown encoding {encoding!r} (the encoding= argument)")
        text = _strict(raw, "utf-8-sig" if codec == "utf-8" else codec)
        if text is None:
            raise UndecodableError(f"the bytes are not valid {codec} (forced with encoding={encoding!r})")
        return _finish(text, codec)

    tried: list[str] = []
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw[len(bom) :], codec)
            if text is not None:
                return _finish(text, codec)
            tried.append(f"{codec} (byte order mark)")
            if codec == "utf-8":
                raw = raw[len(bom) :]
            break
    else:
        wide = _utf16_without_bom(raw)
        if wide is not None:
            text = _strict(raw, wide)
            if text is not None:
                return _finish(text, wide)
            tried.append(f"{wide} (NUL pattern)")

    declared_name = _declared(raw)
    declared = normalise_encoding_name(declared_name) if declared_name else None
    utf8 = _strict(raw, "utf-8")
    if utf8 is not None and (declared in {None, "utf-8"} or _multibyte_utf8(utf8) or utf8.isascii()):
        return _finish(utf8, "utf-8")

    candidates: list[str] = []
    single_byte: str | None = None
    if declared is not None and declared != "utf-8":
        if declared == "big5":
            candidates += ["big5", "cp950"]
        elif declared.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
            pass  # a real UTF-16/32 page has a BOM or NUL bytes, caught above; the declaration is wrong
        elif _is_single_byte(declared):
            single_byte = declared
        else:
            candidates.append(declared)
    candidates += ["utf-8", "gb18030"]
    seen: set[str] = set()
    for codec in candidates:
        if codec in seen:
            continue
        seen.add(codec)
        text = utf8 if codec == "utf-8" else _strict(raw, codec)
        if text is not None:
            return _finish(text, codec)
        tried.append(f"declared {codec}" if codec == declared else codec)
    if single_byte is not None:
        return _finish(raw.decode(single_byte, "replace"), single_byte)
    where = f" (the page declares {declared_name!r})" if declared_name else ""
    raise UndecodableError(f"the bytes decode strictly in none of: {', '.join(tried)}{where}")


def _is_single_byte(codec: str) -> bool:
    """True for codecs that map every byte to a character (they never fail, so they cannot be tested)."""
    try:
        return len(bytes(range(256)).decode(codec)) == 256
    except UnicodeDecodeError:
        return False
