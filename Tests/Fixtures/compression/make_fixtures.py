"""Writes the compression fixtures: each input as <name>.bin and pyarrow's compressed
forms beside it (<name>.snappy, <name>.gz, <name>.zst, <name>.lz4raw), plus a few
special streams.

Run from anywhere with the oracle python: `.venv/bin/python make_fixtures.py`.
The inputs are deterministic, so re-running gives the same .bin files.
"""
import gzip
import pathlib
import random
import struct
import zlib

import pyarrow as pa

HERE = pathlib.Path(__file__).resolve().parent
WORDS = ("the of and to in is that for it as with was on be by lakehouse table parquet "
         "column page row group delta commit snapshot schema value null string integer "
         "timestamp decimal compression snappy record batch file footer metadata").split()


def text(rng, size):
    out = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
        line = sentence.capitalize() + (". " if rng.random() < 0.8 else ".\n")
        out.append(line)
        length += len(line)
    return "".join(out).encode()[:size]


def int64_column(rng, count):
    value = 1_700_000_000_000_000
    values = []
    for _ in range(count):
        value += rng.randint(0, 5_000_000)
        values.append(value)
    return struct.pack(f"<{count}q", *values)


def int32_column(rng, count):
    return struct.pack(f"<{count}i", *(rng.randint(-1000, 1000) for _ in range(count)))


def runs(rng, size):
    out = bytearray()
    while len(out) < size:
        period = rng.randint(1, 9)
        pattern = bytes(rng.randrange(256) for _ in range(period))
        out += pattern * rng.randint(1, 200)
        out += bytes(rng.randrange(256) for _ in range(rng.randint(0, 20)))
    return bytes(out[:size])


def main():
    rng = random.Random(20240601)
    inputs = {
        "empty": b"",
        "tiny": b"Lode",
        "text": text(rng, 66_000),  # longer than one 64 KiB snappy block
        "int64": int64_column(rng, 4_000),
        "int32": int32_column(rng, 6_000),
        "random": bytes(rng.randrange(256) for _ in range(8_192)),
        "runs": runs(rng, 30_000),
    }
    for name, data in inputs.items():
        (HERE / f"{name}.bin").write_bytes(data)
        for codec, suffix in (("snappy", "snappy"), ("gzip", "gz"), ("zstd", "zst"), ("lz4_raw", "lz4raw")):
            (HERE / f"{name}.{suffix}").write_bytes(pa.compress(data, codec=codec, asbytes=True))

    # GZIP: two concatenated members, and a zlib (not gzip) wrapper.
    half = len(inputs["text"]) // 2
    (HERE / "text-two-members.gz").write_bytes(
        gzip.compress(inputs["text"][:half], mtime=0) + gzip.compress(inputs["text"][half:], mtime=0))
    (HERE / "text.zlib").write_bytes(zlib.compress(inputs["text"]))

    # ZSTD: a streamed frame without a content size, and two concatenated frames.
    sink = pa.BufferOutputStream()
    stream = pa.CompressedOutputStream(sink, "zstd")
    stream.write(inputs["text"])
    stream.close()
    (HERE / "text-streamed.zst").write_bytes(sink.getvalue().to_pybytes())
    (HERE / "text-two-frames.zst").write_bytes(
        pa.compress(inputs["text"][:half], codec="zstd", asbytes=True)
        + pa.compress(inputs["text"][half:], codec="zstd", asbytes=True))


if __name__ == "__main__":
    main()
