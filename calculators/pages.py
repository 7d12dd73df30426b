"""Standalone calculator pages: one calculator, the question it answers, a share link.

On its own page a calculator binds each input to a URL parameter of the same
name, so a link reproduces a scenario. A page switch clears the URL, and
Streamlit keeps a bound widget's value by key only, shared by every page with
an input of that name; so the last inputs of each page are kept in a plain
session-state dict and put back, before the widgets are drawn, when the page is
opened again without parameters.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import streamlit as st

from calculators.specs import SPECS
from calculators.widgets import calculator, start_value, view_module
from course.numbers import parse_answer
from course.text import escape_dollars
from pricing.formulas import get_formula

logger = logging.getLogger(__name__)

LAST_INPUTS = "calculators.last_inputs"
"""Session-state dict: calculator name -> {parameter: widget value}."""

SHOWN_PAGE = "calculators.shown_page"
"""Session-state key: the calculator page drawn by the last full run of one."""

PageLookup = Callable[[str], Any]


def question(name: str) -> str:
    """The question a calculator answers, in a learner's words."""
    view = view_module(name)
    return getattr(view, "QUESTION", None) or get_formula(name).question


def query_keys(name: str, *, every: bool = False) -> tuple[str, ...]:
    """The URL parameters of a calculator's page.

    With `every`, include parameters that only some scenarios draw (the third
    and fourth cards of a comparison), for deciding whether a URL has any.
    """
    view = view_module(name)
    if hasattr(view, "query_keys"):
        return view.query_keys(view.MAX_CARDS) if every else view.query_keys()
    return get_formula(name).field_names()


def unreadable_link_values(name: str) -> None:
    """Say which values in the link are not numbers, before Streamlit drops them."""
    if name == "compare-providers":
        return
    fields = {field.name: field for field in get_formula(name).fields}
    for key, value in st.query_params.items():
        field = fields.get(key)
        if field is None or not value.strip():
            continue
        number, _ = parse_answer(value)
        if number is None:
            st.warning(
                f"The link sets `{key}` to `{value}`, which is not a number, so "
                f"{field.label} starts from its default instead.",
                icon=":material/link_off:",
            )


def standalone(name: str, page_for: PageLookup | None = None) -> None:
    """Draw the standalone page of calculator `name`."""
    spec = SPECS[name]
    # Charts and side-by-side rate cards need the room; lessons stay centered.
    st.set_page_config(layout="wide")
    st.title(f"{spec.title} calculator")
    st.markdown(f"**{escape_dollars(question(name))}**")
    st.caption(escape_dollars(spec.summary))

    unreadable_link_values(name)
    restore_last_inputs(name)
    calculator(
        name,
        params={},
        key_prefix=name,
        standalone=True,
        footer=partial(share_scenario, name),
    )
    lesson_links(name, page_for)


def widget_defaults(name: str) -> dict[str, Any]:
    """Every URL parameter of a page at its starting value, as its widget holds it."""
    view = view_module(name)
    if hasattr(view, "widget_defaults"):
        return view.widget_defaults()
    return {
        field.name: start_value(field, field.default)
        for field in get_formula(name).fields
    }


def restore_last_inputs(name: str) -> None:
    """Set this page's inputs before its widgets exist: the URL's, else the last ones.

    Bound widgets keep their values by key across pages, and calculators share
    names (`gpus`, `utilization`), so on arriving from another calculator page
    every input this page does not get from the URL is set explicitly: to the
    value it had when the learner left it, or to its default. On a rerun of the
    same page only inputs missing from session state are filled in.
    """
    arrived = st.session_state.get(SHOWN_PAGE) != name
    st.session_state[SHOWN_PAGE] = name

    from_url = {key for key in query_keys(name, every=True) if key in st.query_params}
    saved = {} if from_url else st.session_state.get(LAST_INPUTS, {}).get(name, {})
    starting = {**widget_defaults(name), **saved}

    restored = [
        key
        for key in starting
        if key not in from_url and (arrived or key not in st.session_state)
    ]
    for key in restored:
        st.session_state[key] = starting[key]
    logger.debug("set %s inputs of %s before drawing", len(restored), name)


def remember_inputs(name: str) -> dict[str, Any]:
    """Keep the current widget values of a page; returns them."""
    values = {
        key: st.session_state[key]
        for key in query_keys(name)
        if key in st.session_state
    }
    st.session_state.setdefault(LAST_INPUTS, {})[name] = values
    return values


def share_scenario(name: str, valid: bool = True) -> None:
    """The full link for the current inputs, ready to copy, once they make sense."""
    values = remember_inputs(name)
    st.subheader("Share this scenario", anchor="share-this-scenario")
    if not valid:
        st.caption("A share link appears once every input makes sense.")
        return

    link = share_link(name, values, page_url=st.context.url)
    st.code(link, language=None, wrap_lines=True)
    st.caption(
        "Anyone who opens this link sees this calculator with exactly these inputs. "
        "The address bar keeps only the inputs that differ from the defaults."
    )


def share_link(name: str, values: Mapping[str, Any], *, page_url: str | None) -> str:
    """`page_url` (or `/name`) with every current input as a query parameter."""
    query = urlencode(
        {
            key: text
            for key, value in values.items()
            if (text := parameter_text(value)) is not None
        },
        quote_via=quote,
    )
    if not page_url:
        return f"/{name}?{query}"

    parts = urlsplit(page_url)
    path = parts.path.rstrip("/")
    if not path.endswith(f"/{name}"):
        path = f"{path}/{name}"
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def parameter_text(value: Any) -> str | None:
    """A widget value as it reads in a URL: `2.5`, `60`, `2026-12-01`; None to omit."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if number == number.to_integral_value():
            return str(int(number))
        return f"{number.normalize():f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def lesson_links(name: str, page_for: PageLookup | None) -> None:
    """Links to the lessons that embed this calculator."""
    if page_for is None:
        return

    from course.blocks import CalculatorEmbed
    from course.catalog import load_track

    lessons = [
        lesson
        for lesson in load_track().lessons
        if lesson.ok
        and any(
            isinstance(block, CalculatorEmbed) and block.name == name
            for block in lesson.blocks
        )
    ]
    pages = [(lesson, page) for lesson in lessons if (page := page_for(lesson.id))]
    if not pages:
        return

    st.subheader("Learn the idea behind it", anchor="lessons")
    for lesson, page in pages:
        st.page_link(page, label=lesson.title, icon=":material/menu_book:")
