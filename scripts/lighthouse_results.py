"""Lighthouse reports (JSON) to one row per page, the tables written from the rows, and the release bar.

A row holds the four category scores (0-100), the three Core Web Vitals Lighthouse measures in a lab
(LCP, TBT, CLS), the bytes transferred and how long Lighthouse took. The bar: performance 90 or more,
every other category 95 or more, on every page. ``diagnosis`` lists what costs a page its
performance score, from the same report.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BAR = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
"""The lowest score each category may have on any page (issue 29)."""


@dataclass(frozen=True)
class PageScores:
    page: str
    """The page's path below the site root: ``/`` is the Korean home page, ``/en/`` the English one."""
    performance: int | None
    accessibility: int | None
    best_practices: int | None
    seo: int | None
    lcp_ms: float | None
    tbt_ms: float | None
    cls: float | None
    total_bytes: int | None
    """Everything the page transferred (compressed), from Lighthouse's ``total-byte-weight``."""
    audit_seconds: float | None
    """How long Lighthouse took for this page."""
    error: str = ""
    """Why the page has no scores (Lighthouse failed or reported a runtime error); empty otherwise."""

    def score(self, category: str) -> int | None:
        return {
            "performance": self.performance,
            "accessibility": self.accessibility,
            "best-practices": self.best_practices,
            "seo": self.seo,
        }[category]

    def below_bar(self) -> list[str]:
        """The categories in which this page misses the bar (all four when it has no scores)."""
        return [c for c in CATEGORIES if (score := self.score(c)) is None or score < BAR[c]]


def _numeric(report: dict[str, Any], audit: str) -> float | None:
    value = report.get("audits", {}).get(audit, {}).get("numericValue")
    return float(value) if isinstance(value, int | float) else None


def _category(report: dict[str, Any], category: str) -> int | None:
    score = report.get("categories", {}).get(category, {}).get("score")
    return round(score * 100) if isinstance(score, int | float) else None


def scores_from_report(page: str, report: dict[str, Any]) -> PageScores:
    """One row from a Lighthouse report, or from the ``{"error": ...}`` written when Lighthouse failed."""
    error = report.get("error") or (report.get("runtimeError") or {}).get("message", "")
    total = _numeric(report, "total-byte-weight")
    timing = report.get("timing", {}).get("total")
    return PageScores(
        page=page,
        performance=_category(report, "performance"),
        accessibility=_category(report, "accessibility"),
        best_practices=_category(report, "best-practices"),
        seo=_category(report, "seo"),
        lcp_ms=_numeric(report, "largest-contentful-paint"),
        tbt_ms=_numeric(report, "total-blocking-time"),
        cls=_numeric(report, "cumulative-layout-shift"),
        total_bytes=round(total) if total is not None else None,
        audit_seconds=round(timing / 1000, 1) if isinstance(timing, int | float) else None,
        error=str(error).splitlines()[0] if error else "",
    )


def worst_first(rows: list[PageScores]) -> list[PageScores]:
    """Failed pages first, then by performance, then by the lowest other score."""

    def key(row: PageScores) -> tuple[int, int]:
        others = [row.score(c) for c in CATEGORIES[1:]]
        return (row.performance if row.performance is not None else -1, min((s or 0) for s in others))

    return sorted(rows, key=key)


def _cell(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def summary_lines(rows: list[PageScores]) -> list[str]:
    """The lowest score of each category, and the pages below the bar."""
    lowest = []
    for category in CATEGORIES:
        scores = [s for row in rows if (s := row.score(category)) is not None]
        lowest.append(f"{category} {min(scores) if scores else '–'}")
    lines = [f"Lowest of {len(rows)} pages: " + ", ".join(lowest) + "."]
    for category in CATEGORIES:
        below = [row.page for row in rows if category in row.below_bar()]
        if below:
            lines.append(f"Below {BAR[category]} in {category} ({len(below)}): " + ", ".join(below))
    failed = [f"{row.page} ({row.error})" for row in rows if row.error]
    if failed:
        lines.append(f"Not audited ({len(failed)}): " + "; ".join(failed))
    if not any(row.below_bar() for row in rows):
        lines.append("Every page meets the bar (performance ≥ 90, the other categories ≥ 95).")
    return lines


def markdown_table(rows: list[PageScores], preamble: list[str]) -> str:
    head = "| Page | Perf. | A11y | Best pr. | SEO | LCP (ms) | TBT (ms) | CLS | Transferred (KB) | Audit (s) |"
    lines = [*preamble, "", head, "|" + "---|" * 10]
    for row in rows:
        kilobytes = row.total_bytes / 1024 if row.total_bytes is not None else None
        cells = [
            f"`{row.page}`",
            *(_cell(row.score(c)) for c in CATEGORIES),
            _cell(row.lcp_ms),
            _cell(row.tbt_ms),
            _cell(row.cls, 3),
            _cell(kilobytes),
            _cell(row.audit_seconds, 1),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", *summary_lines(rows)]
    return "\n".join(lines) + "\n"


def write_tables(rows: list[PageScores], folder: Path, preamble: list[str]) -> Path:
    """``lighthouse.md``, ``lighthouse.json`` and ``lighthouse.csv`` in ``folder``: the same rows."""
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "lighthouse.md"
    table.write_text(markdown_table(rows, preamble), encoding="utf-8")
    records = [asdict(row) for row in rows]
    summary = {"rows": records, "summary": summary_lines(rows), "bar": BAR}
    (folder / "lighthouse.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with (folder / "lighthouse.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=[f.name for f in fields(PageScores)])
        writer.writeheader()
        writer.writerows(records)
    return table


DIAGNOSTICS = (
    "mainthread-work-breakdown",
    "bootup-time",
    "render-blocking-resources",
    "unused-css-rules",
    "unused-javascript",
    "dom-size",
    "largest-contentful-paint-element",
    "lcp-lazy-loaded",
    "uses-responsive-images",
    "modern-image-formats",
    "offscreen-images",
    "font-display",
    "total-byte-weight",
    "layout-shifts",
)
"""The audits that say where a page's performance goes, in the order they are listed."""
ALWAYS_LISTED = {
    "mainthread-work-breakdown",
    "bootup-time",
    "dom-size",
    "largest-contentful-paint-element",
    "total-byte-weight",
}
"""Listed even when they pass: what the page costs, not only what fails."""
BYTE_LABELS = {"totalBytes": "size", "transferSize": "transferred", "wastedBytes": "to save"}


def _items(audit: dict[str, Any], limit: int = 5) -> list[str]:
    """The first rows of an audit's table (URL or group, time or bytes), one short line each."""
    details = audit.get("details") or {}
    items = details.get("items") or []
    if details.get("type") == "list":  # e.g. the LCP element: a list of tables
        items = [row for table in items for row in (table.get("items") or [])]
    lines = []
    for item in items[:limit]:
        label = item.get("url") or item.get("groupLabel") or item.get("statistic") or ""
        if not label and isinstance(item.get("node"), dict):
            label = item["node"].get("snippet") or item["node"].get("selector", "")
        if not label and item.get("phase"):
            label = f"{item['phase']} {item.get('timing', 0):,.0f} ms"
        numbers = []
        for key, unit in (
            ("duration", "ms"),
            ("total", "ms"),
            ("scripting", "ms scripting"),
            ("wastedMs", "ms to gain"),
        ):
            if isinstance(item.get(key), int | float):
                numbers.append(f"{item[key]:,.0f} {unit}")
        for key in ("totalBytes", "transferSize", "wastedBytes"):
            if isinstance(item.get(key), int | float):
                numbers.append(f"{BYTE_LABELS[key]} {item[key] / 1024:,.0f} KB")
        value = item.get("value")
        if isinstance(value, dict):  # {"type": "numeric", "value": 10394}
            value = value.get("value")
        if isinstance(value, int | float):
            numbers.append(f"{value:,}")
        lines.append(f"    - {str(label)[:120]}" + (f": {', '.join(numbers)}" if numbers else ""))
    return lines


def diagnosis(page: str, report: dict[str, Any]) -> list[str]:
    """Markdown lines: the page's metrics and the diagnostics that explain its performance score."""
    audits = report.get("audits", {})
    lines = [f"### `{page}`", ""]
    metrics = ("first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time")
    shown = [f"{audits[m]['title']} {audits[m].get('displayValue', '')}" for m in metrics if m in audits]
    lines.append("- Metrics: " + "; ".join(shown))
    for name in DIAGNOSTICS:
        audit = audits.get(name)
        if not audit or audit.get("scoreDisplayMode") in ("notApplicable", "manual"):
            continue
        if audit.get("score") == 1 and name not in ALWAYS_LISTED:
            continue
        lines.append(f"- {audit['title']}: {audit.get('displayValue', '')}".rstrip(": "))
        lines += _items(audit)
    return [*lines, ""]
