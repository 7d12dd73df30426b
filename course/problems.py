"""Content problems: what is wrong with a file, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file, reported as `path:line: what; fix`."""

    path: str
    line: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text}; {self.fix}" if self.fix else text


def display_path(path: Path, *, root: Path | None = None) -> str:
    """The path as an author would type it: relative to the project root when possible."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class ContentError(Exception):
    """Raised when a content file cannot be turned into a model at all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
