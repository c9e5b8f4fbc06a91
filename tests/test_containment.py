"""A snippet is untrusted code: every way out of its run is either blocked or fails the run by name,
and no secret of the machine or the job reaches it.

Each escape runs as a snippet of a throwaway project through the command line. The test then checks
the message and the exit status, that the checkout is byte-for-byte and mode-for-mode as it was, and
that no process of the run is still alive. The secrets are planted where a CI job has them (the
token ``actions/checkout`` leaves in ``.git/config``, a credentials file in the home folder, the job's
environment); none may appear in the outputs or the log. The notebook kernels run under the same
containment: test_notebook_containment.py.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tiny_project import POLL_SECONDS, Tiny, frozen_ok, make_tiny, write

HEADER = (
    "import ctypes, os, signal, socket, subprocess, sys\n"
    "from pathlib import Path\n"
    "ROOT = Path(__file__).resolve().parents[2]\n"
    "PAGE = ROOT / 'docs' / 'index.md'\n"
)
MARKER = "containment-test-sleeper"
SLEEPER = f"import sys, time\\nsys.argv[0] = '{MARKER}'\\ntime.sleep(600)"


def sleeper(marker: str) -> str:
    """A process that sleeps ten minutes under ``marker`` (its own per test: tests may run side by side)."""
    return SLEEPER.replace(MARKER, marker)


# name -> (code, what the error names). Each one tries to change the checkout or reach outside.
ESCAPES = {
    "c_level_write": (
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "fd = libc.open(bytes(PAGE), os.O_WRONLY | os.O_TRUNC)\n"
        "if fd < 0:\n    raise OSError(ctypes.get_errno(), 'open from C refused')\n",
        "OSError",
    ),
    "torch_save_into_checkout": (
        "import torch\ntorch.save(torch.zeros(3), str(ROOT / 'docs' / 'evil.pt'))\n",
        "RuntimeError",
    ),
    "subprocess_write": (
        "subprocess.run(['sh', '-c', f'echo x > {PAGE}'], check=True)\n",
        "CalledProcessError",
    ),
    "subprocess_new_file": (
        "subprocess.run(['touch', str(ROOT / 'evil.txt')], check=True)\n",
        "CalledProcessError",
    ),
    "subprocess_chmod": (
        "subprocess.run(['chmod', '600', str(PAGE)], check=True)\n",
        "CalledProcessError",
    ),
    "subprocess_touch_mtime": (
        "subprocess.run(['touch', '-d', '2001-01-01', str(PAGE)], check=True)\n",
        "CalledProcessError",
    ),
    "write_through_symlink": (
        "os.symlink(PAGE, 'page.md')\nopen('page.md', 'a').write('x')\n",
        "PermissionError",
    ),
    "write_through_hard_link": (
        "os.link(PAGE, 'page.md')\nopen('page.md', 'a').write('x')\n",
        "OSError",
    ),
    "write_to_system_temp": (
        "open('/tmp/containment-evil.txt', 'w').write('x')\n",
        "PermissionError",
    ),
    "signal_the_parent": (
        "os.kill(os.getppid(), signal.SIGKILL)\n",
        "PermissionError",
    ),
    "enter_the_host_network": (
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "fd = os.open('/proc/1/ns/net', os.O_RDONLY)\n"
        "if libc.setns(fd, 0x40000000) != 0:\n    raise OSError(ctypes.get_errno(), 'setns refused')\n",
        "PermissionError",
    ),
    "remount_the_checkout": (
        "subprocess.run(['mount', '-o', 'remount,rw', str(ROOT)], check=True)\n",
        "CalledProcessError",
    ),
}


def _checkout(tiny: Tiny) -> dict[str, tuple[bytes, int, int]]:
    """Every file of the throwaway checkout with its bytes, mode and modification time (not the runner's cache)."""
    state = {}
    for path in sorted(tiny.root.rglob("*")):
        relative = path.relative_to(tiny.root).as_posix()
        if relative.startswith((".cache", "node_modules/", "overrides/")):
            continue
        info = path.lstat()
        state[relative] = (
            path.read_bytes() if path.is_file() and not path.is_symlink() else b"",
            info.st_mode,
            info.st_mtime_ns,
        )
    return state


def _processes_with(marker: str) -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            pass
    return found


def _no_process_left(marker: str) -> None:
    deadline = time.monotonic() + POLL_SECONDS
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _processes_with(marker), f"processes of the run outlived it: {_processes_with(marker)}"


@dataclass
class Escapes:
    result: subprocess.CompletedProcess[str]
    before: dict
    after: dict
    tiny: Tiny


@pytest.fixture(scope="module")
def escapes(tmp_path_factory: pytest.TempPathFactory) -> Escapes:
    """Every escape in one run of the runner (they run side by side, as a pull request's would)."""
    tiny = make_tiny(tmp_path_factory.mktemp("escapes") / "project")
    frozen_ok(tiny)
    for name, (code, _) in ESCAPES.items():
        tiny.write(f"snippets/escape/{name}.py", HEADER + code + "print('escaped')\n")
    before = _checkout(tiny)
    result = tiny.runner("run")
    return Escapes(result, before, _checkout(tiny), tiny)


def test_the_escapes_fail_the_run_and_leave_the_checkout_as_it_was(escapes: Escapes) -> None:
    assert escapes.result.returncode == 1
    changed = sorted(set(escapes.before.items()) ^ set(escapes.after.items()))
    assert escapes.after == escapes.before, f"the checkout changed: {changed}"
    assert not (escapes.tiny.outputs / "escape").exists(), "no escape produced an output"
    assert not Path("/tmp/containment-evil.txt").exists()


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_an_escape_is_named_with_its_line_and_error(escapes: Escapes, name: str) -> None:
    error = ESCAPES[name][1]
    stderr = escapes.result.stderr
    assert re.search(rf"error: snippets/escape/{name}\.py:\d+: {error}", stderr), (
        f"{name} was not refused by name:\n{stderr}"
    )


PROBE = """\
import json, os, resource
status = dict(line.split(':', 1) for line in open('/proc/self/status').read().splitlines())
state = {
    'capabilities': int(status['CapEff'], 16) == 0 and int(status['CapBnd'], 16) == 0,
    'network': os.readlink('/proc/self/ns/net') != HOST_NET,
    'checkout': any(line.split()[4] == ROOT and ' ro' in ' ' + line.split()[5].replace(',', ' ')
                    for line in open('/proc/self/mountinfo')),
    'process tree': 'snippet-' in open('/proc/self/cgroup').read(),
    'output': resource.getrlimit(resource.RLIMIT_FSIZE)[0] == 8 * 2**20,
    'stdin': os.path.samefile('/proc/self/fd/0', os.devnull),
    'filesystem': status['NoNewPrivs'].strip() == '1',
    'temp': os.environ['TMPDIR'] == os.getcwd(),
}
print(json.dumps(state))
"""


def test_every_layer_is_applied_or_warned_about(tiny: Tiny) -> None:
    """Never silent: what the run can see of its own containment holds, or the runner printed a warning."""
    host_net = os.readlink("/proc/self/ns/net")
    tiny.write("snippets/demo/layers.py", f"HOST_NET = {host_net!r}\nROOT = {str(tiny.root)!r}\n" + PROBE)
    result = tiny.runner("run")
    assert result.returncode == 0, result.stderr
    state = json.loads(json.loads((tiny.outputs / "demo" / "layers.json").read_text(encoding="utf-8"))["sections"][""])
    assert state.pop("temp"), "the run's temp directory is its own working directory"
    for layer, holds in state.items():
        assert holds or f"containment of their {layer}" in result.stderr, (layer, result.stderr)


def test_no_network_at_all(tiny: Tiny) -> None:
    """TCP and UDP to a server of this test on the loopback: nothing arrives."""
    with socket.socket() as tcp, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        tcp.bind(("127.0.0.1", 0))
        tcp.listen()
        tcp.settimeout(0.5)
        udp.bind(("127.0.0.1", 0))
        udp.settimeout(0.5)
        tiny.write(
            "snippets/net/reach.py",
            "import socket\n"
            f"socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'hello', ('127.0.0.1', {udp.getsockname()[1]}))\n"
            f"socket.create_connection(('127.0.0.1', {tcp.getsockname()[1]}), timeout=2)\n",
        )
        result = tiny.runner("run")
        assert result.returncode == 1
        assert (
            "snippets/net/reach.py:2: OSError" in result.stderr
            or "snippets/net/reach.py:3: PermissionError" in result.stderr
        ), result.stderr
        with pytest.raises(TimeoutError):
            tcp.accept()
        with pytest.raises(TimeoutError):
            udp.recvfrom(16)


def test_standard_input_is_empty(tiny: Tiny) -> None:
    tiny.write("snippets/demo/stdin.py", "import os, sys\nprint(repr(sys.stdin.read()), repr(os.read(0, 100)))\n")
    result = tiny.runner("run", stdin="geheim 비밀")
    assert result.returncode == 0, result.stderr
    printed = json.loads((tiny.outputs / "demo" / "stdin.json").read_text(encoding="utf-8"))["sections"][""]
    assert printed == "'' b''\n"


@pytest.mark.parametrize("how", ["new_session", "double_fork", "timeout"])
def test_no_process_outlives_its_run(tiny: Tiny, how: str) -> None:
    marker = f"{MARKER}-{how}"
    start = {
        "new_session": f"subprocess.Popen([sys.executable, '-c', \"{sleeper(marker)}\"], start_new_session=True)\n",
        "double_fork": (
            "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
            f"        os.execv(sys.executable, [sys.executable, '-c', \"{sleeper(marker)}\"])\n    os._exit(0)\n"
        ),
        "timeout": f"subprocess.Popen([sys.executable, '-c', \"{sleeper(marker)}\"], start_new_session=True)\nimport time\ntime.sleep(600)\n",
    }[how]
    if how == "timeout":
        tiny.options('["demo/daemon.py"]\ntimeout = 1\n')
    tiny.write("snippets/demo/daemon.py", HEADER + start + "print('started')\n")
    result = tiny.runner("run")
    if how == "timeout":
        assert result.returncode == 1 and "demo/daemon.py: timed out after 5 s of waiting" in result.stderr, (
            result.stderr
        )
    else:
        assert result.returncode == 0, result.stderr
        assert "process(es) it started were still running at its end and were killed" in result.stderr, result.stderr
    _no_process_left(marker)


def test_memory_is_counted_for_the_whole_process_tree(tiny: Tiny) -> None:
    tiny.options('["demo/child_hog.py"]\nmemory_mb = 400\ntimeout = 30\n')
    tiny.write(
        "snippets/demo/child_hog.py",
        "import subprocess, sys\n"
        "subprocess.run([sys.executable, '-c', 'chunks = []\\nwhile True: chunks.append(bytearray(20_000_000))'])\n"
        "print('the child was stopped')\n",
    )
    result = tiny.runner("run")
    assert result.returncode == 1
    assert "demo/child_hog.py: used more than 400 MB of memory and was stopped" in result.stderr, result.stderr
    assert not (tiny.outputs / "demo" / "child_hog.json").exists()


def test_a_flood_of_output_is_cut_off_with_a_clear_message(tiny: Tiny) -> None:
    before = frozen_ok(tiny)
    tiny.write("snippets/demo/flood.py", "line = 'x' * 1000\nfor _ in range(300_000):\n    print(line)\n")
    result = tiny.runner("run")
    assert result.returncode == 1
    assert "snippets/demo/flood.py: printed more than 8 MB and was stopped" in result.stderr, result.stderr
    assert "output_mb" in result.stderr
    assert tiny.snapshot() == before, "nothing of the flood is kept"


SECRET = "ghs_containmentTestToken0123456789"
"""Planted where a CI job keeps its credentials; it must appear nowhere a run's output goes."""

# name -> (code, what the error names). Each one tries to read a secret (HOME_FILE: planted by the test).
READS = {
    "git_config": ("print(open(ROOT / '.git' / 'config').read())\n", "PermissionError"),
    "git_folder": ("print(os.listdir(ROOT / '.git'))\n", "PermissionError"),
    "home_file": ("print(open(HOME_FILE).read())\n", "PermissionError"),
    "home_by_name": ("print((Path.home() / '.git-credentials').read_text())\n", "FileNotFoundError"),
    "root_folder": ("print(os.listdir('/root'))\n", "PermissionError"),
    "system_temp": ("print(os.listdir('/tmp'))\n", "PermissionError"),
}
ENVIRONMENT_PROBE = """\
print(sorted(os.environ.items()))
print(open('/proc/self/environ').read())
for environ in Path('/proc').glob('[0-9]*/environ'):
    try:
        print(environ, environ.read_bytes())
    except OSError as exc:
        pass
"""


def plant_secrets(checkout: Path, home: Path) -> dict[str, str]:
    """The CI job's token in the checkout's ``.git/config`` and in ``~/.git-credentials``; returns the
    job's environment variables that hold it."""
    write(
        checkout / ".git" / "config", f'[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic {SECRET}\n'
    )
    write(home / ".git-credentials", f"https://x-access-token:{SECRET}@github.com\n")
    return {"HOME": str(home), "GITHUB_TOKEN": SECRET, "DEPLOY_KEY": SECRET}


def test_no_secret_reaches_a_run(tiny: Tiny, tmp_path: Path) -> None:
    environment = plant_secrets(tiny.root, tmp_path / "home")
    home_file = tmp_path / "home" / ".git-credentials"
    for name, (code, _) in READS.items():
        tiny.write(f"snippets/reads/{name}.py", HEADER + f"HOME_FILE = {str(home_file)!r}\n" + code)
    tiny.write("snippets/reads/environment.py", HEADER + ENVIRONMENT_PROBE)
    result = tiny.runner("run", **environment)
    assert result.returncode == 1
    for name, (_, error) in READS.items():
        assert re.search(rf"error: snippets/reads/{name}\.py:\d+: {error}", result.stderr), (
            f"{name} was not refused:\n{result.stderr}"
        )
    printed = (tiny.outputs / "reads" / "environment.json").read_text(encoding="utf-8")
    assert "('HOME', '/tmp/snippet-" in printed, "the probe ran, and its home folder is its own working folder"
    leaks = [
        str(path)
        for path in tiny.root.rglob("*")
        if path.is_file() and ".git" not in path.parts and SECRET.encode() in path.read_bytes()
    ]
    assert not leaks, f"the secret was written into {leaks}"
    assert SECRET not in result.stdout + result.stderr, "the secret is in the log"
