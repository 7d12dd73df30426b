"""Quiz files: load, compute numeric keys and slips, check, and grade answers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from course import schema
from course.blocks import Reference
from course.lessonfile import references_in
from course.numbers import format_typed
from course.params import as_written, evaluate_params
from course.placeholders import placeholders
from course.problems import Problem
from course.schema_problems import validate
from course.yamlsource import SourceYaml, YamlSyntaxError, load_yaml
from pricing.errors import InvalidInputs, PricingError
from pricing.formulas import Evaluation, get_formula

DEFAULT_TOLERANCE_PERCENT = Decimal("0.5")

SLIP_FEEDBACK = {
    "per-thousand": (
        "It looks like you read the rates as dollars per thousand tokens. They are "
        "per million: divide the token count by 1,000,000, not by 1,000."
    ),
    "swapped-rates": (
        "It looks like you swapped the input and output rates. Input tokens go with "
        "the input rate and output tokens with the (usually higher) output rate."
    ),
    "reasoning-forgotten": (
        "It looks like you left out the hidden reasoning tokens. You never see them, "
        "but they are generated and billed as output."
    ),
    "utilization-ignored": (
        "It looks like you assumed the GPUs are busy all the time. Idle hours are "
        "paid for too, so divide by the utilization."
    ),
    "per-request-not-monthly": (
        "That is the cost of a single request; the question asks for the whole month."
    ),
}

MFU_SLIP_FEEDBACK = (
    "It looks like you assumed the GPUs run at their datasheet peak (an MFU of "
    "100%). Real training reaches a fraction of it, so divide by the MFU."
)


@dataclass(frozen=True)
class RecognisedAnswer:
    """A wrong value the grader knows, and what it reveals."""

    value: Decimal
    feedback: str
    slip: str | None = None
    tolerance: Decimal = Decimal(0)


@dataclass(frozen=True)
class NumericKey:
    """The right value of a numeric question, with how it was computed."""

    value: Decimal
    tolerance: Decimal
    evaluation: Evaluation | None
    recognised: tuple[RecognisedAnswer, ...]
    tolerance_words: str = "the accepted range"


@dataclass(frozen=True)
class Quiz:
    """A checked quiz, ready to be drawn and graded."""

    id: str
    path: str
    data: schema.QuizFile
    keys: Mapping[str, NumericKey]
    references: tuple[Reference, ...] = ()

    def version(self, question_id: str) -> str:
        """A short fingerprint of one question: editing it starts learners afresh."""
        question = next(q for q in self.data.questions if q.id == question_id)
        text = json.dumps(question.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Verdict:
    """What the learner is told after answering."""

    correct: bool
    feedback: tuple[str, ...]
    slip: str | None = None

    @property
    def headline(self) -> str:
        return "Correct" if self.correct else "Not quite"


def load_quiz(
    text: str, *, quiz_id: str, path: str
) -> tuple[Quiz | None, list[Problem]]:
    """Parse and check one quiz file; problems are returned, never raised."""
    try:
        source = load_yaml(text)
    except YamlSyntaxError as error:
        fix = "check indentation and quote text that contains a colon"
        return None, [
            Problem(path, error.line, f"YAML does not parse: {error.message}", fix)
        ]

    data, problems = validate(schema.QuizFile, source, path=path, what="a quiz file")
    problems += placeholders(text.splitlines(), path=path)
    if data is None:
        return None, problems

    problems += _check_options(data, source, path=path)
    keys: dict[str, NumericKey] = {}
    seen: dict[str, int] = {}
    for index, question in enumerate(data.questions):
        line = source.line_of(("questions", index, "id"))
        if question.id in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    f"duplicate question id `{question.id}` (first used on line {seen[question.id]})",
                    "give every question its own id",
                )
            )
        seen.setdefault(question.id, line)
        if isinstance(question, schema.Numeric):
            key, key_problems = _numeric_key(question, index, source, path=path)
            problems += key_problems
            if key is not None:
                keys[question.id] = key

    if problems:
        return None, problems
    return Quiz(quiz_id, path, data, keys, tuple(_quiz_references(data, source))), []


def _quiz_references(data: schema.QuizFile, source: SourceYaml) -> list[Reference]:
    """Lesson and glossary links in every piece of quiz text, at the line of that text."""
    found: list[Reference] = []
    for index, question in enumerate(data.questions):
        texts: list[tuple[tuple, str]] = [
            (("prompt",), question.prompt),
            (("explanation",), question.explanation),
        ]
        for number, option in enumerate(getattr(question, "options", [])):
            texts += [(("options", number, "text"), option.text)]
            texts += [(("options", number, "feedback"), option.feedback)]
        for number, wrong in enumerate(getattr(question, "wrong_answers", [])):
            texts += [(("wrong_answers", number, "feedback"), wrong.feedback)]
        for where, text in texts:
            line = source.line_of(("questions", index, *where))
            found += references_in(text, line=line)
    return found


def _check_options(
    data: schema.QuizFile, source: SourceYaml, *, path: str
) -> list[Problem]:
    problems = []
    for index, question in enumerate(data.questions):
        if isinstance(question, schema.Numeric):
            continue
        line = source.line_of(("questions", index, "options"))
        right = sum(option.correct for option in question.options)
        if right == 0:
            problems.append(
                Problem(
                    path,
                    line,
                    f"question `{question.id}` has no correct option",
                    "mark the right option with `correct: true`",
                )
            )
        elif right > 1 and isinstance(question, schema.SingleChoice):
            problems.append(
                Problem(
                    path,
                    line,
                    f"single-choice question `{question.id}` has {right} correct options",
                    "keep one `correct: true`, or make it `kind: multiple`",
                )
            )
    return problems


def _numeric_key(
    question: schema.Numeric, index: int, source: SourceYaml, *, path: str
) -> tuple[NumericKey | None, list[Problem]]:
    where = ("questions", index)
    if question.key is None and question.answer is None:
        fix = "add a `key:` with formula, output and inputs (preferred) or an `answer:`"
        return None, [
            Problem(
                path,
                source.line_of(where),
                f"numeric question `{question.id}` has no answer",
                fix,
            )
        ]

    evaluation = None
    value = question.answer
    if question.key is not None:
        evaluation, problems = evaluate_params(
            question.key.formula,
            question.key.inputs,
            source=source,
            path=path,
            location=(*where, "key", "inputs"),
            what="input",
        )
        if (
            question.key.formula
            and problems
            and problems[0].message.startswith("unknown formula")
        ):
            problems = [
                Problem(
                    path, source.line_of((*where, "key", "formula")), p.message, p.fix
                )
                for p in problems
            ]
        if evaluation is None:
            return None, problems

        output = question.key.output
        if output not in evaluation.values:
            known = ", ".join(evaluation.values)
            line = source.line_of((*where, "key", "output"))
            return None, [
                Problem(
                    path,
                    line,
                    f"formula `{question.key.formula}` has no output `{output}`",
                    f"use one of: {known}",
                )
            ]
        value = evaluation.values[output]
        unit = next(
            item.unit
            for item in get_formula(question.key.formula).outputs
            if item.name == output
        )
        if question.unit != unit:
            line = source.line_of((*where, "unit"))
            return None, [
                Problem(
                    path,
                    line,
                    f"`unit: {question.unit}` does not match the key's output "
                    f"`{output}`, which is in {unit}",
                    f"write `unit: {unit}`",
                )
            ]

        if question.answer is not None and not _within(
            question.answer, value, _tolerance(question, value)
        ):
            line = source.line_of((*where, "answer"))
            return None, [
                Problem(
                    path,
                    line,
                    f"answer {question.answer} disagrees with the pricing module, which computes {_plain(value)}",
                    f"write `answer: {_plain(value)}` or remove `answer:` and let the key decide",
                )
            ]

    assert value is not None
    if question.tolerance is not None and question.tolerance_percent is not None:
        line = source.line_of((*where, "tolerance"))
        return None, [
            Problem(
                path,
                line,
                f"numeric question `{question.id}` has both `tolerance` and `tolerance_percent`",
                "keep one: `tolerance_percent` (share of the answer) or `tolerance` (in the unit)",
            )
        ]
    tolerance = _tolerance(question, value)
    recognised, problems = _recognised(
        question, index, value, tolerance, source, path=path
    )
    key = NumericKey(
        value, tolerance, evaluation, tuple(recognised), _tolerance_words(question)
    )
    return key, problems


def _tolerance(question: schema.Numeric, value: Decimal) -> Decimal:
    if question.tolerance is not None:
        return question.tolerance
    percent = (
        question.tolerance_percent
        if question.tolerance_percent is not None
        else DEFAULT_TOLERANCE_PERCENT
    )
    return abs(value) * percent / 100


def _tolerance_words(question: schema.Numeric) -> str:
    if question.tolerance is not None:
        return f"{format_typed(question.tolerance, question.unit)} either way"
    percent = (
        question.tolerance_percent
        if question.tolerance_percent is not None
        else DEFAULT_TOLERANCE_PERCENT
    )
    return f"{_plain(percent)}%"


def _tightening(question: schema.Numeric) -> str:
    """How to narrow the accepted range, naming the field the author actually used."""
    if question.tolerance is not None:
        return "make `tolerance` smaller"
    if question.tolerance_percent is not None:
        return "make `tolerance_percent` smaller"
    return f"set a `tolerance_percent` below the default {DEFAULT_TOLERANCE_PERCENT}"


def _recognised(
    question: schema.Numeric,
    index: int,
    value: Decimal,
    tolerance: Decimal,
    source: SourceYaml,
    *,
    path: str,
) -> tuple[list[RecognisedAnswer], list[Problem]]:
    recognised: list[RecognisedAnswer] = []
    problems: list[Problem] = []
    where = ("questions", index)

    for slip_index, slip in enumerate(question.slips):
        line = source.line_of((*where, "slips", slip_index))
        if question.key is None:
            fix = "add a `key:` so the slip can be computed, or list it under `wrong_answers`"
            problems.append(
                Problem(path, line, f"slip `{slip}` needs a computed key", fix)
            )
            continue
        slip_value, reason = slip_value_for(slip, question.key)
        if slip_value is None:
            problems.append(
                Problem(
                    path,
                    line,
                    f"slip `{slip}` does not apply to this question: {reason}",
                    "remove it from `slips`",
                )
            )
            continue
        if slip_value == value:
            problems.append(
                Problem(
                    path,
                    line,
                    f"slip `{slip}` gives the right answer here ({_plain(value)})",
                    "remove it from `slips`",
                )
            )
            continue
        if _within(slip_value, value, tolerance):
            problems.append(
                Problem(
                    path,
                    line,
                    f"the tolerance accepts the `{slip}` slip ({_plain(slip_value)}) as right",
                    f"{_tightening(question)}, or drop this slip",
                )
            )
            continue
        feedback = SLIP_FEEDBACK[slip]
        if slip == "utilization-ignored" and question.key.formula == "training-cost":
            feedback = MFU_SLIP_FEEDBACK
        recognised.append(
            RecognisedAnswer(
                slip_value, feedback, slip, _tolerance(question, slip_value)
            )
        )

    unconverted = _million_forgotten(question, value, tolerance)
    if unconverted is not None:
        recognised.append(unconverted)

    for wrong_index, wrong in enumerate(question.wrong_answers):
        if _within(wrong.value, value, tolerance):
            line = source.line_of((*where, "wrong_answers", wrong_index, "value"))
            problems.append(
                Problem(
                    path,
                    line,
                    f"the tolerance accepts the listed wrong answer {wrong.value} as right",
                    f"{_tightening(question)}, or remove this wrong answer",
                )
            )
            continue
        recognised.append(
            RecognisedAnswer(
                wrong.value, wrong.feedback, tolerance=_tolerance(question, wrong.value)
            )
        )
    return recognised, problems


MILLION_FORGOTTEN_FEEDBACK = (
    "It looks like you multiplied tokens by the rate without dividing by "
    "1,000,000. Rates are dollars per million tokens, so divide the token count "
    "by a million first."
)


def _million_forgotten(
    question: schema.Numeric, value: Decimal, tolerance: Decimal
) -> RecognisedAnswer | None:
    """Recognised without being listed: dropping the 'per million' is always a slip."""
    if question.key is None or not question.key.output.endswith("usd"):
        return None
    formula = get_formula(question.key.formula)
    if not any(field.unit == "usd_per_mtok" for field in formula.fields):
        return None
    slipped = value * 1_000_000
    if slipped == value or _within(slipped, value, tolerance):
        return None
    return RecognisedAnswer(
        slipped,
        MILLION_FORGOTTEN_FEEDBACK,
        "per-million-forgotten",
        _tolerance(question, slipped),
    )


def slip_value_for(slip: str, key: schema.ComputedKey) -> tuple[Decimal | None, str]:
    """The answer a learner making `slip` would give, or why the slip cannot happen here."""
    formula = get_formula(key.formula)
    inputs = as_written(key.inputs)
    names = {field.name for field in formula.fields}
    output = key.output

    if slip == "per-thousand":
        parsed = formula.parse(inputs)
        rates = [f for f in formula.fields if f.unit == "usd_per_mtok"]
        if not any(parsed.get(field.name) is not None for field in rates):
            return None, f"{key.formula} uses no per-million-token rates here"
        if not output.endswith("usd"):
            return None, "the answer is not an amount of money"
        # Every cost is linear in the rates: reading them per thousand scales it by 1,000.
        return formula.evaluate(inputs).values[output] * 1000, ""
    elif slip == "swapped-rates":
        if not {"input_usd_per_mtok", "output_usd_per_mtok"} <= names:
            return None, f"{key.formula} has no separate input and output rates"
        parsed = formula.parse(inputs)
        for prefix in ("", "long_context_"):
            first, second = (
                f"{prefix}input_usd_per_mtok",
                f"{prefix}output_usd_per_mtok",
            )
            if parsed.get(first) is not None and parsed.get(second) is not None:
                inputs[first], inputs[second] = parsed[second], parsed[first]
    elif slip == "reasoning-forgotten":
        if "reasoning_tokens" not in names:
            return None, f"{key.formula} has no reasoning tokens"
        parsed = formula.parse(inputs)
        reasoning = parsed["reasoning_tokens"] or Decimal(0)
        if reasoning == 0:
            return None, "the key has no reasoning tokens to forget"
        if "visible_output_tokens" not in names and "output_tokens" in names:
            inputs["output_tokens"] = parsed["output_tokens"] - reasoning
        inputs["reasoning_tokens"] = 0
    elif slip == "utilization-ignored":
        busy = [name for name in ("utilization", "mfu") if name in names]
        if not busy:
            return None, f"{key.formula} has no utilization"
        for name in busy:
            inputs[name] = 100
    elif slip == "per-request-not-monthly":
        if not output.startswith("monthly"):
            return None, "the answer is not a monthly figure"
        output = "cost_per_request_usd"
    else:
        return None, "unknown slip"

    try:
        values = formula.evaluate(inputs).values
    except (InvalidInputs, PricingError) as error:
        return None, str(error)
    result = values.get(output)
    if result is None:
        return None, f"{key.formula} has no output {output}"
    return result, ""


def display_order(question: schema.SingleChoice | schema.MultipleChoice) -> list[int]:
    """The order options are shown in: mixed, but the same on every visit.

    Authors tend to write the right option first; showing options as written
    would let a learner pass by position. The order comes from a hash of each
    option's text, so it changes only when the wording does.
    """

    def fingerprint(index: int) -> str:
        text = f"{question.id}\n{question.options[index].text}"
        return hashlib.sha256(text.encode()).hexdigest()

    return sorted(range(len(question.options)), key=fingerprint)


def grade(
    question: schema.SingleChoice | schema.MultipleChoice | schema.Numeric,
    answer: object,
    key: NumericKey | None = None,
) -> Verdict:
    """Grade one answer: an option index, a set of indexes, or a number."""
    if isinstance(question, schema.SingleChoice):
        assert isinstance(answer, int)
        option = question.options[answer]
        return Verdict(option.correct, (option.feedback,))

    if isinstance(question, schema.MultipleChoice):
        chosen = sorted(set(answer))  # type: ignore[call-overload]
        right = {i for i, option in enumerate(question.options) if option.correct}
        feedback = []
        for index in display_order(question):
            option = question.options[index]
            text = option.text.rstrip(".")
            if index in chosen:
                mark = "Right to pick" if option.correct else "Should not be picked"
                feedback.append(f"{mark}: *{text}*. {option.feedback}")
            elif option.correct:
                feedback.append(f"Missed: *{text}*. {option.feedback}")
        return Verdict(set(chosen) == right, tuple(feedback))

    assert key is not None
    number = Decimal(str(answer))
    if _within(number, key.value, key.tolerance):
        return Verdict(True, ("That matches the computed answer.",))
    matches = [k for k in key.recognised if _within(number, k.value, k.tolerance)]
    if matches:
        closest = min(matches, key=lambda known: abs(number - known.value))
        return Verdict(False, (closest.feedback,), closest.slip)
    return Verdict(
        False,
        (
            f"That is not within {key.tolerance_words} of the answer, and it is not "
            "one of the usual slips. Compare your steps with the lesson's worked "
            "example, or open “Show the worked answer” below.",
        ),
    )


def _within(value: Decimal, target: Decimal, tolerance: Decimal) -> bool:
    return abs(value - target) <= tolerance


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    if "." in text:
        whole, fraction = text.split(".")
        text = f"{whole}.{fraction[:6]}".rstrip("0").rstrip(".")
    return text
