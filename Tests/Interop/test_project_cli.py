"""``lode init`` and the history commands (``runs``, ``checks``, ``lineage``) from outside."""

from __future__ import annotations

import duckdb
import pytest


def test_init_writes_a_starter_project(lode, tmp_path):
    project = tmp_path / "shop"
    result = lode.ok("init", project, "--name", "shop")
    for name in ("lode.yml", ".gitignore", "models/silver/orders.sql", "models/silver/orders.yml",
                 "models/gold/daily_revenue.sql"):
        assert (project / name).is_file(), f"lode init wrote no {name}\n{result.describe()}"
        assert name in result.stdout, result.describe()
    assert "name: shop" in (project / "lode.yml").read_text()
    assert "lake/" in (project / ".gitignore").read_text()


def test_the_starter_sample_reads_in_duckdb(lode, tmp_path):
    """The sample source is plain CSV another engine reads with the columns the contract names."""
    lode.ok("init", tmp_path / "p")
    [sample] = (tmp_path / "p" / "sources" / "orders").glob("*.csv")
    relation = duckdb.sql(f"SELECT * FROM read_csv('{sample}')")
    assert relation.columns == ["order_id", "customer", "status", "amount", "ordered_at"]
    assert len(relation.fetchall()) == 8


def test_init_never_overwrites(lode, tmp_path):
    (tmp_path / "lode.yml").write_text("name: mine\n")
    lode.fails("init", tmp_path, mentions=("never overwrites",))
    assert (tmp_path / "lode.yml").read_text() == "name: mine\n"


@pytest.mark.parametrize("args", [("runs",), ("checks",), ("lineage", "gold.x")])
def test_history_commands_need_a_project(lode, tmp_path, args):
    result = lode.fails(*args, "--project", tmp_path, mentions=("no lode.yml",))
    assert len(result.stderr.strip().splitlines()) == 1, result.describe()


def test_a_new_project_has_no_runs_and_no_run_ids(lode, tmp_path):
    lode.ok("init", tmp_path)
    assert lode.ok("runs", "--project", tmp_path).stdout.startswith("No runs yet")
    assert lode.ok("checks", "--project", tmp_path).stdout.startswith("No check results")
    lode.fails("runs", "20990101T000000", "--project", tmp_path, mentions=("no run '20990101T000000'",))
    lode.fails("lineage", "gold.nope", "--project", tmp_path, mentions=("unknown table 'gold.nope'",))
