"""Parquet write and read throughput: Lode against pyarrow, side by side.

Run it through `scripts/bench-parquet`, which builds `lode-bench` in release mode
first. This script generates the orders table (Benchmarks/orders_table.py), writes
it once with pyarrow as the shared input, then times, each in a fresh process so
that peak memory is per measurement and each `--repeats` times:

  write  pyarrow `pq.write_table` vs Lode's `ParquetWriter`, both from the table
         already in memory (loading it is not timed), snappy, default options;
  read   pyarrow `pq.read_table` vs Lode's `ParquetReader` reading every row group,
         of the pyarrow-written file and of the Lode-written file.

It checks that every reader sees the same row count and per-column checksums,
prints a table and replaces the Parquet section of BENCHMARKS.md.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import pyarrow as pa
import pyarrow.parquet as pq

from bench_report import git_commit, machine, replace_section, swift_version  # noqa: F401  (re-exported)
from orders_table import orders
from pyarrow_worker import checksums

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION_START = "<!-- bench-parquet:start -->"
SECTION_END = "<!-- bench-parquet:end -->"
INTRO = """# Benchmarks

This file is the project's benchmark record; each section is rewritten by the
command that produces it, on the machine described in the section. Parquet
write/read throughput against pyarrow: `scripts/bench-parquet [--rows N] [--keep]`
(default 10,000,000 rows; builds `lode-bench` in release mode, installs the
oracles into `.venv`, and runs `Benchmarks/parquet_bench.py`, which replaces the
section between the `bench-parquet` markers). Ratios are pyarrow's time divided by
Lode's: 1.0 or more means Lode is at least as fast.
"""


@dataclass
class Runs:
    """The repeated runs of one measurement."""
    label: str
    results: list = field(default_factory=list)

    @property
    def best(self) -> dict:
        return min(self.results, key=lambda r: r["seconds"])

    @property
    def seconds(self) -> float:
        return self.best["seconds"]

    @property
    def cpu_seconds(self) -> float:
        return min(r["cpu_seconds"] for r in self.results)

    @property
    def spread(self) -> float:
        times = [r["seconds"] for r in self.results]
        return (max(times) - min(times)) / min(times)

    @property
    def peak_mib(self) -> float:
        return max(r["peak_kib"] for r in self.results) / 1024

    @property
    def baseline_mib(self) -> float:
        return max(r["peak_kib_before_timing"] for r in self.results) / 1024


def measure(command: list) -> dict:
    """Runs `command`, which prints one JSON line with its own peak RSS (`VmHWM`), and
    adds the `ru_maxrss` that `wait4` reports for it.

    The worker's own figure is the one reported: on Linux `ru_maxrss` also holds the
    high-water mark of the image the child ran before `exec` — a copy of this
    process, generated table included — so it is only an upper bound."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{err}")
    result = json.loads(out.strip().splitlines()[-1])
    result["wait4_maxrss_kib"] = usage.ru_maxrss  # KiB on Linux
    return result


def compare(expected: list, rows: int, result: dict, what: str) -> list:
    """Differences between `result`'s row count and checksums and the expected ones."""
    problems = []
    if result["rows"] != rows:
        problems.append(f"{what}: {result['rows']} rows, expected {rows}")
    got = {c["name"]: c for c in result["checksums"]}
    for want in expected:
        have = got.get(want["name"])
        if have is None:
            problems.append(f"{what}: column {want['name']} missing")
            continue
        if have["nulls"] != want["nulls"]:
            problems.append(f"{what}: {want['name']} has {have['nulls']} nulls, expected {want['nulls']}")
        a, b = have["sum"], want["sum"]
        same = a == b if isinstance(b, int) else (a is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b)))
        if not same:
            problems.append(f"{what}: {want['name']} sums to {a}, expected {b}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lode-bench", required=True, help="path of the release-built lode-bench")
    parser.add_argument("--data-dir", default=str(ROOT / "bench-data"))
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument("--markdown", default=str(ROOT / "BENCHMARKS.md"),
                        help="file whose Parquet section is replaced ('' to skip)")
    args = parser.parse_args()

    data = Path(args.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, data)
    finally:
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)


def run(args, data: Path) -> int:
    started = datetime.datetime.now(datetime.timezone.utc)
    host = machine()
    print(f"Generating {args.rows:,} rows…", flush=True)
    table = orders(args.rows)
    memory_bytes = table.nbytes
    expected = checksums(table)
    shared = data / "input-pyarrow.parquet"
    pq.write_table(table, shared, compression="snappy")
    del table

    python = sys.executable
    worker = str(HERE / "pyarrow_worker.py")
    lode = args.lode_bench
    pa_out, lode_out = data / "written-by-pyarrow.parquet", data / "written-by-lode.parquet"
    measurements = {
        "write/pyarrow": (Runs("pyarrow write"), [python, worker, "write", str(shared), str(pa_out)]),
        "write/lode": (Runs("Lode write"), [lode, "write", str(shared), str(lode_out)]),
        "read-pa/pyarrow": (Runs("pyarrow read of pyarrow file"), [python, worker, "read", str(shared)]),
        "read-pa/lode": (Runs("Lode read of pyarrow file"), [lode, "read", str(shared)]),
        "read-lode/pyarrow": (Runs("pyarrow read of Lode file"), [python, worker, "read", str(lode_out)]),
        "read-lode/lode": (Runs("Lode read of Lode file"), [lode, "read", str(lode_out)]),
    }
    problems = []
    for repeat in range(args.repeats):
        for key, (runs, command) in measurements.items():
            print(f"  [{repeat + 1}/{args.repeats}] {runs.label}…", end=" ", flush=True)
            result = measure(command)
            print(f"{result['seconds']:.3f} s, peak {result['peak_kib'] / 1024:.0f} MiB", flush=True)
            runs.results.append(result)
            if repeat == 0:
                problems += compare(expected, args.rows, result, runs.label)
    finished = datetime.datetime.now(datetime.timezone.utc)

    report = Report(
        rows=args.rows, repeats=args.repeats, memory_bytes=memory_bytes, host=host,
        load_after=os.getloadavg(), started=started, finished=finished,
        sizes={"pyarrow": os.path.getsize(pa_out), "lode": os.path.getsize(lode_out), "input": os.path.getsize(shared)},
        runs={k: v[0] for k, v in measurements.items()}, problems=problems,
        threads=measurements["read-pa/pyarrow"][0].results[0]["threads"],
    )
    print()
    print(report.terminal())
    if args.markdown:
        write_section(Path(args.markdown), report.markdown())
        print(f"\nWrote the Parquet section of {args.markdown}")
    return 1 if problems else 0


@dataclass
class Report:
    rows: int
    repeats: int
    memory_bytes: int
    host: dict
    load_after: tuple
    started: datetime.datetime
    finished: datetime.datetime
    sizes: dict
    runs: dict
    problems: list
    threads: dict

    def pairs(self):
        """(operation, pyarrow runs, Lode runs) for each comparison."""
        r = self.runs
        return [("write (table in memory → file)", r["write/pyarrow"], r["write/lode"]),
                ("read pyarrow-written file", r["read-pa/pyarrow"], r["read-pa/lode"]),
                ("read Lode-written file", r["read-lode/pyarrow"], r["read-lode/lode"])]

    def rows_per_second(self, runs: Runs) -> str:
        return f"{self.rows / runs.seconds / 1e6:.2f} M"

    def megabytes_per_second(self, runs: Runs) -> str:
        return f"{self.memory_bytes / runs.seconds / 1e6:.0f}"

    def terminal(self) -> str:
        lines = [f"{self.rows:,} rows, {self.memory_bytes / 1e6:.0f} MB in memory (Arrow), best of {self.repeats}",
                 f"{'operation':32} {'pyarrow s':>10} {'Lode s':>10} {'ratio':>6} {'pa rows/s':>10} "
                 f"{'Lode rows/s':>11} {'pa CPU s':>9} {'Lode CPU s':>10} {'pa MiB':>7} {'Lode MiB':>8}"]
        for name, pa_runs, lode_runs in self.pairs():
            lines.append(f"{name:32} {pa_runs.seconds:10.3f} {lode_runs.seconds:10.3f} "
                         f"{pa_runs.seconds / lode_runs.seconds:6.2f} {self.rows_per_second(pa_runs):>10} "
                         f"{self.rows_per_second(lode_runs):>11} {pa_runs.cpu_seconds:9.2f} "
                         f"{lode_runs.cpu_seconds:10.2f} {pa_runs.peak_mib:7.0f} {lode_runs.peak_mib:8.0f}")
        lines.append(f"file sizes: pyarrow {self.sizes['pyarrow']:,} B, Lode {self.sizes['lode']:,} B")
        lines.append(f"load average: {self.host['load'][0]:.2f} at the start, {self.load_after[0]:.2f} at the end")
        lines.append("correctness: " + ("row counts and checksums match" if not self.problems
                                        else "MISMATCH\n  " + "\n  ".join(self.problems)))
        return "\n".join(lines)

    def markdown(self) -> str:
        h = self.host
        out = [
            "## Parquet write and read vs pyarrow",
            "",
            f"Measured {self.started:%Y-%m-%d %H:%M} UTC by `scripts/bench-parquet --rows {self.rows}`.",
            "",
            f"- Machine: {h['cores']} cores ({h['cpu']}), {h['memory_gib']:.1f} GiB memory, {h['os']}; "
            f"shared, load average {h['load'][0]:.2f} at the start and {self.load_after[0]:.2f} at the end.",
            f"- Versions: Lode `{git_commit()}` (release build, {swift_version()}); pyarrow {pa.__version__}, "
            f"numpy {numpy.__version__}, Python {platform.python_version()}.",
            f"- Threads: pyarrow's CPU pool {self.threads['cpu_count']}, I/O pool {self.threads['io_thread_count']}, "
            "`use_threads` on (its default); Lode decodes and encodes columns in parallel with Dispatch "
            f"over the {h['cores']} cores.",
            f"- Data: {self.rows:,} rows × 10 columns (Benchmarks/orders_table.py: int64 id, int32 customer, "
            "nullable int32 quantity, float64 amount, nullable float64 discount, date32, timestamp[us, UTC], "
            "5 repeated status strings, ~50 nullable country strings, bool), "
            f"{self.memory_bytes / 1e6:,.0f} MB in memory as Arrow. Snappy, every other option at its default; "
            "both write row groups of up to 1,048,576 rows.",
            f"- File sizes: pyarrow {self.sizes['pyarrow']:,} bytes, Lode {self.sizes['lode']:,} bytes "
            f"({self.sizes['lode'] / self.sizes['pyarrow']:.3f}× pyarrow's).",
            f"- Each measurement runs {self.repeats} times, each in a fresh process; times are the best run, "
            "the spread is (slowest − fastest) / fastest. Write times exclude loading the table; read times "
            "include opening the file, all columns into memory, page cache warm. Throughput in MB/s is the "
            "table's in-memory Arrow size over the time. CPU seconds are those of all the process's threads during "
            "the timed part (least of the runs): less sensitive than wall time to other work on a shared machine. "
            "Peak RSS is the measuring process's high-water mark "
            "(`VmHWM`; largest of the runs) up to the end of the timed part: it includes the interpreter or binary "
            "and, for writes, the table loaded beforehand (in brackets: the peak before the timed part began).",
            "- Correctness: " + ("row counts and per-column null counts and sums from every read (both readers, "
                                 "both files) match the generated table." if not self.problems
                                 else "**MISMATCH** — " + "; ".join(self.problems)),
            "",
            "| Operation | pyarrow s (spread) | Lode s (spread) | Ratio pyarrow/Lode | pyarrow rows/s | Lode rows/s "
            "| pyarrow MB/s | Lode MB/s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, pa_runs, lode_runs in self.pairs():
            out.append(
                f"| {name} | {pa_runs.seconds:.3f} ({pa_runs.spread:.0%}) | {lode_runs.seconds:.3f} "
                f"({lode_runs.spread:.0%}) | **{pa_runs.seconds / lode_runs.seconds:.2f}** | "
                f"{self.rows_per_second(pa_runs)} | {self.rows_per_second(lode_runs)} | "
                f"{self.megabytes_per_second(pa_runs)} | {self.megabytes_per_second(lode_runs)} |")
        out += [
            "",
            "| Operation | pyarrow CPU s | Lode CPU s | CPU ratio pyarrow/Lode | pyarrow peak RSS MiB (before) "
            "| Lode peak RSS MiB (before) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, pa_runs, lode_runs in self.pairs():
            out.append(
                f"| {name} | {pa_runs.cpu_seconds:.2f} | {lode_runs.cpu_seconds:.2f} | "
                f"{pa_runs.cpu_seconds / lode_runs.cpu_seconds:.2f} | {pa_runs.peak_mib:,.0f} "
                f"({pa_runs.baseline_mib:,.0f}) | {lode_runs.peak_mib:,.0f} ({lode_runs.baseline_mib:,.0f}) |")
        return "\n".join(out) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replaces the text between the bench-parquet markers (or appends it)."""
    replace_section(path, section, SECTION_START, SECTION_END, INTRO)


if __name__ == "__main__":
    sys.exit(main())
