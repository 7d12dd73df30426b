"""Reasoning cost: the same request with and without hidden reasoning tokens."""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from calculators.charts import MARK_COLOUR, PART_COLOURS, floats, spread, styled
from calculators.shared import formula_csv_rows, scenario_marker
from pricing.compute import ReasoningCost, reasoning_cost
from pricing.formulas import Evaluation
from pricing.money import format_count, format_percent, format_ratio, format_usd

NAME = "reasoning-cost"
PARTS = (
    ("input", "input_usd"),
    ("output", "output_usd"),
    ("reasoning", "reasoning_usd"),
)


def metrics(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    values = evaluation.values
    return [
        (
            "Cost per request",
            format_usd(values["cost_per_request_usd"]),
            "Input, visible output and hidden reasoning tokens, all billed.",
        ),
        (
            "Without reasoning",
            format_usd(values["cost_without_reasoning_usd"]),
            "The same request if the model wrote only the visible answer.",
        ),
        (
            "Reasoning multiplier",
            format_ratio(values["multiplier"]),
            "Cost with reasoning divided by cost without it.",
        ),
        (
            "Monthly bill",
            format_usd(values["monthly_usd"]),
            "Cost per request times requests per month; without reasoning it "
            f"would be {format_usd(values['monthly_without_reasoning_usd'])}.",
        ),
    ]


def note(evaluation: Evaluation) -> str:
    share = evaluation.values["reasoning_share_percent"]
    return (
        f"Hidden reasoning is {format_percent(share)} of this bill: tokens the "
        "user never sees, billed at the output price."
    )


def priced(evaluation: Evaluation, reasoning_tokens: int) -> ReasoningCost:
    """The same request with a different number of reasoning tokens."""
    inputs = evaluation.inputs
    return reasoning_cost(
        input_tokens=int(inputs["input_tokens"]),
        visible_output_tokens=int(inputs["visible_output_tokens"]),
        reasoning_tokens=reasoning_tokens,
        input_usd_per_mtok=inputs["input_usd_per_mtok"],
        output_usd_per_mtok=inputs["output_usd_per_mtok"],
    )


def reasoning_curve(evaluation: Evaluation) -> tuple[list[int], list[Decimal]]:
    """Cost per request from no reasoning to about three times today's."""
    current = int(evaluation.inputs["reasoning_tokens"])
    lengths = sorted(
        {int(length.to_integral_value()) for length in spread(Decimal(current))}
        | {current}
    )
    costs = [priced(evaluation, length).with_reasoning.total_usd for length in lengths]
    return lengths, costs


def figure(evaluation: Evaluation) -> go.Figure:
    detail = evaluation.detail
    assert isinstance(detail, ReasoningCost)
    values = evaluation.values
    chart = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.42, 0.58],
        subplot_titles=(
            "One request, without and with reasoning",
            "Cost per request as reasoning grows",
        ),
    )

    bars = ("without reasoning", "with reasoning")
    for label, part in PARTS:
        amounts = [
            getattr(cost, part)
            for cost in (detail.without_reasoning, detail.with_reasoning)
        ]
        chart.add_trace(
            go.Bar(
                x=list(bars),
                y=floats(amounts),
                name=label,
                marker_color=PART_COLOURS[label],
                hovertemplate=f"{label}: %{{y:$,.4f}}<extra></extra>",
            ),
            row=1,
            col=1,
        )
    chart.add_annotation(
        x=bars[1],
        y=float(values["cost_per_request_usd"]),
        text=f"{format_ratio(values['multiplier'])} the cost",
        showarrow=False,
        yshift=14,
        font={"color": MARK_COLOUR},
        row=1,
        col=1,
    )

    lengths, costs = reasoning_curve(evaluation)
    chart.add_trace(
        go.Scatter(
            x=lengths,
            y=floats(costs),
            mode="lines",
            name="cost with reasoning",
            line={"color": PART_COLOURS["reasoning"], "width": 2.5},
            hovertemplate="%{x:,} reasoning tokens: %{y:$,.4f}<extra></extra>",
        ),
        row=1,
        col=2,
    )
    chart.add_trace(
        go.Scatter(
            x=[lengths[0], lengths[-1]],
            y=floats([values["cost_without_reasoning_usd"]] * 2),
            mode="lines",
            name="without reasoning",
            line={"color": "#888888", "dash": "dash"},
            hovertemplate="without reasoning: %{y:$,.4f}<extra></extra>",
        ),
        row=1,
        col=2,
    )
    chart.add_trace(
        scenario_marker(
            evaluation.inputs["reasoning_tokens"],
            values["cost_per_request_usd"],
            hover=(
                f"this scenario: {format_count(evaluation.inputs['reasoning_tokens'])}"
                f" reasoning tokens, {format_usd(values['cost_per_request_usd'])}"
            ),
        ),
        row=1,
        col=2,
    )
    chart.update_layout(barmode="stack")
    chart.update_yaxes(
        title_text="USD per request", tickprefix="$", rangemode="tozero", row=1, col=1
    )
    chart.update_yaxes(
        title_text="USD per request", tickprefix="$", rangemode="tozero", row=1, col=2
    )
    chart.update_xaxes(title_text="reasoning tokens per request", row=1, col=2)
    return styled(chart, height=380)


def csv_rows(evaluation: Evaluation) -> list[list[str]]:
    return formula_csv_rows(evaluation, NAME)
