"""environment.yml (conda) and requirements.txt (pip) name the same packages and versions."""
from __future__ import annotations

import re

import yaml

from helpers import paths

CORE = {"jupyterlab", "pandas", "matplotlib", "seaborn"}


def _requirements() -> dict[str, str]:
    lines = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    specs = [line.split("#")[0].strip() for line in lines]
    return dict(re.match(r"([A-Za-z0-9_.-]+)(.*)", s).groups() for s in specs if s)


def _conda() -> dict[str, str]:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = [d for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip"))]
    return dict(re.match(r"([A-Za-z0-9_.-]+)(.*)", d).groups() for d in deps)


def test_conda_and_pip_name_the_same_packages_and_pins() -> None:
    assert _conda() == _requirements()


def test_core_packages_are_listed() -> None:
    assert CORE <= set(_requirements())


def test_conda_env_installs_the_project_itself() -> None:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
