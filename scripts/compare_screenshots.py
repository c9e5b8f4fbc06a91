"""Do the pages look the same as before? Screenshots of two builds of the site, compared pixel by pixel.

Serves the BEFORE and the AFTER build (each as ``scripts/site_server.py`` serves a site), takes a
full-page screenshot of each chosen page in both colour schemes (light, dark) at a phone and a desktop
viewport (``scripts/page_capture.py``), and compares each pair (``scripts/image_diff.py``).

Writes ``test-artifacts/screenshots/compare/report.md``: page, scheme, viewport, the share of pixels
that differ, the screenshots' sizes (a different height is reported, not an error) and the largest
region of differences; for each pair above the threshold, a PNG of before | after | differences in
red. Exits 1 when a pair differs above the threshold, changes size, or could not be taken.

    python -m scripts.compare_screenshots /work/baseline/site site            # the representative pages
    python -m scripts.compare_screenshots BEFORE AFTER --all                   # every page
    python -m scripts.compare_screenshots BEFORE AFTER --pages '*/glossary/'   # a few
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image
from playwright.sync_api import Error as PlaywrightError

from scripts.image_diff import ImageComparison, compare_images, save_side_by_side
from scripts.page_capture import SCHEMES, VIEWPORTS, Scheme, Viewport, chromium
from scripts.site_pages import matching, site_pages
from scripts.site_server import serving

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "test-artifacts" / "screenshots" / "compare"
REPRESENTATIVE = (
    "/",
    "/math/*",
    "/activation/relu/",
    "/activation/gelu/",
    "/activation/relu_variants/",
    "/normalization/batch_norm/",
    "/experiments/dead_relu/",
    "/glossary/",
    "/notebooks/activation/relu/",
)
"""The pages compared by default, in both editions: the home page, the math-heaviest pages, a page with
explorers, the glossary and a notebook page."""


@dataclass(frozen=True)
class PairResult:
    page: str
    scheme: str
    viewport: str
    comparison: ImageComparison | None
    """None when a screenshot could not be taken (see ``notes``)."""
    notes: str = ""
    sheet: Path | None = None
    """The side-by-side PNG, written when the pair differs above the threshold."""

    def differs(self, threshold_percent: float) -> bool:
        if self.comparison is None:
            return True
        return not self.comparison.same_size or self.comparison.differing_ratio * 100 > threshold_percent


def representative_pages(pages: list[str]) -> list[str]:
    patterns = [*REPRESENTATIVE, *(f"/en{pattern}" for pattern in REPRESENTATIVE)]
    return matching(pages, patterns)


def sheet_name(page: str, scheme: Scheme, viewport: Viewport) -> str:
    return f"{page.strip('/').replace('/', '__') or 'index'}__{scheme.name}__{viewport.name}.png"


@dataclass(frozen=True)
class ComparisonSettings:
    output: Path
    threshold: float
    """Percent of a screenshot's pixels that may differ."""
    tolerance: int
    """A channel difference (0-255) still counted as equal."""
    edge_rows: bool = True
    """Count a pixel as equal when it matches the other shot one row up or down (``image_diff``)."""
    viewports: tuple[Viewport, ...] = VIEWPORTS


def compare_sites(before: Path, after: Path, pages: list[str], settings: ComparisonSettings) -> list[PairResult]:
    results = []
    after_pages = set(site_pages(after))
    with serving(before) as before_server, serving(after) as after_server, chromium() as browser:
        for viewport in settings.viewports:
            for scheme in SCHEMES:
                before_tab = browser.tab(before_server.origin, viewport, scheme)
                after_tab = browser.tab(after_server.origin, viewport, scheme)
                for page in pages:
                    where = (page, scheme.name, viewport.name)
                    if page not in after_pages:
                        results.append(PairResult(*where, comparison=None, notes="not in AFTER"))
                        continue
                    try:
                        shot_before = before_tab.capture(before_server.url(page.lstrip("/")))
                        shot_after = after_tab.capture(after_server.url(page.lstrip("/")))
                    except PlaywrightError as error:  # a shot that times out is reported; the next page goes on
                        results.append(PairResult(*where, comparison=None, notes=str(error).splitlines()[0]))
                        print(f"{page} {scheme.name} {viewport.name}: {results[-1].notes}", flush=True)
                        continue
                    image_before = Image.open(io.BytesIO(shot_before.png))
                    image_after = Image.open(io.BytesIO(shot_after.png))
                    comparison, mask = compare_images(image_before, image_after, settings.tolerance, settings.edge_rows)
                    notes = "; ".join(
                        [*(f"before: {w}" for w in shot_before.warnings), *(f"after: {w}" for w in shot_after.warnings)]
                    )
                    result = PairResult(*where, comparison=comparison, notes=notes)
                    if result.differs(settings.threshold):
                        sheet = settings.output / sheet_name(page, scheme, viewport)
                        save_side_by_side(image_before, image_after, mask, sheet)
                        result = PairResult(*where, comparison=comparison, notes=notes, sheet=sheet)
                    results.append(result)
                    print(f"{page} {scheme.name} {viewport.name}: {describe(result)}", flush=True)
                browser.close_tabs()
    return results


def describe(result: PairResult) -> str:
    comparison = result.comparison
    if comparison is None:
        return result.notes
    sizes = "×".join(map(str, comparison.before_size))
    if not comparison.same_size:
        sizes += " → " + "×".join(map(str, comparison.after_size))
    return f"{comparison.differing_ratio * 100:.3f} % differ ({sizes})" + (f"; {result.notes}" if result.notes else "")


def report(results: list[PairResult], before: Path, after: Path, settings: ComparisonSettings, seconds: float) -> str:
    threshold = settings.threshold
    edges = "not counted" if settings.edge_rows else "counted (--exact)"
    lines = [
        "# Screenshot comparison",
        "",
        f"BEFORE `{before}`, AFTER `{after}`: {len(results)} pairs of full-page screenshots in {seconds:,.0f} s.",
        f"A pair differs when more than {threshold} % of its pixels differ or its size changed. "
        f"Box edges drawn one pixel row apart are {edges}; phone: {settings.viewports[0].width} px wide.",
        "",
        "| Page | Scheme | Viewport | Differing % | Size (before → after) | Largest region | Notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        comparison = result.comparison
        if comparison is None:
            lines.append(f"| `{result.page}` | {result.scheme} | {result.viewport} | – | – | – | {result.notes} |")
            continue
        size = "×".join(map(str, comparison.before_size))
        if not comparison.same_size:
            size = f"**{size} → {'×'.join(map(str, comparison.after_size))}**"
        region = str(comparison.largest_region) if comparison.largest_region else "–"
        notes = "; ".join(filter(None, [result.notes, f"[side by side]({result.sheet.name})" if result.sheet else ""]))
        percent = f"{comparison.differing_ratio * 100:.3f}"
        lines.append(
            f"| `{result.page}` | {result.scheme} | {result.viewport} | {percent} | {size} | {region} | {notes} |"
        )
    differing = [r for r in results if r.differs(threshold)]
    resized = [r for r in results if r.comparison and not r.comparison.same_size]
    ratios = [r.comparison.differing_ratio * 100 for r in results if r.comparison]
    lines += [
        "",
        f"{len(differing)} of {len(results)} pairs differ above {threshold} %; {len(resized)} changed size; "
        f"the largest difference is {max(ratios, default=0):.3f} %.",
    ]
    return "\n".join(lines) + "\n"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path, help="the built site before the change (Korean root, English in en/)")
    parser.add_argument("after", type=Path, help="the built site after the change")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--all", action="store_true", help="every page of BEFORE, not the representative set")
    chosen.add_argument(
        "--pages", action="append", default=[], metavar="PATTERN", help="pages matching this shell pattern (repeatable)"
    )
    parser.add_argument("--threshold", type=float, default=0.01, help="percent of pixels that may differ (%(default)s)")
    parser.add_argument("--tolerance", type=int, default=0, help="channel difference (0-255) still counted as equal")
    parser.add_argument("--exact", action="store_true", help="no allowance for box edges snapped to the next pixel row")
    parser.add_argument(
        "--phone-scale",
        type=float,
        default=1,
        help="the phone's device pixel ratio (%(default)s; 2 to see blurry figures)",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the report goes (%(default)s)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    before, after, output = arguments.before.resolve(), arguments.after.resolve(), arguments.output.resolve()
    pages = site_pages(before)
    if arguments.pages:
        pages = matching(pages, arguments.pages)
    elif not arguments.all:
        pages = representative_pages(pages)
    if not pages:
        raise SystemExit(f"no page of {before} matches")
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    started = time.monotonic()
    phone, *others = VIEWPORTS
    viewports = (replace(phone, scale=arguments.phone_scale), *others)
    settings = ComparisonSettings(output, arguments.threshold, arguments.tolerance, not arguments.exact, viewports)
    results = compare_sites(before, after, pages, settings)
    text = report(results, before, after, settings, time.monotonic() - started)
    (output / "report.md").write_text(text, encoding="utf-8")
    print(text.splitlines()[-1], f"Report: {output / 'report.md'}", sep="\n")
    return 1 if any(result.differs(arguments.threshold) for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
