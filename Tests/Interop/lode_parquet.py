"""Parquet files written by Lode from canonical NDJSON, and what readers must find in them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa

import samples
from canonical import canonical_rows, dump_ndjson

CODECS = ("none", "snappy", "gzip", "zstd")
ROW_GROUP_ROWS = 64
PAGE_BYTES = 1024

TABLES = {
    "flat": lambda: samples.writable(samples.flat_columns()),
    "nested": samples.nested_columns,
}


@dataclass(frozen=True)
class Layout:
    table: str
    codec: str
    dictionary: bool

    @property
    def id(self) -> str:
        return f"{self.table}-{self.codec}-{'dict' if self.dictionary else 'plain'}"

    def columns(self) -> list[samples.Column]:
        return TABLES[self.table]()

    def options(self) -> list[str]:
        options = ["--schema", samples.lode_schema(self.columns()), "--compression", self.codec,
                   "--row-group-size", str(ROW_GROUP_ROWS), "--page-size", str(PAGE_BYTES)]
        return options + ([] if self.dictionary else ["--no-dictionary"])


LAYOUTS = [Layout(t, c, d) for t in TABLES for c in CODECS for d in (True, False)]


def source_table(layout: Layout) -> pa.Table:
    return samples.table(layout.columns())


def write_source_ndjson(layout: Layout, path: Path) -> Path:
    path.write_text(dump_ndjson(canonical_rows(source_table(layout))), encoding="utf-8")
    return path


def polars_types(schema: pa.Schema) -> dict[str, pl.DataType]:
    """polars' dtypes for data of this Arrow schema."""
    return dict(pl.from_arrow(schema.empty_table()).schema)
