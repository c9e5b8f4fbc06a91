"""The five builds the benchmark times, each on the same copy of the checkout."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from snippet_runner.discovery import Snippet, find_snippets
from snippet_runner.project import Project
from snippet_runner.run_environment import RUN_ENVIRONMENT

from .measure import BenchmarkError, Timing, load_average, read_runner_report, timed
from .workspace import Workspace

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Scenario:
    name: str
    label: str
    """Korean, for the page."""
    description: str


SCENARIOS = (
    Scenario(
        "cold",
        "처음 빌드",
        "mkdocs build with empty outputs/: the runner runs every snippet once, on the pinned CPU path",
    ),
    Scenario("warm", "바뀐 것 없음", "mkdocs build again with nothing changed: every snippet cached"),
    Scenario("one_changed", "코드 하나 수정", "mkdocs build after one snippet was edited: that one re-runs"),
    Scenario("plain", "실행기 끔", "mkdocs build with SNIPPET_RUNNER=off: frozen outputs only, no runner pass"),
    Scenario("naive", "모두 다시 실행", "python snippet.py for every snippet, one after another, then mkdocs build"),
    Scenario(
        "full",
        "처음 빌드 + CPU 경로 검사",
        "make snippets with empty outputs/, then mkdocs build: every snippet also runs on its other CPU paths, as a commit needs",
    ),
)


@dataclass
class Measurements:
    timings: dict[str, list[Timing]] = field(default_factory=lambda: {s.name: [] for s in SCENARIOS})
    repeats: int = 0
    """Rounds actually run."""

    def seconds(self, name: str) -> list[float]:
        return [t.seconds for t in self.timings[name]]

    def median(self, name: str) -> float:
        return statistics.median(self.seconds(name))


@dataclass
class Bench:
    """Runs the scenarios in one workspace; ``say`` reports progress."""

    workspace: Workspace
    strict: bool = False
    """Build with --strict, else --no-strict."""
    say: Callable[[str], None] = print
    snippets: list[Snippet] = field(default_factory=list)
    changed: str = ""
    """The snippet the one-changed build edits (the one with the median run time)."""
    edits: int = 0
    standalone_failures: list[str] = field(default_factory=list)
    """Snippets that fail under plain ``python snippet.py`` (the README says each must run on its own)."""

    def __post_init__(self) -> None:
        self.snippets = find_snippets(Project.at(self.workspace.root))
        if not self.snippets:
            raise BenchmarkError(f"{self.workspace.root / 'snippets'} has no snippets to run")

    @property
    def report_file(self) -> Path:
        """Where the runner writes its JSON report of each build (outside the copy it builds)."""
        return self.workspace.root.parent / "runner-report.json"

    def _env(self, mode: str) -> dict[str, str]:
        return os.environ | {
            "SNIPPET_RUNNER": mode,
            "SNIPPET_RUNNER_REPORT": str(self.report_file),
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONUTF8": "1",
        }

    def _build_command(self, site: str) -> list[str]:
        command = [str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", str(self.workspace.site_dir(site))]
        return [*command, "--strict" if self.strict else "--no-strict"]

    def _mkdocs(self, mode: str, expect_ran: int | None) -> Timing:
        """One build; with ``expect_ran``, fail unless the runner's report lists that many runs."""
        self.report_file.unlink(missing_ok=True)
        before = load_average()
        seconds, stderr = timed(self._build_command(mode), cwd=self.workspace.root, env=self._env(mode))
        report = read_runner_report(self.report_file)
        ran = report.ran if report is not None else None
        if expect_ran is not None and (ran is None or len(ran) != expect_ran):
            reported = "no report" if ran is None else f"{len(ran)}: {', '.join(ran[:10])}"
            raise BenchmarkError(
                f"expected the runner to run {expect_ran} snippet(s), it reported {reported}:\n{stderr[-2000:]}"
            )
        return Timing(seconds=seconds, load_before=before, ran=ran)

    def warm_up(self) -> None:
        """Fill the file cache, so that the first measured build is not penalised for it."""
        modules = "import torch, matplotlib.pyplot, mkdocs.commands.build, material, pymdownx.snippets"
        timed([str(BIN / "python"), "-c", modules], cwd=self.workspace.root, env=self._env("off"))

    def cold(self) -> Timing:
        self.workspace.clear_outputs()
        timing = self._mkdocs("run", expect_ran=len(self.snippets))
        if not self.changed:
            self.changed = self._median_snippet()
        return timing

    def full(self) -> Timing:
        """What a commit needs from nothing: ``snippet-runner run`` (each snippet on every CPU path it names), then the build."""
        self.workspace.clear_outputs()
        self.report_file.unlink(missing_ok=True)
        before = load_average()
        command = [str(BIN / "snippet-runner"), "--quiet", "run", "--report", str(self.report_file)]
        run_seconds, _ = timed(command, cwd=self.workspace.root, env=self._env("run"))
        report = read_runner_report(self.report_file)
        if report is None or len(report.ran) != len(self.snippets):
            raise BenchmarkError(
                f"`snippet-runner run` from empty outputs/ ran {len(report.ran) if report else 'no'} of {len(self.snippets)} snippets"
            )
        build = self._mkdocs("run", expect_ran=0)
        return Timing(seconds=run_seconds + build.seconds, load_before=before, ran=report.ran)

    def warm(self) -> Timing:
        return self._mkdocs("run", expect_ran=0)

    def one_changed(self) -> Timing:
        """What it re-ran is kept, not enforced: ``results`` judges it against the target."""
        self.edits += 1
        self.workspace.edit_snippet(self.changed, str(self.edits))
        timing = self._mkdocs("run", expect_ran=None)
        if timing.ran is None:
            raise BenchmarkError(f"the build after editing {self.changed} wrote no runner report to {self.report_file}")
        return timing

    def plain(self) -> Timing:
        return self._mkdocs("off", expect_ran=None)

    def naive(self) -> Timing:
        """What a re-run-everything tool does: a fresh interpreter per snippet, in turn, then the build."""
        env = self._env("off") | RUN_ENVIRONMENT
        before = load_average()
        started = time.perf_counter()
        for snippet in self.snippets:
            with tempfile.TemporaryDirectory(prefix="naive-") as workdir:
                command = [str(BIN / "python"), str(snippet.path)]
                result = subprocess.run(command, cwd=workdir, env=env, capture_output=True)
                if result.returncode != 0 and snippet.id not in self.standalone_failures:
                    self.standalone_failures.append(snippet.id)
                    self.say(f"  warning: `python {snippet.id}` fails on its own (exit {result.returncode})")
        timed(self._build_command("naive"), cwd=self.workspace.root, env=env)
        return Timing(seconds=time.perf_counter() - started, load_before=before)

    def _median_snippet(self) -> str:
        manifest = json.loads((self.workspace.outputs_dir / "manifest.json").read_text(encoding="utf-8"))["snippets"]
        ranked = sorted((entry["run_seconds"], snippet_id) for snippet_id, entry in manifest.items())
        return ranked[len(ranked) // 2][1]

    def run(self, repeats: int, quick: int = 2, budget: float | None = None) -> Measurements:
        """``repeats`` rounds; in each, the cheap builds are timed ``quick`` times, interleaved.

        With a ``budget`` in seconds, rounds after the second are skipped when the next one would
        not finish within it; the results record how many rounds ran.
        """
        measurements = Measurements()
        self.say(f"workspace {self.workspace.root}: {len(self.snippets)} snippets, up to {repeats} repetition(s)")
        self.warm_up()
        started = time.monotonic()

        def measure(name: str, label: str) -> None:
            timing = getattr(self, name)()
            measurements.timings[name].append(timing)
            self.say(f"  [{label}] {name:<12} {timing.seconds:7.2f} s  (load {timing.load_before:.2f})")

        for repeat in range(1, repeats + 1):
            elapsed = time.monotonic() - started
            if budget is not None and repeat > 2 and elapsed + elapsed / (repeat - 1) > budget:
                self.say(f"  stopping after {repeat - 1} repetitions: another would pass the {budget:.0f} s budget")
                break
            measure("cold", f"{repeat}/{repeats}")
            for turn in range(quick):
                for name in ("warm", "plain", "one_changed"):
                    measure(name, f"{repeat}/{repeats}.{turn + 1}")
            measure("naive", f"{repeat}/{repeats}")
            measure("full", f"{repeat}/{repeats}")
            measurements.repeats = repeat
        return measurements
