"""Bad input through the command line: a clear message and a non-zero exit, never a crash.

Every run goes through :class:`lode_cli.Lode`, which fails the test when ``lode`` dies by a
signal, hangs, or prints a Swift runtime trap.
"""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from canonical import assert_rows_equal, canonical_rows, parse_ndjson
import samples
from lode_cli import USER_OR_USAGE_ERROR


def _valid_parquet(path: Path) -> bytes:
    table = samples.table(samples.writable(samples.flat_columns())[:12])
    pq.write_table(table, path, compression="snappy", row_group_size=100)
    return path.read_bytes()


def _footer_length(data: bytes) -> int:
    return struct.unpack("<I", data[-8:-4])[0]


def _corruptions(data: bytes) -> dict[str, bytes]:
    footer = _footer_length(data)
    footer_start = len(data) - 8 - footer
    rng = random.Random(7)
    garbage_footer = bytearray(data)
    for i in range(footer_start, len(data) - 8):
        garbage_footer[i] = rng.randrange(256)
    return {
        "empty": b"",
        "only-magic": b"PAR1",
        "two-magics": b"PAR1PAR1",
        "truncated-half": data[: len(data) // 2],
        "truncated-footer": data[:-3],
        "truncated-by-one": data[:-1],
        "wrong-trailing-magic": data[:-4] + b"PARX",
        "footer-length-beyond-file": data[:-8] + struct.pack("<I", len(data) * 4) + b"PAR1",
        "footer-length-huge": data[:-8] + struct.pack("<I", 0xFFFFFFF0) + b"PAR1",
        "footer-length-too-short": data[:-8] + struct.pack("<I", max(footer // 3, 1)) + b"PAR1",
        "footer-length-zero": data[:-8] + struct.pack("<I", 0) + b"PAR1",
        "footer-garbage": bytes(garbage_footer),
        "random-bytes": random.Random(1).randbytes(4096),
        "random-bytes-with-magics": b"PAR1" + random.Random(2).randbytes(4096) + struct.pack("<I", 100) + b"PAR1",
        "text-file": b"id,name\n1,a\n",
    }


CORRUPTIONS = list(_corruptions(b"PAR1" + b"\x00" * 64 + struct.pack("<I", 16) + b"PAR1"))


@pytest.fixture(scope="module")
def corrupt_files(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("corrupt")
    data = _valid_parquet(directory / "valid.parquet")
    files = {}
    for name, content in _corruptions(data).items():
        files[name] = directory / f"{name}.parquet"
        files[name].write_bytes(content)
    return files


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_corrupt_parquet_is_refused_by_convert(lode, corrupt_files, corruption, tmp_path):
    path = corrupt_files[corruption]
    lode.fails("convert", path, tmp_path / "out.ndjson", mentions=(path.name,))


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_corrupt_parquet_is_refused_by_inspect(lode, corrupt_files, corruption):
    path = corrupt_files[corruption]
    lode.fails("inspect", path, "--json", mentions=(path.name,))


def test_wrong_leading_magic_is_refused_or_ignored(lode, tmp_path):
    """Readers find everything through the footer; a bad leading magic may be refused, but
    if the file is read, it must be read right."""
    valid = tmp_path / "valid.parquet"
    data = _valid_parquet(valid)
    path = tmp_path / "wrong-leading-magic.parquet"
    path.write_bytes(b"XXXX" + data[4:])
    target = tmp_path / "out.ndjson"
    result = lode.run("convert", path, target)
    assert result.returncode in (0, 1), result.describe()
    if result.returncode == 1:
        assert path.name in result.stderr, result.describe()
    else:
        expected = canonical_rows(pq.read_table(valid))
        assert_rows_equal(expected, parse_ndjson(target.read_text(encoding="utf-8")))


def test_damaged_pages_never_crash(lode, tmp_path):
    """Bytes flipped inside column chunks: the reader may fail or (without page CRCs) read
    other values, but must end cleanly."""
    data = bytearray(_valid_parquet(tmp_path / "valid.parquet"))
    footer_start = len(data) - 8 - _footer_length(bytes(data))
    rng = random.Random(11)
    for attempt in range(12):
        damaged = bytearray(data)
        for _ in range(8):
            damaged[rng.randrange(4, footer_start)] = rng.randrange(256)
        path = tmp_path / f"damaged-{attempt}.parquet"
        path.write_bytes(bytes(damaged))
        result = lode.run("convert", path, tmp_path / f"out-{attempt}.ndjson")
        assert result.returncode in (0, 1), result.describe()
        if result.returncode == 1:
            assert path.name in result.stderr, result.describe()


def test_missing_file(lode, tmp_path):
    missing = tmp_path / "does-not-exist.parquet"
    lode.fails("convert", missing, tmp_path / "out.ndjson", mentions=(missing.name,))
    lode.fails("inspect", missing, mentions=(missing.name,))
    missing_csv = tmp_path / "absent.csv"
    lode.fails("convert", missing_csv, tmp_path / "out.parquet", mentions=(missing_csv.name,))


# ---------------------------------------------------------------------------
# Malformed CSV and NDJSON rows
# ---------------------------------------------------------------------------

BAD_CSV = (
    "id,amount\n"   # line 1
    "1,10\n"        # line 2
    "2,abc\n"       # line 3: not a number
    "3,30\n"        # line 4
    "4,40,extra\n"  # line 5: one field too many
    "5\n"           # line 6: one field too few
    "6,60\n"        # line 7
)
BAD_CSV_LINES = {3: "2,abc", 5: "4,40,extra", 6: "5"}
GOOD_CSV_IDS = [1, 3, 6]
CSV_SCHEMA = "id BIGINT, amount INT"

BAD_NDJSON = (
    '{"id": 1, "amount": 10}\n'     # line 1
    '{"id": 2, "amount": \n'        # line 2: invalid JSON
    '{"id": 3, "amount": "x"}\n'    # line 3: a string for INT
    '{"id": 4, "amount": 40}\n'     # line 4
    '[1, 2]\n'                      # line 5: not an object
    '{"id": 6, "amount": 99999999999}\n'  # line 6: out of INT range
    '{"id": 7, "amount": 70}\n'     # line 7
)
BAD_NDJSON_LINES = {2: '{"id": 2, "amount": ', 3: '{"id": 3, "amount": "x"}', 5: "[1, 2]",
                    6: '{"id": 6, "amount": 99999999999}'}
GOOD_NDJSON_IDS = [1, 4, 7]

MALFORMED = {
    "csv": (BAD_CSV, BAD_CSV_LINES, GOOD_CSV_IDS, ".csv"),
    "ndjson": (BAD_NDJSON, BAD_NDJSON_LINES, GOOD_NDJSON_IDS, ".ndjson"),
}


def _mentions_line(stderr: str, name: str, line: int) -> bool:
    if f"{name}:{line}" in stderr:
        return True
    return name in stderr and re.search(rf"\bline\s*:?\s*{line}\b", stderr) is not None


@pytest.mark.parametrize("kind", MALFORMED)
def test_malformed_row_fails_naming_file_and_line(lode, kind, tmp_path):
    content, bad, _, suffix = MALFORMED[kind]
    source = tmp_path / f"input{suffix}"
    source.write_text(content, encoding="utf-8")
    target = tmp_path / "out.parquet"
    result = lode.fails("convert", source, target, "--schema", CSV_SCHEMA)
    first = min(bad)
    assert _mentions_line(result.stderr, source.name, first), \
        f"message should name {source.name} line {first}:\n{result.stderr}"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", MALFORMED)
def test_malformed_rows_skipped(lode, kind, tmp_path):
    content, _, good, suffix = MALFORMED[kind]
    source = tmp_path / f"input{suffix}"
    source.write_text(content, encoding="utf-8")
    target = tmp_path / "out.parquet"
    lode.convert(source, target, "--schema", CSV_SCHEMA, "--on-bad-row", "skip")
    assert pq.read_table(target).column("id").to_pylist() == good


@pytest.mark.parametrize("kind", MALFORMED)
def test_malformed_rows_quarantined(lode, kind, tmp_path):
    content, bad, good, suffix = MALFORMED[kind]
    source = tmp_path / f"input{suffix}"
    source.write_text(content, encoding="utf-8")
    target = tmp_path / "out.parquet"
    quarantine = tmp_path / "bad-rows.ndjson"
    lode.convert(source, target, "--schema", CSV_SCHEMA, "--on-bad-row", "quarantine", "--bad-rows", quarantine)
    assert pq.read_table(target).column("id").to_pylist() == good
    records = parse_ndjson(quarantine.read_text(encoding="utf-8"), str(quarantine))
    assert [r["line"] for r in records] == sorted(bad), records
    for record in records:
        assert set(record) >= {"file", "line", "reason", "raw"}, record
        assert record["file"].endswith(source.name), record
        assert isinstance(record["reason"], str) and record["reason"].strip(), record
        assert record["raw"].rstrip("\r\n") == bad[record["line"]], record


def test_quarantine_needs_a_bad_rows_path(lode, tmp_path):
    source = tmp_path / "input.csv"
    source.write_text(BAD_CSV, encoding="utf-8")
    lode.fails("convert", source, tmp_path / "out.parquet", "--schema", CSV_SCHEMA, "--on-bad-row", "quarantine",
               codes=USER_OR_USAGE_ERROR, mentions=("--bad-rows",))


def test_inferred_csv_with_ragged_row_names_line(lode, tmp_path):
    source = tmp_path / "ragged.csv"
    source.write_text("a,b\n1,2\n3,4\n5,6,7\n8,9\n", encoding="utf-8")
    result = lode.fails("convert", source, tmp_path / "out.parquet")
    assert _mentions_line(result.stderr, source.name, 4), result.stderr


def test_null_in_not_null_column_names_line(lode, tmp_path):
    source = tmp_path / "input.ndjson"
    source.write_text('{"id": 1}\n{"id": null}\n', encoding="utf-8")
    result = lode.fails("convert", source, tmp_path / "out.parquet", "--schema", "id BIGINT NOT NULL")
    assert _mentions_line(result.stderr, source.name, 2), result.stderr


def test_unterminated_quote_names_file(lode, tmp_path):
    source = tmp_path / "open-quote.csv"
    source.write_text('id,text\n1,"never closed\n2,x\n', encoding="utf-8")
    lode.fails("convert", source, tmp_path / "out.parquet", "--schema", "id BIGINT, text VARCHAR",
               mentions=(source.name,))


def test_invalid_utf8_in_csv_names_file(lode, tmp_path):
    source = tmp_path / "latin1.csv"
    source.write_bytes("id,text\n1,Grüße\n".encode("latin-1"))
    lode.fails("convert", source, tmp_path / "out.parquet", "--schema", "id BIGINT, text VARCHAR",
               mentions=(source.name,))


# ---------------------------------------------------------------------------
# Bad options
# ---------------------------------------------------------------------------

BAD_SCHEMAS = {
    "misspelled-type": ("id BIGINT, name VARCHRA", "VARCHRA"),
    "decimal-precision-too-large": ("amount DECIMAL(39,2)", "39"),
    "decimal-scale-above-precision": ("amount DECIMAL(5,7)", "7"),
    "unclosed-struct": ("s STRUCT<a INT, b VARCHAR", None),
    "missing-type": ("id BIGINT, name", "name"),
    "double-comma": ("id BIGINT,, name VARCHAR", None),
    "duplicate-column": ("id BIGINT, id VARCHAR", "id"),
}


@pytest.mark.parametrize("case", BAD_SCHEMAS)
def test_bad_schema_text_is_explained(lode, case, tmp_path):
    text, token = BAD_SCHEMAS[case]
    source = tmp_path / "in.ndjson"
    source.write_text('{"id": 1}\n', encoding="utf-8")
    result = lode.fails("convert", source, tmp_path / "out.parquet", "--schema", text, codes=USER_OR_USAGE_ERROR)
    if token is not None:
        start = text.rindex(token)
        positions = {str(p) for p in (start, start + 1, start + len(token), start + len(token) + 1)}
        assert token in result.stderr or any(re.search(rf"\b{p}\b", result.stderr) for p in positions), \
            f"message should show {token!r} or its position {sorted(positions)}:\n{result.stderr}"


def test_unknown_compression_is_refused(lode, tmp_path):
    source = tmp_path / "in.ndjson"
    source.write_text('{"id": 1}\n', encoding="utf-8")
    lode.fails("convert", source, tmp_path / "out.parquet", "--schema", "id BIGINT", "--compression", "lz5",
               codes=USER_OR_USAGE_ERROR, mentions=("lz5",))


def test_unknown_format_is_refused(lode, tmp_path):
    source = tmp_path / "in.ndjson"
    source.write_text('{"id": 1}\n', encoding="utf-8")
    lode.fails("convert", source, tmp_path / "out.xlsx", "--schema", "id BIGINT",
               codes=USER_OR_USAGE_ERROR, mentions=("xlsx",))


def test_unknown_on_bad_row_mode_is_refused(lode, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id\n1\n", encoding="utf-8")
    lode.fails("convert", source, tmp_path / "out.parquet", "--on-bad-row", "ignore",
               codes=USER_OR_USAGE_ERROR, mentions=("ignore",))


def test_schema_that_does_not_match_csv_header_count(lode, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    lode.fails("convert", source, tmp_path / "out.parquet", "--schema", "a INT, b INT",
               mentions=(source.name,))


def test_failed_conversion_leaves_no_output_file(lode, tmp_path):
    """A conversion that fails on its last row must not leave a half-written file behind."""
    source = tmp_path / "input.csv"
    source.write_text("id\n" + "".join(f"{i}\n" for i in range(1000)) + "oops\n", encoding="utf-8")
    target = tmp_path / "out.parquet"
    lode.fails("convert", source, target, "--schema", "id BIGINT")
    assert not target.exists(), f"{target.name} was left behind after a failed conversion"
