"""The command line itself: version, help, round trips through Lode."""

from __future__ import annotations

import re

import pyarrow.parquet as pq
import pytest

import samples
from canonical import assert_rows_equal, canonical_rows
from lode_cli import USER_OR_USAGE_ERROR


def test_version(lode):
    result = lode.ok("--version")
    assert re.search(r"\d+\.\d+\.\d+", result.stdout), result.describe()


@pytest.mark.parametrize("args", [("--help",), ("convert", "--help"), ("inspect", "--help")])
def test_help(lode, args):
    result = lode.ok(*args)
    text = result.stdout + result.stderr
    assert "USAGE" in text.upper(), result.describe()


def test_help_lists_the_commands_and_options(lode):
    assert {"convert", "inspect"} <= set(re.findall(r"[a-z]+", lode.ok("--help").stdout))
    convert_help = lode.ok("convert", "--help").stdout
    for option in ("--from", "--to", "--compression", "--schema", "--delimiter", "--no-header",
                   "--null-string", "--date-format", "--timestamp-format", "--row-group-size",
                   "--page-size", "--no-dictionary", "--on-bad-row", "--bad-rows"):
        assert option in convert_help, f"convert --help does not mention {option}"


def test_unknown_subcommand(lode):
    lode.fails("frobnicate", codes=USER_OR_USAGE_ERROR, mentions=("frobnicate",))


def test_convert_without_arguments(lode):
    lode.fails("convert", codes=USER_OR_USAGE_ERROR)


@pytest.mark.parametrize("table", ["flat", "nested"])
def test_pyarrow_to_lode_to_pyarrow_round_trip(lode, table, tmp_path):
    """``lode convert a.parquet b.parquet``: pyarrow reads the same types and values from b."""
    columns = samples.flat_columns() if table == "flat" else samples.nested_columns()
    original = tmp_path / "a.parquet"
    pq.write_table(samples.table(columns), original)
    copy = tmp_path / "b.parquet"
    lode.convert(original, copy)
    before, after = pq.read_table(original), pq.read_table(copy)
    assert after.schema.names == before.schema.names
    for a, b in zip(before.schema, after.schema):
        assert b.type == a.type, f"column {a.name}: {a.type} became {b.type}"
    assert_rows_equal(canonical_rows(before), canonical_rows(after), "round trip through Lode")
