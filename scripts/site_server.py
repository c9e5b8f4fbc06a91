"""Serve a built site on 127.0.0.1 the way a static host serves it, for the audit and the screenshots.

Under the path of ``site_url`` (``/relu-docs/``), with directory index pages, a redirect to the
trailing slash, gzip for text (HTML, CSS, JavaScript, JSON, SVG; woff2 and PNG/WebP are compressed
already), ``Cache-Control: max-age=600`` as GitHub Pages sends, and the site's 404 page for missing
paths. Tornado (pinned in requirements.txt, a Jupyter dependency) does the serving and the gzip.

    with serving(Path("site")) as server:
        server.url("activation/relu/")   # http://127.0.0.1:PORT/relu-docs/activation/relu/
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from snippet_notebooks import Site

ROOT = Path(__file__).resolve().parents[1]
EXTRA_CONTENT_TYPES = {".woff2": "font/woff2", ".ipynb": "application/x-ipynb+json", ".webp": "image/webp"}
"""Types Python's ``mimetypes`` may not know; the rest come from it."""


def site_url_path(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of ``site_url`` in the Korean edition's config, e.g. ``/relu-docs/``."""
    path = urlsplit(Site.from_mkdocs(config).site_url).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclass(frozen=True)
class SiteServer:
    origin: str
    """``http://127.0.0.1:PORT``"""
    prefix: str
    """The site's path, e.g. ``/relu-docs/``."""

    def url(self, page: str = "") -> str:
        """The address of a page given by its path below the site root (``en/glossary/``)."""
        return f"{self.origin}{self.prefix}{page}"


class _SiteFiles(tornado.web.StaticFileHandler):
    """The site's files; a missing one gets the site's 404 page."""

    def get_content_type(self) -> str:
        assert self.absolute_path is not None
        kind = EXTRA_CONTENT_TYPES.get(Path(self.absolute_path).suffix) or super().get_content_type()
        return kind + "; charset=utf-8" if kind.startswith("text/") else kind

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "max-age=600")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        page = Path(self.root) / "404.html"
        if status_code == 404 and page.is_file():
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page.read_bytes())
        else:
            super().write_error(status_code, **kwargs)


class _OutsideSite(tornado.web.RequestHandler):
    """Any path outside ``site_url``'s path: the site's 404 page."""

    def initialize(self, not_found: Path) -> None:
        self.not_found = not_found

    def get(self) -> None:
        self.set_status(404)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(self.not_found.read_bytes() if self.not_found.is_file() else b"Not found")


def _application(site: Path, prefix: str) -> tornado.web.Application:
    files = {"path": str(site), "default_filename": "index.html"}
    routes: list[Any] = [
        (rf"{re.escape(prefix)}(.*)", _SiteFiles, files),
        (r".*", _OutsideSite, {"not_found": site / "404.html"}),
    ]
    return tornado.web.Application(
        routes, compress_response=True, static_hash_cache=False, log_function=lambda handler: None
    )


@contextmanager
def serving(site: Path, prefix: str | None = None) -> Iterator[SiteServer]:
    """Serve ``site`` on a free port of 127.0.0.1 (in a background thread) while the block runs."""
    site = site.resolve()
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} has no index.html: not a built site")
    prefix = prefix or site_url_path()
    sockets = bind_sockets(0, "127.0.0.1")
    port = sockets[0].getsockname()[1]
    loop = asyncio.new_event_loop()
    started = threading.Event()
    server_holder: list[HTTPServer] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        http_server = HTTPServer(_application(site, prefix))
        http_server.add_sockets(sockets)
        server_holder.append(http_server)
        loop.call_soon(started.set)
        loop.run_forever()

    thread = threading.Thread(target=run, name="site-server", daemon=True)
    thread.start()
    started.wait()
    try:
        yield SiteServer(origin=f"http://127.0.0.1:{port}", prefix=prefix)
    finally:

        async def stop() -> None:
            server_holder[0].stop()
            await server_holder[0].close_all_connections()

        asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
