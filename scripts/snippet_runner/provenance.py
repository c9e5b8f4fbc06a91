"""A one-line, reader-facing account of where a frozen output came from."""

from __future__ import annotations

from .store import Entry


def describe(snippet_id: str, entry: Entry | None) -> str:
    if entry is None:
        return ""
    v = entry.versions
    seeds = ", ".join(map(str, entry.seeds)) or "없음"
    return (
        f"snippets/{snippet_id} · Python {v.get('python')} · torch {v.get('torch')} · "
        f"numpy {v.get('numpy')} · matplotlib {v.get('matplotlib')} · seed {seeds} · "
        f"실행 {entry.run_seconds:g} s · {entry.produced_at[:10]}"
    )
