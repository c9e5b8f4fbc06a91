"""The generated notebooks on MkDocs: their pages' titles and the links a page's buttons use."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import snippet_notebooks


def is_notebook(page: Page) -> bool:
    uri = page.file.src_uri
    return uri.startswith(f"{snippet_notebooks.NOTEBOOKS_DIR}/") and uri.endswith(".ipynb")


def source_uri(notebook: Page) -> str:
    """``notebooks/activation/relu.ipynb`` -> ``activation/relu.md``."""
    return notebook.file.src_uri.removeprefix(f"{snippet_notebooks.NOTEBOOKS_DIR}/").removesuffix(".ipynb") + ".md"


def notebook_pages(files: Files) -> dict[str, Page]:
    """The generated notebooks MkDocs renders as pages, by source path (``notebooks/activation/relu.ipynb``)."""
    return {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None and is_notebook(f.page)}


def name_notebooks(nav: Navigation, books: dict[str, Page], docs: Path) -> None:
    """Give each notebook page its page's title. The notebooks are not in the navigation, which
    shows each page once: they are reached from each page's buttons and from ``notebooks/index.md``."""
    titles = {page.file.src_uri: page.title for page in nav.pages}
    for book in books.values():
        uri = source_uri(book)
        if uri in titles:
            book.title = titles[uri]
        elif (docs / uri).exists() and (scanned := snippet_notebooks.scan_page(docs, docs / uri)):
            book.title = scanned.title  # a page outside the nav: its first heading


def links(
    page: Page, nav: Navigation, books: dict[str, Page], site: snippet_notebooks.Site, docs_name: str
) -> dict | None:
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
    book = books.get(uri)
    if book is None or book.url is None:
        return None
    return {"page": book.url, "file": book.url + Path(uri).name, "colab": site.colab_url(f"{docs_name}/{uri}")}
