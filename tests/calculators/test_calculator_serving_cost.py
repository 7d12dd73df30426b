"""Model serving cost calculator: cost per 1M tokens, the API line, rejected inputs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import serving_cost as view
from pricing.errors import InvalidInputs
from pricing.formulas import get_formula

FORMULA = get_formula("serving-cost")

CASES = [
    pytest.param(
        {},
        {
            "usd_per_hour": Decimal("2.50"),
            "tokens_per_hour": Decimal("1800000"),
            "usd_per_mtok": Decimal("1.388888888888888888888888889"),
        },
        id="reference: $2.50 / (1,000 x 3,600 x 50%) x 1M = $1.39",
    ),
    pytest.param(
        {"utilization": 100},
        {
            "tokens_per_hour": Decimal("3600000"),
            "usd_per_mtok": Decimal("0.6944444444444444444444444444"),
        },
        id="reference at exactly 100%: $0.69",
    ),
    pytest.param(
        {"gpus": 8, "tokens_per_second": 8000},
        {
            "usd_per_hour": Decimal("20.00"),
            "usd_per_mtok": Decimal("1.388888888888888888888888889"),
        },
        id="eight GPUs at eight times the speed cost the same per token",
    ),
    pytest.param(
        {"api_output_usd_per_mtok": 15},
        {"api_ratio": Decimal("10.80000000000000000000000000")},
        id="API at $15 is 10.8x the self-hosted cost",
    ),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_figures(params, expected):
    values = FORMULA.evaluate(params).values

    for name, amount in expected.items():
        assert values[name] == amount, name


REJECTED = [
    pytest.param(
        {"tokens_per_second": 0},
        "tokens_per_second",
        "Throughput at full load (tokens per second) must be above 0; you entered 0.",
        id="zero throughput divides",
    ),
    pytest.param(
        {"utilization": 150},
        "utilization",
        "Utilization (%) must be at most 100; you entered 150.",
        id="utilization over 100%",
    ),
    pytest.param(
        {"utilization": "100.1"},
        "utilization",
        "Utilization (%) must be at most 100; you entered 100.1.",
        id="one past 100%",
    ),
    pytest.param(
        {"api_output_usd_per_mtok": -2},
        "api_output_usd_per_mtok",
        "API output price to compare (USD per 1M tokens) must be 0 or more; "
        "you entered -2.",
        id="negative API price",
    ),
    pytest.param(
        {"usd_per_gpu_hour": None},
        "usd_per_gpu_hour",
        "GPU price (USD per GPU-hour) is empty; enter a number.",
        id="empty price",
    ),
]


@pytest.mark.parametrize(("params", "field", "message"), REJECTED)
def test_rejected_inputs(params, field, message):
    with pytest.raises(InvalidInputs) as error:
        FORMULA.evaluate(params)

    assert error.value.messages_for(field) == (message,)


def test_metrics_show_units():
    evaluation = FORMULA.evaluate({"api_output_usd_per_mtok": 15})

    shown = {label: value for label, value, _ in view.metrics(evaluation)}

    assert shown == {
        "Cost per 1M tokens": "$1.39",
        "Cost per hour": "$2.50",
        "Tokens per hour": "1,800,000",
        "API price ÷ self-hosted": "10.8×",
    }


@pytest.mark.parametrize(
    ("api_rate", "words"),
    [
        pytest.param(
            "2",
            "Above 34.7% utilization self-hosting costs less per token than the "
            "API's $2.00 per 1M tokens.",
            id="crossing inside the range: 0.6944 / 2 = 34.7%",
        ),
        pytest.param(
            "0.5",
            "The API's $0.50 per 1M tokens is below that floor",
            id="API cheaper than full-load self-hosting",
        ),
        pytest.param(
            "0", "The API price is $0.00, so self-hosting never costs less", id="free"
        ),
    ],
)
def test_note_says_where_self_hosting_wins(api_rate, words):
    note = view.note(FORMULA.evaluate({"api_output_usd_per_mtok": api_rate}))

    assert note.startswith(
        "Even at 100% utilization these GPUs cost $0.69 per 1M tokens"
    )
    assert words in note


def test_break_even_utilization_is_exact():
    evaluation = FORMULA.evaluate({"api_output_usd_per_mtok": "0.6944"})

    crossing = view.api_break_even_percent(evaluation)

    # (2.50 x 1M / 3.6M) / 0.6944 x 100 = 100.0064...: just out of reach.
    assert crossing == Decimal("0.6944444444444444444444444444") / Decimal(
        "0.6944"
    ) * Decimal(100)
    assert crossing > 100


def test_chart_has_the_api_line_and_the_scenario():
    chart = view.figure(
        FORMULA.evaluate({"api_output_usd_per_mtok": 2})
    ).to_plotly_json()

    names = [trace["name"] for trace in chart["data"]]
    assert names == [
        "self-hosted cost per 1M tokens",
        "API output price ($2.00 per 1M tokens)",
        "this scenario",
    ]
    curve, api, mark = chart["data"]
    assert list(api["y"]) == [2.0, 2.0]
    assert list(mark["x"]) == [50.0]
    assert list(mark["y"]) == [pytest.approx(1.3888889)]
    assert curve["y"][-1] == pytest.approx(0.6944444)
    assert len(curve["x"]) <= 200
    assert chart["layout"]["xaxis"]["title"]["text"] == "utilization (%)"
    assert chart["layout"]["yaxis"]["title"]["text"] == "USD per 1M generated tokens"


def test_chart_without_api_rate_has_no_api_line():
    chart = view.figure(FORMULA.evaluate({})).to_plotly_json()

    assert [trace["name"] for trace in chart["data"]] == [
        "self-hosted cost per 1M tokens",
        "this scenario",
    ]
