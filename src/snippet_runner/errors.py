"""The one base of every error the tooling reports to a person rather than as a traceback."""

from __future__ import annotations


class SnippetError(Exception):
    """A problem a person can fix: the message names the file (and line) and, where there is one, the fix.

    Every layer's own errors derive from it, so that a caller that reports them (the command lines, the
    MkDocs plugin) catches this one class instead of a list that drifts.
    """
