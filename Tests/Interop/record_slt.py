"""Re-records the expected results of Tests/SQL/**/*.slt from DuckDB.

    python Tests/Interop/record_slt.py [--check] [FILE_OR_NAME ...]

Without names every file is recorded. ``--check`` rewrites nothing and exits 1 when a
recorded expectation differs from DuckDB's answer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import slt


def resolve(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path.resolve()
    matches = [p for p in slt.all_files() if p.name in (name, name + ".slt") or p.stem == name]
    if not matches:
        sys.exit(f"record-slt: no .slt file named {name} under {slt.SQL_DIR}")
    return matches[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--check", action="store_true", help="compare only, rewrite nothing")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    paths = [resolve(name) for name in args.files] or slt.all_files()
    failed = False
    for path in paths:
        if args.check:
            problems = slt.check_file(path)
        else:
            recorded, problems = slt.record_file(path)
            text = recorded.render()
            if text != path.read_text(encoding="utf-8"):
                path.write_text(text, encoding="utf-8")
                print(f"recorded {path.relative_to(slt.ROOT)}")
        for problem in problems:
            print(problem, file=sys.stderr)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
