"""Delta tables written and changed by Lode, read by delta-rs (``deltalake``).

Every table is created through the ``lode table`` command line and read back with
``deltalake.DeltaTable(path).to_pyarrow_table()`` — at the latest version and, for
time travel, at each earlier one — and compared value by value with what was written.
DuckDB reads the Parquet files of the active version (``read_parquet`` of the add
paths) as a second reader.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
from pathlib import Path

import deltalake
import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from canonical import assert_rows_equal, canonical_rows


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def sorted_rows(table: pa.Table, key: str = "id") -> list[dict]:
    return canonical_rows(table.sort_by(key))


def delta_rows(path: Path, version: int | None = None, key: str = "id") -> list[dict]:
    table = deltalake.DeltaTable(str(path), version=version) if version is not None else deltalake.DeltaTable(str(path))
    return sorted_rows(table.to_pyarrow_table(), key)


def write_parquet(table: pa.Table, path: Path) -> Path:
    pq.write_table(table, path)
    return path


def commit(path: Path, version: int) -> list[dict]:
    lines = (path / "_delta_log" / f"{version:020d}.json").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def actions(path: Path, version: int, kind: str) -> list[dict]:
    return [a[kind] for a in commit(path, version) if kind in a]


def add_paths(path: Path) -> list[str]:
    return [str(path / uri) for uri in deltalake.DeltaTable(str(path)).file_uris()]


def all_types(ids: range) -> pa.Table:
    """Every Delta primitive and nested type, nulls in every nullable column."""
    n = len(ids)
    def maybe(values):
        return [None if i % 5 == 3 else v for i, v in enumerate(values)]
    return pa.table({
        "id": pa.array(list(ids), pa.int64()),
        "i8": pa.array(maybe([(i % 200) - 100 for i in ids]), pa.int8()),
        "i16": pa.array(maybe([i * 7 - 30000 for i in ids]), pa.int16()),
        "i32": pa.array(maybe([i * 1_000_003 for i in ids]), pa.int32()),
        "f32": pa.array(maybe([i / 4 for i in ids]), pa.float32()),
        "f64": pa.array(maybe([i * 1.1 - 3 for i in ids]), pa.float64()),
        "dec": pa.array(maybe([decimal.Decimal(i * 13 - 50) / 100 for i in ids]), pa.decimal128(10, 2)),
        "s": pa.array(maybe([f"name {i} é ✓" if i % 7 else "" for i in ids]), pa.string()),
        "bin": pa.array(maybe([bytes([i % 256, 0, 255]) for i in ids]), pa.binary()),
        "flag": pa.array(maybe([i % 2 == 0 for i in ids]), pa.bool_()),
        "day": pa.array(maybe([dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in ids]), pa.date32()),
        "ts": pa.array(maybe([dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=i * 3601, microseconds=i)
                              for i in ids]), pa.timestamp("us", tz="UTC")),
        "st": pa.array(maybe([{"a": i, "b": f"x{i}"} for i in ids]),
                       pa.struct([("a", pa.int32()), ("b", pa.string())])),
        "l": pa.array(maybe([[i, i + 1] if i % 3 else [] for i in ids]), pa.list_(pa.int64())),
        "m": pa.array(maybe([[("k", i)] for i in ids]), pa.map_(pa.string(), pa.int64())),
    }) if n else pa.table({})


def sales(ids: range, regions: list[str | None] | None = None) -> pa.Table:
    regions = regions or ["eu", "us", "a/b c", None, "x=y%z", "日本"]
    return pa.table({
        "id": pa.array(list(ids), pa.int64()),
        "region": pa.array([regions[i % len(regions)] for i in ids], pa.string()),
        "day": pa.array([dt.date(2024, 1, 1 + i % 3) for i in ids], pa.date32()),
        "amount": pa.array([i * 0.5 for i in ids], pa.float64()),
    })


# ---------------------------------------------------------------------------
# Values and types
# ---------------------------------------------------------------------------

def test_every_type_round_trips_through_delta_rs(lode, tmp_path):
    source = all_types(range(40))
    table = tmp_path / "types"
    lode.ok("table", "write", table, write_parquet(source, tmp_path / "in.parquet"))
    assert_rows_equal(sorted_rows(source), delta_rows(table), "delta-rs reading Lode's table")
    protocol = actions(table, 0, "protocol")[0]
    assert protocol == {"minReaderVersion": 1, "minWriterVersion": 2}
    schema = json.loads(actions(table, 0, "metaData")[0]["schemaString"])
    assert [f["type"] if isinstance(f["type"], str) else f["type"]["type"] for f in schema["fields"]] == [
        "long", "byte", "short", "integer", "float", "double", "decimal(10,2)", "string", "binary", "boolean",
        "date", "timestamp", "struct", "array", "map"]


def test_timestamp_without_time_zone_uses_table_features(lode, tmp_path):
    source = pa.table({"id": pa.array([1, 2], pa.int64()),
                       "at": pa.array([dt.datetime(2024, 5, 1, 12, 30, 0, 123456), None], pa.timestamp("us"))})
    table = tmp_path / "ntz"
    lode.ok("table", "write", table, write_parquet(source, tmp_path / "in.parquet"))
    assert actions(table, 0, "protocol")[0] == {
        "minReaderVersion": 3, "minWriterVersion": 7, "readerFeatures": ["timestampNtz"],
        "writerFeatures": ["appendOnly", "invariants", "timestampNtz"]}
    assert_rows_equal(sorted_rows(source), delta_rows(table))


def test_statistics_match_the_data(lode, tmp_path):
    source = all_types(range(30))
    table = tmp_path / "stats"
    lode.ok("table", "write", table, write_parquet(source, tmp_path / "in.parquet"))
    add = actions(table, 0, "add")[0]
    stats = json.loads(add["stats"])
    assert stats["numRecords"] == 30
    assert stats["minValues"]["id"] == 0 and stats["maxValues"]["id"] == 29
    assert stats["nullCount"]["i8"] == source.column("i8").null_count
    assert stats["nullCount"]["st"] == {"a": 6, "b": 6}
    assert stats["minValues"]["day"] == "2024-01-01"
    assert stats["minValues"]["ts"] == "2024-01-01T00:00:00.000Z"
    assert stats["minValues"]["dec"] == pytest.approx(-0.5)
    actions_table = pa.table(deltalake.DeltaTable(str(table)).get_add_actions(flatten=True))
    row = actions_table.to_pylist()[0]
    assert row["num_records"] == 30
    assert row["min.id"] == 0 and row["max.id"] == 29
    assert row["max.f64"] == pytest.approx(max(v for v in source.column("f64").to_pylist() if v is not None))
    assert row["null_count.s"] == source.column("s").null_count
    assert add["size"] == os.path.getsize(table / add["path"])


# ---------------------------------------------------------------------------
# Partitioning
# ---------------------------------------------------------------------------

def test_partitioned_table_paths_escaping_and_nulls(lode, tmp_path):
    source = sales(range(60))
    table = tmp_path / "part"
    lode.ok("table", "write", table, write_parquet(source, tmp_path / "in.parquet"), "--partition-by", "region,day")
    assert_rows_equal(sorted_rows(source), delta_rows(table), "delta-rs reading partitioned table")
    folders = sorted(p.name for p in table.iterdir() if p.is_dir() and p.name != "_delta_log")
    assert folders == sorted(["region=eu", "region=us", "region=a%2Fb c", "region=__HIVE_DEFAULT_PARTITION__",
                              "region=x%3Dy%25z", "region=日本"])
    adds = {a["partitionValues"]["region"]: a for a in actions(table, 0, "add")}
    assert adds[None]["partitionValues"] == {"day": adds[None]["partitionValues"]["day"], "region": None}
    assert adds["a/b c"]["path"].startswith("region=a%252Fb%20c/day=2024-01-0")
    assert adds["x=y%z"]["path"].startswith("region=x%253Dy%2525z/day=")
    assert adds["日本"]["path"].startswith("region=%E6%97%A5%E6%9C%AC/day=")
    # The data files hold the data columns only; partition values live in the log.
    files = add_paths(table)
    read = duckdb.sql(f"select * from read_parquet({files!r}, hive_partitioning=false) order by id").to_arrow_table()
    assert read.schema.names == ["id", "amount"]
    assert read.column("id").to_pylist() == list(range(60))


def test_partition_value_serialization(lode, tmp_path):
    source = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "d": pa.array([dt.date(2024, 2, 29), None, dt.date(1969, 12, 31)], pa.date32()),
        "t": pa.array([dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone.utc), None,
                       dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)], pa.timestamp("us", tz="UTC")),
        "n": pa.array([7, -1, None], pa.int32()),
        "b": pa.array([True, False, None]),
        "x": pa.array(["a", "b", "c"]),
    })
    table = tmp_path / "values"
    lode.ok("table", "write", table, write_parquet(source, tmp_path / "in.parquet"), "--partition-by", "d,t,n,b")
    values = sorted((a["partitionValues"] for a in actions(table, 0, "add")), key=lambda v: v["n"] or "")
    assert {"d": "2024-02-29", "t": "2024-01-02 03:04:05.000006", "n": "7", "b": "true"} in values
    assert {"d": None, "t": None, "n": "-1", "b": "false"} in values
    assert {"d": "1969-12-31", "t": "2000-01-01 00:00:00.000000", "n": None, "b": None} in values
    assert_rows_equal(sorted_rows(source), delta_rows(table))


# ---------------------------------------------------------------------------
# Changes and time travel
# ---------------------------------------------------------------------------

def test_history_of_changes_reads_identically_at_every_version(lode, tmp_path):
    table = tmp_path / "travel"
    states: list[pa.Table] = []
    first = sales(range(0, 20))
    lode.ok("table", "write", table, write_parquet(first, tmp_path / "v0.parquet"), "--partition-by", "region")
    states.append(first)
    more = sales(range(20, 30))
    lode.ok("table", "write", table, write_parquet(more, tmp_path / "v1.parquet"))
    states.append(pa.concat_tables([first, more]))
    eu = sales(range(100, 104), ["eu"])
    lode.ok("table", "write", table, write_parquet(eu, tmp_path / "v2.parquet"), "--replace-where", "region = 'eu'")
    current = states[-1]
    current = current.filter(pa.compute.fill_null(pa.compute.not_equal(current["region"], "eu"), True))
    states.append(pa.concat_tables([current, eu]))
    lode.ok("table", "delete", table, "--where", "region IN ('us', 'a/b c') OR region IS NULL")
    current = states[-1]
    keep = pa.compute.invert(pa.compute.fill_null(pa.compute.is_in(current["region"], pa.array(["us", "a/b c"])), False))
    keep = pa.compute.and_(keep, pa.compute.is_valid(current["region"]))
    states.append(current.filter(keep))
    final = sales(range(200, 205))
    lode.ok("table", "write", table, write_parquet(final, tmp_path / "v4.parquet"), "--mode", "overwrite")
    states.append(final)
    for version, expected in enumerate(states):
        assert_rows_equal(sorted_rows(expected), delta_rows(table, version), f"delta-rs at version {version}")
        shown = lode.ok("table", "show", table, "--version", version, "--limit", 1000)
        assert len(shown.stdout.splitlines()) == expected.num_rows + 2
    history = deltalake.DeltaTable(str(table)).history()
    assert [h["operation"] for h in history] == ["WRITE", "DELETE", "WRITE", "WRITE", "WRITE"]
    assert all(h["engineInfo"] == "Lode/0.1.0" for h in history)
    assert history[0]["operationParameters"]["mode"] == "Overwrite"
    assert history[1]["operationParameters"]["predicate"] == '["region IN (\'us\', \'a/b c\') OR region IS NULL"]'
    assert history[2]["operationParameters"]["predicate"] == "region = 'eu'"
    assert history[3]["isBlindAppend"] is True and history[3]["readVersion"] == 0
    removes = actions(table, 3, "remove")
    assert removes and all(r["dataChange"] and r["deletionTimestamp"] > 0 for r in removes)


def test_checkpoints_are_read_by_delta_rs(lode, tmp_path):
    table = tmp_path / "checkpointed"
    lode.ok("table", "create", table, "--schema", "id BIGINT NOT NULL, region VARCHAR, day DATE, amount DOUBLE",
            "--partition-by", "region", "--property", "delta.checkpointInterval=4")
    expected = []
    for i in range(9):
        batch = sales(range(i * 5, i * 5 + 5))
        expected.append(batch)
        lode.ok("table", "write", table, write_parquet(batch, tmp_path / f"b{i}.parquet"), "--app-id", "loader",
                "--app-version", i)
    # The delete removes files so the checkpoint holds tombstones too.
    lode.ok("table", "delete", table, "--where", "region = 'eu'")
    log = table / "_delta_log"
    assert (log / f"{4:020d}.checkpoint.parquet").is_file()
    assert (log / f"{8:020d}.checkpoint.parquet").is_file()
    last = json.loads((log / "_last_checkpoint").read_text())
    assert last["version"] == 8
    assert last["numOfAddFiles"] == sum(len(actions(table, v, "add")) for v in range(1, 9))
    checkpoint = pq.read_table(log / f"{8:020d}.checkpoint.parquet")
    assert checkpoint.schema.names == ["txn", "add", "remove", "metaData", "protocol", "commitInfo"]
    assert last["size"] == checkpoint.num_rows and last["sizeInBytes"] == (log / f"{8:020d}.checkpoint.parquet").stat().st_size
    assert checkpoint.schema.field("add").type.field("partitionValues").type == pa.map_(pa.string(), pa.string())
    assert checkpoint.schema.field("add").type.field("stats").type == pa.string()
    rows = checkpoint.to_pylist()
    assert sum(r["add"] is not None for r in rows) == last["numOfAddFiles"]
    assert [r["txn"] for r in rows if r["txn"]] == [{"appId": "loader", "version": 7, "lastUpdated": rows[[r["txn"] is not None for r in rows].index(True)]["txn"]["lastUpdated"]}]
    # Only commits after the checkpoint are needed: hide the older ones from delta-rs.
    for v in range(0, 8):
        (log / f"{v:020d}.json").rename(log / f"{v:020d}.json.hidden")
    assert_rows_equal(sorted_rows(pa.concat_tables(expected[:8])), delta_rows(table, 8),
                      "delta-rs from the checkpoint at version 8")
    all_rows = pa.concat_tables(expected)
    keep = pa.compute.fill_null(pa.compute.not_equal(all_rows["region"], "eu"), True)
    assert_rows_equal(sorted_rows(all_rows.filter(keep)), delta_rows(table), "delta-rs at version 9")
    assert deltalake.DeltaTable(str(table)).transaction_version("loader") == 8
    lode.ok("table", "show", table)


def test_optimize_compacts_and_keeps_rows(lode, tmp_path):
    table = tmp_path / "small"
    batches = []
    for i in range(6):
        batch = sales(range(i * 10, i * 10 + 10), ["eu", "us"])
        batches.append(batch)
        lode.ok("table", "write", table, write_parquet(batch, tmp_path / f"s{i}.parquet"), *(["--partition-by", "region"] if i == 0 else []))
    before = deltalake.DeltaTable(str(table))
    assert len(before.file_uris()) == 12
    result = lode.ok("table", "optimize", table, "--compression", "zstd")
    assert "compacted 12 files into 2" in result.stdout
    after = deltalake.DeltaTable(str(table))
    assert len(after.file_uris()) == 2
    assert all(uri.endswith(".zstd.parquet") for uri in after.file_uris())
    assert_rows_equal(sorted_rows(pa.concat_tables(batches)), delta_rows(table), "after OPTIMIZE")
    assert_rows_equal(delta_rows(table, 5), delta_rows(table), "before and after OPTIMIZE")
    version = after.version()
    assert all(not a["dataChange"] for a in actions(table, version, "add") + actions(table, version, "remove"))
    info = actions(table, version, "commitInfo")[0]
    assert info["operation"] == "OPTIMIZE" and info["operationMetrics"]["numRemovedFiles"] == "12"
    assert "nothing to compact" in lode.ok("table", "optimize", table).stdout


def test_vacuum_removes_only_unreferenced_files(lode, tmp_path):
    table = tmp_path / "vac"
    lode.ok("table", "write", table, write_parquet(sales(range(10)), tmp_path / "a.parquet"), "--partition-by", "region")
    old = set(add_paths(table))
    lode.ok("table", "write", table, write_parquet(sales(range(10, 20)), tmp_path / "b.parquet"), "--mode", "overwrite")
    live = set(add_paths(table))
    lode.fails("table", "vacuum", table, "--retain-hours", 1, mentions=("below the table's safe minimum", "168"))
    assert "nothing" not in lode.ok("table", "vacuum", table).stdout  # the default keeps recent files
    assert all(Path(p).exists() for p in old)
    dry = lode.ok("table", "vacuum", table, "--retain-hours", 0, "--force", "--dry-run")
    listed = {str(table / line) for line in dry.stdout.splitlines()}
    assert listed == {str(Path(p)) for p in old}
    assert all(Path(p).exists() for p in old)
    lode.ok("table", "vacuum", table, "--retain-hours", 0, "--force")
    assert not any(Path(p).exists() for p in old)
    assert all(Path(p).exists() for p in live)
    assert (table / "_delta_log" / f"{0:020d}.json").exists()
    assert_rows_equal(sorted_rows(sales(range(10, 20))), delta_rows(table), "after VACUUM")
    operations = [h["operation"] for h in deltalake.DeltaTable(str(table)).history()]
    assert operations[:2] == ["VACUUM END", "VACUUM START"]


# ---------------------------------------------------------------------------
# Schema evolution, properties, idempotent writes
# ---------------------------------------------------------------------------

def test_merge_schema_adds_nullable_columns(lode, tmp_path):
    table = tmp_path / "evolve"
    first = pa.table({"id": pa.array([1, 2], pa.int64()), "name": ["a", "b"]})
    lode.ok("table", "write", table, write_parquet(first, tmp_path / "a.parquet"))
    wider = pa.table({"id": pa.array([3], pa.int64()), "name": ["c"], "score": pa.array([9.5]), "tag": ["t"]})
    lode.fails("table", "write", table, write_parquet(wider, tmp_path / "b.parquet"),
               mentions=("'score'", "'tag'", "mergeSchema", str(table)))
    lode.ok("table", "write", table, tmp_path / "b.parquet", "--merge-schema")
    expected = pa.table({"id": pa.array([1, 2, 3], pa.int64()), "name": ["a", "b", "c"],
                         "score": pa.array([None, None, 9.5], pa.float64()), "tag": [None, None, "t"]})
    assert_rows_equal(sorted_rows(expected), delta_rows(table))
    wrong = pa.table({"id": ["not a number"]})
    lode.fails("table", "write", table, write_parquet(wrong, tmp_path / "c.parquet"), "--merge-schema",
               mentions=("column 'id' is BIGINT in the table but VARCHAR in the data",))


def test_create_with_properties_and_append_only(lode, tmp_path):
    table = tmp_path / "props"
    lode.ok("table", "create", table, "--schema", "id BIGINT NOT NULL, region VARCHAR", "--partition-by", "region",
            "--property", "delta.appendOnly=true", "--description", "orders, one row each", "--name", "orders")
    meta = deltalake.DeltaTable(str(table)).metadata()
    assert meta.description == "orders, one row each" and meta.name == "orders"
    assert meta.configuration == {"delta.appendOnly": "true"} and meta.partition_columns == ["region"]
    data = pa.table({"id": pa.array([1], pa.int64()), "region": ["eu"]})
    lode.ok("table", "write", table, write_parquet(data, tmp_path / "a.parquet"))
    lode.fails("table", "write", table, tmp_path / "a.parquet", "--mode", "overwrite", mentions=("append-only",))
    lode.fails("table", "delete", table, "--where", "region = 'eu'", mentions=("append-only",))
    lode.fails("table", "create", table, "--schema", "id BIGINT", mentions=("already exists",))
    lode.fails("table", "create", tmp_path / "bad", "--schema", "id BIGINT", "--property", "delta.apendOnly=true",
               mentions=("unknown table property 'delta.apendOnly'",))
    lode.fails("table", "create", tmp_path / "bad2", "--schema", "id BIGINT", "--partition-by", "nope",
               mentions=("partition column 'nope'",))
    described = json.loads(lode.ok("table", "describe", table, "--json").stdout)
    assert described["version"] == 1 and described["numFiles"] == 1 and described["partitionColumns"] == ["region"]


def test_app_transaction_writes_a_batch_once(lode, tmp_path):
    table = tmp_path / "idempotent"
    data = write_parquet(sales(range(5)), tmp_path / "a.parquet")
    lode.ok("table", "write", table, data, "--app-id", "ingest", "--app-version", 1)
    skipped = lode.ok("table", "write", table, data, "--app-id", "ingest", "--app-version", 1)
    assert skipped.stdout.startswith("skipped")
    lode.ok("table", "write", table, data, "--app-id", "ingest", "--app-version", 2)
    dt_ = deltalake.DeltaTable(str(table))
    assert dt_.version() == 1 and dt_.transaction_version("ingest") == 2
    assert dt_.to_pyarrow_table().num_rows == 10
    assert actions(table, 1, "txn")[0]["appId"] == "ingest"


def test_delete_needs_partition_predicates(lode, tmp_path):
    table = tmp_path / "del"
    lode.ok("table", "write", table, write_parquet(sales(range(6)), tmp_path / "a.parquet"), "--partition-by", "region")
    lode.fails("table", "delete", table, "--where", "amount > 1", mentions=("'amount' is not a partition column", "region"))
    lode.fails("table", "delete", table, "--where", "region = ", codes=(1,), mentions=("predicate",))
    assert "nothing deleted" in lode.ok("table", "delete", table, "--where", "region = 'mars'").stdout
    lode.ok("table", "delete", table, "--where", "region <> 'eu'")
    # SQL comparisons are never true for null: the null partition stays.
    source = sales(range(6))
    kept = pa.compute.or_kleene(pa.compute.equal(source["region"], "eu"), pa.compute.is_null(source["region"]))
    assert_rows_equal(sorted_rows(source.filter(kept)), delta_rows(table))


def test_errors_name_the_table_and_version(lode, tmp_path):
    missing = tmp_path / "missing"
    lode.fails("table", "show", missing, mentions=(str(missing), "not a Delta table"))
    table = tmp_path / "t"
    lode.ok("table", "write", table, write_parquet(sales(range(3)), tmp_path / "a.parquet"))
    lode.fails("table", "show", table, "--version", 7, mentions=(str(table), "version 7"))
