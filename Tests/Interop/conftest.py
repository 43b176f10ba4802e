"""Fixtures shared by the interoperability tests.

The suite checks Lode's Parquet, CSV and NDJSON against pyarrow, DuckDB and polars. Those
oracles are imported at module level everywhere: a missing one is an error, never a skip.
``LODE_BIN`` names the ``lode`` executable under test (``scripts/test`` sets it).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb  # noqa: F401  (a missing oracle must fail collection)
import polars  # noqa: F401
import pyarrow  # noqa: F401
import pytest

import foreign_parquet
from lode_cli import Lode


@pytest.fixture(scope="session")
def lode() -> Lode:
    """The ``lode`` executable named by ``LODE_BIN``."""
    binary = os.environ.get("LODE_BIN")
    if not binary:
        pytest.fail("LODE_BIN is not set: run scripts/test, or set LODE_BIN to the built lode "
                    "executable (e.g. LODE_BIN=$(swift build --show-bin-path)/lode)", pytrace=False)
    path = Path(binary)
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"LODE_BIN={binary} is not an executable file (build it with swift build)", pytrace=False)
    return Lode(path)


@pytest.fixture(scope="session")
def foreign_file(tmp_path_factory):
    """``foreign_file(variant)``: the variant's Parquet file, written once per session."""
    directory = tmp_path_factory.mktemp("foreign")
    made: dict[str, Path] = {}

    def make(variant: foreign_parquet.Variant) -> Path:
        if variant.id not in made:
            made[variant.id] = variant.make(directory / f"{variant.id}.parquet")
        return made[variant.id]

    return make
