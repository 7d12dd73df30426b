"""Model serving cost: a GPU-hour price and a throughput become a price per token."""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from calculators.charts import PART_COLOURS, floats, styled
from calculators.shared import HUNDRED, formula_csv_rows, percent_sweep, scenario_marker
from pricing.compute import serving_cost
from pricing.formulas import Evaluation
from pricing.money import (
    format_count,
    format_percent,
    format_ratio,
    format_token_price,
    format_usd,
)

NAME = "serving-cost"
API_COLOUR = "#E45756"


def metrics(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    values = evaluation.values
    shown = [
        (
            "Cost per 1M tokens",
            format_token_price(values["usd_per_mtok"]),
            "What a million generated tokens cost on these GPUs at this utilization.",
        ),
        (
            "Cost per hour",
            format_usd(values["usd_per_hour"]),
            "GPUs times the price per GPU-hour, paid whether busy or idle.",
        ),
        (
            "Tokens per hour",
            format_count(values["tokens_per_hour"]),
            "Throughput at full load times 3,600 seconds times utilization.",
        ),
    ]
    ratio = values.get("api_ratio")
    if ratio is not None:
        shown.append(
            (
                "API price ÷ self-hosted",
                format_ratio(ratio),
                "Above 1× the API charges more per token than these GPUs cost.",
            )
        )
    return shown


def full_load_usd_per_mtok(evaluation: Evaluation) -> Decimal:
    """Cost per million tokens at 100% utilization: the floor of the curve."""
    inputs = evaluation.inputs
    return serving_cost(
        usd_per_gpu_hour=inputs["usd_per_gpu_hour"],
        gpus=inputs["gpus"],
        tokens_per_second=inputs["tokens_per_second"],
        utilization_percent=HUNDRED,
    ).usd_per_mtok


def api_break_even_percent(evaluation: Evaluation) -> Decimal | None:
    """Utilization above which self-hosting beats the API rate, if one is given.

    Cost per token falls as 1 / utilization, so self-hosted equals the API at
    full-load cost / API rate (as a share of 100%).
    """
    api_rate = evaluation.inputs.get("api_output_usd_per_mtok")
    if not api_rate:
        return None
    return full_load_usd_per_mtok(evaluation) / api_rate * HUNDRED


def note(evaluation: Evaluation) -> str:
    floor = full_load_usd_per_mtok(evaluation)
    text = (
        f"Even at 100% utilization these GPUs cost {format_token_price(floor)} per 1M "
        "tokens; every idle hour raises the price of the tokens you do serve."
    )
    api_rate = evaluation.inputs.get("api_output_usd_per_mtok")
    if api_rate is None:
        return text

    crossing = api_break_even_percent(evaluation)
    if crossing is None:
        return text + " The API price is $0.00, so self-hosting never costs less."
    if crossing > HUNDRED:
        return text + (
            f" The API's {format_usd(api_rate)} per 1M tokens is below that floor: "
            "self-hosting cannot match it at any utilization."
        )
    return text + (
        f" Above {format_percent(crossing)} utilization self-hosting costs less "
        f"per token than the API's {format_usd(api_rate)} per 1M tokens."
    )


def cost_curve(evaluation: Evaluation) -> tuple[list[Decimal], list[Decimal]]:
    """Cost per million tokens at each utilization."""
    inputs = evaluation.inputs
    utilizations = percent_sweep(inputs["utilization"])
    costs = [
        serving_cost(
            usd_per_gpu_hour=inputs["usd_per_gpu_hour"],
            gpus=inputs["gpus"],
            tokens_per_second=inputs["tokens_per_second"],
            utilization_percent=utilization,
        ).usd_per_mtok
        for utilization in utilizations
    ]
    return utilizations, costs


def figure(evaluation: Evaluation) -> go.Figure:
    inputs = evaluation.inputs
    utilizations, costs = cost_curve(evaluation)
    chart = go.Figure()
    chart.add_trace(
        go.Scatter(
            x=floats(utilizations),
            y=floats(costs),
            mode="lines",
            name="self-hosted cost per 1M tokens",
            line={"color": PART_COLOURS["input"], "width": 2.5},
            hovertemplate=(
                "%{y:$,.2f} per 1M tokens at %{x:.0f}% utilization<extra></extra>"
            ),
        )
    )

    api_rate = inputs.get("api_output_usd_per_mtok")
    if api_rate is not None:
        chart.add_trace(
            go.Scatter(
                x=floats([utilizations[0], utilizations[-1]]),
                y=floats([api_rate, api_rate]),
                mode="lines",
                name=f"API output price ({format_usd(api_rate)} per 1M tokens)",
                line={"color": API_COLOUR, "dash": "dash", "width": 2},
                hovertemplate=f"API: {format_usd(api_rate)} per 1M tokens<extra></extra>",
            )
        )

    current = evaluation.values["usd_per_mtok"]
    chart.add_trace(
        scenario_marker(
            inputs["utilization"],
            current,
            hover=f"this scenario: {format_token_price(current)} per 1M tokens",
        )
    )
    chart.update_layout(
        title="Cost per million generated tokens as utilization changes"
    )
    chart.update_xaxes(title_text="utilization (%)", ticksuffix="%")
    chart.update_yaxes(
        title_text="USD per 1M generated tokens", tickprefix="$", rangemode="tozero"
    )
    return styled(chart)


def csv_rows(evaluation: Evaluation) -> list[list[str]]:
    return formula_csv_rows(evaluation, NAME)
