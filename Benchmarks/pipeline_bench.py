"""The demo pipeline end to end: `lode build` against `dbt build` on dbt-duckdb, the same
models over the same raw files, both on the same number of threads, in one run.

Run it through `scripts/bench-pipeline`, which builds `lode` in release mode and makes the
dbt virtualenv first. For each scale:

  sources  written once per scale by `lode demo --dir D --scale N --no-build` (or
           `--generator CMD`, called as `CMD DIR SCALE`) under `bench-data/pipeline/`
           and reused by later runs (delete the folder after changing the demo's
           generator or project);
  Lode     `lode build --project P --threads N` on a fresh copy of the project (lode.yml
           with `threads: N`, the models, `sources` linked to the generated files) and an
           empty lake: ingestion into Delta bronze, then every silver and gold model built,
           tested and published; then a second `lode build` that finds nothing new;
  dbt      `dbt build` of bench/dbt_demo (bronze models reading the raw files, the demo's
           silver and gold SELECTs, the same tests) into a new DuckDB file, with the
           profile's `threads: N` and DuckDB's `threads` setting.

Each command runs under `/usr/bin/time -v`: wall time as measured around the process and
its peak RSS. Before measuring, a scale-1 run of both checks that dbt's silver and gold
tables hold the same rows as Lode's (row counts of every table and a few sums), and at
every scale the gold row counts are compared. The markdown section is printed and written
between the bench-pipeline markers of BENCHMARKS.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench_report import git_commit, machine, replace_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DBT_PROJECT = ROOT / "bench" / "dbt_demo"

SECTION_START = "<!-- bench-pipeline:begin -->"
SECTION_END = "<!-- bench-pipeline:end -->"

SILVER = ["companies", "customers", "products", "orders", "order_items", "web_events", "fx_rates", "campaigns",
          "ad_spend"]
GOLD = ["dim_customers", "dim_products", "dim_date", "fact_orders", "customer_segments", "product_performance",
        "marketing_attribution", "daily_revenue"]

# Sums that must agree between the two builds (rounded to cents).
AGGREGATES = {
    "fact_orders net USD": "SELECT CAST(sum(net_amount_usd) AS DOUBLE) FROM gold.fact_orders",
    "fact_orders revenue lines": "SELECT count(*) FROM gold.fact_orders WHERE is_revenue",
    "customer_segments lifetime USD": "SELECT CAST(sum(lifetime_revenue_usd) AS DOUBLE) FROM gold.customer_segments",
    "customer_segments high tier": "SELECT count(*) FROM gold.customer_segments WHERE value_tier = 'high'",
    "product_performance units": "SELECT sum(units_sold) FROM gold.product_performance",
    "marketing_attribution last touch": "SELECT count(*) FROM gold.marketing_attribution "
                                        "WHERE attribution = 'last_touch'",
    "daily_revenue ad spend USD": "SELECT CAST(sum(ad_spend_usd) AS DOUBLE) FROM gold.daily_revenue",
    "dim_customers enterprise": "SELECT count(*) FROM gold.dim_customers WHERE segment = 'enterprise'",
}


@dataclass
class Measure:
    """One timed command."""
    seconds: float = 0.0
    peak_kib: int = 0
    status: str = "ok"   # ok, failed, timeout
    detail: str = ""

    def cell(self) -> str:
        return f"{self.seconds:.1f}" if self.status == "ok" else f"**{self.status}**"

    def memory(self) -> str:
        return f"{self.peak_kib / 1024:,.0f}" if self.peak_kib else "–"


@dataclass
class ScaleResult:
    scale: str
    order_items: int
    source_mib: float
    lode: Measure
    lode_again: Measure
    dbt: Measure
    gold_counts: str

    @property
    def ratio(self) -> float | None:
        if self.lode.status != "ok" or self.dbt.status != "ok" or self.dbt.seconds == 0:
            return None
        return self.lode.seconds / self.dbt.seconds


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(command: list, log_path: Path, timeout: float, env: dict | None = None, cwd: Path | None = None) -> Measure:
    """Runs `command` under /usr/bin/time -v, its output into `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with open(log_path, "w") as out:
        try:
            done = subprocess.run(["/usr/bin/time", "-v", *map(str, command)], stdout=out, stderr=subprocess.STDOUT,
                                  timeout=timeout, env=env, cwd=cwd)
        except subprocess.TimeoutExpired:
            return Measure(time.monotonic() - started, 0, "timeout", f"over {timeout:.0f} s")
    seconds = time.monotonic() - started
    text = log_path.read_text(errors="replace")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    measure = Measure(seconds, int(peak.group(1)) if peak else 0)
    if done.returncode != 0:
        measure.status = "failed"
        measure.detail = f"exit {done.returncode}, see {log_path}"
    return measure


def lode_build(args, project: Path, work: Path) -> Measure:
    """`lode build`, or with `--lode-steps run,test` a `lode run` then a `lode test`, timed as one."""
    total = Measure()
    for step in args.lode_steps.split(","):
        measure = timed([args.lode, step, "--project", project, "--threads", args.threads], work / f"lode-{step}.log",
                        args.timeout)
        total.seconds += measure.seconds
        total.peak_kib = max(total.peak_kib, measure.peak_kib)
        if measure.status != "ok":
            total.status, total.detail = measure.status, f"lode {step}: {measure.detail}"
            break
    return total


def generate(scale: str, data: Path, lode: Path, generator: str | None) -> Path:
    """The demo project and its sources at `scale`, written once."""
    folder = data / f"scale-{scale}"
    if (folder / ".generated").exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    log(f"scale {scale}: writing the demo sources into {folder}")
    if generator:
        subprocess.run([*generator.split(), str(folder), scale], check=True)
    else:
        help_text = subprocess.run([str(lode), "demo", "--help"], capture_output=True, text=True).stdout
        if "--no-build" not in help_text:
            sys.exit("bench-pipeline: this lode has no `demo --no-build`; pass --generator CMD (CMD DIR SCALE)")
        subprocess.run([str(lode), "demo", "--dir", str(folder), "--scale", scale, "--no-build"], check=True,
                       stdout=subprocess.DEVNULL)
    (folder / ".generated").touch()
    return folder


def lode_project(generated: Path, work: Path, threads: int) -> Path:
    """A fresh copy of the project with an empty lake, its sources linked to the generated ones."""
    project = work / "lode"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    shutil.copytree(generated / "models", project / "models")
    config = (generated / "lode.yml").read_text()
    config = re.sub(r"(?m)^threads:.*\n", "", config)
    config = re.sub(r"(?m)^(lake:.*\n)", rf"\1threads: {threads}\n", config, count=1)
    (project / "lode.yml").write_text(config)
    (project / "sources").symlink_to((generated / "sources").resolve())
    return project


def dbt_env(generated: Path, database: Path) -> dict:
    env = dict(os.environ)
    env["DBT_DEMO_SOURCES"] = str((generated / "sources").resolve())
    env["DBT_DEMO_DB"] = str(database)
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    return env


def dbt_command(dbt: Path, work: Path) -> list:
    return [dbt, "build", "--project-dir", DBT_PROJECT, "--profiles-dir", DBT_PROJECT,
            "--target-path", work / "dbt" / "target", "--log-path", work / "dbt" / "logs"]


def run_scale(scale: str, args, data: Path) -> ScaleResult:
    generated = generate(scale, data, args.lode, args.generator)
    work = data / f"run-{scale}"
    project = lode_project(generated, work, args.threads)
    database = work / "dbt" / "lode_demo.duckdb"
    if (work / "dbt").exists():
        shutil.rmtree(work / "dbt")
    (work / "dbt").mkdir(parents=True)
    sources = generated / "sources"
    order_items = sum(sum(1 for _ in open(f)) - 1 for f in sorted(sources.glob("orders/order_items_*.csv")))
    source_mib = sum(f.stat().st_size for f in sources.rglob("*") if f.is_file()) / 1024 / 1024

    log(f"scale {scale}: lode build ({order_items:,} order items, {source_mib:,.0f} MiB of sources)")
    lode = lode_build(args, project, work)
    log(f"scale {scale}: lode {args.lode_steps} {lode.cell()} s, {lode.memory()} MiB {lode.detail}")
    again = timed([args.lode, "build", "--project", project, "--threads", args.threads], work / "lode-build-again.log",
                  args.timeout)
    log(f"scale {scale}: lode build again {again.cell()} s, {again.memory()} MiB {again.detail}")
    dbt = timed(dbt_command(args.dbt, work), work / "dbt-build.log", args.timeout, env=dbt_env(generated, database))
    log(f"scale {scale}: dbt build {dbt.cell()} s, {dbt.memory()} MiB {dbt.detail}")

    counts = "–"
    if lode.status == "ok" and dbt.status == "ok":
        mismatches = compare(args.lode, project / "lake", database, GOLD, {})
        counts = "same" if not mismatches else "differ: " + "; ".join(mismatches)
        log(f"scale {scale}: gold row counts {counts}")
    return ScaleResult(scale, order_items, source_mib, lode, again, dbt, counts)


def lode_value(lode: Path, lake: Path, sql: str):
    out = subprocess.run([str(lode), "sql", "--lake", str(lake), "--format", "json", sql], capture_output=True,
                         text=True)
    if out.returncode != 0:
        return f"error: {out.stderr.strip()[:200]}"
    text = out.stdout.strip()
    rows = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line]
    if not rows:
        return None
    row = rows[0]
    value = next(iter(row.values())) if isinstance(row, dict) else row[0]
    return float(value) if isinstance(value, (int, float, str)) and _numeric(value) else value


def _numeric(value) -> bool:
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False


def compare(lode: Path, lake: Path, database: Path, tables: list, aggregates: dict) -> list:
    """The checks where the two builds disagree, as text."""
    import duckdb
    connection = duckdb.connect(str(database), read_only=True)
    queries = {f"{layer}.{name} rows": f"SELECT count(*) FROM {layer}.{name}" for layer, name in
               ((("gold" if name in GOLD else "silver"), name) for name in tables)}
    queries.update(aggregates)
    mismatches = []
    for label, sql in queries.items():
        theirs = connection.execute(sql).fetchall()[0][0]
        ours = lode_value(lode, lake, sql)
        same = (isinstance(ours, float) and theirs is not None and round(ours, 2) == round(float(theirs), 2)) \
            or ours == theirs
        if not same:
            mismatches.append(f"{label}: Lode {ours}, dbt {theirs}")
    connection.close()
    return mismatches


def sanity_check(args, data: Path) -> str:
    """Builds scale 1 with both and compares every silver and gold table; exits when they differ."""
    generated = generate("1", data, args.lode, args.generator)
    work = data / "check-1"
    project = lode_project(generated, work, args.threads)
    if (work / "dbt").exists():
        shutil.rmtree(work / "dbt")
    (work / "dbt").mkdir(parents=True)
    database = work / "dbt" / "lode_demo.duckdb"
    log("scale 1: checking that dbt's tables match Lode's")
    lode = lode_build(args, project, work)
    dbt = timed(dbt_command(args.dbt, work), work / "dbt-build.log", args.timeout, env=dbt_env(generated, database))
    for name, measure in (("lode build", lode), ("dbt build", dbt)):
        if measure.status != "ok":
            sys.exit(f"bench-pipeline: the scale-1 {name} {measure.status}: {measure.detail}")
    mismatches = compare(args.lode, project / "lake", database, SILVER + GOLD, AGGREGATES)
    if mismatches:
        for line in mismatches:
            log(f"  {line}")
        if not args.keep_going:
            sys.exit("bench-pipeline: dbt's tables differ from Lode's at scale 1 (--keep-going to measure anyway)")
        return f"differ at scale 1 ({len(mismatches)} of {len(SILVER) + len(GOLD) + len(AGGREGATES)} checks)"
    log("scale 1: every silver and gold table and sum matches")
    return (f"at scale 1 the row counts of all {len(SILVER) + len(GOLD)} silver and gold tables and "
            f"{len(AGGREGATES)} sums over gold columns match")


def versions(args) -> str:
    def first_line(command: list) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    dbt_lines = subprocess.run([str(args.dbt), "--version"], capture_output=True, text=True).stdout
    core = re.search(r"installed:\s*(\S+)", dbt_lines)
    adapter = re.search(r"duckdb:\s*(\S+)", dbt_lines)
    import duckdb
    return (f"{first_line(['swift', '--version'])}; dbt-core {core.group(1) if core else '?'}, dbt-duckdb "
            f"{adapter.group(1) if adapter else '?'}, DuckDB {duckdb.__version__}, "
            f"Python {platform.python_version()}")


def markdown(results: list, args, check: str, load_before: tuple, load_after: tuple) -> str:
    info = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    scales = " ".join(r.scale for r in results)
    out = [
        "## Demo pipeline: `lode build` against `dbt build` on DuckDB",
        "",
        f"Measured {now} by `scripts/bench-pipeline --scales \"{scales}\"` on commit {git_commit()}: "
        f"{info['cores']} cores ({info['cpu']}), {info['memory_gib']:.0f} GiB, {info['os']}; load average "
        f"{load_before[0]:.2f} before and {load_after[0]:.2f} after (1 min; the machine is shared); "
        f"{versions(args)}.",
        "",
        f"Both build the demo from its raw files into empty storage on {args.threads} threads: Lode ingests "
        "the CSV, JSON and NDJSON sources into Delta bronze tables, then builds, tests and publishes the "
        "9 silver and 8 gold models (`lode build --threads "
        f"{args.threads}`, `threads: {args.threads}` in lode.yml); dbt runs bench/dbt_demo — 9 bronze "
        "models reading the same files with `read_csv`/`read_json`, the same silver and gold SELECTs, "
        "the same tests (volume anomaly aside) — into a new DuckDB file (profile and DuckDB "
        f"`threads: {args.threads}`). Wall time and peak RSS of each process (`/usr/bin/time -v`; "
        "dbt's includes Python). \"Again\" is a second `lode build` with nothing new. Ratio is Lode's "
        f"time over dbt's: below 1.0 Lode is faster. Sanity: {check}."
        + ("" if args.lode_steps == "build" else
           f" Lode's time is `lode {args.lode_steps.replace(',', '` then `lode ')}` on the same lake, added up; "
           "its peak memory the larger of the two."),
        "",
        "| Scale | Order items | Sources MiB | Lode s | Lode peak MiB | dbt s | dbt peak MiB | Lode/dbt "
        "| Lode again s | Gold row counts |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "–"
        out.append(f"| {r.scale} | {r.order_items:,} | {r.source_mib:,.0f} | {r.lode.cell()} | {r.lode.memory()} | "
                   f"{r.dbt.cell()} | {r.dbt.memory()} | {ratio} | {r.lode_again.cell()} | {r.gold_counts} |")
    out.append("")
    out.append("Target: Lode no slower than dbt-duckdb (ratio ≤ 1).")
    failures = [(r.scale, name, m) for r in results
                for name, m in (("Lode", r.lode), ("Lode again", r.lode_again), ("dbt", r.dbt)) if m.status != "ok"]
    if failures:
        out.append("")
        out.append("Not measured:")
        out.append("")
        for scale, name, m in failures:
            out.append(f"- scale {scale} {name} {m.status}: {m.detail}")
    return "\n".join(out) + "\n"


def write_section(path: Path, section: str) -> None:
    replace_section(path, section, SECTION_START, SECTION_END)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lode", type=Path, required=True, help="the lode executable (release build)")
    parser.add_argument("--dbt", type=Path, required=True, help="the dbt executable of the dbt-duckdb virtualenv")
    parser.add_argument("--scales", default="100 1000", help="space-separated demo scales")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds one build may take")
    parser.add_argument("--data", type=Path, default=ROOT / "bench-data" / "pipeline")
    parser.add_argument("--generator", help="command writing the demo project and sources: CMD DIR SCALE")
    parser.add_argument("--lode-steps", default="build",
                        help="the Lode commands timed as one build: build (default) or run,test")
    parser.add_argument("--no-check", action="store_true", help="skip the scale-1 comparison")
    parser.add_argument("--keep-going", action="store_true", help="measure even when the scale-1 tables differ")
    parser.add_argument("--markdown", default=str(ROOT / "BENCHMARKS.md"), help="file to record in ('' to skip)")
    args = parser.parse_args()
    args.lode = args.lode.resolve()
    args.dbt = args.dbt.absolute()
    args.data.mkdir(parents=True, exist_ok=True)

    load_before = os.getloadavg()
    check = "not checked" if args.no_check else sanity_check(args, args.data)
    results = [run_scale(scale, args, args.data) for scale in args.scales.split()]
    section = markdown(results, args, check, load_before, os.getloadavg())
    print(section)
    if args.markdown:
        write_section(Path(args.markdown), section)
        log(f"Wrote the pipeline section of {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
