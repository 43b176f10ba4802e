"""Writes the fixtures of the LodeEngine source tests with pyarrow and deltalake.

Run from this folder with the venv's python: python make_fixtures.py
"""
import datetime as dt
import decimal
import json
import os
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
from deltalake import DeltaTable, write_deltalake

HERE = os.path.dirname(os.path.abspath(__file__))


def fresh(path: str) -> str:
    full = os.path.join(HERE, path)
    if os.path.isdir(full):
        shutil.rmtree(full)
    elif os.path.exists(full):
        os.remove(full)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def sorted_parquet() -> None:
    """4,000 rows in 4 row groups of 1,000, sorted by id and day, so statistics prune."""
    n = 4000
    ids = list(range(n))
    table = pa.table({
        "id": pa.array(ids, pa.int64()),
        "day": pa.array([dt.date(2024, 1, 1) + dt.timedelta(days=i // 100) for i in ids], pa.date32()),
        "amount": pa.array([decimal.Decimal(i) / 4 for i in ids], pa.decimal128(12, 2)),
        "name": pa.array([f"name-{i:05d}" for i in ids], pa.string()),
        "qty": pa.array([None if i % 7 == 0 else i % 50 for i in ids], pa.int32()),
        "flag": pa.array([i % 2 == 0 for i in ids], pa.bool_()),
    })
    pq.write_table(table, fresh("parquet/sorted.parquet"), row_group_size=1000, compression="snappy")


def parquet_parts() -> None:
    """Three small files in a folder tree, and a file that is not Parquet, for globs."""
    for name, start in [("parts/a.parquet", 0), ("parts/b.parquet", 10), ("parts/sub/c.parquet", 20)]:
        ids = list(range(start, start + 10))
        pq.write_table(pa.table({"id": pa.array(ids, pa.int64()), "label": pa.array([f"l{i}" for i in ids])}),
                       fresh("parquet/" + name))
    with open(fresh("parquet/parts/notes.txt"), "w") as f:
        f.write("not parquet\n")
    pq.write_table(pa.table({"id": pa.array([1], pa.int32())}), fresh("parquet/other-schema.parquet"))


def delta_sales() -> None:
    """Partitioned by region; v0 north+south, v1 appends east, v2 deletes south."""
    path = fresh("delta/sales")

    def rows(start: int, count: int, regions: list[str]) -> pa.Table:
        ids = list(range(start, start + count))
        return pa.table({
            "id": pa.array(ids, pa.int64()),
            "region": pa.array([regions[i % len(regions)] for i in ids], pa.string()),
            "day": pa.array([dt.date(2025, 1, 1) + dt.timedelta(days=i) for i in ids], pa.date32()),
            "amount": pa.array([i * 1.5 for i in ids], pa.float64()),
        })

    write_deltalake(path, rows(0, 100, ["north", "south"]), partition_by=["region"])        # v0
    write_deltalake(path, rows(100, 50, ["east"]), partition_by=["region"], mode="append")  # v1
    DeltaTable(path).delete("region = 'south'")                                               # v2


def text_files() -> None:
    with open(fresh("text/people.csv"), "w") as f:
        f.write("id,name,born,score\n1,Ada,1815-12-10,9.5\n2,Grace,1906-12-09,\n3,\"Lin, Jr.\",1970-01-01,7.25\n")
    with open(fresh("text/people-2.csv"), "w") as f:
        f.write("id,name,born,score\n4,Edsger,1930-05-11,8\n")
    with open(fresh("text/semicolons.txt"), "w") as f:
        f.write("10;x;NA\n20;y;3\n")
    events = [{"id": 1, "kind": "click", "at": "2026-01-01 10:00:00"},
              {"id": 2, "kind": "view", "at": None},
              {"id": 3, "kind": "click", "at": "2026-01-02 11:30:00"}]
    with open(fresh("text/events.ndjson"), "w") as f:
        for e in events:
            f.write(json.dumps(e) + "\n")
    with open(fresh("text/events-array.json"), "w") as f:
        json.dump(events, f, indent=2)


if __name__ == "__main__":
    sorted_parquet()
    parquet_parts()
    delta_sales()
    text_files()
