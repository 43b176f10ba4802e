"""Page headers of a Parquet column chunk, read independently of any Parquet library.

pyarrow exposes footers but not pages; the tests use this to check that a file really
holds what it claims (several data pages, V2 pages, a dictionary page, an encoding).
Only the Thrift compact protocol subset that ``PageHeader`` needs is implemented.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

PAGE_TYPES = {0: "DATA_PAGE", 1: "INDEX_PAGE", 2: "DICTIONARY_PAGE", 3: "DATA_PAGE_V2"}
ENCODINGS = {0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED", 5: "DELTA_BINARY_PACKED",
             6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY", 8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT"}


@dataclass(frozen=True)
class Page:
    kind: str
    encoding: str | None
    num_values: int
    compressed_size: int


class _CompactReader:
    def __init__(self, data: bytes, position: int):
        self.data = data
        self.position = position

    def byte(self) -> int:
        value = self.data[self.position]
        self.position += 1
        return value

    def varint(self) -> int:
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    def zigzag(self) -> int:
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def struct(self) -> dict[int, object]:
        fields: dict[int, object] = {}
        last = 0
        while True:
            header = self.byte()
            if header == 0:
                return fields
            kind = header & 0x0F
            delta = header >> 4
            last = last + delta if delta else self.zigzag()
            fields[last] = self.value(kind)

    def value(self, kind: int) -> object:
        if kind in (1, 2):
            return kind == 1
        if kind == 3:
            return self.byte()
        if kind in (4, 5, 6):
            return self.zigzag()
        if kind == 7:
            self.position += 8
            return None
        if kind == 8:
            length = self.varint()
            self.position += length
            return self.data[self.position - length:self.position]
        if kind in (9, 10):
            header = self.byte()
            size = header >> 4 if header >> 4 != 15 else self.varint()
            return [self.value(header & 0x0F) for _ in range(size)]
        if kind == 11:
            size = self.varint()
            if size:
                types = self.byte()
                return [(self.value(types >> 4), self.value(types & 0x0F)) for _ in range(size)]
            return []
        if kind == 12:
            return self.struct()
        raise ValueError(f"unknown Thrift compact type {kind} at byte {self.position}")


def column_chunk_pages(path: Path, row_group: int, column: int) -> list[Page]:
    """Every page header of one column chunk, in file order."""
    meta = pq.ParquetFile(path).metadata.row_group(row_group).column(column)
    start = meta.data_page_offset
    if meta.has_dictionary_page and meta.dictionary_page_offset:
        start = min(start, meta.dictionary_page_offset)
    end = start + meta.total_compressed_size
    data = Path(path).read_bytes()
    pages = []
    position = start
    while position < end:
        reader = _CompactReader(data, position)
        header = reader.struct()
        kind = PAGE_TYPES.get(header.get(1), f"type {header.get(1)}")
        compressed = int(header[3])
        detail = header.get({"DATA_PAGE": 5, "DICTIONARY_PAGE": 7, "DATA_PAGE_V2": 8}.get(kind, -1), {})
        encoding_field = 4 if kind == "DATA_PAGE_V2" else 2
        encoding = ENCODINGS.get(detail.get(encoding_field)) if isinstance(detail, dict) else None
        num_values = detail.get(1, 0) if isinstance(detail, dict) else 0
        pages.append(Page(kind, encoding, int(num_values), compressed))
        position = reader.position + compressed
    return pages


def page_census(path: Path) -> dict[str, Counter]:
    """For each column path: how many pages of each kind and encoding the file holds."""
    metadata = pq.ParquetFile(path).metadata
    census: dict[str, Counter] = {}
    for rg in range(metadata.num_row_groups):
        for col in range(metadata.num_columns):
            name = metadata.row_group(rg).column(col).path_in_schema
            counter = census.setdefault(name, Counter())
            for page in column_chunk_pages(path, rg, col):
                counter[page.kind] += 1
                if page.encoding:
                    counter[page.encoding] += 1
    return census
