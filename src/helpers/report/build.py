"""Plan and run a build: decide per target what is stale, run the work in a pool, record it.

Targets are ``<lang>/<notebook>`` (execute -> html -> pdf), ``<lang>/reader-report``
(html -> pdf, from the executed notebooks of that language) and ``index``. A stage runs
when its inputs' hashes differ from the manifest or its output is missing or changed;
every later stage then runs too. Nothing heavy is imported until there is work to do.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .. import paths
from ..fileio import write_text_atomic
from . import LANGS
from .hashing import exporter_version, hash_files, project_dependencies, sha256_bytes, sha256_file
from .manifest import Manifest
from .buildenv import EnvCache, chrome_version, environment
from .tasks import FIGURE, NotebookTask, ReaderTask, TaskOutcome, layout, reader_layout

if TYPE_CHECKING:  # pragma: no cover - concurrent.futures loads only when there is work
    from concurrent.futures import Executor, Future

READER = "reader-report"
_OUTPUT_OF = {"execute": "executed"}  # stage -> name of its output in the manifest


@dataclass
class NotebookResult:
    """Outcome of one target (a notebook in one language, or a language's reader's report)."""

    key: str
    lang: str
    path: Path | None
    status: str  # "built", "skipped" or "failed"
    error: str | None = None
    executed: Path | None = None
    outputs: dict[str, Path] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildResult:
    """Everything a build did; ``ok`` is False if any target failed or PDFs could not be made."""

    out_dir: Path
    items: list[NotebookResult] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    index: Path | None = None
    seconds: float = 0.0
    watched: list[str] = field(default_factory=list)  # every file and folder the plan consulted
    fallback: bool = False  # some output was made without the project's fonts

    @property
    def ok(self) -> bool:
        return not self.messages and all(i.status != "failed" for i in self.items)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def get(self, key: str) -> NotebookResult:
        """The result of target ``key`` (e.g. ``"en/01-name"``)."""
        return next(i for i in self.items if i.key == key)


def discover(notebooks_dir: Path = paths.NOTEBOOKS) -> list[Path]:
    """The project's notebooks, in file-name order."""
    return sorted(p for p in Path(notebooks_dir).glob("*.ipynb") if not p.name.startswith("."))


def _fmt_times(times: dict[str, float]) -> str:
    names = {"executed": "executed", "html": "html", "pdf": "pdf", "merge": "merged"}
    return ", ".join(f"{names.get(k, k)} {v:.1f} s" for k, v in times.items())


def _remove(paths_: list[Path]) -> None:
    for p in paths_:
        p.unlink(missing_ok=True)


class _Builder:
    """One build run (holds the plan, the manifest and the pool)."""

    def __init__(self, out_dir: Path, langs: Sequence[str], pdf: bool, jobs: int, force: bool,
                 deps: list[Path] | None, executor: str, timeout: int, echo: Callable[[str], None]) -> None:
        self.out = Path(out_dir).resolve()
        self.langs = list(langs)
        self.pdf, self.jobs, self.force = pdf, max(1, jobs), force
        self.deps = project_dependencies() if deps is None else list(deps)
        self.article = deps is None  # the annotated article pages are built with the project's own data
        self.executor_kind, self.timeout, self.echo = executor, timeout, echo
        self.manifest = Manifest(self.out)
        self.result = BuildResult(self.out)
        self._exporter = exporter_version()
        self._chrome: str | None | bool = False  # False: not looked for yet
        self._chrome_ver: str | None | bool = False
        self._pool: Executor | None = None
        self.env_cache = EnvCache(self.out)
        self.env: dict[str, str] = {}

    # ---------- planning ----------
    def _stages(self, key: str, inputs: dict[str, str], upstream: tuple[str, ...]) -> tuple[str, ...]:
        """Which stages of ``key`` must run (``upstream`` is ("execute",) or () for readers)."""
        entry = self.manifest.get(key) or {}
        # an output made without the project's fonts is never taken as up to date
        stale = self.force or entry.get("inputs") != inputs or bool(entry.get("fallback"))
        stages: list[str] = []
        for stage in upstream:
            outputs_ok = self.manifest.output_ok(key, _OUTPUT_OF.get(stage, stage))
            if stage == "execute":  # every figure the notebook saved is still there, unchanged
                outputs_ok = outputs_ok and all(self.manifest.output_ok(key, name)
                                                for name in entry.get("outputs", {}) if name.startswith(FIGURE))
            if stale or not outputs_ok:
                stale = True
                stages.append(stage)
        if stale or entry.get("exporter") != self._exporter or not self.manifest.output_ok(key, "html"):
            stale = True
            stages.append("html")
        if self.pdf and (stale or not self.manifest.output_ok(key, "pdf")
                         or entry.get("chrome") != self._chrome_version()):
            stages.append("pdf")
        return tuple(stages)

    def _chrome_version(self) -> str | None:
        """The browser's version (cached on disk by binary), None without a browser; asked once."""
        if self._chrome_ver is False:
            from .pdf import ChromeMissing, find_chrome

            try:
                self._chrome_ver = chrome_version(find_chrome(), self.env_cache)
            except ChromeMissing:
                self._chrome_ver = None
        return self._chrome_ver or None

    def _chrome_path(self) -> str | None:
        """Find the browser once; on failure record ONE message and build HTML only."""
        if self._chrome is False:
            from .pdf import ChromeMissing, find_chrome

            try:
                self._chrome = find_chrome()
            except ChromeMissing as err:
                self._chrome = None
                msg = f"[FAIL] PDFs not built: {err}"
                self.result.messages.append(msg)
                self.echo(msg)
        return self._chrome or None

    def _prepare(self, task: NotebookTask | ReaderTask) -> None:
        if "pdf" in task.stages:
            task.chrome = self._chrome_path()
            if task.chrome is None:
                task.stages = tuple(s for s in task.stages if s != "pdf")

    # ---------- running ----------
    def _submit(self, task: NotebookTask | ReaderTask) -> Future[TaskOutcome]:
        if self._pool is None:
            if self.executor_kind == "process":
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                ctx = multiprocessing.get_context("spawn")  # fork here deadlocked now and then (threads + zmq)
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx)
            else:
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(self.jobs, thread_name_prefix="report")
        from .tasks import run

        return self._pool.submit(run, task)

    def _finish(self, task: NotebookTask | ReaderTask, inputs: dict[str, str], outcome: TaskOutcome,
                nb_path: Path | None, outs: dict[str, Path]) -> NotebookResult:
        """Record a finished task in the manifest (or clean up after a failure) and report it."""
        key = task.key
        res = NotebookResult(key, task.lang, nb_path, "built", times=outcome.times)
        old_entry = self.manifest.get(key) or {}
        if outcome.ok:
            old = old_entry.get("outputs", {})
            recorded = {s: r for s, r in old.items() if s not in task.stages
                        and not (s.startswith(FIGURE) and "execute" in task.stages)}
            recorded.update(outcome.outputs)
            if "html" in task.stages and "pdf" not in task.stages:
                recorded.pop("pdf", None)  # the old PDF no longer matches the new HTML
                _remove([outs["pdf"]])
            entry = {"inputs": inputs, "exporter": self._exporter, "outputs": recorded}
            chrome = self._chrome_version() if "pdf" in task.stages else old_entry.get("chrome")
            if chrome and "pdf" in recorded:
                entry["chrome"] = chrome
            kept = [f for f in old_entry.get("fallback", [])  # signs of stages that did not run again
                    if ("html" if f.startswith("html:") else "execute") not in task.stages]
            fallback = kept + outcome.fallback
            if fallback:
                entry["fallback"] = fallback
            self.manifest.set(key, entry)
            note = f"  (made without the project's fonts: rebuilt next time; {fallback[0]})" if fallback else ""
            self.echo(f"[ok]   {key}  {_fmt_times(outcome.times)}{note}")
        elif outcome.failed_stage == "pdf":
            # HTML is fine; keep it recorded so the next run only re-prints.
            entry = {"inputs": inputs, "exporter": self._exporter,
                     "outputs": {**{s: r for s, r in old_entry.get("outputs", {}).items()
                                    if s not in task.stages
                                    and not (s.startswith(FIGURE) and "execute" in task.stages)},
                                 **outcome.outputs}}
            entry["outputs"].pop("pdf", None)
            if outcome.fallback:
                entry["fallback"] = outcome.fallback
            _remove([outs["pdf"]])
            self.manifest.set(key, entry)
            res.status, res.error = "failed", f"PDF: {outcome.error}"
            self.echo(f"[FAIL] {key}  PDF not printed: {outcome.error}")
        else:
            _remove(list(outs.values()))
            self.manifest.drop(key)
            res.status, res.error = "failed", outcome.error
            where = f" ({nb_path})" if nb_path else ""
            self.echo(f"[FAIL] {key}{where} [language {task.lang}]: {outcome.error}")
        res.outputs = {s: p for s, p in outs.items() if p.exists()}
        res.executed = outs.get("executed") if res.status != "failed" or outcome.failed_stage == "pdf" else None
        return res

    def _clean_leftovers(self) -> None:
        """Remove temporary files a killed build left behind (never complete outputs)."""
        if self.out.is_dir():
            for tmp in self.out.rglob(".*.tmp"):
                tmp.unlink(missing_ok=True)
            import shutil

            shutil.rmtree(self.out / ".build" / "stage", ignore_errors=True)
            from .pdf import clean_profiles

            clean_profiles(self.out / ".build" / "chrome")

    def run(self, notebooks: list[Path]) -> BuildResult:
        t0 = time.perf_counter()
        self._clean_leftovers()
        deps = hash_files(self.deps)
        self.env = environment(self.env_cache)
        pending: dict[Future[TaskOutcome], tuple] = {}
        per_lang: dict[str, list[tuple[str, Path]]] = {lang: [] for lang in self.langs}
        remaining = {lang: len(notebooks) for lang in self.langs}
        lang_failed = {lang: False for lang in self.langs}
        nb_data = {p: p.read_bytes() for p in notebooks}
        for lang in self.langs:
            for nb in notebooks:
                name = nb.stem
                key = f"{lang}/{name}"
                outs = layout(self.out, lang, name)
                per_lang[lang].append((key, outs["executed"]))
                # the notebook by content and by modification time (`touch` asks for a re-run);
                # data and helpers by content only, since `make data` rewrites identical tables
                inputs = {"@notebook": sha256_bytes(nb_data[nb]), "@notebook_mtime_ns": str(nb.stat().st_mtime_ns),
                          "@lang": lang, **deps, **self.env}
                stages = self._stages(key, inputs, ("execute",))
                if not stages:
                    self._skip(key, lang, nb, outs)
                    remaining[lang] -= 1
                    continue
                task = NotebookTask(key, name, lang, nb, self.out, stages,
                                    nb_data[nb] if "execute" in stages else b"", timeout=self.timeout)
                self._prepare(task)
                if not task.stages:  # only the PDF was missing, and there is no browser
                    self._skip(key, lang, nb, outs, "HTML up to date, PDF needs a browser")
                    remaining[lang] -= 1
                    continue
                pending[self._submit(task)] = (task, inputs, nb, outs)
        for lang in self.langs:
            if remaining[lang] == 0:
                self._reader(lang, per_lang[lang], lang_failed[lang], pending)
        try:
            if pending:
                from concurrent.futures import FIRST_COMPLETED, wait
            while pending:
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                for fut in done:
                    task, inputs, nb, outs = pending.pop(fut)
                    res = self._finish(task, inputs, fut.result(), nb, outs)
                    self.result.items.append(res)
                    if isinstance(task, NotebookTask):
                        lang = task.lang
                        lang_failed[lang] |= res.status == "failed" and res.executed is None
                        remaining[lang] -= 1
                        if remaining[lang] == 0:
                            self._reader(lang, per_lang[lang], lang_failed[lang], pending)
        except BaseException:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            if self._pool is not None and not pending:
                self._pool.shutdown(wait=True)
            if self._chrome:
                from .pdf import shutdown

                shutdown()
        if self.article:  # reports/<lang>/article.html (see article_build.py)
            from .article_build import update as update_article

            self.result.messages += [f"[FAIL] {o.key}  {o.message}" for o in update_article(
                self.out, self.langs, self.manifest, self.force, self.echo) if o.status == "failed"]
        self._index(notebooks)
        self.env_cache.save()
        if self.manifest.dirty:
            self.manifest.save()
        self.result.fallback = any(e.get("fallback") for e in self.manifest.targets.values())
        self.result.watched = self._watched(notebooks)
        self.result.seconds = time.perf_counter() - t0
        return self.result

    def _watched(self, notebooks: list[Path]) -> list[str]:
        """Every file and folder this plan consulted (for :mod:`.fastpath`)."""
        import sys

        from ..fontsubset import FONT_DIR, SYSTEM_DIRS
        from .buildenv import font_files

        here = Path(__file__).parent
        files = [*self.deps, *notebooks, *{p.parent for p in notebooks}, here,
                 *(p for p in here.iterdir() if p.name != "__pycache__"),
                 paths.ARTICLE, paths.ARTICLE_META, *font_files(), FONT_DIR,
                 *(Path(d) / "NotoSansCJK-Regular.ttc" for d in SYSTEM_DIRS),
                 self.manifest.path, self.env_cache.path]
        for dep in self.deps:  # folders too: a new file in them changes their time
            files += [d for d in dep.parents if paths.ROOT in d.parents]
        files += [Path(p) for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
        for entry in self.manifest.targets.values():
            files += [self.out / rec["path"] for rec in entry.get("outputs", {}).values()]
        if self.pdf and self._chrome_version():
            from .pdf import find_chrome

            chrome = find_chrome()
            files += [Path(chrome), Path(chrome).resolve()]
        return [str(f) for f in files]

    def _skip(self, key: str, lang: str, nb: Path | None, outs: dict[str, Path], note: str = "up to date") -> None:
        self.echo(f"[skip] {key}  {note}")
        self.result.items.append(NotebookResult(
            key, lang, nb, "skipped", executed=outs.get("executed"),
            outputs={s: p for s, p in outs.items() if p.exists()}))

    def _reader(self, lang: str, sources: list[tuple[str, Path]], failed: bool, pending: dict) -> None:
        """Plan the reader's report of ``lang`` once all its notebooks are done."""
        key = f"{lang}/{READER}"
        outs = reader_layout(self.out, lang)
        if not sources:
            return
        if failed:
            _remove(list(outs.values()))
            self.manifest.drop(key)
            msg = "not built because a notebook of this language failed"
            self.echo(f"[FAIL] {key}  {msg}")
            self.result.items.append(NotebookResult(key, lang, None, "failed", msg))
            return
        inputs = {k: self.manifest.output_sha(k, "executed") or "" for k, _ in sources}
        inputs.update(self.env)
        stages = self._stages(key, inputs, ())
        if not stages:
            self._skip(key, lang, None, outs)
            return
        task = ReaderTask(key, lang, [p for _, p in sources], self.out, stages)
        self._prepare(task)
        if not task.stages:
            self._skip(key, lang, None, outs, "HTML up to date, PDF needs a browser")
            return
        pending[self._submit(task)] = (task, inputs, None, outs)

    def _index(self, notebooks: list[Path]) -> None:
        """Rewrite ``index.html`` when the set of outputs or the article changed."""
        from .index import article_stamp, render_index

        links: dict[str, list[tuple[str, dict[str, str]]]] = {}
        inputs: dict[str, str] = {"@article": sha256_file(paths.ARTICLE) or "",
                                  "@meta": sha256_file(paths.ARTICLE_META) or "",
                                  "@code": sha256_file(Path(__file__).with_name("index.py")) or ""}
        for lang in self.langs:
            rows = []
            for name in [READER, *(['article'] if self.article else [])] + [nb.stem for nb in notebooks]:
                key = f"{lang}/{name}"
                hrefs = {}
                for stage in ("html", "pdf"):
                    sha = self.manifest.output_sha(key, stage)
                    rel = f"{lang}/{name}.{stage}"
                    if sha and (self.out / rel).exists():
                        hrefs[stage.upper()] = rel
                        inputs[rel] = sha
                rows.append((name, hrefs))
            links[lang] = rows
        index = self.out / "index.html"
        self.result.index = index
        if not self.force and (self.manifest.get("index") or {}).get("inputs") == inputs \
                and self.manifest.output_ok("index", "html"):
            return
        stamp = article_stamp()
        if not stamp.verified:
            self.result.messages.append(f"[FAIL] article: {stamp.note}")
            self.echo(self.result.messages[-1])
        date = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        write_text_atomic(index, render_index(links, date, stamp))
        from .manifest import record

        self.manifest.set("index", {"inputs": inputs, "outputs": {"html": record(self.out, index)}})
        self.echo(f"[ok]   index.html  ({date})")


def build(notebooks: list[Path] | None = None, out_dir: Path = paths.REPORTS, langs: Sequence[str] = LANGS,
          pdf: bool = True, jobs: int | None = None, force: bool = False, *, deps: list[Path] | None = None,
          executor: str = "thread", timeout: int = 600, echo: Callable[[str], None] | None = print) -> BuildResult:
    """Build every notebook (default: ``notebooks/*.ipynb``) in every language into ``out_dir``.

    ``deps`` are the files whose change re-executes every notebook (default: tidy data,
    datapackage.json, helpers). ``executor`` is ``"thread"`` or ``"process"``; ``jobs``
    defaults to the number of cores plus one. Messages go to ``echo`` (``None``: silent).
    """
    nbs = discover() if notebooks is None else [Path(p).resolve() for p in notebooks]
    names = [p.stem for p in nbs]
    if len(set(names)) != len(names):
        raise ValueError(f"two notebooks share a name: {names}")

    def _echo(msg: str) -> None:
        if echo is not None:
            echo(msg)
            if echo is print:
                sys.stdout.flush()

    # one worker more than cores: a worker waiting for the shared browser to print leaves its core to a kernel
    builder = _Builder(out_dir, langs, pdf, jobs or (os.cpu_count() or 1) + 1, force, deps, executor, timeout, _echo)
    return builder.run(nbs)
