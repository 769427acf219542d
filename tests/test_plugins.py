"""Reader plug-ins through a real ``goiar.readers`` entry point (an installed distribution's metadata)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

import goiar
from goiar.errors import RegistryError, UnknownFormatError
from goiar.readers import registry as registry_module
from goiar.readers.registry import ReaderRegistry

TOY = '''
from goiar.blocks import Blocks, Grid, Paragraph, RawCell


class PipeReader:
    """Markdown-style pipe tables: | label | 1 | 0 |."""

    name = "pipe"

    def sniff(self, text):
        return 0.99 if text.count("|") > 20 else 0.0

    def read(self, text):
        items, rows = [], []
        for line in text.splitlines():
            if line.startswith("|"):
                rows.append(tuple(RawCell(text=c.strip()) for c in line.strip("|").split("|")))
            elif line.strip():
                if rows:
                    items.append(Grid(rows=tuple(rows)))
                    rows = []
                items.append(Paragraph(text=line.strip()))
        if rows:
            items.append(Grid(rows=tuple(rows)))
        return Blocks(items=tuple(items), reader=self.name)
'''


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "toy_goiar_pipe.py").write_text(TOY, encoding="utf-8")
    dist = tmp_path / "toy_goiar_pipe-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-goiar-pipe\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[goiar.readers]\npipe = toy_goiar_pipe:PipeReader\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry_module._discovered.cache_clear()
    yield tmp_path
    registry_module._discovered.cache_clear()
    sys.modules.pop("toy_goiar_pipe", None)


def test_entry_point_reader_is_discovered_and_used(installed_plugin: Path) -> None:
    registry = ReaderRegistry.default()
    assert "pipe" in registry.names
    assert "pipe" not in ReaderRegistry.default(discover=False).names
    rows = "\n".join(
        f"| {label} | " + " | ".join(str(v) for v in values) + " |"
        for label, values in [
            ("一、本年新收政府信息公开申请数量", [2, 0, 0, 0, 0, 0, 2]),
            ("（一）予以公开", [2, 0, 0, 0, 0, 0, 2]),
            ("（七）总计", [2, 0, 0, 0, 0, 0, 2]),
        ]
    )
    text = f"示例镇2023年政府信息公开工作年度报告\n一、总体情况\n三、收到和处理政府信息公开申请情况\n{rows}\n"
    report = goiar.read(text, registry=registry)
    assert report.reader == "pipe"
    assert report.requests is not None
    assert report.requests.granted.total.value == 2


def test_broken_entry_point_is_a_registry_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dist = tmp_path / "broken_goiar-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-goiar\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[goiar.readers]\nbroken = no_such_module_xyz:Reader\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry_module._discovered.cache_clear()
    try:
        with pytest.raises(RegistryError, match="broken"):
            ReaderRegistry.default()
    finally:
        registry_module._discovered.cache_clear()


def test_registry_is_immutable_and_rejects_duplicates() -> None:
    registry = ReaderRegistry.default(discover=False)
    reader = registry.get("tab")
    with pytest.raises(RegistryError, match="twice"):
        registry.with_reader(reader)
    assert registry.without("tab").names == ("html", "cell-lines", "run-together")
    assert registry.names == ("html", "tab", "cell-lines", "run-together")
    with pytest.raises(UnknownFormatError, match="no reader named"):
        registry.get("pdf")


def test_unusable_input_says_why() -> None:
    with pytest.raises(goiar.EmptyInputError):
        goiar.read("   \n")
    with pytest.raises(goiar.ReadError, match="path or URL"):
        goiar.read("reports/2023.txt")
    with pytest.raises(goiar.NotAReportError):
        goiar.read("这是一段与政府信息公开无关的文字。" * 3, format="run-together")
    with pytest.raises(TypeError):
        goiar.read(123)  # type: ignore[arg-type]
    text = textwrap.dedent("""\
        hello world, nothing here
        """)
    with pytest.raises(goiar.ReadError):
        goiar.read(text)
