"""The closed list of things a lesson is made of."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from course.yamlsource import SourceYaml
from pricing.formulas import Evaluation

CALLOUT_KINDS = ("note", "tip", "warning", "mistake")


@dataclass(frozen=True)
class Prose:
    """Markdown text between embeds, headings included."""

    markdown: str
    line: int


@dataclass(frozen=True)
class Callout:
    """A highlighted aside: a note, a tip, a warning or a common mistake."""

    kind: str
    markdown: str
    line: int


@dataclass(frozen=True)
class CalculatorEmbed:
    """A live calculator, starting from the parameters written in the lesson."""

    name: str
    params: Mapping[str, Any]
    line: int
    index: int


@dataclass(frozen=True)
class WorkedExample:
    """A scenario whose figures the pricing module computes, shown step by step."""

    name: str
    params: Mapping[str, Any]
    evaluation: Evaluation
    line: int
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class QuizEmbed:
    """Where the lesson's quiz is drawn."""

    quiz_id: str
    line: int


@dataclass(frozen=True)
class Unavailable:
    """Where an embed with problems stood; only an author's draft preview shows it."""

    directive: str
    line: int


Block = Prose | Callout | CalculatorEmbed | WorkedExample | QuizEmbed | Unavailable


@dataclass(frozen=True)
class Heading:
    """A level-2 heading: one part of the track's lesson structure."""

    text: str
    line: int


@dataclass(frozen=True)
class Reference:
    """A link from prose to another lesson or to a glossary term."""

    scheme: str
    target: str
    line: int


@dataclass(frozen=True)
class ParsedLesson:
    """One lesson file after parsing: blocks plus what cross-file checks need."""

    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...] = ()
    references: tuple[Reference, ...] = field(default=())
    front_source: SourceYaml | None = None
    """The front matter as parsed YAML, with lines; None if it did not parse."""
