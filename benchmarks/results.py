"""Medians, ratios against the targets, and the results file the page 빌드 성능 plots."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from snippet_runner.store import atomic_write_text

from .scenarios import SCENARIOS, Measurements

RESULTS_FILE = Path("snippets/about/build_performance/results.json")
PAGE_SNIPPET = "about/build_performance/report.py"


@dataclass(frozen=True)
class Target:
    name: str
    numerator: str
    denominator: str
    limit: float
    at_most: bool
    """True: the ratio must be at most ``limit``; False: at least."""
    text: str

    def ratio(self, medians: dict[str, float]) -> float:
        return medians[self.numerator] / medians[self.denominator]

    def met(self, medians: dict[str, float]) -> bool:
        ratio = self.ratio(medians)
        return ratio <= self.limit if self.at_most else ratio >= self.limit

    def result(self, medians: dict[str, float]) -> dict:
        ratio = round(self.ratio(medians), 3)
        return {
            "text": self.text,
            "ratio": ratio,
            "limit": self.limit,
            "at_most": self.at_most,
            "met": self.met(medians),
        }


@dataclass(frozen=True)
class RerunTarget:
    """Every build of ``scenario`` re-runs exactly the edited snippet, as the runner's report lists."""

    name: str
    scenario: str
    text: str

    def result(self, measurements: Measurements, changed: str) -> dict:
        runs = [timing.ran or () for timing in measurements.timings[self.scenario]]
        return {
            "text": self.text,
            "expected": [changed],
            "reran": sorted({snippet_id for ran in runs for snippet_id in ran}),
            "most": max((len(ran) for ran in runs), default=0),
            "met": bool(runs) and all(tuple(ran) == (changed,) for ran in runs),
        }


TARGETS = (
    Target("warm_vs_plain", "warm", "plain", 1.05, True, "warm build / plain mkdocs build"),
    Target("naive_vs_warm", "naive", "warm", 10.0, False, "naive baseline / warm build"),
    Target("cold_vs_naive", "cold", "naive", 0.5, True, "cold build / naive baseline"),
)
RERUN_TARGETS = (RerunTarget("one_changed_reruns_one", "one_changed", "snippets re-run after one edit"),)


def summarise(
    measurements: Measurements,
    *,
    snippets: int,
    changed: str,
    repeats: int,
    quick: int,
    strict: bool,
    machine: dict,
    versions: dict[str, str],
    commit: str,
    stale: dict[str, int],
    standalone_failures: list[str],
) -> dict:
    medians = {s.name: round(measurements.median(s.name), 3) for s in SCENARIOS}
    loads = [t.load_before for timings in measurements.timings.values() for t in timings]
    return {
        "measured_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "commit": commit,
        "snippets": snippets,
        "stale_after": stale,
        "standalone_failures": sorted(standalone_failures),
        "changed_snippet": changed,
        "repetitions": repeats,
        "quick_repetitions": quick,
        "strict": strict,
        "machine": machine | {"load_min": round(min(loads), 2), "load_max": round(max(loads), 2)},
        "versions": versions,
        "order": [s.name for s in SCENARIOS],
        "scenarios": {
            s.name: {
                "description": s.description,
                "seconds": [round(x, 3) for x in measurements.seconds(s.name)],
                "median": medians[s.name],
            }
            for s in SCENARIOS
        },
        "targets": {t.name: t.result(medians) for t in TARGETS}
        | {t.name: t.result(measurements, changed) for t in RERUN_TARGETS},
    }


def write(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def table(results: dict) -> str:
    lines = [f"{'build':<14}{'median':>9}   runs (s)"]
    for name, data in results["scenarios"].items():
        runs = ", ".join(f"{x:.2f}" for x in data["seconds"])
        lines.append(f"{name:<14}{data['median']:>8.2f}s   {runs}")
    lines.append("")
    stale = results["stale_after"]
    upgrades = ", ".join(f"{k.removeprefix('upgrade:')} {v}" for k, v in stale.items() if k.startswith("upgrade:"))
    lines.append(
        f"re-run after an upgrade (of {stale['snippets']} snippets): {upgrades}; reading local files: {stale['local_files']}"
    )
    lines.append("")
    for target in results["targets"].values():
        verdict = "met" if target["met"] else "MISSED"
        if "ratio" in target:
            relation = "<=" if target["at_most"] else ">="
            lines.append(
                f"{target['text']:<34} {target['ratio']:7.2f}  (target {relation} {target['limit']:g}: {verdict})"
            )
        else:
            reran = ", ".join(target["reran"]) or "none"
            lines.append(
                f"{target['text']:<34} {target['most']:7d}  (target: exactly {target['expected'][0]}: {verdict}; re-ran {reran})"
            )
    return "\n".join(lines)
