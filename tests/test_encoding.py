"""goiar.encoding: BOMs, declarations (right and wrong), GBK beyond GB2312, and undecodable bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goiar.encoding import decode, is_probably_html, normalise_encoding_name
from goiar.errors import ReadError, UndecodableError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "pages"

OUTSIDE_GB2312 = "朱镕基 张喆 王堃"
"""镕, 喆 and 堃 are in GBK/GB18030 but not in GB2312: a gb2312 decoder would lose them."""


def page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}</head><body><p>{body}</p></body></html>"


# ------------------------------------------------------------------------------------------ GB family


def test_characters_outside_gb2312_are_not_in_gb2312() -> None:
    with pytest.raises(UnicodeEncodeError):
        OUTSIDE_GB2312.encode("gb2312")


@pytest.mark.parametrize("declared", ["gb2312", "GB2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "GB18030"])
def test_gbk_page_declared_in_the_gb_family_decodes_fully(declared: str) -> None:
    text = page(f'<meta charset="{declared}">', f"负责人：{OUTSIDE_GB2312}，本年共收到申请23件")
    decoded, codec = decode(text.encode("gbk"))
    assert codec == "gb18030"
    assert decoded == text
    assert "镕" in decoded
    assert "喆" in decoded
    assert "堃" in decoded


def test_http_equiv_declaration() -> None:
    text = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', OUTSIDE_GB2312)
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_xml_declaration() -> None:
    text = '<?xml version="1.0" encoding="GBK"?><html><body><p>' + OUTSIDE_GB2312 + "</p></body></html>"
    assert decode(text.encode("gbk")) == (text, "gb18030")


def test_gbk_without_any_declaration_falls_back_to_gb18030() -> None:
    text = "一、总体情况\n本年共收到政府信息公开申请6件。" + OUTSIDE_GB2312
    assert decode(text.encode("gbk")) == (text, "gb18030")


def test_example_page_is_gbk_declared_gb2312() -> None:
    data = (EXAMPLES / "gbk-2021.html").read_bytes()
    assert b"charset=gb2312" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # the page really holds a character outside GB2312
    text, codec = decode(data)
    assert codec == "gb18030"
    assert "云溪县堃山镇人民政府" in text


# ------------------------------------------------------------------------------------ wrong declaration


def test_declared_utf8_but_bytes_are_gbk() -> None:
    text = page('<meta charset="utf-8">', "二、主动公开政府信息情况" + OUTSIDE_GB2312)
    decoded, codec = decode(text.encode("gbk"))
    assert codec == "gb18030"
    assert decoded == text


def test_declared_gb2312_but_bytes_are_utf8() -> None:
    text = page('<meta charset="gb2312">', "三、收到和处理政府信息公开申请情况" + OUTSIDE_GB2312)
    decoded, codec = decode(text.encode("utf-8"))
    assert codec == "utf-8"
    assert decoded == text


def test_declared_latin1_but_bytes_are_gbk() -> None:
    text = page('<meta charset="iso-8859-1">', "四、政府信息公开行政复议、行政诉讼情况")
    assert decode(text.encode("gbk")) == (text, "gb18030")


def test_declared_unknown_charset_is_ignored() -> None:
    text = page('<meta charset="x-no-such-charset">', "规章")
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_declared_utf16_on_utf8_bytes_is_ignored() -> None:
    text = page('<meta charset="utf-16">', "规章 行政规范性文件")
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_big5_declared() -> None:
    text = page('<meta charset="big5">', "政府資訊公開工作年度報告")
    decoded, codec = decode(text.encode("big5"))
    assert decoded == text
    assert codec in {"big5", "cp950"}


# ---------------------------------------------------------------------------------------------- BOMs


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    text = page('<meta charset="gb2312">', "一、总体情况" + OUTSIDE_GB2312)  # the BOM beats the declaration
    decoded, used = decode(bom + text.encode(codec))
    assert used == codec
    assert decoded == text  # the BOM itself is not part of the text


def test_utf16_without_bom() -> None:
    text = "<html><body><p>一、总体情况</p></body></html>"
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_utf8_bom_with_gbk_body_falls_back() -> None:
    text = "五、存在的主要问题及改进情况"
    decoded, codec = decode(codecs.BOM_UTF8 + text.encode("gbk"))
    assert (decoded, codec) == (text, "gb18030")


# ------------------------------------------------------------------------------------- caller's choice


def test_explicit_encoding_wins() -> None:
    data = "规章".encode()
    assert decode(data, encoding="utf-8") == ("规章", "utf-8")
    assert decode(data, encoding="gbk")[1] == "gb18030"  # widened to the superset, decoded as asked


def test_explicit_gb2312_is_widened_to_gb18030() -> None:
    assert decode(OUTSIDE_GB2312.encode("gbk"), encoding="gb2312") == (OUTSIDE_GB2312, "gb18030")


def test_explicit_encoding_that_fails_raises() -> None:
    with pytest.raises(UndecodableError, match="utf-8"):
        decode("规章".encode("gbk"), encoding="utf-8")


def test_explicit_unknown_encoding_raises() -> None:
    with pytest.raises(UndecodableError, match="unknown encoding"):
        decode(b"abc", encoding="no-such-codec")


# ------------------------------------------------------------------------------------------ failures


def test_undecodable_garbage_raises_with_reason() -> None:
    garbage = bytes([0xFF, 0xFE, 0xFD]) * 3 + b"\x80\x80\xff" * 50
    with pytest.raises(UndecodableError) as info:
        decode(garbage[2:])  # no BOM left: 0xFD 0xFF … is neither UTF-8 nor GB18030
    message = str(info.value)
    assert "utf-8" in message
    assert "gb18030" in message
    assert isinstance(info.value, ReadError)


def test_undecodable_with_declaration_names_it() -> None:
    data = b'<meta charset="gb2312"><p>' + b"\xff\x80" * 20 + b"</p>"
    with pytest.raises(UndecodableError, match="gb2312"):
        decode(data)


def test_incomplete_last_character_is_tolerated() -> None:
    data = "总体情况".encode() + "况".encode()[:2]
    assert decode(data) == ("总体情况", "utf-8")
    gbk = "总体情况".encode("gbk") + b"\xc7"
    assert decode(gbk) == ("总体情况", "gb18030")


def test_empty_bytes() -> None:
    assert decode(b"") == ("", "utf-8")


def test_nul_characters_are_left_to_the_caller() -> None:
    assert decode(b"a\x00b") == ("a\x00b", "utf-8")


def test_bytearray_and_memoryview_are_accepted() -> None:
    assert decode(bytearray("规章".encode()))[0] == "规章"
    assert decode(memoryview("规章".encode()))[0] == "规章"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00\ufeff")))
def test_utf8_round_trip(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, "utf-8")


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_undecodable(data: bytes) -> None:
    try:
        text, codec = decode(data)
    except UndecodableError:
        return
    assert isinstance(text, str)
    assert codec


# ------------------------------------------------------------------------------------------- helpers


def test_normalise_encoding_name() -> None:
    assert normalise_encoding_name("GB_2312-80") == "gb18030"
    assert normalise_encoding_name(" 'gbk' ") == "gb18030"
    assert normalise_encoding_name("Big5") == "big5"
    assert normalise_encoding_name("UTF8") == "utf-8"
    assert normalise_encoding_name("latin-1") == "iso8859-1"
    assert normalise_encoding_name("") is None
    assert normalise_encoding_name("x-bogus") is None


def test_is_probably_html() -> None:
    assert is_probably_html("\n  <!DOCTYPE html>\n<html>")
    assert is_probably_html("<p>一、总体情况</p>")
    assert is_probably_html("<TABLE border=1>")
    assert not is_probably_html("一、总体情况\n规章\t0\t0\t0")
    assert not is_probably_html("x" * 5000 + "<table>")  # only the first 4 KB are looked at
