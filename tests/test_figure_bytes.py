"""Every chart comes out byte-identical to reports/figures/ on any machine: without a system CJK font
(``XN_SYSTEM_CJK=0`` and a fontconfig that sees no CJK folder), and with a stale matplotlib font cache
(``MPLCONFIGDIR`` holding a font list made before any CJK font existed). With the system's font, the session's
shared build checks the same (test_notebooks: figures byte-identical, no font fallback, no warning output).

Each case renders all charts in both languages in a fresh interpreter, into a temporary folder.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import charts
from helpers.base import paths

RENDER = """
import sys, warnings
from pathlib import Path
warnings.simplefilter("error", UserWarning)  # a missing glyph or font fails the case
from helpers import charts
from helpers.text import fonts
out = Path(sys.argv[1])
for lang in ("en", "zh"):
    assert fonts.setup(lang) == lang
    for name in charts.CHARTS:
        charts.save(charts.draw(name, lang), name, lang, directory=out)
"""
EXPECTED = sorted(f"{name}.{lang}.{ext}" for name in charts.CHARTS for lang in ("en", "zh") for ext in ("png", "svg"))


def _stale_cache(folder: Path) -> Path:
    """An MPLCONFIGDIR whose font list knows no CJK font (made 'before the fonts were installed')."""
    folder.mkdir()
    env = {**os.environ, "MPLCONFIGDIR": str(folder)}
    subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], env=env, check=True,
                   capture_output=True, timeout=300)
    for fontlist in folder.glob("fontlist-*.json"):
        data = json.loads(fontlist.read_text(encoding="utf-8"))
        data["ttflist"] = [f for f in data["ttflist"] if "cjk" not in f["fname"].lower()
                           and "noto" not in f["fname"].lower()]
        fontlist.write_text(json.dumps(data), encoding="utf-8")
    return folder


def _no_cjk_fontconfig(folder: Path) -> Path:
    """A fontconfig file listing only the DejaVu fonts' folder (fc-list then finds no CJK font)."""
    folder.mkdir()
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{folder}/cache</cachedir></fontconfig>
""", encoding="utf-8")
    return conf


@pytest.mark.parametrize("case", ["no-system-cjk", "stale-cache"])
def test_charts_render_byte_identical_to_the_committed_figures(tmp_path: Path, case: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src"), "MPLCONFIGDIR": str(tmp_path / "mpl")}
    if case == "no-system-cjk":
        env.update(XN_SYSTEM_CJK="0", FONTCONFIG_FILE=str(_no_cjk_fontconfig(tmp_path / "fc")))
    if case == "stale-cache":
        env["MPLCONFIGDIR"] = str(_stale_cache(tmp_path / "stale"))
    out = tmp_path / "figures"
    proc = subprocess.run([sys.executable, "-c", RENDER, str(out)], env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "findfont" not in proc.stderr and "Glyph" not in proc.stderr, proc.stderr[-2000:]
    assert sorted(p.name for p in out.iterdir()) == EXPECTED
    differ = [n for n in EXPECTED if (out / n).read_bytes() != (paths.FIGURES / n).read_bytes()]
    assert not differ, (f"{len(differ)} of {len(EXPECTED)} figures differ from reports/figures ({case}): {differ[:6]}; "
                        "if the chart code changed on purpose, run `make report` and commit reports/figures")


@pytest.mark.needs("fontconfig")
def test_fontconfig_case_really_hides_the_cjk_fonts(tmp_path: Path) -> None:
    env = {**os.environ, "FONTCONFIG_FILE": str(_no_cjk_fontconfig(tmp_path / "fc"))}
    listed = subprocess.run(["fc-list", ":lang=zh"], env=env, capture_output=True, text=True, timeout=60).stdout
    assert listed.strip() == ""
