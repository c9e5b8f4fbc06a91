"""Shared fixtures: the checkout, and one strict build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from snippet_runner.project import Project
from tiny_project import Tiny, make_tiny

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.at(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the checkout, refusing stale outputs; returns the site directory."""
    site = tmp_path_factory.mktemp("site")
    env = os.environ | {"SNIPPET_RUNNER": "check", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-6000:]}")
    return site


@pytest.fixture
def tiny(tmp_path: Path) -> Tiny:
    """A throwaway project driven through the command lines (test_runner.py has its own, in-process)."""
    return make_tiny(tmp_path / "project")
