"""Shared fixtures: the checkout, one strict build of the site per test session, and the two long
re-runs (every snippet, every notebook), started in the background as soon as the tests are collected."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from background_runs import BackgroundRuns
from snippet_runner.project import Project
from tiny_project import Tiny, make_tiny, write

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
BIN = Path(sys.executable).parent
ZENSICAL_SOURCES = ("mkdocs.yml", "mkdocs.en.yml", "docs", "docs-en", "includes", "overrides", "snippets", "outputs")
"""What a Zensical build reads; copied, because Zensical writes its site and cache inside the project."""
RUNS = pytest.StashKey[BackgroundRuns]()
OLD_DATE = "2001-02-03T04:05:06+00:00"
"""The date the session's build is made as of (``SOURCE_DATE_EPOCH``), and the date of the commit that
test_reproducible_site.py puts on top of its clean clone: the two builds must then be byte-identical."""


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the re-runs the selected tests need; the other tests run meanwhile (the re-runs are
    separate processes, so they use the cores that the rest leaves idle)."""
    items = [] if session.config.option.collectonly else session.items
    session.config.stash[RUNS] = BackgroundRuns.start(Project.at(ROOT), items)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if RUNS in session.config.stash:
        session.config.stash[RUNS].close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs a built site is ``slow`` (two strict builds), whatever its module says
    (``site`` and ``site_dir`` ask for ``built_site`` unless ``SITE_DIR`` names a build)."""
    for item in items:
        if {"built_site", "zensical_site", "site", "site_dir"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def background_runs(request: pytest.FixtureRequest) -> BackgroundRuns:
    return request.config.stash[RUNS]


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.at(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make build`` of the checkout (the Korean edition, then the English one in ``en/``), with
    ``--strict`` and refusing stale outputs, dated ``OLD_DATE``; returns the site directory. Every test
    that needs a built site shares this one (they are marked ``slow``: see below)."""
    site = tmp_path_factory.mktemp("site")
    epoch = str(int(datetime.fromisoformat(OLD_DATE).timestamp()))
    env = os.environ | {"SNIPPET_RUNNER": "check", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
    for config, target in (("mkdocs.yml", site), ("mkdocs.en.yml", site / "en")):
        result = subprocess.run(
            [str(MKDOCS), "build", "--strict", "--config-file", config, "--site-dir", str(target)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        if result.returncode != 0:
            pytest.fail(f"mkdocs build --strict --config-file {config} failed:\n{result.stderr[-6000:]}")
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same sources built as ``make build-zensical`` builds them; returns the site directory.
    ``ZENSICAL_SITE_DIR=site-zensical`` reuses such a build instead."""
    if os.environ.get("ZENSICAL_SITE_DIR"):
        return Path(os.environ["ZENSICAL_SITE_DIR"]).resolve()
    copy = tmp_path_factory.mktemp("zensical") / "project"
    copy.mkdir()
    for name in ZENSICAL_SOURCES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    env = os.environ | {"SITE_DIR": "site-zensical", "SITE_DIR_EN": "site-zensical/en", "PYTHONUTF8": "1"}
    for command in (
        [str(BIN / "zensical"), "build", "--clean", "--strict"],
        [str(BIN / "zensical"), "build", "--strict", "--config-file", "mkdocs.en.yml"],
        [str(BIN / "snippet-site"), "--root", str(copy), "publish", str(copy / "site-zensical")],
        [
            str(BIN / "snippet-site"),
            "--root",
            str(copy),
            "publish",
            "--language",
            "en",
            str(copy / "site-zensical" / "en"),
        ],
    ):
        result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, encoding="utf-8")
        if result.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return copy / "site-zensical"


@pytest.fixture
def tiny(tmp_path: Path) -> Tiny:
    """A throwaway project driven through the command lines (test_runner.py has its own, in-process)."""
    return make_tiny(tmp_path / "project")


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    """An in-process project in a temp folder with one snippet, ``demo/hello.py``, and nothing run."""
    write(tmp_path / "snippets" / "demo" / "hello.py", "print('hello')\n")
    (tmp_path / "docs").mkdir()
    return Project.at(tmp_path)
