"""AI training cost: compute, GPU-hours, days and dollars for one training run."""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from calculators.charts import PART_COLOURS, floats, styled
from calculators.shared import (
    formula_csv_rows,
    percent_sweep,
    power_of_ten,
    scenario_marker,
)
from pricing.compute import TrainingCost, training_cost
from pricing.formulas import Evaluation
from pricing.money import format_count, format_sci, format_usd

NAME = "training-cost"


def metrics(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    values = evaluation.values
    flops = values["training_flops"]
    return [
        (
            "Training compute (FLOPs)",
            power_of_ten(flops),
            f"6 × parameters × tokens ({format_sci(flops)} in code notation).",
        ),
        (
            "GPU-hours",
            format_count(values["gpu_hours"]),
            "Training compute divided by what one GPU sustains in an hour.",
        ),
        (
            "Wall-clock days",
            format_count(values["wall_clock_days"], places=1),
            "GPU-hours spread over all the GPUs, running around the clock.",
        ),
        (
            "Cost",
            format_usd(values["cost_usd"]),
            "GPU-hours times the price per GPU-hour.",
        ),
    ]


def note(evaluation: Evaluation) -> str:
    mfu = evaluation.inputs["mfu"]
    if mfu > 60:
        return (
            "MFU above 60% is rare in practice; large runs often sustain 30-50% "
            "of peak once communication and restarts are counted."
        )
    half = run_at(evaluation, evaluation.inputs["mfu"] / 2)
    return (
        f"At half this MFU the same run would take {format_count(half.gpu_hours)} "
        f"GPU-hours and cost {format_usd(half.cost_usd)}: MFU divides straight into the bill."
    )


def run_at(evaluation: Evaluation, mfu_percent: Decimal) -> TrainingCost:
    """The same training run at another MFU."""
    inputs = evaluation.inputs
    return training_cost(
        parameters=inputs["parameters"],
        tokens=inputs["tokens"],
        peak_tflops=inputs["peak_tflops"],
        mfu_percent=mfu_percent,
        usd_per_gpu_hour=inputs["usd_per_gpu_hour"],
        gpus=inputs["gpus"],
    )


def cost_curve(
    evaluation: Evaluation,
) -> tuple[list[Decimal], list[Decimal], list[Decimal]]:
    """Cost and wall-clock days at each MFU."""
    mfus = percent_sweep(evaluation.inputs["mfu"])
    runs = [run_at(evaluation, mfu) for mfu in mfus]
    return mfus, [run.cost_usd for run in runs], [run.wall_clock_days for run in runs]


def figure(evaluation: Evaluation) -> go.Figure:
    mfus, costs, days = cost_curve(evaluation)
    chart = go.Figure()
    chart.add_trace(
        go.Scatter(
            x=floats(mfus),
            y=floats(costs),
            customdata=floats(days),
            mode="lines",
            name="training cost",
            line={"color": PART_COLOURS["output"], "width": 2.5},
            hovertemplate=(
                "%{y:$,.0f} and %{customdata:,.1f} days at %{x:.0f}% MFU<extra></extra>"
            ),
        )
    )

    values = evaluation.values
    chart.add_trace(
        scenario_marker(
            evaluation.inputs["mfu"],
            values["cost_usd"],
            hover=(
                f"this scenario: {format_usd(values['cost_usd'])}, "
                f"{format_count(values['wall_clock_days'], places=1)} days"
            ),
        )
    )
    chart.update_layout(title="Training cost as model FLOPs utilization (MFU) changes")
    chart.update_xaxes(title_text="MFU (% of peak speed sustained)", ticksuffix="%")
    chart.update_yaxes(
        title_text="training cost (USD)", tickprefix="$", rangemode="tozero"
    )
    return styled(chart)


def csv_rows(evaluation: Evaluation) -> list[list[str]]:
    return formula_csv_rows(evaluation, NAME)
