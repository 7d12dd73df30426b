"""The learner's quiz answers and verdicts, kept apart from widget state.

Streamlit forgets a widget's value on any run where the widget is not drawn,
for instance after a page switch. Answers therefore live in a plain session
key, indexed by (lesson id, question version, question id): editing a question
changes its version, so a stale verdict is never shown against new wording.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from course.quizzes import Verdict

STORE_KEY = "quiz_answers"

AnswerKey = tuple[str, str, str]


@dataclass(frozen=True)
class Attempt:
    """What the learner last submitted for one question, and how it was graded."""

    answer: Any
    verdict: Verdict
    tries: int = 1


class AnswerStore:
    """A view of the answers kept in a session-state mapping."""

    def __init__(self, state: MutableMapping[str, Any]) -> None:
        self._answers: dict[AnswerKey, Attempt] = state.setdefault(STORE_KEY, {})

    def get(self, key: AnswerKey) -> Attempt | None:
        return self._answers.get(key)

    def record(self, key: AnswerKey, answer: Any, verdict: Verdict) -> Attempt:
        previous = self._answers.get(key)
        tries = previous.tries + 1 if previous else 1
        attempt = Attempt(answer, verdict, tries)
        self._answers[key] = attempt
        return attempt

    def clear(self, key: AnswerKey) -> None:
        self._answers.pop(key, None)

    def score(self, lesson_id: str) -> tuple[int, int]:
        """(right, answered) over the current answers of one lesson."""
        attempts = [
            a for (lesson, _, _), a in self._answers.items() if lesson == lesson_id
        ]
        return sum(a.verdict.correct for a in attempts), len(attempts)
