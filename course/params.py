"""Check the parameters an author gives a formula, pointing at the line of each one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from course.numbers import parse_answer
from course.problems import Problem
from course.yamlsource import Location, SourceYaml
from pricing.errors import InvalidInputs, PricingError
from pricing.formulas import FORMULAS, Evaluation, get_formula


def as_written(params: Mapping[str, Any]) -> dict[str, Any]:
    """Numbers the way authors write them: `1,200`, `$2.50`, `60%`, `7 billion`."""
    readable = {}
    for name, value in params.items():
        if isinstance(value, str):
            number, _ = parse_answer(value)
            readable[name] = number if number is not None else value
        else:
            readable[name] = value
    return readable


def known_formulas() -> list[str]:
    """Formula names an author may use, in registry order."""
    return list(FORMULAS)


def evaluate_params(
    formula_name: str,
    params: Mapping[str, Any],
    *,
    source: SourceYaml,
    path: str,
    location: Location = (),
    what: str = "parameter",
) -> tuple[Evaluation | None, list[Problem]]:
    """Evaluate a formula on author-written parameters, or say what is wrong with them."""
    try:
        formula = get_formula(formula_name)
    except PricingError:
        line = source.line_of(location)
        fix = f"use one of: {', '.join(known_formulas())}"
        return None, [Problem(path, line, f"unknown formula `{formula_name}`", fix)]

    known = [field.name for field in formula.fields]
    problems = [
        Problem(
            path,
            source.line_of((*location, name)),
            f"unknown {what} `{name}` for {formula_name}",
            f"use one of: {', '.join(known)}",
        )
        for name in params
        if name not in known
    ]
    if problems:
        return None, problems

    try:
        return formula.evaluate(as_written(params)), []
    except InvalidInputs as error:
        return None, [
            Problem(
                path,
                source.line_of((*location, item.field)),
                item.message.rstrip("."),
                f"change `{item.field}` in this block",
            )
            for item in error.problems
        ]
    except PricingError as error:
        line = source.line_of(location)
        return None, [Problem(path, line, str(error).rstrip("."), "check the values")]
