"""The named-formula registry: parsing raw inputs, reference values, worked steps."""

from decimal import Decimal

import pytest

from pricing.errors import InvalidInputs, PricingError
from pricing.formulas import FORMULAS, Evaluation, Step, get_formula

FIELD_UNITS = {
    "tokens",
    "usd_per_mtok",
    "requests_per_month",
    "usd_per_gpu_hour",
    "gpus",
    "hours",
    "percent",
    "tokens_per_second",
    "parameters",
    "tflops",
    "requests_per_second",
    "parts",
}
OUTPUT_UNITS = {
    "usd",
    "usd_per_mtok",
    "percent",
    "gpu_hours",
    "days",
    "flops",
    "requests_per_month",
    "ratio",
    "usd_per_gpu_hour",
    "tokens_per_hour",
}


def test_registry_names_in_order() -> None:
    assert list(FORMULAS) == [
        "token-cost",
        "gpu-hour-cost",
        "serving-cost",
        "training-cost",
        "reasoning-cost",
        "break-even",
        "blended-rate",
    ]


def test_unknown_formula_lists_known_names() -> None:
    with pytest.raises(PricingError) as caught:
        get_formula("compare-providers")

    assert str(caught.value) == (
        "There is no formula called 'compare-providers'; known formulas are "
        "token-cost, gpu-hour-cost, serving-cost, training-cost, reasoning-cost, "
        "break-even, blended-rate."
    )


@pytest.mark.parametrize("name", list(FORMULAS))
def test_declarations_are_consistent(name: str) -> None:
    formula = get_formula(name)

    assert {field.unit for field in formula.fields} <= FIELD_UNITS
    assert {output.unit for output in formula.outputs} <= OUTPUT_UNITS
    assert len(set(formula.field_names())) == len(formula.fields)
    for field in formula.fields:
        assert field.optional or field.default is not None, field.name
        assert field.default is None or field.parse(field.default) == field.default


@pytest.mark.parametrize("name", list(FORMULAS))
def test_defaults_evaluate_to_every_declared_output(name: str) -> None:
    formula = get_formula(name)

    evaluation = formula.evaluate({})

    # These exist only when their optional price is given.
    optional = {
        "api_ratio",
        "committed_spend_usd",
        "committed_usd_per_useful_gpu_hour",
        "spot_spend_usd",
        "spot_usd_per_useful_gpu_hour",
    }
    declared = {output.name for output in formula.outputs} - optional
    assert set(evaluation.values) == declared
    assert all(isinstance(value, Decimal) for value in evaluation.values.values())
    assert evaluation.steps
    assert dict(evaluation.inputs) == formula.defaults()


REFERENCE_CASES = [
    # token-cost: 1,000 × 3 / 1M + 2,000 × 15 / 1M = 0.003 + 0.03 = 0.033.
    ("token-cost", {}, "cost_per_request_usd", "0.033"),
    ("token-cost", {}, "monthly_usd", "33000"),
    ("token-cost", {}, "input_usd", "0.003"),
    ("token-cost", {}, "output_usd", "0.03"),
    ("token-cost", {}, "long_context_applied", "0"),
    # gpu-hour-cost: 8 × 730 = 5,840 GPU-h; × 2.50 = 14,600; × 60% = 3,504.
    ("gpu-hour-cost", {}, "spend_usd", "14600"),
    ("gpu-hour-cost", {}, "gpu_hours", "5840"),
    ("gpu-hour-cost", {}, "useful_gpu_hours", "3504"),
    # serving-cost: 1,000 × 3,600 × 50% = 1.8M tokens/h for 2.50.
    ("serving-cost", {}, "tokens_per_hour", "1800000"),
    ("serving-cost", {}, "usd_per_hour", "2.50"),
    ("serving-cost", {"api_output_usd_per_mtok": 15}, "api_ratio", "10.8"),
    # training-cost: 6 × 7e9 × 2e12.
    ("training-cost", {}, "training_flops", "8.4E22"),
    # reasoning-cost: 0.003 + (500 + 2,000) × 15 / 1M = 0.0405 vs 0.0105.
    ("reasoning-cost", {}, "cost_per_request_usd", "0.0405"),
    ("reasoning-cost", {}, "cost_without_reasoning_usd", "0.0105"),
    ("reasoning-cost", {}, "monthly_usd", "40500"),
    ("reasoning-cost", {}, "monthly_without_reasoning_usd", "10500"),
    # break-even: 2,000 × 3 / 1M + 500 × 15 / 1M = 0.0135; 8 × 730 × 2.50.
    ("break-even", {}, "api_usd_per_request", "0.0135"),
    ("break-even", {}, "self_hosted_monthly_usd", "14600"),
    ("break-even", {}, "capacity_requests_per_month", "2628000"),
    ("break-even", {}, "capacity_covers", "1"),
    # blended-rate: (3 × 3 + 1 × 15) / 4 = 6; provider A (3 × 1 + 20) / 4.
    ("blended-rate", {}, "blended_usd_per_mtok", "6"),
    (
        "blended-rate",
        {"input_usd_per_mtok": 1, "output_usd_per_mtok": 20},
        "blended_usd_per_mtok",
        "5.75",
    ),
    (
        "blended-rate",
        {"input_usd_per_mtok": 4, "output_usd_per_mtok": 8},
        "blended_usd_per_mtok",
        "5.00",
    ),
]


@pytest.mark.parametrize(
    ("name", "raw", "output", "expected"),
    [
        pytest.param(*case, id=f"{case[0]}-{case[2]}-{index}")
        for index, case in enumerate(REFERENCE_CASES)
    ],
)
def test_reference_values(
    name: str, raw: dict[str, object], output: str, expected: str
) -> None:
    assert get_formula(name).evaluate(raw).values[output] == Decimal(expected)


@pytest.mark.parametrize(
    ("name", "output", "places", "expected"),
    [
        pytest.param(
            "token-cost", "output_share_percent", 1, "90.9", id="output-share"
        ),
        pytest.param(
            "gpu-hour-cost", "usd_per_useful_gpu_hour", 4, "4.1667", id="useful-hour"
        ),
        pytest.param("serving-cost", "usd_per_mtok", 4, "1.3889", id="serving-50"),
        pytest.param("training-cost", "gpu_hours", 0, "58982", id="gpu-hours"),
        pytest.param("training-cost", "wall_clock_days", 1, "2.4", id="days"),
        pytest.param("training-cost", "cost_usd", 0, "147455", id="training-usd"),
        pytest.param("reasoning-cost", "multiplier", 3, "3.857", id="multiplier"),
        pytest.param(
            "reasoning-cost", "reasoning_share_percent", 2, "74.07", id="share"
        ),
        pytest.param(
            "break-even",
            "break_even_requests_per_month",
            2,
            "1081481.48",
            id="break-even",
        ),
    ],
)
def test_reference_values_rounded(
    name: str, output: str, places: int, expected: str
) -> None:
    value = get_formula(name).evaluate({}).values[output]

    assert round(value, places) == Decimal(expected)


def test_serving_cost_at_full_load() -> None:
    """1,000 × 3,600 × 100% = 3.6M tokens/h; 2.50 / 3.6 = 0.6944 per 1M."""
    values = get_formula("serving-cost").evaluate({"utilization": 100}).values

    assert values["usd_per_mtok"] == Decimal("2.50") / Decimal("3.6")
    assert round(values["usd_per_mtok"], 4) == Decimal("0.6944")


def test_serving_cost_omits_api_ratio_without_api_price() -> None:
    assert "api_ratio" not in get_formula("serving-cost").evaluate({}).values


def _lines(evaluation: Evaluation) -> list[str]:
    return [str(step) for step in evaluation.steps]


def test_token_cost_steps_reference() -> None:
    evaluation = get_formula("token-cost").evaluate(
        {"input_tokens": 1000, "output_tokens": 2000}
    )

    assert evaluation.steps[0] == Step(
        "Input cost", "1,000 tokens × $3.00 per 1M tokens", "$0.003"
    )
    assert _lines(evaluation) == [
        "Input cost: 1,000 tokens × $3.00 per 1M tokens = $0.003",
        "Output cost: 2,000 tokens × $15.00 per 1M tokens = $0.03",
        "Cost per request: $0.003 + $0.03 = $0.033",
        "Monthly bill: $0.033 × 1,000,000 requests = $33,000",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(
            "gpu-hour-cost",
            [
                "GPU-hours: 8 GPUs × 730 hours = 5,840 GPU-hours",
                "Spend: 5,840 GPU-hours × $2.50 per GPU-hour = $14,600",
                "Useful GPU-hours: 5,840 GPU-hours × 60% utilization = 3,504 GPU-hours",
                "Cost per useful GPU-hour: $14,600 ÷ 3,504 useful GPU-hours = $4.17",
            ],
            id="gpu-hour-cost",
        ),
        pytest.param(
            "serving-cost",
            [
                "Cost per hour: 1 GPU × $2.50 per GPU-hour = $2.50",
                "Tokens per hour: 1,000 tokens per second × 3,600 seconds × 50% "
                "utilization = 1,800,000 tokens",
                "Cost per 1M tokens: $2.50 ÷ 1,800,000 tokens × 1,000,000 = $1.39",
            ],
            id="serving-cost",
        ),
        pytest.param(
            "training-cost",
            [
                "Training compute: 6 × 7 × 10^9 parameters × 2 × 10^12 tokens = "
                "8.4 × 10^22 FLOPs",
                "Sustained speed per GPU: 989 TFLOP/s peak × 40% MFU = 395.6 TFLOP/s",
                "GPU-hours: 8.4 × 10^22 FLOPs ÷ 395.6 TFLOP/s ÷ 3,600 seconds per hour = "
                "58,982.14 GPU-hours",
                "Wall-clock time: 58,982.14 GPU-hours ÷ 1,024 GPUs ÷ 24 hours = 2.4 days",
                "Cost: 58,982.14 GPU-hours × $2.50 per GPU-hour = $147,455",
            ],
            id="training-cost",
        ),
        pytest.param(
            "reasoning-cost",
            [
                "Input cost: 1,000 tokens × $3.00 per 1M tokens = $0.003",
                "Visible output cost: 500 tokens × $15.00 per 1M tokens = $0.0075",
                "Reasoning cost (billed as output): 2,000 tokens × $15.00 per 1M "
                "tokens = $0.03",
                "Cost per request: $0.003 + $0.0075 + $0.03 = $0.0405",
                "Cost without reasoning: $0.003 + $0.0075 = $0.0105",
                "Reasoning multiplier: $0.0405 ÷ $0.0105 = 3.9×",
                "Monthly bill: $0.0405 × 1,000,000 requests = $40,500",
                "Monthly bill without reasoning: $0.0105 × 1,000,000 requests = "
                "$10,500",
            ],
            id="reasoning-cost",
        ),
        pytest.param(
            "break-even",
            [
                "API cost per request: 2,000 tokens × $3.00 per 1M tokens + 500 "
                "tokens × $15.00 per 1M tokens = $0.0135",
                "Self-hosted cost per month: 8 GPUs × 730 hours × $2.50 per "
                "GPU-hour = $14,600",
                "Break-even volume: $14,600 ÷ $0.0135 per request, rounded up = "
                "1,081,482 requests per month",
                "Self-hosted capacity: 1 request per second × 3,600 seconds × 730 "
                "hours = 2,628,000 requests per month",
                "Capacity covers break-even: 2,628,000 ≥ 1,081,482 = yes",
            ],
            id="break-even",
        ),
        pytest.param(
            "blended-rate",
            [
                "Blended price: (3 × $3.00 + 1 × $15.00) ÷ (3 + 1) = "
                "$6.00 per 1M tokens",
            ],
            id="blended-rate",
        ),
    ],
)
def test_worked_steps(name: str, expected: list[str]) -> None:
    assert _lines(get_formula(name).evaluate({})) == expected


def test_token_cost_steps_with_every_option() -> None:
    """250,000 in is past the 200,000 threshold, so 6 / 22.50 apply to all of it.

    Input 200,000 × 6 = 1.20; cached 50,000 × 0.30 = 0.015; visible 1,500 × 22.50
    = 0.03375; reasoning 500 × 22.50 = 0.01125; sum 1.26; half off = 0.63.
    """
    evaluation = get_formula("token-cost").evaluate(
        {
            "input_tokens": 250_000,
            "cached_input_tokens": 50_000,
            "cached_input_usd_per_mtok": "0.30",
            "reasoning_tokens": 500,
            "batch_discount_percent": 50,
            "long_context_threshold_tokens": 200_000,
            "long_context_input_usd_per_mtok": 6,
            "long_context_output_usd_per_mtok": "22.50",
        }
    )

    assert evaluation.values["cost_per_request_usd"] == Decimal("0.63")
    assert evaluation.values["input_usd"] == Decimal("0.60")
    assert evaluation.values["reasoning_usd"] == Decimal("0.005625")
    assert evaluation.values["long_context_applied"] == Decimal("1")
    assert _lines(evaluation) == [
        "Long-context rates for the whole request: 250,000 input tokens > "
        "200,000-token threshold = $6.00 per 1M tokens in, $22.50 per 1M tokens out",
        "Input cost: 200,000 uncached tokens × $6.00 per 1M tokens = $1.20",
        "Cached input cost: 50,000 tokens × $0.30 per 1M tokens = $0.015",
        "Visible output cost: 1,500 tokens × $22.50 per 1M tokens = $0.03375",
        "Reasoning cost: 500 tokens × $22.50 per 1M tokens = $0.01125",
        "Cost per request before discount: $1.20 + $0.015 + $0.03375 + $0.01125 "
        "= $1.26",
        "Cost per request: $1.26 × (100% − 50% batch discount) = $0.63",
        "Monthly bill: $0.63 × 1,000,000 requests = $630,000",
    ]


LONG_CONTEXT = {
    "long_context_threshold_tokens": 200_000,
    "long_context_input_usd_per_mtok": 6,
    "long_context_output_usd_per_mtok": "22.50",
}


@pytest.mark.parametrize(
    ("name", "raw", "accepted"),
    [
        pytest.param(
            "token-cost",
            {"input_tokens": 1000, "cached_input_tokens": 1000},
            True,
            id="cached-equals-input",
        ),
        pytest.param(
            "token-cost",
            {"input_tokens": 1000, "cached_input_tokens": 1001},
            False,
            id="cached-one-past-input",
        ),
        pytest.param(
            "token-cost",
            {"output_tokens": 2000, "reasoning_tokens": 2000},
            True,
            id="reasoning-equals-output",
        ),
        pytest.param(
            "token-cost",
            {"output_tokens": 2000, "reasoning_tokens": 2001},
            False,
            id="reasoning-one-past-output",
        ),
        pytest.param("gpu-hour-cost", {"utilization": 100}, True, id="utilization-100"),
        pytest.param(
            "gpu-hour-cost", {"utilization": "100.1"}, False, id="utilization-100.1"
        ),
        pytest.param("training-cost", {"mfu": 100}, True, id="mfu-100"),
        pytest.param("training-cost", {"mfu": 100.1}, False, id="mfu-100.1"),
        pytest.param("break-even", {"hours": 744}, True, id="hours-744"),
        pytest.param("break-even", {"hours": 745}, False, id="hours-745"),
        pytest.param(
            "token-cost",
            {"batch_discount_percent": 100},
            True,
            id="discount-100",
        ),
        pytest.param(
            "token-cost",
            {"batch_discount_percent": "100.1"},
            False,
            id="discount-100.1",
        ),
        pytest.param(
            "token-cost", {"input_tokens": 10_000_000}, True, id="tokens-at-maximum"
        ),
        pytest.param(
            "token-cost", {"input_tokens": 10_000_001}, False, id="tokens-past-maximum"
        ),
    ],
)
def test_threshold_pairs(name: str, raw: dict[str, object], accepted: bool) -> None:
    formula = get_formula(name)

    if accepted:
        formula.evaluate(raw)
    else:
        with pytest.raises(InvalidInputs):
            formula.evaluate(raw)


@pytest.mark.parametrize(
    ("input_tokens", "applied", "expected_usd"),
    [
        # 200,000 × 3 / 1M + 2,000 × 15 / 1M = 0.60 + 0.03.
        pytest.param(200_000, "0", "0.63", id="exactly-at-threshold"),
        # 200,001 × 6 / 1M + 2,000 × 22.50 / 1M = 1.200006 + 0.045.
        pytest.param(200_001, "1", "1.245006", id="one-past-threshold"),
    ],
)
def test_long_context_threshold_pair(
    input_tokens: int, applied: str, expected_usd: str
) -> None:
    values = (
        get_formula("token-cost")
        .evaluate({"input_tokens": input_tokens, **LONG_CONTEXT})
        .values
    )

    assert values["long_context_applied"] == Decimal(applied)
    assert values["cost_per_request_usd"] == Decimal(expected_usd)


@pytest.mark.parametrize(
    ("name", "raw", "field", "message"),
    [
        pytest.param(
            "token-cost",
            {"output_tokens": -5},
            "output_tokens",
            "Output tokens per request must be 0 or more; you entered -5.",
            id="negative",
        ),
        pytest.param(
            "token-cost",
            {"input_tokens": "abc"},
            "input_tokens",
            "Input tokens per request must be a whole number; you entered 'abc'.",
            id="not-a-number",
        ),
        pytest.param(
            "token-cost",
            {"input_usd_per_mtok": "lots"},
            "input_usd_per_mtok",
            "Input price (USD per 1M tokens) must be a number; you entered 'lots'.",
            id="rate-not-a-number",
        ),
        pytest.param(
            "token-cost",
            {"input_tokens": 1.5},
            "input_tokens",
            "Input tokens per request must be a whole number; you entered 1.5.",
            id="fraction-of-a-token",
        ),
        pytest.param(
            "token-cost",
            {"input_usd_per_mtok": ""},
            "input_usd_per_mtok",
            "Input price (USD per 1M tokens) is empty; enter a number.",
            id="empty-string",
        ),
        pytest.param(
            "token-cost",
            {"requests_per_month": None},
            "requests_per_month",
            "Requests per month is empty; enter a whole number.",
            id="none-on-required",
        ),
        pytest.param(
            "token-cost",
            {"input_tokens": 20_000_000},
            "input_tokens",
            "Input tokens per request must be at most 10,000,000; you entered "
            "20,000,000.",
            id="absurdly-large",
        ),
        pytest.param(
            "token-cost",
            {"cached_input_tokens": 1500},
            "cached_input_tokens",
            "Cached input tokens (1,500) cannot exceed input tokens (1,000): cached "
            "tokens are part of the prompt.",
            id="cached-exceeds-input",
        ),
        pytest.param(
            "token-cost",
            {
                "long_context_threshold_tokens": 200_000,
                "long_context_input_usd_per_mtok": 6,
            },
            "long_context_output_usd_per_mtok",
            "Long-context output price is empty while a long-context threshold is "
            "set; enter a number, or clear the threshold.",
            id="tier-without-output-price",
        ),
        pytest.param(
            "gpu-hour-cost",
            {"utilization": 0},
            "utilization",
            "Utilization (%) must be above 0; you entered 0.",
            id="utilization-zero",
        ),
        pytest.param(
            "gpu-hour-cost",
            {"utilization": 100.1},
            "utilization",
            "Utilization (%) must be at most 100; you entered 100.1.",
            id="utilization-past-100",
        ),
        pytest.param(
            "gpu-hour-cost",
            {"gpus": 0},
            "gpus",
            "GPUs must be 1 or more; you entered 0.",
            id="no-gpus",
        ),
        pytest.param(
            "serving-cost",
            {"tokens_per_second": 0},
            "tokens_per_second",
            "Throughput at full load (tokens per second) must be above 0; "
            "you entered 0.",
            id="zero-throughput",
        ),
        pytest.param(
            "break-even",
            {"input_tokens": 0, "output_tokens": 0},
            "api_usd_per_request",
            "The API cost per request is $0.00, so self-hosting can never break "
            "even; enter some tokens and an API price above 0.",
            id="free-api-never-breaks-even",
        ),
        pytest.param(
            "reasoning-cost",
            {"input_tokens": 0, "visible_output_tokens": 0},
            "visible_output_tokens",
            "Without reasoning this request costs $0.00, so there is nothing to "
            "compare against; enter some input or visible output tokens and a "
            "price above 0.",
            id="nothing-without-reasoning",
        ),
        pytest.param(
            "blended-rate",
            {"output_parts": 0},
            "output_parts",
            "Output parts of the mix must be above 0; you entered 0.",
            id="zero-parts",
        ),
    ],
)
def test_rejected_inputs(
    name: str, raw: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInputs) as caught:
        get_formula(name).evaluate(raw)

    assert [(p.field, p.message) for p in caught.value.problems] == [(field, message)]


def test_unknown_input_lists_known_names() -> None:
    with pytest.raises(InvalidInputs) as caught:
        get_formula("blended-rate").parse({"input_price": 3})

    assert caught.value.messages_for("input_price") == (
        "The blended rate calculator has no input called 'input_price'; known "
        "inputs are input_usd_per_mtok, output_usd_per_mtok, input_parts, "
        "output_parts.",
    )


def test_every_problem_is_collected() -> None:
    with pytest.raises(InvalidInputs) as caught:
        get_formula("gpu-hour-cost").parse(
            {"usd_per_gpu_hour": -1, "gpus": 1.5, "hours": 0, "utilization": 101}
        )

    assert [p.field for p in caught.value.problems] == [
        "usd_per_gpu_hour",
        "gpus",
        "hours",
        "utilization",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param({"input_usd_per_mtok": 0.1}, Decimal("0.1"), id="float"),
        pytest.param({"input_usd_per_mtok": "2.50"}, Decimal("2.50"), id="string"),
        pytest.param(
            {"input_usd_per_mtok": Decimal("0.075")}, Decimal("0.075"), id="decimal"
        ),
        pytest.param({"input_usd_per_mtok": 3}, Decimal("3"), id="int"),
    ],
)
def test_parse_accepts_widget_and_yaml_values(
    raw: dict[str, object], expected: Decimal
) -> None:
    parsed = get_formula("token-cost").parse(raw)

    assert parsed["input_usd_per_mtok"] == expected


def test_parse_fills_defaults_and_keeps_optional_none() -> None:
    parsed = get_formula("token-cost").parse({"input_tokens": 1000.0})

    assert parsed["input_tokens"] == Decimal("1000")
    assert parsed["output_tokens"] == Decimal("2000")
    assert parsed["cached_input_usd_per_mtok"] is None
    assert parsed["long_context_threshold_tokens"] is None


def test_optional_field_accepts_empty_string() -> None:
    parsed = get_formula("serving-cost").parse({"api_output_usd_per_mtok": " "})

    assert parsed["api_output_usd_per_mtok"] is None


def test_field_lookup() -> None:
    formula = get_formula("gpu-hour-cost")

    assert formula.field("utilization").unit == "percent"
    with pytest.raises(PricingError):
        formula.field("utilisation")
