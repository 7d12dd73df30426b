"""Reasoning cost calculator: with and without hidden reasoning, and the multiplier."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import reasoning_cost as view
from pricing.errors import InvalidInputs
from pricing.formulas import get_formula

FORMULA = get_formula("reasoning-cost")

CASES = [
    pytest.param(
        {},
        {
            "cost_per_request_usd": Decimal("0.0405"),
            "cost_without_reasoning_usd": Decimal("0.0105"),
            "multiplier": Decimal("3.857142857142857142857142857"),
            "monthly_usd": Decimal("40500"),
            "monthly_without_reasoning_usd": Decimal("10500"),
        },
        id="reference: 0.003 + 0.0075 + 0.03 = 0.0405 against 0.0105",
    ),
    pytest.param(
        {"reasoning_tokens": 0},
        {
            "cost_per_request_usd": Decimal("0.0105"),
            "multiplier": Decimal("1"),
            "reasoning_share_percent": Decimal("0"),
        },
        id="no reasoning: multiplier exactly 1",
    ),
    pytest.param(
        {"reasoning_tokens": 8000},
        {
            "cost_per_request_usd": Decimal("0.1305"),
            "multiplier": Decimal("12.42857142857142857142857143"),
        },
        id="a hard question: 8,000 reasoning tokens",
    ),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_figures(params, expected):
    values = FORMULA.evaluate(params).values

    for name, amount in expected.items():
        assert values[name] == amount, name


REJECTED = [
    pytest.param(
        {"visible_output_tokens": -5},
        "visible_output_tokens",
        "Visible output tokens per request must be 0 or more; you entered -5.",
        id="negative visible output",
    ),
    pytest.param(
        {"input_tokens": 0, "visible_output_tokens": 0},
        "visible_output_tokens",
        "Without reasoning this request costs $0.00, so there is nothing to "
        "compare against; enter some input or visible output tokens and a price "
        "above 0.",
        id="nothing to multiply",
    ),
    pytest.param(
        {"reasoning_tokens": ""},
        "reasoning_tokens",
        "Reasoning tokens per request is empty; enter a whole number.",
        id="empty reasoning tokens",
    ),
    pytest.param(
        {"requests_per_month": "1.5"},
        "requests_per_month",
        "Requests per month must be a whole number; you entered 1.5.",
        id="half a request",
    ),
]


@pytest.mark.parametrize(("params", "field", "message"), REJECTED)
def test_rejected_inputs(params, field, message):
    with pytest.raises(InvalidInputs) as error:
        FORMULA.evaluate(params)

    assert error.value.messages_for(field) == (message,)


def test_metrics_show_units():
    shown = {label: value for label, value, _ in view.metrics(FORMULA.evaluate({}))}

    assert shown == {
        "Cost per request": "$0.0405",
        "Without reasoning": "$0.0105",
        "Reasoning multiplier": "3.9×",
        "Monthly bill": "$40,500",
    }


def test_note_gives_the_reasoning_share():
    assert view.note(FORMULA.evaluate({})).startswith("Hidden reasoning is 74.1%")


def test_chart_stacks_without_and_with_reasoning():
    chart = view.figure(FORMULA.evaluate({})).to_plotly_json()

    bars = {
        trace["name"]: list(trace["y"])
        for trace in chart["data"]
        if trace["type"] == "bar"
    }
    assert bars == {
        "input": [0.003, 0.003],
        "output": [0.0075, 0.0075],
        "reasoning": [0.0, 0.03],
    }
    assert chart["layout"]["barmode"] == "stack"
    assert chart["layout"]["annotations"][-1]["text"] == "3.9× the cost"


def test_chart_marks_the_scenario_on_the_reasoning_curve():
    chart = view.figure(FORMULA.evaluate({})).to_plotly_json()

    traces = {trace["name"]: trace for trace in chart["data"]}
    curve = traces["cost with reasoning"]
    assert curve["x"][0] == 0
    assert 2000 in list(curve["x"])
    assert len(curve["x"]) <= 200
    assert list(traces["this scenario"]["x"]) == [2000.0]
    assert list(traces["this scenario"]["y"]) == [0.0405]
    assert list(traces["without reasoning"]["y"]) == [0.0105, 0.0105]
    assert chart["layout"]["xaxis2"]["title"]["text"] == "reasoning tokens per request"


def test_curve_points_come_from_pricing():
    lengths, costs = view.reasoning_curve(FORMULA.evaluate({}))

    assert costs[0] == Decimal("0.0105")
    assert costs[lengths.index(2000)] == Decimal("0.0405")
