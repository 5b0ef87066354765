"""Shared fixtures: the verified article and the tidy tables, built once per session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.base import paths
from helpers.source.article import Article, load_article
from helpers.tidy.tables import build_all

# `make test` runs pytest inside make: a test that runs make itself must see what a user's top-level
# make prints ("make: ...", not "make[1]: Entering directory ..."), so make's own variables are dropped.
for _name in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES"):
    os.environ.pop(_name, None)


@pytest.fixture(scope="session")
def article() -> Article:
    return load_article()


@pytest.fixture(scope="session")
def built(article: Article) -> dict[str, pd.DataFrame]:
    """Every tidy table as the code builds it from the article now."""
    return build_all(article)


@pytest.fixture(scope="session")
def figures(built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return built["figures"]


@pytest.fixture(scope="session")
def value(figures: pd.DataFrame):
    """Look up a figure's value by id."""
    values = dict(zip(figures["figure_id"], figures["value"]))
    return values.__getitem__


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throw-away copy of data/ and src/ in which inputs may be broken."""
    for folder in ("data", "src"):
        shutil.copytree(paths.ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return tmp_path


def run_tables(copy: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``python -m helpers.tidy.tables`` against a project copy."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    return subprocess.run([sys.executable, "-m", "helpers.tidy.tables", *args], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------------------------------------
# Tools a test needs: missing outside CI -> skip (the reason shows in pytest's summary, -rs);
# missing under CI (CI=true) -> the test FAILS, so a CI image without them cannot pass quietly.

IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
APT = "apt-get install chromium-headless-shell fonts-noto-cjk poppler-utils make git"


def _have_chromium() -> bool:
    from helpers.report.pdf import ChromeMissing, find_chrome

    try:
        find_chrome()
    except ChromeMissing:
        return False
    return True


def _have_noto_cjk() -> bool:
    from helpers.text import fontsubset

    try:
        fontsubset.find_source("Regular"), fontsubset.find_source("Bold")
    except SystemExit:
        return False
    return True


#: tool name -> how to tell it is here
TOOLS: dict[str, object] = {
    "chromium": _have_chromium,
    "poppler": lambda: all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo")),
    "make": lambda: shutil.which("make") is not None,
    "git": lambda: shutil.which("git") is not None,
    "fontconfig": lambda: shutil.which("fc-list") is not None,
    "noto-cjk": _have_noto_cjk,
    "setpriv": lambda: shutil.which("setpriv") is not None,
}


def need(*tools: str) -> None:
    """Skip the running test when a tool is missing (fail instead when CI is set)."""
    missing = [t for t in tools if not TOOLS[t]()]  # type: ignore[operator]
    if missing:
        why = f"missing {', '.join(missing)} ({APT})"
        if IN_CI:
            pytest.fail(f"CI: {why}", pytrace=False)
        pytest.skip(why)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs(*tools): the test needs these tools (see conftest.TOOLS)")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs"):
        need(*mark.args)


# ---------------------------------------------------------------------------------------------
# The project's report, built ONCE per test session through the user's command
# (`python -m helpers.report --out TMP NOTEBOOK...`), shared by every test that needs a built report
# (test_notebooks, test_language_share, test_report_project).

PROJECT_NOTEBOOKS = paths.notebooks()
LANGS = ("en", "zh")


class ProjectBuild:
    """One build of every project notebook in both languages (PDFs when Chromium and poppler are here).

    The notebooks are copies in an otherwise empty folder, so the kernels' working directory holds
    nothing of the project: a relative path in a notebook fails here.
    """

    def __init__(self, out: Path, cwd: Path, notebooks: list[Path], proc: subprocess.CompletedProcess, pdf: bool):
        self.out, self.cwd, self.notebooks, self.proc, self.pdf = out, cwd, notebooks, proc, pdf

    @property
    def ok(self) -> bool:
        return self.proc.returncode == 0

    @property
    def log(self) -> str:
        return f"$ {' '.join(map(str, self.proc.args))}\n{self.proc.stdout}{self.proc.stderr}"

    def executed(self, lang: str, name: str):
        """The executed notebook ``name`` in ``lang`` (wherever under the output folder the build keeps it)."""
        import nbformat

        found = [p for p in self.out.rglob(f"{name}.ipynb") if p.parent.name == lang]
        assert len(found) == 1, f"executed {lang}/{name}.ipynb not found once under {self.out}: {found}\n{self.log}"
        return nbformat.read(found[0], as_version=4)


@pytest.fixture(scope="session")
def project_build(tmp_path_factory: pytest.TempPathFactory) -> ProjectBuild:
    """Built once per test session: `make test` runs on every core (pytest-xdist, ``-n auto``) and the workers
    share the first one's build (a lock and a record in the session's temporary folder)."""
    import fcntl
    import json

    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the session's folder either way
    with open(root / "project-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = root / "project-build.json"
        if not record.exists():
            cwd, out = root / "project-elsewhere", root / "project-report"
            cwd.mkdir()
            notebooks = [Path(shutil.copy(p, cwd / p.name)) for p in PROJECT_NOTEBOOKS]
            pdf = TOOLS["chromium"]() and TOOLS["poppler"]()  # type: ignore[operator]
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(
                p for p in (str(paths.ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)}
            cmd = [sys.executable, "-m", "helpers.report", "--out", str(out), "--force",
                   *([] if pdf else ["--no-pdf"]), *map(str, notebooks)]
            proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
            record.write_text(json.dumps({"out": str(out), "cwd": str(cwd), "notebooks": list(map(str, notebooks)),
                                          "args": cmd, "returncode": proc.returncode, "stdout": proc.stdout,
                                          "stderr": proc.stderr, "pdf": pdf}), encoding="utf-8")
        r = json.loads(record.read_text(encoding="utf-8"))
    proc = subprocess.CompletedProcess(r["args"], r["returncode"], r["stdout"], r["stderr"])
    return ProjectBuild(Path(r["out"]), Path(r["cwd"]), [Path(p) for p in r["notebooks"]], proc, r["pdf"])


@pytest.fixture(autouse=True)
def _project_env_unchanged():
    """A test that leaves one of the project's variables (XN_*, XIANNING_*) set or changed fails: a leak
    silently changes what every later test's build does (XN_KEEP_FIGURES once kept hand-edited figures)."""
    def ours() -> dict[str, str]:
        return {k: v for k, v in os.environ.items() if k.startswith(("XN_", "XIANNING_"))}
    before = ours()
    yield
    after = ours()
    assert after == before, f"the test changed the project's environment variables: {before} -> {after}"
