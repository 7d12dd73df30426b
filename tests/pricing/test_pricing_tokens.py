"""Token usage, prices, the split request bill, tiers, discounts and blends."""

from decimal import Decimal

import pytest

from pricing.errors import InvalidInputs
from pricing.tokens import (
    LongContextTier,
    RequestCost,
    TokenPrices,
    Usage,
    apply_batch_discount,
    blended_usd_per_mtok,
    monthly_cost,
    prices_for,
    request_cost,
)

FRONTIER = TokenPrices(
    input_usd_per_mtok=Decimal("3"), output_usd_per_mtok=Decimal("15")
)


@pytest.mark.parametrize(
    ("usage", "prices", "expected"),
    [
        pytest.param(
            Usage(input_tokens=1000, output_tokens=2000),
            FRONTIER,
            RequestCost(
                input_usd=Decimal("0.003"),
                cached_input_usd=Decimal("0"),
                output_usd=Decimal("0.03"),
                reasoning_usd=Decimal("0"),
            ),
            id="reference-1000-in-2000-out",
        ),
        pytest.param(
            Usage(input_tokens=1000, output_tokens=2000, cached_input_tokens=400),
            TokenPrices(
                input_usd_per_mtok=Decimal("3"),
                output_usd_per_mtok=Decimal("15"),
                cached_input_usd_per_mtok=Decimal("0.30"),
            ),
            RequestCost(
                input_usd=Decimal("0.0018"),
                cached_input_usd=Decimal("0.00012"),
                output_usd=Decimal("0.03"),
                reasoning_usd=Decimal("0"),
            ),
            id="cached-at-own-rate",
        ),
        pytest.param(
            Usage(input_tokens=1000, output_tokens=2000, cached_input_tokens=400),
            FRONTIER,
            RequestCost(
                input_usd=Decimal("0.0018"),
                cached_input_usd=Decimal("0.0012"),
                output_usd=Decimal("0.03"),
                reasoning_usd=Decimal("0"),
            ),
            id="cached-without-rate-bills-at-input",
        ),
        pytest.param(
            Usage(input_tokens=1000, output_tokens=2500, reasoning_tokens=2000),
            FRONTIER,
            RequestCost(
                input_usd=Decimal("0.003"),
                cached_input_usd=Decimal("0"),
                output_usd=Decimal("0.0075"),
                reasoning_usd=Decimal("0.03"),
            ),
            id="reasoning-split-at-output-rate",
        ),
        pytest.param(
            Usage(input_tokens=1000, output_tokens=2500, reasoning_tokens=2000),
            TokenPrices(
                input_usd_per_mtok=Decimal("3"),
                output_usd_per_mtok=Decimal("15"),
                reasoning_usd_per_mtok=Decimal("10"),
            ),
            RequestCost(
                input_usd=Decimal("0.003"),
                cached_input_usd=Decimal("0"),
                output_usd=Decimal("0.0075"),
                reasoning_usd=Decimal("0.02"),
            ),
            id="reasoning-at-own-rate",
        ),
        pytest.param(
            Usage(input_tokens=0, output_tokens=0),
            FRONTIER,
            RequestCost(
                input_usd=Decimal("0"),
                cached_input_usd=Decimal("0"),
                output_usd=Decimal("0"),
                reasoning_usd=Decimal("0"),
            ),
            id="empty-request",
        ),
    ],
)
def test_request_cost(usage: Usage, prices: TokenPrices, expected: RequestCost) -> None:
    assert request_cost(usage=usage, prices=prices) == expected


def test_reference_request_total_and_share() -> None:
    """0.003 + 0.03 = 0.033; output share 0.03 / 0.033 = 90.9%."""
    cost = request_cost(
        usage=Usage(input_tokens=1000, output_tokens=2000), prices=FRONTIER
    )

    assert cost.total_usd == Decimal("0.033")
    assert round(cost.output_share * 100, 1) == Decimal("90.9")
    assert list(cost.parts()) == ["input", "cached input", "output", "reasoning"]
    assert sum(cost.parts().values()) == cost.total_usd


def test_output_share_of_free_request_is_zero() -> None:
    cost = request_cost(usage=Usage(input_tokens=0, output_tokens=0), prices=FRONTIER)

    assert cost.output_share == Decimal(0)


@pytest.mark.parametrize(
    ("tokens", "accepted"),
    [
        pytest.param(
            {"input_tokens": 1000, "cached_input_tokens": 1000},
            True,
            id="cached-equals-input",
        ),
        pytest.param(
            {"input_tokens": 1000, "cached_input_tokens": 1001},
            False,
            id="cached-one-past-input",
        ),
        pytest.param(
            {"output_tokens": 2000, "reasoning_tokens": 2000},
            True,
            id="reasoning-equals-output",
        ),
        pytest.param(
            {"output_tokens": 2000, "reasoning_tokens": 2001},
            False,
            id="reasoning-one-past-output",
        ),
    ],
)
def test_usage_subset_thresholds(tokens: dict[str, int], accepted: bool) -> None:
    arguments = {"input_tokens": 1000, "output_tokens": 2000, **tokens}

    if accepted:
        Usage(**arguments)
    else:
        with pytest.raises(InvalidInputs):
            Usage(**arguments)


@pytest.mark.parametrize(
    ("arguments", "field", "message"),
    [
        pytest.param(
            {"input_tokens": 1000, "output_tokens": -5},
            "output_tokens",
            "Output tokens must be 0 or more; you entered -5.",
            id="negative-output",
        ),
        pytest.param(
            {"input_tokens": 1.5, "output_tokens": 0},
            "input_tokens",
            "Input tokens must be a whole number of tokens; you entered 1.5.",
            id="fractional-input",
        ),
        pytest.param(
            {"input_tokens": True, "output_tokens": 0},
            "input_tokens",
            "Input tokens must be a whole number of tokens; you entered True.",
            id="bool-input",
        ),
        pytest.param(
            {"input_tokens": 1000, "output_tokens": 0, "cached_input_tokens": 1500},
            "cached_input_tokens",
            "Cached input tokens (1,500) cannot exceed input tokens (1,000): cached "
            "tokens are part of the prompt.",
            id="cached-exceeds-input",
        ),
        pytest.param(
            {"input_tokens": 0, "output_tokens": 2000, "reasoning_tokens": 2500},
            "reasoning_tokens",
            "Reasoning tokens (2,500) cannot exceed output tokens (2,000): reasoning "
            "tokens are part of the output.",
            id="reasoning-exceeds-output",
        ),
    ],
)
def test_usage_rejects(arguments: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(InvalidInputs) as caught:
        Usage(**arguments)

    assert [(p.field, p.message) for p in caught.value.problems] == [(field, message)]


def test_usage_collects_every_problem() -> None:
    with pytest.raises(InvalidInputs) as caught:
        Usage(input_tokens=-1, output_tokens=-2)

    assert [p.field for p in caught.value.problems] == ["input_tokens", "output_tokens"]
    assert str(caught.value) == (
        "Input tokens must be 0 or more; you entered -1. "
        "Output tokens must be 0 or more; you entered -2."
    )


def test_token_prices_convert_and_reject() -> None:
    prices = TokenPrices(input_usd_per_mtok=0.1, output_usd_per_mtok="15")

    assert prices.input_usd_per_mtok == Decimal("0.1")
    assert prices.output_usd_per_mtok == Decimal("15")
    with pytest.raises(InvalidInputs) as caught:
        TokenPrices(input_usd_per_mtok=Decimal("-1"), output_usd_per_mtok=Decimal("15"))
    assert caught.value.messages_for("input_usd_per_mtok") == (
        "Input price per million tokens must be 0 or more; you entered -1.",
    )


TIER = LongContextTier(
    threshold_tokens=200_000,
    input_usd_per_mtok=Decimal("6"),
    output_usd_per_mtok=Decimal("22.50"),
)


@pytest.mark.parametrize(
    ("input_tokens", "cached_input_tokens", "tier_applies"),
    [
        pytest.param(200_000, 0, False, id="exactly-at-threshold"),
        pytest.param(200_001, 0, True, id="one-past-threshold"),
        pytest.param(200_001, 200_001, True, id="cached-tokens-count-toward-threshold"),
    ],
)
def test_long_context_threshold(
    input_tokens: int, cached_input_tokens: int, tier_applies: bool
) -> None:
    usage = Usage(
        input_tokens=input_tokens,
        output_tokens=1000,
        cached_input_tokens=cached_input_tokens,
    )

    prices = prices_for(usage=usage, base=FRONTIER, tier=TIER)

    expected = (
        (Decimal("6"), Decimal("22.50"))
        if tier_applies
        else (Decimal("3"), Decimal("15"))
    )
    assert (prices.input_usd_per_mtok, prices.output_usd_per_mtok) == expected


def test_long_context_prices_whole_request() -> None:
    """200,001 × 6 / 1M = 1.200006 and 1,000 × 22.50 / 1M = 0.0225."""
    usage = Usage(input_tokens=200_001, output_tokens=1000)

    cost = request_cost(
        usage=usage, prices=prices_for(usage=usage, base=FRONTIER, tier=TIER)
    )

    assert cost.input_usd == Decimal("1.200006")
    assert cost.output_usd == Decimal("0.0225")


def test_long_context_keeps_base_cached_rate_when_tier_has_none() -> None:
    base = TokenPrices(
        input_usd_per_mtok=Decimal("3"),
        output_usd_per_mtok=Decimal("15"),
        cached_input_usd_per_mtok=Decimal("0.30"),
    )
    usage = Usage(input_tokens=300_000, output_tokens=0, cached_input_tokens=100_000)

    prices = prices_for(usage=usage, base=base, tier=TIER)

    assert prices.cached_input_usd_per_mtok == Decimal("0.30")


def test_no_tier_keeps_base_prices() -> None:
    usage = Usage(input_tokens=10**6, output_tokens=0)

    assert prices_for(usage=usage, base=FRONTIER, tier=None) is FRONTIER


REFERENCE_COST = RequestCost(
    input_usd=Decimal("0.003"),
    cached_input_usd=Decimal("0.001"),
    output_usd=Decimal("0.03"),
    reasoning_usd=Decimal("0.002"),
)


@pytest.mark.parametrize(
    ("discount_percent", "expected_total"),
    [
        pytest.param(Decimal("0"), Decimal("0.036"), id="no-discount"),
        pytest.param(Decimal("50"), Decimal("0.018"), id="half-off"),
        pytest.param(Decimal("100"), Decimal("0"), id="exactly-100"),
    ],
)
def test_batch_discount_scales_every_part(
    discount_percent: Decimal, expected_total: Decimal
) -> None:
    discounted = apply_batch_discount(REFERENCE_COST, discount_percent=discount_percent)

    assert discounted.total_usd == expected_total
    keep = (100 - discount_percent) / 100
    for name, part in REFERENCE_COST.parts().items():
        assert discounted.parts()[name] == part * keep


@pytest.mark.parametrize(
    ("discount_percent", "message"),
    [
        pytest.param(
            Decimal("100.1"),
            "Batch discount must be between 0 and 100 percent; you entered 100.1.",
            id="one-tenth-past-100",
        ),
        pytest.param(
            Decimal("-1"),
            "Batch discount must be between 0 and 100 percent; you entered -1.",
            id="negative",
        ),
    ],
)
def test_batch_discount_rejects(discount_percent: Decimal, message: str) -> None:
    with pytest.raises(InvalidInputs) as caught:
        apply_batch_discount(REFERENCE_COST, discount_percent=discount_percent)

    assert str(caught.value) == message


def test_monthly_cost_reference() -> None:
    """0.033 × 1,000,000 requests = 33,000."""
    assert monthly_cost(
        cost_per_request_usd=Decimal("0.033"), requests_per_month=1_000_000
    ) == Decimal("33000")


@pytest.mark.parametrize(
    ("input_rate", "output_rate", "input_parts", "output_parts", "expected"),
    [
        pytest.param("1", "20", 3, 1, Decimal("5.75"), id="provider-a-3-to-1"),
        pytest.param("4", "8", 3, 1, Decimal("5.00"), id="provider-b-3-to-1"),
        pytest.param("3", "15", 3, 1, Decimal("6"), id="frontier-3-to-1"),
        pytest.param("3", "15", 1, 1, Decimal("9"), id="frontier-even-mix"),
    ],
)
def test_blended_rate(
    input_rate: str,
    output_rate: str,
    input_parts: int,
    output_parts: int,
    expected: Decimal,
) -> None:
    """Provider A: (3 × 1 + 1 × 20) / 4 = 5.75; B: (3 × 4 + 1 × 8) / 4 = 5.00."""
    blend = blended_usd_per_mtok(
        input_usd_per_mtok=Decimal(input_rate),
        output_usd_per_mtok=Decimal(output_rate),
        input_parts=input_parts,
        output_parts=output_parts,
    )

    assert blend == expected


def test_blended_rate_rejects_zero_parts() -> None:
    with pytest.raises(InvalidInputs) as caught:
        blended_usd_per_mtok(
            input_usd_per_mtok=Decimal("3"),
            output_usd_per_mtok=Decimal("15"),
            input_parts=0,
            output_parts=1,
        )

    assert str(caught.value) == "Input parts must be above 0; you entered 0."
