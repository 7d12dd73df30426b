"""Compare providers, without Streamlit: cards, checks, prices, rankings and words.

A blended price assumes 3 input tokens for every output token. A workload with
another mix can pay more at the provider the blend calls cheapest. This module
checks a scenario of 2 to 4 rate cards and a token mix, prices it through
`pricing.compute.compare_rate_cards`, and words the result; the checker uses it
to validate a lesson's `{calculator} compare-providers` block without starting
an app. `calculators.compare_providers` draws it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from course.problems import Problem
from course.yamlsource import Location, SourceYaml
from pricing.compute import CardRates, Comparison, compare_rate_cards
from pricing.errors import InputProblem, InvalidInputs, PricingError
from pricing.formulas import Field, rate_field, requests_field, token_field
from pricing.money import format_count, format_usd, format_usd_per_mtok
from pricing.rates import RateCard, RateKind, load_rate_cards
from pricing.tokens import Usage

logger = logging.getLogger(__name__)

NAME = "compare-providers"
QUESTION = (
    "Which provider is cheapest for your token mix, and does a blended rate agree?"
)
BLEND_INPUT_PARTS = 3
BLEND_OUTPUT_PARTS = 1
LETTERS = ("a", "b", "c", "d")
MIN_CARDS, MAX_CARDS = 2, 4
DEFAULT_CARD_IDS = (
    "provider-a",
    "provider-b",
    "illustrative-frontier",
    "illustrative-small",
)
"""Cards from pricing/data/rate_cards.yaml that fill the four slots by default."""

CARD_KEYS = (
    "label",
    "model",
    "input_usd_per_mtok",
    "output_usd_per_mtok",
    "as_of",
    "kind",
    "source",
)
"""What a card holds, in a lesson's YAML and as URL parameters `a_label`, ...."""

REQUIRED_CARD_KEYS = ("label", "input_usd_per_mtok", "output_usd_per_mtok", "as_of")
KINDS = tuple(kind.value for kind in RateKind)

MIX_FIELDS = (
    token_field("input_tokens", "Input tokens per request", 10_000),
    token_field("output_tokens", "Output tokens per request", 200),
    requests_field(),
)
PARAM_NAMES = ("cards", *(field.name for field in MIX_FIELDS))
"""The top-level parameters a lesson may give this calculator."""


def card_rate_field(letter: str, direction: str) -> Field:
    """The input or output price of one card, as a checked number."""
    return rate_field(
        f"{letter}_{direction}_usd_per_mtok",
        f"Card {letter.upper()} {direction} price (USD per 1M tokens)",
        None,
    )


@dataclass(frozen=True)
class CardEntry:
    """One card as entered, before it is checked: label, rates, date and kind."""

    label: str
    model: str
    input_usd_per_mtok: Any
    output_usd_per_mtok: Any
    as_of: Any
    kind: Any
    source: str = ""

    @classmethod
    def from_rate_card(cls, card: RateCard) -> CardEntry:
        return cls(
            label=card.label,
            model=card.model,
            input_usd_per_mtok=card.input_usd_per_mtok,
            output_usd_per_mtok=card.output_usd_per_mtok,
            as_of=card.as_of,
            kind=card.kind.value,
            source=card.source or "",
        )


@dataclass(frozen=True)
class Scenario:
    """Everything the comparison needs, as entered."""

    cards: tuple[CardEntry, ...]
    input_tokens: Any
    output_tokens: Any
    requests_per_month: Any


@dataclass(frozen=True)
class Result:
    """A checked scenario priced by the pricing module."""

    comparison: Comparison
    sources: tuple[str, ...]


def default_cards() -> tuple[CardEntry, ...]:
    """The four default slots, read from the rate file so they match the lessons."""
    cards = load_rate_cards()
    return tuple(
        CardEntry.from_rate_card(cards[card_id]) for card_id in DEFAULT_CARD_IDS
    )


def default_scenario() -> Scenario:
    """Provider A ($1/$20) against Provider B ($4/$8) for 10,000 in and 200 out."""
    mix = {field.name: field.default for field in MIX_FIELDS}
    return Scenario(cards=default_cards()[:MIN_CARDS], **mix)


# Checking and pricing a scenario.


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _card_problems(
    letter: str, entry: CardEntry
) -> tuple[CardRates | None, list[InputProblem]]:
    """Check one card; InputProblem fields are the card's URL parameter names."""
    problems: list[InputProblem] = []
    name = f"Card {letter.upper()}"

    label = (entry.label or "").strip()
    if not label:
        problems.append(
            InputProblem(
                field=f"{letter}_label",
                message=f"{name} label is empty; enter a name such as Provider A.",
            )
        )

    rates: dict[str, Decimal | None] = {}
    for direction in ("input", "output"):
        field = card_rate_field(letter, direction)
        try:
            rates[direction] = field.parse(getattr(entry, f"{direction}_usd_per_mtok"))
        except InvalidInputs as error:
            problems.extend(error.problems)

    as_of = as_date(entry.as_of)
    if as_of is None:
        problems.append(
            InputProblem(
                field=f"{letter}_as_of",
                message=(
                    f"{name} date must be a date like 2026-12-01, the day the rates "
                    f"hold for; you entered {entry.as_of!r}."
                ),
            )
        )

    kind = str(entry.kind or "").strip()
    if kind not in KINDS:
        problems.append(
            InputProblem(
                field=f"{letter}_kind",
                message=(
                    f"{name} kind must be illustrative or quoted; "
                    f"you entered {entry.kind!r}."
                ),
            )
        )
    elif kind == RateKind.QUOTED and not (entry.source or "").strip():
        problems.append(
            InputProblem(
                field=f"{letter}_source",
                message=(
                    f"{name} is a quoted price but has no source; say where it was "
                    "published, or mark it illustrative."
                ),
            )
        )

    if problems:
        return None, problems
    return (
        CardRates(
            label=label,
            model=(entry.model or "").strip(),
            input_usd_per_mtok=rates["input"],
            output_usd_per_mtok=rates["output"],
            as_of=as_of,
            kind=RateKind(kind),
        ),
        [],
    )


def price(scenario: Scenario) -> Result:
    """Check every input and compare the cards; InvalidInputs lists all problems."""
    problems: list[InputProblem] = []
    if not MIN_CARDS <= len(scenario.cards) <= MAX_CARDS:
        problems.append(
            InputProblem(
                field="cards",
                message=(
                    f"A comparison needs {MIN_CARDS} to {MAX_CARDS} rate cards; "
                    f"you gave {len(scenario.cards)}."
                ),
            )
        )

    mix: dict[str, Decimal | None] = {}
    for field in MIX_FIELDS:
        try:
            mix[field.name] = field.parse(getattr(scenario, field.name))
        except InvalidInputs as error:
            problems.extend(error.problems)

    cards: list[CardRates] = []
    for letter, entry in zip(LETTERS, scenario.cards, strict=False):
        card, card_problems = _card_problems(letter, entry)
        problems.extend(card_problems)
        if card is not None:
            cards.append(card)

    seen: dict[str, str] = {}
    for letter, card in zip(LETTERS, cards, strict=False):
        first = seen.setdefault(card.label.casefold(), letter)
        if first != letter:
            problems.append(
                InputProblem(
                    field=f"{letter}_label",
                    message=(
                        f"Card {letter.upper()} has the same label as card "
                        f"{first.upper()} ({card.label!r}); give each card its own label."
                    ),
                )
            )

    if problems:
        raise InvalidInputs(problems)

    comparison = compare_rate_cards(
        cards=cards,
        usage=Usage(
            input_tokens=int(mix["input_tokens"]),
            output_tokens=int(mix["output_tokens"]),
        ),
        requests_per_month=mix["requests_per_month"],
        blend_input_parts=BLEND_INPUT_PARTS,
        blend_output_parts=BLEND_OUTPUT_PARTS,
    )
    sources = tuple((entry.source or "").strip() for entry in scenario.cards)
    return Result(comparison=comparison, sources=sources)


# Lesson parameters.

LessonProblem = tuple[Location, str, str]
"""Where in the block, what is wrong, how to fix it."""


def scenario_from_params(
    params: Mapping[str, Any],
) -> tuple[Scenario | None, list[LessonProblem]]:
    """Turn a lesson block's parameters into a scenario, or say what is wrong."""
    problems: list[LessonProblem] = [
        (
            (name,),
            f"unknown parameter `{name}` for {NAME}",
            f"use one of: {', '.join(PARAM_NAMES)}",
        )
        for name in params
        if name not in PARAM_NAMES
    ]
    defaults = default_scenario()

    raw_cards = params.get("cards")
    entries: list[CardEntry] = list(defaults.cards)
    if raw_cards is not None:
        entries, card_problems = _cards_from_params(raw_cards)
        problems.extend(card_problems)
    if problems:
        return None, problems

    scenario = Scenario(
        cards=tuple(entries),
        **{
            field.name: params.get(field.name, getattr(defaults, field.name))
            for field in MIX_FIELDS
        },
    )
    try:
        price(scenario)
    except InvalidInputs as error:
        return None, [_located(problem) for problem in error.problems]
    except PricingError as error:
        return None, [((), str(error).rstrip("."), "check the values")]
    return scenario, []


def _cards_from_params(raw: Any) -> tuple[list[CardEntry], list[LessonProblem]]:
    if not isinstance(raw, list):
        return [], [
            (
                ("cards",),
                "`cards` must be a list of rate cards",
                "write each card on its own `- ` line: a rate card id or a mapping",
            )
        ]
    if not MIN_CARDS <= len(raw) <= MAX_CARDS:
        return [], [
            (
                ("cards",),
                f"{NAME} needs {MIN_CARDS} to {MAX_CARDS} rate cards; "
                f"this block has {len(raw)}",
                "add or remove cards under `cards:`",
            )
        ]

    known = load_rate_cards()
    entries: list[CardEntry] = []
    problems: list[LessonProblem] = []
    for index, item in enumerate(raw):
        where: Location = ("cards", index)
        number = index + 1
        if isinstance(item, str):
            card = known.get(item)
            if card is None:
                problems.append(
                    (
                        where,
                        f"unknown rate card `{item}`",
                        f"use one of: {', '.join(known)}; or write the card out",
                    )
                )
                continue
            entries.append(CardEntry.from_rate_card(card))
            continue

        if not isinstance(item, Mapping):
            problems.append(
                (
                    where,
                    f"card {number} must be a rate card id or a mapping",
                    f"write a card id such as `provider-a`, or keys: {', '.join(CARD_KEYS)}",
                )
            )
            continue

        unknown = [key for key in item if key not in CARD_KEYS]
        missing = [key for key in REQUIRED_CARD_KEYS if key not in item]
        problems += [
            (
                (*where, key),
                f"unknown key `{key}` in card {number}",
                f"use: {', '.join(CARD_KEYS)}",
            )
            for key in unknown
        ]
        problems += [
            (where, f"card {number} has no `{key}`", f"add `{key}:` to card {number}")
            for key in missing
        ]
        if unknown or missing:
            continue
        entries.append(
            CardEntry(
                label=str(item["label"]),
                model=str(item.get("model") or ""),
                input_usd_per_mtok=item["input_usd_per_mtok"],
                output_usd_per_mtok=item["output_usd_per_mtok"],
                as_of=item["as_of"],
                kind=item.get("kind", RateKind.ILLUSTRATIVE.value),
                source=str(item.get("source") or ""),
            )
        )
    return entries, problems


def _located(problem: InputProblem) -> LessonProblem:
    """Map a checked field name (`b_as_of`, `input_tokens`) back to its YAML place."""
    letter, _, key = problem.field.partition("_")
    if letter in LETTERS and key in CARD_KEYS:
        index = LETTERS.index(letter)
        return (
            ("cards", index, key),
            problem.message.rstrip("."),
            f"change `{key}` in card {index + 1}",
        )
    return (
        (problem.field,),
        problem.message.rstrip("."),
        f"change `{problem.field}` in this block",
    )


def check_compare_params(
    params: Mapping[str, Any], *, source: SourceYaml, path: str
) -> list[Problem]:
    """Problems with a lesson's `{calculator} compare-providers` parameters."""
    _, problems = scenario_from_params(params)
    return [
        Problem(path, source.line_of(location), message, fix)
        for location, message, fix in problems
    ]


# Words and tables, from a priced comparison.


def _cheapest(comparison: Comparison, rank: str) -> list[str]:
    return [row.label for row in comparison.rows if getattr(row, rank) == 1]


def _names(labels: Sequence[str]) -> str:
    return " and ".join(labels)


def _mix_words(comparison: Comparison) -> str:
    usage = comparison.usage
    return (
        f"{format_count(usage.input_tokens)} input and "
        f"{format_count(usage.output_tokens)} output tokens per request"
    )


def disagreement(comparison: Comparison) -> str:
    """A note for when the blended ranking and the real-mix ranking differ."""
    if not comparison.rankings_disagree:
        return ""
    by_blend = sorted(comparison.rows, key=lambda row: row.rank_by_blend)
    by_mix = sorted(comparison.rows, key=lambda row: row.rank_by_mix)
    blend_text = ", ".join(
        f"{row.label} {format_usd(row.blended_usd_per_mtok)}" for row in by_blend
    )
    mix_text = ", ".join(
        f"{row.label} {format_usd(row.cost_per_request_usd)}" for row in by_mix
    )
    return (
        "The rankings disagree. A 3:1 blended rate puts "
        f"{_names(_cheapest(comparison, 'rank_by_blend'))} first "
        f"(per 1M tokens: {blend_text}), but for {_mix_words(comparison)} "
        f"{_names(_cheapest(comparison, 'rank_by_mix'))} is cheapest "
        f"(per request: {mix_text}). A blend describes only the mix it assumes; "
        "rank by your own."
    )


def agreement(comparison: Comparison) -> str:
    """A note for when both rankings put the same provider order."""
    return (
        f"Both rankings agree: {_names(_cheapest(comparison, 'rank_by_mix'))} is "
        f"cheapest for {_mix_words(comparison)} and by the 3:1 blended rate."
    )


def kind_caption(comparison: Comparison) -> str:
    kinds = {row.card.kind for row in comparison.rows}
    if kinds == {RateKind.ILLUSTRATIVE}:
        return "All rates here are illustrative: teaching numbers, not market prices."
    if kinds == {RateKind.QUOTED}:
        return "All rates here are quoted prices, as of the dates shown; check them before you rely on them."
    return "Illustrative and quoted rates are mixed here; each row says which it is."


def table(result: Result) -> list[dict[str, str]]:
    """One row per card, ranked by the real mix, every figure with its unit."""
    ordered = sorted(
        zip(result.comparison.rows, result.sources, strict=True),
        key=lambda pair: pair[0].rank_by_mix,
    )
    with_sources = any(result.sources)
    rows = []
    for row, source in ordered:
        line = {
            "Rank (your mix)": str(row.rank_by_mix),
            "Card": row.label,
            "Per request": format_usd(row.cost_per_request_usd),
            "Per month": format_usd(row.monthly_usd),
            "3:1 blend, per 1M tokens": format_usd(row.blended_usd_per_mtok),
            "Rank (3:1 blend)": str(row.rank_by_blend),
            "Rates": f"{row.card.kind.value}, {row.card.as_of.isoformat()}",
        }
        if with_sources:
            line["Source"] = source or "—"
        rows.append(line)
    return rows


def steps(comparison: Comparison) -> list[str]:
    """The worked arithmetic for every card, people-formatted."""
    usage = comparison.usage
    lines = []
    for row in comparison.rows:
        card = row.card
        lines.append(
            f"{row.label}: {format_count(usage.input_tokens)} tokens × "
            f"{format_usd_per_mtok(card.input_usd_per_mtok)} + "
            f"{format_count(usage.output_tokens)} tokens × "
            f"{format_usd_per_mtok(card.output_usd_per_mtok)} = "
            f"**{format_usd(row.cost_per_request_usd)}** per request; "
            f"× {format_count(comparison.requests_per_month)} requests = "
            f"**{format_usd(row.monthly_usd)}** a month"
        )
        lines.append(
            f"{row.label} blended: (3 × {format_usd(card.input_usd_per_mtok)} + "
            f"1 × {format_usd(card.output_usd_per_mtok)}) ÷ 4 = "
            f"**{format_usd_per_mtok(row.blended_usd_per_mtok)}**"
        )
    return lines


def csv_text(result: Result) -> str:
    comparison = result.comparison
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "label",
            "model",
            "kind",
            "as_of",
            "source",
            "input_usd_per_mtok",
            "output_usd_per_mtok",
            "input_tokens",
            "output_tokens",
            "requests_per_month",
            "cost_per_request_usd",
            "monthly_usd",
            "blended_3_to_1_usd_per_mtok",
            "rank_by_mix",
            "rank_by_blend",
        ]
    )
    for row, source in zip(comparison.rows, result.sources, strict=True):
        card = row.card
        writer.writerow(
            [
                row.label,
                card.model,
                card.kind.value,
                card.as_of.isoformat(),
                source,
                str(card.input_usd_per_mtok),
                str(card.output_usd_per_mtok),
                comparison.usage.input_tokens,
                comparison.usage.output_tokens,
                str(comparison.requests_per_month),
                str(row.cost_per_request_usd),
                str(row.monthly_usd),
                str(row.blended_usd_per_mtok),
                row.rank_by_mix,
                row.rank_by_blend,
            ]
        )
    return buffer.getvalue()
