"""What readers see around the pages: generated notebooks, their nav section and buttons, a lighter
notebook page, and a search index without raw TeX.

- ``on_pre_build`` brings ``docs/notebooks/`` up to date (``snippet_runner.notebooks``), writing only the
  notebooks whose content changed, so ``mkdocs serve`` does not reload in a loop. With
  ``SNIPPET_RUNNER=check`` (CI, tests) nothing is written: ``tests/test_notebooks.py`` reports stale ones.
- ``on_nav`` adds a "노트북" section with one notebook per page with code, in the order of their pages.
- ``on_page_context`` gives the templates the links to a page's notebook (rendered page, .ipynb, Colab).
- ``on_page_content`` makes notebook pages light and offline: mkdocs-jupyter inlines about 600 KB of
  JupyterLab CSS and script tags that point to a CDN; only the CSS rules that can match the page stay.
  The notebook links to its page by the published address (it is also opened on Colab); on the
  rendered page those links become relative, so a local preview stays local.
- ``on_post_build`` rewrites TeX in the search index as plain text (``\\(\\sigma(x)\\)`` -> ``σ(x)``).
"""

from __future__ import annotations

import functools
import html
import json
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from snippet_runner import notebooks
from snippet_runner.project import Project

NOTEBOOKS_SECTION = "노트북"
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\([^()]*\)")
HEADING = re.compile(r'<h([1-6]) id="([^"]*)"(.*?)</h\1>', re.DOTALL)
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _site(config: MkDocsConfig) -> notebooks.Site:
    """Site and repository URLs as written in the config file: ``mkdocs serve`` replaces
    ``config.site_url`` with its own address, which must not end up in the committed notebooks."""
    return notebooks.Site.from_mkdocs(Path(config.config_file_path))


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get("SNIPPET_RUNNER", "run") in ("check", "off"):
        return
    try:
        notebooks.generate(Project.at(_root(config)), _site(config))
    except notebooks.NotebookError as exc:
        raise PluginError(str(exc)) from exc


def _is_notebook(page: Page) -> bool:
    return page.file.src_uri.startswith(f"{notebooks.NOTEBOOKS_DIR}/") and page.file.src_uri.endswith(".ipynb")


def _source_uri(notebook: Page) -> str:
    """``notebooks/activation/relu.ipynb`` -> ``activation/relu.md``."""
    return notebook.file.src_uri.removeprefix(f"{notebooks.NOTEBOOKS_DIR}/").removesuffix(".ipynb") + ".md"


def on_nav(nav: Navigation, config: MkDocsConfig, files) -> Navigation:
    by_uri = {page.file.src_uri: page for page in nav.pages}
    order = {uri: index for index, uri in enumerate(by_uri)}
    books = [f.page for f in files.documentation_pages() if f.page is not None and _is_notebook(f.page)]
    books = [page for page in books if page not in nav.pages]
    if not books:
        return nav
    books.sort(key=lambda page: (order.get(_source_uri(page), len(order)), page.file.src_uri))
    section = Section(NOTEBOOKS_SECTION, books)
    docs = Path(config.docs_dir)
    for page in books:
        source = by_uri.get(_source_uri(page))
        if source is not None:
            page.title = source.title
        elif (docs / _source_uri(page)).exists() and (scanned := notebooks.scan_page(docs, docs / _source_uri(page))):
            page.title = scanned.title  # a page outside the nav: its first heading
        page.parent = section
    nav.items.append(section)
    nav.pages.extend(books)
    for previous, page in zip([None, *nav.pages[:-1]], nav.pages):
        page.previous_page = previous
        if previous is not None:
            previous.next_page = page
    nav.pages[-1].next_page = None
    return nav


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site = _site(config)
    if _is_notebook(page):
        page.edit_url = None  # generated: edit the page or the snippets instead
        source = next((p for p in nav.pages if p.file.src_uri == _source_uri(page)), None)
        context["page_notebook"] = {
            "colab": site.colab_url(f"{Path(config.docs_dir).name}/{page.file.src_uri}"),
            "source": source.url if source is not None else None,
        }
        return context
    uri = notebooks.notebook_uri(page.file.src_uri)
    book = next((p for p in nav.pages if p.file.src_uri == uri), None)
    if book is not None:
        context["page_notebook"] = {
            "page": book.url,
            "file": book.url + Path(uri).name,
            "colab": site.colab_url(f"{Path(config.docs_dir).name}/{uri}"),
        }
    return context


@dataclass(frozen=True)
class CssRule:
    """A style rule (``@media`` rules flattened: ``media`` holds their prelude) or another at-rule (``raw``)."""

    selectors: tuple[str, ...] = ()
    declarations: tuple[tuple[str, str], ...] = ()
    media: str = ""
    raw: str = ""


def _split_selectors(prelude: str) -> list[str]:
    selectors, depth, current = [], 0, []
    for char in prelude:
        depth += char in "(["
        depth -= char in ")]"
        if char == "," and depth == 0:
            selectors.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    selectors.append("".join(current).strip())
    return [s for s in selectors if s]


def _declarations(content: list) -> tuple[tuple[str, str], ...]:
    found = []
    for item in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            value = tinycss2.serialize(item.value).strip() + (" !important" if item.important else "")
            found.append((item.name if item.name.startswith("--") else item.lower_name, value))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def parse_css(css: str, media: str = "") -> tuple[CssRule, ...]:
    """The rules of a stylesheet, in order (parsed once per distinct stylesheet)."""
    rules: list[CssRule] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = tuple(_split_selectors(tinycss2.serialize(rule.prelude)))
            rules.append(CssRule(selectors=selectors, declarations=_declarations(rule.content), media=media))
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None and not media:
            rules += parse_css(tinycss2.serialize(rule.content), tinycss2.serialize(rule.prelude).strip())
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
            rules.append(CssRule(raw=tinycss2.serialize([rule]), media=media))
    return tuple(rules)


def _selector_may_match(selector: str, classes: set[str]) -> bool:
    """False when the selector needs a class the page never uses (negations do not count), or puts
    ``:root`` below another element (JupyterLab's CSS scoped under ``.jupyter-wrapper`` does)."""
    if ":root" in selector and not selector.startswith(":root"):
        return False
    return all(name in classes for name in CLASS_IN_SELECTOR.findall(FUNCTIONAL_PSEUDO.sub("", selector)))


def purge_css(css: str, classes: set[str], extra_var_uses: str = "") -> str:
    """Only the rules whose selectors can match an element with these classes, and only the custom
    properties (``--name``) that something kept uses."""
    kept = []
    for rule in parse_css(css):
        if rule.raw:
            kept.append(rule)
        elif selectors := tuple(s for s in rule.selectors if _selector_may_match(s, classes)):
            kept.append(CssRule(selectors, rule.declarations, rule.media))
    defined: dict[str, list[str]] = {}
    uses = [extra_var_uses, *(r.raw for r in kept)]
    for rule in kept:
        for name, value in rule.declarations:
            (defined.setdefault(name, []) if name.startswith("--") else uses).append(value)
    used = set(VAR_USE.findall(" ".join(uses)))
    pending = list(used)
    while pending:
        for value in defined.get(pending.pop(), []):
            for name in VAR_USE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    out = []
    for rule in kept:
        if rule.raw:
            text = rule.raw
        else:
            body = ";".join(f"{n}:{v}" for n, v in rule.declarations if not n.startswith("--") or n in used)
            if not body:
                continue
            text = ",".join(rule.selectors) + "{" + body + "}"
        out.append(f"@media {rule.media}{{{text}}}" if rule.media else text)
    return "".join(out)


def _toc_items(items: list) -> list:
    return [entry for item in items for entry in (item, *_toc_items(item.children))]


def _ascii_anchors(html: str, page: Page) -> str:
    """Give a notebook's headings ASCII anchors, in the page and in its table of contents alike.

    nbconvert keeps Hangul in heading ids and mkdocs-jupyter's table of contents drops it, so their
    anchors disagree (``#_1``). Both list the Markdown cells' headings in the same order.
    """
    used: set[str] = set()
    anchors: list[str] = []

    def rename(match: re.Match) -> str:
        text = re.sub(r"<[^>]+>", "", match.group(3)).replace("¶", "")
        base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or f"section-{len(anchors) + 1}"
        anchor, number = base, 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        used.add(anchor)
        anchors.append(anchor)
        old = match.group(2)
        return match.group(0).replace(f'id="{old}"', f'id="{anchor}"', 1).replace(f'href="#{old}"', f'href="#{anchor}"')

    html = HEADING.sub(rename, html)
    for item, anchor in zip(_toc_items(list(page.toc)), anchors):
        item.id = anchor
    return html


def relative_site_links(html: str, site_url: str, page_url: str) -> str:
    """``href="<site_url>activation/relu/#x"`` on the page at ``page_url`` (e.g.
    ``notebooks/activation/relu/``) -> ``href="../../../activation/relu/#x"``."""
    if not site_url:
        return html

    def relative(match: re.Match) -> str:
        target, hash_, fragment = match.group(1).partition("#")
        path = posixpath.relpath("/" + target, "/" + page_url.rstrip("/"))
        if target.endswith("/") or not target:
            path = "./" if path == "." else path + "/"
        return f'href="{path}{hash_}{fragment}"'

    return re.sub(rf'href="{re.escape(site_url)}([^"]*)"', relative, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if not _is_notebook(page):
        return html
    html = relative_site_links(html, _site(config).site_url, page.url)
    page.meta["search"] = {"exclude": True}  # the page itself is indexed; its notebook would only repeat it
    # No CDN: drop nbconvert's MathJax and Mermaid loaders (math is rendered by the site's KaTeX).
    html = SCRIPT.sub(lambda m: "" if re.search(r"mathjax|mermaid|cdnjs|src=\"\"", m.group(0), re.I) else m.group(0), html)
    # Code cells scroll sideways: make them reachable from the keyboard, as Material does for code blocks.
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = _ascii_anchors(html, page)
    markup = STYLE.sub("", html)
    classes = {name for value in CLASS_ATTRIBUTE.findall(markup) for name in value.split()}
    styles = [purge_css(css, classes, markup) for css in STYLE.findall(html)]
    return STYLE.sub("", html) + "".join(f"<style>{css}</style>" for css in styles if css)


# --- search index ---------------------------------------------------------------------------------

MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
TEX_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "eta": "η",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "varphi": "φ", "psi": "ψ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Phi": "Φ", "Omega": "Ω",
    "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠",
    "approx": "≈", "sim": "~", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "Σ", "prod": "Π",
    "to": "→", "rightarrow": "→", "Rightarrow": "⇒", "leftarrow": "←", "in": "∈", "pm": "±", "odot": "⊙",
    "circ": "∘", "ldots": "…", "cdots": "⋯", "dots": "…", "lVert": "‖", "rVert": "‖", "Vert": "‖",
    "lvert": "|", "rvert": "|", "mid": "|", "prime": "′", "quad": " ", "qquad": " ", "sqrt": "√",
}
TEX_DROP = re.compile(r"\\(?:left|right|big|Big|bigl|bigr|Bigl|Bigr|displaystyle|limits|nolimits)\b|\\[,;:! ]")
TEX_WRAPPERS = re.compile(r"\\(?:text|mathrm|mathbf|mathit|mathcal|mathbb|operatorname|boldsymbol|textbf|textit|mathsf)\s*\{([^{}]*)\}")
TEX_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
TEX_SCRIPT = re.compile(r"([_^])\{([^{}]*)\}")
TEX_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{[a-z*]+\}")
TEX_COMMAND = re.compile(r"\\([A-Za-z]+)")


def _group(text: str) -> str:
    return text if len(text) <= 1 or re.fullmatch(r"[\w.]+", text) else f"({text})"


def tex_to_text(tex: str) -> str:
    """A readable plain-text form of inline TeX, for search results."""
    text = TEX_DROP.sub(" ", tex.replace("\\\\", "; "))  # "\\" ends a row (cases, aligned)
    text = TEX_ENVIRONMENT.sub(" ", text)
    for _ in range(5):  # innermost braces first
        before = text
        text = TEX_WRAPPERS.sub(r"\1", text)
        text = TEX_FRAC.sub(lambda m: f"{_group(m.group(1).strip())}/{_group(m.group(2).strip())}", text)
        text = TEX_SCRIPT.sub(lambda m: m.group(1) + _group(m.group(2).strip()), text)
        if text == before:
            break
    text = TEX_COMMAND.sub(lambda m: TEX_SYMBOLS.get(m.group(1), m.group(1)), text)
    text = text.replace("&", " ").replace("{", "").replace("}", "").replace("\\", "")
    return re.sub(r"\s+;", ";", re.sub(r"\s+", " ", text)).strip()


def plain_search_text(text: str) -> str:
    """Search index text (HTML) with every TeX span replaced by its plain-text form."""
    return MATH.sub(lambda m: html.escape(tex_to_text(html.unescape(m.group(1) or m.group(2))), quote=False), text)


def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = plain_search_text(doc[key])
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
