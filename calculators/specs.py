"""What each calculator is called, where it lives and what parameters it takes.

This module has no Streamlit or Plotly in it, so the checker can validate a
lesson's calculator embeds without starting an app.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from course.params import evaluate_params
from course.problems import Problem
from course.yamlsource import SourceYaml


@dataclass(frozen=True)
class CalculatorSpec:
    """A calculator's identity: its name in lessons and its page."""

    name: str
    title: str
    icon: str
    summary: str

    @property
    def url_path(self) -> str:
        return self.name


SPECS: dict[str, CalculatorSpec] = {
    spec.name: spec
    for spec in (
        CalculatorSpec(
            "token-cost",
            "Token cost",
            ":material/toll:",
            "What one request and a month of them cost at separate input and output rates.",
        ),
        CalculatorSpec(
            "gpu-hour-cost",
            "GPU-hour cost",
            ":material/memory:",
            "What rented GPUs cost, and what a useful GPU-hour costs once idle time is counted.",
        ),
        CalculatorSpec(
            "serving-cost",
            "Model serving cost",
            ":material/dns:",
            "Turn a GPU-hour price and throughput into a cost per million generated tokens.",
        ),
        CalculatorSpec(
            "training-cost",
            "AI training cost",
            ":material/model_training:",
            "Training compute, GPU-hours, days and dollars from parameters and tokens.",
        ),
        CalculatorSpec(
            "reasoning-cost",
            "Reasoning cost",
            ":material/psychology:",
            "How hidden reasoning tokens multiply the cost of a request.",
        ),
        CalculatorSpec(
            "break-even",
            "Self-host break-even",
            ":material/balance:",
            "The monthly volume at which your own GPUs beat an API, and whether they can carry it.",
        ),
        CalculatorSpec(
            "compare-providers",
            "Compare providers",
            ":material/compare_arrows:",
            "Rank rate cards by your own token mix, next to what a single blended rate claims.",
        ),
    )
}

CALCULATOR_NAMES = tuple(SPECS)


def check_params(
    name: str, params: Mapping[str, Any], *, source: SourceYaml, path: str
) -> list[Problem]:
    """Problems with the starting parameters a lesson gives a calculator."""
    if name == "compare-providers":
        from calculators.comparison import check_compare_params

        return check_compare_params(params, source=source, path=path)

    _, problems = evaluate_params(name, params, source=source, path=path)
    return problems
