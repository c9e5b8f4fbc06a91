"""The one page that lists every notebook (``docs/notebooks/index.md``), generated with them.

The navigation shows each page once; a page's notebook is reached from the page's buttons and from
this list, in the order of the navigation. Its links are ordinary Markdown links, so each generator
makes them what it offers: MkDocs links the rendered notebook page, Zensical the ``.ipynb`` file.
"""

from __future__ import annotations

import posixpath

from .pages import NOTEBOOKS_DIR, PageCode, notebook_uri
from .site import Site

INDEX_PAGE = f"{NOTEBOOKS_DIR}/index.md"
INTRO = (
    "# 노트북 { #notebooks }\n\n"
    "코드가 있는 페이지마다 그 페이지의 코드를 순서대로 모은 Jupyter 노트북이 하나씩 있습니다. "
    "첫 셀이 페이지와 같은 버전의 패키지와 그림 설정을 맞추고, 마지막 셀이 여러분이 얻은 출력과 값을 페이지와 비교합니다. "
    "각 페이지 제목 옆의 버튼으로도 열 수 있습니다.\n\n"
    "이 목록은 노트북과 함께 자동으로 만들어집니다(`snippet-notebooks`).\n"
)


def index_text(pages: list[PageCode], site: Site) -> str:
    """The index page's Markdown: one row per notebook, in navigation order (other pages after, by path)."""
    position = {page: (number, section) for number, (section, page) in enumerate(site.nav)}
    rows = sorted(pages, key=lambda page: (position.get(page.page, (len(position), ""))[0], page.page))
    lines = [INTRO, "| 영역 | 페이지 | 노트북 | Colab |", "|------|--------|--------|-------|"]
    for page in rows:
        uri = notebook_uri(page.page)
        section = position.get(page.page, (0, ""))[1]
        here = posixpath.relpath(uri, NOTEBOOKS_DIR)
        colab = site.colab_url(f"docs/{uri}")
        title = page.title.replace("|", "\\|")
        lines.append(
            f"| {section} | [{title}]({posixpath.relpath(page.page, NOTEBOOKS_DIR)}) | "
            f"[{posixpath.basename(uri)}]({here}) | " + (f"[Colab에서 열기]({colab})" if colab else "") + " |"
        )
    return "\n".join(lines) + "\n"
