"""Process measurement for the kommunsk benchmarks: wall time, CPU time and peak memory.

Each command runs as a child process reaped with os.wait4, which returns the CPU time (user and
system seconds) of that child and every descendant it waited for; GNU time around the command
reports its peak resident set size. Time and memory come from the *same* run.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, asdict

# Reports a command's peak memory (see `run`).
GNU_TIME = "/usr/bin/time"
# A run longer than this is a hang, not a measurement (the slowest single command measured,
# an 8x-corpus ingest, takes well under a minute on the 2-core benchmark machine).
TIMEOUT_SECONDS = int(os.environ.get("MEASURE_TIMEOUT", "600"))


@dataclass
class Sample:
    """One run of one command."""

    wall: float  # seconds, monotonic clock
    user: float  # CPU seconds in user mode
    sys: float  # CPU seconds in the kernel
    max_rss_kb: int  # peak resident set size of the process tree's largest member
    returncode: int

    @property
    def cpu(self) -> float:
        return self.user + self.sys

    def to_json(self) -> dict:
        d = asdict(self)
        d["cpu"] = self.cpu
        return d


class Timeout(Exception):
    """The command ran longer than TIMEOUT_SECONDS and was killed."""


def run(cmd: list[str], *, cwd: str | None = None, stdout=subprocess.DEVNULL, env=None,
        rss: bool = True) -> Sample:
    """Runs `cmd` once with stdout (by default) and stderr discarded and measures it.

    Peak memory comes from GNU time wrapped around the command: a child forked from this Python
    process starts with Python's resident pages counted, and Linux keeps that high-water mark
    across exec, so the child's own ru_maxrss would read ~20 MB too high. GNU time is small, so
    the rusage it reports for *its* child is the command's own. With rss=False the command runs
    bare (for latencies of a few ms, where the wrapper's exec would add noise) and max_rss_kb is 0.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *cmd] if rss else cmd
        started = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
        deadline = started + TIMEOUT_SECONDS
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise Timeout(" ".join(cmd))
            # Poll finely at first (commands of a few ms), then back off.
            time.sleep(0.0005 if time.perf_counter() - started < 0.05 else 0.01)
        wall = time.perf_counter() - started
        # GNU time writes "Command exited with non-zero status N" before the format when N != 0.
        lines = rss_file.read().split() if rss else []
        max_rss = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, usage.ru_utime, usage.ru_stime, max_rss, proc.returncode)


def median_sample(samples: list[Sample]) -> dict:
    """Median wall and CPU time, and the largest peak memory, over repeated runs."""
    return {
        "runs": len(samples),
        "wall": statistics.median(s.wall for s in samples),
        "cpu": statistics.median(s.cpu for s in samples),
        "user": statistics.median(s.user for s in samples),
        "sys": statistics.median(s.sys for s in samples),
        "wall_min": min(s.wall for s in samples),
        "cpu_min": min(s.cpu for s in samples),
        "max_rss_kb": max(s.max_rss_kb for s in samples),
        "failed": sum(1 for s in samples if s.returncode != 0),
    }


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def load_average() -> list[float]:
    """The 1-, 5- and 15-minute load averages: how busy the shared machine was."""
    return list(os.getloadavg())


def cpu_pressure() -> float | None:
    """Share of the last 60 s (percent) in which some runnable task waited for a CPU (Linux PSI)."""
    try:
        text = open("/proc/pressure/cpu").read()
    except OSError:
        return None
    match = re.search(r"^some .*?avg60=([\d.]+)", text, re.M)
    return float(match.group(1)) if match else None
