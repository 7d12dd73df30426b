"""Token cost: where one request's bill comes from, and how it grows with output length."""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from calculators.charts import MARK_COLOUR, PART_COLOURS, floats, spread, styled
from calculators.shared import formula_csv_rows
from pricing.formulas import Evaluation, get_formula
from pricing.money import format_percent, format_usd

PARTS = (
    ("input", "input_usd"),
    ("cached input", "cached_input_usd"),
    ("output", "output_usd"),
    ("reasoning", "reasoning_usd"),
)


def metrics(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    values = evaluation.values
    return [
        (
            "Cost per request",
            format_usd(values["cost_per_request_usd"]),
            "Input, cached input, output and reasoning parts added up.",
        ),
        (
            "Monthly bill",
            format_usd(values["monthly_usd"]),
            "Cost per request times requests per month.",
        ),
        (
            "Share from output",
            format_percent(values["output_share_percent"]),
            "Output and reasoning tokens as a share of the bill.",
        ),
    ]


def note(evaluation: Evaluation) -> str:
    if evaluation.values.get("long_context_applied"):
        return "The prompt is above the long-context threshold, so the whole request is billed at the higher tier's rates."
    return ""


def figure(evaluation: Evaluation) -> go.Figure:
    values = evaluation.values
    inputs = evaluation.inputs
    chart = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.38, 0.62],
        subplot_titles=(
            "Where the monthly bill comes from",
            "Cost per request as output grows",
        ),
    )

    for label, output_name in PARTS:
        amount = values[output_name] * inputs["requests_per_month"]
        if amount == 0:
            continue
        chart.add_trace(
            go.Bar(
                x=["This scenario"],
                y=floats([amount]),
                name=label,
                marker_color=PART_COLOURS[label],
                hovertemplate=f"{label}: %{{y:$,.2f}}<extra></extra>",
            ),
            row=1,
            col=1,
        )

    lengths, costs = output_curve(evaluation)
    chart.add_trace(
        go.Scatter(
            x=floats(lengths),
            y=floats(costs),
            mode="lines",
            name="cost per request",
            line={"color": PART_COLOURS["output"]},
            hovertemplate="%{x:,.0f} output tokens: %{y:$,.4f}<extra></extra>",
        ),
        row=1,
        col=2,
    )
    chart.add_trace(
        go.Scatter(
            x=floats([inputs["output_tokens"]]),
            y=floats([values["cost_per_request_usd"]]),
            mode="markers",
            name="this scenario",
            marker={"color": MARK_COLOUR, "size": 11, "symbol": "diamond"},
            hovertemplate="this scenario: %{y:$,.4f}<extra></extra>",
        ),
        row=1,
        col=2,
    )
    chart.update_layout(barmode="stack")
    chart.update_yaxes(title_text="USD per month", tickprefix="$", row=1, col=1)
    chart.update_yaxes(title_text="USD per request", tickprefix="$", row=1, col=2)
    chart.update_xaxes(title_text="output tokens per request", row=1, col=2)
    return styled(chart, height=380)


def output_curve(evaluation: Evaluation) -> tuple[list[Decimal], list[Decimal]]:
    """Cost per request at output lengths from the reasoning floor to ~3x today."""
    formula = get_formula("token-cost")
    inputs = {
        name: value for name, value in evaluation.inputs.items() if value is not None
    }
    floor = inputs.get("reasoning_tokens") or Decimal(0)
    lengths = [
        length.to_integral_value()
        for length in spread(inputs["output_tokens"], low=floor)
    ]
    costs = [
        formula.evaluate({**inputs, "output_tokens": length}).values[
            "cost_per_request_usd"
        ]
        for length in lengths
    ]
    return lengths, costs


def csv_rows(evaluation: Evaluation) -> list[list[str]]:
    return formula_csv_rows(evaluation, "token-cost")
