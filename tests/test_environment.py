"""One environment, four files kept in step (no network needed).

requirements.txt (pip), pyproject.toml (the package's runtime dependencies and extras),
environment.yml (conda) name the same packages with the same minimums; requirements.lock
pins every one of them at a version that satisfies its minimum and was made from
requirements.txt (`make lock`). The notebooks ask for the kernel `make setup` registers.
"""
from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from helpers.base import paths

CORE = {"jupyterlab", "pandas", "matplotlib", "seaborn", "nbconvert", "fonttools", "nbstripout"}
KERNEL = "xianning-inspection"


def _specs(lines: list[str]) -> dict[str, str]:
    """``{canonical name: specifier}`` of requirement strings."""
    out: dict[str, str] = {}
    for line in lines:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name not in out, f"{req.name} listed twice"
        out[name] = str(SpecifierSet(str(req.specifier)))
    return out


def _requirements() -> dict[str, str]:
    lines = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return _specs([s for s in (line.split("#")[0].strip() for line in lines) if s])


def _pyproject() -> dict:
    return tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _conda() -> dict[str, str]:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = [d for d in env["dependencies"] if isinstance(d, str) and not re.match(r"(python|pip)\b", d)]
    return _specs(deps)


def _lock() -> dict[str, tuple[Version, bool]]:
    """``{name: (pinned version, listed directly in requirements.txt)}`` from requirements.lock.

    A package pinned twice (different versions per Python or platform) keeps its lowest pin.
    """
    text = (paths.ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    out: dict[str, tuple[Version, bool]] = {}
    for block in blocks:
        m = re.match(r"([A-Za-z0-9_.-]+)==([^\s;\\]+)", block)
        if not m:
            continue
        assert "--hash=sha256:" in block, f"requirements.lock: {m.group(1)} has no hash"
        name, version = canonicalize_name(m.group(1)), Version(m.group(2))
        direct = "-r requirements.txt" in block
        if name in out:
            version, direct = min(version, out[name][0]), direct or out[name][1]
        out[name] = (version, direct)
    return out


def test_requirements_name_every_package_with_a_minimum() -> None:
    reqs = _requirements()
    assert CORE <= set(reqs)
    assert all(spec.startswith(">=") for spec in reqs.values()), reqs


def test_conda_and_pip_name_the_same_packages_and_minimums() -> None:
    assert _conda() == _requirements()


def test_pyproject_dependencies_and_extras_are_the_requirements() -> None:
    project = _pyproject()
    runtime = _specs(project["dependencies"])
    extras = _specs([r for group in project["optional-dependencies"].values() for r in group])
    assert not set(runtime) & set(extras), "a package is both a dependency and an extra"
    assert {**runtime, **extras} == _requirements()
    assert {"pandas", "matplotlib", "nbconvert", "nbclient", "fonttools"} <= set(runtime)


def test_nbconvert_minimum_is_one_that_passes() -> None:
    # nbconvert < 7.16.5 fails the suite with mistune 3.1 (issue 10).
    assert Version("7.16.5") in SpecifierSet(_requirements()["nbconvert"])
    assert Version("7.16.4") not in SpecifierSet(_requirements()["nbconvert"])


def test_lock_pins_every_requirement_at_a_version_it_allows() -> None:
    lock, reqs = _lock(), _requirements()
    missing = sorted(set(reqs) - set(lock))
    assert not missing, f"requirements.lock lacks {missing}: run `make lock`"
    for name, spec in reqs.items():
        version, direct = lock[name]
        assert direct, f"requirements.lock does not list {name} as asked by requirements.txt: run `make lock`"
        assert version in SpecifierSet(spec), f"requirements.lock pins {name}=={version}, outside {spec}"


def test_lock_was_made_from_these_requirements() -> None:
    direct = {name for name, (_, is_direct) in _lock().items() if is_direct}
    assert direct == set(_requirements()), "requirements.lock is stale: run `make lock`"


def test_conda_env_installs_the_project_itself() -> None:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_project_exporters_are_registered_with_readable_names() -> None:
    eps = _pyproject()["entry-points"]["nbconvert.exporters"]
    assert eps == {"Report_HTML": "helpers.report.nbexporter:ProjectHTMLExporter",
                   "Report_PDF": "helpers.report.nbexporter:ProjectPDFExporter"}
    assert all(re.fullmatch(r"\w+", name) for name in eps)


@pytest.mark.parametrize("nb_path", paths.notebooks(), ids=lambda p: p.name)
def test_notebooks_ask_for_the_project_kernel(nb_path) -> None:
    meta = json.loads(nb_path.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"] == {"display_name": f"Python ({KERNEL})", "language": "python", "name": KERNEL}
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"KERNEL := {KERNEL}" in makefile and '--display-name "Python ($(KERNEL))"' in makefile


def test_setup_warms_modules_that_exist() -> None:
    """The modules `make setup` imports to write their bytecode are all importable here."""
    import importlib.util

    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    names = []
    for var in ("WARM_KERNEL", "WARM_BUILD"):
        body = re.search(rf"^{var} := (.*?)(?<!\\)\n", makefile, re.S | re.M).group(1)
        names += body.replace("\\\n", " ").split()
    assert "pandas" in names and "helpers.report.build" in names
    assert [n for n in names if importlib.util.find_spec(n) is None] == []


def test_warm_reports_what_it_could_not_import() -> None:
    from helpers.tools.warm import warm

    assert warm(["json", "helpers_no_such_module"]) == ["helpers_no_such_module"]
