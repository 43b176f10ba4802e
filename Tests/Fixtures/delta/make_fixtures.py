"""Builds the Delta table fixtures under Tests/Fixtures/delta/ and their expected contents.

Run with the project's Python (pyarrow 26, deltalake 1.6.6):

    /work/main/.venv/bin/python Tests/Fixtures/delta/make_fixtures.py

Tables written by delta-rs (deltars-*), tables written by hand the way Spark writes
them (spark-style, with .crc files, INT96 timestamps and a checkpoint carrying
stats_parsed/partitionValues_parsed), and small logs for error cases. For every table
that delta-rs can read, expected/<table>.json records per version what delta-rs sees:
protocol, metadata, active files, app transactions, commit timestamps and the rows
in canonical JSON (Tests/Interop/canonical.py).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import shutil
import sys
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from deltalake import CommitProperties, DeltaTable, Transaction, write_deltalake

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "Interop"))
from canonical import canonical_rows  # noqa: E402

UTC = dt.timezone.utc
EXPECTED = HERE / "expected"


def fresh(name: str) -> Path:
    path = HERE / name
    shutil.rmtree(path, ignore_errors=True)
    return path


def log(path: Path) -> Path:
    folder = path / "_delta_log"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def commit(path: Path, version: int, actions: list[dict]) -> None:
    text = "".join(json.dumps(a, separators=(",", ":")) + "\n" for a in actions)
    (log(path) / f"{version:020d}.json").write_text(text)


def schema_string(fields: list[tuple[str, str, bool]]) -> str:
    return json.dumps({"type": "struct", "fields": [
        {"name": n, "type": t, "nullable": nullable, "metadata": {}} for n, t, nullable in fields]},
        separators=(",", ":"))


# ---------------------------------------------------------------------------
# delta-rs tables
# ---------------------------------------------------------------------------

def typed_rows(start: int, count: int) -> pa.Table:
    ids = list(range(start, start + count))
    return pa.table({
        "id": pa.array(ids, pa.int64()),
        "i32": pa.array([i * 7 - 20 for i in ids], pa.int32()),
        "i16": pa.array([i - 3 for i in ids], pa.int16()),
        "i8": pa.array([(i * 13) % 100 - 50 for i in ids], pa.int8()),
        "f32": pa.array([i / 4 for i in ids], pa.float32()),
        "f64": pa.array([None if i % 5 == 3 else i * 1.5 - 2 for i in ids], pa.float64()),
        "flag": pa.array([None if i % 4 == 1 else i % 2 == 0 for i in ids], pa.bool_()),
        "name": pa.array([None if i % 6 == 5 else f"name-{i}-é" for i in ids], pa.string()),
        "amount": pa.array([decimal.Decimal(i * 125) / 100 - 3 for i in ids], pa.decimal128(10, 2)),
        "day": pa.array([dt.date(2024, 1, 1) + dt.timedelta(days=i * 3) for i in ids], pa.date32()),
        "ts": pa.array([dt.datetime(2024, 3, 1, 12, tzinfo=UTC) + dt.timedelta(hours=i, microseconds=i * 1001)
                        for i in ids], pa.timestamp("us", tz="UTC")),
        "bin": pa.array([bytes([i % 256, 0, 255]) for i in ids], pa.binary()),
        "tags": pa.array([[f"t{i}", None] if i % 3 else [] for i in ids], pa.list_(pa.string())),
        "point": pa.array([{"x": float(i), "y": -float(i)} for i in ids],
                          pa.struct([("x", pa.float64()), ("y", pa.float64())])),
        "attrs": pa.array([[("k", i), ("n", None)] for i in ids], pa.map_(pa.string(), pa.int64())),
    })


def deltars_types() -> None:
    """Appends, overwrite, checkpoint, delete and optimize on an unpartitioned table of many types."""
    path = fresh("deltars-types")
    write_deltalake(path, typed_rows(0, 3), name="types", description="many column types")    # v0
    write_deltalake(path, typed_rows(3, 2), mode="append")                                    # v1
    write_deltalake(path, typed_rows(5, 3), mode="append")                                    # v2
    write_deltalake(path, typed_rows(10, 4), mode="overwrite")                                # v3
    write_deltalake(path, typed_rows(20, 3), mode="append")                                   # v4
    DeltaTable(path).create_checkpoint()
    DeltaTable(path).delete("id = 11")                                                        # v5
    DeltaTable(path).optimize.compact()                                                       # v6


def deltars_partitioned() -> None:
    """Partition values with special characters, nulls, empty strings and dates."""
    path = fresh("deltars-partitioned")
    regions = ["north", "south east", "a/b", "50%", "x=y", "é#?", "", None]
    days = [dt.date(2024, 1, 1), None, dt.date(2024, 2, 29), dt.date(1969, 12, 31)]
    def rows(start: int, count: int) -> pa.Table:
        ids = list(range(start, start + count))
        return pa.table({
            "id": pa.array(ids, pa.int64()),
            "region": pa.array([regions[i % len(regions)] for i in ids], pa.string()),
            "day": pa.array([days[i % len(days)] for i in ids], pa.date32()),
            "value": pa.array([i * 10.5 for i in ids], pa.float64()),
        })
    write_deltalake(path, rows(0, 8), partition_by=["region", "day"])                         # v0
    write_deltalake(path, rows(8, 6), partition_by=["region", "day"], mode="append")          # v1
    DeltaTable(path).delete("region = 'south east'")                                          # v2
    north = pa.table({"id": pa.array([100, 101, 102], pa.int64()), "region": pa.array(["north"] * 3),
                      "day": pa.array([dt.date(2024, 6, 1), None, dt.date(2024, 6, 1)], pa.date32()),
                      "value": pa.array([1.0, 2.0, None], pa.float64())})
    write_deltalake(path, north, partition_by=["region", "day"], mode="overwrite",
                    predicate="region = 'north'")                                             # v3


def deltars_partitioned_types() -> None:
    """Timestamp, integer, boolean and decimal partition columns (delta-rs spellings)."""
    path = fresh("deltars-partition-types")
    ids = list(range(6))
    t = pa.table({
        "id": pa.array(ids, pa.int64()),
        "ts": pa.array([dt.datetime(2000, 1, 1, 12, tzinfo=UTC) + dt.timedelta(minutes=30 * (i % 3), microseconds=i % 2)
                        if i != 5 else None for i in ids], pa.timestamp("us", tz="UTC")),
        "n": pa.array([i % 2 - 1 for i in ids], pa.int32()),
        "ok": pa.array([i % 2 == 0 for i in ids], pa.bool_()),
        "price": pa.array([decimal.Decimal("1.50") * (i % 2) for i in ids], pa.decimal128(5, 2)),
        "note": pa.array([f"n{i}" for i in ids], pa.string()),
    })
    write_deltalake(path, t, partition_by=["ts", "n", "ok", "price"])


def deltars_checkpoints() -> None:
    """25 one-row commits with app transactions and checkpoints at 10 and 20."""
    path = fresh("deltars-checkpoints")
    for v in range(25):
        t = pa.table({"id": pa.array([v], pa.int64()), "label": pa.array([f"row {v}"])})
        props = CommitProperties(app_transactions=[Transaction(app_id="stream-a" if v % 2 == 0 else "stream-b",
                                                                version=v, last_updated=1_700_000_000_000 + v)])
        mode = "overwrite" if v == 12 else "append"
        write_deltalake(path, t, mode=mode, commit_properties=props)
        if v in (10, 20):
            DeltaTable(path).create_checkpoint()


def deltars_ntz() -> None:
    """A timestamp without time zone turns on the timestampNtz feature (3,7)."""
    path = fresh("deltars-ntz")
    t = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "local": pa.array([dt.datetime(2024, 5, 1, 8, 30), None, dt.datetime(1960, 1, 1, 0, 0, 0, 1)], pa.timestamp("us")),
    })
    write_deltalake(path, t, partition_by=None)


def deltars_multipart() -> None:
    """A copy of deltars-checkpoints whose checkpoint 20 is split into two parts."""
    source = HERE / "deltars-checkpoints"
    path = fresh("deltars-multipart")
    shutil.copytree(source, path)
    logdir = log(path)
    classic = logdir / f"{20:020d}.checkpoint.parquet"
    table = pq.read_table(classic)
    half = table.num_rows // 2
    for part, piece in enumerate([table.slice(0, half), table.slice(half)], start=1):
        pq.write_table(piece, logdir / f"{20:020d}.checkpoint.{part:010d}.{2:010d}.parquet")
    classic.unlink()
    (logdir / f"{10:020d}.checkpoint.parquet").unlink()
    (logdir / "_last_checkpoint").write_text(json.dumps({"version": 20, "size": table.num_rows, "parts": 2}))
    # Data files are shared with deltars-checkpoints' layout but must exist here too: keep them.


# ---------------------------------------------------------------------------
# Hand-made tables
# ---------------------------------------------------------------------------

SPARK_ENGINE = "Apache-Spark/3.5.1 Delta-Lake/3.2.0"
SPARK_TIME = 1_704_103_200_000  # 2024-01-01T10:00:00Z


def spark_data_file(path: Path, relative: str, table: pa.Table) -> dict:
    target = path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, target, compression="snappy", use_deprecated_int96_timestamps=True)
    return {"size": target.stat().st_size}


def spark_style() -> None:
    """A partitioned table as Spark 3.5 / Delta 3.2 writes it."""
    path = fresh("spark-style")
    schema = schema_string([("id", "long", True), ("event_time", "timestamp", True), ("amount", "decimal(10,2)", True),
                            ("note", "string", True), ("p", "string", True), ("hour", "timestamp", True)])
    table_id = "3f1c5e8a-8c4b-4a3e-9a51-0d4c9e0a1b2c"
    metadata = {"id": table_id, "format": {"provider": "parquet", "options": {}}, "schemaString": schema,
                "partitionColumns": ["p", "hour"], "configuration": {"delta.checkpointInterval": "10"},
                "createdTime": SPARK_TIME - 1000}
    protocol = {"minReaderVersion": 1, "minWriterVersion": 2}

    def data(ids: list[int], notes: list[str | None]) -> pa.Table:
        return pa.table({
            "id": pa.array(ids, pa.int64()),
            "event_time": pa.array([dt.datetime(2024, 1, 1, 9, tzinfo=UTC) + dt.timedelta(seconds=i, microseconds=i * 7)
                                    for i in ids], pa.timestamp("us", tz="UTC")),
            "amount": pa.array([decimal.Decimal(i * 101) / 100 for i in ids], pa.decimal128(10, 2)),
            "note": pa.array(notes, pa.string()),
        })

    def stats(t: pa.Table) -> str:
        rows = t.to_pylist()
        def fmt(v):
            if isinstance(v, dt.datetime):
                return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{v.microsecond // 1000:03d}Z"
            if isinstance(v, decimal.Decimal):
                return float(v)
            return v
        cols = t.schema.names
        mins = {c: fmt(min(r[c] for r in rows if r[c] is not None)) for c in cols if any(r[c] is not None for r in rows)}
        maxs = {c: fmt(max(r[c] for r in rows if r[c] is not None)) for c in cols if any(r[c] is not None for r in rows)}
        nulls = {c: sum(r[c] is None for r in rows) for c in cols}
        return json.dumps({"numRecords": len(rows), "minValues": mins, "maxValues": maxs, "nullCount": nulls},
                          separators=(",", ":"))

    files = {}
    def add(name: str, p: str | None, hour: str | None, t: pa.Table, time: int) -> dict:
        pdir = "p=" + ("__HIVE_DEFAULT_PARTITION__" if p is None else p.replace(" ", "%20"))
        hdir = "hour=" + ("__HIVE_DEFAULT_PARTITION__" if hour is None else hour.replace(":", "%3A").replace(" ", "%20"))
        relative = f"{pdir}/{hdir}/part-00000-{name}.c000.snappy.parquet"
        info = spark_data_file(path, relative, t)
        uri = relative.replace("%", "%25").replace(" ", "%20")
        action = {"path": uri, "partitionValues": {"p": p, "hour": hour}, "size": info["size"],
                  "modificationTime": time, "dataChange": True, "stats": stats(t), "tags": None}
        files[name] = (action, t)
        return {"add": action}

    def commit_info(version: int, operation: str, params: dict, metrics: dict, blind: bool) -> dict:
        info = {"timestamp": SPARK_TIME + version * 60_000, "operation": operation, "operationParameters": params,
                "isolationLevel": "Serializable", "isBlindAppend": blind, "operationMetrics": metrics,
                "engineInfo": SPARK_ENGINE, "txnId": str(uuid.UUID(int=version + 1))}
        if version > 0:
            info["readVersion"] = version - 1
        return {"commitInfo": info}

    def crc(version: int, num_files: int) -> None:
        (log(path) / f"{version:020d}.crc").write_text(json.dumps({
            "txnId": str(uuid.UUID(int=version + 1)), "tableSizeBytes": 1234, "numFiles": num_files,
            "numMetadata": 1, "numProtocol": 1, "setTransactions": [], "domainMetadata": [],
            "metadata": metadata, "protocol": protocol, "allFiles": []}, separators=(",", ":")))

    v0 = [commit_info(0, "WRITE", {"mode": "ErrorIfExists", "partitionBy": "[\"p\",\"hour\"]"},
                      {"numFiles": "2", "numOutputRows": "5", "numOutputBytes": "2000"}, True),
          {"protocol": protocol}, {"metaData": metadata},
          add("a1", "alpha", "2024-01-01T09:00:00.000000Z", data([1, 2, 3], ["x", None, "z"]), SPARK_TIME),
          add("b1", "beta gamma", "2024-01-01 10:00:00", data([4, 5], ["q", "r"]), SPARK_TIME)]
    commit(path, 0, v0)
    crc(0, 2)
    v1 = [commit_info(1, "WRITE", {"mode": "Append", "partitionBy": "[]"},
                      {"numFiles": "1", "numOutputRows": "2", "numOutputBytes": "900"}, True),
          add("c1", None, None, data([6, 7], [None, "n"]), SPARK_TIME + 60_000)]
    commit(path, 1, v1)
    crc(1, 3)
    removed, _ = files["b1"]
    v2 = [commit_info(2, "DELETE", {"predicate": "[\"(id#1L = 5L)\"]"},
                      {"numRemovedFiles": "1", "numAddedFiles": "1", "numDeletedRows": "1", "numCopiedRows": "1"}, False),
          {"remove": {"path": removed["path"], "deletionTimestamp": SPARK_TIME + 120_000, "dataChange": True,
                      "extendedFileMetadata": True, "partitionValues": removed["partitionValues"],
                      "size": removed["size"], "tags": None}},
          add("b2", "beta gamma", "2024-01-01 10:00:00", data([4], ["q"]), SPARK_TIME + 120_000)]
    commit(path, 2, v2)
    crc(2, 3)
    spark_checkpoint(path, 2, protocol, metadata, [files[n][0] for n in ("a1", "c1", "b2")],
                     [files[n][1] for n in ("a1", "c1", "b2")], [v2[1]["remove"]],
                     [("stream-x", 7, SPARK_TIME + 30_000)])
    v3 = [commit_info(3, "STREAMING UPDATE", {"outputMode": "Append", "queryId": "q-1", "epochId": "8"},
                      {"numAddedFiles": "1", "numOutputRows": "1"}, True),
          {"txn": {"appId": "stream-x", "version": 8, "lastUpdated": SPARK_TIME + 180_000}},
          add("d1", "alpha", "2024-01-01T09:00:00.000000Z", data([8], ["late"]), SPARK_TIME + 180_000)]
    commit(path, 3, v3)
    crc(3, 4)
    # Files every reader must skip.
    logdir = log(path)
    (logdir / f".{4:020d}.json.{uuid.UUID(int=99)}.tmp").write_text("not json")
    (logdir / f"{0:020d}.{1:020d}.compacted.json").write_text("garbage that must not be read\n")
    (logdir / "_staged_commits").mkdir(exist_ok=True)
    (logdir / "_staged_commits" / f"{4:020d}.{uuid.UUID(int=98)}.json").write_text("garbage\n")


def spark_checkpoint(path: Path, version: int, protocol: dict, metadata: dict, adds: list[dict], tables: list[pa.Table],
                     removes: list[dict], txns: list[tuple[str, int, int]]) -> None:
    """A checkpoint with Spark's schema: stats_parsed and partitionValues_parsed with INT96 timestamps."""
    string_map = pa.map_(pa.string(), pa.string())
    dv = pa.struct([("storageType", pa.string()), ("pathOrInlineDv", pa.string()), ("offset", pa.int32()),
                    ("sizeInBytes", pa.int32()), ("cardinality", pa.int64()), ("maxRowIndex", pa.int64())])
    ts = pa.timestamp("us", tz="UTC")
    values = pa.struct([("id", pa.int64()), ("event_time", ts), ("amount", pa.decimal128(10, 2)), ("note", pa.string())])
    counts = pa.struct([("id", pa.int64()), ("event_time", pa.int64()), ("amount", pa.int64()), ("note", pa.int64())])
    stats_parsed = pa.struct([("numRecords", pa.int64()), ("minValues", values), ("maxValues", values), ("nullCount", counts)])
    parts_parsed = pa.struct([("p", pa.string()), ("hour", ts)])
    add_type = pa.struct([("path", pa.string()), ("partitionValues", string_map), ("size", pa.int64()),
                          ("modificationTime", pa.int64()), ("dataChange", pa.bool_()), ("tags", string_map),
                          ("deletionVector", dv), ("baseRowId", pa.int64()), ("defaultRowCommitVersion", pa.int64()),
                          ("clusteringProvider", pa.string()), ("stats", pa.string()),
                          ("partitionValues_parsed", parts_parsed), ("stats_parsed", stats_parsed)])
    remove_type = pa.struct([("path", pa.string()), ("deletionTimestamp", pa.int64()), ("dataChange", pa.bool_()),
                             ("extendedFileMetadata", pa.bool_()), ("partitionValues", string_map), ("size", pa.int64()),
                             ("deletionVector", dv), ("baseRowId", pa.int64()), ("defaultRowCommitVersion", pa.int64())])
    meta_type = pa.struct([("id", pa.string()), ("name", pa.string()), ("description", pa.string()),
                           ("format", pa.struct([("provider", pa.string()), ("options", string_map)])),
                           ("schemaString", pa.string()), ("partitionColumns", pa.list_(pa.string())),
                           ("configuration", string_map), ("createdTime", pa.int64())])
    protocol_type = pa.struct([("minReaderVersion", pa.int32()), ("minWriterVersion", pa.int32()),
                               ("readerFeatures", pa.list_(pa.string())), ("writerFeatures", pa.list_(pa.string()))])
    txn_type = pa.struct([("appId", pa.string()), ("version", pa.int64()), ("lastUpdated", pa.int64())])
    schema = pa.schema([("txn", txn_type), ("add", add_type), ("remove", remove_type), ("metaData", meta_type),
                        ("protocol", protocol_type)])

    def parse_ts(text):
        if text is None:
            return None
        text = text.replace("T", " ").rstrip("Z")
        return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)

    def parsed_stats(t: pa.Table) -> dict:
        rows = t.to_pylist()
        cols = t.schema.names
        present = lambda c: [r[c] for r in rows if r[c] is not None]
        return {"numRecords": len(rows),
                "minValues": {c: (min(present(c)) if present(c) else None) for c in cols},
                "maxValues": {c: (max(present(c)) if present(c) else None) for c in cols},
                "nullCount": {c: sum(r[c] is None for r in rows) for c in cols}}

    rows = [{"protocol": {**protocol, "readerFeatures": None, "writerFeatures": None}},
            {"metaData": {**metadata, "name": None, "description": None,
                          "format": {"provider": "parquet", "options": []},
                          "configuration": list(metadata["configuration"].items())}}]
    for app, v, updated in txns:
        rows.append({"txn": {"appId": app, "version": v, "lastUpdated": updated}})
    for a, t in zip(adds, tables):
        pv = a["partitionValues"]
        rows.append({"add": {**a, "partitionValues": list(pv.items()), "tags": None, "deletionVector": None,
                             "baseRowId": None, "defaultRowCommitVersion": None, "clusteringProvider": None,
                             "partitionValues_parsed": {"p": pv["p"], "hour": parse_ts(pv["hour"])},
                             "stats_parsed": parsed_stats(t)}})
    for r in removes:
        rows.append({"remove": {**r, "partitionValues": list(r["partitionValues"].items()), "tags": None,
                                "deletionVector": None, "baseRowId": None, "defaultRowCommitVersion": None}})
    full = [{name: row.get(name) for name in schema.names} for row in rows]
    table = pa.Table.from_pylist(full, schema=schema)
    target = log(path) / f"{version:020d}.checkpoint.parquet"
    pq.write_table(table, target, compression="snappy", use_deprecated_int96_timestamps=True)
    (log(path) / "_last_checkpoint").write_text(json.dumps({
        "version": version, "size": len(rows), "sizeInBytes": target.stat().st_size, "numOfAddFiles": len(adds),
        "checkpointSchema": {"type": "struct", "fields": []}, "checksum": "0123456789abcdef0123456789abcdef"},
        separators=(",", ":")))


def small_table(path: Path, versions: int, extra_protocol: dict | None = None, configuration: dict | None = None,
                commit_infos: list[dict] | None = None) -> list[str]:
    """A hand-made table of `versions` one-file appends of one long column."""
    schema = schema_string([("id", "long", True)])
    path.mkdir(parents=True, exist_ok=True)
    names = []
    for v in range(versions):
        relative = f"part-{v:05d}.parquet"
        pq.write_table(pa.table({"id": pa.array([v * 10, v * 10 + 1], pa.int64())}), path / relative)
        names.append(relative)
        actions = []
        if commit_infos:
            actions.append({"commitInfo": commit_infos[v]})
        else:
            actions.append({"commitInfo": {"timestamp": SPARK_TIME + v * 1000, "operation": "WRITE",
                                           "operationParameters": {"mode": "Append"}}})
        if v == 0:
            actions.append({"protocol": extra_protocol or {"minReaderVersion": 1, "minWriterVersion": 2}})
            actions.append({"metaData": {"id": "00000000-0000-0000-0000-000000000001",
                                         "format": {"provider": "parquet", "options": {}}, "schemaString": schema,
                                         "partitionColumns": [], "configuration": configuration or {},
                                         "createdTime": SPARK_TIME}})
        size = (path / relative).stat().st_size
        actions.append({"add": {"path": relative, "partitionValues": {}, "size": size,
                                "modificationTime": SPARK_TIME + v * 1000, "dataChange": True,
                                "stats": json.dumps({"numRecords": 2, "minValues": {"id": v * 10},
                                                     "maxValues": {"id": v * 10 + 1}, "nullCount": {"id": 0}})}})
        commit(path, v, actions)
    return names


def error_tables() -> None:
    path = fresh("deletion-vectors")
    small_table(path, 2, extra_protocol={"minReaderVersion": 3, "minWriterVersion": 7,
                                         "readerFeatures": ["deletionVectors"],
                                         "writerFeatures": ["deletionVectors"]},
                configuration={"delta.enableDeletionVectors": "true"})
    commit(path, 2, [{"commitInfo": {"timestamp": SPARK_TIME + 2000, "operation": "DELETE"}},
                     {"remove": {"path": "part-00001.parquet", "deletionTimestamp": SPARK_TIME + 2000, "dataChange": True}},
                     {"add": {"path": "part-00001.parquet", "partitionValues": {}, "size": 400,
                              "modificationTime": SPARK_TIME + 2000, "dataChange": True,
                              "deletionVector": {"storageType": "u", "pathOrInlineDv": "ab^-aqEH.-t@S}K{vb[*k^",
                                                 "offset": 4, "sizeInBytes": 40, "cardinality": 1}}}])

    path = fresh("stale-last-checkpoint")
    small_table(path, 4)
    DeltaTable(path, version=2).create_checkpoint()
    # The hint names a checkpoint at 1 that does not exist and carries unknown keys.
    (log(path) / "_last_checkpoint").write_text('{"version":1,"size":3,"parts":null,"futureKey":{"a":[1,2]}}')

    path = fresh("missing-version")
    small_table(path, 4)
    (log(path) / f"{2:020d}.json").unlink()

    path = fresh("in-commit-timestamps")
    infos = [{"inCommitTimestamp": 1_700_000_000_000 + v * 3_600_000, "timestamp": 1_800_000_000_000 - v,
              "operation": "WRITE"} for v in range(4)]
    small_table(path, 4, extra_protocol={"minReaderVersion": 1, "minWriterVersion": 7,
                                         "writerFeatures": ["inCommitTimestamp", "appendOnly", "invariants"]},
                configuration={"delta.enableInCommitTimestamps": "true"}, commit_infos=infos)

    path = fresh("column-mapping")
    small_table(path, 1, extra_protocol={"minReaderVersion": 2, "minWriterVersion": 5},
                configuration={"delta.columnMapping.mode": "name", "delta.columnMapping.maxColumnId": "1"})


# ---------------------------------------------------------------------------
# Expected contents, as delta-rs reads them
# ---------------------------------------------------------------------------

def expected(name: str) -> None:
    path = HERE / name
    latest = DeltaTable(path).version()
    versions = []
    for v in range(latest + 1):
        try:
            table = DeltaTable(path, version=v)
        except Exception as error:  # versions cleaned up or unreadable
            versions.append({"version": v, "error": str(error).splitlines()[0]})
            continue
        protocol = table.protocol()
        meta = table.metadata()
        adds = pa.table(table.get_add_actions(flatten=False)).to_pylist()
        try:
            data = table.to_pyarrow_table()
            rows = sorted(canonical_rows(data), key=lambda r: json.dumps(r, sort_keys=True))
            columns = data.schema.names
        except Exception as error:
            rows, columns = None, None
        versions.append({
            "version": v,
            "protocol": {"minReaderVersion": protocol.min_reader_version, "minWriterVersion": protocol.min_writer_version,
                         "readerFeatures": protocol.reader_features, "writerFeatures": protocol.writer_features},
            "metadata": {"id": meta.id, "name": meta.name, "description": meta.description,
                         "partitionColumns": meta.partition_columns, "configuration": meta.configuration},
            "files": sorted(a["path"] for a in adds),
            "partitionValues": {a["path"]: a["partition_values"] for a in adds} if adds and "partition_values" in adds[0] else None,
            "columns": columns,
            "rows": rows,
        })
    EXPECTED.mkdir(exist_ok=True)
    with open(EXPECTED / f"{name}.json", "w") as out:
        json.dump({"table": name, "latestVersion": latest, "versions": versions}, out, indent=1, sort_keys=True,
                  default=str)
        out.write("\n")


def main() -> None:
    shutil.rmtree(EXPECTED, ignore_errors=True)
    deltars_types()
    deltars_partitioned()
    deltars_partitioned_types()
    deltars_checkpoints()
    deltars_ntz()
    deltars_multipart()
    spark_style()
    error_tables()
    for name in ["deltars-types", "deltars-partitioned", "deltars-partition-types", "deltars-checkpoints",
                 "deltars-ntz", "deltars-multipart", "spark-style", "stale-last-checkpoint", "in-commit-timestamps"]:
        expected(name)


if __name__ == "__main__":
    main()
