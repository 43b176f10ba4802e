"""pyarrow's side of the benchmark, run in a fresh process per measurement.

    python pyarrow_worker.py write <input.parquet> <output.parquet>
    python pyarrow_worker.py read <file.parquet>

Prints one line of JSON shaped like `lode-bench`'s: rows, seconds (wall and CPU of
all threads), bytes, the peak
resident memory before and up to the end of the timed part, per-column checksums, and
pyarrow's thread settings.
"""

import json
import os
import resource
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


def checksums(table: pa.Table) -> list:
    """Null count and one sum per column, computed as `lode-bench` does: wrapping
    int64 sum for integers, dates and timestamps, float sum for floats, count of
    true for booleans, total byte length for strings. Works chunk by chunk so that
    it does not raise the process's peak memory much above the table's."""
    return [{"name": field.name, "nulls": column.null_count, "sum": column_sum(field.type, column)}
            for field, column in zip(table.schema, table.columns)]


def column_sum(kind: pa.DataType, column: pa.ChunkedArray):
    total = 0
    for chunk in column.chunks:
        if pa.types.is_date32(kind):
            chunk = chunk.cast(pa.int32())
        elif pa.types.is_timestamp(kind):
            chunk = chunk.cast(pa.int64())
        if pa.types.is_integer(chunk.type):
            total += int(np.sum(chunk.fill_null(0).to_numpy().astype(np.int64), dtype=np.int64))
        elif pa.types.is_floating(kind):
            total += float(np.sum(chunk.fill_null(0).to_numpy(), dtype=np.float64))
        elif pa.types.is_boolean(kind):
            total += int(pc.sum(chunk).as_py() or 0)
        elif pa.types.is_string(kind) or pa.types.is_binary(kind):
            total += int(pc.sum(pc.binary_length(chunk)).as_py() or 0)
        else:
            return None
    if isinstance(total, int):
        total = (total + 2**63) % 2**64 - 2**63
    return total


def peak_kib() -> int:
    """The process's peak resident set so far: `VmHWM`, which counts this program
    only (`ru_maxrss` also holds the high-water mark of the process image before
    `exec`, that is of whoever spawned it)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def threads() -> dict:
    return {"cpu_count": pa.cpu_count(), "io_thread_count": pa.io_thread_count()}


def write(input_path: str, output_path: str) -> dict:
    table = pq.read_table(input_path)
    peak_before = peak_kib()
    start, cpu_start = time.perf_counter(), time.process_time()
    pq.write_table(table, output_path, compression="snappy")
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    peak_after = peak_kib()
    return {"rows": table.num_rows, "seconds": seconds, "cpu_seconds": cpu_seconds, "bytes": os.path.getsize(output_path),
            "peak_kib_before_timing": peak_before,
            "peak_kib": peak_after, "checksums": checksums(table), "threads": threads()}


def read(path: str) -> dict:
    peak_before = peak_kib()
    start, cpu_start = time.perf_counter(), time.process_time()
    table = pq.read_table(path)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    peak_after = peak_kib()
    return {"rows": table.num_rows, "seconds": seconds, "cpu_seconds": cpu_seconds, "bytes": os.path.getsize(path),
            "peak_kib_before_timing": peak_before,
            "peak_kib": peak_after, "checksums": checksums(table), "threads": threads()}


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        print(json.dumps(write(sys.argv[2], sys.argv[3])))
    elif len(sys.argv) == 3 and sys.argv[1] == "read":
        print(json.dumps(read(sys.argv[2])))
    else:
        sys.exit(__doc__)
