"""The documentation builds, its generated page is current, and its worked examples run."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import random
import subprocess
import sys
import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path
from types import ModuleType

import pytest

import goiar
import goiar.readers
import goiar.rules
from goiar.rules import RuleSet
from goiar.testing import lawful_values, make_report

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
PLUGIN = EXAMPLES / "plugin_package"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------------------------- mkdocs


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("material")
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("index", "model", "readers", "keys", "rules", "metrics", "plugins", "api"):
        assert (tmp_path / "site" / page / "index.html").exists() or page == "index", page
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert "goiar.records.to_pandas" in api
    assert "highlight" in api  # the Example: doctests are rendered as code


def test_keys_page_is_up_to_date() -> None:
    generator = _load(DOCS / "gen_keys.py", "gen_keys")
    assert (DOCS / "keys.md").read_text(encoding="utf-8") == generator.render(), "run: python docs/gen_keys.py"


def test_keys_page_lists_every_canonical_key() -> None:
    text = (DOCS / "keys.md").read_text(encoding="utf-8")
    for version in goiar.Template:
        for key in goiar.keys.canonical_keys(version, version):
            assert f"`{key}`" in text, key


# ------------------------------------------------------------------------------------------ notebook


def _exec_notebook(path: Path) -> dict[str, object]:
    """Run the code cells in order in one namespace; a cell's last expression is evaluated like Jupyter."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]), filename=f"{path.name}[{number}]")
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{path.name}[{number}]", "exec"), namespace)  # noqa: S102 - our own notebook
        if last is not None:
            namespace["_"] = eval(compile(ast.Expression(last.value), f"{path.name}[{number}]", "eval"), namespace)  # noqa: S307
    return namespace


def test_quickstart_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    path = EXAMPLES / "quickstart.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    if importlib.util.find_spec("nbclient") and importlib.util.find_spec("ipykernel"):
        import nbclient  # noqa: PLC0415 - optional
        import nbformat  # noqa: PLC0415

        document = nbformat.read(path, as_version=4)
        nbclient.NotebookClient(document, timeout=300, resources={"metadata": {"path": str(EXAMPLES)}}).execute()
        outputs = [output for cell in document.cells if cell.cell_type == "code" for output in cell.outputs]
        assert not [output for output in outputs if output.get("output_type") == "error"]
        assert any("requests.row_total" in json.dumps(output, ensure_ascii=False) for output in outputs)
    else:
        monkeypatch.chdir(EXAMPLES)
        namespace = _exec_notebook(path)
        failing = namespace["failing"]
        assert {"requests.row_total", "requests.column_total"} <= set(failing["rule"])  # type: ignore[index]
        reports = namespace["reports"]
        assert len(namespace["cells"]) == sum(len(goiar.flatten(r)) for r in reports)  # type: ignore[arg-type, attr-defined]
        assert str(namespace["_"]).startswith('<div class="goiar-report">')


# ------------------------------------------------------------------------------------ plug-in example


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    for name in [n for n in sys.modules if n.startswith("goiar_example_plugin")]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module("goiar_example_plugin")


def _markdown(tab_text: str) -> str:
    """A tab-separated report with every table written as a Markdown pipe table."""
    lines: list[str] = []
    in_table = False
    for line in tab_text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            lines.append("| " + " | ".join(cells) + " |")
            if not in_table:
                lines.append("|" + "---|" * len(cells))
            in_table = True
        else:
            lines.append(line)
            in_table = False
    return "\n".join(lines) + "\n"


def test_plugin_declares_both_entry_points(plugin: ModuleType) -> None:
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "goiar-example-plugin"
    points = project["entry-points"]
    assert set(points) == {goiar.readers.ENTRY_POINT_GROUP, goiar.rules.ENTRY_POINT_GROUP}
    reader_point = EntryPoint("markdown-table", points["goiar.readers"]["markdown-table"], "goiar.readers")
    rule_point = EntryPoint("x", points["goiar.rules"]["granted-exceeds-received"], "goiar.rules")
    assert isinstance(reader_point.load()(), goiar.Reader)
    assert rule_point.load() is plugin.granted_exceeds_received


def test_plugin_reader_reads_markdown_tables(plugin: ModuleType) -> None:
    render = pytest.importorskip("goiar.render").render
    report = make_report(lawful_values(random.Random(3)))  # noqa: S311 - test data
    text = _markdown(render(report, "tab"))
    registry = goiar.ReaderRegistry.default(discover=False).with_reader(plugin.MarkdownTableReader())
    assert registry.detect(text).name == "markdown-table"
    again = goiar.read(text, registry=registry)
    assert again.reader == "markdown-table"
    assert goiar.flatten(again) == goiar.flatten(report)
    assert registry.detect(render(report, "tab")).name == "tab"  # it does not steal other formats


def test_plugin_rule_fires_only_on_a_real_problem(plugin: ModuleType) -> None:
    rules = RuleSet.default(discover=False).add(plugin.granted_exceeds_received)
    for seed in range(20):
        assert goiar.validate(make_report(lawful_values(random.Random(seed))), rules) == []  # noqa: S311
    found = goiar.validate(make_report({"requests.granted.total": 5}), rules.select("example"))
    assert [(f.rule, f.path, f.expected, f.actual) for f in found] == [
        ("example.granted_exceeds_received", "requests.granted.total", 0, 5)
    ]
