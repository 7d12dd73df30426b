"""A valid two-lesson content tree, copied fresh for each test to break one way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI_TRACK = Path(__file__).resolve().parent / "mini-track"


@pytest.fixture
def mini_track(tmp_path: Path) -> Path:
    """The root of a fresh copy of `mini-track/`: two lessons, their quizzes, a glossary."""
    root = tmp_path / "course"
    shutil.copytree(MINI_TRACK, root)
    return root


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pinned output is the plain report; the annotation test sets CI itself."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("COURSE_ROOT", raising=False)
