"""Self-host break-even calculator: the crossing, the capacity check and the chart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import break_even as view
from pricing.errors import InvalidInputs
from pricing.formulas import get_formula

FORMULA = get_formula("break-even")

CASES = [
    pytest.param(
        {},
        {
            "api_usd_per_request": Decimal("0.0135"),
            "self_hosted_monthly_usd": Decimal("14600.00"),
            "break_even_requests_per_month": Decimal("1081481.481481481481481481481"),
            "capacity_requests_per_month": Decimal("2628000"),
            "capacity_covers": Decimal(1),
        },
        id="reference: $14,600 / $0.0135 = 1,081,481.48 requests",
    ),
    pytest.param(
        {"requests_per_second": "0.4"},
        {
            "capacity_requests_per_month": Decimal("1051200.0"),
            "capacity_covers": Decimal(0),
        },
        id="0.4 requests/s x 3,600 x 730 falls short of break-even",
    ),
    pytest.param(
        {"hours": 744},
        {
            "self_hosted_monthly_usd": Decimal("14880.00"),
            "capacity_requests_per_month": Decimal("2678400"),
        },
        id="hours exactly 744: a 31-day month",
    ),
]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_figures(params, expected):
    values = FORMULA.evaluate(params).values

    for name, amount in expected.items():
        assert values[name] == amount, name


def test_break_even_is_shown_rounded_up():
    evaluation = FORMULA.evaluate({})

    assert evaluation.detail.whole_requests_to_break_even == 1_081_482


REJECTED = [
    pytest.param(
        {"hours": 745},
        "hours",
        "Hours per month must be at most 744; you entered 745.",
        id="one past 744 hours",
    ),
    pytest.param(
        {"requests_per_second": 0},
        "requests_per_second",
        "Requests per second the GPUs can serve must be above 0; you entered 0.",
        id="no capacity",
    ),
    pytest.param(
        {"input_usd_per_mtok": 0, "output_usd_per_mtok": 0},
        "api_usd_per_request",
        "The API cost per request is $0.00, so self-hosting can never break even; "
        "enter some tokens and an API price above 0.",
        id="free API divides",
    ),
    pytest.param(
        {"gpus": -8},
        "gpus",
        "GPUs must be 1 or more; you entered -8.",
        id="negative GPUs",
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
        "API cost per request": "$0.0135",
        "Self-hosted per month": "$14,600",
        "Break-even (requests/month)": "1,081,482",
        "Capacity (requests/month)": "2,628,000",
    }


def test_note_when_capacity_covers():
    note = view.note(FORMULA.evaluate({}))

    assert note == (
        "Self-hosting pays above 1,081,482 requests a month, and these GPUs can "
        "serve up to 2,628,000. If your traffic lands between the two, your own "
        "GPUs cost less; below it, the API does."
    )


def test_note_when_capacity_falls_short():
    note = view.note(FORMULA.evaluate({"requests_per_second": "0.4"}))

    assert note.startswith(
        "These GPUs can serve only 1,051,200 requests a month, short of the "
        "1,081,482 needed to break even"
    )


def test_chart_marks_the_crossing_and_the_capacity_limit():
    chart = view.figure(FORMULA.evaluate({})).to_plotly_json()

    api, self_hosted, crossing = chart["data"]
    assert api["name"] == "API ($0.0135 per request)"
    assert api["x"][0] == 0
    assert api["x"][-1] == pytest.approx(2628000 * 1.25)
    assert len(api["x"]) <= 200
    assert list(self_hosted["x"]) == [0.0, 2628000.0]
    assert list(self_hosted["y"]) == [14600.0, 14600.0]
    assert crossing["name"] == "break-even"
    assert list(crossing["x"]) == [pytest.approx(1081481.48)]
    assert list(crossing["y"]) == [14600.0]
    capacity = chart["layout"]["shapes"][0]
    assert capacity["x0"] == capacity["x1"] == 2628000.0
    assert chart["layout"]["annotations"][0]["text"] == (
        "capacity limit: 2,628,000 requests/month"
    )
    assert chart["layout"]["xaxis"]["title"]["text"] == "requests per month"
    assert chart["layout"]["yaxis"]["title"]["text"] == "USD per month"


def test_chart_says_when_break_even_is_beyond_capacity():
    chart = view.figure(FORMULA.evaluate({"requests_per_second": "0.4"}))

    assert chart.data[-1].name == "break-even (beyond capacity)"


def test_api_curve_comes_from_pricing():
    volumes, bills = view.api_curve(FORMULA.evaluate({}))

    assert bills[0] == Decimal(0)
    assert bills[-1] == volumes[-1] * Decimal("0.0135")
    assert all(isinstance(bill, Decimal) for bill in bills)
