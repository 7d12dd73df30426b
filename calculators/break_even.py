"""Self-host break-even: the volume where your own GPUs beat the API, if they can."""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from calculators.charts import MARK_COLOUR, PART_COLOURS, floats, styled
from calculators.shared import even_sweep, formula_csv_rows
from pricing.compute import BreakEven
from pricing.formulas import Evaluation
from pricing.money import format_count, format_usd
from pricing.tokens import monthly_cost

NAME = "break-even"
CAPACITY_COLOUR = "#888888"
SELF_HOSTED_COLOUR = "#54A24B"


def _detail(evaluation: Evaluation) -> BreakEven:
    detail = evaluation.detail
    assert isinstance(detail, BreakEven)
    return detail


def metrics(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    values = evaluation.values
    detail = _detail(evaluation)
    return [
        (
            "API cost per request",
            format_usd(values["api_usd_per_request"]),
            "Input and output tokens at the API's prices.",
        ),
        (
            "Self-hosted per month",
            format_usd(values["self_hosted_monthly_usd"]),
            "GPUs times hours times the price per GPU-hour, busy or idle.",
        ),
        (
            "Break-even (requests/month)",
            format_count(detail.whole_requests_to_break_even),
            "Self-hosted cost per month divided by the API cost per request, "
            "rounded up.",
        ),
        (
            "Capacity (requests/month)",
            format_count(values["capacity_requests_per_month"]),
            "Requests per second the GPUs can serve, times 3,600, times hours.",
        ),
    ]


def note(evaluation: Evaluation) -> str:
    detail = _detail(evaluation)
    needed = format_count(detail.whole_requests_to_break_even)
    capacity = format_count(detail.capacity_requests_per_month)
    if detail.capacity_covers:
        return (
            f"Self-hosting pays above {needed} requests a month, and these GPUs can "
            f"serve up to {capacity}. If your traffic lands between the two, your "
            "own GPUs cost less; below it, the API does."
        )
    return (
        f"These GPUs can serve only {capacity} requests a month, short of the "
        f"{needed} needed to break even: with this setup the API stays cheaper "
        "at every volume the GPUs can carry."
    )


def volume_range(evaluation: Evaluation) -> Decimal:
    """The right edge of the chart: past both the break-even and the capacity."""
    detail = _detail(evaluation)
    furthest = max(
        detail.break_even_requests_per_month, detail.capacity_requests_per_month
    )
    return furthest * Decimal("1.25")


def api_curve(evaluation: Evaluation) -> tuple[list[Decimal], list[Decimal]]:
    """The API's monthly bill at each volume (it grows with every request)."""
    detail = _detail(evaluation)
    volumes = even_sweep(volume_range(evaluation))
    bills = [
        monthly_cost(
            cost_per_request_usd=detail.api_usd_per_request,
            requests_per_month=volume,
        )
        for volume in volumes
    ]
    return volumes, bills


def figure(evaluation: Evaluation) -> go.Figure:
    detail = _detail(evaluation)
    volumes, bills = api_curve(evaluation)
    monthly = detail.self_hosted_usd_per_month
    capacity = detail.capacity_requests_per_month
    chart = go.Figure()

    chart.add_trace(
        go.Scatter(
            x=floats(volumes),
            y=floats(bills),
            mode="lines",
            name=f"API ({format_usd(detail.api_usd_per_request)} per request)",
            line={"color": PART_COLOURS["input"], "width": 2.5},
            hovertemplate="API: %{y:$,.0f} a month at %{x:,.0f} requests<extra></extra>",
        )
    )
    chart.add_trace(
        go.Scatter(
            x=floats([Decimal(0), capacity]),
            y=floats([monthly, monthly]),
            mode="lines",
            name=f"self-hosted ({format_usd(monthly)} a month, up to capacity)",
            line={"color": SELF_HOSTED_COLOUR, "width": 2.5},
            hovertemplate="self-hosted: %{y:$,.0f} a month<extra></extra>",
        )
    )
    chart.add_vline(
        x=float(capacity),
        line={"dash": "dash", "color": CAPACITY_COLOUR, "width": 1.5},
        annotation_text=f"capacity limit: {format_count(capacity)} requests/month",
        annotation_position="top left",
    )

    covered = "" if detail.capacity_covers else " (beyond capacity)"
    chart.add_trace(
        go.Scatter(
            x=floats([detail.break_even_requests_per_month]),
            y=floats([monthly]),
            mode="markers",
            name=f"break-even{covered}",
            marker={"color": MARK_COLOUR, "size": 13, "symbol": "diamond"},
            hovertemplate=(
                f"break-even{covered}: "
                f"{format_count(detail.whole_requests_to_break_even)} requests a month, "
                f"{format_usd(monthly)}<extra></extra>"
            ),
        )
    )
    chart.update_layout(title="Monthly cost of the API and of your own GPUs by volume")
    chart.update_xaxes(title_text="requests per month", rangemode="tozero")
    chart.update_yaxes(title_text="USD per month", tickprefix="$", rangemode="tozero")
    return styled(chart)


def csv_rows(evaluation: Evaluation) -> list[list[str]]:
    return formula_csv_rows(evaluation, NAME)
