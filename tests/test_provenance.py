"""The provenance label on every output and figure (``snippet_site.provenance``): what made the output,
and nothing that measures the machine that froze it."""

from __future__ import annotations

import dataclasses

import pytest

from snippet_runner import store
from snippet_runner.project import Project
from snippet_site.language import ENGLISH
from snippet_site.provenance import MissingProvenance, describe


def test_the_label_names_versions_seeds_and_date_but_not_the_runs_time(project: Project) -> None:
    snippet_id, entry = next(iter(sorted(store.load_manifest(project).items())))
    slow = dataclasses.replace(entry, run_seconds=entry.run_seconds * 7 + 3, cpu_seconds=entry.cpu_seconds * 7 + 3)
    label = describe(snippet_id, entry, ENGLISH)
    assert label == describe(snippet_id, slow, ENGLISH), "a busier machine must not change what is published"
    assert label.startswith(f"snippets/{snippet_id} · Python ") and f"torch {entry.versions['torch']}" in label
    assert label.endswith(entry.produced_at[:10])


def test_an_output_without_its_record_is_refused() -> None:
    with pytest.raises(MissingProvenance, match=r"outputs/manifest\.json has no entry"):
        describe("demo/x.py", None)
