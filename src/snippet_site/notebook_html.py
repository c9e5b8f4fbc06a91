"""A rendered notebook page made light, offline and consistent with the site.

- links to the published site become relative, so a local preview stays local;
- nbconvert's MathJax and Mermaid loaders (CDN scripts) are dropped: the site's KaTeX renders math;
- code cells scroll sideways and are reachable from the keyboard, as Material's code blocks are;
- headings get ASCII anchors that agree with the table of contents;
- the inlined JupyterLab CSS is purged to what the page uses.
"""

from __future__ import annotations

import posixpath
import re

from .css_purge import purge_css

STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
HEADING = re.compile(r'<h([1-6]) id="([^"]*)"(.*?)</h\1>', re.DOTALL)


def _toc_items(items: list) -> list:
    return [entry for item in items for entry in (item, *_toc_items(item.children))]


def ascii_anchors(html: str, toc: list) -> str:
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
    for item, anchor in zip(_toc_items(toc), anchors, strict=False):
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


def light_notebook_page(html: str, site_url: str, page_url: str, toc: list) -> str:
    """The notebook page ``page_url`` as the site publishes it (``toc``: its table of contents items)."""
    html = relative_site_links(html, site_url, page_url)
    html = SCRIPT.sub(
        lambda m: "" if re.search(r"mathjax|mermaid|cdnjs|src=\"\"", m.group(0), re.I) else m.group(0), html
    )
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = ascii_anchors(html, toc)
    markup = STYLE.sub("", html)
    classes = {name for value in CLASS_ATTRIBUTE.findall(markup) for name in value.split()}
    styles = [purge_css(css, classes, markup) for css in STYLE.findall(html)]
    return STYLE.sub("", html) + "".join(f"<style>{css}</style>" for css in styles if css)
