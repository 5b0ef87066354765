"""The README's findings: ``python -m helpers.report.readme`` rewrites the block between ``<!-- findings:start``
and ``<!-- findings:end -->`` in ``README.md`` and ``README.zh-CN.md`` from the tidy tables; ``--check`` exits 1
naming the file that differs."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..base import paths
from ..curate import labels
from ..text import prose
from ..text.identities import ASSUMED, STATED
from ..text.texts import FINDINGS

START, END = "<!-- findings:start", "<!-- findings:end -->"
FILES = {"en": "README.md", "zh": "README.zh-CN.md"}


def block(language: str) -> str:
    """The generated findings block of *language*, markers included."""
    lang = "zh" if language == "zh" else "en"
    r = lambda t: prose.render(t, lang)  # noqa: E731
    word = lambda key: labels.raw(key, lang)  # noqa: E731  (the kit's readme.*, the article's chart captions)
    funnel_cap, timeline_cap = r(word("readme.funnel")), r(word("readme.timeline"))
    stated_head, assumed_head, rounding_head = word("readme.stated"), word("readme.assumed"), word("readme.rounding")
    pick = (lambda i: i.zh) if lang == "zh" else (lambda i: i.en)
    sep, stop = word("sep.clauses"), word("sep.stop")
    lines = [
        f"{START} (generated: do not edit by hand) -->",
        word("readme.intro"), "",
        f"![{funnel_cap}](reports/figures/funnel.{lang}.png)", "",
        r(FINDINGS[lang]).strip(), "",
        f"![{timeline_cap}](reports/figures/timeline.{lang}.png)", "",
        stated_head + sep.join(r(pick(i)) for i in STATED) + stop, "",
        assumed_head, "",
        *[f"- {r(pick(i))}{stop}" for i in ASSUMED], "",
        rounding_head + prose.rounding_rule(lang), "",
        prose.computed_note(lang),
        END,
    ]
    return "\n".join(lines)


def replace_block(text: str, new_block: str, name: str) -> str:
    """*text* with the block between the markers replaced; a missing marker is an error naming *name*."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{name}: the findings markers '{START} -->' and '{END}' are missing; "
                         f"put both where the findings go")
    return text[:start] + new_block + text[end + len(END):]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report.readme", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if a README differs")
    args = parser.parse_args(argv)
    from ..base.errors import DataError
    from ..base.fileio import write_text_atomic
    from ..tidy.fresh import check_fresh

    try:  # the findings are rendered from the tables: hand-edited or stale tables are refused first
        check_fresh()
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    status = 0
    for lang, name in FILES.items():
        old = (path := paths.ROOT / name).read_text(encoding="utf-8")
        if (new := replace_block(old, block(lang), name)) == old:
            continue
        if args.check:
            print(f"{name}: the findings differ from the tables; run `python -m helpers.report.readme`", file=sys.stderr)
            status = 1
        else:
            write_text_atomic(path, new)
            print(f"{name}: findings rewritten")
    return status


if __name__ == "__main__":
    sys.exit(main())
