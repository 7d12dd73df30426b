"""Decimal conversion and the people-facing number formats."""

from decimal import Decimal

import pytest

from pricing.errors import PricingError
from pricing.money import (
    MILLION,
    format_count,
    format_percent,
    format_power_of_ten,
    format_ratio,
    format_sci,
    format_token_price,
    format_usd,
    format_usd_cents,
    format_usd_per_mtok,
    to_decimal,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(3, Decimal("3"), id="int"),
        pytest.param("2.50", Decimal("2.50"), id="str-keeps-places"),
        pytest.param(" 15 ", Decimal("15"), id="str-with-spaces"),
        pytest.param(0.1, Decimal("0.1"), id="float-via-str"),
        pytest.param(7e9, Decimal("7000000000"), id="float-large"),
        pytest.param(Decimal("0.075"), Decimal("0.075"), id="decimal"),
        pytest.param(-5, Decimal("-5"), id="negative-is-still-a-number"),
    ],
)
def test_to_decimal_accepts(value: object, expected: Decimal) -> None:
    assert to_decimal(value, name="Price") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("abc", "Price must be a number; got 'abc'.", id="text"),
        pytest.param(None, "Price must be a number; got None.", id="none"),
        pytest.param(True, "Price must be a number; got True.", id="bool"),
        pytest.param([1], "Price must be a number; got [1].", id="list"),
        pytest.param("NaN", "Price must be a finite number; got 'NaN'.", id="nan"),
        pytest.param(
            float("inf"), "Price must be a finite number; got inf.", id="infinity"
        ),
    ],
)
def test_to_decimal_rejects(value: object, message: str) -> None:
    with pytest.raises(PricingError) as caught:
        to_decimal(value, name="Price")

    assert str(caught.value) == message


def test_to_decimal_float_is_not_binary_fraction() -> None:
    """0.1 + 0.2 must be exactly 0.3 once both came in as floats."""
    total = to_decimal(0.1, name="a") + to_decimal(0.2, name="b")

    assert total == Decimal("0.3")


def test_million_is_exact() -> None:
    assert Decimal(1_000_000) == MILLION


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        # Whole dollars from $1,000 up.
        pytest.param("33000", "$33,000", id="monthly-bill"),
        pytest.param("14600", "$14,600", id="gpu-spend"),
        pytest.param("147455.342", "$147,455", id="training-cost"),
        pytest.param("1000", "$1,000", id="exactly-1000"),
        pytest.param("1000.5", "$1,001", id="half-rounds-up"),
        pytest.param("999.995", "$1,000", id="cents-round-into-thousands"),
        # Cents from $1 to $1,000.
        pytest.param("999.99", "$999.99", id="just-under-1000"),
        pytest.param("4.1666666", "$4.17", id="useful-gpu-hour"),
        pytest.param("1.3888888", "$1.39", id="serving-half-load"),
        pytest.param("5", "$5.00", id="whole-padded"),
        pytest.param("5.75", "$5.75", id="blend-a"),
        pytest.param("1", "$1.00", id="exactly-1"),
        # Four significant figures under $1.
        pytest.param("0.033", "$0.033", id="cost-per-request"),
        pytest.param("0.0405", "$0.0405", id="with-reasoning"),
        pytest.param("0.0105", "$0.0105", id="without-reasoning"),
        pytest.param("0.014", "$0.014", id="provider-a"),
        pytest.param("0.0416", "$0.0416", id="provider-b"),
        pytest.param("0.0135", "$0.0135", id="break-even-api"),
        pytest.param("0.5", "$0.50", id="at-least-two-places"),
        pytest.param("0.69", "$0.69", id="sixty-nine-cents"),
        pytest.param("0.6944444", "$0.6944", id="four-figures"),
        pytest.param("0.000003", "$0.000003", id="one-token"),
        pytest.param("0.99996", "$1.00", id="rounds-up-to-a-dollar"),
        # Zero and negatives.
        pytest.param("0", "$0.00", id="zero"),
        pytest.param("-5", "-$5.00", id="negative"),
        pytest.param("-14600", "-$14,600", id="negative-large"),
        pytest.param("-0.033", "-$0.033", id="negative-small"),
    ],
)
def test_format_usd(amount: str, expected: str) -> None:
    assert format_usd(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param("3", "$3.00 per 1M tokens", id="whole"),
        pytest.param("0.30", "$0.30 per 1M tokens", id="cents"),
        pytest.param("0.075", "$0.075 per 1M tokens", id="fraction-of-cent"),
    ],
)
def test_format_usd_per_mtok(amount: str, expected: str) -> None:
    assert format_usd_per_mtok(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        pytest.param(1000, 0, "1,000", id="thousand"),
        pytest.param(Decimal("1081481.48"), 0, "1,081,481", id="rounds-half-up"),
        pytest.param(1_081_482, 0, "1,081,482", id="break-even-shown"),
        pytest.param(Decimal("3504"), 0, "3,504", id="useful-gpu-hours"),
        pytest.param(Decimal("2.39998"), 1, "2.4", id="one-place"),
        pytest.param(7, 0, "7", id="small"),
    ],
)
def test_format_count(value: Decimal | int, places: int, expected: str) -> None:
    assert format_count(value, places=places) == expected


@pytest.mark.parametrize(
    ("value", "sci", "power"),
    [
        pytest.param(Decimal("8.4E22"), "8.4e22", "8.4 × 10^22", id="training-flops"),
        pytest.param(Decimal("7000000000"), "7e9", "7 × 10^9", id="parameters"),
        pytest.param(Decimal("123456"), "1.23e5", "1.23 × 10^5", id="three-figures"),
        pytest.param(Decimal("9996"), "1e4", "1 × 10^4", id="rounds-into-next-power"),
        pytest.param(Decimal("0.00042"), "4.2e-4", "4.2 × 10^-4", id="tiny"),
        pytest.param(Decimal("0"), "0", "0", id="zero"),
    ],
)
def test_scientific_formats(value: Decimal, sci: str, power: str) -> None:
    assert format_sci(value) == sci
    assert format_power_of_ten(value) == power


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        pytest.param(
            Decimal(100) * Decimal("0.03") / Decimal("0.033"),
            1,
            "90.9%",
            id="output-share",
        ),
        pytest.param(Decimal("60"), 0, "60%", id="whole"),
        pytest.param(Decimal("0.05"), 1, "0.1%", id="half-rounds-up"),
    ],
)
def test_format_percent(value: Decimal, places: int, expected: str) -> None:
    assert format_percent(value, places=places) == expected


def test_format_ratio() -> None:
    """0.0405 / 0.0105 = 3.857..., shown to one place."""
    assert format_ratio(Decimal("0.0405") / Decimal("0.0105")) == "3.9×"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0.625", "$0.63"),
        ("0.4286", "$0.43"),
        ("2.5", "$2.50"),
        ("1250", "$1,250.00"),
        ("-0.004", "$0.00"),
        ("-1.5", "-$1.50"),
    ],
)
def test_format_usd_cents(amount, shown):
    assert format_usd_cents(Decimal(amount)) == shown


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0.694444", "$0.69"),
        ("1.388888", "$1.39"),
        ("0.1", "$0.10"),
        ("0.075", "$0.075"),
    ],
)
def test_format_token_price(amount, shown):
    assert format_token_price(Decimal(amount)) == shown
