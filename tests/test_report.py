"""The runner's JSON report (``snippet-runner run --report FILE``, ``SNIPPET_RUNNER_REPORT`` for a
MkDocs build), the benchmark's reading of it, and its targets."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import results
from benchmarks.measure import BenchmarkError, Timing, read_runner_report
from benchmarks.scenarios import Measurements
from snippet_runner.project import ConfigError, Project
from snippet_runner.refresh import REPORT_FORMAT, refresh_outputs
from tiny_project import GOOD, Tiny


def _report(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_pass_writes_its_report(scratch: Project, tmp_path: Path) -> None:
    path = tmp_path / "reports" / "first.json"
    refresh_outputs(scratch, stream=io.StringIO(), report_file=path)
    first = _report(path)
    assert first["format"] == REPORT_FORMAT and first["completed"] and first["ok"]
    assert first["counts"] == {"ran": 1, "cached": 0, "failed": 0}
    assert first["ran"] == ["demo/hello.py"] and first["failures"] == {}
    assert isinstance(first["seconds"], float) and first["seconds"] >= 0
    refresh_outputs(scratch, stream=io.StringIO(), report_file=path)
    again = _report(path)
    assert again["counts"] == {"ran": 0, "cached": 1, "failed": 0} and again["ran"] == []


def test_a_pass_that_raises_still_writes_a_report_marked_incomplete(scratch: Project, tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    with pytest.raises(ConfigError):
        refresh_outputs(scratch, only=["demo/missing.py"], stream=io.StringIO(), report_file=path)
    report = _report(path)
    assert not report["completed"] and not report["ok"]


def test_the_command_line_writes_failures_into_the_report(tiny: Tiny, tmp_path: Path) -> None:
    tiny.write("snippets/demo/bad.py", "raise ValueError('음수')\n")
    path = tmp_path / "report.json"
    result = tiny.runner("run", "--report", str(path))
    assert result.returncode == 1, result.stderr
    report = _report(path)
    assert report["counts"] == {"ran": 1, "cached": 0, "failed": 1}
    assert report["ran"] == ["demo/good.py"] and list(report["failures"]) == ["demo/bad.py"]
    assert "음수" in report["failures"]["demo/bad.py"]
    check = tiny.runner("check", "--report", str(path))
    assert check.returncode == 1 and _report(path)["counts"]["cached"] == 1


def test_a_mkdocs_build_writes_the_report_named_by_the_environment(tiny: Tiny, tmp_path: Path) -> None:
    path = tmp_path / "build-report.json"
    result = tiny.mkdocs("run", SNIPPET_RUNNER_REPORT=str(path))
    assert result.returncode == 0, result.stderr
    report = read_runner_report(path)
    assert report is not None and report.ran == ("demo/good.py",)
    tiny.write("snippets/demo/good.py", GOOD + "# edited\n")
    path.unlink()
    assert tiny.mkdocs("off", SNIPPET_RUNNER_REPORT=str(path)).returncode == 0
    assert not path.exists(), "a build without a runner pass writes no report"


def test_the_benchmark_reads_the_report(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    assert read_runner_report(path) is None
    data = {
        "format": REPORT_FORMAT,
        "completed": True,
        "ok": True,
        "counts": {"ran": 1, "cached": 4, "failed": 0},
        "ran": ["a/b.py"],
        "failures": {},
        "seconds": 1.25,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    report = read_runner_report(path)
    assert report is not None
    assert report.ran == ("a/b.py",) and report.cached == 4 and report.failed == 0 and report.seconds == 1.25
    broken: dict[str, Any]
    for broken in (
        {**data, "format": REPORT_FORMAT + 1},
        {**data, "completed": False},
        {**data, "ran": []},
        {"counts": {}},
    ):
        path.write_text(json.dumps(broken), encoding="utf-8")
        with pytest.raises(BenchmarkError):
            read_runner_report(path)
    path.write_text("snippets: 1 ran, 4 cached, 0 failed in 1.2 s\n", encoding="utf-8")
    with pytest.raises(BenchmarkError):
        read_runner_report(path)


def _measurements(one_changed: list[tuple[str, ...]]) -> Measurements:
    seconds = {"cold": 30.0, "warm": 3.1, "one_changed": 5.0, "plain": 3.0, "naive": 90.0, "full": 95.0}
    measurements = Measurements(repeats=1)
    for name, value in seconds.items():
        runs = one_changed if name == "one_changed" else [()]
        measurements.timings[name] = [Timing(seconds=value, load_before=0.5, ran=ran) for ran in runs]
    return measurements


def _targets(measurements: Measurements) -> dict:
    summary = results.summarise(
        measurements,
        snippets=3,
        changed="a/b.py",
        repeats=1,
        quick=1,
        strict=False,
        machine={},
        versions={},
        commit="0" * 40,
        stale={"snippets": 3, "local_files": 0},
        standalone_failures=[],
    )
    assert "snippets re-run after one edit" in results.table(summary)
    return summary["targets"]


def test_the_benchmark_judges_the_targets_from_the_reports() -> None:
    targets = _targets(_measurements([("a/b.py",), ("a/b.py",)]))
    assert {name: t["met"] for name, t in targets.items()} == {
        "warm_vs_plain": True,
        "naive_vs_warm": True,
        "cold_vs_naive": True,
        "one_changed_reruns_one": True,
    }
    assert targets["warm_vs_plain"]["limit"] == 1.05 and targets["cold_vs_naive"]["limit"] == 0.5
    missed = _targets(_measurements([("a/b.py",), ("a/b.py", "a/c.py")]))["one_changed_reruns_one"]
    assert not missed["met"] and missed["most"] == 2 and missed["reran"] == ["a/b.py", "a/c.py"]


def test_the_benchmark_workspace_has_what_mkdocs_yml_names(tmp_path: Path) -> None:
    """A copy that lacks a watched folder fails every build of the benchmark before it measures anything."""
    import yaml

    from benchmarks.workspace import Workspace

    root = Path(__file__).resolve().parents[1]
    copy = Workspace.copy_of(root, tmp_path / "repo")
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    missing = [name for name in config["watch"] if not (copy.root / name).exists()]
    assert not missing, f"the benchmark's copy lacks {missing}"
