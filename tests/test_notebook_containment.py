"""A notebook's cells are snippet code too: the kernel that runs them in the notebook test is confined as
a runner worker is (``notebook_run``, ``snippet_runner.sandbox``).

A pull request's snippet, already frozen, is replaced by a hostile one and its page's notebook made
by the generator, as the notebook test would make and run it. Each attempt must fail the notebook
with its error, or show nothing of what it looked for; the checkout stays byte-for-byte as it was;
no process of the kernel is left; the planted secrets appear in no output.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import nbformat
import pytest

from notebook_run import Run, execute
from snippet_notebooks.builder import NotebookBuilder
from snippet_notebooks.pages import PageCode, SnippetUse
from snippet_notebooks.pins import read_pins
from snippet_notebooks.site import Site
from snippet_runner.project import Project
from test_containment import ENVIRONMENT_PROBE, MARKER, SECRET, _checkout, _processes_with, plant_secrets, sleeper
from tiny_project import POLL_SECONDS, Tiny, frozen_ok, make_tiny

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
DAEMON = f"{MARKER}-notebook"

# name -> (the cell's code, the error the notebook stops with; "" for none). ROOT, HOME_FILE, PORT: set by the test.
ATTEMPTS = {
    "write_into_checkout": ("open(ROOT / 'docs' / 'index.md', 'a').write('x')\n", "OSError"),
    "new_file_from_a_subprocess": (
        "subprocess.run(['touch', str(ROOT / 'evil.txt')], check=True)\n",
        "CalledProcessError",
    ),
    "read_the_git_token": ("print(open(ROOT / '.git' / 'config').read())\n", "PermissionError"),
    "read_the_home_folder": ("print(open(HOME_FILE).read())\n", "PermissionError"),
    "read_root": ("print(os.listdir('/root'))\n", "PermissionError"),
    "reach_the_network": ("socket.create_connection(('127.0.0.1', PORT), timeout=2)\n", "PermissionError"),
    "leave_a_daemon": (
        f"subprocess.Popen([sys.executable, '-c', \"{sleeper(DAEMON)}\"], start_new_session=True)\n",
        "",
    ),
    "print_the_environment": (ENVIRONMENT_PROBE, ""),
}


def _notebook(tiny: Tiny) -> nbformat.NotebookNode:
    """The notebook the generator makes for the tiny project's page, which shows ``demo/good.py``."""
    project = Project.at(tiny.root)
    builder = NotebookBuilder(
        project,
        Site.from_mkdocs(tiny.root / "mkdocs.yml"),
        read_pins(ROOT / "requirements.txt"),
        project.load_options(),
    )
    return builder.build(PageCode(page="index.md", title="데모", snippets=[SnippetUse("demo/good.py", "", "")]))


def _printed(run: Run) -> str:
    """What the cells printed."""
    return "".join(
        o.get("text", "") for cell in run.notebook.cells for o in cell.get("outputs", []) if o.output_type == "stream"
    )


def _shown(run: Run) -> str:
    """Every output of every cell, errors and images included."""
    return json.dumps([cell.get("outputs", []) for cell in run.notebook.cells], ensure_ascii=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Tiny:
    tiny = make_tiny(tmp_path_factory.mktemp("notebook") / "project")
    frozen_ok(tiny)  # the page's outputs are frozen; the pull request then changes the snippet
    return tiny


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
def test_a_hostile_cell_is_contained(hostile: Tiny, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, error = ATTEMPTS[name]
    for variable, value in plant_secrets(hostile.root, tmp_path / "home").items():
        monkeypatch.setenv(variable, value)  # the test process is the job: the kernel starts from it
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        hostile.write(
            "snippets/demo/good.py",
            "import os, socket, subprocess, sys\nfrom pathlib import Path\n"
            f"ROOT = Path({str(hostile.root)!r})\nHOME_FILE = {str(tmp_path / 'home' / '.git-credentials')!r}\n"
            f"PORT = {server.getsockname()[1]}\n" + code + "print('escaped')\n",
        )
        before = _checkout(hostile)
        run = execute(_notebook(hostile), Project.at(hostile.root), timeout=300)
        with pytest.raises(TimeoutError):
            server.accept()
    assert _checkout(hostile) == before, "the checkout changed"
    if error:
        assert error in run.error and "escaped" not in _printed(run), f"{name} was not refused:\n{run.error[-3000:]}"
    else:
        assert not run.error, run.error[-3000:]
        assert "escaped" in _printed(run)
    assert SECRET not in _shown(run) + run.error, "a secret reached the notebook's output"
    deadline = time.monotonic() + POLL_SECONDS
    while _processes_with(DAEMON) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _processes_with(DAEMON), "a process the notebook started outlived its kernel"


def test_the_kernel_sees_no_variable_of_the_job(hostile: Tiny, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside the allowlist, only what a reader's kernel needs: its home and temp folder are its own."""
    monkeypatch.setenv("GITHUB_TOKEN", SECRET)
    hostile.write("snippets/demo/good.py", "import json, os\nprint(json.dumps(dict(os.environ)))\n")
    run = execute(_notebook(hostile), Project.at(hostile.root), timeout=300)
    assert not run.error, run.error[-3000:]
    shown = next(
        json.loads(output["text"].splitlines()[0])
        for cell in run.notebook.cells
        if "snippet" in cell.metadata
        for output in cell.get("outputs", [])
        if output.get("text", "").startswith("{")
    )
    assert "GITHUB_TOKEN" not in shown and shown["HOME"] == shown["TMPDIR"] == os.path.realpath(shown["HOME"])
    assert shown["HOME"].startswith("/tmp/sandbox-"), shown["HOME"]
