"""What every benchmark report shares: the machine, the commit, the Swift version, and
replacing a marked section of BENCHMARKS.md. Standard library only, so that benchmarks
running in another virtual environment (dbt's) can use it too."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def machine() -> dict:
    """Cores available to this process, CPU model, memory, OS and load average."""
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        memory_kib = int(f.readline().split()[1])
    os_name = platform.platform()
    if Path("/etc/os-release").exists():
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))}, Linux {platform.release()}"
    return {"cores": len(os.sched_getaffinity(0)), "cpu": cpu, "memory_gib": memory_kib / 1024 / 1024,
            "os": os_name, "load": os.getloadavg()}


def git_commit() -> str:
    """The checked-out commit, marked `-dirty` when Lode's sources differ from it."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return commit + ("-dirty" if dirty else "")


def swift_version() -> str:
    try:
        out = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
        return out.splitlines()[0].strip()
    except (OSError, IndexError):
        return "unknown"


def replace_section(path: Path, section: str, start: str, end: str, intro: str = "# Benchmarks\n") -> None:
    """Replaces the text between the `start` and `end` markers of `path` (or appends it)."""
    text = path.read_text() if path.exists() else intro
    block = f"{start}\n{section}{end}\n"
    if start in text and end in text:
        before = text[:text.index(start)]
        after = text[text.index(end) + len(end):].lstrip("\n")
        text = before + block + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text)
