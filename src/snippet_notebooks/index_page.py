"""The one page that lists every notebook of an edition (``docs/notebooks/index.md``, ``docs-en/...``),
generated with them, in the edition's language.

The navigation shows each page once; a page's notebook is reached from the page's buttons and from
this list, in the order of the navigation. Its links are ordinary Markdown links, so each generator
makes them what it offers: MkDocs links the rendered notebook page, Zensical the ``.ipynb`` file.
"""

from __future__ import annotations

import posixpath

from .pages import NOTEBOOKS_DIR, PageCode, notebook_uri
from .site import Site
from .words import words

INDEX_PAGE = f"{NOTEBOOKS_DIR}/index.md"


def index_text(pages: list[PageCode], site: Site) -> str:
    """The index page's Markdown: one row per notebook, in navigation order (other pages after, by path)."""
    position = {page: (number, section) for number, (section, page) in enumerate(site.nav)}
    rows = sorted(pages, key=lambda page: (position.get(page.page, (len(position), ""))[0], page.page))
    said = words(site.language)
    lines = [said.index_intro, "| " + " | ".join(said.index_header) + " |", "|------|--------|--------|-------|"]
    for page in rows:
        uri = notebook_uri(page.page)
        section = position.get(page.page, (0, ""))[1]
        here = posixpath.relpath(uri, NOTEBOOKS_DIR)
        colab = site.notebook_colab_url(uri)
        title = page.title.replace("|", "\\|")
        lines.append(
            f"| {section} | [{title}]({posixpath.relpath(page.page, NOTEBOOKS_DIR)}) | "
            f"[{posixpath.basename(uri)}]({here}) | " + (f"[{said.open_in_colab}]({colab})" if colab else "") + " |"
        )
    return "\n".join(lines) + "\n"
