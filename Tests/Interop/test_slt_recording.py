"""The expectations in Tests/SQL/**/*.slt are DuckDB's answers to the same statements:
re-running every file in DuckDB (the pinned oracle) gives what is recorded."""

from __future__ import annotations

import pytest

import slt

FILES = slt.all_files()


def test_there_are_slt_files():
    assert len(FILES) > 5, f"no .slt files under {slt.SQL_DIR}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_recorded_results_are_duckdbs(path):
    problems = slt.check_file(path)
    assert not problems, "\n".join(str(p) for p in problems) + "\n(re-record with scripts/record-slt)"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_hand_written_expectation_gives_its_reason(path):
    for record in slt.parse(path).records:
        if record.differs is not None:
            assert record.differs, f"{path.name}:{record.line}: '# lode-differs:' without a reason"
            assert record.kind == "statement error" or record.types, \
                f"{path.name}:{record.line}: a hand-written query needs its column types"
