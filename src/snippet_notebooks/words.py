"""What a notebook says, in its edition's language (``Site.language``: the config's ``theme.language``).

The code cells are the same in both editions (the snippets print Korean labels); the Markdown cells,
the set-up cell's comments and messages, the comparison's messages and the index page are the
edition's. Korean is the site's first language: its words are those the notebooks always had.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pages import NotebookError


@dataclass(frozen=True)
class CheckMessages:
    """The comparison cell's messages, as the bodies of the recorder's f-strings (``check_cell.RECORDER``,
    whose variables they name). ``not_run`` and ``missing`` are plain strings. None may hold ``"``."""

    not_run: str
    text_differs: str
    """``{changed}``: the line; ``{old!r}``, ``{new!r}``: the page's and the reader's line."""
    number_differs: str
    """``{line}``; ``{a}``, ``{b}``: the page's and the reader's number."""
    missing: str
    value_differs: str
    """``{name}``, ``{old!r}``, ``{new!r}``."""
    figures_differ: str
    """``{expected['figures']}``: the page's count; ``{shown}``: the reader's."""
    matches: str
    """``{snippet}``, ``{lines}``, ``{values}``, ``{figures}``."""
    some_differ: str
    """``{failed}``, ``{len(self.page)}``."""
    all_match: str
    """``{len(self.page)}``."""


@dataclass(frozen=True)
class NotebookWords:
    title: str
    """The notebook's heading: ``{title}``, the page's."""
    intro: tuple[str, ...]
    """The introduction's lines: ``{page}``, the link to the page."""
    open_in_colab: str
    section_link: str
    page_link: str
    korean_docstrings: bool
    """Whether a snippet's docstring written in Korean is shown above its cells (the docstrings are
    the snippets' own, not translated)."""
    file_note: str
    comparison: str
    check_title: str
    report_comment: str
    messages: CheckMessages
    setup_intro: str
    setup_style: str
    """``{torch_note}``."""
    torch_note: str
    setup_quiet: str
    no_package: str
    setup_restart: str
    setup_restart_comment: str
    setup_page: str
    setup_here: str
    index_intro: str
    index_header: tuple[str, str, str, str]


KOREAN = NotebookWords(
    title="# {title} — 노트북",
    intro=(
        "{page} 페이지의 코드를 페이지에 나오는 순서대로 모았습니다. 위에서부터 차례로 실행하면 페이지와 같은 출력과 그림이 나옵니다.",
        "",
        "- 첫 셀은 Colab에서 페이지와 같은 버전의 패키지와 한글 글꼴을 설치하고, 그림 설정을 맞춥니다.",
        "- 마지막 셀은 여기서 얻은 출력, 값, 그림 수를 페이지와 비교합니다.",
        "- 이 노트북은 페이지에서 자동으로 만들어집니다. 고칠 곳이 있으면 `snippets/`의 코드나 페이지를 고칩니다.",
    ),
    open_in_colab="Colab에서 열기",
    section_link="페이지의 해당 부분",
    page_link="페이지",
    korean_docstrings=True,
    file_note="# 노트북에는 파일 경로가 없으므로, 코드가 옆에 있는 파일을 찾을 수 있게 정해 둡니다.",
    comparison=(
        "## 페이지 값과 비교\n\n"
        "위 셀들이 출력한 글, 최상위 변수의 값, 보여 준 그림 수를 페이지와 비교합니다. 숫자는 코드마다 정한 "
        "허용 오차(`snippets/snippets.toml`의 `rel_tol`, `abs_tol`, 시간 측정이면 `timing_factor`배) 안에서 같으면 일치로 봅니다. "
        "페이지의 숫자는 고정한 CPU 연산 경로(AVX2)에서 얻었지만, 이 노트북은 CPU 경로를 정하지 않습니다. "
        "허용 오차는 다른 CPU 경로에서 잰 차이를 덮도록 정했고, 페이지에서 ±를 붙인 숫자는 CPU에 따라 마지막 자릿수가 조금 다를 수 있습니다."
    ),
    check_title=(
        "#@title 페이지 값과 비교하는 도구 (실행만 하면 됩니다)\n"
        "# 각 코드 셀이 출력한 글, 최상위 변수의 값, 보여 준 그림 수를 기록해 두었다가, 마지막 셀에서 페이지와 비교합니다.\n"
        "# 비교 규칙(아래 drift_rules)은 사이트의 테스트가 쓰는 파일 그대로입니다.\n"
    ),
    report_comment="# 이 노트북에서 얻은 출력과 값을 페이지에 실린 값과 비교합니다.",
    messages=CheckMessages(
        not_run="아직 실행하지 않았습니다",
        text_differs="출력 {changed}번째 줄의 글이 다릅니다: 페이지 {old!r}, 여기 {new!r}",
        number_differs="출력 {line}번째 줄: 페이지 {a}, 여기 {b}",
        missing="(없음)",
        value_differs="값 {name}: 페이지 {old!r}, 여기 {new!r}",
        figures_differ="그림 수: 페이지 {expected['figures']}개, 여기 {shown}개",
        matches="✓ snippets/{snippet}: 출력 {lines}줄, 값 {values}개, 그림 {figures}개 일치",
        some_differ="페이지와 다른 코드: {failed}/{len(self.page)}개. 라이브러리 버전이 다르면 숫자가 조금 달라질 수 있습니다.",
        all_match="모든 코드({len(self.page)}개)의 출력, 값, 그림 수가 페이지와 일치합니다.",
    ),
    setup_intro="# 준비: Colab에서는 이 페이지의 숫자를 만든 것과 같은 버전의 패키지와 한글 글꼴(fonts-nanum)을 설치합니다.",
    setup_style="# 페이지의 코드를 실행한 것과 같은 설정: 그림 스타일과 한글 글꼴{torch_note}",
    torch_note=", torch 스레드 하나",
    setup_quiet="# 파이썬 파일로 실행할 때처럼, 셀의 마지막 식의 값을 따로 보여 주지 않습니다.",
    no_package="없음",
    setup_restart="패키지 버전을 맞췄습니다. 런타임이 다시 시작되면 이 셀부터 다시 실행합니다.",
    setup_restart_comment="# Colab이 런타임을 다시 시작합니다",
    setup_page="페이지:",
    setup_here="여기  :",
    index_intro=(
        "# 노트북 { #notebooks }\n\n"
        "코드가 있는 페이지마다 그 페이지의 코드를 순서대로 모은 Jupyter 노트북이 하나씩 있습니다. "
        "첫 셀이 페이지와 같은 버전의 패키지와 그림 설정을 맞추고, 마지막 셀이 여러분이 얻은 출력과 값을 페이지와 비교합니다. "
        "각 페이지 제목 옆의 버튼으로도 열 수 있습니다.\n\n"
        "이 목록은 노트북과 함께 자동으로 만들어집니다(`snippet-notebooks`).\n"
    ),
    index_header=("영역", "페이지", "노트북", "Colab"),
)

ENGLISH = NotebookWords(
    title="# {title}: notebook",
    intro=(
        "The code of the {page} page, in the order the page shows it. Run the cells from the top and you get the same outputs and figures as the page.",
        "",
        "- The first cell installs, on Colab, the package versions the page was made with and a Korean font, and sets up the figure style.",
        "- The code is the one the site runs for both its editions: what it prints and the labels of its figures are in Korean "
        "(the page shows them in English). The numbers are the same.",
        "- The last cell compares the outputs, values and number of figures you got with those on the page.",
        "- This notebook is generated from the page. To change it, change the code in `snippets/` or the page.",
    ),
    open_in_colab="Open in Colab",
    section_link="the part of the page",
    page_link="the page",
    korean_docstrings=False,
    file_note="# A notebook has no file path: name the code's file, so that it finds the files next to it.",
    comparison=(
        "## Compare with the page\n\n"
        "This compares the text the cells above printed, the values of their top-level variables and the number of figures they showed with the page. "
        "Numbers count as equal within each snippet's tolerance (`rel_tol` and `abs_tol` in `snippets/snippets.toml`, "
        "or a factor of `timing_factor` for a timing). "
        "The page's numbers come from a pinned CPU path (AVX2); this notebook does not pin one. "
        "The tolerances cover the differences measured on the other CPU paths, "
        "and the numbers marked ± on the page may differ in their last digits on your CPU."
    ),
    check_title=(
        "#@title The comparison with the page (just run it)\n"
        "# Records the text each code cell prints, its top-level values and the figures it shows; the last cell compares them with the page.\n"
        "# The comparison rules (drift_rules below) are the very file the site's tests use.\n"
    ),
    report_comment="# Compare the outputs and values of this notebook with those on the page.",
    messages=CheckMessages(
        not_run="not run yet",
        text_differs="output line {changed} reads differently: page {old!r}, here {new!r}",
        number_differs="output line {line}: page {a}, here {b}",
        missing="(missing)",
        value_differs="value {name}: page {old!r}, here {new!r}",
        figures_differ="figures: page {expected['figures']}, here {shown}",
        matches="✓ snippets/{snippet}: {lines} output lines, {values} values, {figures} figures match",
        some_differ="snippets that differ from the page: {failed}/{len(self.page)}. Other library versions can change the numbers slightly.",
        all_match="All snippets ({len(self.page)}) match the page: outputs, values and figure counts.",
    ),
    setup_intro=(
        "# Set-up: on Colab, install the package versions that made this page's numbers, and a Korean font (fonts-nanum):\n"
        "# the code prints Korean labels and draws them in its figures."
    ),
    setup_style="# The settings the page's code ran with: figure style and Korean font{torch_note}",
    torch_note=", one torch thread",
    setup_quiet="# As when running a Python file, do not show the value of a cell's last expression.",
    no_package="none",
    setup_restart="Package versions set. When the runtime has restarted, run the cells again from this one.",
    setup_restart_comment="# Colab restarts the runtime",
    setup_page="page:",
    setup_here="here:",
    index_intro=(
        "# Notebooks { #notebooks }\n\n"
        "Every page with code has a Jupyter notebook that collects the page's code in order. "
        "Its first cell sets up the package versions and figure style of the page; its last cell compares the outputs and values you get with the page. "
        "The buttons next to each page's title open it too.\n\n"
        "This list is generated with the notebooks (`snippet-notebooks`).\n"
    ),
    index_header=("Area", "Page", "Notebook", "Colab"),
)

WORDS: dict[str, NotebookWords] = {"ko": KOREAN, "en": ENGLISH}
"""``theme.language`` -> its words."""


def words(language: str) -> NotebookWords:
    if language not in WORDS:
        raise NotebookError(f"theme.language {language!r}: the notebooks are written in {', '.join(WORDS)}")
    return WORDS[language]
