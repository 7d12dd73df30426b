"""Draw any calculator: its inputs as widgets, inline problems, results, chart and formula.

A calculator runs inside `st.fragment`, so moving one input re-runs only that
calculator. Inputs are never clamped by the widget: a value the pricing module
rejects is kept as typed and explained beside its field.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any

import streamlit as st

from calculators.specs import SPECS
from course.numbers import parse_answer
from course.text import escape_dollars, numbered_steps
from pricing.errors import InvalidInputs
from pricing.formulas import Evaluation, Field, Formula, get_formula

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def view_module(name: str) -> ModuleType:
    """The module that holds a calculator's metrics and chart (`token-cost` -> token_cost)."""
    return importlib.import_module(f"calculators.{name.replace('-', '_')}")


def calculator(
    name: str,
    *,
    params: Mapping[str, Any] | None = None,
    key_prefix: str,
    standalone: bool = False,
    footer: Callable[[bool], None] | None = None,
) -> None:
    """Draw calculator `name` starting from `params`; widget keys start with `key_prefix`.

    `footer`, if given, is drawn at the end of the calculator's fragment, so it
    re-runs with the calculator (a standalone page's share link uses it).
    """
    view = view_module(name)
    if hasattr(view, "render"):
        extra = {} if footer is None else {"footer": footer}
        view.render(
            params=dict(params or {}),
            key_prefix=key_prefix,
            standalone=standalone,
            **extra,
        )
        return
    _formula_calculator(name, dict(params or {}), key_prefix, standalone, footer)


@st.fragment
def _formula_calculator(
    name: str,
    params: dict[str, Any],
    key_prefix: str,
    standalone: bool,
    footer: Callable[[bool], None] | None = None,
) -> None:
    spec = SPECS[name]
    formula = get_formula(name)
    view = view_module(name)

    with st.container(border=True, key=f"calculator-{key_prefix}-{name}"):
        if not standalone:
            st.markdown(f"**{spec.title} calculator** · {formula.question}")
        raw, slots = input_widgets(
            formula, params, key_prefix=key_prefix, standalone=standalone
        )

        valid = False
        try:
            evaluation = formula.evaluate(raw)
        except InvalidInputs as error:
            for problem in error.problems:
                slot = slots.get(problem.field)
                if slot is not None:
                    slot.error(problem.message, icon=":material/error:")
                else:
                    st.error(problem.message, icon=":material/error:")
            st.info(
                "Results appear when every input makes sense.", icon=":material/info:"
            )
        else:
            valid = True
            results(view, evaluation, key=f"{key_prefix}.{name}")
            how_it_works(formula, evaluation)
            if hasattr(view, "csv_rows"):
                download(view, evaluation, name=name, key=f"{key_prefix}.{name}.csv")

    if footer is not None:
        footer(valid)


def input_widgets(
    formula: Formula, params: Mapping[str, Any], *, key_prefix: str, standalone: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One number input per field; returns the raw values and a message slot per field."""
    raw: dict[str, Any] = {}
    slots: dict[str, Any] = {}
    basic = [field for field in formula.fields if not field.advanced]
    advanced = [field for field in formula.fields if field.advanced]

    columns = st.columns(2)
    for position, field in enumerate(basic):
        with columns[position % 2]:
            raw[field.name], slots[field.name] = _number(
                field, params, key_prefix, standalone
            )

    if advanced:
        in_use = [
            field.label
            for field in advanced
            if _set_away_from_default(field, params, key_prefix, standalone)
        ]
        # Once open, the panel stays open: its state must not flip while the
        # learner is clearing the very input that opened it.
        remembered = f"{key_prefix}.advanced-open"
        opened = bool(in_use) or st.session_state.get(remembered, False)
        st.session_state[remembered] = opened
        if in_use:
            st.caption("Advanced inputs in use: " + ", ".join(in_use) + ".")
        with st.expander("Advanced inputs", expanded=opened, icon=":material/tune:"):
            columns = st.columns(2)
            for position, field in enumerate(advanced):
                with columns[position % 2]:
                    raw[field.name], slots[field.name] = _number(
                        field, params, key_prefix, standalone
                    )
    return {
        name: value
        for name, value in raw.items()
        if value is not None or _required(formula, name)
    }, slots


def _required(formula: Formula, name: str) -> bool:
    return not next(field for field in formula.fields if field.name == name).optional


def _number(
    field: Field, params: Mapping[str, Any], key_prefix: str, standalone: bool
) -> tuple[Any, Any]:
    if typed_as_text(field):
        return _huge_number(field, params, key_prefix, standalone)

    value = start_value(field, params.get(field.name, field.default))

    label = field_label(field)
    options: dict[str, Any] = (
        {"bind": "query-params"} if standalone else {"persist_state": "session"}
    )
    entered = st.number_input(
        label,
        value=value,
        step=1 if field.integer else _step(field),
        format="%d" if field.integer else "%g",
        help=field.help or None,
        key=field.name if standalone else f"{key_prefix}.{field.name}",
        placeholder="optional" if field.optional else "required",
        **options,
    )
    slot = st.empty()
    if entered is None:
        return None, slot
    if isinstance(entered, float):
        entered = _decimal(entered)
    return entered, slot


HUGE = Decimal(10) ** 13
"""Fields that can reach this size (parameters, training tokens) are typed as text."""


def typed_as_text(field: Field) -> bool:
    return field.maximum >= HUGE


def start_value(field: Field, value: object) -> int | float | str | None:
    """What a field's widget holds for `value`: a number, or words for huge counts."""
    if value is None:
        return None
    number = Decimal(str(value))
    if typed_as_text(field):
        return in_words(number)
    return int(number) if field.integer else float(number)


def _huge_number(
    field: Field, params: Mapping[str, Any], key_prefix: str, standalone: bool
) -> tuple[Any, Any]:
    """A text box for numbers too long to count zeros in: `7e9`, `7 billion`, `70B`."""
    default = start_value(field, params.get(field.name, field.default)) or ""
    options: dict[str, Any] = (
        {"bind": "query-params"} if standalone else {"persist_state": "session"}
    )
    typed = st.text_input(
        field.label,
        value=default,
        help=(field.help + " " if field.help else "")
        + "Type it as 7e9, 7 billion or 7000000000.",
        key=field.name if standalone else f"{key_prefix}.{field.name}",
        **options,
    )
    slot = st.empty()
    if typed is None or not str(typed).strip():
        return None, slot
    typed = str(typed)
    value, _ = parse_answer(typed)
    if value is None:
        return typed, slot
    st.caption(f"= {in_words(value)}")
    return value, slot


def in_words(value: Decimal) -> str:
    """A large count the way people say it: 7 billion, 2 trillion, 1.5 million."""
    for exponent, word in ((12, "trillion"), (9, "billion"), (6, "million")):
        scale = Decimal(10) ** exponent
        if abs(value) >= scale:
            number = (value / scale).normalize()
            return f"{number:f} {word}"
    return f"{value.normalize():,f}"


def _set_away_from_default(
    field: Field, params: Mapping[str, Any], key_prefix: str, standalone: bool
) -> bool:
    """Whether an advanced input holds something other than its default."""
    key = field.name if standalone else f"{key_prefix}.{field.name}"
    current = st.session_state.get(key, params.get(field.name, field.default))
    if standalone and field.name in st.query_params:
        current = st.query_params[field.name]
    if current in (None, ""):
        return False
    try:
        value = Decimal(str(current))
    except ArithmeticError:
        return True
    return value != (field.default if field.default is not None else 0)


def field_label(field: Field) -> str:
    """The field's label with its unit, unless the label already says it."""
    words = unit_words(field.unit)
    label = field.label.lower()
    if not words or "(" in label or words.lower() in label:
        return field.label
    if field.unit.replace("_", " ") in label:
        return field.label
    return f"{field.label} ({words})"


def _decimal(entered: float) -> Decimal:
    """A widget's float as the Decimal the learner typed: 150.0 reads back as 150."""
    number = Decimal(repr(round(entered, 9)))
    if number == number.to_integral_value():
        return number.to_integral_value()
    return number


def _step(field: Field) -> float:
    if field.unit in ("percent",):
        return 1.0
    if field.unit in ("usd_per_mtok", "usd_per_gpu_hour"):
        return 0.05
    return 1.0


UNIT_WORDS = {
    "tokens": "tokens",
    "usd_per_mtok": "USD per 1M tokens",
    "requests_per_month": "requests a month",
    "usd_per_gpu_hour": "USD per GPU-hour",
    "gpus": "GPUs",
    "hours": "hours",
    "percent": "%",
    "tokens_per_second": "tokens/s",
    "parameters": "parameters",
    "tflops": "TFLOP/s per GPU",
    "requests_per_second": "requests/s",
    "parts": "parts",
}


def unit_words(unit: str) -> str:
    return UNIT_WORDS.get(unit, unit.replace("_", " "))


def results(view: ModuleType, evaluation: Evaluation, *, key: str) -> None:
    """Headline figures as metrics, then the chart."""
    metrics = view.metrics(evaluation)
    per_row = 2 if len(metrics) == 4 else min(len(metrics), 3)
    for start in range(0, len(metrics), per_row):
        row = metrics[start : start + per_row]
        for column, (label, value, help_text) in zip(
            st.columns(per_row), row, strict=False
        ):
            column.metric(label, value, help=escape_dollars(help_text))
    if hasattr(view, "note"):
        note = view.note(evaluation)
        if note:
            st.caption(escape_dollars(note))
    st.plotly_chart(view.figure(evaluation), config=CHART_CONFIG, key=f"{key}.chart")
    st.caption(
        "Rates here are the ones entered above: illustrative teaching numbers unless you typed a quoted price."
    )


def how_it_works(formula: Formula, evaluation: Evaluation) -> None:
    with st.expander("How this is computed", icon=":material/function:"):
        st.markdown(formula.how)
        st.markdown(numbered_steps(evaluation.steps))


def download(view: ModuleType, evaluation: Evaluation, *, name: str, key: str) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in view.csv_rows(evaluation):
        writer.writerow(row)
    st.download_button(
        "Download results (CSV)",
        buffer.getvalue(),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )
