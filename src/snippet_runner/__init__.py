"""Run the site's Python snippets in isolation and freeze their outputs for the pages."""

from .errors import SnippetError

__all__ = ["SnippetError"]
