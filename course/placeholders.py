"""Placeholder text that must never reach learners."""

from __future__ import annotations

import re
from collections.abc import Sequence

from course.problems import Problem

PLACEHOLDER = re.compile(r"\b(FIXME|TODO|TBD|XXX|lorem ipsum|lorem)\b", re.IGNORECASE)


def placeholders(lines: Sequence[str], *, path: str) -> list[Problem]:
    """One problem per line that still holds placeholder text."""
    problems = []
    for number, line in enumerate(lines, start=1):
        match = PLACEHOLDER.search(line)
        if match:
            problems.append(
                Problem(
                    path,
                    number,
                    f"placeholder text `{match.group(0)}` left in the file",
                    "replace it with the real text before publishing",
                )
            )
    return problems
