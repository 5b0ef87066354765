"""The build as doit tasks: per language and notebook ``execute`` -> ``html`` -> ``pdf``, the reader's report and
the article page, then ``index.html``; one build at a time per folder, doit's state saved whole after every step."""
from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import Any, Callable, Sequence

from ..base import paths
from . import LANGS

READER = "reader-report"
#: Packages whose version changes what a notebook draws or how it is exported.
PACKAGES = ("matplotlib", "pandas", "numpy", "seaborn", "fonttools", "pillow", "nbconvert", "nbclient",
            "nbformat", "ipykernel", "jupyter_client", "mistune", "jinja2", "pygments", "matplotlib-inline")
HERE = Path(__file__).parent
discover: Callable[[], list[Path]] = paths.notebooks  #: the notebooks a build runs, in file-name order


def font_files(present: bool = True) -> list[Path]:
    """The fonts the charts and pages are drawn with (shipped subset, system's); all places if not ``present``."""
    from ..text.fontsubset import SYSTEM_DIRS, WEIGHTS, font_path

    system = [Path(d) / "NotoSansCJK-Regular.ttc" for d in SYSTEM_DIRS] * (os.environ.get("XN_SYSTEM_CJK") != "0")
    return [f for f in [*map(font_path, WEIGHTS), *system] if f.is_file() or not present]


def inputs(kind: str, root: Path = paths.ROOT) -> list[Path]:
    """The build's inputs, declared once: ``notebook``, what every notebook reads (the tidy tables, their inputs
    ``tidyset.input_files``, the helpers but this one); ``export``, the page code, the kit's labels and fonts; ``article``."""
    if kind == "export":
        return [HERE / f"{n}.py" for n in ("export_html", "fonts", "pdf", "reader")] + [paths.KIT_LABELS] + font_files()
    from ..tidy.tidyset import TABLE_NAMES, input_files

    own = sorted([*paths.ARTICLE_DIR.glob("*.py"), *paths.ARTICLE_DIR.glob("texts/*")]) + [paths.KIT_PARTS]  # its texts
    data = [*input_files(root), *(root / paths.TIDY_REL / f"{n}.csv" for n in TABLE_NAMES), *own,  # others: ignored
            *sorted(p for p in (root / "src" / "helpers").rglob("*.py") if HERE not in p.parents)]
    return data if kind == "notebook" else [*data, *discover(), *sorted(HERE.glob("article_*.py")),
                                            HERE / "fonts.py", *font_files()]


@dataclass
class NotebookResult:
    """Outcome of one output (a notebook in one language, a reader's report, an article page)."""
    key: str
    lang: str
    path: Path | None = None  # the notebook
    executed: Path | None = None
    status: str = "skipped"  # "built", "skipped" or "failed"
    error: str | None = None


@dataclass
class BuildResult:
    """Everything a build did; ``ok`` is False if any output failed or PDFs could not be made."""
    index: Path
    items: list[NotebookResult] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    watched: list[str] | None = None  # every path the plan consulted (.fastpath); None: made without the fonts

    ok = property(lambda self: not self.messages and all(i.status != "failed" for i in self.items))

    def get(self, key: str) -> NotebookResult:  # e.g. "en/01-name"
        return next(i for i in self.items if i.key == key)


def stamp(path: Path) -> list:
    """Size, modification time and sha256 of an output (what :func:`_intact` compares)."""
    with open(path, "rb") as handle:
        return [(st := os.stat(path)).st_size, st.st_mtime_ns, hashlib.file_digest(handle, "sha256").hexdigest()]


def _intact(task: Any, values: dict) -> bool:
    """doit ``uptodate``: every recorded output is on disk unchanged, and none is a font fallback."""
    return not values.get("fallback") and all(os.path.exists(p) and (
        [(st := os.stat(p)).st_size, st.st_mtime_ns] == [size, mtime] or stamp(Path(p))[2] == sha)
        for p, (size, mtime, sha) in values.get("outs", {}).items())


class _Build:
    """The doit tasks of one build, and doit's reporter: one line per output once all its steps are done."""
    def __init__(self, out: Path, chrome: str | None, version: str, config: dict, say: Callable[[str], None]) -> None:
        self.out, self.chrome, self.version, self.config, self.say = out, chrome, version, config, say
        self.tasks: list[Any] = []
        self.items: dict[str, NotebookResult] = {}
        self.last, self.ran, self.notes = {}, {}, {}  # output -> last step; steps run (start, then time); font signs
        self.causes: set[str | None] = set()  # a browser or disk fault met by several outputs: said once

    def task(self, key: str, stage: str, fn: str, args: tuple, deps: list[Path], target: Path,
             config: dict, drop: Sequence[Path] = ()) -> None:
        """Step ``stage`` of ``key``: :func:`run_step`'s values (``outs``, ``fallback``) and ``target``'s stamp."""
        from doit.task import Task
        from doit.tools import config_changed

        def action() -> Any:
            if not isinstance(values := run_step(fn, args, drop), dict):
                return values
            return {**values, "outs": {str(target): stamp(target), **values.get("outs", {})}}
        self.items.setdefault(key, NotebookResult(key, key.split("/")[0]))
        self.last[key] = f"{key}|{stage}"
        self.tasks.append(Task(f"{key}|{stage}", [(action,)], file_dep=list(map(str, deps)),
                               targets=[str(target)], uptodate=[_intact, config_changed(config)], verbosity=2,
                               io={"capture": False}))

    def page(self, key: str, src: list[Path], reader: bool = False) -> None:
        """The HTML and PDF steps of one page made from executed notebook(s) ``src``."""
        html, pdf = (self.out / f"{key}.{ext}" for ext in ("html", "pdf"))
        self.task(key, "html", "export_html.write_page", (src, key.split("/")[0], reader, html, pdf),
                  src + inputs("export"), html, self.config, [html, pdf])
        if self.chrome:
            self.task(key, "pdf", "pdf.print_pdf", (self.chrome, html, pdf, self.out / ".build" / "chrome"), [html],
                      pdf, {"chrome": self.version}, [pdf])

    def notebook(self, lang: str, nb: Path, deps: list[Path], timeout: int) -> Path:
        """The steps of notebook ``nb`` in ``lang``; returns the executed notebook's path."""
        key, executed = f"{lang}/{nb.stem}", self.out / ".build" / "executed" / lang / f"{nb.stem}.ipynb"
        stale = [self.out / f"{k}.{e}" for k in (key, f"{lang}/{READER}") for e in ("html", "pdf")]
        self.task(key, "execute", "execute.execute", (self.out, lang, nb, executed, timeout),
                  [nb, *deps, *font_files()], executed, {**self.config, "lang": lang}, [executed, *stale])
        self.items[key].path, self.items[key].executed = nb, executed
        self.page(key, [executed])
        return executed

    def _done(self, task: Any, fail: Any = None, *, status: str) -> None:
        key, stage = task.name.split("|")
        if (item := self.items[key]).status == "failed" or key == "index" and status != "failed":  # said once
            return
        if status == "failed":
            item.status, item.error = "failed", (fail.message.strip() if type(fail).__name__ != "UnmetDependency"
                                                 else "not built because a notebook of this language failed")
            where = f" ({item.path}) [language {item.lang}]:" if item.path and stage != "pdf" else ""
            cause = ("disk full" if "No space left on device" in item.error else item.error.split(": ", 1)[-1]
                     if stage == "pdf" or "cannot write (" in item.error else None)
            if cause is None or cause not in self.causes:
                self.say(f"[FAIL] {key}{where}  {'PDF not printed: ' if stage == 'pdf' else ''}{item.error}")
            return self.causes.add(cause)
        if status == "built":
            item.status = "built"
            self.ran[key][stage] = time.perf_counter() - self.ran[key][stage]
            self.notes.setdefault(key, []).extend(task.values.get("fallback", []))
        if task.name == self.last[key]:
            n, ran = self.notes.get(key), self.ran.get(key, {}).items()
            note = f"  (made without the project's fonts: rebuilt next time; {n[0]})" if n else ""
            ran = ", ".join(f"{'executed' if s == 'execute' else s} {t:.1f} s" for s, t in ran)
            self.say(f"[skip] {key}  up to date" if item.status == "skipped" else f"[ok]   {key}  {ran}{note}")

    def execute_task(self, task: Any) -> None:
        self.ran.setdefault(task.name.split("|")[0], {})[task.name.split("|")[1]] = time.perf_counter()

    def __getattr__(self, name: str) -> Callable[..., None]:  # doit's reporter calls; the others: nothing to say
        status = {"add_success": "built", "skip_uptodate": "skipped", "add_failure": "failed"}.get(name)
        return partial(self._done, status=status) if status else lambda *args, **kw: None


def run_step(fn: str, args: tuple, drop: Sequence[Path] = ()) -> Any:
    """``fn(*args)`` (``"module.function"`` here): its values, or one line as doit's ``TaskFailed`` (``drop`` goes)."""
    from doit.exceptions import TaskFailed

    from ..base.errors import write_failure

    try:
        return getattr(import_module(f"{__package__}.{fn.split('.')[0]}"), fn.split(".")[1])(*args) or {}
    except Exception as err:  # noqa: BLE001 - reported as one line
        for path in drop:
            path.unlink(missing_ok=True)
        if line := write_failure(err):  # disk full, read-only: one line (said once, see _Build._done)
            return TaskFailed(line)
        return TaskFailed(str(err) if type(err).__module__.startswith("helpers.") else f"{type(err).__name__}: {err}")


def build(notebooks: list[Path] | None = None, out_dir: Path = paths.REPORTS, langs: Sequence[str] = LANGS,
          pdf: bool = True, jobs: int | None = None, force: bool = False, *, deps: list[Path] | None = None,
          timeout: int = 600, echo: Callable[[str], None] | None = print) -> BuildResult:
    """Build every notebook (default: ``notebooks/*.ipynb``) in every language into ``out_dir``; ``deps``: the
    files whose change re-executes every notebook (default: :func:`inputs` "notebook", and then the article
    pages are built too); ``jobs`` defaults to the cores plus one."""
    import fcntl
    import shutil
    import subprocess
    from importlib.metadata import version

    from doit.control import TaskControl
    from doit.dependency import Dependency, JsonDB
    from doit.runner import MThreadRunner
    from doit.task import Stream

    from ..base.fileio import write_text_atomic
    from ..base.prune import prune_stale
    from .pdf import ChromeMissing, clean_profiles, find_chrome, shutdown

    nbs = discover() if notebooks is None else [Path(p).resolve() for p in notebooks]
    if len({p.stem for p in nbs}) != len(nbs):
        raise ValueError(f"two notebooks share a name: {[p.stem for p in nbs]}")
    out = Path(out_dir).resolve()
    result, chrome = BuildResult(out / "index.html"), None

    def say(msg: str) -> None:  # every line at once, also into a pipe
        echo and (echo(msg), sys.stdout.flush())

    def run(tasks: list[Any], jobs: int) -> None:
        (control := TaskControl(tasks)).process(None)
        MThreadRunner(state, plan, True, force, Stream(2), jobs).run_all(control.task_dispatcher())
    try:
        chrome = find_chrome() if pdf else None
    except ChromeMissing as err:
        result.messages.append(f"[FAIL] PDFs not built: {err}")
        say(result.messages[-1])
    (out / ".build").mkdir(parents=True, exist_ok=True)
    with open(out / ".build" / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time per folder; a second one waits, then skips
        for tmp in out.rglob(".*.tmp"):  # what a killed build left (never a complete output)
            tmp.unlink(missing_ok=True)
        shutil.rmtree(out / ".build" / "stage", ignore_errors=True)
        clean_profiles(out / ".build" / "chrome")
        seen = chrome and subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30,
                                         stdin=subprocess.DEVNULL).stdout.strip()
        config = {"python": sys.version, "packages": {n: version(n) for n in PACKAGES}}
        plan = _Build(out, chrome, seen or "unknown", config, say)
        dep_files = inputs("notebook") if deps is None else deps
        for lang in langs:
            if executed := [plan.notebook(lang, nb, dep_files, timeout) for nb in nbs]:
                plan.page(f"{lang}/{READER}", executed, reader=True)
            if deps is None:
                article = out / lang / "article.html"
                plan.task(f"{lang}/article", "html", "article_page.write_page", (lang, article), inputs("article"),
                          article, {"lang": lang}, [article])
        if notebooks is None:  # every notebook: the pages of a removed one go (helpers.base.prune)
            prune_stale(out, plan.items, langs)
        state = Dependency(JsonDB, str(out / ".build" / "doit.json"))  # read after the pruning
        db, save = state.backend, state.save_success  # written whole, and after every finished step
        db.dump = lambda: write_text_atomic(Path(db.name), db.codec.encode(db._db))
        state.save_success = lambda task, *more: (save(task, *more), db.dump())
        run(plan.tasks, jobs or (os.cpu_count() or 1) + 1)
        result.items = list(plan.items.values())
        names = [*([READER] if nbs else []), *(["article"] if deps is None else []), *(nb.stem for nb in nbs)]
        links = {lang: [(n, {e.upper(): f"{lang}/{n}.{e}" for e in ("html", "pdf")
                             if (out / lang / f"{n}.{e}").exists()}) for n in names] for lang in langs}
        plan.task("index", "html", "index.write_index", (result.index, links, say, result.messages),
                  [paths.ARTICLE, paths.ARTICLE_META, HERE / "index.py",
                   *(out / h for rows in links.values() for _, hrefs in rows for h in hrefs.values())],
                  result.index, {"links": links})
        run(plan.tasks[-1:], 1)
        result.items += [plan.items["index"]] * (plan.items["index"].status == "failed")
        if not any(plan.notes.values()):  # every path this build consulted, for the no-change stamp (.fastpath)
            used = {f for t in plan.tasks for f in [*t.file_dep, *t.targets, *state.get_values(t.name).get("outs", {})]}
            used |= {str(d) for f in dep_files for d in Path(f).parents if paths.ROOT in d.parents}
            used |= {str(HERE), *map(str, HERE.glob("*.py")), state.name, *(str(nb.parent) for nb in nbs)}
            used |= {p for p in sys.path if p.endswith("-packages")} | set(map(str, font_files(False)))
            result.watched = sorted(used | ({chrome, os.path.realpath(chrome)} if chrome else set()))
    shutdown()
    return result

