"""Where an edition's site and the repository live (``site_url``, ``repo_url`` in ``mkdocs.yml`` or
``mkdocs.en.yml``, read with what they inherit), its language and pages folder, and the addresses
made from them: a page's published URL, a repository file opened in Google Colab."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from snippet_runner.api import EDITIONS, Project, SnippetError, by_docs


class _ConfigLoader(yaml.SafeLoader):
    """YAML's safe loader for mkdocs.yml: a tag it does not know (``!ENV``, ``!!python/name:...``)
    reads as None instead of running anything."""


_ConfigLoader.add_constructor(None, lambda loader, node: None)


class SiteConfigError(SnippetError):
    """An edition's configuration (or one it inherits) cannot be read, or names no edition."""


@dataclass(frozen=True)
class Site:
    """Where one edition's site and the repository live, read from its configuration."""

    site_url: str
    repo_url: str
    branch: str = "main"
    nav: tuple[tuple[str, str], ...] = ()
    """The pages of the navigation in order, as (top-level section, page path relative to docs/)."""
    language: str = "ko"
    """``theme.language``: the language of the edition's notebooks (``words``)."""
    docs_dir: str = "docs"
    """The edition's pages, relative to the checkout (``docs``, ``docs-en``)."""

    @classmethod
    def from_mkdocs(cls, config_file: Path) -> Site:
        """From an edition's configuration file, with the files it inherits (``INHERIT``)."""
        return cls.from_config(read_config(config_file))

    @classmethod
    def from_config(cls, config: dict) -> Site:
        """From a configuration already read (``from_mkdocs``, or Zensical's rendering context)."""

        def setting(name: str) -> str:
            value = config.get(name)
            return value.strip() if isinstance(value, str) else ""

        theme = config.get("theme")
        language = theme.get("language") if isinstance(theme, dict) else None
        branch = re.match(r"(?:edit|blob)/([^/]+)/", setting("edit_uri"))
        site_url = setting("site_url")
        return cls(
            site_url=site_url if site_url.endswith("/") or not site_url else site_url + "/",
            repo_url=setting("repo_url").removesuffix("/"),
            branch=branch.group(1) if branch else "main",
            nav=tuple(_nav_pages(config.get("nav"), "")),
            language=language.strip() if isinstance(language, str) and language.strip() else "ko",
            docs_dir=_folder(setting("docs_dir")),
        )

    def page_url(self, page: str, anchor: str = "") -> str:
        """The published URL of ``docs/<page>`` (directory URLs), with an optional anchor."""
        path = page.removesuffix(".md")
        path = "" if path == "index" else path.removesuffix("/index") + "/"
        return f"{self.site_url}{path}" + (f"#{anchor}" if anchor else "")

    def notebook_colab_url(self, uri: str) -> str:
        """Colab for the edition's notebook ``notebooks/...ipynb``."""
        return self.colab_url(f"{self.docs_dir}/{uri}")

    def colab_url(self, repo_path: str) -> str:
        """Open a file of the repository (``docs/notebooks/...ipynb``) in Google Colab."""
        github = re.match(r"https?://github\.com/(.+)$", self.repo_url)
        if not github:
            return ""
        return f"https://colab.research.google.com/github/{github.group(1)}/blob/{self.branch}/{repo_path}"


def edition_config(project: Project) -> Path:
    """The configuration of the edition whose pages are ``project.docs_dir``."""
    edition = by_docs(project.docs)
    if edition is None:
        known = ", ".join(edition.docs for edition in EDITIONS)
        raise SiteConfigError(f"{project.docs}/: not an edition's pages (known: {known})")
    return project.root / edition.config


def editions(root: Path) -> list[tuple[str, Path]]:
    """(pages folder, configuration) of every edition the checkout has."""
    return [
        (edition.docs, root / edition.config)
        for edition in EDITIONS
        if (root / edition.config).is_file() and (root / edition.docs).is_dir()
    ]


def _folder(docs_dir: str) -> str:
    """``docs_dir`` as written (``docs-en``, ``./docs-en/``), or as Zensical gives it (absolute), as
    the folder's name relative to the checkout; ``docs`` when not set."""
    path = PurePosixPath(docs_dir)
    return (path.name if path.is_absolute() else path.as_posix()) if docs_dir and path.as_posix() != "." else "docs"


def _merge(parent: dict, child: dict) -> dict:
    """As MkDocs merges INHERIT: mappings recursively, the child's value wins, lists are replaced."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = (
            _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
        )
    return merged


def read_config(config_file: Path, seen: tuple[Path, ...] = ()) -> dict:
    """A configuration file as MkDocs reads it: with ``INHERIT``, the parent (relative to the file)
    under it; ``seen``: the files that inherit this one."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise SiteConfigError(f"{config_file}: {exc}") from exc
    config = config if isinstance(config, dict) else {}
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str):
        path, seen = (config_file.parent / parent).resolve(), (*seen, config_file.resolve())
        if path in seen:
            raise SiteConfigError(f"{config_file}: INHERIT: {parent} inherits from this file")
        config = _merge(read_config(path, seen), config)
    return config


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
