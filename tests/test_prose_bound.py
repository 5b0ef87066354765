"""Every number a reader sees is bound to the tidy tables: no template holds a typed digit.

Templates scanned: the sections of the notebooks (``notebooks.csv``, the kit's and the article's) and their Markdown cells,
the reader's note and the README findings (:mod:`helpers.text.texts`), the checks' statements
(:mod:`helpers.text.identities`), the rounding rule, the README generator's captions, the reader
tables' headers, the README's findings section outside the generated block and the whole Chinese
README outside it. The generated blocks must equal a fresh render. Each placeholder must resolve
to a table value, a date or duration of :mod:`helpers.text.facts`, or a value the notebook passes.
"""
from __future__ import annotations

from datetime import date

import ast
import re
from collections.abc import Iterator

import nbformat
import pytest

from helpers.base import paths
from helpers.text import prose
from helpers.curate import labels
from helpers.report import readme
from helpers.text.facts import facts
from helpers.text.identities import IDENTITIES
from helpers.text.readable import HEADERS
from helpers.text.texts import FINDINGS, GLOSSARY, PARTS, READER

NOTEBOOKS = paths.notebooks()
#: filled by the note's builder, not from the tables
NOTE_PARTS = {"headline", "findings", "stated", "assumed", "glossary", "rounding_rule"}

Template = tuple[str, str, str, set[str]]  # (place, language, text, names bound by the caller)


def _notebook_templates() -> Iterator[Template]:
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for n, cell in enumerate(nb.cells, start=1):
            where = f"notebooks/{path.name} cell {n}"
            if cell.cell_type == "markdown":
                yield where, "both", cell.source, set()
                continue
            if cell.cell_type != "code" or "say(" not in cell.source:
                continue
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "say":
                    bound = {kw.arg for kw in node.keywords if kw.arg not in {"en", "zh"}}
                    for kw in node.keywords:
                        if kw.arg in {"en", "zh"}:
                            assert isinstance(kw.value, ast.Constant), f"{where}: say({kw.arg}=...) must be a literal"
                            yield f"{where} say({kw.arg}=)", kw.arg, kw.value.value, bound


def _part_templates() -> Iterator[Template]:
    """The article's sections of the kit's notebooks (texts/notebooks.csv), with the names the notebooks'
    ``say(part=...)`` calls bind, and the funnel's ``<stage>_per_100_first`` that notebook 02 binds."""
    bound: dict[str, set[str]] = {}
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or "say(" not in cell.source:
                continue
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "say":
                    kws = {kw.arg: kw.value for kw in node.keywords}
                    if isinstance(kws.get("part"), ast.Constant):
                        bound.setdefault(kws["part"].value, set()).update(k for k in kws if k not in {"part", None})
    from helpers.tidy.load import load_table

    per_100 = {f"{s}_per_100_first" for s in load_table("funnel")["stage"]}
    for name, (en, zh) in PARTS.items():
        yield f"texts/notebooks.csv part {name} [en]", "en", en, bound.get(name, set()) | per_100
        yield f"texts/notebooks.csv part {name} [zh]", "zh", zh, bound.get(name, set()) | per_100


def test_every_part_a_notebook_asks_for_exists() -> None:
    """Each ``say(part=...)`` of the notebooks the build runs names a section of the article's texts/notebooks.csv."""
    asked = {m for path in NOTEBOOKS for cell in nbformat.read(path, as_version=4).cells
             for m in re.findall(r'say\(part="([^"]+)"', cell.source)}
    assert asked, "no notebook asks for an article's section"
    assert not asked - set(PARTS), f"sections missing from texts/notebooks.csv: {sorted(asked - set(PARTS))}"


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:end if end > 0 else len(text)]


def _outside_block(text: str) -> str:
    start, end = text.find(readme.START), text.find(readme.END)
    return text[:start] + text[end + len(readme.END):]


def _module_templates() -> Iterator[Template]:
    for lang in ("en", "zh"):
        yield f"helpers/text/texts.py READER[{lang}]", lang, READER[lang], NOTE_PARTS
        yield f"helpers/text/texts.py headline[{lang}]", lang, READER["headline"][lang], set()
        yield f"helpers/text/texts.py FINDINGS[{lang}]", lang, FINDINGS[lang], set()
        for key in (k for k in labels.load() if k.startswith("readme.")):  # the README block's captions and heads
            yield f"labels.csv {key} [{lang}]", lang, labels.raw(key, lang), set()
        for ident in IDENTITIES:
            yield f"helpers/text/identities.py {ident.identity_id} [{lang}]", lang, getattr(ident, lang), set()
    for term, en, zh in GLOSSARY:
        yield f"helpers/text/texts.py GLOSSARY {term}", "en", en, set()
        yield f"helpers/text/texts.py GLOSSARY {term}", "zh", zh, set()
    for column, (en, zh) in HEADERS.items():
        yield f"helpers/text/readable.py HEADERS {column}", "en", en, set()
        yield f"helpers/text/readable.py HEADERS {column}", "zh", zh, set()
    text = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    yield "README.md, section Main findings (outside the generated block)", "en", _outside_block(_section(text, "## Main findings")), set()
    text = (paths.ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    # its commands and the build's example output are code spans, not prose (a {figure_id} there is not rendered)
    yield "README.zh-CN.md (outside the generated block)", "zh", prose._CODE_SPAN.sub(" ", _outside_block(text)), set()


TEMPLATES = list(_notebook_templates()) + list(_part_templates()) + list(_module_templates())


def test_no_template_holds_a_typed_number() -> None:
    """A digit typed into any reader-facing text fails here, naming the file and the place."""
    typed = [f"{where}: {nums}" for where, _, text, _ in TEMPLATES if (nums := prose.typed_numbers(text))]
    assert not typed, "numbers typed by hand (use a {placeholder} from the tables):\n" + "\n".join(typed)


def test_every_placeholder_resolves_and_counts() -> None:
    """Each placeholder is a table value, a fact, or a value the caller binds; reports how many are checked."""
    known = set(prose.values()) | set(facts("en"))
    unknown, count = [], 0
    for where, _, text, bound in TEMPLATES:
        for name in prose.placeholders(text):
            count += 1
            if name not in known | bound:
                unknown.append(f"{where}: {{{name}}}")
    assert not unknown, "placeholders with no value:\n" + "\n".join(unknown)
    print(f"\n{count} prose numbers checked in {len(TEMPLATES)} templates")
    assert count >= 400, count
    assert sum(1 for t in TEMPLATES if t[0].startswith(("notebooks/", "texts/notebooks.csv"))) >= 40


def test_a_hand_edit_is_caught() -> None:
    """Replacing any placeholder of a notebook's prose with its value is a typed number."""
    where, lang, text, bound = next(t for t in TEMPLATES if "part 02." in t[0] and "{city_problem_leads}" in t[2])
    edited = text.replace("{city_problem_leads}", prose.render("{city_problem_leads}", lang), 1)
    assert prose.typed_numbers(edited) == ["409"], where
    edited = text.replace("{city_problem_leads}", "410", 1)
    assert prose.typed_numbers(edited) == ["410"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_readme_findings_equal_a_fresh_render(lang: str) -> None:
    name = readme.FILES[lang]
    text = (paths.ROOT / name).read_text(encoding="utf-8")
    assert readme.replace_block(text, readme.block(lang), name) == text, \
        f"{name}: findings differ from the tables; run `python -m helpers.report.readme`"


def test_readme_check_fails_on_an_edited_number(tmp_path, monkeypatch) -> None:
    for name in readme.FILES.values():
        (tmp_path / name).write_text((paths.ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    edited = (tmp_path / "README.md").read_text(encoding="utf-8").replace("409 problem leads", "490 problem leads", 1)
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    assert readme.main(["--check"]) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_readers_note_text(lang: str) -> None:
    """The note: headline, sources, glossary of nine terms, checksum, no build date (same bytes any day);
    no code, no raw ids."""
    from helpers.report.reader import note_markdown

    text = note_markdown(lang)
    assert '<span class="nw">问题线索409条</span>' in text if lang == "zh" else "409\u00a0problem leads" in text
    text = re.sub(r'<span class="nw">(.*?)</span>', r"\1", text).replace("\u00a0", " ")  # figures kept whole
    for term, _, _ in GLOSSARY:
        assert f"<td>{term}</td>" in text
    assert len(GLOSSARY) == 9
    assert facts(lang)["sha256"] in text and date.today().isoformat() not in text
    assert "咸纪轩" in text and "咸宁新闻网" in text
    for bad in ("nan", "NaN", "True", "np.", "<NA>", "figure_id", "_units", "{", "LANGUAGE"):
        assert bad not in text.replace("figure:", ""), bad
    headline = text.splitlines()[0]
    assert ("409" in headline and "28" in headline) and ("25,969" in text if lang == "en" else "25969" in text)
    if lang == "zh":
        assert "若咸安区的52条线索包含在全市409条之内" in text
    else:
        assert "if Xian'an's 52 leads are among the city's 409" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_parameters_cell_reads_the_language_from_the_environment(path, monkeypatch) -> None:
    """`make lab LANG=zh` sets XIANNING_LANG; the notebook's default follows it, "en" without it."""
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    for env, expected in (("zh", "zh"), ("en", "en"), (None, "en")):
        if env is None:
            monkeypatch.delenv("XIANNING_LANG", raising=False)
        else:
            monkeypatch.setenv("XIANNING_LANG", env)
        namespace: dict = {}
        exec(cell.source, namespace)  # noqa: S102 - the notebook's own cell
        assert namespace["LANGUAGE"] == expected, (path.name, env)


def test_a_section_missing_from_the_article_stops_the_build_in_one_line(tmp_path) -> None:
    """A kit notebook asking for a section the article's texts/notebooks.csv lacks: one line naming it and the fix."""
    from helpers.text.lint import defects

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('say(part="01.intro")'), nbformat.v4.new_code_cell('say(part="zz.absent")')]
    path = tmp_path / "kit.ipynb"
    nbformat.write(nb, path)
    found = [str(d) for d in defects([path]) if "notebooks.csv" in str(d)]
    assert len(found) == 1 and "part zz.absent" in found[0] and "add a row part=zz.absent" in found[0], found
    assert "\n" not in found[0]
    # a new article lacks many: one line names them all, so one run of the build lists what to write
    nb.cells.append(nbformat.v4.new_code_cell('say(part="zz.other")\nsay(part="zz.absent")'))
    nbformat.write(nb, path)
    found = [str(d) for d in defects([path]) if "notebooks.csv" in str(d)]
    assert len(found) == 1 and "part zz.absent (and 1 more: zz.other)" in found[0] and "\n" not in found[0], found
