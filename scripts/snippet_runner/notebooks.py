"""Generate one Jupyter notebook per page with code: ``docs/notebooks/<area>/<page>.ipynb``.

A notebook holds the page's snippets in the order the page first refers to them, each split into
cells at its ``# --8<--`` sections, with a short Markdown cell before each snippet. It starts with a
set-up cell (on Colab: the pinned packages and a Korean font; everywhere: the runner's figure style,
one torch thread) and ends with a cell that compares what the reader's run printed and computed with
the frozen outputs the page shows, within each snippet's tolerances.

Notebooks are generated, never edited: ``snippet-runner notebooks`` rewrites those whose content
changed (unchanged files are left alone, so ``mkdocs serve`` does not reload in a loop) and removes
notebooks whose page no longer has code; ``--check`` only reports what is out of date.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from pymdownx.slugs import slugify

from . import store
from .cachekey import Versions
from .discovery import REFERENCE
from .project import Options, Project
from .sections import MARKER, find_sections, parse

NOTEBOOKS_DIR = "notebooks"
CODE_INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+\.py)""")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
ANCHOR = re.compile(r"#([\w-]+)")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CELL_LABEL = "# snippets/{id}{part}"
CHECK_TAG = "page-check"
PROVENANCE_PACKAGES = ("torch", "numpy", "matplotlib")
MAX_EMBEDDED_FILE = 200_000
KOREAN_FONT = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"


class NotebookError(Exception):
    """A notebook cannot be generated; the message names the page or snippet."""


@dataclass(frozen=True)
class Site:
    """Where the site and the repository live, read from ``mkdocs.yml``."""

    site_url: str
    repo_url: str
    branch: str = "main"

    @classmethod
    def from_mkdocs(cls, config_file: Path) -> Site:
        text = config_file.read_text(encoding="utf-8")

        def setting(name: str) -> str:
            match = re.search(rf"^{name}:\s*(\S+)\s*$", text, re.MULTILINE)
            return match.group(1).strip("'\"") if match else ""

        branch = re.match(r"(?:edit|blob)/([^/]+)/", setting("edit_uri"))
        site_url = setting("site_url")
        return cls(
            site_url=site_url if site_url.endswith("/") or not site_url else site_url + "/",
            repo_url=setting("repo_url").removesuffix("/"),
            branch=branch.group(1) if branch else "main",
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


@dataclass(frozen=True)
class SnippetUse:
    """A snippet as a page first refers to it: under which heading."""

    snippet_id: str
    heading: str
    anchor: str


@dataclass(frozen=True)
class PageCode:
    page: str
    """Path relative to docs/, e.g. ``activation/relu.md``."""
    title: str
    snippets: list[SnippetUse]


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"notebooks: {len(self.written)} written, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed" + (f", {len(self.stale)} out of date" if self.stale else "")
        )


def notebook_uri(page: str) -> str:
    """``activation/relu.md`` -> ``notebooks/activation/relu.ipynb`` (relative to docs/)."""
    return f"{NOTEBOOKS_DIR}/{page.removesuffix('.md')}.ipynb"


def _plain_heading(text: str) -> tuple[str, str]:
    """Heading text without its attribute list, and its explicit anchor if any."""
    match = HEADING.match(text)
    if not match:
        return text, ""
    anchor = ANCHOR.search(match.group("attrs") or "")
    return match.group("text").strip(), anchor.group(1) if anchor else ""


def _slug(text: str) -> str:
    """The anchor the site's toc extension gives a heading without ``{ #id }`` (see mkdocs.yml)."""
    return slugify(case="lower")(text, "-")


def scan_page(docs_dir: Path, path: Path) -> PageCode | None:
    """The snippets a page refers to, in order; None when the page shows no code."""
    text = path.read_text(encoding="utf-8")
    if not CODE_INCLUDE.search(text):
        return None
    title, heading, anchor = "", "", ""
    uses: dict[str, SnippetUse] = {}
    fence: str | None = None
    for line in text.splitlines():
        opening = FENCE.match(line)
        if opening and fence is None:
            fence = opening.group(1)
        elif opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
            fence = None
        elif fence is None and HEADING.match(line):
            level = len(HEADING.match(line).group("hashes"))
            heading, explicit = _plain_heading(line)
            anchor = explicit or _slug(heading)
            if level == 1:
                title, anchor = title or heading, ""
        for match in REFERENCE.finditer(line):
            snippet_id = match.group(1) or match.group(2)
            uses.setdefault(snippet_id, SnippetUse(snippet_id, heading if anchor else "", anchor))
    page = path.relative_to(docs_dir).as_posix()
    return PageCode(page=page, title=title or page.removesuffix(".md"), snippets=list(uses.values()))


def pages_with_code(project: Project) -> list[PageCode]:
    notebooks = project.docs_dir / NOTEBOOKS_DIR
    found = []
    for path in sorted(project.docs_dir.rglob("*.md")):
        if path.is_relative_to(notebooks):
            continue
        page = scan_page(project.docs_dir, path)
        if page is not None:
            found.append(page)
    return found


@dataclass(frozen=True)
class Chunk:
    """Consecutive lines of a snippet that become one cell."""

    section: str
    code: str


def split_chunks(source: str, path: Path) -> tuple[str, list[Chunk]]:
    """(module docstring, code chunks split at section markers, markers and docstring removed)."""
    tree = parse(source, path)
    find_sections(source, path)  # validates the markers
    lines = source.splitlines()
    docstring = ast.get_docstring(tree, clean=True) or ""
    if docstring:
        first = tree.body[0]
        lines[first.lineno - 1 : first.end_lineno] = [""] * (first.end_lineno - first.lineno + 1)
    chunks: list[Chunk] = []
    current: list[str] = []
    section = ""

    def close() -> None:
        code = "\n".join(current).strip("\n")
        if code.strip():
            chunks.append(Chunk(section, code))
        current.clear()

    for line in lines:
        marker = MARKER.match(line)
        if marker:
            close()
            section = marker.group(2) if marker.group(1) == "start" else ""
        else:
            current.append(line)
    close()
    return docstring, chunks


def _local_files(project: Project, path: Path, source: str) -> tuple[list[Path], list[Path]]:
    """(local modules, data files) the snippet needs next to it, found as the cache key finds them."""
    modules: list[Path] = []
    data: list[Path] = []
    pending, seen = [(path, source)], {path}
    while pending:
        current, text = pending.pop()
        tree = parse(text, current)
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 200:
                candidate = current.parent / node.value
                if "\n" not in node.value and "\0" not in node.value and candidate.is_file() and candidate.suffix != ".py":
                    if candidate.resolve() not in data:
                        data.append(candidate.resolve())
            for name in names:
                first = name.split(".")[0]
                for base in (current.parent, project.snippets_dir):
                    module = base / f"{first}.py"
                    if module.is_file() and module not in seen:
                        seen.add(module)
                        modules.append(module)
                        pending.append((module, module.read_text(encoding="utf-8")))
                        break
    return modules, data


def _imported_packages(sources: list[str], paths: list[Path]) -> set[str]:
    """Top-level names of the third-party modules the sources import (not stdlib, not local modules)."""
    local = {path.stem for path in paths}
    names: set[str] = set()
    for text, path in zip(sources, paths):
        for node in ast.walk(parse(text, path)):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}


def read_pins(requirements: Path) -> dict[str, str]:
    """``name==version`` lines of requirements.txt, by lower-case name; local version labels dropped."""
    pins: dict[str, str] = {}
    if requirements.exists():
        for line in requirements.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", line.strip())
            if match:
                pins[match.group(1).lower().replace("_", "-")] = match.group(2).split("+")[0]
    return pins


def _pinned_packages(imports: set[str], pins: dict[str, str], versions: Versions) -> dict[str, str]:
    """The pinned versions of torch, numpy, matplotlib and every distribution the snippets import."""
    wanted: set[str] = set(PROVENANCE_PACKAGES)
    for name in imports:
        wanted.update(versions.for_module(name))
    return {name: pins[key] for name in sorted(wanted) if (key := name.lower().replace("_", "-")) in pins}


def _markdown_text(text: str) -> str:
    """Plain text (a docstring) shown as Markdown: characters that would become markup are escaped."""
    return re.sub(r"([\\`*\[\]<>$])", r"\\\1", text)


def _python_string(text: str) -> str:
    """A triple-quoted Python literal for any text."""
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{escaped}"""'


def _style_settings(project: Project) -> dict[str, str]:
    settings = {}
    for line in project.style_file.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("#")[0].partition(":")
        if value.strip() and key.strip() not in ("backend",) and not key.strip().startswith("svg."):
            settings[key.strip()] = value.strip()
    return settings


SETUP_CODE = '''\
# 준비: Colab에서는 이 페이지의 숫자를 만든 것과 같은 버전의 패키지와 한글 글꼴(fonts-nanum)을 설치합니다.
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PINNED = {pinned}
KOREAN_FONT = Path("{font}")


def installed(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return "없음"


if "google.colab" in sys.modules:
    import os
    import subprocess

    if not KOREAN_FONT.exists():
        subprocess.run(["apt-get", "-qq", "update"], check=True)
        subprocess.run(["apt-get", "-qq", "install", "-y", "fonts-nanum"], check=True)
    wrong = [f"{{name}}=={{pin}}" for name, pin in PINNED.items() if installed(name).split("+")[0] != pin]
    if wrong:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *wrong], check=True)
        print("패키지 버전을 맞췄습니다. 런타임이 다시 시작되면 이 셀부터 다시 실행하세요.")
        os.kill(os.getpid(), 9)  # Colab이 런타임을 다시 시작합니다

print("페이지:", ", ".join(f"{{name}} {{pin}}" for name, pin in PINNED.items()))
print("여기  :", ", ".join(f"{{name}} {{installed(name)}}" for name in PINNED))

# 페이지의 코드를 실행한 것과 같은 설정: 그림 스타일과 한글 글꼴{torch_note}
import matplotlib
from matplotlib import font_manager

if KOREAN_FONT.exists():
    font_manager.fontManager.addfont(str(KOREAN_FONT))
matplotlib.rcParams.update({style})
{torch_setup}
# 파이썬 파일로 실행할 때처럼, 셀의 마지막 식의 값을 따로 보여 주지 않습니다.
get_ipython().ast_node_interactivity = "none"
'''

CHECK_CODE = '''\
#@title 페이지 값과 비교하는 도구 (실행만 하면 됩니다)
# 각 코드 셀이 출력한 글과 최상위 변수의 값을 기록해 두었다가, 마지막 셀에서 페이지의 값과 비교합니다.
import json
import math
import re
import sys

PAGE = json.loads({page_json})
NUMBER = re.compile(r"(?<![\\w.])[-+−]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][-+]?\\d+)?")
LABEL = re.compile(r"^# snippets/(\\S+\\.py)(?: \\((\\d+)/\\d+\\))?")


def _close(a, b, rel_tol, abs_tol):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def _scalar(value):
    if isinstance(value, (bool, int, float, str)):
        return value
    try:
        return value.item()
    except Exception:
        return repr(value)


class _Tee:
    def __init__(self, stream, parts):
        self.stream, self.parts = stream, parts

    def write(self, text):
        self.parts.append(text)
        return self.stream.write(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class PageCheck:
    def __init__(self, page):
        self.page = page
        self.printed = {{}}  # snippet -> {{part: text}}
        self.values = {{}}  # snippet -> {{name: value}}
        self._cell = None
        self._stdout = None

    def before(self, info):
        match = LABEL.match(info.raw_cell or "")
        if not match or match.group(1) not in self.page:
            return
        parts = []
        self._cell = (match.group(1), int(match.group(2) or 1), parts)
        self._stdout, sys.stdout = sys.stdout, _Tee(sys.stdout, parts)

    def after(self, result):
        if self._cell is None:
            return
        sys.stdout = self._stdout
        snippet, part, parts = self._cell
        self._cell = None
        self.printed.setdefault(snippet, {{}})[part] = "".join(parts)
        namespace = get_ipython().user_ns
        recorded = self.values.setdefault(snippet, {{}})
        for name in self.page[snippet]["values"]:
            if name in namespace:
                recorded[name] = _scalar(namespace[name])

    def differences(self, snippet):
        expected = self.page[snippet]
        if snippet not in self.printed:
            return ["아직 실행하지 않았습니다"]
        tolerances = expected["rel_tol"], expected["abs_tol"]
        found = []
        text = "".join(self.printed[snippet][part] for part in sorted(self.printed[snippet]))
        old_lines, new_lines = expected["printed"].splitlines(), text.splitlines()
        if [NUMBER.sub("#", line) for line in old_lines] != [NUMBER.sub("#", line) for line in new_lines]:
            for number, (old, new) in enumerate(zip(old_lines + [""], new_lines + [""]), start=1):
                if NUMBER.sub("#", old) != NUMBER.sub("#", new):
                    found.append(f"출력 {{number}}번째 줄의 글이 다릅니다: 페이지 {{old!r}}, 여기 {{new!r}}")
                    break
        else:
            for number, (old, new) in enumerate(zip(old_lines, new_lines), start=1):
                for a, b in zip(NUMBER.findall(old), NUMBER.findall(new)):
                    if not _close(float(a.replace("−", "-")), float(b.replace("−", "-")), *tolerances):
                        found.append(f"출력 {{number}}번째 줄: 페이지 {{a}}, 여기 {{b}}")
        for name, old in expected["values"].items():
            new = self.values.get(snippet, {{}}).get(name, "(없음)")
            numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (old, new))
            if (numbers and not _close(float(old), float(new), *tolerances)) or (not numbers and old != new):
                found.append(f"값 {{name}}: 페이지 {{old!r}}, 여기 {{new!r}}")
        return found

    def report(self):
        failed = 0
        for snippet, expected in self.page.items():
            found = self.differences(snippet)
            lines, values = expected["printed"].count("\\n"), len(expected["values"])
            if found:
                failed += 1
                print(f"✗ snippets/{{snippet}}")
                for line in found[:10]:
                    print(f"    {{line}}")
            else:
                print(f"✓ snippets/{{snippet}}: 출력 {{lines}}줄, 값 {{values}}개 일치")
        if failed:
            print(f"페이지와 다른 코드: {{failed}}/{{len(self.page)}}개. 라이브러리 버전이 다르면 숫자가 조금 달라질 수 있습니다.")
        else:
            print(f"모든 코드({{len(self.page)}}개)의 출력과 값이 페이지와 일치합니다.")
        return failed


_events = get_ipython().events
if "_page_check" in globals():  # this cell was run before: replace the old recorder
    _events.unregister("pre_run_cell", _page_check.before)
    _events.unregister("post_run_cell", _page_check.after)
_page_check = PageCheck(PAGE)
_events.register("pre_run_cell", _page_check.before)
_events.register("post_run_cell", _page_check.after)
'''

REPORT_CODE = """\
# 이 노트북에서 얻은 출력과 값을 페이지에 실린 값과 비교합니다.
_page_check.report()
"""


def _cell_id(number: int) -> str:
    return f"cell-{number:03d}"


@dataclass
class NotebookBuilder:
    project: Project
    site: Site
    pins: dict[str, str]
    options: dict[str, Options]
    versions: Versions = field(default_factory=Versions)

    def build(self, page: PageCode) -> NotebookNode:
        nb = new_notebook()
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
        page_url = self.site.page_url(page.page)
        colab = self.site.colab_url(f"docs/{notebook_uri(page.page)}")
        intro = [
            f"# {page.title} — 노트북",
            "",
            f"[{page.title}]({page_url}) 페이지의 코드를 페이지에 나오는 순서대로 모았습니다. "
            "위에서부터 차례로 실행하면 페이지와 같은 출력과 그림이 나옵니다.",
            "",
            "- 첫 셀은 Colab에서 페이지와 같은 버전의 패키지와 한글 글꼴을 설치하고, 그림 설정을 맞춥니다.",
            "- 마지막 셀은 여기서 얻은 출력과 값을 페이지에 실린 값과 비교합니다.",
            "- 이 노트북은 페이지에서 자동으로 만들어집니다. 고칠 곳이 있으면 `snippets/`의 코드나 페이지를 고칩니다.",
        ]
        if colab:
            intro.append(f"- [Colab에서 열기]({colab})")
        cells = [new_markdown_cell("\n".join(intro))]

        expected: dict[str, dict] = {}
        snippet_cells: list[NotebookNode] = []
        imports_sources: list[str] = []
        imports_paths: list[Path] = []
        for number, use in enumerate(page.snippets, start=1):
            path = self.project.snippets_dir / use.snippet_id
            if not path.is_file():
                raise NotebookError(f"docs/{page.page}: refers to snippets/{use.snippet_id}, which does not exist")
            source = path.read_text(encoding="utf-8")
            docstring, chunks = split_chunks(source, path)
            modules, data = _local_files(self.project, path, source)
            imports_sources += [source, *(m.read_text(encoding="utf-8") for m in modules)]
            imports_paths += [path, *modules]

            heading = f"## {number}. {use.heading or page.title} — {path.name}"
            where = f"[페이지의 해당 부분]({self.site.page_url(page.page, use.anchor)})" if use.anchor else f"[페이지]({page_url})"
            text = [heading, ""]
            if docstring:
                text += [_markdown_text(docstring), ""]
            text.append(f"`snippets/{use.snippet_id}` · {where}")
            snippet_cells.append(new_markdown_cell("\n".join(text)))
            for support in [*modules, *data]:
                snippet_cells.append(self._support_cell(use.snippet_id, path, support))
            if "__file__" in source:
                snippet_cells.append(
                    new_code_cell(
                        "# 노트북에는 파일 경로가 없으므로, 코드가 옆에 있는 파일을 찾을 수 있게 정해 둡니다.\n"
                        f'__file__ = "{path.name}"'
                    )
                )
            for part, chunk in enumerate(chunks, start=1):
                label = CELL_LABEL.format(id=use.snippet_id, part=f" ({part}/{len(chunks)})" if len(chunks) > 1 else "")
                if chunk.section:
                    label += f" · {chunk.section}"
                cell = new_code_cell(f"{label}\n{chunk.code}")
                cell.metadata["snippet"] = {"id": use.snippet_id, "part": part, "section": chunk.section}
                snippet_cells.append(cell)
            expected[use.snippet_id] = self._expected(use.snippet_id)

        pinned = _pinned_packages(_imported_packages(imports_sources, imports_paths), self.pins, self.versions)
        cells.append(new_code_cell(self._setup_code(pinned)))
        check = new_code_cell(CHECK_CODE.format(page_json=_python_string(json.dumps(expected, ensure_ascii=False, indent=1))))
        check.metadata.update({"tags": [CHECK_TAG], "cellView": "form", "jupyter": {"source_hidden": True}})
        cells.append(check)
        cells += snippet_cells
        cells.append(
            new_markdown_cell(
                "## 페이지 값과 비교\n\n"
                "위 셀들이 출력한 글과 최상위 변수의 값을 페이지에 실린 값과 비교합니다. 숫자는 코드마다 정한 "
                "허용 오차(`snippets/snippets.toml`의 `rel_tol`, `abs_tol`) 안에서 같으면 일치로 봅니다. "
                "라이브러리 버전이나 CPU가 다르면 마지막 자릿수가 조금 다를 수 있습니다."
            )
        )
        cells.append(new_code_cell(REPORT_CODE.rstrip("\n")))
        for number, cell in enumerate(cells, start=1):
            cell.id = _cell_id(number)
        nb.cells = cells
        return nb

    def _expected(self, snippet_id: str) -> dict:
        outputs = store.load_outputs(self.project, snippet_id)
        if outputs is None:
            raise NotebookError(f"snippets/{snippet_id} has no frozen output: run `make snippets` first")
        options = self.project.options_for(snippet_id, self.options)
        return {
            "printed": outputs["sections"].get("", ""),
            "values": dict(sorted(outputs["values"].items())),
            "figures": len(outputs["figures"]),
            "rel_tol": options.rel_tol,
            "abs_tol": options.abs_tol,
        }

    def _support_cell(self, snippet_id: str, snippet_path: Path, support: Path) -> NotebookNode:
        relative = support.relative_to(self.project.root).as_posix()
        try:
            text = support.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise NotebookError(f"snippets/{snippet_id} reads {relative}, which is not a text file") from exc
        if len(text) > MAX_EMBEDDED_FILE:
            raise NotebookError(f"snippets/{snippet_id} reads {relative}, too large to embed in a notebook")
        name = support.name if support.parent == snippet_path.parent else support.relative_to(self.project.snippets_dir).as_posix()
        return new_code_cell(f"%%writefile {name}\n{text.rstrip(chr(10))}")

    def _setup_code(self, pinned: dict[str, str]) -> str:
        uses_torch = "torch" in pinned
        style = "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in _style_settings(self.project).items()) + "}"
        return SETUP_CODE.format(
            pinned="{" + ", ".join(f"{k!r}: {v!r}" for k, v in pinned.items()) + "}",
            font=KOREAN_FONT,
            style=style,
            torch_note=", torch 스레드 하나" if uses_torch else "",
            torch_setup="import torch\n\ntorch.set_num_threads(1)\n" if uses_torch else "",
        ).rstrip("\n")


def render(nb: NotebookNode) -> str:
    return nbformat.writes(nb, version=4).rstrip("\n") + "\n"


def expected_notebooks(project: Project, site: Site) -> dict[Path, str]:
    """Every notebook the pages call for, as the text it should have."""
    builder = NotebookBuilder(project, site, read_pins(project.root / "requirements.txt"), project.load_options())
    return {
        project.docs_dir / notebook_uri(page.page): render(builder.build(page)) for page in pages_with_code(project)
    }


def generate(project: Project, site: Site | None = None, *, check: bool = False) -> Report:
    """Write the notebooks whose content changed and remove orphans; with ``check``, only report."""
    site = site or Site.from_mkdocs(project.root / "mkdocs.yml")
    report = Report()
    wanted = expected_notebooks(project, site)
    for path, text in sorted(wanted.items()):
        name = path.relative_to(project.root).as_posix()
        if path.exists() and path.read_text(encoding="utf-8") == text:
            report.unchanged.append(name)
        elif check:
            report.stale.append(name)
        else:
            store.atomic_write_text(path, text)
            report.written.append(name)
    folder = project.docs_dir / NOTEBOOKS_DIR
    for path in sorted(folder.rglob("*.ipynb")) if folder.exists() else []:
        if path not in wanted:
            name = path.relative_to(project.root).as_posix()
            if check:
                report.stale.append(name)
            else:
                path.unlink()
                report.removed.append(name)
    if not check and folder.exists():
        for directory in sorted(folder.rglob("*"), reverse=True):
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
    return report
