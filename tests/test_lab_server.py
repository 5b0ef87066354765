"""A real Jupyter Server on 127.0.0.1 with the project's settings: a save returns while git's filter
still runs (the post-save hook works off the server's thread), and one kernel is offered.

The notebook's git filter is made to wait for a file the test creates, so the order of events is
checked, never a duration. Everything runs in a temporary git repository.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers.base import paths

from test_lab import _git, _ran, _repo_with_notebook

pytestmark = pytest.mark.needs("git")  # missing: skipped with the reason, or a failure under CI
TOKEN = "test-token-lab"


def _call(port: int, method: str, path: str, body: dict | None = None, timeout: float = 60) -> tuple[int, bytes]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status, resp.read()


def _until(check, what: str, limit: float = 180) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting: {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    tmp_path = tmp_path_factory.mktemp("lab-server")
    repo, path = _repo_with_notebook(tmp_path)
    release, started = tmp_path / "release", tmp_path / "filter-started"
    slow = tmp_path / "slowpython"  # the filter's Python, held until the test creates `release`
    slow.write_text(f"#!/bin/sh\ntouch '{started}'\nwhile [ ! -e '{release}' ]; do sleep 0.1; done\n"
                    f"exec '{sys.executable}' \"$@\"\n", encoding="utf-8")
    slow.chmod(0o755)
    clean = _git(repo, "config", "--get", "filter.nbstripout.clean").strip()
    _git(repo, "config", "filter.nbstripout.clean", clean.replace(f"'{sys.executable}'", f"'{slow}'", 1))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src"), "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg")}
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "jupyter_server", f"--config={paths.ROOT / 'etc/jupyter/jupyter_server_config.json'}",
                             f"--ServerApp.root_dir={repo}", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
                             f"--IdentityProvider.token={TOKEN}", "--ServerApp.open_browser=False", "--allow-root"],
                            cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)

    def up() -> bool:
        try:
            return _call(port, "GET", "/api/status", timeout=5)[0] == 200
        except OSError:
            assert proc.poll() is None, (tmp_path / "server.log").read_text(errors="replace")
            return False

    try:
        _until(up, "the server to answer /api/status")
        yield {"port": port, "repo": repo, "path": path, "release": release, "started": started}
    finally:
        release.touch()
        proc.terminate()
        proc.wait(30)
        log.close()


def test_save_returns_and_the_server_answers_while_the_git_filter_runs(server) -> None:
    port, repo, path = server["port"], server["repo"], server["path"]
    ran = _ran(nbformat.read(path, as_version=4))
    done: dict[str, int] = {}
    saver = threading.Thread(target=lambda: done.update(status=_call(
        port, "PUT", "/api/contents/notebooks/n.ipynb", {"type": "notebook", "format": "json", "content": ran},
        timeout=300)[0]))
    saver.start()
    _until(server["started"].exists, "the post-save git work to start the filter")
    saver.join(120)  # returns although the filter is held: the hook did not wait for git
    assert done.get("status") == 200 and not server["release"].exists()
    assert _call(port, "GET", "/api/status")[0] == 200  # the server answers while git works
    server["release"].touch()
    _until(lambda: _git(repo, "status", "--porcelain") == "", "git status to be clean after the refresh")
    assert _git(repo, "diff", "--cached", "--name-only") == ""


def test_one_kernel_is_offered_and_no_stock_html_export(server) -> None:
    specs = json.loads(_call(server["port"], "GET", "/api/kernelspecs")[1])
    assert set(specs["kernelspecs"]) == {"xianning-inspection"}
    assert specs["default"] == "xianning-inspection"
    exporters = json.loads(_call(server["port"], "GET", "/api/nbconvert")[1])
    assert {"Report_HTML", "Report_PDF"} <= set(exporters) and "html" not in exporters
