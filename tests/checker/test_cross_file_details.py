"""Details that span files: titles despite broken front matter, links in quiz text."""

from __future__ import annotations

from course.catalog import load_track


def test_title_survives_an_unknown_field(mini_track):
    lesson_path = mini_track / "lessons" / "model-costs" / "reading-rates.md"
    text = lesson_path.read_text(encoding="utf-8")
    lesson_path.write_text(
        text.replace("minutes:", "difficulty: easy\nminutes:", 1), encoding="utf-8"
    )

    lesson = load_track(mini_track).lesson("reading-rates")

    assert not lesson.ok
    assert lesson.title == "Reading rates"


def test_title_falls_back_to_the_file_name_when_yaml_breaks(mini_track):
    lesson_path = mini_track / "lessons" / "model-costs" / "reading-rates.md"
    text = lesson_path.read_text(encoding="utf-8")
    lesson_path.write_text(
        text.replace("title: Reading rates\n", "title: [Reading\n", 1), encoding="utf-8"
    )

    lesson = load_track(mini_track).lesson("reading-rates")

    assert lesson.title == "Reading rates"


def test_quiz_text_links_are_checked_like_lesson_links(mini_track):
    quiz_path = mini_track / "quizzes" / "model-costs" / "monthly-bill.yaml"
    text = quiz_path.read_text(encoding="utf-8")
    quiz_path.write_text(
        text.replace(
            "explanation: ", "explanation: See [blends](glossary:blendz). ", 1
        ),
        encoding="utf-8",
    )

    problems = [str(p) for p in load_track(mini_track).all_problems()]

    assert len(problems) == 1
    assert (
        problems[0].startswith("quizzes/model-costs/monthly-bill.yaml:")
        and "link to unknown glossary term `blendz`" in problems[0]
    )
