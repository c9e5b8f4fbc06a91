"""Where the site and the repository live (``site_url``, ``repo_url`` in ``mkdocs.yml``) and the
addresses made from them: a page's published URL, a repository file opened in Google Colab."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """YAML's safe loader for mkdocs.yml: a tag it does not know (``!ENV``, ``!!python/name:...``)
    reads as None instead of running anything."""


_ConfigLoader.add_constructor(None, lambda loader, node: None)


class SiteConfigError(Exception):
    """mkdocs.yml cannot be read as YAML."""


@dataclass(frozen=True)
class Site:
    """Where the site and the repository live, read from ``mkdocs.yml``."""

    site_url: str
    repo_url: str
    branch: str = "main"
    nav: tuple[tuple[str, str], ...] = ()
    """The pages of the navigation in order, as (top-level section, page path relative to docs/)."""

    @classmethod
    def from_mkdocs(cls, config_file: Path) -> Site:
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except yaml.YAMLError as exc:
            raise SiteConfigError(f"{config_file}: {exc}") from exc
        config = config if isinstance(config, dict) else {}

        def setting(name: str) -> str:
            value = config.get(name)
            return value.strip() if isinstance(value, str) else ""

        branch = re.match(r"(?:edit|blob)/([^/]+)/", setting("edit_uri"))
        site_url = setting("site_url")
        return cls(
            site_url=site_url if site_url.endswith("/") or not site_url else site_url + "/",
            repo_url=setting("repo_url").removesuffix("/"),
            branch=branch.group(1) if branch else "main",
            nav=tuple(_nav_pages(config.get("nav"), "")),
        )

    def page_url(self, page: str, anchor: str = "") -> str:
        """The published URL of ``docs/<page>`` (directory URLs), with an optional anchor."""
        path = page.removesuffix(".md")
        path = "" if path == "index" else path.removesuffix("/index") + "/"
        return f"{self.site_url}{path}" + (f"#{anchor}" if anchor else "")

    def colab_url(self, repo_path: str) -> str:
        """Open a file of the repository (``docs/notebooks/...ipynb``) in Google Colab."""
        github = re.match(r"https?://github\.com/(.+)$", self.repo_url)
        if not github:
            return ""
        return f"https://colab.research.google.com/github/{github.group(1)}/blob/{self.branch}/{repo_path}"


def _nav_pages(items: object, section: str) -> list[tuple[str, str]]:
    """Flatten mkdocs.yml's ``nav``: entries are ``page.md``, ``{title: page.md}`` or ``{title: [...]}``."""
    found: list[tuple[str, str]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str) and item.endswith(".md"):
            found.append((section, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str) and value.endswith(".md"):
                    found.append((section, value))
                elif isinstance(value, list):
                    found += _nav_pages(value, section or str(title))
    return found
