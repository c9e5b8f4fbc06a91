"""Lighthouse's mobile audit of every page of both editions: ``make audit`` (slow; not part of ``make test``).

Builds the site (Korean at the root, English in ``en/``, nothing re-run: ``SNIPPET_RUNNER=check``),
serves it with gzip under the path of ``site_url`` (``scripts/site_server.py``), and runs Lighthouse 12
(``tools/audit/``, installed by ``make audit`` only) on every page, one after another in one Chrome,
with Lighthouse's default mobile profile: simulated slow 4G, 4× CPU slowdown, all four categories.

Writes ``test-artifacts/audit/lighthouse.md`` (and ``.json``, ``.csv``: the same rows), the
diagnostics of the worst pages in ``worst-pages.md`` and their full reports in ``reports/``. Exits 1
if a page scores below 90 in performance or below 95 in another category, or could not be audited.

    python -m scripts.audit                                   # build, then every page
    python -m scripts.audit --site-dir site                   # an existing build
    python -m scripts.audit --site-dir site --pages / --pages '*/activation/relu/'
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.lighthouse_results import (
    PageScores,
    diagnosis,
    scores_from_report,
    summary_lines,
    worst_first,
    write_tables,
)
from scripts.site_pages import matching, site_pages
from scripts.site_server import serving

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools" / "audit"
RUNNER = TOOLS / "lighthouse-pages.mjs"
CHROMIUM = Path("/usr/bin/chromium")
DEFAULT_OUTPUT = ROOT / "test-artifacts" / "audit"


@dataclass(frozen=True)
class AuditJob:
    page: str
    """The page's path below the site root, ``/`` for the Korean home page."""
    url: str
    report: Path


def build_site(site: Path) -> None:
    """Both editions into ``site`` (as ``make build``), failing on a stale output instead of re-running it."""
    environment = {**os.environ, "SNIPPET_RUNNER": "check", "SITE_DIR": str(site), "SITE_DIR_EN": str(site / "en")}
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        subprocess.run([mkdocs, "build", "--strict", "--config-file", config], cwd=ROOT, env=environment, check=True)


def report_name(page: str) -> str:
    return (page.strip("/").replace("/", "__") or "index") + ".json"


def run_lighthouse(jobs: list[AuditJob], folder: Path) -> None:
    """Lighthouse on each job's URL, in one Node process and one Chrome; each report to its job's path."""
    if not (TOOLS / "node_modules" / "lighthouse").is_dir():
        raise SystemExit("Lighthouse is not installed: run `make audit` (it runs `npm ci --prefix tools/audit`)")
    job_file = folder / "jobs.json"
    job_file.write_text(
        json.dumps([{"url": job.url, "report": str(job.report)} for job in jobs], indent=1), encoding="utf-8"
    )
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", str(CHROMIUM))}
    # Its status is 1 when a page failed; that page's report says why, and the table lists it.
    subprocess.run(["node", str(RUNNER), str(job_file)], cwd=ROOT, env=environment, check=False)
    job_file.unlink()


def read_scores(jobs: list[AuditJob]) -> tuple[list[PageScores], dict[str, dict]]:
    rows, reports = [], {}
    for job in jobs:
        try:
            report = json.loads(job.report.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            report = {"error": f"no report: {error}"}
        reports[job.page] = report
        rows.append(scores_from_report(job.page, report))
    return rows, reports


def keep_worst_reports(rows: list[PageScores], jobs: list[AuditJob], keep: int) -> list[PageScores]:
    """Delete all reports but those of the ``keep`` worst pages (each is about a megabyte); return those pages."""
    worst = worst_first(rows)[:keep]
    kept = {row.page for row in worst}
    for job in jobs:
        if job.page not in kept:
            job.report.unlink(missing_ok=True)
    return worst


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, help="audit this built site instead of building one")
    parser.add_argument(
        "--pages",
        action="append",
        default=[],
        metavar="PATTERN",
        help="only the pages matching this shell pattern (repeatable): '/' the Korean home page, '/en/*' the English "
        "edition; * spans slashes, so '*/activation/relu/' is that page in both editions and its notebooks",
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="where the tables go (default: %(default)s)"
    )
    parser.add_argument("--keep-reports", type=int, default=5, help="keep the full reports of this many worst pages")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    output: Path = arguments.output.resolve()
    started = time.monotonic()
    if arguments.site_dir:
        site = arguments.site_dir.resolve()
    else:
        site = output / "site"
        build_site(site)
    built = time.monotonic()
    pages = matching(site_pages(site), arguments.pages)
    if not pages:
        raise SystemExit(f"no page of {site} matches {arguments.pages}")
    reports = output / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    reports.mkdir(parents=True)
    with serving(site) as server:
        jobs = [AuditJob(page, server.url(page.lstrip("/")), reports / report_name(page)) for page in pages]
        print(f"Lighthouse (mobile) on {len(jobs)} pages of {site}, served at {server.url()}", flush=True)
        run_lighthouse(jobs, output)
    audited = time.monotonic()
    rows, full_reports = read_scores(jobs)
    worst = keep_worst_reports(rows, jobs, arguments.keep_reports)
    per_page = (audited - built) / len(jobs)
    preamble = [
        "# Lighthouse mobile audit",
        "",
        f"Lighthouse 12 (default mobile profile: simulated slow 4G, 4× CPU slowdown) on {len(jobs)} pages of `{site}`.",
        f"{audited - built:,.0f} s for the audit ({per_page:,.1f} s a page)"
        + (f", {built - started:,.0f} s for the build." if not arguments.site_dir else " of an existing build."),
        "Scores depend on the machine's load: Lighthouse simulates the slow phone from what it measures.",
    ]
    table = write_tables(rows, output, preamble)
    diagnoses = [line for row in worst if not row.error for line in diagnosis(row.page, full_reports[row.page])]
    worst_file = output / "worst-pages.md"
    worst_file.write_text("\n".join(["# What costs the worst pages", "", *diagnoses]), encoding="utf-8")
    print("\n".join(["", *summary_lines(rows), f"Table: {table}; the worst pages' diagnostics: {worst_file}"]))
    return 1 if any(row.below_bar() for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
