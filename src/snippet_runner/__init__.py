"""Run the site's Python snippets in isolation and freeze their outputs for the pages."""

from .errors import SnippetError

__all__ = ["RUNNER_VERSION", "SnippetError"]

# Part of every cache key: bump it when a change to the runner changes what snippets produce.
RUNNER_VERSION = "3"
