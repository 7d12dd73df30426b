"""The repo's own content: it loads, it is complete, and its figures come from pricing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators.specs import CALCULATOR_NAMES
from course.blocks import CalculatorEmbed, WorkedExample
from course.catalog import ROOT, load_track
from course.lessonfile import parse_lesson
from course.quizzes import slip_value_for
from course.schema import SLIP_NAMES
from pricing.formulas import get_formula

TRACK = load_track(ROOT)
LESSONS = [lesson.id for lesson in TRACK.lessons]


def test_the_track_has_no_problems():
    assert [str(p) for p in TRACK.all_problems()] == []


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_lesson_loads_with_every_part(lesson_id):
    lesson = TRACK.lesson(lesson_id)
    assert lesson is not None and lesson.ok, lesson.problems if lesson else None

    _, parsed, _ = parse_lesson(
        lesson.path.read_text(encoding="utf-8"),
        path=lesson_id,
        calculators=CALCULATOR_NAMES,
    )
    assert [heading.text for heading in parsed.headings] == TRACK.info.structure
    assert any(isinstance(block, WorkedExample) for block in lesson.blocks)
    assert lesson.quiz is not None and len(lesson.quiz.data.questions) >= 4


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_worked_figures_equal_a_fresh_pricing_result(lesson_id):
    lesson = TRACK.lesson(lesson_id)
    for block in lesson.blocks:
        if isinstance(block, WorkedExample):
            fresh = get_formula(block.name).evaluate(dict(block.params))
            assert fresh.values == block.evaluation.values
            assert fresh.steps == block.evaluation.steps


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_numeric_keys_equal_a_fresh_pricing_result(lesson_id):
    quiz = TRACK.lesson(lesson_id).quiz
    numeric = [q for q in quiz.data.questions if q.kind == "numeric"]
    assert numeric, "every quiz has at least one numeric question"
    for question in numeric:
        key = question.key
        fresh = get_formula(key.formula).evaluate(dict(key.inputs)).values[key.output]
        assert quiz.keys[question.id].value == fresh
        if question.answer is not None:
            assert abs(question.answer - fresh) <= quiz.keys[question.id].tolerance


def test_cost_per_million_tokens_worked_example_is_the_reference():
    """1,000 x $3/M + 2,000 x $15/M = $0.003 + $0.03 = $0.033; x 1,000,000 = $33,000."""
    lesson = TRACK.lesson("cost-per-million-tokens")
    first = next(block for block in lesson.blocks if isinstance(block, WorkedExample))

    assert first.evaluation.values["cost_per_request_usd"] == Decimal("0.033")
    assert first.evaluation.values["monthly_usd"] == Decimal("33000")
    assert [step.result for step in first.evaluation.steps][-2:] == [
        "$0.033",
        "$33,000",
    ]


def test_cost_per_million_tokens_embeds_the_token_cost_calculator():
    lesson = TRACK.lesson("cost-per-million-tokens")
    calculators = [
        block for block in lesson.blocks if isinstance(block, CalculatorEmbed)
    ]

    assert calculators[0].name == "token-cost"
    assert calculators[0].params["input_tokens"] == 1000


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_numeric_questions_recognise_every_slip_that_applies(lesson_id):
    """A slip applies when the key's formula lets it happen and it changes the answer."""
    quiz = TRACK.lesson(lesson_id).quiz
    for question in quiz.data.questions:
        if question.kind != "numeric" or question.key is None:
            continue
        applicable = [
            slip
            for slip in SLIP_NAMES
            if (value := slip_value_for(slip, question.key)[0]) is not None
            and value != quiz.keys[question.id].value
        ]
        assert sorted(question.slips) == sorted(applicable), question.id
