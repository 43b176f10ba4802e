"""Writes the small Parquet files whose footers the Thrift codec tests decode.

Run with the repository's Python environment from this directory:
    python make_fixtures.py
"""
import datetime
import decimal
import os

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def pyarrow_table():
    return pa.table({
        "id": pa.array([1, 2, 3, 4, 5, 6], pa.int64()),
        "name": pa.array(["a", "b", "a", None, "c", "a"], pa.string()),
        "price": pa.array([decimal.Decimal("1.25"), None, decimal.Decimal("-3.50"),
                           decimal.Decimal("0.00"), decimal.Decimal("9.99"), None], pa.decimal128(9, 2)),
        "ts": pa.array([datetime.datetime(2024, 1, i + 1, tzinfo=datetime.timezone.utc) for i in range(6)],
                       pa.timestamp("us", tz="UTC")),
        "day": pa.array([datetime.date(2024, 3, i + 1) for i in range(6)], pa.date32()),
        "tags": pa.array([["x", "y"], [], None, ["z"], ["x"], ["y", "z", "x"]], pa.list_(pa.string())),
        "point": pa.array([{"x": 1.5, "y": -2.0}, None, {"x": 0.0, "y": 1.0},
                           {"x": 3.0, "y": None}, {"x": -1.0, "y": 2.5}, {"x": 7.0, "y": 8.0}],
                          pa.struct([("x", pa.float64()), ("y", pa.float64())])),
        "attrs": pa.array([[("k", 1)], [], None, [("a", 2), ("b", 3)], [("k", 4)], [("z", 5)]],
                          pa.map_(pa.string(), pa.int32())),
        "flag": pa.array([True, False, None, True, True, False], pa.bool_()),
        "small": pa.array([1, -2, 3, -4, 5, -6], pa.int8()),
    })


def main():
    table = pyarrow_table()
    pq.write_table(table, path("pyarrow_v1.parquet"), row_group_size=4)
    pq.write_table(table, path("pyarrow_v2.parquet"), data_page_version="2.0", compression="zstd",
                   use_dictionary=["name"], write_page_index=True, write_statistics=True)

    con = duckdb.connect()
    con.execute("""
        COPY (SELECT i::INTEGER AS id, 'row ' || (i % 3)::VARCHAR AS label, i * 0.5 AS score,
                     DATE '2024-01-01' + i::INTEGER AS day, [i, i + 1] AS pair,
                     {'a': i, 'b': 'v' || i::VARCHAR} AS rec
              FROM range(0, 10) t(i))
        TO '{out}' (FORMAT PARQUET, COMPRESSION SNAPPY, ROW_GROUP_SIZE 5)
    """.replace("{out}", path("duckdb.parquet")))

    frame = pl.DataFrame({
        "k": [1, 2, 3, None, 5],
        "s": ["x", "yy", None, "zzz", "x"],
        "f": [0.5, None, 2.25, -1.0, 3.0],
        "l": [[1, 2], [3], [], None, [4, 5, 6]],
    })
    frame.write_parquet(path("polars.parquet"), statistics=True)


if __name__ == "__main__":
    main()
