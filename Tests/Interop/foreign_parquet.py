"""Parquet files written by pyarrow, DuckDB and polars, in every layout Lode must read.

A :class:`Variant` names a writer, its options and the sample table; ``claims`` lists what
its page headers must show, so a test can prove the file really exercises that layout
(V2 pages, dictionary pages or none, a given encoding).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.parquet as pq

import oracles
import samples
from parquet_pages import page_census

CODECS = ("none", "snappy", "gzip", "zstd")
TABLES: dict[str, Callable[[], list[samples.Column]]] = {
    "flat": samples.flat_columns,
    "nested": samples.nested_columns,
    "unsigned": samples.unsigned_columns,
    "int96": samples.int96_columns,
}


@dataclass(frozen=True)
class Variant:
    id: str
    table: str
    write: Callable[[pa.Table, Path], None]
    int96: bool = False
    #: (column path prefix, page kind or encoding) pairs every matching chunk must contain
    claims: tuple[tuple[str, str], ...] = ()
    #: page kinds or encodings no column chunk may contain
    absent: tuple[str, ...] = ()
    #: at least this many data pages in some column chunk
    min_pages: int = 1
    #: the oracles that can read the file (all three unless one is known to fail)
    readers: tuple[str, ...] = oracles.READERS
    #: whose reading of the file defines the expected values
    truth: str = "pyarrow"
    #: the compression codec every column chunk must use, as pyarrow names it
    codec: str | None = None

    def columns(self) -> list[samples.Column]:
        return TABLES[self.table]()

    def source(self) -> pa.Table:
        return samples.table(self.columns())

    def make(self, path: Path) -> Path:
        self.write(self.source(), path)
        return path


def _pyarrow(**options) -> Callable[[pa.Table, Path], None]:
    return lambda table, path: oracles.write_parquet_pyarrow(table, path, **options)


def _encoding_for(column: samples.Column, encoding: str) -> bool:
    t = column.arrow
    if encoding == "BYTE_STREAM_SPLIT":
        return pa.types.is_floating(t) or pa.types.is_decimal(t) or (
            pa.types.is_integer(t) and t.bit_width >= 32)
    if encoding == "DELTA_BINARY_PACKED":
        return (pa.types.is_integer(t) or pa.types.is_date32(t) or pa.types.is_timestamp(t))
    return pa.types.is_string(t) or pa.types.is_binary(t) or (
        encoding == "DELTA_BYTE_ARRAY" and pa.types.is_decimal(t))


def _encoded(encoding: str, decimals_only: bool = False) -> Variant:
    columns = [c.name for c in samples.flat_columns()
               if _encoding_for(c, encoding) and pa.types.is_decimal(c.arrow) == decimals_only]
    write = _pyarrow(use_dictionary=False, column_encoding={name: encoding for name in columns},
                     data_page_version="2.0" if encoding != "BYTE_STREAM_SPLIT" else "1.0")
    # DuckDB and polars read BYTE_STREAM_SPLIT only for FLOAT, DOUBLE, INT32 and INT64.
    return Variant(f"pyarrow-{encoding.lower()}{'-decimals' if decimals_only else ''}", "flat", write,
                   claims=tuple((name, encoding) for name in columns), absent=("DICTIONARY_PAGE",),
                   readers=("pyarrow",) if decimals_only else oracles.READERS)


def variants() -> list[Variant]:
    """Every foreign file layout the read tests cover."""
    out: list[Variant] = []
    for table in ("flat", "nested"):
        for codec in CODECS:
            for page_version in ("1.0", "2.0"):
                for dictionary in (True, False):
                    kind = "DATA_PAGE_V2" if page_version == "2.0" else "DATA_PAGE"
                    other = "DATA_PAGE" if page_version == "2.0" else "DATA_PAGE_V2"
                    dictionary_claim = (("", "DICTIONARY_PAGE"),) if dictionary else ()
                    out.append(Variant(
                        f"pyarrow-{table}-{codec}-v{page_version[0]}-{'dict' if dictionary else 'plain'}",
                        table,
                        _pyarrow(compression=codec, data_page_version=page_version, use_dictionary=dictionary),
                        claims=(("", kind),) + dictionary_claim,
                        absent=(other,) + (() if dictionary else ("DICTIONARY_PAGE",)),
                        codec="UNCOMPRESSED" if codec == "none" else codec.upper(),
                    ))
    out += [_encoded(e) for e in ("BYTE_STREAM_SPLIT", "DELTA_BINARY_PACKED",
                                  "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY")]
    out.append(_encoded("BYTE_STREAM_SPLIT", decimals_only=True))
    for table in ("flat", "nested"):
        out.append(Variant(f"pyarrow-{table}-many-pages", table,
                           _pyarrow(row_group_size=64, data_page_size=256, write_batch_size=16,
                                    dictionary_pagesize_limit=256),
                           min_pages=4))
    out.append(Variant("pyarrow-unsigned", "unsigned", _pyarrow()))
    # DuckDB reads INT96 at microsecond resolution, dropping the nanoseconds.
    int96 = _pyarrow(use_deprecated_int96_timestamps=True, store_schema=False)
    out.append(Variant("pyarrow-int96", "int96", int96, int96=True, readers=("pyarrow", "polars")))
    for table in ("flat", "nested", "unsigned"):
        out.append(Variant(f"duckdb-{table}", table, lambda t, p: oracles.write_parquet_duckdb(t, p),
                           codec="SNAPPY"))
    for table in ("flat", "nested"):
        # pyarrow rejects DuckDB's DELTA_BINARY_PACKED INT32 pages whose deltas need more
        # than 32 bits (INT32_MIN..INT32_MAX); DuckDB and polars read them.
        out.append(Variant(f"duckdb-{table}-v2", table,
                           lambda t, p: oracles.write_parquet_duckdb(t, p, "PARQUET_VERSION V2"),
                           claims=(("", "DELTA_BINARY_PACKED"),), readers=("duckdb", "polars"),
                           truth="polars"))
        out.append(Variant(f"polars-{table}", table, lambda t, p: oracles.write_parquet_polars(t, p),
                           codec="ZSTD"))
    return out


def expected_table(variant: Variant, path: Path) -> pa.Table:
    """The file's contents as its truth oracle reads them, in the types Lode must report.

    INT96 holds nanoseconds of a UTC instant; Lode reads it as ``timestamp[us, UTC]``,
    as Spark and DuckDB do (Delta Lake timestamps are microseconds), dropping the
    nanoseconds below a microsecond.
    """
    if not variant.int96:
        return oracles.PARQUET_READERS[variant.truth](path)
    table = pq.read_table(path, coerce_int96_timestamp_unit="us")
    fields = [pa.field(f.name, pa.timestamp("us", tz="UTC")) if pa.types.is_timestamp(f.type) else f
              for f in table.schema]
    return table.cast(pa.schema(fields))


def claim_failures(variant: Variant, path: Path) -> list[str]:
    """What the file's pages fail to show of the variant's claims."""
    census = page_census(path)
    problems = []
    for prefix, feature in variant.claims:
        chunks = {name: counts for name, counts in census.items()
                  if name == prefix or name.startswith(prefix + ".") or prefix == ""}
        if prefix == "":
            # A whole-file claim holds if some chunk shows it (e.g. booleans never use dictionaries).
            if not any(counts[feature] for counts in chunks.values()):
                problems.append(f"no column chunk has {feature}")
        else:
            for name, counts in chunks.items():
                if not counts[feature]:
                    problems.append(f"column {name} has no {feature}: {dict(counts)}")
    for feature in variant.absent:
        present = [name for name, counts in census.items() if counts[feature]]
        if present:
            problems.append(f"{feature} found in {present}")
    if variant.codec is not None:
        metadata = pq.ParquetFile(path).metadata
        codecs = {metadata.row_group(g).column(c).compression
                  for g in range(metadata.num_row_groups) for c in range(metadata.num_columns)}
        if codecs != {variant.codec}:
            problems.append(f"codecs {sorted(codecs)}, expected {variant.codec}")
    data_pages = max(c["DATA_PAGE"] + c["DATA_PAGE_V2"] for c in census.values())
    if data_pages < variant.min_pages:
        problems.append(f"at most {data_pages} data pages per column chunk, wanted {variant.min_pages}")
    return problems
