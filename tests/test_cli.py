"""The command line, run as users run it: ``python -m goiar ...`` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import goiar
from goiar.records import FINDING_FIELDS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLE = ROOT / "examples" / "reports" / "yunling-2023-tab.txt"


def goiar_cli(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None):
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "goiar", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd,
        timeout=600,
        check=False,
    )


def seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]


@pytest.fixture
def warning_only(tmp_path: Path) -> Path:
    """The example report without its part 六: one structure.missing_section warning, nothing else."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "warning.txt"
    path.write_text("".join(line for line in lines if not line.startswith("六、其他需要报告的事项")), encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of two good reports and two bad files."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(seed("000"), folder / "a-good.txt")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-not-a-report.txt").write_text("这只是一段普通的文字，不是年度报告。\n" * 3, encoding="utf-8")
    shutil.copy(EXAMPLE, folder / "d-good.txt")
    return folder


# ---------------------------------------------------------------------------------------- exit codes


def test_clean_reports_exit_0() -> None:
    result = goiar_cli("check", seed("000"), seed("001"), EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert "龙口市兰高镇人民政府 2023 (template 2021, tab)" in result.stdout
    assert result.stdout.count("no findings") == 3


def test_info_findings_only_exit_0() -> None:
    result = goiar_cli("check", seed("004"))
    assert result.returncode == 0, result.stderr
    assert "cell.inferred" in result.stdout


def test_warnings_exit_1(warning_only: Path) -> None:
    result = goiar_cli("check", warning_only)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "structure.missing_section" in result.stdout


def test_errors_exit_2() -> None:
    result = goiar_cli("check", seed("000"), seed("003"))
    assert result.returncode == 2
    assert "requests.column_total" in result.stdout
    assert "error" in result.stdout


def test_min_severity_hides_lesser_findings() -> None:
    result = goiar_cli("check", seed("004"), "--min-severity", "warning")
    assert result.returncode == 0
    assert "cell.inferred" not in result.stdout
    assert "no findings" in result.stdout


def test_a_bad_file_among_good_ones(mixed: Path) -> None:
    missing = mixed / "e-no-such-file.txt"
    result = goiar_cli("check", mixed, missing)
    assert result.returncode == 3
    assert "a-good.txt: 龙口市兰高镇人民政府" in result.stdout
    assert "d-good.txt: 青禾县云岭镇人民政府" in result.stdout
    for name in ("b-empty.txt", "c-not-a-report.txt", "e-no-such-file.txt"):
        assert f"{name}: cannot read" in result.stderr
    assert result.stdout.count("no findings") == 2


def test_unreadable_wins_over_errors(mixed: Path) -> None:
    result = goiar_cli("check", mixed, seed("003"))
    assert result.returncode == 3
    assert "兰陵县新兴镇人民政府" in result.stdout


def test_format_names_the_reader(tmp_path: Path) -> None:
    assert goiar_cli("check", seed("000"), "--format", "tab").returncode == 0
    result = goiar_cli("check", seed("000"), "--format", "pdf")
    assert result.returncode == 3
    assert "no reader named 'pdf'" in result.stderr


# ------------------------------------------------------------------------------------- JSON and CSV


def test_json_output_parses(mixed: Path) -> None:
    result = goiar_cli("check", "--json", mixed, seed("003"))
    assert result.returncode == 3
    assert result.stderr == ""
    records = json.loads(result.stdout)
    by_file = {Path(r["file"]).name: r for r in records}
    assert len(records) == 5
    assert by_file["a-good.txt"]["findings"] == []
    assert by_file["a-good.txt"]["organ"] == "龙口市兰高镇人民政府"
    assert by_file["a-good.txt"]["template"] == "2021"
    assert by_file["b-empty.txt"]["error"].startswith("EmptyInputError")
    assert "error" in by_file["c-not-a-report.txt"]
    rules = {f["rule"] for f in by_file[seed("003").name]["findings"]}
    assert {"requests.column_total", "requests.balance", "template.mixed"} <= rules


def test_json_of_every_seed() -> None:
    seed("000")  # skips without the seeds
    result = goiar_cli("check", "--json", SEEDS)
    records = json.loads(result.stdout)
    assert [r["year"] for r in records] == [2023] * 5
    assert result.returncode == 2


def test_csv_output_has_one_row_per_finding(mixed: Path) -> None:
    result = goiar_cli("check", "--csv", mixed, seed("003"))
    assert result.returncode == 3
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["file", "error", *FINDING_FIELDS]
    errors = {Path(r["file"]).name for r in rows if r["error"]}
    assert errors == {"b-empty.txt", "c-not-a-report.txt"}
    findings = [r for r in rows if not r["error"]]
    expected = goiar.validate(goiar.read(seed("003").read_bytes()))
    assert len(findings) == len(expected)
    assert {r["organ"] for r in findings} == {"兰陵县新兴镇人民政府"}
    column_total = next(r for r in findings if r["rule"] == "requests.column_total")
    assert (column_total["expected"], column_total["actual"], column_total["severity"]) == ("4", "0", "error")


def test_json_and_csv_exclude_each_other() -> None:
    result = goiar_cli("check", "--json", "--csv", EXAMPLE)
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


# -------------------------------------------------------------------------------------------- progress

FAKE_TQDM = """
import sys

class tqdm:
    def __init__(self, iterable, **kwargs):
        self.iterable = list(iterable)
        print(f"FAKE-TQDM {len(self.iterable)} {kwargs.get('unit')}", file=sys.stderr)

    def __iter__(self):
        return iter(self.iterable)

    @staticmethod
    def write(line, file=None):
        print(line, file=file)
"""


@pytest.fixture
def fake_tqdm(tmp_path: Path) -> dict[str, str]:
    package = tmp_path / "fake" / "tqdm"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(FAKE_TQDM, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(package.parent), os.environ.get("PYTHONPATH", "")])}


def test_progress_bar_on_long_runs(tmp_path: Path, fake_tqdm: dict[str, str]) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(21):
        shutil.copy(EXAMPLE, folder / f"report-{index:02}.txt")
    result = goiar_cli("check", folder, env=fake_tqdm)
    assert result.returncode == 0, result.stderr
    assert "FAKE-TQDM 21 file" in result.stderr
    assert result.stdout.count("no findings") == 21
    quiet = goiar_cli("check", folder, "--no-progress", env=fake_tqdm)
    assert "FAKE-TQDM" not in quiet.stderr
    assert quiet.stdout == result.stdout


def test_no_progress_bar_on_short_runs(fake_tqdm: dict[str, str]) -> None:
    result = goiar_cli("check", EXAMPLE, seed("000"), env=fake_tqdm)
    assert result.returncode == 0
    assert "FAKE-TQDM" not in result.stderr


# ------------------------------------------------------------------------------------------- show


def test_show_prints_the_tables() -> None:
    result = goiar_cli("show", seed("004"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "青岛西海岸新区大场镇人民政府 2023年（template 2021）"
    assert "三、收到和处理政府信息公开申请情况（2021年版）" in lines
    granted = next(line for line in lines if line.endswith("（一）予以公开"))
    assert granted.split()[:7] == ["11", "0", "0", "0", "0", "0", "11"]
    assert any(line.endswith("行政复议") and line.split()[0] == "1" for line in lines)


def test_show_unreadable_file_exits_3(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = goiar_cli("show", empty)
    assert result.returncode == 3
    assert "cannot read" in result.stderr


# ------------------------------------------------------------------------------------------- render


@pytest.mark.parametrize("fmt", ["html", "tab", "cell-lines"])
def test_render_round_trips(fmt: str, tmp_path: Path) -> None:
    pytest.importorskip("goiar.render")
    source = seed("000")
    result = goiar_cli("render", source, "--format", fmt)
    assert result.returncode == 0, result.stderr
    again = goiar.read(result.stdout, format=fmt)
    assert goiar.flatten(again) == goiar.flatten(goiar.read(source.read_bytes()))
    target = tmp_path / f"out.{fmt}"
    assert goiar_cli("render", source, "--format", fmt, "-o", target).returncode == 0
    assert target.read_text(encoding="utf-8").rstrip("\n") == result.stdout.rstrip("\n")


def test_render_rejects_unknown_formats() -> None:
    result = goiar_cli("render", EXAMPLE, "--format", "pdf")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_render_without_a_renderer_says_so() -> None:
    code = (
        "import sys; sys.modules['goiar.render'] = None\n"
        "from goiar.cli import main\n"
        f"sys.exit(main(['render', {str(EXAMPLE)!r}, '--format', 'tab']))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert result.returncode == 2
    assert "no renderer" in result.stderr
