"""The build as doit tasks: one task per stage of each output, run by doit's threaded runner.

Per language and notebook ``execute`` -> ``html`` -> ``pdf``; per language ``reader-report``
(html -> pdf, from the executed notebooks) and ``article`` (the annotated article); then
``index.html``. doit decides what is stale: every input is a ``file_dep`` (content hash, with
doit's size-and-time shortcut), package versions, Python, the language and Chromium's version are
``config_changed``, and :func:`_intact` refuses an output that changed on disk or was drawn without
the project's fonts. The state lives in ``<out>/.build/doit.json``, saved whole after every task,
so a killed build keeps what it finished; a lock lets one build at a time work on a folder.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

from .. import paths
from ..fileio import write_text_atomic
from . import LANGS

READER = "reader-report"
#: Packages whose version changes what a notebook draws or how it is exported.
PACKAGES = ("matplotlib", "pandas", "numpy", "seaborn", "fonttools", "pillow", "nbconvert", "nbclient",
            "nbformat", "ipykernel", "jupyter_client", "mistune", "jinja2", "pygments", "matplotlib-inline")
#: Text in an executed notebook that shows a font was missing (the output is then a fallback).
FALLBACK_SIGNS = ("MissingCJKFontWarning", "missing from font", "findfont: Font family", "findfont: Failed")
HERE = Path(__file__).parent


def font_files() -> list[Path]:
    """The fonts the charts and pages are drawn with: the shipped subset, then the system fallback."""
    from ..fontsubset import SYSTEM_DIRS, WEIGHTS, font_path

    files = [font_path(w) for w in WEIGHTS]
    if os.environ.get("XN_SYSTEM_CJK", "1") != "0":
        files += [p for p in (Path(d) / "NotoSansCJK-Regular.ttc" for d in SYSTEM_DIRS) if p.is_file()][:1]
    return [f for f in files if f.is_file()]


def inputs(kind: str, root: Path = paths.ROOT) -> list[Path]:
    """Every input of the build, declared once (the tidy tables' own inputs: ``tidyset.input_files``).

    ``notebook``: what re-executes every notebook (tidy data, datapackage, helpers but this package);
    ``export``: the page and print code; ``article``: what the annotated article page is made from.
    """
    src = root / "src" / "helpers"
    if kind == "notebook":
        return [*sorted(p for p in (root / "data" / "tidy").glob("*") if p.is_file()), paths.DATAPACKAGE,
                *sorted(p for p in src.rglob("*.py") if HERE not in p.parents)]
    if kind == "export":
        return [HERE / n for n in ("export_html.py", "fonts.py", "pdf.py", "reader.py")] + font_files()
    return [paths.ARTICLE, paths.ARTICLE_META, paths.CURATED / "left_out.csv", paths.DATAPACKAGE,
            *sorted((root / "data" / "tidy").glob("*.csv")), *sorted(paths.NOTEBOOKS.glob("*.ipynb")),
            *sorted((src / "charts").glob("*.py")), *sorted(HERE.glob("article_*.py")), HERE / "fonts.py",
            *[src / n for n in ("prose.py", "coverage.py", "numerals.py", "load.py", "article.py", "fonts.py")],
            *font_files()]


@dataclass
class NotebookResult:
    """Outcome of one output (a notebook in one language, a reader's report, an article page)."""

    key: str
    lang: str
    path: Path | None
    status: str = "skipped"  # "built", "skipped" or "failed"
    error: str | None = None
    executed: Path | None = None
    times: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildResult:
    """Everything a build did; ``ok`` is False if any output failed or PDFs could not be made."""

    out_dir: Path
    items: list[NotebookResult] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    index: Path | None = None
    watched: list[str] = field(default_factory=list)  # every file and folder the plan consulted
    fallback: bool = False  # some output was made without the project's fonts

    @property
    def ok(self) -> bool:
        return not self.messages and all(i.status != "failed" for i in self.items)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def get(self, key: str) -> NotebookResult:
        """The result of ``key`` (e.g. ``"en/01-name"``)."""
        return next(i for i in self.items if i.key == key)


def discover(notebooks_dir: Path = paths.NOTEBOOKS) -> list[Path]:
    """The project's notebooks, in file-name order."""
    return sorted(p for p in Path(notebooks_dir).glob("*.ipynb") if not p.name.startswith("."))


def _stamp(path: Path) -> list:
    """Size, time and sha256 of an output (what :func:`_intact` compares)."""
    import hashlib

    st = path.stat()
    with open(path, "rb") as handle:
        return [st.st_size, st.st_mtime_ns, hashlib.file_digest(handle, "sha256").hexdigest()]


def _intact(task: Any, values: dict) -> bool:
    """doit ``uptodate``: every recorded output is on disk unchanged, and none is a font fallback."""
    if values.get("fallback"):
        return False
    for path, (size, mtime, sha) in values.get("outs", {}).items():
        try:
            st = os.stat(path)
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns) != (size, mtime) and _stamp(Path(path))[2] != sha:
            return False
    return True


def _signs(nb: Any) -> list[str]:
    """Outputs of ``nb`` showing that a font was missing while it ran."""
    return [f"cell {i}: {s}" for i, c in enumerate(nb.cells) for o in c.get("outputs", [])
            for s in FALLBACK_SIGNS if s in str(o.get("text", "")) + str(o.get("data", {}))]


def _guard(fn: Callable[..., dict], drop: list[Path]) -> Callable[..., Any]:
    """``fn`` as a doit action: its dict of outputs, or TaskFailed after removing ``drop`` (nothing stale stays)."""
    def action() -> Any:
        from doit.exceptions import TaskFailed

        from .execute import NotebookFailed

        try:
            return fn()
        except Exception as err:  # noqa: BLE001 - reported as one line, the build goes on
            for path in drop:
                path.unlink(missing_ok=True)
            return TaskFailed(str(err) if isinstance(err, NotebookFailed) else f"{type(err).__name__}: {err}")
    return action


class _Plan:
    """The doit tasks of one build, their actions, and the report of what happened."""

    def __init__(self, out: Path, langs: Sequence[str], chrome: str | None, timeout: int, article: bool) -> None:
        self.out, self.langs, self.chrome, self.timeout = out, list(langs), chrome, timeout
        self.article = article
        self.tasks: list[Any] = []
        self.keys: dict[str, list[str]] = {}  # key -> its task names
        self.paths: dict[str, Path] = {}  # key -> its notebook

    def task(self, key: str, stage: str, action: Callable[[], Any], deps: list[Path], targets: list[Path],
             config: dict | None = None) -> None:
        from doit.task import Task
        from doit.tools import config_changed

        name = f"{key}|{stage}"
        self.keys.setdefault(key, []).append(name)
        self.tasks.append(Task(name, [(action,)], file_dep=[str(d) for d in deps], targets=[str(t) for t in targets],
                               uptodate=[_intact, *([config_changed(config)] if config else [])],
                               verbosity=2, io={"capture": False}))

    def html(self, key: str, lang: str, load: Callable[[], Any], title: str, reader: bool, src: list[Path],
             config: dict) -> None:
        """The HTML (and PDF) stages of one page made from notebook(s) ``src``."""
        html, pdf = self.out / lang / f"{key.split('/')[1]}.html", self.out / lang / f"{key.split('/')[1]}.pdf"

        def export() -> dict:
            from .export_html import to_html

            page = to_html(load(), title, reader=reader)
            write_text_atomic(html, page)
            pdf.unlink(missing_ok=True)  # the old PDF no longer matches the new page
            bad = "id=\"report-cjk\"" not in page and any(ord(c) >= 0x2E80 for c in page)
            return {"outs": {str(html): _stamp(html)}, "fallback": ["html: Chinese text without the embedded font"] * bad}

        self.task(key, "html", _guard(export, [html, pdf]), src + inputs("export"), [html], config)
        if self.chrome:
            def print_() -> dict:
                from .pdf import print_pdf

                print_pdf(self.chrome, html, pdf, profile_root=self.out / ".build" / "chrome")
                return {"outs": {str(pdf): _stamp(pdf)}}

            self.task(key, "pdf", _guard(print_, [pdf]), [html], [pdf], {"chrome": self.version()})

    def version(self) -> str:
        """Chromium's ``--version`` (asked once per build)."""
        if not hasattr(self, "_version"):
            import subprocess

            out = subprocess.run([self.chrome, "--version"], capture_output=True, text=True, timeout=30,
                                 stdin=subprocess.DEVNULL).stdout.strip()
            self._version = out or f"unknown {os.stat(self.chrome).st_size}"
        return self._version

    def notebook(self, lang: str, nb: Path, deps: list[Path], config: dict) -> Path:
        """The stages of notebook ``nb`` in ``lang``; returns the executed notebook's path."""
        key, executed = f"{lang}/{nb.stem}", self.out / ".build" / "executed" / lang / f"{nb.stem}.ipynb"
        self.paths[key] = nb
        page = [self.out / lang / f"{nb.stem}.{ext}" for ext in ("html", "pdf")]
        reader = [self.out / lang / f"{READER}.{ext}" for ext in ("html", "pdf")]

        def execute() -> dict:
            import shutil

            import nbformat

            from .execute import execute as run

            # figures go to a folder of this run first: a failed run changes no published figure
            stage = self.out / ".build" / "stage" / f"{lang}-{nb.stem}"
            log = self.out / ".build" / "logs" / f"{lang}-{nb.stem}.kernel.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(stage, ignore_errors=True)
            stage.mkdir(parents=True)
            try:
                done = run(nb.read_bytes(), nb, lang, self.timeout, log, env={"XN_FIGURES_DIR": str(stage)})
                write_text_atomic(executed, nbformat.writes(done))
                outs = {str(executed): _stamp(executed)}
                for fig in sorted(p for p in stage.iterdir() if p.is_file() and not p.name.startswith(".")):
                    (self.out / "figures").mkdir(exist_ok=True)
                    os.replace(fig, self.out / "figures" / fig.name)
                    outs[str(self.out / "figures" / fig.name)] = _stamp(self.out / "figures" / fig.name)
            finally:
                shutil.rmtree(stage, ignore_errors=True)
            return {"outs": outs, "fallback": _signs(done)}

        self.task(key, "execute", _guard(execute, [executed, *page, *reader]), [nb, *deps, *font_files()], [executed],
                  {**config, "lang": lang})

        def load() -> Any:
            import nbformat

            return nbformat.read(executed, as_version=4)

        self.html(key, lang, load, nb.stem, False, [executed], config)
        return executed

    def reader(self, lang: str, executed: list[Path], config: dict) -> None:
        """The reader's report of ``lang`` from its executed notebooks."""
        def load() -> Any:
            import nbformat

            from .reader import merge_for_reader

            nbs = [nbformat.read(p, as_version=4) for p in executed]
            return merge_for_reader(nbs, lang, self.out / "figures")

        from .reader import reader_title

        self.html(f"{lang}/{READER}", lang, load, reader_title(lang), True, executed, config)

    def article_page(self, lang: str) -> None:
        """``<lang>/article.html``: the article with every number marked (see :mod:`.article_page`)."""
        path = self.out / lang / "article.html"

        def render() -> dict:
            from .article_page import load_page_data, render_page
            from .fonts import cjk_font_css

            data = load_page_data()
            write_text_atomic(path, render_page(data, lang, cjk_font_css(render_page(data, lang))))
            return {"outs": {str(path): _stamp(path)}}

        self.task(f"{lang}/article", "html", _guard(render, [path]), inputs("article"), [path], {"lang": lang})

    def index(self, names: list[str], say: Callable[[str], None]) -> list[str]:
        """The task that rewrites ``index.html`` when the linked outputs or the article changed."""
        links = {lang: [(n, {e.upper(): f"{lang}/{n}.{e}" for e in ("html", "pdf")
                             if (self.out / lang / f"{n}.{e}").exists()}) for n in names] for lang in self.langs}
        index, messages = self.out / "index.html", []

        def write() -> dict:
            from .index import article_stamp, render_index

            stamp = article_stamp()
            if not stamp.verified:
                messages.append(f"[FAIL] article: {stamp.note}")
            date = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
            write_text_atomic(index, render_index(links, date, stamp))
            say(f"[ok]   index.html  ({date})")
            return {"outs": {str(index): _stamp(index)}}

        files = [paths.ARTICLE, paths.ARTICLE_META, HERE / "index.py"]
        files += [self.out / h for rows in links.values() for _, hrefs in rows for h in hrefs.values()]
        self.task("index", "html", write, files, [index], {"links": links})
        return messages


class _Reporter:
    """doit reporter: one line per output once all its stages are done ("[ok]", "[skip]" or "[FAIL]")."""

    def __init__(self, plan: _Plan, result: BuildResult, echo: Callable[[str], None]) -> None:
        self.plan, self.result, self.echo = plan, result, echo
        self.pending = {k: len(v) for k, v in plan.keys.items()}
        self.items = {k: NotebookResult(k, k.split("/")[0], None) for k in plan.keys if k != "index"}
        self.started: dict[str, float] = {}
        self.notes: dict[str, list[str]] = {}

    def _done(self, task: Any, status: str, error: str | None = None) -> None:
        key, stage = task.name.split("|")
        if key not in self.items:
            return
        item = self.items[key]
        self.pending[key] -= 1
        if status == "failed":
            if item.status != "failed":
                item.status, item.error = "failed", error
                nb = self.plan.paths.get(key)
                where = f" ({nb}) [language {item.lang}]:" if nb and stage != "pdf" else ""
                self.echo(f"[FAIL] {key}{where}  {'PDF not printed: ' if stage == 'pdf' else ''}{error}")
            return
        if status == "built":
            item.times[stage] = time.perf_counter() - self.started.get(task.name, time.perf_counter())
            self.notes.setdefault(key, []).extend(task.values.get("fallback", []))
            self.result.fallback |= bool(task.values.get("fallback"))
            item.status = "failed" if item.status == "failed" else "built"
        if self.pending[key] == 0 and item.status == "skipped":
            self.echo(f"[skip] {key}  up to date")
        elif self.pending[key] == 0 and item.status == "built":
            names, note = {"execute": "executed"}, self.notes.get(key)
            note = f"  (made without the project's fonts: rebuilt next time; {note[0]})" if note else ""
            self.echo(f"[ok]   {key}  " + ", ".join(f"{names.get(s, s)} {t:.1f} s" for s, t in item.times.items())
                      + note)

    def execute_task(self, task: Any) -> None:
        self.started[task.name] = time.perf_counter()

    def add_success(self, task: Any) -> None:
        self._done(task, "built")

    def skip_uptodate(self, task: Any) -> None:
        self._done(task, "skipped")

    def add_failure(self, task: Any, fail: Any) -> None:
        from doit.exceptions import UnmetDependency

        unmet = isinstance(fail, UnmetDependency)
        msg = "not built because a notebook of this language failed" if unmet and READER in task.name else (
            None if unmet else fail.message.strip())
        self._done(task, "failed", msg)

    def __getattr__(self, name: str) -> Callable[..., None]:  # initialize, get_status, complete_run, ...
        return lambda *args, **kw: None


def _state(out: Path) -> Any:
    """doit's dependency store in ``<out>/.build/doit.json``, written whole after every finished task."""
    from doit.dependency import Dependency, JsonDB

    class WholeJsonDB(JsonDB):
        def dump(self) -> None:
            write_text_atomic(Path(self.name), self.codec.encode(self._db))

    class Saved(Dependency):
        def save_success(self, task: Any, result_hash: Any = None) -> None:
            super().save_success(task, result_hash)
            self.backend.dump()

    return Saved(WholeJsonDB, str(out / ".build" / "doit.json"))


def _run(tasks: list[Any], state: Any, reporter: _Reporter, jobs: int, force: bool) -> None:
    from doit.control import TaskControl
    from doit.runner import MThreadRunner
    from doit.task import Stream

    control = TaskControl(tasks)
    control.process(None)
    MThreadRunner(state, reporter, True, force, Stream(2), jobs).run_all(control.task_dispatcher())


def _clean_leftovers(out: Path) -> None:
    """Remove temporary files a killed build left behind (never complete outputs)."""
    import shutil

    from .pdf import clean_profiles

    for tmp in out.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
    shutil.rmtree(out / ".build" / "stage", ignore_errors=True)
    clean_profiles(out / ".build" / "chrome")


def build(notebooks: list[Path] | None = None, out_dir: Path = paths.REPORTS, langs: Sequence[str] = LANGS,
          pdf: bool = True, jobs: int | None = None, force: bool = False, *, deps: list[Path] | None = None,
          timeout: int = 600, echo: Callable[[str], None] | None = print) -> BuildResult:
    """Build every notebook (default: ``notebooks/*.ipynb``) in every language into ``out_dir``.

    ``deps`` are the files whose change re-executes every notebook (default: :func:`inputs` "notebook",
    and then the article pages are built too). ``jobs`` defaults to the cores plus one.
    """
    import fcntl
    from importlib.metadata import PackageNotFoundError, version

    nbs = discover() if notebooks is None else [Path(p).resolve() for p in notebooks]
    if len({p.stem for p in nbs}) != len(nbs):
        raise ValueError(f"two notebooks share a name: {[p.stem for p in nbs]}")
    out = Path(out_dir).resolve()
    result = BuildResult(out)

    def say(msg: str) -> None:
        if echo is not None:
            echo(msg)
            sys.stdout.flush()

    chrome = None
    if pdf:
        from .pdf import ChromeMissing, find_chrome

        try:
            chrome = find_chrome()
        except ChromeMissing as err:
            result.messages.append(f"[FAIL] PDFs not built: {err}")
            say(result.messages[-1])
    (out / ".build").mkdir(parents=True, exist_ok=True)
    with open(out / ".build" / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time per folder; a second one waits, then skips
        _clean_leftovers(out)

        def ver(name: str) -> str:
            try:
                return version(name)
            except PackageNotFoundError:
                return "-"
        config = {"python": sys.version, "packages": {n: ver(n) for n in PACKAGES}}
        plan = _Plan(out, langs, chrome, timeout, deps is None)
        dep_files = inputs("notebook") if deps is None else [Path(d) for d in deps]
        for lang in plan.langs:
            executed = [plan.notebook(lang, nb, dep_files, config) for nb in nbs]
            if executed:
                plan.reader(lang, executed, config)
            if plan.article:
                plan.article_page(lang)
        state = _state(out)
        reporter = _Reporter(plan, result, say)
        _run(plan.tasks, state, reporter, jobs or (os.cpu_count() or 1) + 1, force)
        result.items = list(reporter.items.values())
        names = [*([READER] if nbs else []), *(["article"] if plan.article else []), *(nb.stem for nb in nbs)]
        index_messages = plan.index(names, say)
        _run(plan.tasks[-1:], state, reporter, 1, force)
        result.messages += index_messages
        result.index = out / "index.html"
        for item in result.items:
            name = item.key.split("/")[1]
            item.path = next((nb for nb in nbs if nb.stem == name), None)
            executed = out / ".build" / "executed" / item.lang / f"{name}.ipynb"
            item.executed = executed if item.path and executed.exists() else None
        watched = {f for t in plan.tasks for f in [*t.file_dep, *t.targets]}
        watched |= {p for t in plan.tasks for p in state.get_values(t.name).get("outs", {})}
        watched |= {str(d) for f in dep_files for d in Path(f).parents if paths.ROOT in d.parents}
        watched |= {str(HERE), *map(str, HERE.glob("*.py")), state.name, *(str(nb.parent) for nb in nbs)}
        watched |= {p for p in sys.path if p.endswith(("site-packages", "dist-packages"))}
        watched |= {chrome, str(Path(chrome).resolve())} if chrome else set()
        from ..fontsubset import FONT_DIR, SYSTEM_DIRS, WEIGHTS, font_path

        watched |= {str(FONT_DIR), *(str(font_path(w)) for w in WEIGHTS)}
        watched |= {str(Path(d) / "NotoSansCJK-Regular.ttc") for d in SYSTEM_DIRS}
        result.watched = sorted(watched)
    if chrome:
        from .pdf import shutdown

        shutdown()
    return result
