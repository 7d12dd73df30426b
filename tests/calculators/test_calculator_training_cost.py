"""AI training cost calculator: FLOPs, GPU-hours, days and cost; MFU limits; chart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import training_cost as view
from pricing.errors import InvalidInputs
from pricing.formulas import get_formula

FORMULA = get_formula("training-cost")

CASES = [
    pytest.param(
        {},
        {
            "training_flops": Decimal("8.4E+22"),
            "gpu_hours": Decimal("58982.13683855746545331985169"),
            "wall_clock_days": Decimal("2.399989291933490619031569486"),
            "cost_usd": Decimal("147455.3420963936636332996292"),
        },
        id="reference: 6 x 7e9 x 2e12 = 8.4e22 FLOPs at 989 TFLOP/s x 40%",
    ),
    pytest.param(
        {"mfu": 100},
        {
            "gpu_hours": Decimal("23592.85473542298618132794068"),
            "cost_usd": Decimal("58982.13683855746545331985170"),
        },
        id="MFU exactly 100%: the datasheet speed",
    ),
    pytest.param(
        {"mfu": 20},
        {"cost_usd": Decimal("294910.6841927873272665992585")},
        id="halving MFU doubles the bill",
    ),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_figures(params, expected):
    values = FORMULA.evaluate(params).values

    for name, amount in expected.items():
        assert values[name] == amount, name


def test_reference_rounds_to_the_issue_figures():
    values = FORMULA.evaluate({}).values

    assert round(values["gpu_hours"]) == 58982
    assert round(values["wall_clock_days"], 1) == Decimal("2.4")
    assert round(values["cost_usd"]) == 147455


REJECTED = [
    pytest.param(
        {"mfu": 0},
        "mfu",
        "Model FLOPs utilization, MFU (%) must be above 0; you entered 0.",
        id="zero MFU divides",
    ),
    pytest.param(
        {"mfu": "100.1"},
        "mfu",
        "Model FLOPs utilization, MFU (%) must be at most 100; you entered 100.1.",
        id="one past 100%",
    ),
    pytest.param(
        {"parameters": "7.5"},
        "parameters",
        "Model parameters must be a whole number; you entered 7.5.",
        id="fractional parameters",
    ),
    pytest.param(
        {"peak_tflops": 0},
        "peak_tflops",
        "Peak speed per GPU (TFLOP/s) must be above 0; you entered 0.",
        id="zero peak speed divides",
    ),
    pytest.param(
        {"tokens": -1},
        "tokens",
        "Training tokens must be 0 or more; you entered -1.",
        id="negative tokens",
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
        "Training compute (FLOPs)": "8.4 × 10²²",
        "GPU-hours": "58,982",
        "Wall-clock days": "2.4",
        "Cost": "$147,455",
    }


def test_help_gives_code_notation():
    helps = {label: text for label, _, text in view.metrics(FORMULA.evaluate({}))}

    assert "8.4e22" in helps["Training compute (FLOPs)"]


def test_note_warns_about_optimistic_mfu():
    assert "rare in practice" in view.note(FORMULA.evaluate({"mfu": 61}))
    assert "117,964 GPU-hours and cost $294,911" in view.note(FORMULA.evaluate({}))


def test_chart_is_cost_against_mfu_with_the_scenario_marked():
    chart = view.figure(FORMULA.evaluate({})).to_plotly_json()

    curve, mark = chart["data"]
    assert curve["name"] == "training cost"
    assert curve["x"][0] == 10.0
    assert curve["x"][-1] == 100.0
    assert curve["y"][-1] == pytest.approx(58982.1368)
    assert len(curve["x"]) <= 200
    assert list(mark["x"]) == [40.0]
    assert list(mark["y"]) == [pytest.approx(147455.342)]
    assert "2.4 days" in mark["hovertemplate"]
    assert (
        chart["layout"]["xaxis"]["title"]["text"] == "MFU (% of peak speed sustained)"
    )
    assert chart["layout"]["yaxis"]["title"]["text"] == "training cost (USD)"


def test_curve_keeps_days_beside_cost():
    mfus, costs, days = view.cost_curve(FORMULA.evaluate({}))

    index = mfus.index(Decimal(40))
    assert costs[index] == Decimal("147455.3420963936636332996292")
    assert days[index] == Decimal("2.399989291933490619031569486")
