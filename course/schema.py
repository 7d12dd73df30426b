"""The file formats authors write: track, lesson front matter and quiz, as pydantic models.

These models only check shape (fields, types, ranges). Checks that need more
than one file live in `course.catalog`; those that need the pricing module, in
`course.quizzes` and `course.params`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

SLIP_NAMES = (
    "per-thousand",
    "swapped-rates",
    "reasoning-forgotten",
    "utilization-ignored",
    "per-request-not-monthly",
)
SlipName = Literal[
    "per-thousand",
    "swapped-rates",
    "reasoning-forgotten",
    "utilization-ignored",
    "per-request-not-monthly",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TrackFile(_Strict):
    """`track.yaml`: the one place that orders a track's lessons."""

    id: Slug = Field(description="the track id, lowercase words joined by hyphens")
    course: Text = Field(description="the course name shown above the track title")
    title: Text = Field(description="the track title")
    tagline: Text = Field(description="one line under the title on the home page")
    description: Text = Field(description="a short Markdown paragraph: what it teaches")
    audience: list[Text] = Field(
        min_length=1, description="who the track is for, as a list of short phrases"
    )
    structure: list[Text] = Field(
        default_factory=list,
        description="the level-2 headings every lesson must have, in order",
    )
    lessons: list[Slug] = Field(
        min_length=1, description="lesson ids in track order (file names without .md)"
    )


class FrontMatter(_Strict):
    """The YAML block at the top of a lesson file."""

    id: Slug = Field(description="the lesson id, equal to the file name without .md")
    title: Text = Field(description="the lesson title")
    minutes: int = Field(
        ge=5, le=60, description="estimated minutes for one sitting, 5 to 60"
    )
    audience: Text = Field(description="one sentence: who this lesson is for")
    summary: Text = Field(description="one line shown on the home page")
    objectives: list[Text] = Field(
        min_length=1, description="what the learner can do afterwards, one per item"
    )
    prerequisites: list[Slug] = Field(
        default_factory=list, description="ids of earlier lessons to take first"
    )
    quiz: Slug | None = Field(
        default=None, description="the quiz id (a file in quizzes/<track>/)"
    )


class Option(_Strict):
    """One choice of a single- or multiple-choice question."""

    text: Text = Field(description="the option as the learner reads it")
    correct: bool = Field(default=False, description="true for a right option")
    feedback: Text = Field(
        description="shown when this option is picked: why it is right, or which "
        "mistake it stands for"
    )


class _Question(_Strict):
    id: Slug = Field(description="unique within the quiz, lowercase with hyphens")
    prompt: Text = Field(description="the question, in Markdown")
    explanation: Text = Field(description="the teaching point, shown after an answer")


class SingleChoice(_Question):
    """Exactly one right option."""

    kind: Literal["single"]
    options: list[Option] = Field(min_length=2, description="two or more options")


class MultipleChoice(_Question):
    """One or more right options; the learner must pick all of them and no others."""

    kind: Literal["multiple"]
    options: list[Option] = Field(min_length=2, description="two or more options")


class ComputedKey(_Strict):
    """A numeric answer computed by a named formula of the pricing module."""

    formula: Text = Field(description="a formula name, e.g. token-cost")
    output: Text = Field(description="which result of the formula is the answer")
    inputs: dict[str, Any] = Field(
        default_factory=dict, description="the formula's inputs; the rest use defaults"
    )


class WrongAnswer(_Strict):
    """A wrong answer worth recognising, with what it reveals."""

    value: Decimal = Field(description="the wrong value, in the question's unit")
    feedback: Text = Field(description="which mistake gives this value")


class Numeric(_Question):
    """A number typed by the learner, accepted within a tolerance."""

    kind: Literal["numeric"]
    unit: Text = Field(description="the unit of the answer, e.g. usd or usd_per_mtok")
    key: ComputedKey | None = Field(
        default=None, description="how the pricing module computes the answer"
    )
    answer: Decimal | None = Field(
        default=None, description="the answer written out; must match the key if both"
    )
    tolerance_percent: Decimal | None = Field(
        default=None,
        ge=0,
        le=50,
        description="accepted distance, percent of the answer",
    )
    tolerance: Decimal | None = Field(
        default=None, ge=0, description="accepted distance, in the answer's unit"
    )
    slips: list[SlipName] = Field(
        default_factory=list,
        description="usual slips to recognise: " + ", ".join(SLIP_NAMES),
    )
    wrong_answers: list[WrongAnswer] = Field(
        default_factory=list, description="other wrong answers to recognise"
    )


Question = Annotated[
    SingleChoice | MultipleChoice | Numeric, Field(discriminator="kind")
]


class QuizFile(_Strict):
    """A quiz file: the questions for one lesson."""

    lesson: Slug = Field(description="the id of the lesson this quiz belongs to")
    title: Text = Field(
        default="Check your understanding", description="shown above the questions"
    )
    questions: list[Question] = Field(min_length=1, description="one or more questions")
