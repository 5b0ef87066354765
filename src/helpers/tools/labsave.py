"""Keep ``git status`` clean when JupyterLab saves a notebook that was only run, not edited.

The notebooks are committed without outputs: ``make setup`` installs nbstripout as the git
filter ``nbstripout`` (``.gitattributes``), so ``git diff`` ignores outputs and what a kernel
writes on run. But a saved notebook with outputs has a new size, and git reports a file whose
size changed as modified without running the filter ("M" in ``git status`` while ``git diff``
is empty). :func:`refresh_git_index`, run by ``make lab`` as the server's post-save hook
(``FileContentsManager.post_save_hook``), makes git look at the content again.

The server calls a post-save hook in its own thread, inside the save request: anything slow there
blocks every request (the old hook ran git's filter, a new Python process, twice: 7-12 s). So the
hook only queues the path and returns; one background thread (:func:`refresh_now`) does the work:

1. in this process, strip the saved notebook as the configured filter would (nbstripout's
   :func:`strip_output`, with the keys of ``git config filter.nbstripout.clean``) and compare it
   with the index blob: a notebook that was edited stops here, no process started;
2. when they are equal, re-set the index entry to the *same* blob with empty stat data
   (``git update-index --cacheinfo``) and let ``git add --refresh`` compare the file through the
   real filter: git then records the new size and time. ``--refresh`` never stages content, so
   even a notebook edited in the meantime is only shown as modified, never staged.

Outputs stay in the file. :func:`wait` lets tests (and scripts) wait for the queue to drain.
"""
from __future__ import annotations

import json
import logging
import shlex
import subprocess
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Keys nbstripout always removes besides outputs and counts (nbstripout 0.7-0.9, ``main``).
NBSTRIPOUT_DEFAULT_KEYS = ("metadata.signature", "metadata.widgets", "cell.metadata.collapsed",
                           "cell.metadata.ExecuteTime", "cell.metadata.execution", "cell.metadata.heading_collapsed",
                           "cell.metadata.hidden", "cell.metadata.scrolled")

_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="labsave")
_pending: dict[Path, Future] = {}
_lock = threading.Lock()


def _git(cwd: Path, *args: str, timeout: float = 120) -> str | None:
    """Output of ``git args`` in ``cwd`` (stripped), or ``None`` when git fails or is missing."""
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def filter_options(cwd: Path) -> dict[str, Any] | None:
    """How ``filter.nbstripout.clean`` strips, as keyword arguments of ``strip_output``.

    ``None`` when no such filter is configured, or when its command uses an option this module
    does not mirror (then :func:`refresh_now` leaves the decision to git alone).
    """
    command = _git(cwd, "config", "--get", "filter.nbstripout.clean")
    if not command:
        return None
    try:
        words = shlex.split(command)
    except ValueError:
        return None
    if "nbstripout" not in " ".join(words[:3]):
        return None
    extra = list(NBSTRIPOUT_DEFAULT_KEYS) + (_git(cwd, "config", "--get", "filter.nbstripout.extrakeys") or "").split()
    keep_id = False
    args = words[words.index("nbstripout") + 1:] if "nbstripout" in words else words[1:]
    it = iter(args)
    for word in it:
        if word == "--keep-id":
            keep_id = True
        elif word == "--extra-keys":
            extra += next(it, "").split()
        elif word.startswith("--extra-keys="):
            extra += word.split("=", 1)[1].split()
        else:
            return None
    keep = set((_git(cwd, "config", "--get", "filter.nbstripout.keepmetadatakeys") or "").split())
    return {"keep_id": keep_id, "extra_keys": [k for k in extra if k not in keep]}


def stripped(text: str, options: dict[str, Any]) -> dict[str, Any]:
    """The notebook JSON ``text`` as the filter stores it (a dict), stripped in this process."""
    import warnings

    import nbformat
    from nbstripout import strip_output

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
        nb = strip_output(nb, keep_output=False, keep_count=False, keep_id=options["keep_id"],
                          extra_keys=options["extra_keys"])
        return json.loads(nbformat.writes(nb))


def only_run(path: Path) -> str | None:
    """``mode,blob,path-from-the-top`` of ``path``'s index entry when the saved file, stripped,
    equals its blob (the notebook was only run).

    ``None`` when the file is untracked, edited, not a notebook, or the filter is unknown.
    """
    path = Path(path).resolve()
    cwd = path.parent
    staged = _git(cwd, "ls-files", "--stage", "--full-name", "--", path.name)
    if not staged:
        return None
    mode, blob = staged.split()[:2]
    name = staged.split("\t", 1)[1]
    options = filter_options(cwd)
    if options is None:
        return None
    committed = _git(cwd, "cat-file", "blob", blob)
    if committed is None:
        return None
    try:
        same = stripped(path.read_text(encoding="utf-8"), options) == json.loads(committed)
    except (OSError, ValueError):
        return None
    return f"{mode},{blob},{name}" if same else None


def refresh_now(path: Path) -> bool:
    """Refresh git's index entry of ``path`` if it was only run; True when git now sees it clean.

    Never stages content: the entry keeps its blob, only its stat data is renewed by git itself.
    """
    path = Path(path).resolve()
    entry = only_run(path)
    if entry is None:
        return False
    cwd = path.parent
    top = _git(cwd, "rev-parse", "--show-toplevel")  # --cacheinfo names paths from the top
    if top is None or _git(Path(top), "update-index", "--cacheinfo", entry) is None:
        return False
    if _git(cwd, "add", "--refresh", "--", path.name) is None:
        return False
    return _git(cwd, "diff-files", "--quiet", "--", path.name) is not None


def _run(path: Path) -> bool:
    with _lock:
        _pending.pop(path, None)
    try:
        return refresh_now(path)
    except Exception as err:  # pragma: no cover - defensive: a failed refresh only leaves "M" shown
        log.warning("post-save git refresh skipped for %s: %s", path, err)
        return False


def refresh_git_index(model: dict[str, Any] | None = None, os_path: str = "", contents_manager: Any = None,
                      **_: Any) -> Future | None:
    """Post-save hook: queue :func:`refresh_now` for a saved notebook and return at once.

    Returns the queued work's future (one per path: a save while the path waits joins it), or
    ``None`` for files that are not notebooks. Never raises: a failing hook must not look like a
    failed save.
    """
    try:
        path = Path(os_path)
        if path.suffix != ".ipynb" or (model and model.get("type") not in (None, "notebook")):
            return None
        path = path.resolve()
        with _lock:
            future = _pending.get(path)
            if future is None:
                future = _pending[path] = _pool.submit(_run, path)
        return future
    except Exception as err:  # pragma: no cover - defensive: saving must go on
        log.warning("post-save git refresh not queued for %s: %s", os_path, err)
        return None


def wait(timeout: float | None = None) -> None:
    """Block until every queued refresh has run (for tests and scripts, never for the server)."""
    _pool.submit(lambda: None).result(timeout)
