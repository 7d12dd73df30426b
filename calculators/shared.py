"""Pieces several calculator views share: sweeps for curves, marks, CSV tables."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

import plotly.graph_objects as go

from calculators.charts import MARK_COLOUR, floats
from pricing.formulas import Evaluation, get_formula
from pricing.money import format_power_of_ten

HUNDRED = Decimal(100)

OPTION_COLOURS = ("#4C78A8", "#F58518", "#54A24B", "#B279A2")
"""One colour per compared option, in order; the first is the main price."""

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def percent_sweep(current: Decimal, *, floor: Decimal = Decimal(10)) -> list[Decimal]:
    """Whole percents from `floor` (or the current value, if lower) to 100.

    The current value is always one of the points, so its marker sits on the
    curve. At most about a hundred points.
    """
    low = min(floor, current)
    first = int(low.to_integral_value(rounding=ROUND_CEILING))
    points = {Decimal(percent) for percent in range(max(first, 1), 101)}
    points.update({low, current})
    return sorted(points)


def even_sweep(high: Decimal, *, points: int = 101) -> list[Decimal]:
    """`points` evenly spaced values from 0 to `high`."""
    step = high / (points - 1)
    return [step * index for index in range(points)]


def power_of_ten(value: Decimal) -> str:
    """`8.4 × 10²²`: the pricing module's power-of-ten text with a real exponent."""
    text = format_power_of_ten(value)
    mantissa, separator, exponent = text.partition("^")
    if not separator:
        return text
    return mantissa + exponent.translate(_SUPERSCRIPTS)


def scenario_marker(
    x: Decimal,
    y: Decimal,
    *,
    hover: str,
    name: str = "this scenario",
    showlegend: bool = True,
) -> go.Scatter:
    """The learner's current inputs as one diamond on a curve."""
    return go.Scatter(
        x=floats([x]),
        y=floats([y]),
        mode="markers",
        name=name,
        legendgroup=name,
        showlegend=showlegend,
        marker={"color": MARK_COLOUR, "size": 12, "symbol": "diamond"},
        hovertemplate=f"{hover}<extra></extra>",
    )


def csv_number(value: Decimal) -> str:
    """A Decimal for a spreadsheet: exact, but no 28-digit tails from a division."""
    if value.as_tuple().exponent < -10:  # type: ignore[operator]
        value = round(value, 10)
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def formula_csv_rows(evaluation: Evaluation, formula_name: str) -> list[list[str]]:
    """Inputs then results, one per row, each with its label and unit."""
    formula = get_formula(formula_name)
    rows = [["kind", "name", "label", "value", "unit"]]
    rows += [
        ["input", field.name, field.label, csv_number(value), field.unit]
        for field in formula.fields
        if (value := evaluation.inputs.get(field.name)) is not None
    ]
    rows += [
        ["result", output.name, output.label, csv_number(value), output.unit]
        for output in formula.outputs
        if (value := evaluation.values.get(output.name)) is not None
    ]
    return rows
