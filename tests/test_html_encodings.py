"""The same HTML page in UTF-8 and as GBK bytes declared gb2312 reads the same."""

from __future__ import annotations

import random

import attrs

import goiar
from goiar.render import render
from goiar.testing import lawful_values, make_report


def test_utf8_and_gbk_declared_gb2312_read_the_same() -> None:
    report = make_report(lawful_values(random.Random(7)))  # noqa: S311 - test data, not cryptography
    report = attrs.evolve(report, meta=attrs.evolve(report.meta, organ="云溪县堃山镇人民政府"))
    page = render(report, "html")
    utf8 = goiar.read(page.encode("utf-8"))
    gbk_page = page.replace('charset="utf-8"', 'charset="gb2312"')
    assert 'charset="gb2312"' in gbk_page
    gbk = goiar.read(gbk_page.encode("gbk"))
    assert utf8.encoding == "utf-8"
    assert gbk.encoding == "gb18030"
    assert gbk.meta.organ == utf8.meta.organ == "云溪县堃山镇人民政府"
    assert goiar.flatten(gbk) == goiar.flatten(utf8) == goiar.flatten(report)
