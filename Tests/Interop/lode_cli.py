"""Running the ``lode`` executable and judging how it ended.

A run that dies by a signal, hangs, or prints a runtime trap message fails the test,
whatever exit status the test expected.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TIMEOUT_SECONDS = 120
CRASH_MARKERS = ("Fatal error", "Stack dump", "Program crashed", "Segmentation fault",
                 "Illegal instruction", "Current stack trace", "Thread 0 crashed")
USER_ERROR = (1,)
USER_OR_USAGE_ERROR = (1, 2)


@dataclass
class LodeRun:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return (f"$ lode {' '.join(self.args)}\nexit status {self.returncode}\n"
                f"--- stdout ---\n{self.stdout[-3000:]}\n--- stderr ---\n{self.stderr[-3000:]}")


class Lode:
    """The ``lode`` executable under test."""

    def __init__(self, binary: Path):
        self.binary = binary

    def run(self, *args: Any, timeout: float = TIMEOUT_SECONDS) -> LodeRun:
        """Run ``lode args``; fail on a signal, a hang or a crash message."""
        argv = [str(a) for a in args]
        try:
            process = subprocess.run([str(self.binary), *argv], capture_output=True, timeout=timeout,
                                     stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pytest.fail(f"lode {' '.join(argv)} did not finish within {timeout} s", pytrace=False)
        result = LodeRun(argv, process.returncode,
                         process.stdout.decode("utf-8", "replace"), process.stderr.decode("utf-8", "replace"))
        if result.returncode < 0:
            pytest.fail(f"lode was killed by signal {-result.returncode}\n{result.describe()}", pytrace=False)
        crash = next((m for m in CRASH_MARKERS if m in result.stderr), None)
        if crash:
            pytest.fail(f"lode printed a crash report ({crash!r})\n{result.describe()}", pytrace=False)
        return result

    def ok(self, *args: Any) -> LodeRun:
        """Run and require exit status 0."""
        result = self.run(*args)
        if result.returncode != 0:
            pytest.fail(f"lode failed\n{result.describe()}", pytrace=False)
        return result

    def fails(self, *args: Any, codes: tuple[int, ...] = USER_ERROR, mentions: tuple[str, ...] = ()) -> LodeRun:
        """Run and require a clean failure: an exit status in ``codes``, a message on
        stderr that contains every text in ``mentions``, and no Swift backtrace."""
        result = self.run(*args)
        if result.returncode not in codes:
            pytest.fail(f"expected exit status in {codes}\n{result.describe()}", pytrace=False)
        if not result.stderr.strip():
            pytest.fail(f"failed without a message on stderr\n{result.describe()}", pytrace=False)
        missing = [m for m in mentions if m not in result.stderr]
        if missing:
            pytest.fail(f"error message does not mention {missing}\n{result.describe()}", pytrace=False)
        return result

    def convert(self, source: Path, target: Path, *options: Any) -> LodeRun:
        """``lode convert source target options…``, required to succeed and write ``target``."""
        result = self.ok("convert", source, target, *options)
        if not Path(target).is_file():
            pytest.fail(f"lode convert exited 0 but wrote no {target}\n{result.describe()}", pytrace=False)
        return result

    def inspect_json(self, path: Path) -> dict:
        """The object printed by ``lode inspect path --json``."""
        result = self.ok("inspect", path, "--json")
        try:
            return json.loads(result.stdout)
        except ValueError as error:
            pytest.fail(f"inspect --json printed invalid JSON ({error})\n{result.describe()}", pytrace=False)
