"""Times one TPC-H query in DuckDB, in a process of its own so its peak memory is the
query's: prints one JSON line with the seconds of each run and the process's peak RSS.

    python tpch_duckdb_worker.py DATA_DIR QUERY_NUMBER --repeats 3 --threads 2
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "Interop"))

import tpch  # noqa: E402


def peak_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("query", type=int)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    connection = tpch.duckdb_connection(args.data, threads=args.threads)
    query = tpch.QUERIES[args.query]
    baseline = peak_kib()
    seconds = []
    rows = 0
    for _ in range(args.repeats):
        start = time.perf_counter()
        rows = len(connection.sql(query).fetchall())
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_kib": peak_kib(), "baseline_kib": baseline}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
