"""Glossary tooltips that also find terms followed by a Korean particle.

Python-Markdown's ``abbr`` extension wraps a term only between two word boundaries (``\\b``). Hangul
letters are word characters, so "ReLU는" or "기울기가" never matched and most terms on the pages had
no tooltip. This extension, listed in ``markdown_extensions`` as ``snippet_site.glossary`` in place
of ``abbr``, takes the same options; its pattern still refuses a term glued to Latin letters or
digits on the right ("ReLU6" is not "ReLU") but accepts any Hangul after it.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor


class ParticleAwareAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(rf"(?<!\w)(?:{alternatives})(?![A-Za-z0-9_])")
        self.iter_element(root)
        return None


class ParticleAwareAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(ParticleAwareAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs) -> ParticleAwareAbbrExtension:
    return ParticleAwareAbbrExtension(**kwargs)
