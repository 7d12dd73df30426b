"""A lesson with broken front matter keeps the title its author wrote."""

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
