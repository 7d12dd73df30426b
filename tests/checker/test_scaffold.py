"""`python -m course new`: a lesson and quiz that pass the checker once their TODOs are written."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from course.blocks import CalculatorEmbed, Callout, Prose, QuizEmbed, WorkedExample
from course.catalog import ROOT, load_track
from course.cli import main, run_check

LESSON_ID = "what-gpu-memory-costs"
LESSON = f"lessons/model-costs/{LESSON_ID}.md"
QUIZ = f"quizzes/model-costs/{LESSON_ID}.yaml"
TRACK = "lessons/model-costs/track.yaml"
PLACEHOLDER = "placeholder text `TODO` left in the file"


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repo's own lessons and quizzes, copied; COURSE_ROOT points at the copy."""
    root = tmp_path / "content"
    for folder in ("lessons", "quizzes"):
        shutil.copytree(ROOT / folder, root / folder)
    monkeypatch.setenv("COURSE_ROOT", str(root))
    return root


def problems(root: Path) -> list[str]:
    """Each problem as `path:line: what`, leaving out the fix.

    A fix may list the track's lessons, which grow by one with the new lesson;
    comparing what is wrong keeps the repo's own problems, if any, out of the way.
    """
    out = io.StringIO()
    run_check(root, out=out)
    return [line.split("; ", 1)[0] for line in out.getvalue().splitlines()[:-1]]


def new_lesson(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["new", LESSON_ID, "What GPU memory costs"])
    return code, capsys.readouterr().out.splitlines()


def fill_in(path: Path) -> None:
    """What an author does: write real text wherever the template says TODO."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"TODO ?", "", text), encoding="utf-8")


def test_new_writes_a_lesson_a_quiz_and_a_track_entry(repo_copy, capsys):
    code, output = new_lesson(capsys)

    assert code == 0
    assert output == [
        f"wrote {LESSON} and {QUIZ}",
        f"added `{LESSON_ID}` at the end of {TRACK}",
        "replace every TODO, then run: .venv/bin/python -m course check  (or: make check)",
    ]
    assert (repo_copy / LESSON).is_file()
    assert (repo_copy / QUIZ).is_file()
    track = (repo_copy / TRACK).read_text(encoding="utf-8")
    assert track.endswith(f"  - {LESSON_ID}\n")


def test_the_new_lesson_has_only_placeholder_problems(repo_copy, capsys):
    before = set(problems(repo_copy))

    new_lesson(capsys)
    added = [line for line in problems(repo_copy) if line not in before]

    assert added, "the template should still hold TODOs"
    assert {line.split(":", 1)[0] for line in added} == {LESSON, QUIZ}
    assert all(PLACEHOLDER in line for line in added), added


def test_the_filled_in_lesson_passes_the_checker(repo_copy, capsys):
    before = problems(repo_copy)

    new_lesson(capsys)
    fill_in(repo_copy / LESSON)
    fill_in(repo_copy / QUIZ)

    assert problems(repo_copy) == before


def test_the_filled_in_lesson_passes_on_a_clean_track(mini_track, capsys, monkeypatch):
    monkeypatch.setenv("COURSE_ROOT", str(mini_track))

    new_lesson(capsys)
    fill_in(mini_track / LESSON)
    fill_in(mini_track / QUIZ)
    out = io.StringIO()

    assert run_check(mini_track, out=out) == 0, out.getvalue()


def test_the_template_shows_every_block_and_question_kind(repo_copy, capsys):
    new_lesson(capsys)
    fill_in(repo_copy / LESSON)
    fill_in(repo_copy / QUIZ)

    lesson = load_track(repo_copy).lesson(LESSON_ID)

    assert lesson is not None and lesson.ok, lesson
    kinds = {type(block) for block in lesson.blocks}
    assert kinds == {Prose, Callout, WorkedExample, CalculatorEmbed, QuizEmbed}
    assert lesson.quiz is not None
    assert [q.kind for q in lesson.quiz.data.questions] == [
        "single",
        "multiple",
        "numeric",
    ]


def test_new_refuses_an_id_that_is_not_a_slug(repo_copy, capsys):
    code = main(["new", "GPU Memory", "What GPU memory costs"])

    assert code == 2
    assert capsys.readouterr().out == (
        "lesson id `GPU Memory` must be lowercase words joined by hyphens, "
        "e.g. gpu-memory\n"
    )


def test_new_never_overwrites_a_lesson(repo_copy, capsys):
    new_lesson(capsys)
    lesson_text = (repo_copy / LESSON).read_text(encoding="utf-8")

    code, output = new_lesson(capsys)

    assert code == 2
    assert output == [f"{LESSON} already exists; pick another id or edit that file"]
    assert (repo_copy / LESSON).read_text(encoding="utf-8") == lesson_text


def test_new_appends_to_a_lesson_list_written_in_brackets(
    mini_track, capsys, monkeypatch
):
    monkeypatch.setenv("COURSE_ROOT", str(mini_track))
    track = mini_track / TRACK
    track.write_text(
        track.read_text().replace(
            "lessons:\n  - reading-rates\n  - monthly-bill\n",
            "lessons: [reading-rates, monthly-bill]\n",
        )
    )

    new_lesson(capsys)

    assert track.read_text().endswith(
        f"lessons: [reading-rates, monthly-bill, {LESSON_ID}]\n"
    )
    assert load_track(mini_track).info.lessons[-1] == LESSON_ID


def test_new_stops_when_the_track_file_is_broken(mini_track, capsys, monkeypatch):
    monkeypatch.setenv("COURSE_ROOT", str(mini_track))
    (mini_track / TRACK).write_text("id: [model-costs\n")

    code, output = new_lesson(capsys)

    assert code == 2
    assert output == [
        f"{TRACK} has problems; run `.venv/bin/python -m course check` (or `make check`) and fix it first"
    ]
    assert not (mini_track / LESSON).exists()
