"""Builds a Delta table of many one-file commits with checkpoints, to time log loading.

    /work/main/.venv/bin/python Tests/Fixtures/delta/make_log_benchmark.py /tmp/delta-log-bench 10000 100

Commit v adds one (empty-bodied, never read) data file with statistics and removes the
file added 50 commits earlier every 10th commit; delta-rs writes a checkpoint every
`interval` commits. Then times delta-rs loading the latest snapshot.
"""

import json
import shutil
import sys
import time
from pathlib import Path

from deltalake import DeltaTable

path = Path(sys.argv[1])
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
interval = int(sys.argv[3]) if len(sys.argv) > 3 else 100

shutil.rmtree(path, ignore_errors=True)
log = path / "_delta_log"
log.mkdir(parents=True)
schema = json.dumps({"type": "struct", "fields": [
    {"name": "id", "type": "long", "nullable": True, "metadata": {}},
    {"name": "name", "type": "string", "nullable": True, "metadata": {}},
    {"name": "day", "type": "date", "nullable": True, "metadata": {}}]}, separators=(",", ":"))
base = 1_700_000_000_000
for v in range(commits):
    actions = [{"commitInfo": {"timestamp": base + v, "operation": "WRITE", "operationParameters": {"mode": "Append"},
                               "engineInfo": "bench"}}]
    if v == 0:
        actions.append({"protocol": {"minReaderVersion": 1, "minWriterVersion": 2}})
        actions.append({"metaData": {"id": "bench", "format": {"provider": "parquet", "options": {}},
                                     "schemaString": schema, "partitionColumns": ["day"], "configuration": {},
                                     "createdTime": base}})
    stats = json.dumps({"numRecords": 100, "minValues": {"id": v * 100, "name": f"a{v}"},
                        "maxValues": {"id": v * 100 + 99, "name": f"z{v}"}, "nullCount": {"id": 0, "name": 3}},
                       separators=(",", ":"))
    actions.append({"add": {"path": f"day=2024-01-{v % 28 + 1:02d}/part-{v:06d}.parquet",
                            "partitionValues": {"day": f"2024-01-{v % 28 + 1:02d}"}, "size": 1000 + v,
                            "modificationTime": base + v, "dataChange": True, "stats": stats}})
    if v % 10 == 0 and v >= 50:
        old = v - 50
        actions.append({"remove": {"path": f"day=2024-01-{old % 28 + 1:02d}/part-{old:06d}.parquet",
                                   "deletionTimestamp": base + v, "dataChange": True}})
    (log / f"{v:020d}.json").write_text("\n".join(json.dumps(a, separators=(",", ":")) for a in actions) + "\n")
    if v > 0 and v % interval == 0:
        DeltaTable(str(path), version=v).create_checkpoint()

for attempt in range(3):
    start = time.perf_counter()
    table = DeltaTable(str(path))
    files = len(table.file_uris())
    print(f"delta-rs load: {time.perf_counter() - start:.3f} s, version {table.version()}, {files} files")
