"""The worker's own process, made ready before a snippet runs in it: printed output goes to files,
standard input is empty, writes into the checkout are refused (and reads of it recorded), the run's
control groups are joined, the temp directory is the run's own, and the run ends with the runner.
"""

from __future__ import annotations

import os
import select
import sys
import threading
from pathlib import Path
from typing import cast


def redirect_output(workdir: Path) -> None:
    for fd, name in ((1, "stdout.txt"), (2, "stderr.txt")):
        target = os.open(workdir / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(target, fd)
        os.close(target)
    # The run's streams for the rest of the worker's life: nothing closes them but its exit.
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False, buffering=1)  # noqa: SIM115
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115


# Audit events that change the file system, and which of their arguments are paths that must stay outside.
CHANGING_EVENTS = {
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.mkdir": (0,),
    "os.truncate": (0,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.utime": (0,),
    "shutil.rmtree": (0,),
    "os.rename": (0, 1),  # also os.replace, shutil.move
    "os.link": (1,),
    "os.symlink": (1,),
}


# Folders of the checkout whose files are not a snippet's inputs: tools, caches and the runner's own results.
NOT_INPUTS = (".venv", ".git", ".cache", "outputs", "site", "node_modules")
RUNNER_DIR = os.path.realpath(Path(__file__).parent) + os.sep


def guard_repository(repo_root: str) -> set[str]:
    """Refuse writes into the checkout: a snippet may write only into its own working directory.

    Returns the set, filled while the snippet runs, of the checkout's files it reads (paths relative
    to the checkout): the runner adds them to the cache key, so a data file found only at run time
    (a path built from pieces) still re-runs the snippet when it changes.
    """
    root = os.path.realpath(repo_root) + os.sep
    reads: set[str] = set()

    def resolved(path: object) -> str | None:
        if isinstance(path, int) or path is None:
            return None
        try:
            return os.path.realpath(os.fsdecode(cast("str | bytes | os.PathLike[str]", path)))
        except (OSError, ValueError):  # not ours to judge: the call itself reports it
            return None

    def inside(path: object) -> bool:
        real = resolved(path)
        return real is not None and real.startswith(root)

    def hook(event: str, args: tuple) -> None:
        if event == "open" and (real := resolved(args[0])) is not None and real.startswith(root):
            mode, flags = args[1], args[2]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                mode is None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC)
            )
            if writing:
                raise PermissionError(f"snippets may not write into the repository: {args[0]}")
            relative = real[len(root) :]
            if (
                relative.split(os.sep, 1)[0] not in NOT_INPUTS
                and "__pycache__" not in relative
                and not real.startswith(RUNNER_DIR)  # the runner's own code is keyed by its version
            ):
                reads.add(relative.replace(os.sep, "/"))
        elif event in CHANGING_EVENTS:
            for index in CHANGING_EVENTS[event]:
                if index < len(args) and inside(args[index]):
                    raise PermissionError(f"snippets may not change the repository: {args[index]}")

    sys.addaudithook(hook)
    return reads


def join_cgroups(procs_files: tuple[str, ...]) -> dict[str, str]:
    """Move this process into the run's control groups; every process it starts is born there."""
    missing = {}
    for procs in procs_files:
        try:
            Path(procs).write_text(str(os.getpid()), encoding="utf-8")
        except OSError as exc:
            missing[f"cgroup {Path(procs).parent.name}"] = str(exc)
    return missing


def private_temp(workdir: Path) -> None:
    """The system temp directory and the home folder of the run (and of what it starts) are its own
    working directory."""
    import tempfile

    os.environ["TMPDIR"] = os.environ["HOME"] = str(workdir)
    tempfile.tempdir = str(workdir)


def end_with_runner(runner_pid: int) -> None:
    """Stop this run as soon as the runner that started it is gone, so that a runner killed with
    SIGKILL leaves no snippet running on its own (the runner's timeout dies with the runner)."""
    if not runner_pid:
        return
    try:
        runner = os.pidfd_open(runner_pid)
    except ProcessLookupError:
        os._exit(1)
    except (OSError, AttributeError):  # no pidfd on this system: only the runner's timeout guards the run
        return

    def watch() -> None:
        select.select([runner], [], [])  # readable once the runner has exited
        os._exit(1)

    threading.Thread(target=watch, name="runner-watch", daemon=True).start()
