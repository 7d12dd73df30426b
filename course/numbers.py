"""Numbers as learners type them and as they should read them back."""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, Decimal, InvalidOperation

from pricing.money import (
    format_count,
    format_percent,
    format_ratio,
    format_usd,
    format_usd_per_mtok,
)

_ANSWER = re.compile(
    r"""^\s*(?:usd\s*)?\$?\s*
    (?P<number>[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*
    (?:(?P<scale>k|thousand|m|mn|million|b|bn|billion|t|tn|trillion)\b)?\s*
    (?P<unit>[%×x]|[a-z][a-z0-9 /().\-]*)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SCALES = {
    "k": 3,
    "thousand": 3,
    "m": 6,
    "mn": 6,
    "million": 6,
    "b": 9,
    "bn": 9,
    "billion": 9,
    "t": 12,
    "tn": 12,
    "trillion": 12,
}


def parse_answer(text: str) -> tuple[Decimal | None, str | None]:
    """A typed answer as a Decimal, or a hint saying how to type it.

    Accepts what people write: `$33,000`, `33000 USD`, `33k`, `2e12`, `7.6 days`,
    `90.9%`. Currency signs, thousands separators and trailing unit words are
    ignored; `k`, `million`, `bn` and the like scale the number.
    """
    if not text or not text.strip():
        return None, "Type a number, then check your answer."

    match = _ANSWER.match(text.strip())
    if match is None:
        return (
            None,
            f"`{text.strip()}` is not a number. Type digits, like 33000 or 0.033.",
        )

    try:
        value = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        return (
            None,
            f"`{text.strip()}` is not a number. Type digits, like 33000 or 0.033.",
        )
    if not value.is_finite():
        return None, "Type an ordinary number, like 33000 or 0.033."

    scale = match["scale"]
    if scale:
        value = value.scaleb(_SCALES[scale.lower()])
    return value, None


UNIT_HINTS = {
    "usd": "US dollars, e.g. 1250 or 0.042",
    "usd_per_mtok": "US dollars per million tokens, e.g. 4.5",
    "usd_per_gpu_hour": "US dollars per GPU-hour, e.g. 3.75",
    "days": "days, e.g. 2.4",
    "percent": "percent, e.g. 62.5",
    "ratio": "times, e.g. 3.2",
    "requests_per_month": "requests a month, e.g. 1,200,000",
    "gpu_hours": "GPU-hours, e.g. 5,840",
}


def answer_hint(unit: str) -> str:
    """Placeholder text for a numeric answer box."""
    return "A number in " + UNIT_HINTS.get(unit, unit.replace("_", " "))


def format_quantity(value: Decimal, unit: str) -> str:
    """A value in its unit, written for people: `$4,050`, `7.64 days`, `90.9%`."""
    if unit == "usd":
        return format_usd(value)
    if unit == "usd_per_mtok":
        return format_usd_per_mtok(value)
    if unit == "usd_per_gpu_hour":
        return f"{format_usd(value)} per GPU-hour"
    if unit == "percent":
        return format_percent(value)
    if unit == "ratio":
        return format_ratio(value)
    if unit == "requests_per_month":
        # A volume to reach is a whole number of requests: round up, never down.
        whole = value.to_integral_value(rounding=ROUND_CEILING)
        return f"{format_count(whole)} requests a month"
    if unit == "gpu_hours":
        return f"{format_count(value)} GPU-hours"
    return f"{_significant(value)} {unit.replace('_', ' ')}"


def format_typed(value: Decimal, unit: str) -> str:
    """A learner's own answer in its unit, with every digit they typed."""
    number = (
        f"{value.normalize():,f}"
        if value == value.to_integral_value()
        else f"{value:,f}"
    )
    if unit in ("usd", "usd_per_mtok", "usd_per_gpu_hour"):
        shown = f"-${number[1:]}" if number.startswith("-") else f"${number}"
        suffix = {"usd_per_mtok": " per 1M tokens", "usd_per_gpu_hour": " per GPU-hour"}
        return shown + suffix.get(unit, "")
    if unit == "percent":
        return f"{number}%"
    if unit == "ratio":
        return f"{number}×"
    return f"{number} {unit.replace('_', ' ')}"


def _significant(value: Decimal, figures: int = 3) -> str:
    if value == 0:
        return "0"
    exponent = value.adjusted()
    places = max(figures - 1 - exponent, 0)
    rounded = round(value, places)
    return (
        f"{rounded:,.{places}f}".rstrip("0").rstrip(".")
        if places
        else f"{rounded:,.0f}"
    )
