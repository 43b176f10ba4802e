"""The Delta benchmark's inputs: the orders table of the Parquet benchmark with its
order date folded into one year, so that partitioning by it gives 365 partitions,
and the log-heavy table of many one-file commits."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa

from orders_table import orders

ROOT = Path(__file__).resolve().parent.parent
LOG_TABLE_SCRIPT = ROOT / "Tests" / "Fixtures" / "delta" / "make_log_benchmark.py"
FIRST_DAY = 19_723  # 2024-01-01
DAYS = 365
DAY_US = 86_400_000_000


def partitioned_orders(rows: int, seed: int = 20240601) -> pa.Table:
    """`orders(rows)` with `order_date` moved into 2024-01-01 .. 2024-12-30 (365 days)
    and `created_at` onto the same day, keeping its time of day."""
    table = orders(rows, seed)
    date = table.column("order_date").combine_chunks().cast(pa.int32()).to_numpy()
    day = (FIRST_DAY + (date - date.min()) % DAYS).astype(np.int32)
    created = table.column("created_at").combine_chunks().cast(pa.int64()).to_numpy()
    created = day.astype(np.int64) * DAY_US + created % DAY_US
    table = table.set_column(table.schema.get_field_index("order_date"), table.schema.field("order_date"),
                             pa.array(day, type=pa.date32()))
    return table.set_column(table.schema.get_field_index("created_at"), table.schema.field("created_at"),
                            pa.array(created, type=pa.timestamp("us", tz="UTC")))


def make_log_table(path: Path, commits: int, interval: int = 100) -> None:
    """Builds the table of `commits` one-file commits with a delta-rs checkpoint every
    `interval` commits (Tests/Fixtures/delta/make_log_benchmark.py)."""
    subprocess.run([sys.executable, str(LOG_TABLE_SCRIPT), str(path), str(commits), str(interval)], check=True,
                   stdout=subprocess.DEVNULL)


def log_table_expectation(commits: int) -> dict:
    """The version and active file count of the table `make_log_table` builds: commit
    v adds one file and, every 10th commit from 50 on, removes the one added 50 before."""
    removed = sum(1 for v in range(commits) if v % 10 == 0 and v >= 50)
    return {"version": commits - 1, "files": commits - removed}
