"""A one-line, reader-facing account of where a frozen output came from."""

from __future__ import annotations

from snippet_runner.api import ManifestEntry

from .expand import DirectiveError
from .language import KOREAN, PageWords


class MissingProvenance(DirectiveError):
    """A page shows a snippet's output, but the manifest has no record of the run that made it."""


def describe(snippet_id: str, entry: ManifestEntry | None, words: PageWords = KOREAN) -> str:
    """Snippet, versions, seeds and date; every output and figure on a page carries it. Not the run's
    time: it measures the machine that froze the output (its load, its speed), not the output."""
    if entry is None:
        raise MissingProvenance(
            f"snippets/{snippet_id}: outputs/manifest.json has no entry for it, so its output would be "
            "published without its provenance label: run `make snippets`"
        )
    v = entry.versions
    seeds = ", ".join(map(str, entry.seeds)) or words.no_seed
    return (
        f"snippets/{snippet_id} · Python {v.get('python')} · torch {v.get('torch')} · "
        f"numpy {v.get('numpy')} · matplotlib {v.get('matplotlib')} · seed {seeds} · {entry.produced_at[:10]}"
    )
