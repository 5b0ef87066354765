"""JupyterLab as users meet it: `make lab`, the export menu's project PDF, run-and-save with git clean.

Everything runs in temporary folders; nothing is written into the work tree.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.base import paths
from helpers.tools import labsave
from helpers.tools.labsave import refresh_git_index

MAKEFILE = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
JUPYTER_CONFIG = "etc/jupyter/jupyter_server_config.json"


def _fake_venv(tmp_path: Path) -> Path:
    """A VENV whose `jupyter` prints its environment and arguments as JSON, marked as set up."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    jupyter = venv / "bin" / "jupyter"
    jupyter.write_text(f"#!{sys.executable}\nimport json, os, sys\n"
                       "print(json.dumps({'env': dict(os.environ), 'argv': sys.argv[1:]}))\n", encoding="utf-8")
    jupyter.chmod(0o755)
    stamp = venv / ".installed"
    stamp.touch()
    newest = max((paths.ROOT / f).stat().st_mtime for f in ("requirements.lock", "pyproject.toml", JUPYTER_CONFIG))
    os.utime(stamp, (newest + 10, newest + 10))
    return venv


def _make_lab(tmp_path: Path, *args: str, env_lang: str | None = "en_GB.UTF-8") -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"LANG", "XIANNING_LANG", "MAKEFLAGS", "MAKELEVEL"}}
    if env_lang:
        env["LANG"] = env_lang
    proc = subprocess.run(["make", "--no-print-directory", "-s", "-C", str(paths.ROOT), "lab",
                           f"VENV={_fake_venv(tmp_path)}", *args],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.needs("make")
def test_make_lab_roots_at_the_project_and_opens_the_notebooks(tmp_path: Path) -> None:
    run = _make_lab(tmp_path)
    argv = run["argv"]
    assert argv[0] == "lab"
    assert f"--ServerApp.root_dir={paths.ROOT}" in argv
    assert "--LabApp.default_url=/lab/tree/notebooks" in argv
    assert run["env"]["XIANNING_LANG"] == "en" and run["env"]["LANG"] == "en_GB.UTF-8"
    assert not any(a.startswith("--IdentityProvider.token=") or a.startswith("--ServerApp.token=") for a in argv)


@pytest.mark.needs("make")
@pytest.mark.parametrize("env_lang, locale", [("en_GB.UTF-8", "en_GB.UTF-8"), (None, "C.UTF-8")])
def test_make_lab_lang_zh_sets_the_notebook_language_not_the_locale(tmp_path: Path, env_lang, locale) -> None:
    run = _make_lab(tmp_path, "LANG=zh", env_lang=env_lang)
    assert run["env"]["XIANNING_LANG"] == "zh"
    assert run["env"]["LANG"] == locale


@pytest.mark.needs("make")
def test_make_lab_refuses_a_language_it_does_not_know(tmp_path: Path) -> None:
    proc = subprocess.run(["make", "-s", "-C", str(paths.ROOT), "lab", f"VENV={_fake_venv(tmp_path)}", "LANG=fr"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "LANG=fr is not a notebook language; use LANG=en or LANG=zh" in proc.stderr


def test_jupyter_config_hides_the_stock_pdf_exports_and_keeps_the_project_pdf() -> None:
    from nbconvert.exporters.base import get_export_names
    from traitlets.config import Config
    from traitlets.utils.importstring import import_item

    settings = json.loads((paths.ROOT / JUPYTER_CONFIG).read_text(encoding="utf-8"))
    names = get_export_names(Config(settings))
    assert {"Report_PDF", "Report_HTML"} <= set(names)
    assert not {"pdf", "webpdf", "qtpdf", "qtpng", "html"} & set(names)  # no stock HTML, no "Sanitize" question
    assert settings["MappingKernelManager"]["default_kernel_name"] == "xianning-inspection"
    assert settings["KernelSpecManager"]["allowed_kernelspecs"] == ["xianning-inspection"]  # one kernel offered
    assert import_item(settings["FileContentsManager"]["post_save_hook"]) is refresh_git_index
    assert "cp $(JUPYTER_CONFIG) $(VENV)/etc/jupyter/jupyter_server_config.json" in MAKEFILE


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _repo_with_notebook(tmp_path: Path) -> tuple[Path, Path]:
    """A git repository with the project's .gitattributes, filter (as `make setup` sets it) and one notebook."""
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copy(paths.ROOT / ".gitattributes", repo / ".gitattributes")
    shutil.copy(paths.ROOT / ".gitignore", repo / ".gitignore")
    keys = re.search(r"^NBSTRIP_KEYS := (.*?)(?<!\\)\n", MAKEFILE, re.S | re.M).group(1)
    keys = " ".join(keys.replace("\\\n", " ").split())
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    _git(repo, "config", "filter.nbstripout.clean", f"'{sys.executable}' -m nbstripout --keep-id --extra-keys '{keys}'")
    _git(repo, "config", "filter.nbstripout.smudge", "cat")
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python (xianning-inspection)", "language": "python",
                                  "name": "xianning-inspection"}, "language_info": {"name": "python"}}
    nb.cells = [nbformat.v4.new_markdown_cell("# 标题"), nbformat.v4.new_code_cell("print('巡察 409')")]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell{i}"
    path = repo / "notebooks" / "n.ipynb"
    nbformat.write(nb, path)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "init")
    return repo, path


def _save_as_lab_does(path: Path, nb: nbformat.NotebookNode) -> None:
    """Save ``nb`` through jupyter_server's contents manager with `make lab`'s post-save hook."""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    repo = path.parents[1]
    cm = FileContentsManager(root_dir=str(repo))
    cm.register_post_save_hook(refresh_git_index)
    cm.save({"type": "notebook", "format": "json", "content": nb}, str(path.relative_to(repo)))
    labsave.wait(120)  # the hook only queues the git work; wait for it as a user waits a moment


def _ran(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` as a kernel leaves it: outputs, counts and the full language_info."""
    ran = nbformat.from_dict(json.loads(json.dumps(nb)))
    code = ran.cells[1]
    code.execution_count = 1
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="巡察 409\n")]
    ran.metadata.language_info = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                  "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                  "pygments_lexer": "ipython3", "version": "3.11.7"}
    return ran


@pytest.mark.needs("git")
def test_run_and_save_leaves_git_status_clean_but_an_edit_shows(tmp_path: Path) -> None:
    repo, path = _repo_with_notebook(tmp_path)
    ran = _ran(nbformat.read(path, as_version=4))
    _save_as_lab_does(path, ran)
    assert "巡察 409" in path.read_text(encoding="utf-8")  # outputs stay in the file
    assert _git(repo, "status", "--porcelain") == ""
    ran.cells[0].source = "# 新标题"
    _save_as_lab_does(path, ran)
    assert _git(repo, "status", "--porcelain") == " M notebooks/n.ipynb\n"
    assert _git(repo, "diff", "--cached", "--name-only") == ""  # the hook never stages an edit


def test_project_pdf_exporter_is_found_by_nbconvert() -> None:
    from nbconvert.exporters.base import get_export_names, get_exporter

    from helpers.report.nbexporter import ProjectPDFExporter

    assert get_exporter("Report_PDF") is ProjectPDFExporter
    assert "Report_PDF" in get_export_names()
    assert ProjectPDFExporter().file_extension == ".pdf"
    assert ProjectPDFExporter.output_mimetype == "application/pdf"


@pytest.mark.needs("poppler", "chromium")
def test_project_pdf_exporter_embeds_the_cjk_font(tmp_path: Path) -> None:
    from helpers.report.nbexporter import ProjectPDFExporter
    nb = _ran(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 咸宁市首轮巡察"),
                                              nbformat.v4.new_code_cell("print('巡察 409')")]))
    body, resources = ProjectPDFExporter().from_notebook_node(nb, resources={"metadata": {"name": "n"}})
    assert body[:5] == b"%PDF-" and resources["output_extension"] == ".pdf"
    assert not resources.get("outputs")  # served as one PDF, not a zip
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(body)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"CJK.*\byes\b", fonts), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "咸宁市首轮巡察" in text and "巡察 409" in text


@pytest.mark.parametrize("sanitize", [False, True])
def test_project_html_export_renders_prose_and_tables_without_sources_or_network(sanitize: bool) -> None:
    from nbconvert.exporters.base import get_exporter

    from helpers.report.nbexporter import ProjectHTMLExporter

    assert get_exporter("Report_HTML") is ProjectHTMLExporter
    nb = _ran(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 咸宁"),
                                              nbformat.v4.new_code_cell("print('巡察 409')")]))
    prose = nbformat.v4.new_code_cell("say(en='x', zh='y')", metadata={"tags": ["prose"]}, outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": "## 409 problem leads\n\nThe first round."})])
    tab = nbformat.v4.new_code_cell("table(funnel)", outputs=[nbformat.v4.new_output("display_data", data={
        "text/html": '<table><thead><tr><th style="text-align:left">Number</th></tr></thead>'
                     '<tbody><tr><td style="text-align:left">409</td></tr></tbody></table><script>alert(1)</script>'})])
    setup = nbformat.v4.new_code_cell("import helpers  # set-up", metadata={"tags": ["setup"]})
    params = nbformat.v4.new_code_cell("LANGUAGE = 'zh'", metadata={"tags": ["injected-parameters"]})
    nb.cells = [params, setup, *nb.cells, prose, tab]
    html, resources = ProjectHTMLExporter(sanitize_html=sanitize).from_notebook_node(nb, {"metadata": {"name": "n"}})
    assert resources["output_extension"] == ".html"
    assert "say(en=" not in html  # the prose cell's source is hidden
    assert "set-up" not in html and "LANGUAGE" not in html  # set-up cells are left out of the page
    assert re.search(r"<h2[^>]*>409 problem leads", html) and "<p>The first round.</p>" in html
    assert re.search(r"<th[^>]*>Number</th>", html)
    assert not re.search(r"&lt;/?(h\d|p|th|td|tr|table|thead)\b", html)  # no escaped tags shown as text
    assert not re.findall(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", html, re.I)  # offline
    assert ("<script>alert(1)" in html) is not sanitize  # sanitizing drops the script tag
