"""Keep only the CSS a page can use.

mkdocs-jupyter inlines about 600 KB of JupyterLab CSS into every notebook page; only the rules whose
selectors can match an element of the page, and the custom properties those rules use, are kept.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tinycss2

CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\([^()]*\)")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass(frozen=True)
class CssRule:
    """A style rule (``@media`` rules flattened: ``media`` holds their prelude) or another at-rule (``raw``)."""

    selectors: tuple[str, ...] = ()
    declarations: tuple[tuple[str, str], ...] = ()
    media: str = ""
    raw: str = ""


def _split_selectors(prelude: str) -> list[str]:
    selectors: list[str] = []
    current: list[str] = []
    depth = 0
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
