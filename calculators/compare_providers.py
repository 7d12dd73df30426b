"""Compare providers: rank 2 to 4 rate cards by a real token mix and by a 3:1 blend.

The calculator does not fit the generic one-formula form (it takes a list of
cards), so it draws itself through `render`. Checking, pricing and wording live
in `calculators.comparison`, which has no Streamlit in it; lesson parameters
are checked by `check_compare_params`, re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from calculators.charts import floats, styled
from calculators.comparison import (
    CARD_KEYS,
    DEFAULT_CARD_IDS,
    KINDS,
    LETTERS,
    MAX_CARDS,
    MIN_CARDS,
    MIX_FIELDS,
    NAME,
    QUESTION,
    REQUIRED_CARD_KEYS,
    CardEntry,
    Result,
    Scenario,
    agreement,
    as_date,
    check_compare_params,
    csv_text,
    default_cards,
    disagreement,
    kind_caption,
    price,
    scenario_from_params,
    steps,
    table,
)
from calculators.shared import OPTION_COLOURS
from course.text import escape_dollars
from pricing.compute import Comparison
from pricing.errors import InvalidInputs
from pricing.money import format_count, format_usd, format_usd_per_mtok

# What other modules read from here (the authoring guide's generated table among
# them); the checking side lives in calculators.comparison.
__all__ = [
    "CARD_KEYS",
    "DEFAULT_CARD_IDS",
    "KINDS",
    "MAX_CARDS",
    "MIN_CARDS",
    "MIX_FIELDS",
    "QUESTION",
    "REQUIRED_CARD_KEYS",
    "check_compare_params",
    "query_keys",
    "render",
    "widget_defaults",
]


# Drawing.


def query_keys(card_count: int | None = None) -> tuple[str, ...]:
    """URL parameter names of a standalone comparison with `card_count` cards."""
    if card_count is None:
        card_count = _card_count(st.session_state.get("cards"))
    card_keys = tuple(
        f"{letter}_{key}" for letter in LETTERS[:card_count] for key in CARD_KEYS
    )
    return ("cards", *card_keys, *(field.name for field in MIX_FIELDS))


def widget_defaults() -> dict[str, Any]:
    """The default scenario as widget values, for all four card slots."""
    values: dict[str, Any] = {"cards": MIN_CARDS}
    for letter, entry in zip(LETTERS, default_cards(), strict=True):
        values |= {
            f"{letter}_label": entry.label,
            f"{letter}_model": entry.model,
            f"{letter}_input_usd_per_mtok": float(entry.input_usd_per_mtok),
            f"{letter}_output_usd_per_mtok": float(entry.output_usd_per_mtok),
            f"{letter}_as_of": as_date(entry.as_of),
            f"{letter}_kind": entry.kind,
            f"{letter}_source": entry.source,
        }
    for field in MIX_FIELDS:
        values[field.name] = int(field.default)
    return values


def _card_count(value: Any) -> int:
    try:
        count = int(value)
    except (TypeError, ValueError):
        return MIN_CARDS
    return min(max(count, MIN_CARDS), MAX_CARDS)


class _Inputs:
    """Widget keys and options for one drawn comparison (standalone or embedded)."""

    def __init__(self, key_prefix: str, standalone: bool) -> None:
        self.prefix = "" if standalone else f"{key_prefix}.{NAME}."
        self.options: dict[str, Any] = (
            {"bind": "query-params"} if standalone else {"persist_state": "session"}
        )
        self.slots: dict[str, Any] = {}

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def number(self, label: str, name: str, value: Any, *, integer: bool) -> Any:
        start = None if value is None else (int(value) if integer else float(value))
        entered = st.number_input(
            label,
            value=start,
            step=1 if integer else 0.05,
            format="%d" if integer else "%g",
            key=self.key(name),
            placeholder="required",
            **self.options,
        )
        self.slots[name] = st.empty()
        if isinstance(entered, float):
            return _decimal(entered)
        return entered

    def text(self, label: str, name: str, value: str, **extra: Any) -> str:
        entered = st.text_input(
            label, value=value, key=self.key(name), **extra, **self.options
        )
        self.slots[name] = st.empty()
        return entered

    def date(self, label: str, name: str, value: Any) -> Any:
        entered = st.date_input(
            label,
            value=as_date(value),
            min_value=dt.date(2000, 1, 1),
            max_value=dt.date(2100, 12, 31),
            key=self.key(name),
            **self.options,
        )
        self.slots[name] = st.empty()
        return entered

    def kind(self, label: str, name: str, value: Any) -> Any:
        start = str(value) if str(value) in KINDS else KINDS[0]
        entered = st.selectbox(
            label, KINDS, index=KINDS.index(start), key=self.key(name), **self.options
        )
        self.slots[name] = st.empty()
        return entered


def _decimal(entered: float) -> Decimal:
    """A widget's float as the Decimal the learner typed: -4.0 reads back as -4."""
    number = Decimal(repr(round(entered, 9)))
    if number == number.to_integral_value():
        return number.to_integral_value()
    return number


def render(
    *,
    params: Mapping[str, Any],
    key_prefix: str,
    standalone: bool = False,
    footer: Callable[[bool], None] | None = None,
) -> None:
    """Draw the comparison starting from a lesson's `params` (or the defaults)."""
    start, problems = scenario_from_params(params)
    if start is None:
        for _, message, fix in problems:
            st.error(f"{message}; {fix}.", icon=":material/error:")
        return
    _comparison(start, key_prefix, standalone, footer)


@st.fragment
def _comparison(
    start: Scenario,
    key_prefix: str,
    standalone: bool,
    footer: Callable[[bool], None] | None,
) -> None:
    inputs = _Inputs(key_prefix, standalone)
    with st.container(border=True, key=f"calculator-{key_prefix}-{NAME}"):
        if not standalone:
            st.markdown(f"**Compare providers calculator** · {QUESTION}")
        scenario = _scenario_widgets(start, inputs)

        valid = False
        try:
            result = price(scenario)
        except InvalidInputs as error:
            for problem in error.problems:
                slot = inputs.slots.get(problem.field)
                (slot or st).error(problem.message, icon=":material/error:")
            st.info(
                "Results appear when every input makes sense.", icon=":material/info:"
            )
        else:
            valid = True
            _results(result, key=f"{key_prefix}.{NAME}")

    if footer is not None:
        footer(valid)


def _scenario_widgets(start: Scenario, inputs: _Inputs) -> Scenario:
    slots = default_cards()
    starting = list(start.cards) + list(slots[len(start.cards) :])
    count = inputs.number(
        "Rate cards to compare (2 to 4)", "cards", len(start.cards), integer=True
    )
    shown = _card_count(count)
    if count is None or count != shown:
        inputs.slots["cards"].error(
            f"Compare {MIN_CARDS} to {MAX_CARDS} rate cards; showing {shown}.",
            icon=":material/error:",
        )

    entries = []
    for letter, column, entry in zip(
        LETTERS, st.columns(shown), starting[:shown], strict=False
    ):
        with column, st.container(border=True):
            st.markdown(f"**Card {letter.upper()}**")
            entries.append(_card_widgets(letter, entry, inputs))

    st.markdown("**Your token mix**")
    columns = st.columns(len(MIX_FIELDS))
    mix = {}
    for column, field in zip(columns, MIX_FIELDS, strict=True):
        with column:
            mix[field.name] = inputs.number(
                field.label,
                field.name,
                getattr(start, field.name),
                integer=True,
            )
    return Scenario(cards=tuple(entries), **mix)


def _card_widgets(letter: str, entry: CardEntry, inputs: _Inputs) -> CardEntry:
    def name(key: str) -> str:
        return f"{letter}_{key}"

    return CardEntry(
        label=inputs.text("Label", name("label"), entry.label),
        model=inputs.text("Model", name("model"), entry.model),
        input_usd_per_mtok=inputs.number(
            "Input (USD per 1M tokens)",
            name("input_usd_per_mtok"),
            entry.input_usd_per_mtok,
            integer=False,
        ),
        output_usd_per_mtok=inputs.number(
            "Output (USD per 1M tokens)",
            name("output_usd_per_mtok"),
            entry.output_usd_per_mtok,
            integer=False,
        ),
        as_of=inputs.date("Rates as of", name("as_of"), entry.as_of),
        kind=inputs.kind("Kind", name("kind"), entry.kind),
        source=inputs.text(
            "Source (for a quoted price)",
            name("source"),
            entry.source,
            placeholder="where the price was published",
        ),
    )


def _results(result: Result, *, key: str) -> None:
    comparison = result.comparison
    rows = comparison.rows
    columns = st.columns(len(rows))
    for column, row in zip(columns, rows, strict=True):
        column.metric(
            escape_dollars(f"{row.label}, per request"),
            format_usd(row.cost_per_request_usd),
            help=escape_dollars(
                f"{format_usd(row.monthly_usd)} a month; blended 3:1 price "
                f"{format_usd_per_mtok(row.blended_usd_per_mtok)}. "
                f"{row.card.kind.value.capitalize()} rates as of "
                f"{row.card.as_of.isoformat()}."
            ),
        )

    verdict = disagreement(comparison)
    if verdict:
        st.warning(escape_dollars(verdict), icon=":material/warning:")
    else:
        st.success(
            escape_dollars(agreement(comparison)), icon=":material/check_circle:"
        )
    if comparison.mixes_kinds:
        st.warning(
            "This comparison mixes illustrative and quoted rates: an illustrative "
            "rate is a teaching number, so do not rank it against a published price.",
            icon=":material/warning:",
        )

    st.dataframe(table(result), hide_index=True, key=f"{key}.table")
    st.plotly_chart(
        figure(comparison),
        config={"displayModeBar": False, "responsive": True},
        key=f"{key}.chart",
    )
    st.caption(kind_caption(comparison))
    _how(comparison)
    st.download_button(
        "Download results (CSV)",
        csv_text(result),
        file_name=f"{NAME}.csv",
        mime="text/csv",
        key=f"{key}.csv",
        icon=":material/download:",
        on_click="ignore",
    )


def figure(comparison: Comparison) -> go.Figure:
    rows = comparison.rows
    chart = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(
            f"Cost per request, your mix ({format_count(comparison.usage.input_tokens)}"
            f" in, {format_count(comparison.usage.output_tokens)} out)",
            "Blended price at 3 input : 1 output",
        ),
    )
    labels = [row.label for row in rows]
    colours = list(OPTION_COLOURS[: len(rows)])
    chart.add_trace(
        go.Bar(
            x=labels,
            y=floats(row.cost_per_request_usd for row in rows),
            marker_color=colours,
            text=[
                f"#{row.rank_by_mix} · {format_usd(row.cost_per_request_usd)}"
                for row in rows
            ],
            textposition="outside",
            name="cost per request (your mix)",
            hovertemplate="%{x}: %{y:$,.4f} per request<extra></extra>",
        ),
        row=1,
        col=1,
    )
    chart.add_trace(
        go.Bar(
            x=labels,
            y=floats(row.blended_usd_per_mtok for row in rows),
            marker_color=colours,
            marker_pattern_shape="/",
            text=[
                f"#{row.rank_by_blend} · {format_usd(row.blended_usd_per_mtok)}"
                for row in rows
            ],
            textposition="outside",
            name="blended price (3:1)",
            hovertemplate="%{x}: %{y:$,.2f} per 1M tokens<extra></extra>",
        ),
        row=1,
        col=2,
    )
    chart.update_layout(showlegend=False, uniformtext_minsize=10)
    chart.update_yaxes(
        title_text="USD per request", tickprefix="$", rangemode="tozero", row=1, col=1
    )
    chart.update_yaxes(
        title_text="USD per 1M tokens (3:1 blend)",
        tickprefix="$",
        rangemode="tozero",
        row=1,
        col=2,
    )
    # Room above the tallest bar for its rank label.
    for column, values in (
        (1, [row.cost_per_request_usd for row in rows]),
        (2, [row.blended_usd_per_mtok for row in rows]),
    ):
        top = max(values) * Decimal("1.2") or Decimal(1)
        chart.update_yaxes(range=[0, float(top)], row=1, col=column)
    return styled(chart, height=380)


def _how(comparison: Comparison) -> None:
    with st.expander("How this is computed", icon=":material/function:"):
        st.markdown(
            "cost per request = input tokens × input price / 1M + output tokens × "
            "output price / 1M\n\n"
            "blended price = (3 × input price + 1 × output price) / 4, the single "
            "number many price lists quote; it is only right for a 3:1 mix.\n\n"
            "Rank 1 is cheapest; equal costs share a rank."
        )
        st.markdown(
            "\n".join(
                escape_dollars(f"{number}. {line}")
                for number, line in enumerate(steps(comparison), start=1)
            )
        )
