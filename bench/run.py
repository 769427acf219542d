"""goiar benchmark: speed against pandas and lxml, text readers, memory, growth with input size, profile.

A script, not a test: it prints figures and whether each target is met; it never fails a build.
Run it from the repository root (``python bench/run.py --help``; ``bench/README.md`` explains).

Sections:

1. **HTML**: ``goiar.read`` + ``goiar.validate`` against ``pandas.read_html`` and a bare
   ``lxml.html.fromstring`` on the same generated pages, interleaved (round-robin per page, the order
   rotating), several repetitions, medians.  Targets: goiar/pandas <= 0.5, goiar/lxml <= 5.
2. **Text readers**: reports per second for ``tab``, ``cell-lines`` and ``run-together`` on rendered text
   (``read`` alone, and ``read`` + ``validate``).  Target: >= 1000/s on one core for tab and cell-lines.
3. **Memory** per ``Report`` (tracemalloc, reports kept alive) and pickled size.
4. **Input size**: seconds to read 1, 2, 4, 8 MB inputs (a report padded with narrative text, and the
   report repeated), each in a subprocess with a time limit; linear growth means an exponent near 1;
   a 10 MB input must read in under 10 s.
5. ``--only instructions`` (not in the default run: it needs valgrind and takes several minutes):
   instructions per page or report counted by callgrind, for goiar, pandas, lxml and the model floor.
   Counts do not depend on what else the machine is doing, so they compare two versions of goiar
   reliably where seconds on a shared machine vary by tens of percent.
6. ``--profile``: cProfile of the same workloads, goiar's functions only, by own time and cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import io
import json
import math
import os
import pickle
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html
from lxml import etree

import goiar
from goiar.model import Report, construct
from goiar.render import render
from goiar.testing import lawful_values, make_report

try:
    import pandas as pd  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover - pandas is an optional extra
    pd = None

GOIAR_ROOT = str(Path(goiar.__file__).resolve().parent)
TEXT_FORMATS = ("tab", "cell-lines", "run-together")
PAD_PARAGRAPH = (
    "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进政务公开工作。"
)


class SmallRandom(random.Random):
    """``randint(a, b)`` within ``a … a + 3``: township-sized figures (as ``tests/strategies.py``)."""

    def randint(self, a: int, b: int) -> int:
        return super().randint(a, min(b, a + 3))


# ------------------------------------------------------------------------------------------- helpers


def reports(n: int, seed: int, *, small: bool = False) -> list[goiar.Report]:
    rng: random.Random = SmallRandom(seed) if small else random.Random(seed)
    return [make_report(lawful_values(rng)) for _ in range(n)]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def fmt_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}\n")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


# ---------------------------------------------------------------------------------------------- html


def bench_html(n_pages: int, reps: int, seed: int) -> dict[str, float]:
    pages = [render(report, "html") for report in reports(n_pages, seed)]

    def run_goiar(page: str) -> None:
        goiar.validate(goiar.read(page, format="html"))

    def run_pandas(page: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pd.read_html(io.StringIO(page))

    def run_lxml(page: str) -> None:
        lxml.html.fromstring(page)

    floors = {page: model_floor(goiar.read(page, format="html")) for page in pages}

    def run_floor(page: str) -> None:
        floors[page]()

    tools: list[tuple[str, Callable[[str], None]]] = [
        ("goiar", run_goiar),
        ("lxml", run_lxml),
        ("model floor", run_floor),
    ]
    if pd is not None:
        tools.insert(1, ("pandas", run_pandas))
    for _, fn in tools:  # warm-up: imports, caches
        fn(pages[0])
    samples: dict[str, list[list[float]]] = {name: [[] for _ in pages] for name, _ in tools}
    for rep in range(reps):
        gc.collect()
        for index, page in enumerate(pages):
            shift = (index + rep) % len(tools)
            for name, fn in tools[shift:] + tools[:shift]:
                samples[name][index].append(timed(functools.partial(fn, page)))
    # per page the median over repetitions, then the median over pages
    per_page = {name: [statistics.median(s) for s in by_page] for name, by_page in samples.items()}
    medians = {name: statistics.median(values) for name, values in per_page.items()}
    ratios_pandas = [g / p for g, p in zip(per_page["goiar"], per_page.get("pandas", []), strict=False)]
    ratios_lxml = [g / x for g, x in zip(per_page["goiar"], per_page["lxml"], strict=True)]
    size = statistics.median(len(page) for page in pages)
    rows = [[name, fmt_seconds(value), f"{1 / value:,.0f}"] for name, value in medians.items()]
    table(
        f"HTML: {n_pages} generated pages (median {size:,.0f} chars), {reps} interleaved repetitions",
        ["tool", "median per page", "pages/s"],
        rows,
    )
    print()
    out = {"goiar": medians["goiar"], "lxml": medians["lxml"]}
    if ratios_pandas:
        ratio = statistics.median(ratios_pandas)
        out["pandas"] = medians["pandas"]
        out["goiar/pandas"] = ratio
        print(f"goiar read+validate / pandas.read_html = {ratio:.2f}   (target <= 0.5: {verdict(ratio <= 0.5)})")
    ratio = statistics.median(ratios_lxml)
    out["goiar/lxml"] = ratio
    print(f"goiar read+validate / lxml.html.fromstring = {ratio:.2f}   (target <= 5: {verdict(ratio <= 5)})")
    floor = statistics.median(f / x for f, x in zip(per_page["model floor"], per_page["lxml"], strict=True))
    out["floor/lxml"] = floor
    print(
        f"model floor / lxml.html.fromstring = {floor:.2f}   "
        "(only making the report's figures and sources, by the fastest constructors: no reading)"
    )
    return out


def model_floor(report: Report) -> Callable[[], None]:
    """A lower bound on any reader of this model: making the report's figures and their sources again.

    Uses :mod:`goiar.model.construct` (the cheapest way to make the frozen objects) on the values the
    report already holds; nothing is read, matched, checked or assembled.
    """
    cells = [figure for table in report.cells.values() for figure in table.values()]

    def build() -> None:
        make_source, make_figure = construct.source, construct.figure
        for f in cells:
            s = f.source
            where = make_source(s.line, s.offset, s.table, s.row, s.column, s.path) if s is not None else None
            make_figure(f.value, f.state, f.raw, where, f.obtained, f.identity, f.unit)

    return build


# ---------------------------------------------------------------------------------------------- text


def bench_text(n_reports: int, reps: int, seed: int, rt_reports: int, rt_budget: float) -> dict[str, float]:
    rows: list[list[str]] = []
    out: dict[str, float] = {}
    cases = [(fmt, False) for fmt in TEXT_FORMATS] + [("run-together", True)]
    for fmt, small in cases:
        count = rt_reports if fmt == "run-together" else n_reports
        originals = reports(count, seed, small=small)
        texts = [render(report, fmt) for report in originals]
        goiar.validate(goiar.read(texts[0], format=fmt))  # warm-up
        read_times: list[float] = []
        both_times: list[float] = []
        correct = 0
        started = time.perf_counter()
        for rep in range(reps):
            for original, text in zip(originals, texts, strict=True):
                t0 = time.perf_counter()
                report = goiar.read(text, format=fmt)
                t1 = time.perf_counter()
                goiar.validate(report)
                t2 = time.perf_counter()
                read_times.append(t1 - t0)
                both_times.append(t2 - t0)
                if rep == 0:
                    correct += goiar.flatten(report) == goiar.flatten(original)
            if time.perf_counter() - started > rt_budget and fmt == "run-together":
                break
        read_median = statistics.median(read_times)
        both_median = statistics.median(both_times)
        name = fmt + (" (small figures)" if small else "")
        target = fmt in {"tab", "cell-lines"}
        rows.append(
            [
                name,
                str(len(read_times)),
                fmt_seconds(read_median),
                f"{1 / read_median:,.0f}",
                f"{1 / both_median:,.0f}",
                f"{correct}/{count}",
                verdict(1 / read_median >= 1000) if target else "(no target)",
            ]
        )
        out[name] = 1 / read_median
        out[name + " +validate"] = 1 / both_median
        if target:
            floor = model_floor(goiar.read(texts[0], format=fmt))
            floor_times = [timed(floor) for _ in range(max(20, reps * 4))]
            out[name + " model floor/s"] = 1 / statistics.median(floor_times)
    table(
        "Text readers: one core, rendered reports",
        ["reader", "reads", "median read", "reports/s", "with validate/s", "flatten exact", "target >= 1000/s"],
        rows,
    )
    print()
    for fmt in ("tab", "cell-lines"):
        print(
            f"model floor ({fmt}): {out[fmt + ' model floor/s']:,.0f} reports/s "
            "(only making one report's figures and sources, by the fastest constructors: no reading)"
        )
    return out


# -------------------------------------------------------------------------------------------- memory


def bench_memory(n_reports: int, seed: int) -> dict[str, float]:
    texts = [render(report, "tab") for report in reports(n_reports, seed)]
    goiar.read(texts[0], format="tab")
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [goiar.read(text, format="tab") for text in texts]
    gc.collect()
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_report = (after - before) / len(kept)
    pickled = statistics.median(len(pickle.dumps(report)) for report in kept)
    text_size = statistics.median(len(text.encode()) for text in texts)
    table(
        f"Memory: {n_reports} reports read from tab text and kept alive (tracemalloc)",
        ["measure", "value"],
        [
            ["retained per Report", f"{per_report / 1024:,.1f} KiB"],
            ["peak while reading all", f"{(peak - before) / 1024 / 1024:,.1f} MiB"],
            ["pickled Report (median)", f"{pickled / 1024:,.1f} KiB"],
            ["input text (median, UTF-8)", f"{text_size / 1024:,.1f} KiB"],
        ],
    )
    return {"KiB per Report": per_report / 1024, "pickled KiB": pickled / 1024}


# ---------------------------------------------------------------------------------------------- size


def sized_input(fmt: str, mode: str, megabytes: float, seed: int) -> str:
    """A report of about ``megabytes`` million characters: padded with narrative, or repeated."""
    report = reports(1, seed)[0]
    base = render(report, fmt)
    target = int(megabytes * 1_000_000)
    if mode == "repeat":
        return ("\n" + base) * max(1, target // (len(base) + 1))
    anchor = base.index("一、总体情况") + len("一、总体情况")
    if fmt == "html":
        anchor = base.index(">", base.index("</", anchor)) + 1
        line = f"<p>{PAD_PARAGRAPH}</p>\n"
    else:
        line = f"{PAD_PARAGRAPH}\n"
    count = max(0, (target - len(base)) // len(line))
    return base[:anchor] + "\n" + line * count + base[anchor:]


def one_size(fmt: str, mode: str, megabytes: float, seed: int) -> None:
    """Child process: read one sized input and print JSON ``{"seconds": …, "chars": …}``."""
    text = sized_input(fmt, mode, megabytes, seed)
    goiar.read(render(reports(1, seed)[0], fmt), format=fmt)  # warm-up
    start = time.perf_counter()
    outcome = "ok"
    try:
        goiar.read(text, format=fmt)
    except goiar.ReadError as error:
        outcome = f"{type(error).__name__}: {error}"[:80]
    print(json.dumps({"seconds": time.perf_counter() - start, "chars": len(text), "outcome": outcome}))


def measure_size(fmt: str, mode: str, megabytes: float, seed: int, timeout: float) -> dict[str, object]:
    command = [sys.executable, __file__, "--one-size", fmt, mode, str(megabytes), "--seed", str(seed)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"seconds": math.inf, "outcome": f"timeout > {timeout:.0f} s"}
    except subprocess.CalledProcessError as error:
        return {"seconds": math.nan, "outcome": f"crash: {error.stderr.strip().splitlines()[-1][:80]}"}
    outcome: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return outcome


def bench_sizes(sizes: list[float], formats: list[str], seed: int, timeout: float) -> dict[str, object]:
    rows: list[list[str]] = []
    out: dict[str, object] = {}
    for fmt in formats:
        for mode in ("pad", "repeat"):
            times: list[float] = []
            for megabytes in sizes:
                if times and not math.isfinite(times[-1]):
                    times.append(math.inf)
                    continue
                result = measure_size(fmt, mode, megabytes, seed, timeout)
                times.append(float(result["seconds"]))  # type: ignore[arg-type]
                if result["outcome"] != "ok":
                    print(f"  {fmt} {mode} {megabytes} MB: {result['outcome']}")
            ten = measure_size(fmt, mode, 10, seed, timeout) if math.isfinite(times[-1]) else {"seconds": math.inf}
            ten_seconds = float(ten["seconds"])  # type: ignore[arg-type]
            finite = [(s, t) for s, t in zip(sizes, times, strict=True) if math.isfinite(t) and t > 0]
            exponent = (
                math.log(finite[-1][1] / finite[0][1]) / math.log(finite[-1][0] / finite[0][0])
                if len(finite) >= 2
                else math.nan
            )
            linear = math.isfinite(exponent) and exponent <= 1.25 and len(finite) == len(sizes)
            rows.append(
                [
                    fmt,
                    mode,
                    *[("> limit" if not math.isfinite(t) else f"{t:.2f}") for t in times],
                    f"{exponent:.2f}" if math.isfinite(exponent) else "-",
                    "yes" if linear else "NO",
                    "> limit" if not math.isfinite(ten_seconds) else f"{ten_seconds:.2f}",
                    verdict(ten_seconds < 10),
                ]
            )
            out[f"{fmt} {mode}"] = {"times": times, "exponent": exponent, "10MB": ten_seconds}
    table(
        f"Input size: seconds to read (subprocess, limit {timeout:.0f} s); exponent = log t / log size, 1 is linear",
        ["reader", "input", *[f"{s:g} MB" for s in sizes], "exponent", "linear", "10 MB", "10 MB < 10 s"],
        rows,
    )
    print("\npad: one report with narrative lines inserted after 一、总体情况; repeat: the report concatenated.")
    print("MB here means million characters of str input (goiar.read's max_chars counts characters).")
    return out


# ------------------------------------------------------------------------------------------- profile


def read_all(texts: list[str], fmt: str) -> list[Report]:
    return [goiar.read(text, format=fmt) for text in texts]


def profile(n_reports: int, seed: int, top: int) -> None:
    workloads: list[tuple[str, Callable[[], object]]] = []
    originals = reports(n_reports, seed)
    for fmt in ("html", "tab", "cell-lines"):
        texts = [render(report, fmt) for report in originals]
        workloads.append((f"{fmt} read ×{n_reports}", functools.partial(read_all, texts, fmt)))
    read = [goiar.read(render(report, "tab"), format="tab") for report in originals]
    workloads.append((f"validate ×{n_reports}", lambda: [goiar.validate(r) for r in read]))
    one = render(originals[0], "run-together")
    workloads.append(("run-together read ×1", lambda: goiar.read(one, format="run-together")))
    padded = sized_input("html", "pad", 0.5, seed)
    workloads.append(("html padded to 0.5 MB ×1", lambda: goiar.read(padded, format="html")))
    for name, fn in workloads:
        fn()  # warm-up
        profiler = cProfile.Profile()
        profiler.enable()
        fn()
        profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        total = stats.total_tt  # type: ignore[attr-defined]
        print(f"\n## Profile: {name} (total {total:.3f} s under cProfile)\n")
        for order in ("tottime", "cumulative"):
            entries = []
            for (path, line, func), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
                if path.startswith(GOIAR_ROOT) or (order == "tottime" and tottime > 0.05 * total):
                    short = os.path.relpath(path, str(Path(GOIAR_ROOT).parent)) if path.startswith(GOIAR_ROOT) else path
                    entries.append(
                        (tottime if order == "tottime" else cumtime, calls, tottime, cumtime, f"{short}:{line}({func})")
                    )
            entries.sort(reverse=True)
            print(f"top {top} by {order}:")
            print(f"  {'calls':>9}  {'own s':>7}  {'cum s':>7}  {'cum %':>5}  function")
            for _, calls, tottime, cumtime, where in entries[:top]:
                print(f"  {calls:>9}  {tottime:7.3f}  {cumtime:7.3f}  {100 * cumtime / total:5.1f}  {where}")


# -------------------------------------------------------------------------------------- instructions

WORKLOADS = (
    "goiar html",
    "pandas html",
    "lxml html",
    "model floor html",
    "goiar tab",
    "goiar cell-lines",
    "model floor tab",
)
"""What ``--instructions`` counts, each per page or report (read + validate for goiar on HTML, as above)."""


def one_workload(name: str, rounds: int, n_pages: int, seed: int) -> None:
    """Run workload ``name`` ``rounds`` times over ``n_pages`` inputs (the subprocess callgrind counts)."""
    tool, _, fmt = name.rpartition(" ")
    texts = [render(report, fmt) for report in reports(n_pages, seed)]
    runs: list[Callable[[], object]]
    if tool == "goiar" and fmt == "html":
        runs = [functools.partial(lambda t: goiar.validate(goiar.read(t, format="html")), t) for t in texts]
    elif tool == "goiar":
        runs = [functools.partial(goiar.read, t, format=fmt) for t in texts]
    elif tool == "pandas":
        runs = [functools.partial(lambda t: pd.read_html(io.StringIO(t)), t) for t in texts]
    elif tool == "lxml":
        runs = [functools.partial(lxml.html.fromstring, t) for t in texts]
    else:
        runs = [model_floor(goiar.read(t, format=fmt)) for t in texts]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for run in runs:  # warm-up: imports, caches
            run()
        gc.collect()
        gc.disable()  # collections come at arbitrary points: they would make the count vary
        for _ in range(rounds):
            for run in runs:
                run()


def bench_instructions(n_pages: int, seed: int) -> dict[str, float]:
    """Instructions per page or report, counted by callgrind: the same on a busy or an idle machine."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("\n## Instructions: valgrind is not installed, section skipped")
        return {}

    def count(name: str, rounds: int) -> int:
        command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__]
        command += ["--one-workload", name, str(rounds), "--pages", str(n_pages), "--seed", str(seed)]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            msg = f"callgrind printed no count for {name}"
            raise RuntimeError(msg)
        return int(found.group(1))

    out: dict[str, float] = {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        jobs = {(name, rounds): pool.submit(count, name, rounds) for name in WORKLOADS for rounds in (1, 3)}
        for name in WORKLOADS:
            # two runs differ only by two more rounds: start-up, imports and warm-up cancel out
            out[name] = (jobs[name, 3].result() - jobs[name, 1].result()) / (2 * n_pages)
    rows = [[name, f"{out[name] / 1e6:,.2f} M"] for name in WORKLOADS]
    table(f"Instructions (callgrind, {n_pages} inputs, gc off, PYTHONHASHSEED=0)", ["workload", "per input"], rows)
    print()
    for name, over in (("goiar html", "pandas html"), ("goiar html", "lxml html"), ("model floor html", "lxml html")):
        print(f"{name} / {over} = {out[name] / out[over]:.2f} in instructions")
    for name in ("goiar tab", "goiar cell-lines", "model floor tab"):
        print(f"{name}: {out[name] / 1e6:.2f} M instructions per report")
    return out


# ---------------------------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="HTML pages and text reports generated (default 30)")
    parser.add_argument("--reps", type=int, default=5, help="repetitions (default 5)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--rt-reports", type=int, default=3, help="run-together reports (slow; default 3)")
    parser.add_argument("--rt-budget", type=float, default=60.0, help="seconds for the run-together rows")
    parser.add_argument("--sizes", default="1,2,4,8", help="input sizes in MB (default 1,2,4,8)")
    parser.add_argument("--size-formats", default="tab,html", help="readers for the size section")
    parser.add_argument("--size-timeout", type=float, default=60.0, help="seconds per sized read (default 60)")
    parser.add_argument("--memory-reports", type=int, default=200)
    parser.add_argument("--only", default="html,text,memory,size", help="sections to run (comma-separated)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of each workload")
    parser.add_argument("--top", type=int, default=15, help="functions listed per profile")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--quick", action="store_true", help="small numbers: a smoke run of a minute or so")
    parser.add_argument("--one-size", nargs=3, metavar=("FORMAT", "MODE", "MB"), help=argparse.SUPPRESS)
    parser.add_argument("--one-workload", nargs=2, metavar=("NAME", "ROUNDS"), help=argparse.SUPPRESS)
    parser.add_argument("--instruction-pages", type=int, default=10, help="inputs per workload for --only instructions")
    args = parser.parse_args()
    if args.one_workload:
        one_workload(args.one_workload[0], int(args.one_workload[1]), args.pages, args.seed)
        return
    if args.one_size:
        fmt, mode, megabytes = args.one_size
        one_size(fmt, mode, float(megabytes), args.seed)
        return
    if args.quick:
        args.pages, args.reps, args.rt_reports, args.rt_budget = 8, 2, 1, 20.0
        args.sizes, args.size_timeout, args.memory_reports = "0.25,0.5,1", 20.0, 50
    sections = set(args.only.split(","))
    print(f"# goiar {goiar.__version__} benchmark")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"lxml {'.'.join(map(str, etree.LXML_VERSION))}, pandas {pd.__version__ if pd else 'absent'}"
    )
    summary: dict[str, object] = {}
    if "html" in sections:
        summary["html"] = bench_html(args.pages, args.reps, args.seed)
    if "text" in sections:
        summary["text"] = bench_text(args.pages, args.reps, args.seed, args.rt_reports, args.rt_budget)
    if "memory" in sections:
        summary["memory"] = bench_memory(args.memory_reports, args.seed)
    if "instructions" in sections:
        summary["instructions"] = bench_instructions(args.instruction_pages, args.seed)
    if "size" in sections:
        sizes = [float(s) for s in args.sizes.split(",")]
        summary["size"] = bench_sizes(sizes, args.size_formats.split(","), args.seed, args.size_timeout)
    if args.profile:
        profile(args.pages, args.seed, args.top)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, default=str, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
