"""delta-rs's side of the Delta benchmark, run in a fresh process per measurement.

    python delta_worker.py append <input.parquet> <table> <rows-per-append>
    python delta_worker.py write <input.parquet> <table> <partition-column>
    python delta_worker.py read <table>
    python delta_worker.py query <table>
    python delta_worker.py load <table>

Prints one line of JSON shaped like `lode-bench delta-…`'s: rows, the table's version
and active file count, commits made, wall and CPU seconds of the timed part, the peak
resident memory before and up to the end of the timed part, and per-column checksums.

`append` and `write` load their input untimed; every `write_deltalake` call is given
the table's path, so each append loads the table afresh (as each Lode
`WriteOperation` does), and keeps delta-rs's defaults: snappy, a checkpoint every 100
commits. `read` times `DeltaTable(path).to_pyarrow_table()`; `load` times
`DeltaTable(path)` and `file_uris()`.
"""

import json
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
from deltalake import DeltaTable, QueryBuilder, write_deltalake

from pyarrow_worker import checksums, peak_kib


def timed(body):
    """Runs `body` and returns its result with the timing fields."""
    peak_before = peak_kib()
    start, cpu_start = time.perf_counter(), time.process_time()
    result = body()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    return result, {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_kib_before_timing": peak_before,
                    "peak_kib": peak_kib()}


def state(path: str) -> dict:
    table = DeltaTable(path)
    return {"version": table.version(), "files": len(table.file_uris())}


def append(input_path: str, path: str, rows_per_append: int) -> dict:
    table = pq.read_table(input_path)
    slices = [table.slice(start, rows_per_append) for start in range(0, table.num_rows, rows_per_append)]

    def run():
        for piece in slices:
            write_deltalake(path, piece, mode="append")

    _, timing = timed(run)
    return {"rows": table.num_rows, **state(path), "commits": len(slices), **timing, "checksums": checksums(table)}


def write(input_path: str, path: str, partition_column: str) -> dict:
    table = pq.read_table(input_path)
    _, timing = timed(lambda: write_deltalake(path, table, partition_by=[partition_column], mode="append"))
    return {"rows": table.num_rows, **state(path), "commits": 1, **timing, "checksums": checksums(table)}


def read(path: str) -> dict:
    def run():
        delta = DeltaTable(path)
        return delta, delta.to_pyarrow_table()

    (delta, table), timing = timed(run)
    return {"rows": table.num_rows, "version": delta.version(), "files": len(delta.file_uris()), "commits": 0,
            **timing, "checksums": checksums(table)}


def query(path: str) -> dict:
    def run():
        delta = DeltaTable(path)
        return delta, pa.table(QueryBuilder().register("t", delta).execute("SELECT * FROM t").read_all())

    (delta, table), timing = timed(run)
    return {"rows": table.num_rows, "version": delta.version(), "files": len(delta.file_uris()), "commits": 0,
            **timing, "checksums": checksums(plain_strings(table))}


def plain_strings(table: pa.Table) -> pa.Table:
    """`table` with DataFusion's string views cast to plain strings, which the checksums know."""
    schema = pa.schema([f.with_type(pa.string()) if pa.types.is_string_view(f.type) or pa.types.is_large_string(f.type)
                        else f for f in table.schema])
    return table.cast(schema)


def load(path: str) -> dict:
    def run():
        delta = DeltaTable(path)
        return delta, delta.file_uris()

    (delta, files), timing = timed(run)
    return {"rows": 0, "version": delta.version(), "files": len(files), "commits": 0, **timing, "checksums": []}


if __name__ == "__main__":
    command, arguments = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "append" and len(arguments) == 3:
        result = append(arguments[0], arguments[1], int(arguments[2]))
    elif command == "write" and len(arguments) == 3:
        result = write(*arguments)
    elif command == "read" and len(arguments) == 1:
        result = read(arguments[0])
    elif command == "query" and len(arguments) == 1:
        result = query(arguments[0])
    elif command == "load" and len(arguments) == 1:
        result = load(arguments[0])
    else:
        sys.exit(__doc__)
    result["versions"] = {"deltalake": __import__("deltalake").__version__, "pyarrow": pa.__version__}
    print(json.dumps(result))
