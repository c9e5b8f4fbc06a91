"""What a learner types, folded into the search index at build time.

Material's search builds a lunr index in the reader's browser from ``search/search_index.json``.
This module changes that file only, so the browser gets a plain index and runs nothing new:

- **Code and printed output are left out** of the indexed text: a ``<pre>`` block is numbers and code,
  which nobody types into a search box, and it was more than half of the index. The names the code
  calls (``nn.ReLU``, ``leaky_relu``, ``BatchNorm2d``) are kept as words, so a learner who types one
  still finds the page.
- **Two hidden fields** hold words that match but are never shown: Material renders a result from its
  ``title`` and ``text`` only. ``keywords`` is weighted like a title (words that belong to a section's
  heading), ``words`` like body text. Their boosts are the search plugin's ``fields`` in ``mkdocs.yml``.
- **Transliterations and synonyms** (``includes/search_terms.toml``, one table for both editions): where
  a page writes a term, the spellings a learner types for it are added to the same level (heading or
  body), so ``렐루`` ranks as ``ReLU`` does. Where terms overlap the longest wins ("Rectified Linear
  Unit" is ReLU, not a unit), and a spelling the entry already shows is not added again (a word counts
  once per field, so a repeat would double its weight). Hangul spellings go into the Korean edition only.
- **Korean stems** (kiwipiepy, here at build time only): a verb whose written form is not its stem
  plus an ending (``써야`` is ``쓰`` + ``어야``, ``생겨`` is ``생기`` + ``어``) gets its stem as a hidden
  word. Regular particles and endings are cut in the browser by the search plugin's ``separator``
  (``mkdocs.yml``), which Material applies to the index and to the query alike.
"""

from __future__ import annotations

import functools
import html
import keyword
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

TABLE = Path("includes") / "search_terms.toml"
"""The synonym table, relative to the project's root."""
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
CODE_NAME = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]{2,})|\b([A-Za-z_][A-Za-z0-9_]{2,})\s*\(")
COMMON_CODE = frozenset(
    {*keyword.kwlist, "print", "range", "len", "list", "dict", "set", "tuple", "str", "int", "float", "zip", "sum"}
    | {"min", "max", "abs", "round", "sorted", "enumerate", "isinstance", "format", "append", "item", "items"}
    | {"self", "super", "numpy", "torch", "shape", "manual_seed", "tensor", "zeros", "ones", "mean", "std", "numel"}
)
"""Names every code block calls; they would match every page with code, so they are not kept."""
WORD_CHARACTERS = re.compile(r"[^\s\-()\[\]{}<>,;:!?\"'“”‘’·/=]+")
"""A shown word, as the search box splits it: "(LayerNorm)" is the word LayerNorm."""
VERB_TAGS = frozenset({"VV", "VA", "VX", "VV-I", "VA-I", "VX-I", "VV-R", "VA-R"})


class Token(Protocol):
    form: str
    tag: str
    start: int
    len: int


class Analyzer(Protocol):
    """What is used of ``kiwipiepy.Kiwi``: one is made per build and passed in."""

    def tokenize(self, text: str) -> Iterable[Token]: ...


def korean_analyzer() -> Analyzer:
    """A Kiwi morphological analyzer (about 1.5 s to load its model): one per build, passed along."""
    from kiwipiepy import Kiwi

    return Kiwi()


@dataclass(frozen=True)
class Synonym:
    """One row of the table: ``terms`` as the pages write them (either edition), ``typed`` as learners type."""

    terms: tuple[str, ...]
    typed: tuple[str, ...]

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return self.pattern()

    def pattern(self) -> re.Pattern[str]:
        # A Latin term is a whole word (ReLU is not found inside PReLU); a Korean one may carry a particle.
        alternatives = [
            re.escape(term) if HANGUL.search(term) else rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z])"
            for term in sorted(self.terms, key=len, reverse=True)
        ]
        return re.compile("|".join(alternatives), re.IGNORECASE)


@dataclass(frozen=True)
class SearchTerms:
    synonyms: tuple[Synonym, ...]

    @classmethod
    def load(cls, path: Path) -> SearchTerms:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(Synonym(tuple(row["terms"]), tuple(row["typed"])) for row in data["synonym"]))

    def typed_for(self, text: str, language: str) -> list[str]:
        """The spellings learners type for the terms ``text`` contains (no Hangul ones outside Korean).

        The longest term wins where terms overlap, as a reader reads them: "Rectified Linear Unit" is
        ReLU, not a unit (neuron), and "죽은 ReLU" is the dead ReLU, not ReLU alone."""
        spans = [
            (match.start(), match.end(), row)
            for row, synonym in enumerate(self.synonyms)
            for match in synonym.compiled.finditer(text)
        ]
        taken: list[tuple[int, int]] = []
        rows: set[int] = set()
        for start, end, row in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
            if (start, end) in taken or not any(
                start < other_end and other_start < end for other_start, other_end in taken
            ):
                taken.append((start, end))
                rows.add(row)
        found: list[str] = []
        for row in sorted(rows):
            found += [word for word in self.synonyms[row].typed if language == "ko" or not HANGUL.search(word)]
        return found


def without_code(text: str) -> tuple[str, list[str]]:
    """Index text (HTML) without its ``<pre>`` blocks, and the names those blocks call."""
    names: list[str] = []
    for block in PRE.findall(text):
        code = html.unescape(TAG.sub("", block))
        for match in CODE_NAME.finditer(code):
            name = match.group(1) or match.group(2)
            if name not in COMMON_CODE and name not in names:
                names.append(name)
    return re.sub(r"\s{2,}", " ", PRE.sub(" ", text)).strip(), names


def irregular_stems(analyzer: Analyzer, text: str) -> list[str]:
    """Stems of the verbs in ``text`` whose written form does not start with the stem (``써야`` -> ``쓰``)."""
    stems: list[str] = []
    for token in analyzer.tokenize(text):
        written = text[token.start : token.start + token.len]
        if token.tag in VERB_TAGS and not written.startswith(token.form) and token.form not in stems:
            stems.append(token.form)
    return stems


def _new_words(candidates: Iterable[str], shown: str) -> str:
    """``candidates`` without the ones the shown text already has as words, once each."""
    present = {word.lower().strip(".") for word in WORD_CHARACTERS.findall(TAG.sub(" ", shown))}
    kept: list[str] = []
    for candidate in candidates:
        if candidate.lower() not in present and candidate not in kept:
            kept.append(candidate)
    return " ".join(kept)


def enrich(doc: dict, terms: SearchTerms, analyzer: Analyzer | None, language: str) -> dict:
    """One index entry with its code left out and its hidden ``keywords`` and ``words`` added."""
    title = doc.get("title", "")
    text, names = without_code(doc.get("text", ""))
    plain = html.unescape(TAG.sub(" ", text))
    heading_words = terms.typed_for(title, language)
    body_words = [*names, *terms.typed_for(plain, language)]
    if analyzer is not None and language == "ko":
        heading_words += irregular_stems(analyzer, html.unescape(TAG.sub(" ", title)))
        body_words += irregular_stems(analyzer, plain)
    entry = {**doc, "text": text}
    keywords = _new_words(heading_words, title)
    words = _new_words([word for word in body_words if word not in keywords.split(" ")], text + " " + title)
    if keywords:
        entry["keywords"] = keywords
    if words:
        entry["words"] = words
    return entry
