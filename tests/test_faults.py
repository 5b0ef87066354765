"""Every injected fault ends clean (issue 16): a non-zero exit, ONE line naming the file, the entry and the fix,
nothing partial or stale kept, and the next build after the fix recovers.

One test per case of the issue, in-process where the fault allows, else on a throw-away copy of the project
(``project_copy``: data/ and src/). The numbers in the test names follow the issue's list.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_tables
from helpers.base import paths
from helpers.base.errors import DataError


def _one_line(result: subprocess.CompletedProcess, *expected: str) -> str:
    """The run failed with exactly one non-empty line of output on stderr (make's own '***' line aside)."""
    assert result.returncode != 0, result.stdout + result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip() and not ln.startswith("make: ***")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


def _make(copy: Path, *targets: str) -> subprocess.CompletedProcess:
    shutil.copy(paths.ROOT / "Makefile", copy / "Makefile")
    return subprocess.run(["make", "-s", *targets, f"PY={sys.executable}", "INSTALLED="], cwd=copy,
                          capture_output=True, text=True, timeout=120)


# ---- 6 and 10: the Makefile names the tidy tables and their inputs one by one ----

@pytest.mark.needs("make")
def test_06_deleted_tidy_table_is_rebuilt_by_make_data(project_copy: Path) -> None:
    assert _make(project_copy, "data").returncode == 0
    table = project_copy / "data/articles/xianning/tidy/funnel.csv"
    before = table.read_bytes()
    table.unlink()
    result = _make(project_copy, "data")
    assert result.returncode == 0 and "wrote data/articles/xianning/tidy/funnel.csv" in result.stdout, result.stdout + result.stderr
    assert table.read_bytes() == before


@pytest.mark.needs("make")
@pytest.mark.parametrize("name", ["data/articles/xianning/curated/dates.csv", "data/articles/xianning/raw/SHA256SUMS"])
def test_10_make_data_fails_after_an_input_is_deleted(project_copy: Path, name: str) -> None:
    assert _make(project_copy, "data").returncode == 0
    tidy = {p.name: p.read_bytes() for p in (project_copy / "data/articles/xianning/tidy").iterdir()}
    saved = (project_copy / name).read_bytes()
    (project_copy / name).unlink()
    _one_line(_make(project_copy, "data"), name, "is missing", f"git checkout -- {name}")
    assert {p.name: p.read_bytes() for p in (project_copy / "data/articles/xianning/tidy").iterdir()} == tidy
    (project_copy / name).write_bytes(saved)
    assert _make(project_copy, "data").returncode == 0


# ---- 2: a CRLF checkout changes nothing ----

@pytest.mark.needs("git")
def test_02_crlf_checkout_keeps_lf_and_labels_never_keep_cr(tmp_path: Path) -> None:
    from helpers.curate import labels

    if not (paths.ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "crlf"
    subprocess.run(["git", "clone", "-q", "-c", "core.autocrlf=true", str(paths.ROOT), str(clone)], check=True,
                   capture_output=True, timeout=60)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True).stdout
    assert status == ""
    with_cr = [p.relative_to(clone).as_posix() for p in clone.rglob("*") if ".git" not in p.parts and p.is_file()
               and p.suffix in {".csv", ".py", ".ipynb", ".json", ".md", ".svg", ""} and b"\r" in p.read_bytes()]
    assert with_cr == []
    # a label file saved with Windows line ends (by an editor) reads the same, multi-line labels included
    text = labels.LABELS.read_text(encoding="utf-8")
    assert any("\n" in v["en"] for v in labels.load().values()), "no multi-line label left to check"
    crlf = tmp_path / "labels.csv"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert labels.load(crlf) == labels.load(labels.LABELS)


# ---- 4: labels.csv faults, each one line with its physical line number ----

def _labels_text() -> str:
    return (paths.CURATED / "labels.csv").read_text(encoding="utf-8")


def _without_row(text: str, key: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(ln for ln in lines if not ln.startswith(f"{key},"))


_LABEL_FAULTS = {
    "header only": (lambda t: t.splitlines(keepends=True)[0], "rows", "header but no rows"),
    "stage row removed": (lambda t: _without_row(t, "stage.transfers.label"), "key stage.transfers.label",
                          "the row is missing"),
    "missing column": (lambda t: "\n".join(",".join(ln.split(",")[:2]) for ln in t.splitlines()) + "\n",
                       "header", "missing column(s) zh"),
    "empty zh": (lambda t: t.replace("\nsource,", "\nsource,", 1), None, None),  # filled in below
    "duplicate key": (lambda t: t + "stage.transfers.bar,x,y\n", None, "duplicate key 'stage.transfers.bar'"),
    "GBK bytes": (None, "byte", "not UTF-8"),
    "BOM": (lambda t: "\ufeff" + t, "byte 0", "byte-order mark"),
}


@pytest.mark.parametrize("fault", list(_LABEL_FAULTS))
def test_04_labels_csv_faults_are_one_line_with_physical_lines(tmp_path: Path, fault: str) -> None:
    from helpers.curate import labels

    text, path = _labels_text(), tmp_path / "labels.csv"
    edit, entry, problem = _LABEL_FAULTS[fault]
    if fault == "GBK bytes":
        path.write_bytes(text.encode("gb18030"))
    elif fault == "empty zh":
        lines = text.splitlines(keepends=True)
        n = next(i for i, ln in enumerate(lines) if ln.startswith("stage.leads.label,"))
        lines[n] = "stage.leads.label,Problem leads,\n"
        path.write_text("".join(lines), encoding="utf-8")
        entry, problem = f"line {n + 1} (key=stage.leads.label), column zh", "no zh text"
    else:
        path.write_text(edit(text), encoding="utf-8")
    if fault == "duplicate key":  # the physical line, not the record's number (labels span several lines)
        entry = f"line {len(text.splitlines()) + 1} (key=stage.transfers.bar)"
        assert len(text.splitlines()) > len(labels.load(labels.LABELS)) + 1
    with pytest.raises(DataError) as err:
        labels.load(path)
    msg = str(err.value)
    assert "\n" not in msg and str(path) in msg and entry in msg and problem in msg and "Fix:" in msg, msg


def test_04_labels_are_read_on_first_use_and_make_data_says_one_line(project_copy: Path) -> None:
    path = project_copy / "data/articles/xianning/curated/labels.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    env = {**os.environ, "PYTHONPATH": str(project_copy / "src")}
    imported = subprocess.run([sys.executable, "-c", "import helpers.tidy.tables, helpers.text.wording"],
                              cwd=project_copy, env=env, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr  # importing reads no label
    _one_line(run_tables(project_copy), "data/articles/xianning/curated/labels.csv: byte", "not UTF-8", "save it as UTF-8")


# ---- 3: the README generator checks the tables first ----

@pytest.mark.parametrize("check", [[], ["--check"]])
def test_03_readme_refuses_hand_edited_tables(project_copy: Path, check: list[str]) -> None:
    for name in ("README.md", "README.zh-CN.md"):
        shutil.copy(paths.ROOT / name, project_copy / name)
    before = {n: (project_copy / n).read_bytes() for n in ("README.md", "README.zh-CN.md")}
    for table, old, new in (("funnel", ",28,件,", ",82,件,"), ("figures", ",28,件,", ",82,件,")):
        path = project_copy / f"data/articles/xianning/tidy/{table}.csv"
        assert old in path.read_text(encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(project_copy / "src")}
    result = subprocess.run([sys.executable, "-m", "helpers.report.readme", *check], cwd=project_copy, env=env,
                            capture_output=True, text=True, timeout=120)
    _one_line(result, "data/articles/xianning/tidy/", "holds '82' where a fresh build from the article gives '28'", "git checkout")
    assert {n: (project_copy / n).read_bytes() for n in before} == before


# ---- 7: invalid values are refused before the tidy tables ----

def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("fault", ["month 13", "reversed interval", "constant 7"])
def test_07_invalid_values_are_refused_before_the_tidy_tables(project_copy: Path, fault: str) -> None:
    tidy = {p.name: p.read_bytes() for p in (project_copy / "data/articles/xianning/tidy").iterdir()}
    if fault == "month 13":
        _replace_in(project_copy / "data/articles/xianning/curated/quotes.csv", ",2016-07/2017-01,", ",2016-13/2017-01,")
        expected = ("data/articles/xianning/curated/quotes.csv: line ", "column period", "'2016-13/2017-01' is not a valid", "Fix:")
    elif fault == "reversed interval":
        _replace_in(project_copy / "data/articles/xianning/curated/quotes.csv", ",2016-07/2017-01,", ",2017-01/2016-07,")
        expected = ("data/articles/xianning/curated/quotes.csv: line ", "column period", "in order")
    else:
        _replace_in(project_copy / "data/articles/xianning/curated/derived.csv", "duration_routine_months * 30", "duration_routine_months * 7")
        expected = ("data/articles/xianning/curated/derived.csv: line ", "column formula", "the constant 7 is not allowed", "100 and 30")
    _one_line(run_tables(project_copy), *expected)
    assert {p.name: p.read_bytes() for p in (project_copy / "data/articles/xianning/tidy").iterdir()} == tidy


# ---- 8: the build itself refuses a typed digit or an empty language ----

def _report_copy(copy: Path) -> Path:
    shutil.copytree(paths.NOTEBOOKS, copy / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(paths.FIGURES, copy / "reports" / "figures")
    shutil.copy(paths.ROOT / "requirements.lock", copy / "requirements.lock")  # checked before a build
    shutil.copytree(paths.ROOT / "fonts", copy / "fonts")
    return copy


def _report(copy: Path, *args: str, env: dict | None = None, timeout: int = 300,
            pdf: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), **(env or {})}
    cmd = [sys.executable, "-m", "helpers.report", *([] if pdf else ["--lang", "en", "--no-pdf"]), "--jobs", "1", *args]
    return subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


_TEXT_FAULTS = {
    "digit in a label": ("data/articles/xianning/curated/labels.csv", "\nstage.transfers.bar,", "\nstage.transfers.bar,28 ",
                         "column en: the number(s) 28 are typed by hand"),
    "digit in prose": ("data/articles/xianning/texts/notebooks.csv", "{city_leads_transferred} of the leads were",
                       "28 of the leads were", "part 02.leads, column en: the number(s) 28 are typed by hand"),
    "empty Chinese prose": ("src/helpers/curate/notebooks.csv", ",全部{found}条引文都位于存档原文中记录的位置。", ",",
                            "part 01.located, column zh: the Chinese text is empty"),
}


@pytest.mark.parametrize("fault", _TEXT_FAULTS)
def test_08_build_refuses_typed_digits_and_empty_chinese(project_copy: Path, fault: str) -> None:
    from helpers.text import lint

    copy = _report_copy(project_copy)
    name, old, new, expected = _TEXT_FAULTS[fault]
    _replace_in(copy / name, old, new)
    if not name.endswith("notebooks.csv"):  # the sections of the notebooks are read by the copy's own build, below
        assert lint.defects(sorted((copy / "notebooks").glob("*.ipynb")), copy / "data/articles/xianning/curated/labels.csv")
    before = _files(copy / "reports")
    _one_line(_report(copy, "01-tidy-tables" if fault == "empty Chinese prose" else "02-funnel"), f"error: {name}: ",
              expected, "Fix:")
    assert _files(copy / "reports") == before


# ---- 5: environment drift and the shipped font, checked before a build uses them ----

def _drifted(monkeypatch: pytest.MonkeyPatch) -> str:
    from helpers.base import envcheck

    real = envcheck.installed_versions()
    locked = sorted(envcheck.locked_versions()["matplotlib"])
    monkeypatch.setattr(envcheck, "installed_versions", lambda: {**real, "matplotlib": "3.0.0"})
    return f"matplotlib 3.0.0 is installed, the lock pins {' or '.join(locked)}"


def test_05_environment_drift_stops_the_build_with_one_line(monkeypatch, capsys, tmp_path: Path) -> None:
    from helpers.base import envcheck
    from helpers.report import cli

    assert envcheck.env_drift() == [], "this environment itself differs from requirements.lock: run make setup"
    phrase = _drifted(monkeypatch)
    assert cli.main(["--out", str(tmp_path / "out"), "--lang", "en", "--no-pdf", "02-funnel"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("error: requirements.lock: environment: ") and phrase in err, err
    assert "Fix: run `make setup`" in err and envcheck.ALLOW_FLAG in err
    assert not (tmp_path / "out").exists()


def test_05_allowed_drift_never_overwrites_committed_figures(monkeypatch, capsys, tmp_path: Path) -> None:
    import nbformat

    from helpers.base import envcheck
    from helpers.report import execute as execute_module

    phrase = _drifted(monkeypatch)
    monkeypatch.setenv(envcheck.KEEP_FIGURES, "")  # records the value before the test, restored after it
    monkeypatch.delenv(envcheck.KEEP_FIGURES)
    envcheck.preflight(allow_drift=True, project=True)
    assert phrase in capsys.readouterr().out and os.environ[envcheck.KEEP_FIGURES] == "1"

    def fake_run(nb, lang, timeout, log, env):  # a notebook that draws one figure
        (Path(env["XN_FIGURES_DIR"]) / "funnel.en.png").write_bytes(b"drawn by other package versions")
        return nbformat.v4.new_notebook()
    monkeypatch.setattr(execute_module, "run", fake_run)
    committed = tmp_path / "figures" / "funnel.en.png"
    committed.parent.mkdir()
    committed.write_bytes((paths.FIGURES / "funnel.en.png").read_bytes())
    nb = tmp_path / "02-funnel.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), nb)
    execute_module.execute(tmp_path, "en", nb, tmp_path / "executed.ipynb", 60)
    assert committed.read_bytes() == (paths.FIGURES / "funnel.en.png").read_bytes()
    monkeypatch.delenv(envcheck.KEEP_FIGURES)
    execute_module.execute(tmp_path, "en", nb, tmp_path / "executed.ipynb", 60)  # without the flag: published
    assert committed.read_bytes() == b"drawn by other package versions"


@pytest.mark.parametrize("damage", ["deleted", "truncated", "random bytes"])
def test_05_missing_or_broken_shipped_font_is_one_line(project_copy: Path, damage: str) -> None:
    from helpers.base import envcheck

    copy = _report_copy(project_copy)
    font = copy / "fonts/NotoSansCJKsc-Subset-Regular.ttf"
    data = font.read_bytes()
    if damage == "deleted":
        font.unlink()
    else:
        font.write_bytes(data[: len(data) // 2] if damage == "truncated" else os.urandom(len(data)))
    problem = {"deleted": "is missing", "truncated": "is truncated", "random bytes": "is not a font file"}[damage]
    assert problem in (envcheck.font_problem(font) or "")
    before = _files(copy / "reports")
    _one_line(_report(copy, "02-funnel"), "error: fonts/NotoSansCJKsc-Subset-Regular.ttf: font: ", problem,
              "no system font stands in", "`git checkout fonts/`", "`make fonts`")
    assert _files(copy / "reports") == before
    font.write_bytes(data)
    assert envcheck.font_problem(font) is None


def _copy_what_make_setup_reads(tmp_path: Path) -> None:
    """The Makefile, the lock, pyproject.toml, etc/ and src/ in ``tmp_path``: enough for ``make setup``."""
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        shutil.copy(paths.ROOT / name, tmp_path / name)
    shutil.copytree(paths.ROOT / "etc", tmp_path / "etc")
    shutil.copytree(paths.ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))


@pytest.mark.needs("make")
def test_05_make_setup_notices_the_environment_no_longer_matches_the_lock(tmp_path: Path) -> None:
    from helpers.base import envcheck

    _copy_what_make_setup_reads(tmp_path)
    installed = tmp_path / "installed"
    args = ["make", "-n", "setup", f"PY={sys.executable}", f"INSTALLED={installed}"]
    installed.touch()
    assert subprocess.run(args, cwd=tmp_path, capture_output=True, text=True).stdout.strip() == "make: Nothing to be done for 'setup'."
    version = sorted(envcheck.locked_versions()["matplotlib"])[0]
    _replace_in(tmp_path / "requirements.lock", f"\nmatplotlib=={version} ", "\nmatplotlib==3.0.0 ")
    os.utime(tmp_path / "requirements.lock", (installed.stat().st_mtime - 10,) * 2)  # not newer than the stamp
    plan = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True).stdout
    assert f"setup: matplotlib {version} is installed, the lock pins 3.0.0: reinstalling" in plan, plan
    assert "pip install" in plan


# ---- 1: no usable font: a blank PDF is a failure, never "up to date" ----

_BLANK_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
              b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def test_01_no_usable_font_stops_the_build_before_printing(project_copy: Path, tmp_path: Path) -> None:
    from conftest import TOOLS

    if not (TOOLS["fontconfig"]() and sys.platform.startswith("linux")):
        pytest.skip("fontconfig (fc-list) is not here")
    copy = _report_copy(project_copy)
    conf = tmp_path / "empty.conf"
    conf.write_text("<fontconfig></fontconfig>\n", encoding="utf-8")
    before = _files(copy / "reports")
    result = _report(copy, "--lang", "zh", "--force", "02-funnel", env={"FONTCONFIG_FILE": str(conf)}, pdf=True)
    _one_line(result, "fontconfig finds no font", f"FONTCONFIG_FILE={conf}", "fc-list")
    assert _files(copy / "reports") == before


def test_01_a_printed_pdf_without_font_or_text_fails_and_is_removed(monkeypatch, tmp_path: Path) -> None:
    from helpers.base.pdfcheck import pdf_problem
    from helpers.report import build, pdf as pdf_module

    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_BLANK_PDF)
    assert "embeds no font" in (pdf_problem(blank) or "")
    real = sorted(paths.REPORTS.glob("*/02-funnel.pdf"))
    if real:  # a PDF the build printed (when one was built here) passes
        assert pdf_problem(real[0]) is None
    monkeypatch.setattr(pdf_module, "print_pdf",  # the browser returns blank pages: checked before publishing
                        lambda chrome, html, pdf, profile_root=None: pdf_module.publish(_BLANK_PDF, pdf))
    out = tmp_path / "zh" / "02-funnel.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF- an older print")
    failed = build.run_step("pdf.print_pdf", ("chromium", tmp_path / "x.html", out, tmp_path), [out])
    assert type(failed).__name__ == "TaskFailed" and not out.exists() and not list(out.parent.iterdir())
    assert "zh/02-funnel.pdf: fonts: the printed PDF embeds no font" in failed.message and "Fix:" in failed.message
    assert "\n" not in failed.message.strip()


# ---- 9: a removed notebook's pages are pruned ----

def test_09_removed_notebooks_pages_are_pruned(monkeypatch, tmp_path: Path) -> None:
    import nbformat

    from helpers.report import build

    folder, out = tmp_path / "nb", tmp_path / "out"
    folder.mkdir()
    nbs = []
    for name in ("01-kept", "02-removed"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {name}")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"{name}.ipynb")
        nbs.append(folder / f"{name}.ipynb")
    monkeypatch.setattr(build, "discover", lambda: sorted(folder.glob("*.ipynb")))
    result = build.build(None, out, ("en",), pdf=False, deps=[], echo=None)
    assert result.ok and (out / "en/02-removed.html").is_file()
    hand_made = out / "en" / "notes.html"  # a page the build never made stays
    hand_made.write_text("mine", encoding="utf-8")
    nbs[1].unlink()
    result = build.build(None, out, ("en",), pdf=False, deps=[], echo=None)
    assert result.ok and (out / "en/01-kept.html").is_file() and hand_made.is_file()
    assert not (out / "en/02-removed.html").exists() and not (out / ".build/executed/en/02-removed.ipynb").exists()
    assert "02-removed" not in (out / "index.html").read_text(encoding="utf-8")
    state = json.loads((out / ".build/doit.json").read_text(encoding="utf-8"))
    assert not [task for task in state if task.startswith("en/02-removed|")]


# ---- 11: unknown curated columns are refused; junk in data/tidy/ is ignored (nothing reruns) ----

@pytest.mark.parametrize("name", ["quotes.csv", "labels.csv"])
def test_11_unknown_column_in_a_curated_file_is_refused(project_copy: Path, name: str) -> None:
    path = project_copy / paths.CURATED_REL / name
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] += ",comment"
    path.write_text("\n".join(lines), encoding="utf-8")
    _one_line(run_tables(project_copy), f"{paths.CURATED_REL}/{name}: header, column comment: is not a column of this file",
              "Fix: delete the column or fix its name")


def test_11_junk_in_data_tidy_is_ignored_and_reruns_nothing(project_copy: Path) -> None:
    from helpers.report.build import inputs
    from helpers.tidy.tidyset import TABLE_NAMES, stamp_matches

    assert run_tables(project_copy).returncode == 0
    tidy = project_copy / paths.TIDY_REL
    (tidy / "junk.txt").write_text("junk\n", encoding="utf-8")
    (tidy / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    deps = {p.name for kind in ("notebook", "article") for p in inputs(kind, project_copy) if p.parent == tidy}
    assert deps == {f"{n}.csv" for n in TABLE_NAMES} and "figures.csv" in deps
    assert stamp_matches(root=project_copy)  # the freshness check still vouches for the tables


# ---- 12: rough messages made clean ----

def _execute_step_over_a_committed_figure(tmp_path: Path, lang: str):
    """Run the build's execute step (its kernel faked by the test) where ``funnel.<lang>.png`` is committed;
    returns doit's failure, the output folder and the executed notebook's path."""
    import nbformat

    from helpers.report import build

    out = tmp_path / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / f"funnel.{lang}.png").write_bytes(b"committed")
    nb = tmp_path / "02-funnel.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), nb)
    executed = out / f".build/executed/{lang}/02-funnel.ipynb"
    return build.run_step("execute.execute", (out, lang, nb, executed, 60), [executed]), out, executed


def test_12_disk_full_is_one_line_and_leaves_nothing_partial(monkeypatch, tmp_path: Path) -> None:
    import errno
    from types import SimpleNamespace

    import nbformat

    from helpers.base import fileio
    from helpers.report import build, execute as execute_module

    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")
    with monkeypatch.context() as m:  # the writer: a disk that fills up mid-write keeps the old file whole
        m.setattr(fileio.os, "fsync", full)
        with pytest.raises(OSError):
            fileio.write_text_atomic(target, "new " * 1000)
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["page.html"]

    def fake_run(nb, lang, timeout, log, env):
        (Path(env["XN_FIGURES_DIR"]) / "funnel.en.png").write_bytes(b"new figure")
        return nbformat.v4.new_notebook()

    def no_space(path, text):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))
    monkeypatch.setattr(execute_module, "run", fake_run)
    monkeypatch.setattr(execute_module, "write_text_atomic", no_space)
    failed, out, executed = _execute_step_over_a_committed_figure(tmp_path, "en")
    assert "cannot write (No space left on device); nothing partial was kept. Fix: free space" in failed.message
    assert (out / "figures" / "funnel.en.png").read_bytes() == b"committed"
    assert not list((out / ".build").rglob("*.png")) and not list(out.rglob("*.tmp"))
    # several outputs failing for the same full disk: the build says it once
    said: list[str] = []
    reporter = build._Build(out, None, "unknown", {}, said.append)
    reporter.items = {k: build.NotebookResult(k, "en") for k in ("en/01-a", "en/02-b", "en/03-c")}
    for key in ("en/01-a", "en/02-b"):
        reporter.add_failure(SimpleNamespace(name=f"{key}|html"), SimpleNamespace(message=f"reports/{key}.html: "
                             "cannot write (No space left on device); nothing partial was kept. Fix: free space"))
    reporter.add_failure(SimpleNamespace(name="en/03-c|execute"), SimpleNamespace(  # a kernel's own message
        message="cell 9: OSError: [Errno 28] No space left on device: 'reports/figures/x.png'"))
    assert len(said) == 1 and all(i.status == "failed" for i in reporter.items.values())


def test_12_read_only_figures_does_not_suggest_out(monkeypatch, capsys, tmp_path: Path) -> None:
    import tempfile

    from helpers.base import fileio
    from helpers.report import cli

    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kw):
        if Path(dir) == paths.FIGURES:
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kw)
    monkeypatch.setattr(fileio.tempfile, "mkstemp", mkstemp)
    assert cli.main(["--out", str(tmp_path / "out"), "--lang", "en", "--no-pdf", "02-funnel"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("error: reports/figures: folder: cannot be written (Permission denied)")
    assert "chmod -R u+w reports/figures" in err and "--out DIR" not in err, err


def test_12_hung_chromium_fails_fast_with_one_line(monkeypatch, tmp_path: Path) -> None:
    from helpers.report import pdf

    chrome = tmp_path / "chromium"
    chrome.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    chrome.chmod(0o755)
    monkeypatch.setenv("XN_CHROME_TIMEOUT", "1")
    html = tmp_path / "page.html"
    html.write_text("<p>x</p>", encoding="utf-8")
    try:
        errors = []
        for name in ("a.pdf", "b.pdf"):  # the second fails at once, with the same line
            with pytest.raises(pdf.PrintFailed) as err:
                pdf.print_pdf(str(chrome), html, tmp_path / name, profile_root=tmp_path / "profiles")
            errors.append(str(err.value))
    finally:
        pdf.shutdown()
    assert errors[0] == errors[1] and "\n" not in errors[0]
    assert "chromium did not answer within 1 s" in errors[0] and "Fix:" in errors[0] and "CHROME=" in errors[0]
    assert not list(tmp_path.glob("*.pdf"))


def test_12_truncated_article_is_blamed_on_the_checksum(project_copy: Path) -> None:
    article = project_copy / paths.RAW_REL / paths.ARTICLE.name
    raw = article.read_bytes()
    cut = next(n for n in range(len(raw) // 2, len(raw)) if raw[n] & 0xC0 == 0x80)  # inside a character
    article.write_bytes(raw[:cut])
    line = _one_line(run_tables(project_copy), f"{paths.RAW_REL}/{paths.ARTICLE.name}: sha256: the article has changed",
                     "truncated", "git checkout --")
    assert "GBK" not in line


@pytest.mark.needs("make")
def test_12_edited_lock_is_one_line_not_the_installers_output(tmp_path: Path) -> None:
    _copy_what_make_setup_reads(tmp_path)
    uv = tmp_path / "uv"  # stands in for the installer's long hash-mismatch report
    uv.write_text('#!/bin/sh\nfor i in $(seq 59); do echo "  hash mismatch for line $i" >&2; done\nexit 1\n')
    uv.chmod(0o755)
    result = subprocess.run(["make", "setup", f"PY={sys.executable}", f"INSTALLED={tmp_path / 'installed'}",
                             f"UV={uv}"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    _one_line(result, "setup: installing requirements.lock failed", "full log: .tools/setup.log",
              "git checkout -- requirements.lock", "make lock")
    assert "hash mismatch for line 59" in (tmp_path / ".tools/setup.log").read_text()


def test_12_unknown_placeholder_in_a_label_names_file_and_key(monkeypatch) -> None:
    from helpers.curate import labels
    from helpers.text import wording

    real = labels.raw
    monkeypatch.setattr(labels, "raw", lambda key, lang, *a: "Leads {nope}" if key == "chart.funnel.title"
                        else real(key, lang, *a))
    with pytest.raises(DataError) as err:
        wording.text("chart.funnel.title", "en")
    msg = str(err.value)
    from helpers.base.errors import repo_path

    assert msg.startswith(f"{repo_path(labels.source('chart.funnel.title'))}: key chart.funnel.title, column en: {{nope}} is neither") and "Fix:" in msg


def test_05_a_broken_shipped_font_is_never_drawn_with_silently(monkeypatch, tmp_path: Path) -> None:
    from helpers.text import fonts

    broken = tmp_path / "NotoSansCJKsc-Subset-Regular.ttf"
    broken.write_bytes((paths.ROOT / "fonts/NotoSansCJKsc-Subset-Regular.ttf").read_bytes()[:5000])
    shutil.copy(paths.ROOT / "fonts/NotoSansCJKsc-Subset-Bold.ttf", tmp_path)
    monkeypatch.setattr(fonts, "font_path", lambda weight: tmp_path / f"NotoSansCJKsc-Subset-{weight}.ttf")
    monkeypatch.setattr(fonts, "_loaded", {})
    with pytest.warns(fonts.ShippedFontWarning, match="the shipped font is truncated.*git checkout fonts/"):
        assert fonts.shipped_font() is None


def test_01_a_chart_with_missing_glyphs_fails_and_publishes_nothing(monkeypatch, tmp_path: Path) -> None:
    import nbformat

    from helpers.report import execute as execute_module

    def boxes(nb, lang, timeout, log, env):  # a kernel whose chart lost its font (e.g. CRLF labels)
        (Path(env["XN_FIGURES_DIR"]) / "funnel.zh.png").write_bytes(b"drawn with boxes")
        cell = nbformat.v4.new_code_cell("charts.publish(fig)")
        cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text=(
            "/x/charts.py:1: UserWarning: Glyph 13 (\\r) missing from font(s) Noto Sans CJK SC.\n"))]
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("x"), cell])
    monkeypatch.setattr(execute_module, "run", boxes)
    failed, out, executed = _execute_step_over_a_committed_figure(tmp_path, "zh")
    assert "02-funnel.ipynb: cell 2: a chart drew a character no font has (Glyph 13" in failed.message
    assert "Fix:" in failed.message and "\n" not in failed.message
    assert (out / "figures" / "funnel.zh.png").read_bytes() == b"committed" and not executed.exists()
