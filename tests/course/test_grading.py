"""Grading: verdicts and the feedback a learner sees for each kind of answer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from course.quizzes import SLIP_FEEDBACK, load_quiz

QUIZ = """\
lesson: demo
questions:
  - id: pick
    kind: single
    prompt: Which?
    options:
      - text: right
        correct: true
        feedback: Right because.
      - text: wrong
        feedback: The blend trap.
    explanation: The point.
  - id: several
    kind: multiple
    prompt: Which ones?
    options:
      - text: a
        correct: true
        feedback: a is right.
      - text: b
        correct: true
        feedback: b is right.
      - text: c
        feedback: c is the swap mistake.
    explanation: The point.
  - id: bill
    kind: numeric
    prompt: Monthly bill?
    unit: usd
    key:
      formula: token-cost
      output: monthly_usd
      inputs:
        input_tokens: 1000
        output_tokens: 2000
        input_usd_per_mtok: 3
        output_usd_per_mtok: 15
        requests_per_month: 1000000
    tolerance_percent: 1
    slips: [per-thousand, swapped-rates, per-request-not-monthly]
    wrong_answers:
      - value: 18000
        feedback: Output tokens counted once too few.
    explanation: The point.
"""


@pytest.fixture(scope="module")
def quiz():
    loaded, problems = load_quiz(QUIZ, quiz_id="demo", path="demo.yaml")
    assert problems == []
    return loaded


def question(quiz, question_id):
    return next(q for q in quiz.data.questions if q.id == question_id)


def grade_answer(quiz, question_id, answer):
    from course.quizzes import grade

    return grade(question(quiz, question_id), answer, quiz.keys.get(question_id))


@pytest.mark.parametrize(
    ("answer", "correct", "feedback"),
    [(0, True, "Right because."), (1, False, "The blend trap.")],
)
def test_single_choice(quiz, answer, correct, feedback):
    verdict = grade_answer(quiz, "pick", answer)

    assert verdict.correct is correct
    assert verdict.feedback == (feedback,)


@pytest.mark.parametrize(
    ("answer", "correct", "feedback"),
    [
        (
            {0, 1},
            True,
            ("Right to pick: *a*. a is right.", "Right to pick: *b*. b is right."),
        ),
        (
            {0},
            False,
            ("Right to pick: *a*. a is right.", "Missed: *b*. b is right."),
        ),
        (
            {0, 1, 2},
            False,
            (
                "Right to pick: *a*. a is right.",
                "Right to pick: *b*. b is right.",
                "Should not be picked: *c*. c is the swap mistake.",
            ),
        ),
    ],
)
def test_multiple_choice_is_all_and_only(quiz, answer, correct, feedback):
    verdict = grade_answer(quiz, "several", answer)

    assert verdict.correct is correct
    assert sorted(verdict.feedback) == sorted(feedback)


def test_numeric_key_is_computed_by_pricing(quiz):
    """1,000 x $3/M + 2,000 x $15/M = $0.033; x 1,000,000 = $33,000; 1% is $330."""
    key = quiz.keys["bill"]

    assert key.value == Decimal("33000")
    assert key.tolerance == Decimal("330")


@pytest.mark.parametrize(
    ("answer", "correct", "slip"),
    [
        (Decimal("33000"), True, None),
        (Decimal("33330"), True, None),  # exactly at the tolerance
        (Decimal("33331"), False, None),  # one past it
        (Decimal("32670"), True, None),
        (Decimal("33000000"), False, "per-thousand"),
        # swapped: 1,000 x $15/M + 2,000 x $3/M = $0.021; x 1,000,000 = $21,000
        (Decimal("21000"), False, "swapped-rates"),
        (Decimal("0.033"), False, "per-request-not-monthly"),
    ],
)
def test_numeric_answers_and_slips(quiz, answer, correct, slip):
    verdict = grade_answer(quiz, "bill", answer)

    assert verdict.correct is correct
    assert verdict.slip == slip
    if slip:
        assert verdict.feedback == (SLIP_FEEDBACK[slip],)


def test_unrecognised_wrong_answer_says_how_close_it_must_be(quiz):
    verdict = grade_answer(quiz, "bill", Decimal("40000"))

    assert not verdict.correct
    assert verdict.feedback[0].startswith("That is not within 1% of the answer")


def test_forgetting_the_million_is_recognised_without_being_listed(quiz):
    """1,000 x 3 + 2,000 x 15 = 33,000 dollars a request; x 1,000,000 requests."""
    verdict = grade_answer(quiz, "bill", Decimal("33000000000"))

    assert verdict.slip == "per-million-forgotten"
    assert "without dividing by 1,000,000" in verdict.feedback[0]


def test_options_are_shown_mixed_but_stably(quiz):
    from course.quizzes import display_order

    several = question(quiz, "several")

    assert display_order(several) == display_order(several)
    assert sorted(display_order(several)) == [0, 1, 2]


def test_the_right_option_is_not_always_shown_first():
    from course.catalog import load_track
    from course.quizzes import display_order

    firsts = [
        q.options[display_order(q)[0]].correct
        for lesson in load_track().lessons
        for q in lesson.quiz.data.questions
        if q.kind == "single"
    ]
    assert 0 < sum(firsts) < len(firsts)


def test_listed_wrong_answer_gets_its_own_feedback(quiz):
    verdict = grade_answer(quiz, "bill", Decimal("18000"))

    assert not verdict.correct
    assert verdict.feedback == ("Output tokens counted once too few.",)


def test_question_version_changes_when_the_question_does(quiz):
    edited, _ = load_quiz(
        QUIZ.replace("Monthly bill?", "What is the monthly bill?"),
        quiz_id="demo",
        path="demo.yaml",
    )

    assert quiz.version("bill") != edited.version("bill")
    assert quiz.version("pick") == edited.version("pick")


def test_an_empty_block_is_named_in_plain_words():
    text = QUIZ.replace(
        """      inputs:
        input_tokens: 1000
        output_tokens: 2000
        input_usd_per_mtok: 3
        output_usd_per_mtok: 15
        requests_per_month: 1000000
""",
        "      inputs:\n",
    )

    _, problems = load_quiz(text, quiz_id="demo", path="demo.yaml")

    assert [str(p) for p in problems] == [
        "demo.yaml:33: `question 3, key, inputs` has nothing under it; indent the "
        "lines that belong to `inputs:` two spaces further than it"
    ]


def test_an_absolute_tolerance_is_said_in_its_unit():
    text = QUIZ.replace("tolerance_percent: 1", "tolerance: 10")
    loaded, _ = load_quiz(text, quiz_id="demo", path="demo.yaml")

    assert loaded.keys["bill"].tolerance_words == "$10 either way"
