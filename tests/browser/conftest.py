"""A real Chromium (Debian's /usr/bin/chromium, driven by Playwright) reading the built site.

The site is served on 127.0.0.1 under the path of ``site_url`` (as GitHub Pages serves a project
site), gzip-compressed like GitHub Pages, with its 404 page for missing paths. Every request that
leaves 127.0.0.1 is aborted and recorded. Screenshots and the measured page weights go to
``test-artifacts/`` (gitignored).

``SITE_DIR=/path/to/site pytest tests/browser`` reuses an existing build instead of building one.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from .support import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_FLAGS,
    WAIT_MS,
    SiteHandler,
    SiteServer,
    Visit,
    base_path,
    site_origin,
)


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    return request.getfixturevalue("built_site")


@contextmanager
def _serving(site: Path) -> Iterator[SiteServer]:
    attributes = {"site": site.resolve(), "prefix": base_path(), "site_origin": site_origin()}
    handler = type("Handler", (SiteHandler,), attributes)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield SiteServer(origin=f"http://127.0.0.1:{httpd.server_address[1]}", prefix=base_path())
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[SiteServer]:
    with _serving(site_dir) as serving:
        yield serving


@pytest.fixture(scope="session")
def zensical_server(zensical_site: Path) -> Iterator[SiteServer]:
    """The Zensical build of the same sources (``make build-zensical``), served the same way."""
    with _serving(zensical_site) as serving:
        yield serving


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-browser` (apt-get install chromium)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@contextmanager
def _opener(browser, server: SiteServer) -> Iterator:
    """``open_(path)`` -> a Visit of that page in a fresh browser context (empty cache); the
    contexts are closed on leaving."""
    contexts = []

    def open_(path: str = "", *, color_scheme: str = "light", expect_status: int = 200) -> Visit:
        context = browser.new_context(
            color_scheme=color_scheme, viewport={"width": 1280, "height": 900}, locale="ko-KR", service_workers="block"
        )
        contexts.append(context)
        context.set_default_timeout(WAIT_MS)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
        visit = Visit(page=context.new_page(), origin=server.origin, url=server.url(path), expect_status=expect_status)
        visit.record(context)
        response = visit.page.goto(visit.url, wait_until="load")
        assert response is not None and response.status == expect_status, (
            f"{visit.url}: HTTP {response and response.status}"
        )
        return visit

    try:
        yield open_
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def open_page(browser, server: SiteServer):
    """``open_page(path)`` -> a Visit of that page in a fresh browser context (empty cache)."""
    with _opener(browser, server) as open_:
        yield open_


@pytest.fixture
def open_zensical_page(browser, zensical_server: SiteServer):
    """``open_page`` on the Zensical build."""
    with _opener(browser, zensical_server) as open_:
        yield open_


@pytest.fixture(scope="session")
def weights() -> Iterator[dict[str, dict[str, int]]]:
    """Page path -> measured bytes; written to test-artifacts/page-weights.json at the end."""
    measured: dict[str, dict[str, int]] = {}
    yield measured
    if measured:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "page-weights.json").write_text(
            json.dumps(dict(sorted(measured.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
