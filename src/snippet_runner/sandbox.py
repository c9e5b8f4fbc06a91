"""Any command under the containment of a snippet run: for snippet code that runs outside the runner's
workers, such as a notebook's cells in a Jupyter kernel.

The caller makes a ``Sandbox`` (a working folder and the control groups) and starts
``sandbox.command(argv)`` however it likes. That command is this module's ``main``: it joins the
control groups, applies ``confine.confine`` (the very layers of a runner worker: no network, the
checkout read-only, Landlock's read and write rules, no capabilities, bounded output), and replaces
itself with ``argv``, whose whole environment is ``run_environment.confined_environment``. Everything
the command starts inherits all of it; ``Sandbox.close`` kills whatever is left and removes the folder.

    python -m snippet_runner.sandbox --checkout ROOT --workdir DIR --output-bytes N [--cwd DIR] [--procs FILE]... [--set NAME=VALUE]... -- COMMAND...
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import worker_setup
from .cgroups import RunGroup
from .confine import Fence, confine
from .run_environment import confined_environment

PR_SET_PDEATHSIG = 1


@dataclass
class Sandbox:
    """One confined command's folder (its working, home and temp folder) and control groups."""

    checkout: Path
    workdir: Path
    group: RunGroup
    output_bytes: int
    settings: dict[str, str] = field(default_factory=dict)
    """Variables the command gets beside the allowlist (``run_environment.PASSED_THROUGH``)."""

    @classmethod
    def create(cls, checkout: Path, *, memory_mb: int, output_bytes: int, settings: Mapping[str, str] = {}) -> Sandbox:
        workdir = Path(tempfile.mkdtemp(prefix="sandbox-"))
        return cls(checkout, workdir, RunGroup.create(workdir.name, memory_mb), output_bytes, dict(settings))

    @property
    def missing(self) -> dict[str, str]:
        """Control groups that could not be made (the command's own layers are reported by it)."""
        return self.group.missing

    def command(self, argv: list[str], cwd: Path | None = None) -> list[str]:
        """``argv``, to be run confined, in ``cwd`` (default: the sandbox's folder)."""
        fence = [
            "--checkout",
            str(self.checkout),
            "--workdir",
            str(self.workdir),
            "--output-bytes",
            str(self.output_bytes),
        ]
        fence += ["--cwd", str(cwd or self.workdir)]
        groups = [argument for procs in self.group.procs_files for argument in ("--procs", procs)]
        settings = [argument for name, value in self.settings.items() for argument in ("--set", f"{name}={value}")]
        return [sys.executable, "-m", __name__, *fence, *groups, *settings, "--", *argv]

    def close(self) -> list[int]:
        """Kill every process still in the sandbox and remove its folder; returns the pids that were left."""
        left = self.group.close()
        shutil.rmtree(self.workdir, ignore_errors=True)
        return left

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m snippet_runner.sandbox", description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--output-bytes", type=int, required=True)
    parser.add_argument("--cwd", help="the command's working folder (default: --workdir)")
    parser.add_argument("--procs", action="append", default=[], help="a cgroup.procs file to join")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a variable of the command's environment"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command after --")
    missing = worker_setup.join_cgroups(tuple(args.procs))
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # it ends with whoever started it
    os.chdir(args.cwd or args.workdir)
    settings = dict(setting.split("=", 1) for setting in args.set)
    environment = confined_environment(args.workdir, {"TMPDIR": args.workdir, **settings})
    confinement = confine(Fence(checkout=args.checkout, workdir=args.workdir, output_bytes=args.output_bytes))
    for layer, reason in (missing | confinement.missing).items():
        print(f"warning: sandbox without {layer}: {reason}", file=sys.stderr)
    os.execvpe(command[0], command, environment)


if __name__ == "__main__":
    sys.exit(main())
