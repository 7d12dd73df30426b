"""GPU-hour cost calculator: figures through pricing, rejected inputs, chart and CSV."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import gpu_hour_cost as view
from pricing.errors import InvalidInputs
from pricing.formulas import get_formula

FORMULA = get_formula("gpu-hour-cost")
OPTIONS = {"committed_usd_per_gpu_hour": "1.80", "spot_usd_per_gpu_hour": "1.00"}

CASES = [
    pytest.param(
        {},
        {
            "spend_usd": Decimal("14600.00"),
            "gpu_hours": Decimal("5840"),
            "useful_gpu_hours": Decimal("3504"),
            "usd_per_useful_gpu_hour": Decimal("4.166666666666666666666666667"),
        },
        id="reference: 8 x 730 x $2.50 = $14,600; x 60% = 3,504 useful",
    ),
    pytest.param(
        {"utilization": 100},
        {
            "useful_gpu_hours": Decimal("5840"),
            "usd_per_useful_gpu_hour": Decimal("2.50"),
        },
        id="utilization exactly 100%: every hour useful, list price",
    ),
    pytest.param(
        {"usd_per_gpu_hour": 0},
        {"spend_usd": Decimal("0"), "usd_per_useful_gpu_hour": Decimal("0")},
        id="free GPUs cost nothing per useful hour",
    ),
    pytest.param(
        OPTIONS,
        {
            "usd_per_useful_gpu_hour": Decimal("4.166666666666666666666666667"),
            "committed_spend_usd": Decimal("10512.00"),
            "committed_usd_per_useful_gpu_hour": Decimal("3.00"),
            "spot_spend_usd": Decimal("5840.00"),
            "spot_usd_per_useful_gpu_hour": Decimal("1.666666666666666666666666667"),
        },
        id="committed $1.80 and spot $1.00 on the same 3,504 useful hours",
    ),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_figures(params, expected):
    values = FORMULA.evaluate(params).values

    for name, amount in expected.items():
        assert values[name] == amount, name


def test_price_options_are_absent_unless_given():
    values = FORMULA.evaluate({}).values

    assert "committed_usd_per_useful_gpu_hour" not in values
    assert "spot_spend_usd" not in values


REJECTED = [
    pytest.param(
        {"utilization": "100.1"},
        "utilization",
        "Utilization (%) must be at most 100; you entered 100.1.",
        id="one past 100%",
    ),
    pytest.param(
        {"utilization": 0},
        "utilization",
        "Utilization (%) must be above 0; you entered 0.",
        id="zero utilization divides",
    ),
    pytest.param(
        {"usd_per_gpu_hour": -1},
        "usd_per_gpu_hour",
        "GPU price (USD per GPU-hour) must be 0 or more; you entered -1.",
        id="negative price",
    ),
    pytest.param(
        {"gpus": 0},
        "gpus",
        "GPUs must be 1 or more; you entered 0.",
        id="no GPUs",
    ),
    pytest.param(
        {"hours": ""},
        "hours",
        "Hours rented is empty; enter a number.",
        id="empty hours",
    ),
    pytest.param(
        {"spot_usd_per_gpu_hour": -0.5},
        "spot_usd_per_gpu_hour",
        "Spot price to compare (USD per GPU-hour) must be 0 or more; you entered -0.5.",
        id="negative spot price",
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
        "Spend": "$14,600",
        "Useful GPU-hours": "3,504",
        "Cost per useful GPU-hour": "$4.17",
    }


def test_note_sets_the_options_side_by_side():
    note = view.note(FORMULA.evaluate(OPTIONS))

    assert "each useful GPU-hour costs $1.67 more than the $2.50 list price" in note
    assert "Per useful GPU-hour: on-demand $4.17, committed $3.00, spot $1.67" in note
    assert "cheapest is spot" in note


def test_note_at_full_utilization():
    note = view.note(FORMULA.evaluate({"utilization": 100}))

    assert note.startswith("At 100% utilization every rented hour is useful")


def test_chart_draws_one_curve_per_price_and_marks_the_scenario():
    chart = view.figure(FORMULA.evaluate(OPTIONS)).to_plotly_json()

    curves = [trace for trace in chart["data"] if trace["mode"] == "lines"]
    marks = [trace for trace in chart["data"] if trace["mode"] == "markers"]
    assert [trace["name"] for trace in curves] == [
        "on-demand ($2.50 per GPU-hour)",
        "committed ($1.80 per GPU-hour)",
        "spot ($1.00 per GPU-hour)",
    ]
    assert [(list(m["x"]), list(m["y"])) for m in marks] == [
        ([60.0], [pytest.approx(4.1666667)]),
        ([60.0], [3.0]),
        ([60.0], [pytest.approx(1.6666667)]),
    ]
    assert all(len(trace["x"]) <= 200 for trace in chart["data"])
    assert chart["layout"]["xaxis"]["title"]["text"] == "utilization (%)"
    assert chart["layout"]["yaxis"]["title"]["text"] == "USD per useful GPU-hour"


def test_curve_is_computed_through_pricing():
    evaluation = FORMULA.evaluate({})

    utilizations, prices = view.effective_curve(evaluation, Decimal("2.50"))

    assert utilizations[0] == Decimal(10)
    assert utilizations[-1] == Decimal(100)
    assert prices[0] == Decimal("25.00")
    assert prices[-1] == Decimal("2.50")
    assert all(isinstance(price, Decimal) for price in prices)


def test_curve_reaches_down_to_a_low_utilization():
    evaluation = FORMULA.evaluate({"utilization": "2.5"})

    utilizations, _ = view.effective_curve(evaluation, Decimal("2.50"))

    assert utilizations[:3] == [Decimal("2.5"), Decimal(3), Decimal(4)]


def test_csv_lists_inputs_and_results_with_units():
    rows = view.csv_rows(FORMULA.evaluate({}))

    assert rows[0] == ["kind", "name", "label", "value", "unit"]
    assert ["input", "utilization", "Utilization (%)", "60", "percent"] in rows
    assert [
        "result",
        "spend_usd",
        "Spend",
        "14600",
        "usd",
    ] in rows
