"""CJK font discovery, and the English fallback with exactly one warning when there is none."""
from __future__ import annotations

import io
import warnings

from pathlib import Path

import matplotlib as mpl
import pytest

from helpers import charts
from helpers.text import fonts
from helpers.base import paths
from helpers.tidy.load import load_table


@pytest.fixture()
def restore_fonts():
    saved = (fonts._found, fonts._searched, fonts._warned, fonts._system, fonts._system_searched)
    rc = mpl.rcParams.copy()
    yield
    fonts._found, fonts._searched, fonts._warned, fonts._system, fonts._system_searched = saved
    mpl.rcParams.update(rc)
    fonts.setup("en")


def test_the_shipped_subset_comes_first():
    font = fonts.find_cjk_font()
    assert font is not None and font.family == "Noto Sans CJK SC Subset"
    assert Path(font.path) == paths.ROOT / "fonts" / "NotoSansCJKsc-Subset-Regular.ttf"


def test_finds_noto_here_as_the_fallback(restore_fonts):
    font = fonts.system_cjk_font(refresh=True)
    assert font is not None, "this machine has fonts-noto-cjk"
    assert font.family in fonts.CJK_FAMILIES


def test_setup_configures_matplotlib(restore_fonts):
    assert fonts.setup("zh") == "zh"
    sans = mpl.rcParams["font.sans-serif"]
    assert sans[0] == "Noto Sans CJK SC Subset" and sans[1] == fonts.system_cjk_font().family
    assert mpl.rcParams["axes.unicode_minus"] is False


def test_bold_is_the_bold_file(restore_fonts):
    from matplotlib import font_manager

    fonts.setup("zh")
    bold = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"], weight="bold"),
                                 fallback_to_default=False)
    regular = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)
    assert Path(bold).name == "NotoSansCJKsc-Subset-Bold.ttf"
    assert Path(regular).name == "NotoSansCJKsc-Subset-Regular.ttf"


def test_no_system_font_when_hidden(restore_fonts, monkeypatch):
    monkeypatch.setenv("XN_SYSTEM_CJK", "0")
    assert fonts.system_cjk_font(refresh=True) is None
    assert fonts.setup("zh") == "zh"  # the shipped subset draws Chinese
    assert "Noto Sans CJK SC" not in mpl.rcParams["font.sans-serif"]


def test_rejects_unknown_language():
    with pytest.raises(ValueError):
        fonts.setup("fr")


def test_addfont_when_cache_predates_install(restore_fonts, monkeypatch):
    """With matplotlib's list lacking every CJK family, the known system file is added with addfont."""
    added = []
    real = fonts._families_in_matplotlib
    monkeypatch.setattr(fonts, "_families_in_matplotlib",
                        lambda: {} if not added else real())
    monkeypatch.setattr(fonts.font_manager.fontManager, "addfont", lambda path: added.append(path))
    font = fonts.system_cjk_font(refresh=True)
    assert added and font is not None


def test_without_shipped_or_system_font_zh_falls_back(restore_fonts, monkeypatch):
    monkeypatch.setattr(fonts, "shipped_font", lambda: None)
    monkeypatch.setenv("XN_SYSTEM_CJK", "0")
    fonts._warned = False
    assert fonts.find_cjk_font(refresh=True) is None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert fonts.setup("zh") == "en"
    assert [w for w in caught if issubclass(w.category, fonts.MissingCJKFontWarning)]


def test_no_cjk_font_falls_back_to_english_with_one_warning(restore_fonts, monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda refresh=False: None)
    fonts._warned = False
    figures, funnel = load_table("figures"), load_table("funnel")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert fonts.setup("zh") == "en"
        assert fonts.setup("zh") == "en"
        figs = [charts.funnel_chart(funnel, "zh"), charts.xianan_chart(figures, "zh"),
                charts.draw("timeline", "zh"), charts.draw("county-cases", "zh")]
        for fig in figs:
            fig.savefig(io.BytesIO(), format="png", dpi=50)
    ours = [w for w in caught if issubclass(w.category, fonts.MissingCJKFontWarning)]
    assert len(ours) == 1
    assert "apt-get install fonts-noto-cjk" in str(ours[0].message) and "brew" in str(ours[0].message)
    assert not [w for w in caught if "Glyph" in str(w.message)]  # no boxes: no Chinese text at all
    text = "\n".join(charts.texts(figs[0]))
    assert "409 problem leads found" in text and "409 leads" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for f in figs for ch in "".join(charts.texts(f)))


def test_characters_outside_the_subset_warn_once_naming_make_fonts(restore_fonts, monkeypatch, tmp_path):
    """In Lab (no build to stop): the article's characters the subset lacks are said in one warning, once."""
    from helpers.text import fontsubset

    text = (paths.ROOT / "fonts" / "charset.txt").read_text(encoding="utf-8")
    (tmp_path / "charset.txt").write_text(text.replace("咸", ""), encoding="utf-8")
    monkeypatch.setattr(fontsubset, "FONT_DIR", tmp_path)
    monkeypatch.setattr(fonts, "_coverage_checked", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fonts.setup("zh")
        fonts.setup("en")
    said = [str(w.message) for w in caught if issubclass(w.category, fonts.UncoveredCharactersWarning)]
    assert len(said) == 1 and "咸" in said[0] and "`make fonts`" in said[0] and "\n" not in said[0], said
    monkeypatch.setattr(fontsubset, "FONT_DIR", paths.ROOT / "fonts")
    monkeypatch.setattr(fonts, "_coverage_checked", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fonts.setup("zh")
    assert not [w for w in caught if issubclass(w.category, fonts.UncoveredCharactersWarning)]
