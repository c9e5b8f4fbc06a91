"""Math rendered when the page is built: KaTeX's HTML goes into the page, so no math JavaScript runs.

``pymdownx.arithmatex`` (generic mode) finds the formulas and leaves ``<span class="arithmatex">\\(…\\)</span>``
and ``<div class="arithmatex">\\[…\\]</div>``. This extension, listed after it as ``snippet_site.formulas``,
hands every formula of a page to KaTeX on Node in one call (``render_math.cjs``, KaTeX from the checkout's
``node_modules``) and puts the result in their place. The page needs only KaTeX's stylesheet and fonts
(``extra_css``). A formula KaTeX cannot parse stops the build, naming the formula and KaTeX's reason.

Search gets a plain-text form of each formula (``search_text.tex_to_text``): KaTeX's markup is marked
``data-search-exclude`` and the plain text sits next to it, hidden, so a reader finds ``σ(x)``.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from .search_text import tex_to_text

PRIORITY = 15
"""After raw HTML is put back (30) and ``&`` restored (20): the formulas are in the page's text by then."""

FORMULA = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)
SCRIPT = Path(__file__).with_name("render_math.cjs")


class MathError(ValueError):
    """KaTeX could not render a formula, or could not run."""


@dataclass(frozen=True)
class Formula:
    tex: str
    display: bool


def render(formulas: list[Formula], katex_dir: Path) -> list[str]:
    """KaTeX's HTML for each formula, from one Node process."""
    if not formulas:
        return []
    if not (katex_dir / "package.json").is_file():
        raise MathError(f"{katex_dir} is missing: run `npm ci` (or `make setup`)")
    request = json.dumps([{"tex": f.tex, "display": f.display} for f in formulas])
    try:
        done = subprocess.run(
            ["node", str(SCRIPT), str(katex_dir)],
            input=request,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise MathError(f"KaTeX on Node failed: {exc}") from exc
    results = json.loads(done.stdout)
    errors = [f"{f.tex!r}: {r['error']}" for f, r in zip(formulas, results, strict=True) if "error" in r]
    if errors:
        raise MathError("KaTeX cannot render " + "; ".join(errors))
    return [r["html"] for r in results]


class FormulaPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, katex_dir: Path) -> None:
        super().__init__(md)
        self.katex_dir = katex_dir

    def run(self, text: str) -> str:
        matches = list(FORMULA.finditer(text))
        formulas = [
            Formula(
                html.unescape(m.group("inline") if m.group("display") is None else m.group("display")).strip(),
                m.group("display") is not None,
            )
            for m in matches
        ]
        pieces, end = [], 0
        for match, formula, katex_html in zip(matches, formulas, render(formulas, self.katex_dir), strict=True):
            pieces += [text[end : match.start()], _wrapped(match.group("tag"), formula, katex_html)]
            end = match.end()
        return "".join([*pieces, text[end:]])


def _wrapped(tag: str, formula: Formula, katex_html: str) -> str:
    """KaTeX's HTML kept out of search, and the formula's plain text, hidden, for search to find.

    Material's search parser matches closing tags by name, so the excluded wrapper must be an element
    KaTeX never writes inside it: <data> (it carries the plain text as its value)."""
    text = tex_to_text(formula.tex)
    return (
        f'<{tag} class="arithmatex"><data value="{html.escape(text)}" data-search-exclude>{katex_html}</data>'
        f'<span class="arithmatex__text" hidden>{html.escape(text, quote=False)}</span></{tag}>'
    )


class FormulasExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"root": [".", "The checkout whose node_modules/katex renders the math"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        katex_dir = Path(self.getConfig("root")).resolve() / "node_modules" / "katex"
        md.postprocessors.register(FormulaPostprocessor(md, katex_dir), "snippet_formulas", PRIORITY)


def makeExtension(**kwargs) -> FormulasExtension:
    return FormulasExtension(**kwargs)
