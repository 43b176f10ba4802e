"""``lode inspect`` reports what pyarrow reads from the same footer."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import samples
from canonical import canonical_column, format_timestamp

#: Lode's SQL spelling of the types Lode's --schema cannot express.
LODE_TYPE_TEXT = {
    "ts_ms": "TIMESTAMP(millisecond)", "ts_ns": "TIMESTAMP(nanosecond)",
    "ts_ms_utc": "TIMESTAMPTZ(millisecond)", "ts_ns_utc": "TIMESTAMPTZ(nanosecond)",
}

FILES = {
    "flat-snappy-dictionary": (samples.flat_columns, dict(compression="snappy", row_group_size=100)),
    "flat-zstd-plain-v2": (samples.flat_columns, dict(compression="zstd", use_dictionary=False,
                                                      data_page_version="2.0", row_group_size=128)),
    "nested-gzip": (samples.nested_columns, dict(compression="gzip", row_group_size=150)),
}


@pytest.fixture(scope="module")
def pyarrow_files(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("inspect")
    files = {}
    for name, (columns, options) in FILES.items():
        files[name] = directory / f"{name}.parquet"
        pq.write_table(samples.table(columns()), files[name], **options)
    return files


def _stat_text_ok(text, stats, bound: str, arrow_type: pa.DataType) -> bool:
    """Whether inspect's min/max text spells pyarrow's statistic ``bound`` of ``stats``."""
    if not isinstance(text, str):
        return False
    if pa.types.is_timestamp(arrow_type):
        raw = getattr(stats, f"{bound}_raw")
        canonical = format_timestamp(raw, arrow_type.unit, arrow_type.tz is not None)
        spaced = canonical.rstrip("Z").replace("T", " ")
        trimmed = spaced.rstrip("0").rstrip(".") if "." in spaced else spaced  # DuckDB's spelling
        spellings = {canonical, spaced, trimmed}
        if arrow_type.tz is not None:
            spellings |= {s + suffix for s in (spaced, trimmed) for suffix in ("+00", "+00:00")}
        return text in spellings
    value = getattr(stats, bound)
    if pa.types.is_floating(arrow_type):
        try:
            return float(text) == float(value)
        except ValueError:
            return text.lower() in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}
    canonical = canonical_column(pa.array([value], type=arrow_type))[0]
    if isinstance(canonical, bool):
        return text == ("true" if canonical else "false")
    return text == str(canonical)


@pytest.mark.parametrize("name", FILES)
def test_inspect_json_agrees_with_pyarrow(lode, pyarrow_files, name):
    path = pyarrow_files[name]
    report = lode.inspect_json(path)
    metadata = pq.ParquetFile(path).metadata
    columns = {c.name: c for c in FILES[name][0]()}

    assert str(report["file"]).endswith(path.name)
    assert report["num_rows"] == metadata.num_rows
    assert report["created_by"] == metadata.created_by
    assert [f["name"] for f in report["schema"]] == list(columns)
    for field in report["schema"]:
        expected_type = columns[field["name"]].lode or LODE_TYPE_TEXT[field["name"]]
        assert field["type"] == expected_type, field
        assert field["nullable"] is True, field

    assert len(report["row_groups"]) == metadata.num_row_groups
    for index, group in enumerate(report["row_groups"]):
        meta = metadata.row_group(index)
        where = f"row group {index}"
        assert group["num_rows"] == meta.num_rows, where
        assert group["total_byte_size"] == meta.total_byte_size, where
        assert [c["path"] for c in group["columns"]] == [meta.column(i).path_in_schema
                                                          for i in range(meta.num_columns)], where
        for i, column in enumerate(group["columns"]):
            chunk = meta.column(i)
            where = f"row group {index}, column {chunk.path_in_schema}"
            assert column["physical_type"] == chunk.physical_type, where
            assert column["codec"] == chunk.compression, where
            assert sorted(column["encodings"]) == sorted(chunk.encodings), where
            assert column["compressed_size"] == chunk.total_compressed_size, where
            assert column["uncompressed_size"] == chunk.total_uncompressed_size, where
            stats = chunk.statistics
            assert stats is not None
            assert column["statistics"]["null_count"] == stats.null_count, where
            top = chunk.path_in_schema.split(".")[0]
            arrow_type = columns[top].arrow
            if stats.has_min_max and not pa.types.is_nested(arrow_type) and not pa.types.is_binary(arrow_type):
                for bound in ("min", "max"):
                    text = column["statistics"].get(bound)
                    assert _stat_text_ok(text, stats, bound, arrow_type), \
                        f"{where}: {bound} {text!r}, pyarrow says {getattr(stats, f'{bound}_raw')!r}"


@pytest.mark.parametrize("name", FILES)
def test_inspect_text_report(lode, pyarrow_files, name):
    path = pyarrow_files[name]
    result = lode.ok("inspect", path)
    metadata = pq.ParquetFile(path).metadata
    assert str(metadata.num_rows) in result.stdout
    for column in FILES[name][0]():
        assert column.name in result.stdout, f"column {column.name} missing from the report"
    assert metadata.row_group(0).column(0).compression in result.stdout
