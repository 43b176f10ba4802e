"""TPC-H: the 22 queries over the same Parquet files with Lode and DuckDB, both on the
same number of threads, in one run.

Run it through `scripts/bench-tpch`, which builds `lode` in release mode and generates the
data first. Each query runs `--repeats` times per engine and the best time counts:

  Lode    `lode sql QUERY --threads N --format json`, a fresh process per run, timed from
          outside (process start included; `lode sql "SELECT 1"` shows what that costs);
          peak RSS from `/usr/bin/time -f %M`;
  DuckDB  a worker process per query (Benchmarks/tpch_duckdb_worker.py) with
          `SET threads = N`, timed around `fetchall()`; peak RSS is the worker's `VmHWM`,
          Python and DuckDB's baseline included.

Lode's answers are checked against DuckDB's (Tests/Interop/tpch.py): a query that fails
is recorded as `error`, one that answers differently as `wrong`, and the run goes on. The
markdown table (query, Lode s, DuckDB s, ratio Lode/DuckDB, peak memory, geometric mean
over the queries both engines answered right) is printed and written between the
bench-tpch markers of BENCHMARKS.md.
"""

import argparse
import datetime
import json
import math
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "Tests" / "Interop"))
sys.path.insert(0, str(HERE))

import tpch  # noqa: E402
from bench_report import git_commit, machine, replace_section, swift_version  # noqa: E402

SECTION_START = "<!-- bench-tpch:start -->"
SECTION_END = "<!-- bench-tpch:end -->"


@dataclass
class Engine:
    """One engine's runs of one query."""
    seconds: list = field(default_factory=list)
    peak_kib: int = 0
    status: str = "ok"       # ok, error, wrong, timeout
    detail: str = ""

    @property
    def best(self) -> float | None:
        return min(self.seconds) if self.seconds and self.status == "ok" else None


@dataclass
class QueryResult:
    number: int
    lode: Engine
    duckdb: Engine

    @property
    def ratio(self) -> float | None:
        if self.lode.best is None or self.duckdb.best is None:
            return None
        return self.lode.best / self.duckdb.best


def run_lode(lode: Path, query: str, threads: int, repeats: int, timeout: float, lake: Path,
             types: list, expected: list, ordered: bool) -> Engine:
    engine = Engine()
    command = ["/usr/bin/time", "-f", "%M", "-o", str(lake / "time.txt"), str(lode), "sql", query,
               "--threads", str(threads), "--format", "json", "--lake", str(lake)]
    for attempt in range(repeats):
        start = time.perf_counter()
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            engine.status, engine.detail = "timeout", f"over {timeout:.0f} s"
            return engine
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            message = (process.stderr.strip().splitlines() or [f"exit status {process.returncode}"])[-1]
            engine.status, engine.detail = "error", message[:200]
            return engine
        engine.seconds.append(elapsed)
        try:
            engine.peak_kib = max(engine.peak_kib, int((lake / "time.txt").read_text().split()[-1]))
        except (OSError, ValueError, IndexError):
            pass
        if attempt == 0:
            try:
                problems = tpch.compare(types, expected, tpch.lode_json_rows(process.stdout), ordered)
            except ValueError as error:
                problems = [f"unreadable output: {error}"]
            if problems:
                engine.status, engine.detail = "wrong", problems[0][:200]
                return engine
    return engine


def run_duckdb(python: str, data: Path, number: int, threads: int, repeats: int) -> Engine:
    command = [python, str(HERE / "tpch_duckdb_worker.py"), str(data), str(number),
               "--repeats", str(repeats), "--threads", str(threads)]
    process = subprocess.run(command, capture_output=True, text=True)
    if process.returncode != 0:
        return Engine(status="error", detail=(process.stderr.strip().splitlines() or ["failed"])[-1][:200])
    result = json.loads(process.stdout.strip().splitlines()[-1])
    return Engine(seconds=result["seconds"], peak_kib=result["peak_kib"])


def startup_seconds(lode: Path, lake: Path) -> float | None:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        process = subprocess.run([str(lode), "sql", "SELECT 1", "--lake", str(lake)], capture_output=True)
        if process.returncode != 0:
            return None
        times.append(time.perf_counter() - start)
    return min(times)


def geometric_mean(values: list) -> float | None:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def cell(engine: Engine) -> str:
    return f"{engine.best:.3f}" if engine.best is not None else f"**{engine.status}**"


def markdown(results: list, args, startup: float | None) -> str:
    info = machine()
    ratios = [r.ratio for r in results if r.ratio is not None]
    mean = geometric_mean(ratios)
    worst = max(results, key=lambda r: r.ratio or 0.0) if ratios else None
    lode_peak = max((r.lode.peak_kib for r in results), default=0) / 1024
    duck_peak = max((r.duckdb.peak_kib for r in results), default=0) / 1024
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        f"## TPC-H scale factor {args.scale}: Lode against DuckDB",
        "",
        f"Measured {now} by `scripts/bench-tpch {args.scale}` on commit {git_commit()}: {info['cores']} cores "
        f"({info['cpu']}), {info['memory_gib']:.0f} GiB, {info['os']}; {swift_version()}; DuckDB "
        f"{__import__('duckdb').__version__}. Both engines on {args.threads} threads over the same "
        f"tpchgen-cli Parquet files; best of {args.repeats} runs per query. Lode runs `lode sql` in a fresh "
        f"process per run (start-up included"
        + (f", {startup * 1000:.0f} ms for `SELECT 1`" if startup is not None else "")
        + "); DuckDB is timed inside one worker process per query. Peak RSS: Lode's process "
        "(`/usr/bin/time`), DuckDB's worker (Python included). Ratio is Lode's time over DuckDB's: "
        "below 1.0 Lode is faster.",
        "",
        "| Query | Lode s | DuckDB s | Lode/DuckDB | Lode peak MiB | DuckDB peak MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "–"
        out.append(f"| Q{r.number:02d} | {cell(r.lode)} | {cell(r.duckdb)} | {ratio} | "
                   f"{r.lode.peak_kib / 1024:,.0f} | {r.duckdb.peak_kib / 1024:,.0f} |")
    mean_text = f"{mean:.2f}" if mean is not None else "–"
    out.append(f"| **Geometric mean** ({len(ratios)} of {len(results)}) | | | **{mean_text}** | "
               f"{lode_peak:,.0f} | {duck_peak:,.0f} |")
    out.append("")
    if worst is not None:
        out.append(f"Slowest relative to DuckDB: Q{worst.number:02d} at {worst.ratio:.2f}×. "
                   "Targets: geometric mean ≤ 3, no query above 10.")
    failures = [r for r in results if r.lode.status != "ok" or r.duckdb.status != "ok"]
    if failures:
        out.append("")
        out.append("Not measured:")
        out.append("")
        for r in failures:
            for name, engine in (("Lode", r.lode), ("DuckDB", r.duckdb)):
                if engine.status != "ok":
                    out.append(f"- Q{r.number:02d} {name} {engine.status}: `{engine.detail}`")
    return "\n".join(out) + "\n"


def write_section(path: Path, section: str) -> None:
    replace_section(path, section, SECTION_START, SECTION_END)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lode", type=Path, required=True, help="the lode executable (release build)")
    parser.add_argument("--data", type=Path, required=True, help="folder of the tpchgen-cli Parquet files")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds a Lode run may take")
    parser.add_argument("--queries", default="", help="comma-separated query numbers (default: all 22)")
    parser.add_argument("--markdown", default=str(ROOT / "BENCHMARKS.md"), help="file to record in ('' to skip)")
    args = parser.parse_args()

    numbers = [int(n) for n in args.queries.split(",") if n.strip()] or sorted(tpch.QUERIES)
    reference = tpch.duckdb_connection(args.data, threads=args.threads)
    results = []
    with tempfile.TemporaryDirectory(prefix="lode-tpch-") as scratch:
        lake = Path(scratch)
        startup = startup_seconds(args.lode, lake)
        for number in numbers:
            query = tpch.QUERIES[number]
            types, expected = tpch.duckdb_answer(reference, query)
            on_files = tpch.point_tables(query, lambda table: tpch.parquet_reference(args.data.resolve(), table))
            lode = run_lode(args.lode, on_files, args.threads, args.repeats, args.timeout, lake, types, expected,
                            tpch.has_order_by(query))
            duck = run_duckdb(sys.executable, args.data, number, args.threads, args.repeats)
            result = QueryResult(number, lode, duck)
            results.append(result)
            ratio = f"{result.ratio:.2f}" if result.ratio is not None else "–"
            print(f"Q{number:02d}  Lode {cell(lode):>10}  DuckDB {cell(duck):>10}  ratio {ratio}"
                  + (f"  ({lode.detail})" if lode.detail else ""), file=sys.stderr, flush=True)
    section = markdown(results, args, startup)
    print(section)
    if args.markdown:
        write_section(Path(args.markdown), section)
        print(f"Wrote the TPC-H section of {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
