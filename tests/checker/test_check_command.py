"""The check command as a whole: CI annotations, a PATH filter, COURSE_ROOT, the repo."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.catalog import ROOT, content_root, load_track
from course.cli import run_check

RATES = "lessons/model-costs/reading-rates.md"
BILL_QUIZ = "quizzes/model-costs/monthly-bill.yaml"

RATES_TODO = (
    f"{RATES}:15: placeholder text `TODO` left in the file; replace it with the real "
    "text before publishing"
)
QUIZ_ANSWER = (
    f"{BILL_QUIZ}:16: answer 3300 disagrees with the pricing module, which computes "
    "33000; write `answer: 33000` or remove `answer:` and let the key decide"
)


def check(root: Path, path: str | None = None) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_check(root, path, out=out)
    return code, out.getvalue().splitlines()


@pytest.fixture
def two_problems(mini_track: Path) -> Path:
    """The mini track with a TODO in a lesson and a wrong answer in a quiz."""
    lesson = mini_track / RATES
    lesson.write_text(
        lesson.read_text().replace("A rate card quotes", "TODO A rate card quotes")
    )
    quiz = mini_track / BILL_QUIZ
    quiz.write_text(quiz.read_text().replace("answer: 33000", "answer: 3300"))
    return mini_track


def test_ci_adds_a_github_annotation_per_problem(two_problems, monkeypatch):
    monkeypatch.setenv("CI", "true")

    code, lines = check(two_problems)

    assert lines == [
        RATES_TODO,
        QUIZ_ANSWER,
        f"::error file={RATES},line=15::placeholder text `TODO` left in the file; "
        "replace it with the real text before publishing",
        f"::error file={BILL_QUIZ},line=16::answer 3300 disagrees with the pricing "
        "module, which computes 33000; write `answer: 33000` or remove `answer:` "
        "and let the key decide",
        "2 problems in 2 files",
    ]
    assert code == 1


def test_without_ci_there_are_no_annotations(two_problems):
    code, lines = check(two_problems)

    assert lines == [RATES_TODO, QUIZ_ANSWER, "2 problems in 2 files"]
    assert code == 1


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (RATES, [RATES_TODO, "1 problem in 1 file"]),
        ("lessons", [RATES_TODO, "1 problem in 1 file"]),
        ("lessons/model-costs/", [RATES_TODO, "1 problem in 1 file"]),
        ("quizzes/model-costs", [QUIZ_ANSWER, "1 problem in 1 file"]),
        (".", [RATES_TODO, QUIZ_ANSWER, "2 problems in 2 files"]),
    ],
)
def test_a_path_limits_the_report(two_problems, path, expected):
    code, lines = check(two_problems, path)

    assert lines == expected
    assert code == 1


def test_a_clean_path_passes_while_others_have_problems(two_problems):
    code, lines = check(two_problems, "lessons/model-costs/monthly-bill.md")

    assert lines == ["No problems in 1 file."]
    assert code == 0


def test_an_absolute_path_is_read_relative_to_the_content(two_problems):
    code, lines = check(two_problems, str(two_problems / "quizzes"))

    assert lines == [QUIZ_ANSWER, "1 problem in 1 file"]
    assert code == 1


def test_a_path_with_no_content_is_an_error_not_a_pass(two_problems):
    code, lines = check(two_problems, "lessons/model-cost")

    assert lines == [
        "lessons/model-cost: no lesson, quiz or track file here; give a path under "
        "lessons/model-costs/ or quizzes/model-costs/"
    ]
    assert code == 2


def test_course_root_points_the_loader_at_another_tree(mini_track, monkeypatch):
    monkeypatch.setenv("COURSE_ROOT", str(mini_track))

    assert content_root() == mini_track.resolve()
    assert [lesson.id for lesson in load_track().lessons] == [
        "reading-rates",
        "monthly-bill",
    ]


def test_without_course_root_the_loader_reads_the_project():
    assert content_root() == ROOT


def test_the_command_line_reads_course_root_and_exits_non_zero(two_problems):
    env = {**os.environ, "COURSE_ROOT": str(two_problems)}
    env.pop("CI", None)

    result = subprocess.run(
        [sys.executable, "-m", "course", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.stdout.splitlines() == [
        RATES_TODO,
        QUIZ_ANSWER,
        "2 problems in 2 files",
    ]
    assert result.returncode == 1


def test_the_repo_content_passes():
    code, lines = check(ROOT)

    assert lines[-1].startswith("No problems in "), "\n".join(lines)
    assert code == 0
