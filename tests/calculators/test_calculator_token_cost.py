"""Token cost calculator: the reference request and the long-context tier boundary."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import token_cost as view
from pricing.errors import InvalidInputs
from pricing.formulas import get_formula

FORMULA = get_formula("token-cost")
TIER = {
    "long_context_threshold_tokens": 200_000,
    "long_context_input_usd_per_mtok": 6,
    "long_context_output_usd_per_mtok": "22.5",
}

CASES = [
    pytest.param(
        {},
        {
            "cost_per_request_usd": Decimal("0.033"),
            "monthly_usd": Decimal("33000"),
            "long_context_applied": Decimal(0),
        },
        id="reference: 1,000 x $3 + 2,000 x $15 per 1M = $0.033; x 1M = $33,000",
    ),
    pytest.param(
        {"input_tokens": 200_000, **TIER},
        {
            "input_usd": Decimal("0.6"),
            "output_usd": Decimal("0.03"),
            "cost_per_request_usd": Decimal("0.63"),
            "long_context_applied": Decimal(0),
        },
        id="prompt exactly at the threshold: base rates",
    ),
    pytest.param(
        {"input_tokens": 200_001, **TIER},
        {
            "input_usd": Decimal("1.200006"),
            "output_usd": Decimal("0.045"),
            "cost_per_request_usd": Decimal("1.245006"),
            "long_context_applied": Decimal(1),
        },
        id="one token past the threshold: whole request at tier rates",
    ),
    pytest.param(
        {"input_tokens": 200_001, "cached_input_tokens": 200_001, **TIER},
        {"long_context_applied": Decimal(1)},
        id="cached tokens count toward the threshold",
    ),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_figures(params, expected):
    values = FORMULA.evaluate(params).values

    for name, amount in expected.items():
        assert values[name] == amount, name


REJECTED = [
    pytest.param(
        {"output_tokens": -5},
        "output_tokens",
        "Output tokens per request must be 0 or more; you entered -5.",
        id="negative output",
    ),
    pytest.param(
        {"cached_input_tokens": 1500},
        "cached_input_tokens",
        "Cached input tokens (1,500) cannot exceed input tokens (1,000): cached "
        "tokens are part of the prompt.",
        id="more cached than sent",
    ),
    pytest.param(
        {"input_tokens": ""},
        "input_tokens",
        "Input tokens per request is empty; enter a whole number.",
        id="empty input tokens",
    ),
]


@pytest.mark.parametrize(("params", "field", "message"), REJECTED)
def test_rejected_inputs(params, field, message):
    with pytest.raises(InvalidInputs) as error:
        FORMULA.evaluate(params)

    assert error.value.messages_for(field) == (message,)


def test_note_names_the_tier_only_past_the_threshold():
    at = FORMULA.evaluate({"input_tokens": 200_000, **TIER})
    past = FORMULA.evaluate({"input_tokens": 200_001, **TIER})

    assert view.note(at) == ""
    assert "above the long-context threshold" in view.note(past)
