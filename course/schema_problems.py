"""Turn pydantic validation errors into `path:line: what; fix` problems."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from course import schema
from course.problems import Problem
from course.yamlsource import Location, SourceYaml

Model = TypeVar("Model", bound=BaseModel)

_MODELS = (
    schema.TrackFile,
    schema.FrontMatter,
    schema.Option,
    schema.SingleChoice,
    schema.MultipleChoice,
    schema.ComputedKey,
    schema.WrongAnswer,
    schema.Numeric,
    schema.QuizFile,
)


def _field_hints() -> dict[str, str]:
    hints: dict[str, str] = {}
    for model in _MODELS:
        for name, info in model.model_fields.items():
            description = info.description or ""
            if hints.get(name, description) != description:
                hints[name] = ""
            else:
                hints[name] = description
    hints["id"] = "lowercase words joined by hyphens, e.g. cost-per-million-tokens"
    return hints


_HINTS = _field_hints()


def validate(
    model: type[Model], source: SourceYaml, *, path: str, what: str
) -> tuple[Model | None, list[Problem]]:
    """Validate parsed YAML against `model`; problems point at the offending line."""
    if not isinstance(source.data, dict):
        found = "nothing" if source.data is None else type(source.data).__name__
        fix = "write `key: value` lines"
        problem = Problem(
            path, source.first_line, f"{what} must be a mapping, found {found}", fix
        )
        return None, [problem]

    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        problems = [_problem(item, model, source, path=path) for item in error.errors()]
        return None, sorted(set(problems))


def _problem(error: Any, model: Any, source: SourceYaml, *, path: str) -> Problem:
    location = _clean_location(error["loc"], source.data)
    line = source.line_of(location)
    where = _dotted(location)
    kind = error["type"]
    name = str(location[-1]) if location else ""
    # A list item (`slips[0]`) takes the hint of the list it sits in.
    field_name = next((str(p) for p in reversed(location) if isinstance(p, str)), "")
    hint = _HINTS.get(field_name, "")

    if kind == "missing":
        fix = f"add `{name}:`" + (f" ({hint})" if hint else "")
        parent = _dotted(location[:-1])
        inside = f" in {parent}" if parent else ""
        return Problem(path, line, f"`{name}` is missing{inside}", fix)

    if kind == "extra_forbidden":
        known = _known_fields(model, error["loc"])
        fix = "remove it" + (f", or use one of: {', '.join(known)}" if known else "")
        return Problem(path, line, f"unknown field `{where}`", fix)

    if kind == "union_tag_invalid":
        found = (
            error.get("input", {}).get("kind")
            if isinstance(error.get("input"), dict)
            else None
        )
        return Problem(
            path,
            line,
            f"`{where}` has unknown kind `{found}`",
            "use `kind: single`, `kind: multiple` or `kind: numeric`",
        )

    if kind == "union_tag_not_found":
        return Problem(
            path,
            line,
            f"`{where}` has no `kind`",
            "add `kind: single`, `kind: multiple` or `kind: numeric`",
        )

    value = error.get("input")
    if kind == "literal_error":
        allowed = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
        allowed = allowed.replace(" or ", ", ")
        return Problem(
            path,
            line,
            f"`{where}` is `{value}`, which is not allowed here",
            f"use one of: {allowed}",
        )

    if kind == "string_pattern_mismatch":
        suggestion = "-".join(re.findall(r"[a-z0-9]+", str(value).lower()))
        example = f", e.g. {suggestion}" if suggestion else ""
        return Problem(
            path,
            line,
            f"`{where}` is `{value}`, which is not an id",
            f"write lowercase words joined by hyphens{example}",
        )

    if kind in ("dict_type", "model_type") and error.get("input") is None:
        return Problem(
            path,
            line,
            f"`{where}` has nothing under it",
            f"indent the lines that belong to `{name}:` two spaces further than it",
        )

    if kind == "list_type":
        return Problem(
            path,
            line,
            f"`{where}` must be a list",
            "write each item on its own line starting with `- `, or as [a, b]",
        )

    shown = f" (found {value!r})" if not isinstance(value, (dict, list)) else ""
    message = (
        f"`{where}` is not valid{shown}: {error['msg'][:1].lower()}{error['msg'][1:]}"
    )
    fix = f"expected {hint}" if hint else "see docs/authoring.md for the format"
    return Problem(path, line, message, fix)


def _clean_location(raw: tuple[Any, ...], data: Any) -> Location:
    """Drop the parts of a pydantic location that are not in the data (union tags)."""
    clean: list[str | int] = []
    current = data
    for part in raw:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and part < len(current)
        ):
            clean.append(part)
            current = current[part]
        elif (
            isinstance(current, dict)
            and isinstance(part, str)
            and part
            not in (
                "single",
                "multiple",
                "numeric",
            )
        ):
            clean.append(part)
            current = None
    return tuple(clean)


ITEM_NAMES = {
    "questions": "question",
    "options": "option",
    "slips": "slip",
    "wrong_answers": "wrong answer",
    "lessons": "lesson",
    "terms": "term",
    "objectives": "objective",
    "prerequisites": "prerequisite",
}


def _dotted(location: Location) -> str:
    """A location as an author counts it: `question 2, option 3, feedback`."""
    words: list[str] = []
    for position, part in enumerate(location):
        following = location[position + 1] if position + 1 < len(location) else None
        if isinstance(part, int):
            continue
        if isinstance(following, int):
            item = ITEM_NAMES.get(part, f"{part} item")
            words.append(f"{item} {following + 1}")
        else:
            words.append(str(part))
    return ", ".join(words)


def _known_fields(model: Any, raw: tuple[Any, ...]) -> list[str]:
    """The fields allowed next to an unknown one, found by walking the models."""
    for part in raw[:-1]:
        if isinstance(part, int):
            continue
        if part in ("single", "multiple", "numeric"):
            model = {
                "single": schema.SingleChoice,
                "multiple": schema.MultipleChoice,
                "numeric": schema.Numeric,
            }[part]
            continue
        field = model.model_fields.get(part) if model is not None else None
        if field is None:
            return []
        model = _model_inside(field.annotation)
    return sorted(model.model_fields) if model is not None else []


def _model_inside(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_inside(argument)
        if found is not None:
            return found
    return None
