"""Many ``lode`` processes writing one Delta table at once, and a writer killed before
its commit.

Optimistic concurrency: each commit is created with put-if-absent, so every append
lands exactly once at its own version; losers re-check the winner's actions and retry.
The test hooks ``LODE_TEST_PAUSE_BEFORE_COMMIT_MS`` (wait before committing) and
``LODE_TEST_CRASH_BEFORE_COMMIT`` (exit where the commit would be written, after the
data files) make races and crashes happen on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import deltalake
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

PROCESSES = 6
COMMITS_PER_PROCESS = 40


def commit_files(table: Path) -> list[int]:
    return sorted(int(p.name[:20]) for p in (table / "_delta_log").iterdir()
                  if p.name.endswith(".json") and p.name[:20].isdigit())


def run_all(commands: list[list[str]], env: dict | None = None, timeout: float = 120) -> list[subprocess.CompletedProcess]:
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                  env={**os.environ, **(env or {})}) for c in commands]
    results = []
    for command, process in zip(commands, processes):
        out, err = process.communicate(timeout=timeout)
        results.append(subprocess.CompletedProcess(command, process.returncode, out.decode(), err.decode()))
    return results


def writer_script(lode: Path, table: Path, files: list[Path]) -> list[str]:
    """One shell process writing `files` one after another, stopping at the first failure."""
    steps = " && ".join(f"'{lode}' table write '{table}' '{f}' --mode append" for f in files)
    return ["/bin/sh", "-c", steps]


def test_parallel_appends_land_exactly_once(lode, tmp_path):
    table = tmp_path / "events"
    lode.ok("table", "create", table, "--schema", "id BIGINT NOT NULL, writer INT, seq INT",
            "--property", "delta.checkpointInterval=50")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    scripts = []
    for w in range(PROCESSES):
        files = []
        for s in range(COMMITS_PER_PROCESS):
            path = inputs / f"w{w}-s{s}.parquet"
            ids = [(w * COMMITS_PER_PROCESS + s) * 3 + k for k in range(3)]
            pq.write_table(pa.table({"id": pa.array(ids, pa.int64()), "writer": pa.array([w] * 3, pa.int32()),
                                     "seq": pa.array([s] * 3, pa.int32())}), path)
            files.append(path)
        scripts.append(writer_script(lode.binary, table, files))
    started = time.monotonic()
    results = run_all(scripts)
    elapsed = time.monotonic() - started
    for result in results:
        assert result.returncode == 0, result.stderr[-2000:]
    total = PROCESSES * COMMITS_PER_PROCESS
    assert commit_files(table) == list(range(total + 1)), "versions must be contiguous"
    writes = 0
    for version in range(1, total + 1):
        lines = [json.loads(l) for l in (table / "_delta_log" / f"{version:020d}.json").read_text().splitlines()]
        info = [l["commitInfo"] for l in lines if "commitInfo" in l]
        assert len(info) == 1 and info[0]["operation"] == "WRITE" and info[0]["isBlindAppend"] is True
        assert sum("add" in l for l in lines) == 1
        writes += 1
    assert writes == total
    read = deltalake.DeltaTable(str(table)).to_pyarrow_table()
    ids = sorted(read.column("id").to_pylist())
    assert ids == list(range(total * 3)), "every row exactly once"
    # Each writer's batches landed in its own order.
    for w in range(PROCESSES):
        seqs = [s for s, ww in zip(read.column("seq").to_pylist(), read.column("writer").to_pylist()) if ww == w]
        assert sorted(seqs) == sorted(list(range(COMMITS_PER_PROCESS)) * 3)
    assert (table / "_delta_log" / f"{200:020d}.checkpoint.parquet").is_file()
    assert elapsed < 60, f"{total} concurrent commits took {elapsed:.1f} s"


@pytest.mark.parametrize("isolation, conflict", [("Serializable", "ConcurrentAppend"), ("WriteSerializable", None)])
def test_overwrite_racing_appends(lode, tmp_path, isolation, conflict):
    table = tmp_path / "t"
    lode.ok("table", "create", table, "--schema", "id BIGINT", "--property", f"delta.isolationLevel={isolation}")
    row = tmp_path / "row.parquet"
    pq.write_table(pa.table({"id": pa.array([1], pa.int64())}), row)
    lode.ok("table", "write", table, row)
    # The overwrite reads version 1, then waits while appends commit versions 2 and 3.
    overwrite = subprocess.Popen([str(lode.binary), "table", "write", str(table), str(row), "--mode", "overwrite"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 env={**os.environ, "LODE_TEST_PAUSE_BEFORE_COMMIT_MS": "1500"})
    time.sleep(0.5)
    lode.ok("table", "write", table, row)
    lode.ok("table", "write", table, row)
    out, err = overwrite.communicate(timeout=60)
    if conflict:
        assert overwrite.returncode == 1, out.decode() + err.decode()
        message = err.decode()
        assert conflict in message and "conflict" in message and str(table) in message and "version 2" in message
        assert commit_files(table) == [0, 1, 2, 3]
        assert deltalake.DeltaTable(str(table)).to_pyarrow_table().num_rows == 3
    else:
        # Blind appends never conflict under WriteSerializable: the overwrite lands
        # after them and replaces only the rows it read.
        assert overwrite.returncode == 0, err.decode()
        assert commit_files(table) == [0, 1, 2, 3, 4]
        assert deltalake.DeltaTable(str(table)).to_pyarrow_table().num_rows == 3


def test_two_overwrites_of_the_same_files_conflict(lode, tmp_path):
    table = tmp_path / "t"
    row = tmp_path / "row.parquet"
    pq.write_table(pa.table({"id": pa.array([1], pa.int64())}), row)
    lode.ok("table", "write", table, row)
    slow = subprocess.Popen([str(lode.binary), "table", "write", str(table), str(row), "--mode", "overwrite"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "LODE_TEST_PAUSE_BEFORE_COMMIT_MS": "1000"})
    time.sleep(0.3)
    lode.ok("table", "write", table, row, "--mode", "overwrite")
    _, err = slow.communicate(timeout=60)
    assert slow.returncode == 1
    # The winner added files the loser, having read the whole table, would have read.
    assert "ConcurrentAppend" in err.decode()
    assert commit_files(table) == [0, 1]
    # Data files of the failed writer are cleaned up at once.
    assert len(list(table.glob("*.parquet"))) == 2


def test_writer_killed_before_commit_leaves_the_previous_version(lode, tmp_path):
    table = tmp_path / "t"
    first = pa.table({"id": pa.array(range(10), pa.int64()), "region": ["eu", "us"] * 5})
    pq.write_table(first, tmp_path / "first.parquet")
    lode.ok("table", "write", table, tmp_path / "first.parquet", "--partition-by", "region")
    before = {p for p in table.rglob("*.parquet")}
    second = pa.table({"id": pa.array(range(100, 200), pa.int64()), "region": ["eu", "jp"] * 50})
    pq.write_table(second, tmp_path / "second.parquet")
    crashed = subprocess.run([str(lode.binary), "table", "write", str(table), str(tmp_path / "second.parquet")],
                             capture_output=True, env={**os.environ, "LODE_TEST_CRASH_BEFORE_COMMIT": "1"})
    assert crashed.returncode == 86
    orphans = {p for p in table.rglob("*.parquet")} - before
    assert len(orphans) == 2, "the data files were written"
    assert commit_files(table) == [0]
    read = deltalake.DeltaTable(str(table))
    assert read.version() == 0 and read.to_pyarrow_table().num_rows == 10
    assert len(lode.ok("table", "show", table, "--limit", 100).stdout.splitlines()) == 12
    # The next writer is unaffected, and VACUUM removes the orphans once they are old enough.
    lode.ok("table", "write", table, tmp_path / "first.parquet")
    assert lode.ok("table", "vacuum", table, "--dry-run").stdout.strip() == ""
    dry = lode.ok("table", "vacuum", table, "--retain-hours", 0, "--force", "--dry-run")
    assert {table / line for line in dry.stdout.splitlines()} == orphans
    lode.ok("table", "vacuum", table, "--retain-hours", 0, "--force")
    assert not any(p.exists() for p in orphans)
    assert deltalake.DeltaTable(str(table)).to_pyarrow_table().num_rows == 20
