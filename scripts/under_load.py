"""Run a command while every core is busy with another process, to show the guard cannot fail by chance.

    python scripts/under_load.py [--hogs N] -- COMMAND...

Starts one CPU hog per core (a plain busy loop at normal priority, the kind of neighbour a shared CI
machine has), runs COMMAND, stops the hogs and exits with COMMAND's status. It reports how much of
the machine the hogs took, so that a run that was not really loaded is visible.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psutil

HOG = "while True:\n    pass\n"


@contextmanager
def cpu_hogs(count: int) -> Iterator[list[psutil.Process]]:
    """``count`` busy loops, killed on the way out whatever happens."""
    hogs = [psutil.Popen([sys.executable, "-c", HOG]) for _ in range(count)]
    try:
        yield hogs
    finally:
        for hog in hogs:
            hog.kill()
        for hog in hogs:
            hog.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--hogs", type=int, default=len(os.sched_getaffinity(0)), help="busy loops (default: one per core)"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    started = time.monotonic()
    with cpu_hogs(args.hogs) as hogs:
        status = subprocess.call(command)
        hog_seconds = sum(sum(hog.cpu_times()[:2]) for hog in hogs)
    wall = time.monotonic() - started
    share = hog_seconds / (wall * len(os.sched_getaffinity(0)))
    print(
        f"under load: {args.hogs} hog(s) used {hog_seconds:.0f} CPU s in {wall:.0f} s, {share:.0%} of the machine; exit status {status}"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
