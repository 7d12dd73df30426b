"""Rate cards: dated, labelled token prices loaded from a checked YAML file."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic import Field as SchemaField

from pricing.errors import (
    InvalidInputs,
    PricingError,
    RateFileError,
    RateFileProblem,
)
from pricing.money import format_usd_per_mtok, to_decimal

logger = logging.getLogger(__name__)

DEFAULT_RATES_PATH = Path(__file__).parent / "data" / "rate_cards.yaml"


class Direction(StrEnum):
    """Which kind of token a rate applies to."""

    INPUT = "input"
    OUTPUT = "output"
    CACHED_INPUT = "cached_input"
    CACHE_WRITE = "cache_write"
    REASONING = "reasoning"

    @property
    def words(self) -> str:
        """The direction as a learner reads it: `cached input`."""
        return self.value.replace("_", " ")


class RateKind(StrEnum):
    """Whether a rate is a made-up teaching number or a published price."""

    ILLUSTRATIVE = "illustrative"
    QUOTED = "quoted"


@dataclass(frozen=True, kw_only=True)
class TokenRate:
    """One price for one kind of token on one model, with its date and kind."""

    model: str
    provider: str
    direction: Direction
    usd_per_mtok: Decimal
    as_of: date
    """The day this price holds for."""

    kind: RateKind
    source: str | None = None
    """Where a quoted price was published; required when `kind` is quoted."""

    def __post_init__(self) -> None:
        try:
            amount = to_decimal(self.usd_per_mtok, name="The price per million tokens")
        except PricingError as error:
            raise InvalidInputs.single(
                field="usd_per_mtok", message=str(error)
            ) from error

        if amount < 0:
            raise InvalidInputs.single(
                field="usd_per_mtok",
                message=(
                    "The price per million tokens must be 0 or more; "
                    f"you entered {amount:f}."
                ),
            )

        if self.kind is RateKind.QUOTED and not self.source:
            raise InvalidInputs.single(
                field="source",
                message=(
                    f"The quoted {self.direction.words} rate for {self.model} has no "
                    "source; say where the price was published."
                ),
            )

        object.__setattr__(self, "usd_per_mtok", amount)

    def describe(self) -> str:
        """A one-line label that always says whether the rate is illustrative."""
        text = (
            f"{self.kind.value} {self.direction.words} rate for {self.model} "
            f"({self.provider}), {format_usd_per_mtok(self.usd_per_mtok)}, "
            f"as of {self.as_of.isoformat()}"
        )
        if self.source:
            text += f", source: {self.source}"
        return text


@dataclass(frozen=True, kw_only=True)
class RateCard:
    """A model's prices from one provider on one date, one rate per direction."""

    id: str
    label: str
    model: str
    provider: str
    as_of: date
    kind: RateKind
    source: str | None
    note: str
    rates: Mapping[Direction, TokenRate]

    def rate(self, direction: Direction) -> TokenRate | None:
        """The rate for one direction, or None when the card does not price it."""
        return self.rates.get(direction)

    @property
    def input_usd_per_mtok(self) -> Decimal:
        """USD per million input tokens."""
        return self.rates[Direction.INPUT].usd_per_mtok

    @property
    def output_usd_per_mtok(self) -> Decimal:
        """USD per million output tokens."""
        return self.rates[Direction.OUTPUT].usd_per_mtok


def _check_rate_amount(value: Any) -> Decimal:
    """Read a rate from YAML, where 0.30 arrives as a float and "0.30" as text."""
    try:
        amount = to_decimal(value, name="rate")
    except PricingError:
        raise ValueError(
            f"{value!r} is not a price; write USD per million tokens as a number "
            "such as 3.00"
        ) from None

    if amount < 0:
        raise ValueError(
            f"{amount:f} is below zero; a price per million tokens must be 0 or more"
        )

    return amount


UsdPerMtok = Annotated[Decimal, BeforeValidator(_check_rate_amount)]


class CardSchema(BaseModel):
    """One rate card as written in the YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = SchemaField(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    label: str
    model: str
    provider: str
    kind: RateKind
    as_of: date
    source: str | None = None
    note: str = ""
    rates: dict[Direction, UsdPerMtok]


class RateFileSchema(BaseModel):
    """The whole rate file: a list of cards."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cards: list[CardSchema] = SchemaField(min_length=1)


Location = tuple[str | int, ...]

_cache: dict[Path, tuple[int, dict[str, RateCard]]] = {}


def load_rate_cards(path: Path = DEFAULT_RATES_PATH) -> dict[str, RateCard]:
    """Load and check a rate file; the result is cached until the file changes."""
    path = Path(path)
    shown = _display_path(path)
    try:
        modified_ns = path.stat().st_mtime_ns
    except OSError as error:
        raise RateFileError(
            [RateFileProblem(shown, 1, "the rate file cannot be read; check the path")]
        ) from error

    cached = _cache.get(path)
    if cached is not None and cached[0] == modified_ns:
        return dict(cached[1])

    cards = _parse_rate_file(path.read_text(encoding="utf-8"), shown=shown)
    _cache[path] = (modified_ns, cards)
    logger.debug("loaded %d rate cards from %s", len(cards), shown)
    return dict(cards)


def _display_path(path: Path) -> str:
    """The path relative to the working directory when it sits below it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _parse_rate_file(text: str, *, shown: str) -> dict[str, RateCard]:
    """Turn the file's text into rate cards, reporting every problem with its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = error.problem or "the YAML does not parse"
        raise RateFileError(
            [RateFileProblem(shown, line, f"{reason}; fix the YAML syntax here")]
        ) from error

    lines: dict[Location, int] = {}
    if root is not None:
        _record_lines(root, (), lines)

    def problem(location: Location, message: str) -> RateFileProblem:
        return RateFileProblem(shown, _line_of(location, lines), message)

    try:
        parsed = RateFileSchema.model_validate(data)
    except ValidationError as error:
        problems = [
            problem(tuple(detail["loc"]), _explain(detail))
            for detail in error.errors(include_url=False)
        ]
        raise RateFileError(problems) from error

    problems = []
    cards: dict[str, RateCard] = {}
    seen_ids: set[str] = set()
    for index, entry in enumerate(parsed.cards):
        card_problems = [
            problem(("cards", index, key), message)
            for key, message in _card_problems(entry, seen_ids=seen_ids)
        ]
        seen_ids.add(entry.id)
        if card_problems:
            problems.extend(card_problems)
        else:
            cards[entry.id] = _card_from_schema(entry)

    if problems:
        raise RateFileError(problems)

    return cards


def _card_problems(entry: CardSchema, *, seen_ids: set[str]) -> list[tuple[str, str]]:
    """Checks that need the whole card, as (key to point at, message) pairs."""
    found = []
    if entry.id in seen_ids:
        found.append(
            ("id", f"the id {entry.id!r} is used twice; give each card its own id")
        )

    missing = [
        d.value for d in (Direction.INPUT, Direction.OUTPUT) if d not in entry.rates
    ]
    if missing:
        found.append(
            (
                "rates",
                f"card {entry.id!r} has no {' or '.join(missing)} rate; "
                "every card needs both input and output",
            )
        )

    if entry.kind is RateKind.QUOTED and not entry.source:
        found.append(
            (
                "kind",
                f"card {entry.id!r} is quoted but has no source; add source: "
                "with where the price was published, or mark it illustrative",
            )
        )

    return found


def _card_from_schema(entry: CardSchema) -> RateCard:
    rates = {
        direction: TokenRate(
            model=entry.model,
            provider=entry.provider,
            direction=direction,
            usd_per_mtok=amount,
            as_of=entry.as_of,
            kind=entry.kind,
            source=entry.source,
        )
        for direction, amount in entry.rates.items()
    }
    return RateCard(
        id=entry.id,
        label=entry.label,
        model=entry.model,
        provider=entry.provider,
        as_of=entry.as_of,
        kind=entry.kind,
        source=entry.source,
        note=entry.note,
        rates=MappingProxyType(rates),
    )


def _record_lines(
    node: yaml.Node, location: Location, lines: dict[Location, int]
) -> None:
    """Note the 1-based line of every mapping key and list item below `node`."""
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*location, key_node.value)
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*location, index), lines)


def _line_of(location: Location, lines: Mapping[Location, int]) -> int:
    """The line of the deepest part of `location` that appears in the file."""
    for end in range(len(location), -1, -1):
        line = lines.get(location[:end])
        if line is not None:
            return line
    return 1


def _explain(detail: Mapping[str, Any]) -> str:
    """A pydantic error rewritten as `what is wrong; how to fix it`."""
    location = [part for part in detail["loc"] if part != "[key]"]
    name = str(location[-1]) if location else "the file"
    kind = detail["type"]
    value = detail.get("input")

    if kind == "missing":
        return f"{name!r} is missing; add a {name}: line here"

    if kind == "extra_forbidden":
        allowed = (
            RateFileSchema.model_fields
            if len(location) == 1
            else CardSchema.model_fields
        )
        return f"unknown key {name!r}; remove it or use one of {', '.join(allowed)}"

    if kind == "enum" and "[key]" in detail["loc"]:
        known = ", ".join(d.value for d in Direction)
        return f"unknown rate direction {value!r}; use one of {known}"

    if kind == "enum":
        known = ", ".join(k.value for k in RateKind)
        return f"{name} {value!r} is not known; use one of {known}"

    if kind == "value_error":
        return str(detail["ctx"]["error"])

    if kind.startswith("date"):
        return (
            f"{name} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01"
        )

    if kind == "string_pattern_mismatch":
        return (
            f"{name} {value!r} is not a valid id; use lowercase letters, digits and "
            "single hyphens, e.g. example-frontier"
        )

    if kind == "string_type":
        return f"{name} should be text, got {value!r}; write it as a plain string"

    if kind == "too_short":
        return f"{name} is empty; add at least one card"

    if kind in {"model_type", "dict_type"}:
        return f"{name} should be a mapping of keys to values; check the indentation"

    if kind == "list_type":
        return f"{name} should be a list; start each card with '- '"
    return f"{name}: {detail['msg']}; check this value"
