"""Generated Jupyter notebooks: one per page with code, for each edition, checked against the frozen outputs."""

from .generate import (
    NOTEBOOKS_DIR,
    NotebookBuilder,
    NotebookError,
    NotebookReport,
    PageCode,
    Site,
    SnippetUse,
    edition_config,
    editions,
    expected_notebooks,
    generate,
    notebook_uri,
    pages_with_code,
    render,
    scan_page,
)

__all__ = [
    "NOTEBOOKS_DIR",
    "NotebookBuilder",
    "NotebookError",
    "NotebookReport",
    "PageCode",
    "Site",
    "SnippetUse",
    "edition_config",
    "editions",
    "expected_notebooks",
    "generate",
    "notebook_uri",
    "pages_with_code",
    "render",
    "scan_page",
]
