"""``mkdocs serve`` while an author edits: a saved snippet re-runs once, the page shows it, no reload loop."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tiny_project import BIN, GOOD, POLL_SECONDS, Tiny, make_tiny

QUIET_SECONDS = 8.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _page(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def served(tmp_path: Path):
    project = make_tiny(tmp_path / "project")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        env=project.env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/relu-docs/", tmp_path / "serve.log"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_an_edited_snippet_reruns_once_and_the_page_shows_it(served: tuple[Tiny, str, Path]) -> None:
    project, url, log = served
    assert _wait_for(url, "ReLU(-2) = 0.0", POLL_SECONDS * 2), log.read_text(encoding="utf-8")[-3000:]
    project.write("snippets/demo/good.py", GOOD.replace("'ReLU(-2) ='", "'ReLU(-3) ='"))
    assert _wait_for(url, "ReLU(-3) = 0.0", POLL_SECONDS * 2), log.read_text(encoding="utf-8")[-3000:]
    time.sleep(QUIET_SECONDS)  # a build that writes into a watched folder would start another one here
    text = log.read_text(encoding="utf-8")
    assert text.count("snippets: 1 ran") == 2, text[-3000:]  # the first build, then the edit
    assert text.count("Building documentation") == 2, f"rebuilt without an edit (reload loop?):\n{text[-3000:]}"
    assert (project.root / "outputs" / "demo" / "good.json").read_text(encoding="utf-8").count("ReLU(-3)") >= 1
