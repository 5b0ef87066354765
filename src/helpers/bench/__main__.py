"""``python -m helpers.bench``: time the build against the naive route, in one run.

(a) the project's build from scratch (fresh temporary output directory, ``--force``), run as
    ``python -m helpers.report`` in a subprocess;
(b) the naive route to the same files: for each notebook and language in turn,
    ``jupyter nbconvert --execute --to html --template lab`` on a copy with the language injected
    (the copies are written before the clock starts), then Chromium prints the HTML with the same
    command as the build; the reader's reports the same way from one concatenated notebook
    per language (``--no-input``);
(c) the no-change rebuild: the command of (a) again without ``--force`` (median of 3).

Without project notebooks (``notebooks/*.ipynb``) it uses four synthetic ones (:mod:`.demo`).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..base import paths
from ..report import LANGS


_FIGURES: list[str] = []  # made on first use, removed at the end


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if not _FIGURES:
        _FIGURES.append(tempfile.mkdtemp(prefix="report-bench-figures-"))
    env["XN_FIGURES_DIR"] = _FIGURES[0]  # the naive route's notebooks save figures here, not into the work tree
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(paths.ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    return env


def _timed(cmd: list[str], quiet: bool = True) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=_env(), stdout=subprocess.PIPE if quiet else None,
                          stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if proc.returncode != 0:
        sys.stderr.write(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout or ''}{proc.stderr}\n")
        raise SystemExit(1)
    return dt


def _prepare_naive(notebooks: list[Path], langs: list[str], work: Path) -> dict[str, list[Path]]:
    """Parameterised copies per language, plus the concatenated reader notebook (not timed)."""
    import nbformat

    from ..report.execute import inject_language
    from ..report.reader import merge_for_reader

    jobs: dict[str, list[Path]] = {}
    for lang in langs:
        folder = work / "src" / lang
        folder.mkdir(parents=True, exist_ok=True)
        copies, nbs = [], []
        for nb_path in notebooks:
            nb = nbformat.read(nb_path, as_version=4)
            inject_language(nb, lang)
            nbs.append(nb)
            copy = folder / nb_path.name
            nbformat.write(nb, copy)
            copies.append(copy)
        reader = merge_for_reader(nbs, lang)
        nbformat.write(reader, folder / "reader-report.ipynb")
        jobs[lang] = copies + [folder / "reader-report.ipynb"]
    return jobs


def naive(notebooks: list[Path], langs: list[str], work: Path, pdf: bool) -> float:
    """Time the naive route (one ``jupyter nbconvert`` and one Chromium per output)."""
    from ..report.pdf import FLAGS, find_chrome

    jobs = _prepare_naive(notebooks, langs, work)
    chrome = find_chrome() if pdf else None
    jupyter = str(Path(sys.executable).with_name("jupyter"))
    t = time.perf_counter()
    for lang, copies in jobs.items():
        out = work / lang
        for copy in copies:
            cmd = [jupyter, "nbconvert", "--execute", "--to", "html", "--template", "lab",
                   "--output-dir", str(out), str(copy)]
            if copy.stem == "reader-report":
                cmd.insert(2, "--no-input")
            _timed(cmd)
            if chrome:  # one browser per PDF, as Chromium's own --print-to-pdf does it
                html = (out / f"{copy.stem}.html").resolve()
                _timed([chrome, *FLAGS, "--no-pdf-header-footer", "--virtual-time-budget=15000",
                        f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={out / f'{copy.stem}.pdf'}",
                        html.as_uri()])
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb, else 4 synthetic ones")
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--no-pdf", dest="pdf", action="store_false")
    p.add_argument("--synthetic", action="store_true", help="use 4 synthetic notebooks even if the project has some")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = p.parse_args(argv)

    from ..report.build import discover
    from .demo import write_demo_notebooks

    work = Path(tempfile.mkdtemp(prefix="report-bench-"))
    notebooks = [] if args.synthetic else ([n.resolve() for n in args.notebooks] or discover())
    synthetic = not notebooks
    if synthetic:
        notebooks = write_demo_notebooks(work / "notebooks", 4)
    langs = list(LANGS)
    print(f"benchmark: {len(notebooks)} {'synthetic ' if synthetic else ''}notebooks x {len(langs)} languages, "
          f"{os.cpu_count()} cores, PDFs {'on' if args.pdf else 'off'}; work dir {work}")

    out = work / "build"
    cmd = [sys.executable, "-m", "helpers.report", "--out", str(out), *map(str, notebooks)]
    if synthetic:
        cmd.append("--no-project-deps")  # other people's edits to helpers must not disturb (c)
    if not args.pdf:
        cmd.append("--no-pdf")
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]

    full = _timed(cmd + ["--force"])
    print(f"(a) full build     {full:7.2f} s   {' '.join(cmd[1:])} --force")
    slow = naive(notebooks, langs, work / "naive", args.pdf)
    print(f"(b) naive route    {slow:7.2f} s   jupyter nbconvert --execute --to html (+ chromium) per output")
    runs = [_timed(cmd) for _ in range(3)]
    again = statistics.median(runs)
    print(f"(c) no change      {again:7.3f} s   median of {', '.join(f'{r:.3f}' for r in runs)}")
    ratio = full / slow
    print()
    print(f"{'measure':<28}{'value':>10}{'target':>10}{'':>6}")
    print(f"{'full / naive':<28}{ratio:>10.2f}{'<= 0.25':>10}{'ok' if ratio <= 0.25 else 'MISS':>6}")
    print(f"{'no-change rebuild (s)':<28}{again:>10.3f}{'<= 0.10':>10}{'ok' if again <= 0.1 else 'MISS':>6}")
    import shutil

    for folder in _FIGURES:
        shutil.rmtree(folder, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
