"""Full-page screenshots of the built site in Debian's Chromium (Playwright), taken so that the same page
gives the same pixels every time.

Each screenshot is taken in one colour scheme (the reader's system preference, which the site's
palette follows: light gives Material's ``default`` scheme, dark its ``slate``) at one viewport (a
phone or a desktop). Before the shot the page is settled: transitions, animations and the caret are
switched off, lazy images are made eager, the page is scrolled through once (so that what waits to be
scrolled into view, such as an explorer, is drawn) and back, scrollbars hidden, and the shot waits for the images, the
fonts, the math (every ``.arithmatex`` element rendered by KaTeX) and a quiet network.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
    "--hide-scrollbars",
    # Two tabs take turns (before, after): the one waiting must not be throttled as a background window.
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
]
WAIT_MS = 180_000
"""Generous: a full-page shot of a 30,000-pixel page takes a minute when other builds share the two cores."""
MATH_WAIT_MS = 20_000


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    scale: float
    mobile: bool


@dataclass(frozen=True)
class Scheme:
    name: str
    """The reader's system preference Playwright emulates: ``light`` or ``dark``."""
    material: str
    """The palette scheme the page should then show (``data-md-color-scheme``)."""


VIEWPORTS = (
    # A phone-sized window (Lighthouse's mobile width), not mobile emulation: its overlay scrollbars, painted on a timer,
    # made the same page differ by a one-pixel row at the foot of code blocks that scroll sideways.
    Viewport("phone", 412, 823, 1, mobile=False),
    Viewport("desktop", 1280, 900, 1, mobile=False),
)
SCHEMES = (Scheme("light", "default"), Scheme("dark", "slate"))

FREEZE_CSS = """
*, *::before, *::after {
  transition: none !important; animation: none !important; caret-color: transparent !important;
}
html { scroll-behavior: auto !important; }
* { scrollbar-width: none !important; content-visibility: visible !important; }
.md-sidebar__scrollwrap { overflow: visible !important; }
"""
"""Scrollbars are hidden in both builds alike (painted on a timer of their own). Blocks the page lays out only near
the screen (``content-visibility: auto``) are laid out at once: a reader scrolling there sees them drawn. The
sidebars (navigation, table of contents) are shown whole, not scrolled: the table of contents scrolls itself to follow
the page, also while the shot is taken, so it came out scrolled by a different amount from one shot to the next."""

SETTLING_HELPERS = """
  const settled = [];
  const within = (promise, ms, what) => Promise.race([
    promise.catch(() => null), new Promise(done => setTimeout(() => { settled.push(what); done(); }, ms))]);
  const frames = () => within(new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))), 5000, 'frames');
"""
"""Every wait in the page is bounded (Playwright's ``evaluate`` has no time limit): what did not settle in time is returned."""

SCROLL_THROUGH = f"""async () => {{ {SETTLING_HELPERS}
  for (const image of document.querySelectorAll('img[loading="lazy"]')) image.loading = 'eager';
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {{
    window.scrollTo(0, y);
    await frames();
  }}
  return settled;
}}"""

SETTLE_ON_TOP = f"""async () => {{ {SETTLING_HELPERS}
  window.scrollTo(0, 0);
  // The table of contents follows the scrolling (its highlighted entry, smooth scrolls of its own): put it back on
  // top until it stays there, unchanged, for a quarter of a second (five seconds at most).
  const sidebars = () => JSON.stringify([
    ...[...document.querySelectorAll('.md-sidebar__scrollwrap')].map(sidebar => sidebar.scrollTop),
    ...[...document.querySelectorAll('.md-sidebar .md-nav__link')].map(link => link.className)]);
  let before = null;
  for (let tries = 0; tries < 20; tries++) {{
    for (const sidebar of document.querySelectorAll('.md-sidebar__scrollwrap')) sidebar.scrollTop = 0;
    await new Promise(done => setTimeout(done, 250));
    const now = sidebars();
    if (now === before) break;
    before = now;
    if (tries === 19) settled.push('table of contents');
  }}
  await within(Promise.all([...document.images].map(image => image.decode().catch(() => null))), 10000, 'images');
  await within(document.fonts.ready, 10000, 'fonts');
  await frames();
  return settled;
}}"""

MATH_RENDERED = "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"
SCHEME_SHOWN = "() => document.body.getAttribute('data-md-color-scheme')"


@dataclass
class Screenshot:
    png: bytes
    warnings: list[str] = field(default_factory=list)
    """What did not settle (math, scheme, status) or asked for a page outside the local server."""


@dataclass
class CapturingTab:
    """One browser tab at one viewport and in one scheme, reused for page after page."""

    tab: Any
    origin: str
    scheme: Scheme
    external: list[str] = field(default_factory=list)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith((self.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort("blockedbyclient")

    def capture(self, url: str) -> Screenshot:
        # A first visit fills the browser's caches: a page loaded cold could be drawn a pixel differently
        # (seen: a one-pixel row at the edge of a code block) from the same page loaded warm.
        self.tab.bring_to_front()
        self.tab.goto(url, wait_until="networkidle")
        self.external.clear()
        warnings = []
        response = self.tab.goto(url, wait_until="load")
        if response is None or response.status != 200:
            warnings.append(f"HTTP {response and response.status}")
        self.tab.add_style_tag(content=FREEZE_CSS)
        unsettled = self.tab.evaluate(SCROLL_THROUGH)
        try:
            self.tab.wait_for_function(MATH_RENDERED, timeout=MATH_WAIT_MS)
        except Exception:  # Playwright's TimeoutError: shoot anyway and say so
            warnings.append("math not rendered")
        self.tab.wait_for_load_state("networkidle")
        unsettled += self.tab.evaluate(SETTLE_ON_TOP)
        warnings += [f"{what} did not settle" for what in sorted(set(unsettled))]
        if (shown := self.tab.evaluate(SCHEME_SHOWN)) != self.scheme.material:
            warnings.append(f"scheme {shown}, not {self.scheme.material}")
        png = self.tab.screenshot(full_page=True, animations="disabled", caret="hide")
        warnings += [f"blocked {url}" for url in self.external]
        return Screenshot(png, warnings)


@dataclass
class Browser:
    """Debian's Chromium through Playwright; ``tab()`` opens a tab at a viewport, in a scheme."""

    browser: Any
    contexts: list[Any] = field(default_factory=list)

    def tab(self, origin: str, viewport: Viewport, scheme: Scheme) -> CapturingTab:
        context = self.browser.new_context(
            viewport={"width": viewport.width, "height": viewport.height},
            device_scale_factor=viewport.scale,
            is_mobile=viewport.mobile,
            has_touch=viewport.mobile,
            color_scheme=scheme.name,
            reduced_motion="reduce",
            locale="ko-KR",
            timezone_id="Asia/Seoul",
            service_workers="block",
        )
        context.set_default_timeout(WAIT_MS)
        self.contexts.append(context)
        capturing = CapturingTab(tab=context.new_page(), origin=origin, scheme=scheme)
        context.route("**/*", capturing._route)
        return capturing

    def close_tabs(self) -> None:
        for context in self.contexts:
            context.close()
        self.contexts.clear()


@contextmanager
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make system-browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            yield Browser(launched)
        finally:
            launched.close()
