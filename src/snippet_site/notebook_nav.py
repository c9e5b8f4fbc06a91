"""MkDocs navigation for the generated notebooks: their section and the links a page's buttons use."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

import snippet_notebooks

NOTEBOOKS_SECTION = "노트북"


def is_notebook(page: Page) -> bool:
    uri = page.file.src_uri
    return uri.startswith(f"{snippet_notebooks.NOTEBOOKS_DIR}/") and uri.endswith(".ipynb")


def source_uri(notebook: Page) -> str:
    """``notebooks/activation/relu.ipynb`` -> ``activation/relu.md``."""
    return notebook.file.src_uri.removeprefix(f"{snippet_notebooks.NOTEBOOKS_DIR}/").removesuffix(".ipynb") + ".md"


def add_section(nav: Navigation, files: Files, docs: Path) -> Navigation:
    """A "노트북" section with one notebook per page with code, in the order of their pages."""
    by_uri = {page.file.src_uri: page for page in nav.pages}
    order = {uri: index for index, uri in enumerate(by_uri)}
    books = [f.page for f in files.documentation_pages() if f.page is not None and is_notebook(f.page)]
    books = [page for page in books if page not in nav.pages]
    if not books:
        return nav
    books.sort(key=lambda page: (order.get(source_uri(page), len(order)), page.file.src_uri))
    section = Section(NOTEBOOKS_SECTION, books)
    for page in books:
        source = by_uri.get(source_uri(page))
        if source is not None:
            page.title = source.title
        elif (docs / source_uri(page)).exists() and (scanned := snippet_notebooks.scan_page(docs, docs / source_uri(page))):
            page.title = scanned.title  # a page outside the nav: its first heading
        page.parent = section
    nav.items.append(section)
    nav.pages.extend(books)
    for previous, page in zip([None, *nav.pages[:-1]], nav.pages):
        page.previous_page = previous
        if previous is not None:
            previous.next_page = page
    nav.pages[-1].next_page = None
    return nav


def links(page: Page, nav: Navigation, site: snippet_notebooks.Site, docs_name: str) -> dict | None:
    """What the templates' notebook buttons link to: on a page, its notebook (rendered, .ipynb,
    Colab); on a notebook, its page and Colab. None for a page without a notebook."""
    if is_notebook(page):
        page.edit_url = None  # generated: edit the page or the snippets instead
        source = next((p for p in nav.pages if p.file.src_uri == source_uri(page)), None)
        return {
            "colab": site.colab_url(f"{docs_name}/{page.file.src_uri}"),
            "source": source.url if source is not None else None,
        }
    uri = snippet_notebooks.notebook_uri(page.file.src_uri)
    book = next((p for p in nav.pages if p.file.src_uri == uri), None)
    if book is None:
        return None
    return {"page": book.url, "file": book.url + Path(uri).name, "colab": site.colab_url(f"{docs_name}/{uri}")}
