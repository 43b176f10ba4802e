"""The canonicalizer and the comparison, checked on hand-written values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pytest

from canonical import (assert_rows_equal, canonical_column, canonical_rows, first_row_difference,
                       parse_ndjson, without_unit)


@pytest.mark.parametrize("array, expected", [
    (pa.array([True, None, False]), [True, None, False]),
    (pa.array([-(1 << 63), (1 << 63) - 1, None], pa.int64()), [-(1 << 63), (1 << 63) - 1, None]),
    (pa.array([255, 0], pa.uint8()), [255, 0]),
    (pa.array([0.1, float("nan"), float("inf"), float("-inf"), -0.0, None], pa.float32()),
     [0.1, "NaN", "Infinity", "-Infinity", -0.0, None]),
    (pa.array([3.4028234663852886e38, 1.401298464324817e-45], pa.float32()), [3.4028235e38, 1e-45]),
    (pa.array([0.1, 5e-324, 1e300], pa.float64()), [0.1, 5e-324, 1e300]),
    (pa.array([Decimal("-12.5"), Decimal("0"), None], pa.decimal128(10, 2)), ["-12.50", "0.00", None]),
    (pa.array([Decimal("9" * 28 + "." + "9" * 10)], pa.decimal128(38, 10)), ["9" * 28 + "." + "9" * 10]),
    (pa.array([Decimal("0E-10")], pa.decimal128(38, 10)), ["0.0000000000"]),
    (pa.array([Decimal("7")], pa.decimal128(5, 0)), ["7"]),
    (pa.array(["", "Grüße", "日本語", "😀", None]), ["", "Grüße", "日本語", "😀", None]),
    (pa.array(["x", None], pa.large_string()), ["x", None]),
    (pa.array([b"\x00\xff", b"", None], pa.binary()), ["AP8=", "", None]),
    (pa.array([b"ab"], pa.binary(2)), ["YWI="]),
    (pa.array([dt.date(1, 1, 1), dt.date(9999, 12, 31), None], pa.date32()), ["0001-01-01", "9999-12-31", None]),
    (pa.array([-1, 0], pa.timestamp("ms")), ["1969-12-31T23:59:59.999", "1970-01-01T00:00:00.000"]),
    (pa.array([-1], pa.timestamp("us", tz="UTC")), ["1969-12-31T23:59:59.999999Z"]),
    (pa.array([-(1 << 63)], pa.timestamp("ns")), ["1677-09-21T00:12:43.145224192"]),
    (pa.array([0], pa.timestamp("ns", tz="America/New_York")), ["1970-01-01T00:00:00.000000000Z"]),
    (pa.array([{"a": 1, "b": None}, None], pa.struct([("a", pa.int32()), ("b", pa.string())])),
     [{"a": 1, "b": None}, None]),
    (pa.array([[1, None], [], None], pa.list_(pa.int8())), [[1, None], [], None]),
    (pa.array([[1], None], pa.large_list(pa.int8())), [[1], None]),
    (pa.array([[("k", 1), ("z", None)], [], None], pa.map_(pa.string(), pa.int32())),
     [[{"key": "k", "value": 1}, {"key": "z", "value": None}], [], None]),
    (pa.array([[[1], None, []]], pa.list_(pa.list_(pa.int32()))), [[[1], None, []]]),
])
def test_canonical_values(array, expected):
    actual = canonical_column(array)
    assert first_row_difference([{"v": e} for e in expected], [{"v": a} for a in actual]) is None, actual


def test_sliced_chunked_and_dictionary_arrays():
    lists = pa.array([[1], [2, 3], None, [4]], pa.list_(pa.int64())).slice(1, 2)
    assert canonical_column(lists) == [[2, 3], None]
    structs = pa.array([{"a": 1}, {"a": 2}, {"a": 3}], pa.struct([("a", pa.int64())])).slice(1)
    assert canonical_column(structs) == [{"a": 2}, {"a": 3}]
    maps = pa.array([[("a", 1)], [("b", 2)], [("c", 3)]], pa.map_(pa.string(), pa.int64())).slice(2)
    assert canonical_column(maps) == [[{"key": "c", "value": 3}]]
    chunked = pa.chunked_array([pa.array([1, 2]), pa.array([3])])
    assert canonical_column(chunked) == [1, 2, 3]
    dictionary = pa.array(["x", "y", "x", None]).dictionary_encode()
    assert canonical_column(dictionary) == ["x", "y", "x", None]
    dates = pa.array([dt.date(2000, 1, 1), None, dt.date(2000, 1, 3)], pa.date32()).slice(1)
    assert canonical_column(dates) == [None, "2000-01-03"]


def test_rows_keep_column_order():
    table = pa.table({"b": [1], "a": ["x"]})
    assert list(canonical_rows(table)[0]) == ["b", "a"]


@pytest.mark.parametrize("expected, actual", [
    (0.1, 0.10000000149011612),  # float32 widened instead of shortest text
    (True, 1),
    (1, True),
    (1, 1.0),                    # an integer column spelled as a float
    (-0.0, 0.0),
    ("-12.50", "-12.5"),
    ("NaN", None),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # struct fields out of order
    ([1, 2], [1, 2, 3]),
    ("2024-01-01T00:00:00.000000Z", "2024-01-01T00:00:00.000000"),
])
def test_comparison_is_strict(expected, actual):
    assert first_row_difference([{"c": expected}], [{"c": actual}]) is not None


@pytest.mark.parametrize("expected, actual", [(1.0, 1), (1e300, 1e300), ([{"a": None}], [{"a": None}])])
def test_comparison_accepts_equal_json(expected, actual):
    assert first_row_difference([{"c": expected}], [{"c": actual}]) is None


def test_difference_names_row_and_column():
    expected = [{"id": 1, "s": {"x": [1, 2]}}, {"id": 2, "s": {"x": [3]}}]
    actual = [{"id": 1, "s": {"x": [1, 2]}}, {"id": 2, "s": {"x": [4]}}]
    assert first_row_difference(expected, actual) == "row 1, column s.x[0]: expected 3, got 4"
    assert first_row_difference(expected, expected[:1]) == "row count differs: expected 2, got 1"
    with pytest.raises(AssertionError, match=r"row 1, column s\.x\[0\]"):
        assert_rows_equal(expected, actual)


def test_parse_ndjson_is_strict():
    assert parse_ndjson('{"a": "NaN"}\n\n{"a": 1}\n') == [{"a": "NaN"}, {"a": 1}]
    with pytest.raises(AssertionError, match="out.ndjson:2"):
        parse_ndjson('{"a": 1}\n{"a": NaN}\n', "out.ndjson")
    with pytest.raises(AssertionError, match="x:1"):
        parse_ndjson('{"a": \n', "x")


def test_without_unit_compares_instants():
    assert without_unit("2024-01-01T00:00:00.120000Z") == without_unit("2024-01-01T00:00:00.120Z")
    assert without_unit("2024-01-01T00:00:00.000") == "2024-01-01T00:00:00"
    assert without_unit({"a": ["1970-01-01T00:00:00.000000001"]}) == {"a": ["1970-01-01T00:00:00.000000001"]}
