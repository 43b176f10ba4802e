"""Delta tables written by delta-rs, then appended to, overwritten and deleted from by
Lode, and read back by delta-rs (and by Lode's ``table show``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import deltalake
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from canonical import assert_rows_equal, canonical_rows


def sorted_rows(table: pa.Table, key: str = "id") -> list[dict]:
    return canonical_rows(table.sort_by(key))


def delta_rows(path: Path, version: int | None = None) -> list[dict]:
    table = deltalake.DeltaTable(str(path), version=version) if version is not None else deltalake.DeltaTable(str(path))
    return sorted_rows(table.to_pyarrow_table())


def parquet(table: pa.Table, path: Path) -> Path:
    pq.write_table(table, path)
    return path


def orders(ids: range, regions=("eu", "us", "a b/c", None)) -> pa.Table:
    return pa.table({
        "id": pa.array(list(ids), pa.int64()),
        "region": pa.array([regions[i % len(regions)] for i in ids], pa.string()),
        "day": pa.array([dt.date(2024, 3, 1 + i % 4) for i in ids], pa.date32()),
        "amount": pa.array([i * 1.25 for i in ids], pa.float64()),
    })


def test_lode_appends_to_a_partitioned_delta_rs_table(lode, tmp_path):
    table = tmp_path / "t"
    first = orders(range(12))
    deltalake.write_deltalake(str(table), first, partition_by=["region", "day"])
    more = orders(range(12, 30))
    lode.ok("table", "write", table, parquet(more, tmp_path / "more.parquet"))
    assert_rows_equal(sorted_rows(pa.concat_tables([first, more])), delta_rows(table), "delta-rs after Lode's append")
    assert_rows_equal(sorted_rows(first), delta_rows(table, 0), "delta-rs at its own version")
    # Lode writes into the folders delta-rs made when the escaping agrees, and
    # readers decode every add path once whoever wrote it.
    shown = lode.ok("table", "show", table, "--limit", 100)
    assert len(shown.stdout.splitlines()) == 32


def test_lode_overwrites_and_replaces_partitions_of_a_delta_rs_table(lode, tmp_path):
    table = tmp_path / "t"
    deltalake.write_deltalake(str(table), orders(range(20)), partition_by=["region"])
    replacement = orders(range(100, 103), regions=("us",))
    lode.ok("table", "write", table, parquet(replacement, tmp_path / "us.parquet"), "--replace-where", "region = 'us'")
    source = orders(range(20))
    kept = source.filter(pc.fill_null(pc.not_equal(source["region"], "us"), True))
    assert_rows_equal(sorted_rows(pa.concat_tables([kept, replacement])), delta_rows(table))
    lode.ok("table", "delete", table, "--where", "region IS NULL")
    kept = kept.filter(pc.is_valid(kept["region"]))
    assert_rows_equal(sorted_rows(pa.concat_tables([kept, replacement])), delta_rows(table))
    final = orders(range(200, 210))
    lode.ok("table", "write", table, parquet(final, tmp_path / "final.parquet"), "--mode", "overwrite")
    assert_rows_equal(sorted_rows(final), delta_rows(table))
    # delta-rs keeps writing after Lode.
    tail = orders(range(300, 305))
    deltalake.write_deltalake(str(table), tail, mode="append")
    assert_rows_equal(sorted_rows(pa.concat_tables([final, tail])), delta_rows(table))
    history = deltalake.DeltaTable(str(table)).history()
    assert [h.get("engineInfo", "")[:4] for h in history[1:4]] == ["Lode", "Lode", "Lode"]


def test_lode_appends_after_a_delta_rs_checkpoint(lode, tmp_path):
    table = tmp_path / "t"
    batches = [orders(range(i * 4, i * 4 + 4)) for i in range(5)]
    for batch in batches:
        deltalake.write_deltalake(str(table), batch, mode="append")
    deltalake.DeltaTable(str(table)).create_checkpoint()
    more = orders(range(100, 110))
    lode.ok("table", "write", table, parquet(more, tmp_path / "more.parquet"))
    assert_rows_equal(sorted_rows(pa.concat_tables(batches + [more])), delta_rows(table))
    described = json.loads(lode.ok("table", "describe", table, "--json").stdout)
    assert described["version"] == 5 and described["numFiles"] == 6


def test_lode_appends_timestamp_ntz_to_a_delta_rs_table(lode, tmp_path):
    table = tmp_path / "t"
    first = pa.table({"id": pa.array([1], pa.int64()), "at": pa.array([dt.datetime(2024, 1, 1, 8)], pa.timestamp("us"))})
    deltalake.write_deltalake(str(table), first)
    assert deltalake.DeltaTable(str(table)).protocol().min_writer_version == 7
    more = pa.table({"id": pa.array([2], pa.int64()), "at": pa.array([dt.datetime(2024, 1, 2, 9, 30)], pa.timestamp("us"))})
    lode.ok("table", "write", table, parquet(more, tmp_path / "more.parquet"))
    assert_rows_equal(sorted_rows(pa.concat_tables([first, more])), delta_rows(table))


def test_lode_merges_schema_into_a_delta_rs_table(lode, tmp_path):
    table = tmp_path / "t"
    first = pa.table({"id": pa.array([1, 2], pa.int64()), "name": ["a", "b"]})
    deltalake.write_deltalake(str(table), first)
    wider = pa.table({"id": pa.array([3], pa.int64()), "name": ["c"], "extra": pa.array([True])})
    lode.ok("table", "write", table, parquet(wider, tmp_path / "w.parquet"), "--merge-schema")
    expected = pa.table({"id": pa.array([1, 2, 3], pa.int64()), "name": ["a", "b", "c"],
                         "extra": pa.array([None, None, True], pa.bool_())})
    assert_rows_equal(sorted_rows(expected), delta_rows(table))
    deltalake.write_deltalake(str(table), expected.slice(2), mode="append")


def test_lode_refuses_writer_features_it_lacks(lode, tmp_path):
    table = tmp_path / "cdf"
    deltalake.write_deltalake(str(table), orders(range(3)), configuration={"delta.enableChangeDataFeed": "true"})
    lode.fails("table", "write", table, parquet(orders(range(3, 4)), tmp_path / "x.parquet"),
               mentions=(str(table), "changeDataFeed"))
    assert deltalake.DeltaTable(str(table)).version() == 0
    constrained = tmp_path / "check"
    deltalake.write_deltalake(str(constrained), orders(range(3)))
    deltalake.DeltaTable(str(constrained)).alter.add_constraint({"positive": "amount >= 0"})
    lode.fails("table", "write", constrained, tmp_path / "x.parquet", mentions=(str(constrained), "checkConstraints"))
    lode.fails("table", "delete", constrained, "--where", "region = 'eu'", mentions=("checkConstraints",))
