"""Helpers for the browser tests: a local server for the built site, page visits, artifact paths.

The server serves the site on 127.0.0.1 under the path of ``site_url``, as GitHub Pages serves a
project site: directory index pages, a redirect to the trailing slash, gzip for text, and the site's
404 page for missing paths. It stands in for the origin of ``site_url``, so ``sitemap.xml`` lists
local URLs: Material's instant navigation follows only links listed in the sitemap of the origin it
runs on, and it ignores ports when it maps the sitemap's URLs (``mkdocs serve`` rewrites
``site_url`` for the same reason).
"""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import re
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from snippet_notebooks import Site
from snippet_runner.editions import EDITIONS as REGISTRY

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 90_000
"""How long a page may take to get somewhere (load, render its math, answer a search) before it
counts as never getting there. Generous: the browser shares the cores with the suite's re-runs."""
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
COMPRESSED_TYPES = re.compile(r"^(text/|application/(javascript|json|xml|x-ipynb\+json)|image/svg)")
mimetypes.add_type("application/x-ipynb+json", ".ipynb")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("application/javascript", ".js")


def base_path() -> str:
    """The path part of ``site_url``, e.g. ``/relu-docs/``."""
    path = urlsplit(Site.from_mkdocs(ROOT / "mkdocs.yml").site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def site_origin() -> str:
    """The scheme and host of ``site_url``, e.g. ``https://relu-docs.github.io``."""
    parts = urlsplit(Site.from_mkdocs(ROOT / "mkdocs.yml").site_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


EDITIONS = {edition.docs: edition.site_folder for edition in REGISTRY}
"""Each edition's pages and where the built site has them: Korean at the root, English in en/."""


def page_paths() -> list[str]:
    """Every page's path below the site root, in both editions, from the sources (known before the build)."""
    paths = []
    for folder, prefix in EDITIONS.items():
        docs = ROOT / folder
        for source in sorted([*docs.rglob("*.md"), *(docs / "notebooks").rglob("*.ipynb")]):
            relative = source.relative_to(docs).with_suffix("").as_posix()
            if relative == "index":
                paths.append(prefix)
            elif relative != "404" and not relative.startswith("assets/"):
                paths.append(prefix + relative.removesuffix("/index") + "/")
    return paths


def language_of(path: str) -> str:
    """The edition a page path belongs to: ``en`` or ``ko``."""
    return next(e.language for e in REGISTRY[::-1] if path.startswith(e.site_folder))


def built_pages(site: Path) -> set[str]:
    """Every page's path below the site root, from the built site: its ``index.html`` files."""
    folders = (file.relative_to(site).parent.as_posix() for file in site.rglob("index.html"))
    return {"" if folder == "." else folder + "/" for folder in folders}


class SiteHandler(BaseHTTPRequestHandler):
    """Static files as GitHub Pages serves them: directory index, slash redirect, gzip, 404 page."""

    site: Path
    prefix: str
    site_origin: str

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self._send(HTTPStatus.NOT_FOUND, self.site / "404.html")
        target = (self.site / path.removeprefix(self.prefix)).resolve()
        if not target.is_relative_to(self.site):
            return self._send(HTTPStatus.NOT_FOUND, self.site / "404.html")
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
        if not target.is_file():
            return self._send(HTTPStatus.NOT_FOUND, self.site / "404.html")
        return self._send(HTTPStatus.OK, target)

    def _send(self, status: HTTPStatus, file: Path) -> None:
        body = file.read_bytes()
        if file.name == "sitemap.xml" and self.site_origin:
            local = f"http://{self.headers.get('Host', '127.0.0.1')}"
            body = body.replace(f"<loc>{self.site_origin}/".encode(), f"<loc>{local}/".encode())
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if COMPRESSED_TYPES.match(kind) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        # The browser may go on (a navigation, a cancelled fetch) before the body is sent: nothing to serve then.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass(frozen=True)
class SiteServer:
    origin: str
    prefix: str

    def url(self, path: str = "") -> str:
        return f"{self.origin}{self.prefix}{path}"


@dataclass
class Visit:
    """One page in the browser and what it did: requests, failures, errors, bytes transferred."""

    page: Any
    origin: str
    url: str
    expect_status: int = 200
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    finished: list[Any] = field(default_factory=list)

    def record(self, context: Any) -> None:
        """Abort and record every request that leaves the local server; record failures and errors."""
        context.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.page.on("requestfinished", lambda request: self.finished.append(request))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort("blockedbyclient")

    def _expected(self, url: str, status: int) -> bool:
        return url == self.url and status == self.expect_status

    def _console(self, message: Any) -> None:
        where = message.location.get("url", "?")
        expected = where == self.url and f"status of {self.expect_status}" in message.text
        if message.type == "error" and not expected:
            self.errors.append(f"{message.text} (at {where})")

    def _failed(self, request: Any) -> None:
        if request.url not in self.external:
            self.failed.append(f"{request.url} ({request.failure})")

    def _response(self, response: Any) -> None:
        if response.status >= 400 and not self._expected(response.url, response.status):
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def transferred(self) -> tuple[int, int]:
        """(bytes over the wire: headers + encoded bodies, decoded body bytes) of every finished request."""
        wire = decoded = 0
        for request in self.finished:
            sizes = request.sizes()
            response = request.response()
            body = len(response.body()) if response is not None else 0
            # Chromium reports no encoded size for a worker's own script: count it decoded.
            wire += sizes["responseHeadersSize"] + (sizes["responseBodySize"] or body)
            decoded += body
        return wire, decoded

    def problems(self) -> list[str]:
        return (
            [f"external request: {url}" for url in self.external]
            + [f"failed request: {item}" for item in self.failed]
            + [f"console: {item}" for item in self.errors]
        )


def ready_for_instant_navigation(page: Any) -> None:
    """Wait until the page has stopped loading. Material's instant navigation first fetches the
    sitemap to know the site's addresses; a click before it has arrived reloads the page instead (and
    cancels what was still loading), which a busy machine makes happen by chance."""
    page.wait_for_load_state("networkidle")


def screenshot_path(page: str, suffix: str) -> Path:
    """``test-artifacts/screenshots/<page>-<suffix>.png``; ``page`` is a path or a name such as ``404``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = page.strip("/").replace("/", "__") or "home"
    return SCREENSHOTS / f"{name}-{suffix}.png"
