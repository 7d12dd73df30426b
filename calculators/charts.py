"""Shared Plotly styling: one look for every calculator chart."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import plotly.graph_objects as go

PART_COLOURS = {
    "input": "#4C78A8",
    "cached input": "#72B7B2",
    "output": "#F58518",
    "reasoning": "#E45756",
}
MARK_COLOUR = "#222222"


def floats(values: Iterable[Decimal]) -> list[float]:
    """Decimals become floats only here, at the plotting boundary."""
    return [float(value) for value in values]


def styled(figure: go.Figure, *, height: int = 360) -> go.Figure:
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
        hovermode="x unified",
        template="plotly_white",
    )
    return figure


def spread(
    current: Decimal, *, low: Decimal = Decimal(0), points: int = 41, factor: int = 3
) -> list[Decimal]:
    """Evenly spaced values from `low` to about `factor` times the current value."""
    high = max(current * factor, low + 10)
    step = (high - low) / (points - 1)
    return [low + step * index for index in range(points)]
