"""One text store per article plus one for the kit: every reader-facing word, in both languages, is in a label
file (the kit's ``src/helpers/curate/labels.csv``, an article's ``curated/labels.csv``) or an article's
``texts/``, and the notebooks' prose in the sections they ask for with ``say(part=...)`` (an article's
``texts/notebooks.csv``, the kit's ``src/helpers/curate/notebooks.csv``), never inline; no Chinese stays in the kit's Python outside the parser's word lists (``src/helpers/parse/``) but the
entries of :data:`ALLOWED`, each with its reason; and no label has two copies."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from helpers.base import paths
from helpers.curate import labels
from helpers.curate.left_out import CATEGORIES
from helpers.text import texts

HELPERS = paths.ROOT / "src" / "helpers"
#: CJK characters, CJK punctuation and full-width forms
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

_MEASURE_WORDS = "measure words as the article writes them (values of the unit column, keys of unit.* labels): matched, not worded"
_DRAFT = ("helpers.new's fix line composing a proposed label row from the article's own words (for whoever "
          "fills in labels.csv; the article's file then holds the words)")
_PUNCTUATION = "punctuation the line breaker and joiner match on: grammar, not words"

#: (file under src/helpers, the literal) -> why it may stay in code
ALLOWED: dict[tuple[str, str], str] = {
    ("charts/style.py", "，。、；：）》」』！？”,.;:)旬"): _PUNCTUATION + " (no line starts with these)",
    ("charts/style.py", "（《「『“("): _PUNCTUATION + " (no line ends with these)",
    ("charts/style.py", "，、；："): _PUNCTUATION + " (a clause ends here)",
    ("charts/style.py", "。"): _PUNCTUATION + " (a chart's alt text and source line end a sentence)",
    ("curate/curation.py", "write a short label of 2-5 words in short_en and a few characters in short_zh (as in "
                           "Problem leads / 问题线索), each no longer than label_en / label_zh, then run `make data`"):
        "a fix message for whoever curates the data, with an example",
    ("extract/cli.py", "publication date, resolves 去年/今年 (default: read from 时间: in the text)"):
        "the extractor's --help, for whoever runs it",
    ("tidy/tables.py", "quote a date such as 2017年2月下旬, 去年7月 or 2月下旬至6月下旬"):
        "a fix message for whoever curates the data, with examples",
    ("report/article_marks.py", "以来"): "parser-like matching: a date quote's 以来 (since) is not marked as part of the date",
    ("report/article_page.py", "/百"): "matches a per-100 measure word (件/百条) to word the funnel rates",
    ("report/article_page.py", "unit.月"): "a label key (the measure word names it); the words are in labels.csv",
    ("report/reader.py", r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?:问题线索|意见建议|面上问题)?\d[\d.,]*†?"
                         r"(?:个月|人次|[条件人名家个元起次天月年轮倍%])"):
        "a regex finding figures to keep on one line in the note (matching, not text)",
    ("text/facts.py", "底"): "parser-like matching: a timeline expression ending in 底 (月底) is the end of a month",
    ("text/fontsubset.py", "\u3000\xa0"): "white space the font subset skips",
    ("text/readable.py", "天"): _MEASURE_WORDS, ("text/readable.py", "月"): _MEASURE_WORDS,
    ("text/readable.py", "年"): _MEASURE_WORDS, ("text/readable.py", "个半月"): _MEASURE_WORDS,
    ("text/readable.py", "倍"): _MEASURE_WORDS,
    ("text/readable.py", "个月"): "house style's duration form of 月 (22个月): a measure word's grammar, as the parser's lists",
    **{("tidy/todo.py", piece): _DRAFT for piece in ("（", "）", "每百", "，", "数", "所计事物")},
    ("tools/extract_bench.py", "。"): "the extractor benchmark splits sentences (matching)",
    ("tools/extract_bench.py", "[。\n]"): "the extractor benchmark splits sentences (matching)",
}


#: whole files -> why their Chinese may stay
ALLOWED_FILES: dict[str, str] = {
    "bench/demo.py": "make bench's demo notebook (invented timing data, never built into a report)",
}


def _docstrings(tree: ast.Module) -> set[int]:
    bodies = [tree.body] + [n.body for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    return {id(b[0].value) for b in bodies if b and isinstance(b[0], ast.Expr) and isinstance(b[0].value, ast.Constant)}


def cjk_literals(root: Path = HELPERS) -> list[tuple[str, int, str]]:
    """(file, line, value) of every string constant with CJK in the kit's Python outside parse/ and docstrings."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("parse/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        out += [(rel, n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant)
                and isinstance(n.value, str) and id(n) not in docs and CJK.search(n.value)]
    return out


def test_no_chinese_in_the_kits_python_but_the_allowed() -> None:
    found = cjk_literals()
    assert found, "the walk found no CJK literal at all: it no longer reads the kit's modules"
    stray = [f"src/helpers/{rel}:{line}: {value[:60]!r}" for rel, line, value in found if (rel, value) not in ALLOWED
             and rel not in ALLOWED_FILES]
    assert not stray, ("Chinese in code: move the words to src/helpers/curate/labels.csv (or the article's "
                       "curated/labels.csv) and read them with labels.raw, or allow-list the literal here with a "
                       "reason:\n" + "\n".join(stray))
    stale = sorted(set(ALLOWED) - {(rel, value) for rel, _, value in found})
    stale += sorted(set(ALLOWED_FILES) - {rel for rel, _, _ in found})
    assert not stale, f"allow-list entries no code holds any more (delete them): {stale}"


def test_the_walk_catches_a_chinese_word(tmp_path: Path) -> None:
    (tmp_path / "parse").mkdir()
    (tmp_path / "parse" / "words.py").write_text('WORDS = ["条"]\n', encoding="utf-8")
    (tmp_path / "page.py").write_text('"""Doc: 问题线索."""\nTITLE = {"zh": "读者简报"}\n', encoding="utf-8")
    assert cjk_literals(tmp_path) == [("page.py", 2, "读者简报")]


def test_no_page_sentences_in_the_page_modules() -> None:
    """The annotated article's words are page.* labels: no text module beside the page, no English sentence in it."""
    report = HELPERS / "report"
    assert not (report / "article_texts.py").exists(), "page words belong in labels.csv (page.*)"
    tree = ast.parse((report / "article_page.py").read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    sentences = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and id(n) not in docs and re.search(r"[A-Za-z]+ [a-z]+ [a-z]+ [a-z]+", n.value)]
    assert not sentences, sentences


@pytest.mark.parametrize("slug", paths.article_slugs())
def test_one_copy_of_each_label(slug: str) -> None:
    """Keys are unique in each file (the reader refuses a repeat); an article never repeats a kit key; the kit
    holds no two keys with the same words, but where code looks a key up by data (a measure word, a column)."""
    kit = labels._load_file(paths.KIT_LABELS)
    own_file = paths.ARTICLES / slug / "curated" / "labels.csv"
    own = labels._load_file(own_file) if len(own_file.read_bytes().splitlines()) > 1 else {}
    assert kit and not set(kit) & set(own), sorted(set(kit) & set(own))
    by_words: dict[tuple[str, str], list[str]] = {}
    for key, words in kit.items():
        by_words.setdefault((words["en"], words["zh"]), []).append(key)
    copies = [keys for keys in by_words.values() if len(keys) > 1
              and not all(k.startswith(("unit.", "header.")) for k in keys)]
    assert not copies, f"the same words under two keys in the kit's labels.csv: use one: {copies}"


def test_every_left_out_category_is_worded() -> None:
    """The article page words each left-out category from left_out.<category>, never its code."""
    missing = [c for c in sorted(CATEGORIES) if f"left_out.{c}" not in labels.load(paths.KIT_LABELS)]
    assert not missing, missing


#: every notebook of the kit and of every article
NOTEBOOK_FILES: list[Path] = sorted(paths.NOTEBOOKS.glob("*.ipynb")) + sorted(paths.ARTICLES.glob("*/notebooks/*.ipynb"))
_INLINE = re.compile(r"\bsay\((?!\s*(?:part\s*=|\)))")


def _say_calls(source: str) -> list[ast.Call] | None:
    try:
        return [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "say"]
    except SyntaxError:
        return None  # a cell with IPython syntax: read by pattern


def inline_prose(notebooks: list[Path]) -> list[str]:
    """``file cell N`` of every ``say`` call holding its prose inline (``say(en=..., zh=...)``, a positional text)
    instead of naming a section with ``say(part=...)``."""
    found = []
    for path in notebooks:
        for n, cell in enumerate(nbformat.read(path, as_version=4).cells, start=1):
            if cell.cell_type != "code" or "say(" not in cell.source:
                continue
            calls = _say_calls(cell.source)
            inline = (_INLINE.search(cell.source) is not None if calls is None else
                      any(c.args or any(kw.arg in {"en", "zh"} for kw in c.keywords) for c in calls))
            if inline:
                found.append(f"{path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path.name} cell {n}")
    return found


def _asked(notebooks: list[Path]) -> set[str]:
    return {kw.value.value for path in notebooks for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == "code" for c in _say_calls(cell.source) or [] for kw in c.keywords
            if kw.arg == "part" and isinstance(kw.value, ast.Constant)}


def test_no_notebook_holds_inline_prose() -> None:
    """Every prose of the kit's and the articles' notebooks is a section of a text file, named by say(part=...)."""
    assert any(p.is_relative_to(paths.NOTEBOOKS) for p in NOTEBOOK_FILES), "the walk found no kit notebook"
    assert any(p.is_relative_to(paths.ARTICLES) for p in NOTEBOOK_FILES), "the walk found no article's notebook"
    assert _asked(NOTEBOOK_FILES), "the walk found no say(part=...): it no longer reads the notebooks' cells"
    found = inline_prose(NOTEBOOK_FILES)
    assert not found, ("prose typed into a notebook: move it to a row of the article's texts/notebooks.csv (or the "
                       "kit's src/helpers/curate/notebooks.csv) and call say(part=...):\n" + "\n".join(found))


def test_the_walk_catches_inline_prose(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('say(part="01.intro", found=3)'), nbformat.v4.new_code_cell('say(en="a", zh="b")'),
                nbformat.v4.new_code_cell('x = 1\nsay("a", zh="b")'), nbformat.v4.new_markdown_cell('say(en="a")'),
                nbformat.v4.new_code_cell('%time say(zh="b")')]
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    assert inline_prose([path]) == ["x.ipynb cell 2", "x.ipynb cell 3", "x.ipynb cell 5"]


def test_an_articles_section_overrides_the_kits(tmp_path: Path) -> None:
    kit, own = tmp_path / "kit.csv", tmp_path / "own.csv"
    kit.write_text("part,en,zh\n01.a,kit a,甲\n01.b,kit b,乙\n", encoding="utf-8")
    own.write_text("part,en,zh\n01.b,own b,己\n02.c,own c,丙\n", encoding="utf-8")
    assert texts.sections(kit, own) == {"01.a": ("kit a", "甲"), "01.b": ("own b", "己"), "02.c": ("own c", "丙")}
    assert texts.sections(kit, tmp_path / "absent.csv") == {"01.a": ("kit a", "甲"), "01.b": ("kit b", "乙")}


@pytest.mark.parametrize("slug", paths.article_slugs())
def test_the_kits_sections_are_asked_for_and_not_copied(slug: str) -> None:
    """Each section of the kit's notebooks.csv is asked for by a kit notebook (none stale); an article overriding one
    says something else (no copy)."""
    kit = texts.sections(paths.KIT_PARTS, paths.ROOT / "absent")
    assert kit, "the kit's notebooks.csv holds no section"
    stale = sorted(set(kit) - _asked(sorted(paths.NOTEBOOKS.glob("*.ipynb"))))
    assert not stale, f"sections of {paths.KIT_PARTS.relative_to(paths.ROOT)} no kit notebook asks for: {stale}"
    own = texts.sections(paths.ROOT / "absent", paths.ARTICLES / slug / "texts" / "notebooks.csv")
    copies = sorted(k for k in set(kit) & set(own) if kit[k] == own[k])
    assert not copies, f"{slug} repeats the kit's sections word for word (delete its rows): {copies}"
