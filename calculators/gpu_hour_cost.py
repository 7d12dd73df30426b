"""GPU-hour cost: what rented GPUs cost, and what an hour of real work costs."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import plotly.graph_objects as go

from calculators.charts import floats, styled
from calculators.shared import (
    OPTION_COLOURS,
    formula_csv_rows,
    percent_sweep,
    scenario_marker,
)
from pricing.compute import gpu_hour_cost
from pricing.formulas import GPU_PRICE_OPTIONS, Evaluation
from pricing.money import format_count, format_usd, format_usd_cents

NAME = "gpu-hour-cost"


class PriceOption(NamedTuple):
    """One price compared on the chart, and the output holding its effective price."""

    words: str
    usd_per_gpu_hour: Decimal
    output: str


def price_options(evaluation: Evaluation) -> list[PriceOption]:
    """The prices to compare: the main one first, then committed and spot if given."""
    inputs = evaluation.inputs
    others = [
        PriceOption(words, price, f"{option}_usd_per_useful_gpu_hour")
        for option, words in GPU_PRICE_OPTIONS
        if (price := inputs.get(f"{option}_usd_per_gpu_hour")) is not None
    ]
    main = PriceOption(
        "on-demand" if others else "your price",
        inputs["usd_per_gpu_hour"],
        "usd_per_useful_gpu_hour",
    )
    return [main, *others]


def metrics(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    values = evaluation.values
    return [
        (
            "Spend",
            format_usd(values["spend_usd"]),
            f"{format_count(values['gpu_hours'])} GPU-hours rented, busy or idle.",
        ),
        (
            "Useful GPU-hours",
            format_count(values["useful_gpu_hours"]),
            "GPU-hours rented times utilization: the hours spent doing work.",
        ),
        (
            "Cost per useful GPU-hour",
            format_usd(values["usd_per_useful_gpu_hour"]),
            "Spend divided by useful GPU-hours: the price of an hour of real work.",
        ),
    ]


def note(evaluation: Evaluation) -> str:
    inputs = evaluation.inputs
    utilization = inputs["utilization"]
    markup = evaluation.values["usd_per_useful_gpu_hour"] - inputs["usd_per_gpu_hour"]
    text = (
        f"At {format_count(utilization, places=1).removesuffix('.0')}% utilization "
        f"each useful GPU-hour costs {format_usd_cents(markup)} more than the "
        f"{format_usd_cents(inputs['usd_per_gpu_hour'])} list price."
    )
    if utilization == 100:
        text = "At 100% utilization every rented hour is useful: you pay list price."

    options = price_options(evaluation)
    if len(options) > 1:
        side_by_side = ", ".join(
            f"{option.words} {format_usd(evaluation.values[option.output])}"
            for option in options
        )
        # Effective prices keep the order of the list prices: same hours, same
        # utilization, so the cheapest list price is the cheapest useful hour.
        cheapest = min(options, key=lambda option: option.usd_per_gpu_hour).words
        text += f" Per useful GPU-hour: {side_by_side}; cheapest is {cheapest}."
        if cheapest == "spot":
            text += " Spot capacity can be taken back at short notice."
    return text


def effective_curve(
    evaluation: Evaluation, usd_per_gpu_hour: Decimal
) -> tuple[list[Decimal], list[Decimal]]:
    """Cost per useful GPU-hour at each utilization, for one price."""
    inputs = evaluation.inputs
    utilizations = percent_sweep(inputs["utilization"])
    prices = [
        gpu_hour_cost(
            usd_per_gpu_hour=usd_per_gpu_hour,
            gpus=inputs["gpus"],
            hours=inputs["hours"],
            utilization_percent=utilization,
        ).usd_per_useful_gpu_hour
        for utilization in utilizations
    ]
    return utilizations, prices


def figure(evaluation: Evaluation) -> go.Figure:
    utilization = evaluation.inputs["utilization"]
    chart = go.Figure()

    for position, (words, price, _) in enumerate(price_options(evaluation)):
        utilizations, effective = effective_curve(evaluation, price)
        chart.add_trace(
            go.Scatter(
                x=floats(utilizations),
                y=floats(effective),
                mode="lines",
                name=f"{words} ({format_usd(price)} per GPU-hour)",
                line={"color": OPTION_COLOURS[position], "width": 2.5},
                hovertemplate=(
                    f"{words}: %{{y:$,.2f}} per useful GPU-hour "
                    "at %{x:.0f}% utilization<extra></extra>"
                ),
            )
        )
        current = effective[utilizations.index(utilization)]
        chart.add_trace(
            scenario_marker(
                utilization,
                current,
                hover=f"this scenario, {words}: {format_usd(current)}",
                showlegend=position == 0,
            )
        )

    chart.add_vline(
        x=float(utilization), line={"dash": "dot", "color": "#888888", "width": 1}
    )
    chart.update_layout(
        title="Price of a useful GPU-hour as utilization changes",
        showlegend=True,
    )
    chart.update_xaxes(title_text="utilization (%)", ticksuffix="%")
    chart.update_yaxes(
        title_text="USD per useful GPU-hour", tickprefix="$", rangemode="tozero"
    )
    return styled(chart)


def csv_rows(evaluation: Evaluation) -> list[list[str]]:
    return formula_csv_rows(evaluation, NAME)
