"""The canonical JSON form of tabular data, and comparisons that name the first difference.

Every engine's result is turned into the same plain Python values that Lode's canonical
NDJSON holds once parsed with ``json.loads``:

- null → ``None``; booleans → ``bool``; integers → ``int``
- float/double → ``float`` (a float32 becomes the double nearest to its shortest
  round-trip decimal text); NaN and ±infinity → ``"NaN"``, ``"Infinity"``, ``"-Infinity"``
- decimal → string with exactly ``scale`` fraction digits (``"-12.50"``)
- string → ``str``; binary → standard base64 text
- date → ``"YYYY-MM-DD"``; timestamp → ``"YYYY-MM-DDTHH:MM:SS.fff"`` with 3/6/9 fraction
  digits for ms/us/ns, plus ``"Z"`` when the timestamp is tied to UTC (any time zone)
- struct → ``dict`` in field order; list → ``list``; map → list of ``{"key", "value"}``

Conversions work on the raw Arrow storage (integers for temporal types), so values outside
Python's ``datetime`` range or below microsecond resolution are exact.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import math
import re
from typing import Any, Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_UNIT_DIGITS = {"ms": 3, "us": 6, "ns": 9}
_UNITS_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}


# ---------------------------------------------------------------------------
# Arrow → canonical values
# ---------------------------------------------------------------------------

def canonical_rows(table: pa.Table | pa.RecordBatch) -> list[dict[str, Any]]:
    """Rows of ``table`` as canonical dicts, columns in schema order."""
    names = table.schema.names
    columns = [canonical_column(table.column(i)) for i in range(len(names))]
    return [dict(zip(names, values)) for values in zip(*columns)] if names else []


def canonical_column(array: pa.Array | pa.ChunkedArray) -> list[Any]:
    """Canonical values of one column (chunked or not)."""
    if isinstance(array, pa.ChunkedArray):
        values: list[Any] = []
        for chunk in array.chunks:
            values.extend(canonical_column(chunk))
        return values
    return _canonical_array(array)


def _canonical_array(array: pa.Array) -> list[Any]:
    t = array.type
    if pa.types.is_dictionary(t):
        return _canonical_array(array.dictionary_decode())
    if isinstance(t, pa.ExtensionType):
        return _canonical_array(array.storage)
    if pa.types.is_null(t):
        return [None] * len(array)

    valid = array.is_valid().to_pylist()

    def masked(values: Iterable[Any]) -> list[Any]:
        return [v if ok else None for v, ok in zip(values, valid)]

    if pa.types.is_boolean(t) or pa.types.is_integer(t):
        return array.to_pylist()
    if pa.types.is_floating(t):
        single = t.bit_width < 64
        return [None if v is None else canonical_float(v, single) for v in array.to_pylist()]
    if pa.types.is_decimal(t):
        return [None if v is None else canonical_decimal(v, t.scale) for v in array.to_pylist()]
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return array.to_pylist()
    if (pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t)
            or pa.types.is_fixed_size_binary(t)):
        return [None if v is None else base64.b64encode(v).decode("ascii") for v in array.to_pylist()]
    if pa.types.is_date32(t):
        return masked(format_date(d) for d in _raw_integers(array, pa.int32()))
    if pa.types.is_date64(t):
        return masked(format_date(ms // 86_400_000) for ms in _raw_integers(array, pa.int64()))
    if pa.types.is_timestamp(t):
        return masked(format_timestamp(v, t.unit, t.tz is not None) for v in _raw_integers(array, pa.int64()))
    if pa.types.is_struct(t):
        names = [t.field(i).name for i in range(t.num_fields)]
        children = [_canonical_array(array.field(i)) for i in range(t.num_fields)]
        rows = zip(*children) if names else ([] for _ in valid)
        return masked(dict(zip(names, values)) for values in rows)
    if pa.types.is_map(t):
        key_name, value_name = t.key_field.name, t.item_field.name
        entries = _canonical_array(array.cast(pa.list_(t.field(0))))
        return [None if e is None else [{"key": p[key_name], "value": p[value_name]} for p in e]
                for e in entries]
    if pa.types.is_list_view(t) or pa.types.is_large_list_view(t):
        return _canonical_array(array.cast(pa.large_list(t.value_field)))
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        items = _canonical_array(array.flatten())
        if pa.types.is_fixed_size_list(t):
            lengths = [t.list_size if ok else None for ok in valid]
        else:
            lengths = array.value_lengths().to_pylist()
        return _split_lists(items, lengths)
    raise TypeError(f"no canonical form for Arrow type {t}")


def _raw_integers(array: pa.Array, storage: pa.DataType) -> list[int]:
    """Physical integers behind a temporal array (null slots read as 0)."""
    raw = array.view(storage)
    return pc.fill_null(raw, 0).to_pylist()


def _split_lists(items: list[Any], lengths: list[int | None]) -> list[Any]:
    out: list[Any] = []
    position = 0
    for length in lengths:
        if length is None:
            out.append(None)
        else:
            out.append(items[position:position + length])
            position += length
    return out


def canonical_float(value: float, single: bool = False) -> float | str:
    """A float as canonical JSON holds it: ``"NaN"``/``"Infinity"`` strings for specials."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if single:
        return float(str(np.float32(value)))
    return float(value)


def canonical_decimal(value: decimal.Decimal, scale: int) -> str:
    """Decimal text with exactly ``scale`` fraction digits."""
    context = decimal.Context(prec=100)
    quantum = decimal.Decimal(1).scaleb(-scale)
    return format(value.quantize(quantum, context=context), "f")


def format_date(days: int) -> str:
    """``YYYY-MM-DD`` for a count of days since 1970-01-01."""
    return dt.date.fromordinal(_EPOCH_ORDINAL + days).isoformat()


def format_timestamp(value: int, unit: str, utc: bool) -> str:
    """Canonical timestamp text for ``value`` counted in ``unit`` since the epoch."""
    per_second = _UNITS_PER_SECOND[unit]
    seconds, fraction = divmod(value, per_second)
    days, second_of_day = divmod(seconds, 86_400)
    hours, rest = divmod(second_of_day, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{format_date(days)}T{hours:02d}:{minutes:02d}:{secs:02d}"
    digits = _UNIT_DIGITS.get(unit)
    if digits is None:  # seconds: Lode has no such unit, show as milliseconds
        digits, fraction = 3, 0
    text += f".{fraction:0{digits}d}"
    return text + ("Z" if utc else "")


# ---------------------------------------------------------------------------
# Canonical NDJSON text
# ---------------------------------------------------------------------------

def _reject_constant(name: str) -> Any:
    raise ValueError(f"bare {name} is not JSON; canonical NDJSON spells it as a string")


def parse_ndjson(text: str, source: str = "NDJSON") -> list[dict[str, Any]]:
    """Strictly parse NDJSON text (blank lines ignored), naming the bad line on error."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line, parse_constant=_reject_constant))
        except ValueError as error:
            raise AssertionError(f"{source}:{number}: not valid JSON ({error}): {line[:200]!r}") from None
    return rows


def dump_ndjson(rows: Iterable[dict[str, Any]]) -> str:
    """Canonical rows as NDJSON text (UTF-8 kept, shortest float text)."""
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in rows)


# ---------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------

def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, float):
        if not isinstance(actual, (int, float)):
            return False
        if expected == 0.0:
            return actual == 0 and math.copysign(1.0, expected) == math.copysign(1.0, float(actual))
        return float(actual) == expected
    if isinstance(expected, int):
        return type(actual) is int and actual == expected
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and list(expected) == list(actual)
                and all(_same(expected[k], actual[k]) for k in expected))
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(_same(e, a) for e, a in zip(expected, actual)))
    return type(expected) is type(actual) and expected == actual


def _first_difference(expected: Any, actual: Any, path: str) -> str | None:
    if _same(expected, actual):
        return None
    if isinstance(expected, dict) and isinstance(actual, dict):
        if list(expected) != list(actual):
            return f"{path}: keys differ: expected {list(expected)}, got {list(actual)}"
        for key in expected:
            found = _first_difference(expected[key], actual[key], f"{path}.{key}")
            if found:
                return found
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (e, a) in enumerate(zip(expected, actual)):
            found = _first_difference(e, a, f"{path}[{index}]")
            if found:
                return found
    return f"{path}: expected {_show(expected)}, got {_show(actual)}"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 300 else text[:300] + "…"


def first_row_difference(expected: list[dict], actual: list[dict]) -> str | None:
    """A sentence naming the first differing row and column, or ``None`` when equal."""
    for index, (e, a) in enumerate(zip(expected, actual)):
        if list(e) != list(a):
            return f"row {index}: columns differ: expected {list(e)}, got {list(a)}"
        for column in e:
            found = _first_difference(e[column], a[column], column)
            if found:
                return f"row {index}, column {found}"
    if len(expected) != len(actual):
        return f"row count differs: expected {len(expected)}, got {len(actual)}"
    return None


def assert_rows_equal(expected: list[dict], actual: list[dict], what: str = "rows") -> None:
    """Fail with the first differing row/column (and both full rows) when the lists differ."""
    __tracebackhide__ = True
    difference = first_row_difference(expected, actual)
    if difference is None:
        return
    message = f"{what}: {difference}"
    for index, (e, a) in enumerate(zip(expected, actual)):
        if not _same(e, a):
            message += f"\n  expected row {index}: {_show(e)}\n  actual row   {index}: {_show(a)}"
            break
    raise AssertionError(message)


# ---------------------------------------------------------------------------
# Arrow type signatures (for comparing schemas without list/map field names)
# ---------------------------------------------------------------------------

def type_signature(t: pa.DataType) -> str:
    """Arrow type text with list item names dropped and string/binary widths unified."""
    if pa.types.is_dictionary(t):
        return type_signature(t.value_type)
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return "string"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t):
        return "binary"
    if pa.types.is_map(t):
        return f"map<{type_signature(t.key_type)}, {type_signature(t.item_type)}>"
    if (pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_list_view(t)
            or pa.types.is_large_list_view(t)):
        return f"list<{type_signature(t.value_type)}>"
    if pa.types.is_struct(t):
        inner = ", ".join(f"{t.field(i).name}: {type_signature(t.field(i).type)}" for i in range(t.num_fields))
        return f"struct<{inner}>"
    if pa.types.is_timestamp(t):
        return f"timestamp[{t.unit}{', UTC' if t.tz is not None else ''}]"
    return str(t)


def schema_signature(schema: pa.Schema) -> list[tuple[str, str]]:
    return [(f.name, type_signature(f.type)) for f in schema]


_TIMESTAMP_TEXT = re.compile(r"(\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d+)(Z?)")


def without_unit(value: Any) -> Any:
    """Canonical values with timestamp fractions stripped of trailing zeros, so readings of
    one instant at different resolutions (``.120`` ms, ``.120000`` us) compare equal."""
    if isinstance(value, str):
        match = _TIMESTAMP_TEXT.fullmatch(value)
        if match:
            fraction = match.group(2).rstrip("0")
            return match.group(1) + (f".{fraction}" if fraction else "") + match.group(3)
        return value
    if isinstance(value, dict):
        return {k: without_unit(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_unit(v) for v in value]
    return value
