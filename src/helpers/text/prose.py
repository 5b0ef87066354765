"""Reader-facing text whose numbers are bound to the tidy tables.

A template names each number by its id in ``data/tidy/figures.csv`` (``figure_id``) or
``data/tidy/derived.csv`` (``derived_id``), in braces: ``{city_problem_leads}`` renders as
``409``; ``{funnel_transfer_rate}`` as ``6.8``. Extra values (dates, durations, counts of rows)
may be passed by name, computed from the tables by the caller.

The rounding rule, stated once for the whole project (``rule.rounding`` in the kit's labels):
whole numbers print whole, with thousands separators in English (25,969) and none in Chinese
(25969, as the article writes them); every other value prints with one decimal (6.8), unless the
template asks for another precision with a format spec (``{yanxia_funds_per_month:.0f}``).
Halves round up, as a reader rounds by hand: 45 ÷ 20 = 2.25 prints 2.3 (not Python's 2.2).

A number the article does not state (every ``derived_id``, the spans of days computed from its
dates, and any extra value passed as :class:`Computed`) carries the project's one mark, defined
once in ``data/curated/labels.csv`` (``mark.computed``, explained by ``mark.computed.note``):
``{wuli_people_total}`` renders as ``18†``. :func:`computed_note` gives the explanation.

Dates, periods and durations (``{published}``, ``{date_round_1_2017}``, ``{round_1_min_days}``,
``{year_last}`` …) come from :func:`helpers.text.facts.facts`, formatted in the reader's language.

A template may hold no digit of its own outside a placeholder: :func:`typed_numbers` lists
them, and the tests fail on any. Digits inside a code span (`` `data/tidy/x.csv` ``) or glued to
a Latin word (sha256, UTF-8, A4) name things, not statistics, and are not counted; nor is the
"100" of "per 100", the base of every rate (每百 in Chinese).

:func:`speaker` gives notebooks ``say(part=...)``: the section's template in the reader's language
(the article's ``texts/notebooks.csv``, else the kit's ``src/helpers/curate/notebooks.csv``), rendered as Markdown,
in a cell tagged ``prose`` whose input the report hides. ``say(en=..., zh=...)`` renders inline text (the tests'
small notebooks; a test keeps it out of the project's).
"""
from __future__ import annotations

import math
import os
import re
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Mapping
from functools import lru_cache

from ..base import paths
from .facts import facts

__all__ = ["Computed", "computed_mark", "computed_note", "is_computed", "PLACEHOLDER", "values", "values_of", "format_number", "render", "typed_numbers",
           "placeholders", "speaker", "language_default", "rounding_rule", "half_up"]

#: ``{id}`` or ``{id:spec}`` where spec is a Python format spec such as ``.0f`` or ``,.1f``.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_NAME_WITH_DIGITS = re.compile(r"[A-Za-z]+-?\d+[A-Za-z0-9]*")


class Computed(float):
    """A number the caller computed (not stated by the article): :func:`render` marks it."""


#: Facts (helpers.text.facts) that are computed, not read: the spans of days of the 2017 rounds.
_COMPUTED_FACT = re.compile(r".*_(min|max)_days$")


def computed_mark(language: str = "en") -> str:
    """The one mark of a computed number (``mark.computed`` in data/curated/labels.csv)."""
    from ..curate import labels

    return labels.raw("mark.computed", "zh" if language == "zh" else "en")


def computed_note(language: str) -> str:
    """What the mark means, in *language* (``mark.computed.note``), starting with the mark."""
    from ..curate import labels

    return labels.raw("mark.computed.note", "zh" if language == "zh" else "en")


def is_computed(name: str, value: object = None) -> bool:
    """True if ``{name}`` is a number the article does not state (see the module docstring)."""
    return isinstance(value, Computed) or name in _derived_ids() or bool(_COMPUTED_FACT.match(name))


@lru_cache(maxsize=1)
def _derived_ids() -> frozenset[str]:
    from ..tidy.load import load_table

    return frozenset(str(i) for i in load_table("derived")["derived_id"])


def values_of(*tables) -> dict[str, float]:
    """figure_id / derived_id -> value of the given tidy tables (a later table wins).

    Each table is keyed by ``figure_id`` (figures, funnel, schedule) or ``derived_id``, and
    holds its number in ``value`` (``units`` in the schedule).
    """
    out: dict[str, float] = {}
    for df in tables:
        key = "figure_id" if "figure_id" in df.columns else "derived_id"
        for ident, value in zip(df[key], df["value"] if "value" in df.columns else df["units"]):
            out[str(ident)] = float(value)
    return out


@lru_cache(maxsize=1)
def _table_values() -> dict[str, float]:
    from ..tidy.load import load_table  # pandas only when a number is needed

    return values_of(load_table("figures"), load_table("derived"))


def values() -> dict[str, float]:
    """Every figure_id and derived_id with its value, read from the tidy tables (cached)."""
    return dict(_table_values())


def format_number(value: float, language: str, spec: str | None = None) -> str:
    """One number as a reader sees it, by the rounding rule (or an explicit format spec)."""
    fixed = re.fullmatch(r"(,?)\.(\d+)f", spec or "")
    if spec and not fixed:
        text = format(value, spec)
    elif fixed or not float(value).is_integer():
        places = int(fixed.group(2)) if fixed else 1
        comma = fixed.group(1) if fixed else ","
        text = format(half_up(value, places), f"{comma}.{places}f")
    else:
        text = f"{int(value):,}"
    if language == "zh":
        text = text.replace(",", "")
    return text


def half_up(value: float, places: int = 1) -> Decimal:
    """*value* rounded to *places* decimals, halves away from zero: 2.25 -> 2.3, 0.05 -> 0.1."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def render(template: str, language: str, extra: Mapping[str, float | str] | None = None) -> str:
    """Fill every ``{id}`` of *template* from the tidy tables (and *extra*), formatted for *language*.

    An unknown id raises ``KeyError`` naming it, so a renamed figure cannot leave a stale number.
    """

    known: dict[str, float | str] = {**_table_values(), **facts(language), **(extra or {})}

    def fill(match: re.Match[str]) -> str:
        name, spec = match.group(1), match.group(2)
        if name not in known:
            raise KeyError(f"template names {{{name}}}, which is neither a figure_id, a derived_id "
                           f"nor an extra value; fix the template or {paths.CURATED_REL}/")
        value = known[name]
        if isinstance(value, str):
            return value
        if isinstance(value, float) and math.isnan(value):
            raise ValueError(f"{{{name}}} has no value in the tidy tables")
        text = format_number(value, language, spec)
        return text + mark if is_computed(name, value) else text

    mark = computed_mark(language)
    return PLACEHOLDER.sub(fill, template)


def rounding_examples() -> tuple[str, str]:
    """The ids the rounding rule shows: the largest amount (else the largest figure) and the first derived
    value that is a half at the second decimal (else the first that is not whole)."""
    from ..tidy.load import load_table

    figures, derived = load_table("figures"), load_table("derived")
    amounts = figures[figures["kind"] == "amount"]
    pool = amounts if len(amounts) else figures
    whole = str(pool.loc[pool["value"].astype(float).idxmax(), "figure_id"])
    fractions = [(str(i), float(v)) for i, v in zip(derived["derived_id"], derived["value"]) if not float(v).is_integer()]
    halves = [i for i, v in fractions if abs(v * 100 - round(v * 100)) < 1e-9 and round(v * 100) % 10 == 5]
    return whole, (halves or [i for i, _ in fractions])[0]


def rounding_rule(language: str) -> str:
    """The rounding rule (``rule.rounding`` in the kit's labels) in *language*, its examples filled from the tables."""
    from ..curate import labels

    whole, fraction = rounding_examples()
    template = labels.raw("rule.rounding", "zh" if language == "zh" else "en")
    return render(template.replace("{whole}", "{" + whole + "}").replace("{fraction}", "{" + fraction + "}"), language)


def placeholders(template: str) -> list[str]:
    """The ids a template names, in order."""
    return [m.group(1) for m in PLACEHOLDER.finditer(template)]


def typed_numbers(template: str) -> list[str]:
    """Digits written into *template* by hand, outside any placeholder (each one a defect).

    Code spans and names with digits (sha256, UTF-8) are skipped: they are not statistics.
    """
    text = PLACEHOLDER.sub(" ", template)
    text = _NAME_WITH_DIGITS.sub(" ", _CODE_SPAN.sub(" ", text))
    text = re.sub(r"(?i)\bper 100\b", "per hundred", text)
    return _DIGITS.findall(text)


def language_default() -> str:
    """The notebooks' default language: ``$XIANNING_LANG`` ("en" or "zh"), else "en"."""

    lang = os.environ.get("XIANNING_LANG", "en").strip().lower()
    return lang if lang in {"en", "zh"} else "en"


def speaker(language: str, **extra: float | str):
    """``say(en=..., zh=..., **more)``: render the template of *language* and display it as Markdown;
    ``say(part="01.funnel", **more)`` renders the article's own section (:func:`helpers.text.texts.part`).

    Returns the display object (shown by Jupyter when it is the cell's last value).
    """
    def say(en: str | None = None, zh: str | None = None, *, part: str | None = None, **more: float | str):
        from IPython.display import Markdown

        if part is not None:  # the article's own section of a kit notebook (its texts/notebooks.csv)
            from .texts import part as article_part

            template = article_part(part, language)
        else:
            template = zh if language == "zh" else en
        return Markdown(render(template, language, {**extra, **more}))

    return say
