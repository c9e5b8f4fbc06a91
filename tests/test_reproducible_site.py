"""A clean build of the commit is byte-identical to the session's build of the checkout.

The clean build starts from a clone of the checked-out commit, in its own folder, refusing stale
outputs (``SNIPPET_RUNNER=check``) and without ``SOURCE_DATE_EPOCH`` in the environment: the hook
takes the dates from the commit, so builds on different days agree too. To tell the commit's date
from today's, the clone gets an empty commit dated long ago (``OLD_DATE``) on top; the session's
build (``built_site``, from the working tree) is made as of that date. With uncommitted changes the
two differ by them, so the comparison needs a checkout that is its commit (as CI's is).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import OLD_DATE

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
COMMITTER = {"GIT_AUTHOR_NAME": "repro", "GIT_AUTHOR_EMAIL": "repro@example.invalid", "GIT_AUTHOR_DATE": OLD_DATE}
COMMITTER |= {
    "GIT_COMMITTER_NAME": "repro",
    "GIT_COMMITTER_EMAIL": "repro@example.invalid",
    "GIT_COMMITTER_DATE": OLD_DATE,
}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _git(*args: str, cwd: Path = ROOT) -> str:
    env = os.environ | COMMITTER
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        pytest.fail(f"git {' '.join(args)} failed: {result.stderr}")
    return result.stdout.strip()


def _clean_build(folder: Path) -> Path:
    """Clone HEAD into ``folder``, build it, return the site directory."""
    _git("clone", "--quiet", "--shared", str(ROOT), str(folder))
    _git("commit", "--quiet", "--allow-empty", "--no-verify", "-m", "dated long ago", cwd=folder)
    (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env |= {"SNIPPET_RUNNER": "check", "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}
    site = folder / "site"
    # Not --strict: this test is about sameness; test_site_build checks the strict build.
    result = subprocess.run(
        [str(MKDOCS), "build", "--no-strict", "--site-dir", str(site)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if result.returncode != 0:
        pytest.fail(f"build of the committed tree in {folder} failed:\n{result.stderr[-4000:]}", pytrace=False)
    return site


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def sitemap_date_problem(sitemap: str, day: str) -> str | None:
    """None when the sitemap lists pages and every one has ``<lastmod>`` ``day``; else what is wrong."""
    urls = ElementTree.fromstring(sitemap).findall("s:url", SITEMAP)
    if not urls:
        return "the sitemap lists no pages"
    dates = [url.findtext("s:lastmod", namespaces=SITEMAP) for url in urls]
    if None in dates:
        return f"{dates.count(None)} of {len(urls)} pages have no <lastmod>"
    wrong = sorted({date for date in dates if date is not None} - {day})
    return f"<lastmod> {wrong} instead of the commit's day {day}" if wrong else None


def _sitemap(*lastmods: str | None) -> str:
    urls = "".join(
        f"<url><loc>https://x.invalid/{n}/</loc>" + (f"<lastmod>{day}</lastmod>" if day else "") + "</url>"
        for n, day in enumerate(lastmods)
    )
    namespace = SITEMAP["s"]
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{namespace}">{urls}</urlset>'


def test_the_sitemap_check_needs_a_lastmod_on_every_page() -> None:
    assert sitemap_date_problem(_sitemap("2001-02-03", "2001-02-03"), "2001-02-03") is None
    assert sitemap_date_problem(_sitemap(None, None), "2001-02-03") == "2 of 2 pages have no <lastmod>"
    assert sitemap_date_problem(_sitemap("2001-02-03", None), "2001-02-03") == "1 of 2 pages have no <lastmod>"
    assert sitemap_date_problem(_sitemap(), "2001-02-03") == "the sitemap lists no pages"
    assert "['2024-01-01']" in (sitemap_date_problem(_sitemap("2001-02-03", "2024-01-01"), "2001-02-03") or "")


def test_a_clean_build_of_the_commit_is_the_sessions_build(built_site: Path, tmp_path: Path) -> None:
    changed = _git("status", "--porcelain", "--untracked-files=no")
    if changed:
        pytest.skip(f"the checkout has uncommitted changes, which the clean clone lacks:\n{changed}")
    first = _files(_clean_build(tmp_path / "clean"))
    second = {
        name: data for name, data in _files(built_site).items() if not name.startswith("en/")
    }  # the clone builds Korean only
    assert sorted(first) == sorted(second), f"different files: {sorted(set(first) ^ set(second))}"
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, (
        f"{len(differing)} file(s) differ between a clean build of the commit and the session's: {differing[:10]}"
    )

    commit_day = datetime.fromisoformat(OLD_DATE).date()
    sitemap = first["sitemap.xml"].decode("utf-8")
    assert (problem := sitemap_date_problem(sitemap, commit_day.isoformat())) is None, problem
    header_mtime = int.from_bytes(first["sitemap.xml.gz"][4:8], "little")
    assert datetime.fromtimestamp(header_mtime, UTC).date() == commit_day
    assert gzip.decompress(first["sitemap.xml.gz"]).decode("utf-8") == sitemap
