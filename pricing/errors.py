"""Errors the pricing package raises, worded for the learner who caused them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class PricingError(ValueError):
    """Base class for every problem the pricing package reports."""


@dataclass(frozen=True, kw_only=True)
class InputProblem:
    """One thing wrong with one input, as a sentence a learner can act on."""

    field: str
    """The input's machine name, e.g. `output_tokens`, so a page can show it inline."""

    message: str
    """One sentence: the field in words, the value entered, and what is allowed."""


class InvalidInputs(PricingError):
    """One or more inputs were rejected; `problems` lists every one found."""

    def __init__(self, problems: tuple[InputProblem, ...] | list[InputProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(problem.message for problem in self.problems))

    @classmethod
    def single(cls, *, field: str, message: str) -> InvalidInputs:
        """An error carrying exactly one problem."""
        return cls((InputProblem(field=field, message=message),))

    def messages_for(self, field: str) -> tuple[str, ...]:
        """The messages about one input, for showing beside its widget."""
        return tuple(p.message for p in self.problems if p.field == field)


class RateFileProblem(NamedTuple):
    """A problem in a rate file, printed as `path:line: what is wrong; how to fix it`."""

    path: str
    line: int
    """1-based line of the offending key in the YAML file."""

    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class RateFileError(PricingError):
    """A rate file that cannot be turned into rate cards; `problems` says why."""

    def __init__(self, problems: list[RateFileProblem]) -> None:
        self.problems = problems
        count = len(problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the rate file"
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"{heading}:\n{lines}")
