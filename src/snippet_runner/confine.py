"""The child side of a run's containment: what the kernel lets a snippet, and everything it starts, do.

``confine`` runs in the forked worker before the snippet's first line. Each layer narrows what the
process and its descendants may do, and none can be undone from inside:

- standard input is ``/dev/null``;
- no file it writes (its printed output included) may grow beyond ``output_bytes`` (``RLIMIT_FSIZE``);
- it gets a network namespace of its own, with no interface up (``unshare(CLONE_NEWNET)``);
- it sees the checkout through a read-only bind mount, so no write, ``chmod`` or ``utime`` can change it;
- Landlock lets it read only what a run needs (``readable_paths``: the checkout without ``.git``, the
  Python installation, system libraries, fonts and kernel information), write only inside its working
  directory (and ``/dev/null``), and refuses links and renames out of read-only folders, TCP bind and
  connect, Unix sockets outside its folder, abstract Unix sockets, signals to processes outside the
  run and tracing them (so no ``/proc/<pid>/environ`` of the runner either);
- it keeps no capabilities, so even as root it cannot leave these namespaces, load kernel modules or
  remount anything.

A layer the kernel (or the user) cannot provide is returned as missing, with the reason, so that the
runner warns about it; it is never skipped silently.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 32, 4096, 16384, 1 << 18
PR_CAPBSET_DROP, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 24, 47, 4
CAPABILITY_VERSION_3 = 0x20080522

SYSTEM_READS = (
    "/usr",
    "/lib",
    "/lib64",
    "/lib32",
    "/libx32",
    "/bin",
    "/sbin",  # programs and libraries, fonts in /usr/share
    "/proc",
    "/sys",
    "/dev",  # the CPU and memory a library asks about (other processes' files stay closed: no tracing)
    "/etc/fonts",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/etc/alternatives",
    "/etc/passwd",
    "/etc/group",
    "/etc/nsswitch.conf",
    "/etc/mime.types",
    "/etc/os-release",
    "/etc/matplotlibrc",
    "/var/cache/fontconfig",
)
"""What every run may read outside the checkout besides the Python installation: no home folder, no
``/root``, no other user's files, no ``/tmp`` but the run's own folder, no ``/etc`` beyond these."""
UNREADABLE_IN_CHECKOUT = frozenset({".git"})
"""The checkout's folders no run may read: git's own files hold the CI job's token
(``http.<url>.extraheader``, written there by ``actions/checkout``)."""


@dataclass(frozen=True)
class Fence:
    """What one run may touch."""

    checkout: str
    """The project's root: read-only for the run."""
    workdir: str
    """The run's own folder (also its ``TMPDIR``): the only place it may write."""
    output_bytes: int
    """The largest file the run may write, its printed output included."""


@dataclass
class Confinement:
    applied: dict[str, str] = field(default_factory=dict)
    """Layer name → how it is enforced."""
    missing: dict[str, str] = field(default_factory=dict)
    """Layer name → why it could not be applied."""


def readable_paths(checkout: str) -> list[str]:
    """Every path a run may read (and execute): the checkout's entries but ``.git``, the Python
    installation and its environment, the runner's own code, and ``SYSTEM_READS``; only those that exist."""
    root = Path(checkout)
    python = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        sys.base_exec_prefix,
        str(Path(os.path.realpath(sys.executable)).parent),
    }
    python.add(str(Path(__file__).resolve().parent))  # the runner imports parts of itself during a run
    project = [str(entry) for entry in sorted(root.iterdir()) if entry.name not in UNREADABLE_IN_CHECKOUT]
    return [path for path in (*project, *sorted(python), *SYSTEM_READS) if os.path.lexists(path)]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _stdin_from_devnull() -> str:
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    return "/dev/null"


def _bound_output(limit: int) -> str:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return f"RLIMIT_FSIZE {limit // 2**20} MB"


def _own_network(libc: ctypes.CDLL) -> str:
    _check(libc.unshare(CLONE_NEWNET), "unshare(CLONE_NEWNET)")
    return "network namespace without interfaces"


def _read_only_checkout(libc: ctypes.CDLL, checkout: str) -> str:
    _check(libc.unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)")
    _check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "mount --make-rprivate /")
    path = os.fsencode(checkout)
    _check(libc.mount(path, path, None, MS_BIND | MS_REC, None), "mount --bind checkout")
    _check(libc.mount(None, path, None, MS_BIND | MS_REMOUNT | MS_RDONLY, None), "mount -o remount,ro checkout")
    return "read-only bind mount"


def _landlock(checkout: str, workdir: str) -> str:
    import landlockpy
    from landlockpy import AccessFS, AccessNet, Ruleset, Scope

    abi = landlockpy.abi_version()
    if abi < 2:  # ABI 1 cannot refuse a hard link out of a read-only folder
        raise OSError(f"Landlock ABI {abi} (needs 2 or newer)")
    with Ruleset(
        handled_net=AccessNet.BIND_TCP | AccessNet.CONNECT_TCP,
        scoped=Scope.ABSTRACT_UNIX_SOCKET | Scope.SIGNAL,
    ) as ruleset:
        for path in readable_paths(checkout):
            folder = AccessFS.READ_DIR if os.path.isdir(path) else AccessFS.NONE  # a file's rule takes no folder right
            ruleset.allow_path(path, AccessFS.READ_FILE | AccessFS.EXECUTE | folder)
        ruleset.allow_path(workdir, landlockpy.fs_for_abi(abi))
        ruleset.allow_path(os.devnull, AccessFS.WRITE_FILE | AccessFS.READ_FILE | AccessFS.TRUNCATE)
        ruleset.restrict()
        handled = ruleset.handled_fs, ruleset.handled_net, ruleset.scoped
    return f"Landlock ABI {abi} (fs {int(handled[0]):#x}, net {int(handled[1]):#x}, scope {int(handled[2]):#x})"


def _drop_capabilities(libc: ctypes.CDLL) -> str:
    last = int(Path("/proc/sys/kernel/cap_last_cap").read_text(encoding="utf-8"))
    for capability in range(last + 1):
        libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)  # fails without CAP_SETPCAP: nothing to drop then
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = (ctypes.c_uint32 * 2)(CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable, twice: all empty
    _check(libc.capset(header, data), "capset")
    return "none kept"


def confine(fence: Fence) -> Confinement:
    """Apply every layer in order (each later one may need the privileges an earlier one keeps)."""
    libc = _libc()
    result = Confinement()
    root = os.geteuid() == 0
    layers = [
        ("stdin", lambda: _stdin_from_devnull()),
        ("output", lambda: _bound_output(fence.output_bytes)),
        ("network", lambda: _own_network(libc)),
        ("checkout", lambda: _read_only_checkout(libc, fence.checkout)),
        ("filesystem", lambda: _landlock(fence.checkout, fence.workdir)),
        ("capabilities", lambda: _drop_capabilities(libc)),
    ]
    for name, apply in layers:
        if name in ("network", "checkout") and not root:
            result.missing[name] = "needs root (CAP_SYS_ADMIN) for a namespace"
            continue
        try:
            result.applied[name] = apply()
        except (OSError, ImportError) as exc:
            result.missing[name] = str(exc)
    return result
