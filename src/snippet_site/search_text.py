"""TeX in the search index as plain text: ``\\(\\sigma(x)\\)`` is found, and shown, as ``σ(x)``; then what a
learner types is folded in (``search_terms``)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .search_terms import Analyzer, SearchTerms, enrich

MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
TEX_SYMBOLS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "eta": "η",
    "theta": "θ",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "tau": "τ",
    "phi": "φ",
    "varphi": "φ",
    "psi": "ψ",
    "omega": "ω",
    "Delta": "Δ",
    "Sigma": "Σ",
    "Phi": "Φ",
    "Omega": "Ω",
    "cdot": "·",
    "times": "×",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "sim": "~",
    "infty": "∞",
    "partial": "∂",
    "nabla": "∇",
    "sum": "Σ",
    "prod": "Π",
    "to": "→",
    "rightarrow": "→",
    "Rightarrow": "⇒",
    "leftarrow": "←",
    "in": "∈",
    "pm": "±",
    "odot": "⊙",
    "circ": "∘",
    "ldots": "…",
    "cdots": "⋯",
    "dots": "…",
    "lVert": "‖",
    "rVert": "‖",
    "Vert": "‖",
    "lvert": "|",
    "rvert": "|",
    "mid": "|",
    "prime": "′",
    "quad": " ",
    "qquad": " ",
    "sqrt": "√",
}
TEX_DROP = re.compile(r"\\(?:left|right|big|Big|bigl|bigr|Bigl|Bigr|displaystyle|limits|nolimits)\b|\\[,;:! ]")
TEX_WRAPPERS = re.compile(
    r"\\(?:text|mathrm|mathbf|mathit|mathcal|mathbb|operatorname|boldsymbol|textbf|textit|mathsf)\s*\{([^{}]*)\}"
)
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


def rewrite_search_index(
    path: Path, terms: SearchTerms | None = None, analyzer: Analyzer | None = None, language: str = "ko"
) -> None:
    """Rewrite a lunr search index (``search/search_index.json``) with plain text for TeX and, given
    ``terms``, without code and with the hidden words of ``search_terms.enrich``."""
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for doc in index.get("docs", []):
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = plain_search_text(doc[key])
        docs.append(doc if terms is None else enrich(doc, terms, analyzer, language))
    if terms is not None:
        page_titles = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
        for doc in docs:  # a section is also found by its page's title ("ReLU" + "연습 문제")
            page, _, anchor = doc["location"].partition("#")
            if anchor and page in page_titles:
                doc["page"] = page_titles[page]
    index["docs"] = docs
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
