"""The site's editions, in one place: each one's language, pages folder, configuration and address.

Every layer that needs to know the editions reads this registry: the notebooks (one set per edition),
the site adapter (the twin-page check, the words around a directive), the reader's check (its verdict
in the reader's language) and the tests. A third edition is one more entry here, and its words in each
layer's table (``tests/test_editions.py`` fails until every table has them).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    language: str
    """``theme.language`` of its configuration: ``ko``, ``en``."""
    docs: str
    """Its pages folder, relative to the checkout (``Project.docs``)."""
    config: str
    """Its MkDocs (and Zensical) configuration, relative to the checkout."""
    site_folder: str
    """Where its pages are below the site's root: ``""`` or ``"en/"``."""


ORIGINAL = Edition(language="ko", docs="docs", config="mkdocs.yml", site_folder="")
"""The Korean edition: the pages every other edition translates."""
ENGLISH = Edition(language="en", docs="docs-en", config="mkdocs.en.yml", site_folder="en/")
EDITIONS = (ORIGINAL, ENGLISH)
LANGUAGES = tuple(edition.language for edition in EDITIONS)


def by_docs(docs: str) -> Edition | None:
    """The edition whose pages folder is ``docs``, or None."""
    return next((edition for edition in EDITIONS if edition.docs == docs), None)
