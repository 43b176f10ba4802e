"""The demo project end to end: `lode demo` builds it, a second build does nothing, a new
day of source files flows through, and every gold table reads the same in delta-rs and in
DuckDB's Delta reader.

DuckDB's ``delta`` extension exists on PyPI only for DuckDB 1.5, so it is installed apart
(``.venv/duckdb-delta``, see requirements.txt) and run in a subprocess.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import deltalake
import pyarrow as pa
import pyarrow.ipc
import pytest

from canonical import assert_rows_equal, canonical_rows

ROOT = Path(__file__).resolve().parents[2]
DUCKDB_DELTA = ROOT / ".venv" / "duckdb-delta"
SCALE = "0.2"

DUCKDB_READER = """
import glob, sys, duckdb, pyarrow.ipc
extension = glob.glob(sys.argv[1] + "/duckdb_extension_delta/extensions/*/delta.duckdb_extension")[0]
connection = duckdb.connect()
connection.execute(f"LOAD '{extension}'")
table = connection.execute("SELECT * FROM delta_scan(?)", [sys.argv[2]]).fetch_arrow_table()
with pyarrow.ipc.new_file(sys.argv[3], table.schema) as writer:
    writer.write_table(table)
"""


@pytest.fixture(scope="module")
def demo(lode, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("demo") / "shop"
    run = lode.run("demo", "--dir", directory, "--scale", SCALE, timeout=600)
    assert run.returncode == 0, run.describe()
    for word in ("tables", "rows", "checks", "passed", "warned", "failed"):
        assert word in run.stdout, run.describe()
    return directory


def catalog(demo: Path) -> sqlite3.Connection:
    return sqlite3.connect(demo / "lake" / "_lode" / "catalog.sqlite")


def latest_run(demo: Path) -> str:
    return catalog(demo).execute("SELECT id FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0]


def model_statuses(demo: Path, run_id: str) -> dict[str, str]:
    return dict(catalog(demo).execute("SELECT model, status FROM model_runs WHERE run_id = ?", [run_id]).fetchall())


def gold_tables(demo: Path) -> list[Path]:
    gold = demo / "lake" / "gold"
    return sorted(p for p in gold.iterdir() if (p / "_delta_log").is_dir() and not p.name.endswith("__quarantine"))


def test_demo_builds_every_model(demo):
    statuses = model_statuses(demo, latest_run(demo))
    assert statuses, "the demo run recorded no models"
    failed = {m: s for m, s in statuses.items() if s not in ("success", "warned")}
    assert not failed, failed
    names = {p.name for p in gold_tables(demo)}
    for table in ("dim_customers", "dim_products", "dim_date", "fact_orders", "customer_segments",
                  "product_performance", "marketing_attribution", "daily_revenue"):
        assert table in names, f"gold.{table} missing (have {sorted(names)})"


def test_gold_tables_read_the_same_in_delta_rs_and_duckdb(demo, tmp_path):
    assert DUCKDB_DELTA.is_dir(), f"{DUCKDB_DELTA} is missing: run scripts/oracles"
    for table in gold_tables(demo):
        expected = deltalake.DeltaTable(str(table)).to_pyarrow_table()
        output = tmp_path / f"{table.name}.arrow"
        process = subprocess.run([sys.executable, "-c", DUCKDB_READER, str(DUCKDB_DELTA), str(table), str(output)],
                                 capture_output=True, text=True, timeout=300,
                                 env={**os.environ, "PYTHONPATH": str(DUCKDB_DELTA)})
        assert process.returncode == 0, f"DuckDB could not read {table}:\n{process.stderr[-3000:]}"
        actual = pyarrow.ipc.open_file(output).read_all()
        assert expected.num_rows > 0, f"{table.name} is empty"
        assert expected.column_names == actual.column_names, table.name

        def ordered(t: pa.Table) -> list[dict]:
            return sorted(canonical_rows(t), key=lambda row: json.dumps(row, sort_keys=True, default=str))

        assert_rows_equal(ordered(expected), ordered(actual), what=f"gold.{table.name}")


def test_second_build_does_nothing_and_a_new_day_flows_through(lode, demo):
    rerun = lode.run("build", "--project", demo, timeout=600)
    assert rerun.returncode == 0, rerun.describe()
    run_id = latest_run(demo)
    assert set(model_statuses(demo, run_id).values()) == {"unchanged"}, rerun.describe()
    assert catalog(demo).execute("SELECT count(*) FROM ingested_files WHERE run_id = ?", [run_id]).fetchone()[0] == 0

    before = catalog(demo).execute("SELECT count(*) FROM ingested_files").fetchone()[0]
    added = lode.run("demo", "--dir", demo, "--add-day", timeout=600)
    assert added.returncode == 0, added.describe()
    run_id = latest_run(demo)
    files = [row[0] for row in catalog(demo).execute("SELECT path FROM ingested_files WHERE run_id = ?", [run_id])]
    assert files, added.describe()
    days = {name.rsplit("_", 1)[-1].split(".")[0] for name in files}
    assert len(days) == 1, f"files of more than one day were loaded: {files}"
    assert catalog(demo).execute("SELECT count(*) FROM ingested_files").fetchone()[0] == before + len(files)
    statuses = model_statuses(demo, run_id)
    assert statuses["gold.fact_orders"] in ("success", "warned"), statuses
    assert statuses["silver.products"] == "unchanged", statuses
