"""Decimal conversion and the ways money and counts are written for people."""

from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pricing.errors import PricingError

logger = logging.getLogger(__name__)

MILLION = Decimal(1_000_000)
_THOUSAND = Decimal(1000)
_CENT = Decimal("0.01")
_SMALL_SIGNIFICANT_FIGURES = 4
_SCI_SIGNIFICANT_FIGURES = 3


def to_decimal(value: object, *, name: str) -> Decimal:
    """Turn an int, str, float or Decimal into a finite Decimal, or raise PricingError.

    Floats go through `str()` first so that 0.1 stays 0.1 rather than the
    binary fraction nearest to it.
    """
    if isinstance(value, bool) or value is None:
        raise PricingError(f"{name} must be a number; got {value!r}.")

    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float | str):
        text = str(value).strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise PricingError(f"{name} must be a number; got {value!r}.") from None
    else:
        raise PricingError(f"{name} must be a number; got {value!r}.")

    if not number.is_finite():
        raise PricingError(f"{name} must be a finite number; got {value!r}.")

    return number


def format_usd(amount: Decimal) -> str:
    """Money as a person reads it: `$33,000`, `$4.17`, `$0.0405`, `-$5.00`."""
    amount = to_decimal(amount, name="Amount")
    sign = "-" if amount < 0 else ""
    size = abs(amount)

    if size == 0:
        return "$0.00"

    cents = size.quantize(_CENT, rounding=ROUND_HALF_UP)
    if cents >= _THOUSAND:
        dollars = size.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return f"{sign}${dollars:,f}"

    if size >= 1:
        return f"{sign}${cents:,f}"

    return f"{sign}${_small_amount(size)}"


def format_usd_cents(amount: Decimal) -> str:
    """Money in whole cents, for sentences about prices: `$0.63`, `$1,250.00`."""
    amount = to_decimal(amount, name="Amount")
    cents = abs(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 and cents else ""
    return f"{sign}${cents:,f}"


def _small_amount(size: Decimal) -> str:
    """A positive amount under one dollar to four significant figures, >= 2 places."""
    exponent = size.adjusted() - (_SMALL_SIGNIFICANT_FIGURES - 1)
    rounded = size.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    fraction = fraction.rstrip("0").ljust(2, "0")
    return f"{whole}.{fraction}"


def format_token_price(amount: Decimal) -> str:
    """A price per million tokens: whole cents from ten cents up (`$0.69`), else `$0.075`."""
    amount = to_decimal(amount, name="Amount")
    if abs(amount) >= Decimal("0.1"):
        return format_usd_cents(amount)
    return format_usd(amount)


def format_usd_per_mtok(amount: Decimal) -> str:
    """A token rate as `$3.00 per 1M tokens`."""
    return f"{format_usd(amount)} per 1M tokens"


def format_count(value: Decimal | int, *, places: int = 0) -> str:
    """A count with thousands separators: `1,000`, `1,081,482`, `2.4` with places=1."""
    number = to_decimal(value, name="Count")
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:,f}"


def _mantissa_and_exponent(value: Decimal) -> tuple[str, int]:
    """Split a non-zero value into a short mantissa string and a power of ten."""
    exponent = value.adjusted()
    mantissa = value.scaleb(-exponent)
    step = Decimal(1).scaleb(-(_SCI_SIGNIFICANT_FIGURES - 1))
    mantissa = mantissa.quantize(step, rounding=ROUND_HALF_UP)

    # Rounding 9.995 gives 10.00; move the extra digit into the exponent.
    if abs(mantissa) >= 10:
        mantissa = mantissa.scaleb(-1)
        exponent += 1

    text = f"{mantissa:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text, exponent


def format_measure(value: Decimal | int, *, max_places: int = 2) -> str:
    """A count that may have a fraction, exact enough to check by hand: `182.5`, `3,504`."""
    number = to_decimal(value, name="Value")
    rounded = number.quantize(Decimal(1).scaleb(-max_places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_sci(value: Decimal | int) -> str:
    """A large or tiny number in code-style scientific notation: `8.4e22`."""
    number = to_decimal(value, name="Value")
    if number == 0:
        return "0"

    mantissa, exponent = _mantissa_and_exponent(number)
    return f"{mantissa}e{exponent}"


def format_power_of_ten(value: Decimal | int) -> str:
    """A large or tiny number as a learner reads it: `8.4 × 10^22`."""
    number = to_decimal(value, name="Value")
    if number == 0:
        return "0"

    mantissa, exponent = _mantissa_and_exponent(number)
    return f"{mantissa} × 10^{exponent}"


def format_percent(value: Decimal, *, places: int = 1) -> str:
    """A value already in percent (90.909...) written as `90.9%`."""
    number = to_decimal(value, name="Percent")
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:,f}%"


def format_ratio(value: Decimal, *, places: int = 1) -> str:
    """A multiplier such as a cost ratio, written as `3.9×`."""
    number = to_decimal(value, name="Ratio")
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:,f}×"
