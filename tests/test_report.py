"""The one-command build (helpers.report) on small synthetic notebooks, into temporary folders.

Needs Chromium (chromium-headless-shell) and poppler-utils for the PDF checks: without them the
PDF tests are skipped, unless the environment variable CI is set, where they fail (conftest.need).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import need
from helpers.base import paths
from helpers.report.build import BuildResult, build
from helpers.bench.demo import demo_notebook, write_demo_notebooks


def sha256_file(path: Path) -> str | None:
    """Hex sha256 of the file at ``path``, or ``None`` if it does not exist."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None

SRC = str(paths.ROOT / "src")


def _tools_or_skip() -> None:
    """Skip when Chromium or poppler is missing, except under CI where that is a failure."""
    need("chromium", "poppler")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m helpers.report --no-project-deps ARGS`` (others' edits to helpers don't count)."""
    return subprocess.run([sys.executable, "-m", "helpers.report", "--no-project-deps", *args],
                          capture_output=True, text=True, env=_env(**env), timeout=300)


def _no_tmp(folder: Path) -> None:
    left = [p for p in folder.rglob("*") if p.name.endswith(".tmp")]
    assert not left, f"temporary files left behind: {left}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path, BuildResult]:
    """Two demo notebooks built in both languages with PDFs (PDFs only if Chromium is here)."""
    from helpers.report.pdf import ChromeMissing, find_chrome

    root = tmp_path_factory.mktemp("report")
    nbs = write_demo_notebooks(root / "notebooks", 2)
    try:
        find_chrome()
        pdf = True
    except ChromeMissing:
        pdf = False
    raw_before = {p: sha256_file(p) for p in paths.RAW.iterdir()}
    result = build(nbs, root / "out", ("en", "zh"), pdf=pdf, jobs=2, force=False, deps=[])
    assert {p: sha256_file(p) for p in paths.RAW.iterdir()} == raw_before, "data/articles/xianning/raw/ was written"
    return nbs, root / "out", result


def test_inject_language_after_parameters_cell() -> None:
    import nbformat

    from helpers.report.execute import INJECTED_TAG, inject_language

    nb = nbformat.reads(demo_notebook(1), as_version=4)
    at = inject_language(nb, "zh")
    assert "parameters" in nb.cells[at - 1].metadata["tags"]
    assert nb.cells[at].metadata["tags"] == [INJECTED_TAG]
    assert "LANGUAGE = 'zh'" in nb.cells[at].source


def test_offline_html_has_no_cdn_scripts() -> None:
    from helpers.report.export_html import make_offline

    page = ('<html><head><script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js">'
            '</script></head><body>巡察</body></html>')
    out = make_offline(page)
    assert "cdnjs" not in out and "@page" in out and "巡察" in out


def test_outputs_for_every_notebook_and_language(demo) -> None:
    nbs, out, result = demo
    assert result.ok, [(i.key, i.error) for i in result.items] + result.messages
    for lang in ("en", "zh"):
        for nb in nbs:
            assert (out / lang / f"{nb.stem}.html").is_file()
            item = result.get(f"{lang}/{nb.stem}")
            assert item.status == "built" and item.executed and item.executed.is_file()
            executed = json.loads(item.executed.read_text(encoding="utf-8"))
            injected = [c for c in executed["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
            assert injected and f"LANGUAGE = '{lang}'" in "".join(injected[0]["source"])
        reader = (out / lang / "reader-report.html").read_text(encoding="utf-8")
        assert "巡察" in reader and "subplots" not in reader, "reader's report must hide code"
        full = (out / lang / "01-demo.html").read_text(encoding="utf-8")
        assert "subplots" in full and "cdnjs.cloudflare.com/ajax/libs/require.js" not in full
    index = (out / "index.html").read_text(encoding="utf-8")
    meta = json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))
    assert meta["sha256"] in index
    for href in ("en/01-demo.html", "zh/02-demo.html", "en/reader-report.html"):
        assert f'href="{href}"' in index
    _no_tmp(out)


def test_pdfs_carry_chinese_text_and_an_embedded_cjk_font(demo) -> None:
    _tools_or_skip()
    nbs, out, _ = demo
    for lang in ("en", "zh"):
        for stem in [nb.stem for nb in nbs] + ["reader-report"]:
            pdf = out / lang / f"{stem}.pdf"
            assert pdf.read_bytes()[:5] == b"%PDF-"
            assert b"CreationDate" not in pdf.read_bytes() and b"ModDate" not in pdf.read_bytes()  # same bytes
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "巡察" in text and "问题线索" in text, f"{pdf}: Chinese text missing"
            fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
            cjk = [ln for ln in fonts.splitlines() if "CJK" in ln]
            assert cjk and all(" yes " in ln for ln in cjk), f"{pdf}: no embedded CJK font\n{fonts}"


def test_a_page_printed_again_gives_the_same_pdf_bytes(demo, tmp_path: Path) -> None:
    """Chromium's print time and its DOM node ids (they depend on what the shared browser printed before)
    are made the same: a reprint with other ids and another time gives the published bytes."""
    import re

    from helpers.report.pdf import publish

    _tools_or_skip()
    published = (demo[1] / "zh" / "01-demo.pdf").read_bytes()
    assert b"(node00000000)" in published and b"CreationDate" not in published
    later = re.sub(rb"\(node(\d{8})\)", lambda m: b"(node%08d)" % (int(m[1]) + 57), published)
    date = b"/CreationDate (D:20261205113530+00'00')"  # what Chromium writes, blanked at the same length
    later = later.replace(b" " * len(date), date, 1) if b" " * len(date) in later else later
    publish(later, tmp_path / "again.pdf")
    assert later != published and (tmp_path / "again.pdf").read_bytes() == published


def test_no_change_rebuild_skips_everything(demo) -> None:
    """Nothing is rebuilt and nothing heavy is loaded (its time is measured by `make bench`, not here)."""
    nbs, out, _ = demo
    pdf = [] if (out / "en" / "01-demo.pdf").exists() else ["--no-pdf"]
    proc = _cli("--out", str(out), *pdf, *map(str, nbs))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "[ok]" not in proc.stdout and proc.stdout.count("[skip]") == 6, proc.stdout
    # The no-change path must not load the heavy machinery.
    code = ("import sys; from helpers.report.cli import main; rc = main(sys.argv[1:]); "
            "heavy = [m for m in ('nbconvert', 'nbclient', 'pandas', 'matplotlib', 'nbformat') if m in sys.modules]; "
            "assert not heavy, heavy; sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code, "--no-project-deps", "--out", str(out), *pdf, *map(str, nbs)],
                          capture_output=True, text=True, env=_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_editing_one_notebook_rebuilds_only_that_one(demo) -> None:
    nbs, out, _ = demo
    first = nbs[0]
    first.write_text(first.read_text(encoding="utf-8").replace("(demo 1)", "(demo 1, edited)"), encoding="utf-8")
    pdf = out / "en" / "01-demo.pdf"
    result = build(nbs, out, ("en", "zh"), pdf=pdf.exists(), jobs=2, force=False, deps=[])
    status = {i.key: i.status for i in result.items}
    assert status == {"en/01-demo": "built", "zh/01-demo": "built", "en/02-demo": "skipped",
                      "zh/02-demo": "skipped", "en/reader-report": "built", "zh/reader-report": "built"}
    assert "edited" in (out / "en" / "reader-report.html").read_text(encoding="utf-8")
    _no_tmp(out)


def test_failing_notebook_names_the_cell_and_removes_its_old_outputs(tmp_path: Path) -> None:
    nbs = write_demo_notebooks(tmp_path / "nb", 2)
    out = tmp_path / "out"
    first = build(nbs, out, ("en",), pdf=False, jobs=2, force=False, deps=[])
    assert first.ok and (out / "en" / "02-demo.html").is_file()
    nbs[1].write_text(demo_notebook(2, fail=True), encoding="utf-8")
    proc = _cli("--out", str(out), "--lang", "en", "--no-pdf", *map(str, nbs))
    assert proc.returncode != 0
    fail = [ln for ln in proc.stdout.splitlines() if ln.startswith("[FAIL] en/02-demo")]
    assert len(fail) == 1, proc.stdout
    assert "02-demo.ipynb" in fail[0] and "cell 5" in fail[0] and 'total = df["count"].sum()' in fail[0]
    assert "ValueError: demo failure" in fail[0] and "language en" in fail[0]
    assert not (out / "en" / "02-demo.html").exists(), "stale output of the failed notebook kept"
    assert not (out / ".build" / "executed" / "en" / "02-demo.ipynb").exists()
    assert not (out / "en" / "reader-report.html").exists(), "reader's report would be incomplete"
    assert (out / "en" / "01-demo.html").is_file(), "the other notebook's output must remain"
    again = _cli("--out", str(out), "--lang", "en", "--no-pdf", *map(str, nbs))  # never taken as up to date
    assert "[skip] en/01-demo" in again.stdout and "[FAIL] en/02-demo" in again.stdout, again.stdout
    _no_tmp(out)


def test_without_chromium_html_is_built_and_one_message_says_what_to_install(tmp_path: Path) -> None:
    nbs = write_demo_notebooks(tmp_path / "nb", 1)
    out = tmp_path / "out"
    proc = _cli("--out", str(out), "--lang", "zh", *map(str, nbs), CHROME="/nonexistent")
    assert proc.returncode != 0
    assert (out / "zh" / "01-demo.html").is_file() and not (out / "zh" / "01-demo.pdf").exists()
    msgs = [ln for ln in proc.stdout.splitlines() if "PDFs not built" in ln]
    assert len(msgs) == 1, proc.stdout
    assert "sudo apt-get install chromium-headless-shell fonts-noto-cjk" in msgs[0]
    assert "brew install --cask google-chrome" in msgs[0]
    _no_tmp(out)


def test_killed_build_leaves_only_whole_outputs(tmp_path: Path) -> None:
    nbs = write_demo_notebooks(tmp_path / "nb", 2)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "helpers.report", "--no-project-deps", "--out", str(out), "--lang", "en",
           "--no-pdf", "--jobs", "1", *map(str, nbs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=_env())
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the first finished notebook
    assert line.startswith("[ok]"), line
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for task, entry in _state(out).items():  # every step recorded as done has its outputs whole
        for path, (_size, _mtime, sha) in entry["_values_:"].get("outs", {}).items():
            assert sha256_file(Path(path)) == sha, f"{task}: recorded output changed"
    for html in (out / "en").glob("*.html"):
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>"), f"half-written {html}"
    again = build(nbs, out, ("en",), pdf=False, jobs=2, force=False, deps=[])
    assert again.ok
    assert again.get("en/01-demo").status == "skipped"
    _no_tmp(out)


def _state(out: Path) -> dict:
    """doit's record of every step (``<out>/.build/doit.json``)."""
    return json.loads((out / ".build" / "doit.json").read_text(encoding="utf-8"))


def _values(out: Path, task: str) -> dict:
    return _state(out)[task]["_values_:"]


def test_the_environment_is_part_of_every_key(demo) -> None:
    """Fonts are inputs of every step that draws; packages, Python and Chromium are its configuration."""
    from helpers.report.build import PACKAGES

    _, out, result = demo
    state = _state(out)
    for step in ("zh/01-demo|execute", "zh/01-demo|html", "zh/reader-report|html"):
        assert str(paths.ROOT / "fonts" / "NotoSansCJKsc-Subset-Regular.ttf") in state[step], step
        assert str(paths.ROOT / "fonts" / "NotoSansCJKsc-Subset-Bold.ttf") in state[step], step
        assert state[step]["_values_:"]["_config_changed"], step
        assert not state[step]["_values_:"].get("fallback"), state[step]["_values_:"]
    assert {"matplotlib", "nbconvert", "pandas", "seaborn", "nbclient"} <= set(PACKAGES)
    if (out / "zh" / "01-demo.pdf").exists():
        assert state["zh/01-demo|pdf"]["_values_:"]["_config_changed"]


def test_figures_a_notebook_saves_are_tracked_and_rebuilt(demo) -> None:
    nbs, out, _ = demo
    pdf = [] if (out / "en" / "01-demo.pdf").exists() else ["--no-pdf"]
    figure = out / "figures" / "demo-2.zh.png"
    assert figure.read_bytes().startswith(b"\x89PNG")
    assert _values(out, "zh/02-demo|execute")["outs"][str(figure)][2] == sha256_file(figure)
    assert not list(paths.FIGURES.glob("demo-*")), "a build into a temporary folder wrote into reports/figures"
    assert not (out / ".build" / "stage").exists() or not any((out / ".build" / "stage").iterdir())
    figure.unlink()
    proc = _cli("--out", str(out), *pdf, *map(str, nbs))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = sorted(ln.split()[1] for ln in proc.stdout.splitlines() if ln.startswith("[ok]") and "index" not in ln)
    assert built == ["zh/02-demo", "zh/reader-report"], proc.stdout
    assert figure.is_file()
    figure.write_bytes(b"changed by hand")
    proc = _cli("--out", str(out), *pdf, *map(str, nbs))
    assert "[ok]   zh/02-demo" in proc.stdout and figure.read_bytes().startswith(b"\x89PNG")
    page = out / "en" / "01-demo.html"  # a hand-edited page is made again from its notebook, not kept
    made = page.read_text(encoding="utf-8")
    page.write_text(made.replace("巡察", "巡视"), encoding="utf-8")
    proc = _cli("--out", str(out), *pdf, *map(str, nbs))
    built = [ln.split()[1:] for ln in proc.stdout.splitlines() if ln.startswith("[ok]") and "index" not in ln]
    assert [b[0] for b in built] == ["en/01-demo"] and built[0][1] == "html", proc.stdout
    assert page.read_text(encoding="utf-8") == made


def test_outputs_made_without_the_fonts_are_never_up_to_date(tmp_path: Path) -> None:
    """One language (the same for both): a chart drawn without the fonts fails the build every time, nothing kept."""
    nbs = write_demo_notebooks(tmp_path / "nb", 1)
    out = tmp_path / "out"
    args, no_fonts = ["--out", str(out), "--no-pdf", "--lang", "zh", *map(str, nbs)], {
        "XN_FONT_DIR": str(tmp_path / "no-fonts"), "XN_SYSTEM_CJK": "0"}
    for _ in range(2):  # charts drawn with boxes (no font has the glyph): a failure, every time (issue 16)
        proc = _cli(*args, **no_fonts)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        fails = [ln for ln in proc.stdout.splitlines() if ln.startswith("[FAIL]") and "demo.ipynb" in ln]
        assert len(fails) == 1 and "a chart drew a character no font has (Glyph" in fails[0], proc.stdout
        assert not (out / "zh" / "01-demo.html").exists() and "zh/01-demo|execute" not in _state(out)
        assert not (out / ".build" / "fast.json").exists(), "a failed build left a no-change stamp"
    proc = _cli(*args)  # fonts back
    assert proc.returncode == 0 and proc.stdout.count("[ok]") == 3 and "project's fonts" not in proc.stdout, proc.stdout
    assert not any(e["_values_:"].get("fallback") for e in _state(out).values())
    proc = _cli(*args)
    assert proc.stdout.count("[skip]") == 2 and "built, 2 up to date" in proc.stdout, proc.stdout


def test_another_chromium_reprints_only_the_pdfs(tmp_path: Path) -> None:
    _tools_or_skip()
    from helpers.report.pdf import find_chrome

    nbs = write_demo_notebooks(tmp_path / "nb", 1)
    out = tmp_path / "out"
    wrapper = tmp_path / "chrome"
    for version in ("Chromium 1.0", "Chromium 2.0"):  # the same browser, reporting another version
        wrapper.write_text(f'#!/bin/sh\n[ "$1" = --version ] && echo "{version}" && exit 0\n'
                           f'exec {find_chrome()} "$@"\n')
        wrapper.chmod(0o755)
        proc = _cli("--out", str(out), "--lang", "en", *map(str, nbs), CHROME=str(wrapper))
        assert proc.returncode == 0, proc.stdout + proc.stderr
    ok = [ln for ln in proc.stdout.splitlines() if ln.startswith("[ok]") and "index" not in ln]
    assert len(ok) == 2 and all(ln.split("  ")[-1].startswith("pdf") for ln in ok), proc.stdout


def _profiles(out: Path) -> list[Path]:
    return list((out / ".build" / "chrome").glob("report-chrome-*"))


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT", "SIGKILL"])
def test_interrupted_build_leaves_no_chromium_profile(tmp_path: Path, how: str) -> None:
    _tools_or_skip()
    import tempfile

    nbs = write_demo_notebooks(tmp_path / "nb", 2)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "helpers.report", "--no-project-deps", "--out", str(out), "--lang", "zh",
           "--jobs", "1", *map(str, nbs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=_env())
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the first notebook printed: the browser is running
    assert line.startswith("[ok]") and "pdf" in line, line
    assert _profiles(out), "the shared browser's profile lives under .build/chrome"
    proc.send_signal(getattr(signal, how))
    proc.wait(timeout=60)
    if how != "SIGKILL":  # handled: the browser and its profile are gone at once
        assert proc.returncode == 130
        assert not _profiles(out)
    again = build(nbs, out, ("zh",), pdf=True, jobs=1, force=False, deps=[])  # cleans what a kill left
    assert again.ok, again.messages
    assert not _profiles(out)
    assert not [p for p in Path(tempfile.gettempdir()).glob(f"report-chrome-{proc.pid}-*")]
    _no_tmp(out)


def test_no_change_rebuild_takes_the_fast_path_and_any_change_leaves_it(tmp_path: Path) -> None:
    nbs = write_demo_notebooks(tmp_path / "nb", 1)
    out = tmp_path / "out"
    args = ["--out", str(out), "--lang", "en", "--no-pdf", *map(str, nbs)]
    assert _cli(*args).returncode == 0
    assert (out / ".build" / "fast.json").is_file()

    def again(**env: str) -> tuple[str, str]:
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "helpers.report", "--no-project-deps", *args],
                              capture_output=True, text=True, env=_env(**env), timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout, proc.stderr

    stdout, imports = again()
    assert "helpers.report.build" not in imports and "argparse" not in imports, "fast path imported the build"
    assert stdout.count("[skip]") == 2 and "0 built, 2 up to date" in stdout, stdout
    stdout, imports = again(XN_CHROME_DEBUG="1")  # another environment: the full check runs (nothing to rebuild)
    assert "helpers.report.build" in imports and "[ok]   en/01-demo" not in stdout, stdout
    stdout, imports = again(XIANNING_ARTICLE="canghe")  # another article (make report ARTICLE=...): the full check
    assert "helpers.report.build" in imports, stdout
    (out / "figures" / "demo-1.en.png").write_bytes(b"changed")
    stdout, imports = again()
    assert "helpers.report.build" in imports and "[ok]   en/01-demo" in stdout, stdout


def test_inputs_code_and_package_versions_rebuild_what_depends_on_them(tmp_path: Path, monkeypatch) -> None:
    """A changed input (by content, not by time) or package version re-executes; the rest is skipped."""
    nbs = write_demo_notebooks(tmp_path / "nb", 1)
    helper = tmp_path / "helper.py"
    helper.write_text("X = 1\n", encoding="utf-8")
    out = tmp_path / "out"

    def run() -> dict[str, str]:
        result = build(nbs, out, ("en",), pdf=False, jobs=2, deps=[helper], echo=None)
        assert result.ok, [(i.key, i.error) for i in result.items]
        return {i.key: i.status for i in result.items}

    assert run() == {"en/01-demo": "built", "en/reader-report": "built"}
    os.utime(helper, (time.time() + 5,) * 2)  # same content, newer time: nothing to do
    assert run() == {"en/01-demo": "skipped", "en/reader-report": "skipped"}
    helper.write_text("X = 2\n", encoding="utf-8")
    assert run()["en/01-demo"] == "built"
    import importlib.metadata

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.0-test" if name == "matplotlib" else real(name))
    assert run()["en/01-demo"] == "built"
    assert run() == {"en/01-demo": "skipped", "en/reader-report": "skipped"}


def test_two_builds_at_once_end_clean(tmp_path: Path) -> None:
    """Two builds of one folder at once: one waits for the other; both succeed, outputs whole."""
    nbs = write_demo_notebooks(tmp_path / "nb", 1)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "helpers.report", "--no-project-deps", "--out", str(out), "--lang", "en",
           "--no-pdf", *map(str, nbs)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=_env()) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert sorted(o.count("[ok]   en/01-demo") for o in outputs) == [0, 1], outputs  # built once, then skipped
    for task, entry in _state(out).items():
        for path, (_size, _mtime, sha) in entry["_values_:"].get("outs", {}).items():
            assert sha256_file(Path(path)) == sha, task
    _no_tmp(out)


def test_a_failed_index_page_is_said_and_fails_the_build(tmp_path: Path, monkeypatch) -> None:
    """index.html that cannot be written is a [FAIL] line and a failed build, never a silent old page."""
    from helpers.report import index

    def broken(*args: object) -> None:
        raise OSError("the index broke")
    monkeypatch.setattr(index, "write_index", broken)
    said: list[str] = []
    result = build(write_demo_notebooks(tmp_path / "nb", 1), tmp_path / "out", ("en",), pdf=False, deps=[],
                   echo=said.append)
    assert not result.ok and [ln for ln in said if ln.startswith("[FAIL] index") and "the index broke" in ln], said


def test_the_index_page_frames_both_editions_with_the_kits_words() -> None:
    """Every word of index.html's frame comes from the kit's labels, in both languages (index.* keys)."""
    from helpers.curate import labels
    from helpers.report.index import render_index

    page = render_index({"en": [("x", {})], "zh": []}, "2017-04-25", {"title": "t"}, "")
    keys = [k for k in labels.load() if k.startswith("index.") and k != "index.not_verified"]
    assert keys and all(labels.raw(k, lang) in page for k in keys for lang in labels.LANGUAGES)
    assert labels.raw("index.not_verified", "zh") in render_index({}, "d", {"title": "t"}, "checksum differs")
