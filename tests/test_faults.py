"""Things going wrong, on a tiny throwaway project driven through the command lines.

Each fault must fail loudly with a message that names what went wrong, exit non-zero, lose no
frozen output and never let a stale output reach a page. The snippets here do not import torch,
so every run is quick; the whole file takes well under two minutes.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

from tiny_project import BIN, GOOD, PAGE, POLL_SECONDS, Tiny, frozen_ok


def test_a_raising_snippet_names_file_and_line_and_keeps_previous_outputs(tiny: Tiny) -> None:
    before = frozen_ok(tiny)
    tiny.write("snippets/demo/good.py", GOOD + "\n\nraise ValueError('음수 기울기')\n")
    result = tiny.runner("run")
    assert result.returncode == 1
    assert "demo/good.py:5: ValueError: 음수 기울기" in result.stderr
    assert "docs/index.md" in result.stderr and "previous outputs kept" in result.stderr
    assert tiny.snapshot() == before, "a failed run must not touch the frozen outputs"
    check = tiny.runner("check")
    assert check.returncode == 1 and "demo/good.py: frozen output is stale" in check.stderr
    build = tiny.mkdocs("check")
    assert build.returncode != 0 and "demo/good.py: frozen output is stale" in build.stderr
    assert not (tiny.site / "index.html").exists(), "a failed build must not publish the page"


def test_a_hanging_snippet_is_stopped_at_its_timeout_by_name(tiny: Tiny) -> None:
    tiny.options('["demo/hang.py"]\ntimeout = 1.5\n')
    tiny.write("snippets/demo/hang.py", "while True:\n    pass\n")
    result = tiny.runner("run")  # a hang past the limit would end in the runner's own subprocess timeout
    assert result.returncode == 1
    assert "demo/hang.py: timed out after 1.5 s of CPU time" in result.stderr
    assert "timeout` in snippets/snippets.toml" in result.stderr
    assert not (tiny.outputs / "demo" / "hang.json").exists()
    assert (tiny.outputs / "demo" / "good.json").exists(), "the other snippet still runs and is frozen"


def test_a_snippet_that_eats_memory_is_stopped_at_its_limit(tiny: Tiny) -> None:
    tiny.options('["demo/hog.py"]\nmemory_mb = 600\ntimeout = 30\n')
    tiny.write("snippets/demo/hog.py", "chunks = []\nwhile True:\n    chunks.append(b'x' * 20_000_000)\n")
    result = tiny.runner("run")
    assert result.returncode == 1
    assert "demo/hog.py: used more than 600 MB of memory and was stopped" in result.stderr
    assert "memory_mb" in result.stderr
    assert not (tiny.outputs / "demo" / "hog.json").exists()


def test_files_written_into_the_working_directory_are_allowed_and_discarded(tiny: Tiny) -> None:
    tiny.write(
        "snippets/demo/scratch.py",
        "import os\nfrom pathlib import Path\n"
        "Path('scratch.txt').write_text('임시', encoding='utf-8')\nos.makedirs('sub/dir')\n"
        "Path('sub/dir/model.pt').write_bytes(b'0' * 100)\nprint(os.getcwd())\n",
    )
    result = tiny.runner("run")
    assert result.returncode == 0, result.stderr
    workdir = Path(
        json.loads((tiny.outputs / "demo" / "scratch.json").read_text(encoding="utf-8"))["sections"][""].strip()
    )
    assert not workdir.exists(), "the working directory is removed after the run"
    assert not list(tiny.root.rglob("scratch.txt")) and not list(tiny.root.rglob("model.pt"))


REPO_WRITES = {
    "open_write": "open(ROOT / 'docs' / 'evil_open.md', 'w').write('x')",
    "path_write_text": "(ROOT / 'snippets' / 'demo' / 'evil_path.py').write_text('x')",
    "append_to_page": "open(ROOT / 'docs' / 'index.md', 'a').write('x')",
    "os_open_create": "os.open(ROOT / 'evil_os_open.txt', os.O_WRONLY | os.O_CREAT)",
    "rename_into_repo": "Path('local.md').write_text('x')\nos.rename('local.md', ROOT / 'docs' / 'evil_rename.md')",
    "replace_a_page": "Path('local.md').write_text('x')\nos.replace('local.md', ROOT / 'docs' / 'index.md')",
    "move_into_repo": "Path('local.md').write_text('x')\nshutil.move('local.md', ROOT / 'docs' / 'evil_move.md')",
    "copy_into_repo": "Path('local.md').write_text('x')\nshutil.copy('local.md', ROOT / 'docs' / 'evil_copy.md')",
    "symlink_into_repo": "os.symlink('/etc/hostname', ROOT / 'docs' / 'evil_symlink.md')",
    "hard_link_into_repo": "Path('local.md').write_text('x')\nos.link('local.md', ROOT / 'docs' / 'evil_link.md')",
    "make_directory": "os.mkdir(ROOT / 'docs' / 'evil_dir')",
    "delete_a_page": "os.remove(ROOT / 'docs' / 'index.md')",
    "remove_outputs": "shutil.rmtree(ROOT / 'outputs')",
    "temp_file_in_repo": "tempfile.mkstemp(dir=ROOT / 'docs', prefix='evil_')",
}


def test_writes_into_the_repository_are_refused_and_nothing_appears(tiny: Tiny) -> None:
    frozen_ok(tiny)
    header = "import os, shutil, tempfile\nfrom pathlib import Path\nROOT = Path(__file__).resolve().parents[2]\n"
    for name, code in REPO_WRITES.items():
        tiny.write(f"snippets/writes/{name}.py", header + code + "\n")

    def repository() -> dict[str, bytes]:  # the runner's own cache under .cache/ may change
        return {p: b for p, b in tiny.snapshot(tiny.root).items() if not p.startswith(("snippets/writes/", ".cache/"))}

    before = repository()
    result = tiny.runner("run")
    assert result.returncode == 1
    for name in REPO_WRITES:
        assert re.search(
            rf"writes/{name}\.py:\d+: PermissionError: snippets may not (write into|change) the repository",
            result.stderr,
        ), f"{name} was not refused:\n{result.stderr}"
    after = repository()
    assert after == before, f"the repository changed: {sorted(set(after) ^ set(before))}"
    assert not [p for p in tiny.root.rglob("evil*")]


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, pending = set(), [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.add(child)
            pending.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_build_killed_mid_run_keeps_the_manifest_consistent_and_rebuilds(tiny: Tiny) -> None:
    tiny.write(
        "snippets/demo/slow.py",
        "import time\ntime.sleep(600)  # killed long before; never ends on its own during the test\nprint('늦게 끝남')\n",
    )
    process = subprocess.Popen(
        [str(BIN / "snippet-runner"), "--root", str(tiny.root), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=tiny.env(),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + POLL_SECONDS
        while not (tiny.outputs / "manifest.json").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tiny.outputs / "manifest.json").exists(), (
            "the finished snippet should be frozen before the slow one ends"
        )
        family = _descendants(process.pid)
        process.send_signal(signal.SIGKILL)  # like the OOM killer: only the runner, nothing can clean up
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        if process.stderr is not None:
            process.stderr.close()
    deadline = time.monotonic() + POLL_SECONDS
    while any(_alive(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in family if _alive(pid)], "the runner's processes outlive it"

    manifest = json.loads((tiny.outputs / "manifest.json").read_text(encoding="utf-8"))["snippets"]
    assert set(manifest) == {"demo/good.py"}
    from hashlib import sha256

    for snippet_id, entry in manifest.items():
        frozen = tiny.outputs / snippet_id.replace(".py", ".json")
        assert sha256(frozen.read_bytes()).hexdigest() == entry["output_sha256"], snippet_id
    assert not list(tiny.outputs.rglob("*.tmp")), "no half-written files are left behind"
    check = tiny.runner("check")
    assert check.returncode == 1 and "demo/slow.py: frozen output is stale (never run)" in check.stderr

    tiny.write("snippets/demo/slow.py", "print('이번에는 빨리 끝남')\n")
    rebuild = tiny.runner("run")
    assert rebuild.returncode == 0, rebuild.stderr
    assert "1 ran, 1 cached, 0 failed" in rebuild.stderr
    assert tiny.runner("check").returncode == 0


def test_a_corrupted_manifest_is_named_check_fails_and_run_rewrites_it(tiny: Tiny) -> None:
    before = frozen_ok(tiny)
    (tiny.outputs / "manifest.json").write_text('{"snippets": {"demo/good.py": {', encoding="utf-8")
    check = tiny.runner("check")
    assert check.returncode == 2
    assert f"{tiny.outputs / 'manifest.json'}:1: not valid JSON" in check.stderr
    for mode in ("check", "off"):
        build = tiny.mkdocs(mode)
        assert build.returncode != 0 and "manifest.json:1: not valid JSON" in build.stderr, build.stderr[-2000:]
        assert "Traceback" not in build.stderr
    run = tiny.runner("run")
    assert run.returncode == 0 and "every snippet will be re-run and the manifest rewritten" in run.stderr
    assert "1 ran" in run.stderr
    assert json.loads((tiny.outputs / "manifest.json").read_text(encoding="utf-8"))["snippets"]["demo/good.py"]
    assert tiny.snapshot()["demo/good.json"] == before["demo/good.json"]
    assert tiny.runner("check").returncode == 0


def test_a_hand_edited_output_fails_check_by_name(tiny: Tiny) -> None:
    frozen_ok(tiny)
    frozen = tiny.outputs / "demo" / "good.json"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("slope 1.0", "slope 2.0"), encoding="utf-8")
    check = tiny.runner("check")
    assert check.returncode == 1
    assert "outputs/demo/good.json was changed by hand" in check.stderr
    build = tiny.mkdocs("check")
    assert build.returncode != 0 and "demo/good.py" in build.stderr


def test_a_hand_edited_figure_fails_check_by_name(tiny: Tiny) -> None:
    tiny.write(
        "snippets/demo/plot.py",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(2, 2))\nax.plot([-1, 0, 1], [0, 0, 1])\n",
    )
    frozen_ok(tiny)
    figure = next((tiny.outputs / "demo" / "plot").glob("*.png"))
    figure.write_bytes(figure.read_bytes()[:-10] + b"0123456789")
    check = tiny.runner("check")
    assert check.returncode == 1
    assert f"figure {figure.name} was changed by hand" in check.stderr


def test_a_missing_include_fails_the_strict_build_by_name(tiny: Tiny) -> None:
    frozen_ok(tiny)
    tiny.write("docs/index.md", PAGE + '\n```python\n--8<-- "demo/no_such_file.py"\n```\n')
    build = tiny.mkdocs("check")
    assert build.returncode != 0
    assert "demo/no_such_file.py" in build.stderr
    assert not (tiny.site / "index.html").exists()


def test_the_determinism_check_catches_a_snippet_that_forgot_its_seed(tiny: Tiny) -> None:
    # torch is already loaded in the fork server, so these start at once. Unlike numpy and random,
    # torch does not reseed itself on fork: without the worker's reseeding both runs would draw alike.
    tiny.write("snippets/demo/seeded.py", "import torch\ntorch.manual_seed(0)\nprint(torch.rand(2))\n")
    tiny.write(
        "snippets/demo/unseeded.py", "import torch\nlucky = torch.rand(1).item()\nprint('draw', torch.rand(2))\n"
    )
    result = tiny.runner("determinism")
    assert result.returncode == 1, result.stderr
    assert "demo/unseeded.py is not deterministic" in result.stderr, result.stderr
    assert "value lucky" in result.stderr and "draw" in result.stderr
    assert "demo/seeded.py is not deterministic" not in result.stderr
    assert "demo/good.py is not deterministic" not in result.stderr
    assert "3 snippets, 1 not deterministic" in result.stderr
    only = tiny.runner("determinism", "demo/seeded.py", "demo/good.py")
    assert only.returncode == 0, only.stderr
    assert not tiny.outputs.exists(), "the determinism check freezes nothing"


HOSTILE = r"""
print("<script>alert('x')</script>")
print("</div></figure><!-- 닫기 -->")
print("```\n````\n`````")
print('--8<-- "demo/good.py"')
print("    --8<-- [start:secret]")
print("$$ x^2 $$ and $y$ and \\(z\\)")
print("{{ value demo/good.py slope }} {{ output demo/good.py }}")
print("{% raw %}{{ x }}{% endraw %} & &amp; *not bold* <b>bold?</b>")
label = "<img src=x onerror=alert(1)> {{ value }}"
"""


class _OutputText(HTMLParser):
    """The text of every ``<code>`` inside a ``div.snippet-output``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_code = False
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "snippet-output") in attrs:
            self.depth = 1
        elif tag == "div" and self.depth:
            self.depth += 1
        elif tag == "code" and self.depth:
            self.in_code = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag == "code":
            self.in_code = False

    def handle_data(self, data: str) -> None:
        if self.in_code:
            self.blocks[-1] += data


def test_output_full_of_markup_renders_as_text(tiny: Tiny) -> None:
    tiny.write("snippets/demo/hostile.py", HOSTILE)
    tiny.write(
        "docs/index.md",
        PAGE + "\n{{ output demo/hostile.py }}\n\n이름: {{ value demo/hostile.py label }}\n\n끝 문단.\n",
    )
    build = tiny.mkdocs()
    assert build.returncode == 0, build.stderr[-3000:]
    html = (tiny.site / "index.html").read_text(encoding="utf-8")
    printed = json.loads((tiny.outputs / "demo" / "hostile.json").read_text(encoding="utf-8"))["sections"][""]
    parser = _OutputText()
    parser.feed(html)
    assert printed.rstrip("\n") in [block.rstrip("\n") for block in parser.blocks], parser.blocks
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; {{ value }}" in html
    assert "끝 문단." in html and html.index("끝 문단.") > html.index("&lt;script&gt;")
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count("<div") == article.count("</div>"), "printed </div> closed a real element"
