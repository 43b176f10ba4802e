"""Lode's canonical NDJSON text of a pyarrow table, computed independently of Lode.

null -> null; booleans; integers; floats as repr() ("NaN"/"Infinity"/"-Infinity" strings);
decimals as strings with exactly `scale` digits; strings with json.dumps(ensure_ascii=False);
binary as base64; dates "YYYY-MM-DD"; timestamps "YYYY-MM-DDTHH:MM:SS.fff[fff[fff]]" + "Z" when
the type has a time zone; structs as objects; lists as arrays; maps as [{"key":k,"value":v}].
"""
import base64
import datetime
import json
import math

import numpy
import pyarrow as pa

EPOCH = datetime.date(1970, 1, 1)
DIGITS = {"ms": 3, "us": 6, "ns": 9}


def value_text(value, typ):
    if value is None:
        return "null"
    if pa.types.is_boolean(typ):
        return "true" if value else "false"
    if pa.types.is_integer(typ):
        return str(value)
    if pa.types.is_floating(typ):
        if pa.types.is_float32(typ) and math.isfinite(value):
            # The shortest text that reads back as the same float32, laid out as repr().
            return repr(float(str(numpy.float32(value))))
        if math.isnan(value):
            return '"NaN"'
        if math.isinf(value):
            return '"Infinity"' if value > 0 else '"-Infinity"'
        return repr(value)
    if pa.types.is_decimal(typ):
        assert value.as_tuple().exponent == -typ.scale
        return '"' + format(value, "f") + '"'
    if pa.types.is_string(typ) or pa.types.is_large_string(typ):
        return json.dumps(value, ensure_ascii=False)
    if pa.types.is_binary(typ) or pa.types.is_large_binary(typ):
        return '"' + base64.b64encode(value).decode() + '"'
    if pa.types.is_date32(typ):
        return '"' + value.isoformat() + '"'
    if pa.types.is_timestamp(typ):
        return '"' + timestamp_text(value, typ) + '"'
    if pa.types.is_struct(typ):
        return "{" + ",".join(json.dumps(typ.field(i).name, ensure_ascii=False) + ":" +
                              value_text(value[typ.field(i).name], typ.field(i).type)
                              for i in range(typ.num_fields)) + "}"
    if pa.types.is_map(typ):
        return "[" + ",".join('{"key":' + value_text(k, typ.key_type) + ',"value":' + value_text(v, typ.item_type) + "}"
                              for k, v in value) + "]"
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        return "[" + ",".join(value_text(v, typ.value_type) for v in value) + "]"
    raise TypeError(f"no canonical text for {typ}")


def timestamp_text(value, typ):
    """`value` is the integer count of `typ.unit`s since the epoch, or a datetime (microsecond precision)."""
    per_second = 10 ** DIGITS[typ.unit]
    if isinstance(value, datetime.datetime):
        delta = value.replace(tzinfo=None) - datetime.datetime(1970, 1, 1)
        value = (delta.days * 86400 + delta.seconds) * per_second + delta.microseconds * per_second // 10**6
    seconds, fraction = divmod(value, per_second)
    days, second_of_day = divmod(seconds, 86400)
    date = EPOCH + datetime.timedelta(days=days)
    text = "%s-%02d-%02dT%02d:%02d:%02d.%0*d" % (
        ("%04d" % date.year), date.month, date.day, second_of_day // 3600, second_of_day // 60 % 60,
        second_of_day % 60, DIGITS[typ.unit], fraction)
    return text + ("Z" if typ.tz is not None else "")


def table_lines(table):
    """The canonical NDJSON lines of `table`."""
    columns = []
    for field, column in zip(table.schema, table.columns):
        if pa.types.is_timestamp(field.type):
            values = column.cast(pa.int64()).to_pylist()
        else:
            values = column.to_pylist()
        columns.append((field, values))
    lines = []
    for row in range(table.num_rows):
        lines.append("{" + ",".join(json.dumps(field.name, ensure_ascii=False) + ":" + value_text(values[row], field.type)
                                    for field, values in columns) + "}")
    return lines
