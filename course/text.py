"""Markdown text for `st.markdown`, shared by lesson pages and calculators."""

from __future__ import annotations

from collections.abc import Iterable

from pricing.formulas import Step


def escape_dollars(text: str) -> str:
    """Keep dollar amounts from being read as KaTeX math by `st.markdown`.

    Text already written with `\\$` is left as it is, so authors may escape or not.
    """
    return text.replace("\\$", "$").replace("$", "\\$")


def numbered_steps(steps: Iterable[Step]) -> str:
    """Worked steps as a numbered Markdown list, each result in bold."""
    return "\n".join(
        f"{number}. {escape_dollars(step.label)}: {escape_dollars(step.arithmetic)}"
        f" = **{escape_dollars(step.result)}**"
        for number, step in enumerate(steps, start=1)
    )
