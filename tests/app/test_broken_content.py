"""Broken content in a running app: the broken lesson shows its problems, the rest works.

Each test copies the checker's mini track (two lessons, `reading-rates` then
`monthly-bill`) to a temporary folder and points the app at it with
COURSE_ROOT, so the repo's own lessons are never touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP, markdown_text, open_page

MINI_TRACK = Path(__file__).resolve().parents[1] / "checker" / "mini-track"
TRACK = "lessons/model-costs/track.yaml"
RATES = "lessons/model-costs/reading-rates.md"
BILL_QUIZ = "quizzes/model-costs/monthly-bill.yaml"

UNKNOWN_DIRECTIVE = (
    f"{RATES}:25: unknown directive `{{aside}}`; use one of: {{calculator}}, "
    "{callout}, {quiz}, {worked-example}"
)
WRONG_ANSWER = (
    f"{BILL_QUIZ}:16: answer 3300 disagrees with the pricing module, which computes "
    "33000; write `answer: 33000` or remove `answer:` and let the key decide"
)


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "content"
    shutil.copytree(MINI_TRACK, root)
    monkeypatch.setenv("COURSE_ROOT", str(root))
    return root


@pytest.fixture
def app(content: Path) -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def problem_listing(at: AppTest) -> list[str]:
    """The checker lines the page shows in place of broken content."""
    return [line for block in at.code for line in block.value.splitlines()]


def test_a_broken_lesson_shows_its_messages_and_the_rest_still_works(content, app):
    edit(content, RATES, "```{callout} tip", "```{aside} tip")

    home = app.run()
    assert not home.exception
    assert home.title[0].value == "Mini track"
    captions = [caption.value for caption in home.caption]
    assert any("This lesson has 1 content problem" in c for c in captions)
    assert any(caption.startswith("15 min") for caption in captions)

    broken = open_page(app, "reading-rates")
    assert not broken.exception
    assert broken.title[0].value == "Reading rates"
    assert broken.error[0].value.startswith(
        "**This lesson cannot be shown** (1 problem)"
    )
    assert problem_listing(broken) == [UNKNOWN_DIRECTIVE]

    working = open_page(app, "monthly-bill")
    assert not working.exception
    assert not working.error
    assert working.title[0].value == "The monthly bill"
    assert "## Definition" in markdown_text(working)
    assert [metric.label for metric in working.metric][:2] == [
        "Cost per request",
        "Monthly bill",
    ]

    calculator = open_page(app, "token-cost")
    assert not calculator.exception
    assert not calculator.error
    assert "Monthly bill" in [metric.label for metric in calculator.metric]


def test_a_broken_quiz_file_shows_in_place_of_its_lesson(content, app):
    edit(content, BILL_QUIZ, "answer: 33000", "answer: 3300")

    broken = open_page(app, "monthly-bill")
    assert not broken.exception
    assert problem_listing(broken) == [WRONG_ANSWER]

    working = open_page(app, "reading-rates")
    assert not working.error
    assert "## Worked example" in markdown_text(working)


def test_a_broken_lesson_offers_its_author_a_draft_preview(content, app):
    edit(content, BILL_QUIZ, "answer: 33000", "answer: 3300")

    broken = open_page(app, "monthly-bill")

    preview = broken.expander[0]
    assert preview.label.startswith("Draft preview for authors")
    assert any("Monthly bill" in m.value for m in preview.markdown)
    assert not broken.radio


@pytest.mark.parametrize(
    ("break_track", "expected"),
    [
        pytest.param(
            lambda root: edit(root, TRACK, "title: Mini track", "title: Mini: track"),
            f"{TRACK}:3: YAML does not parse: a colon where YAML did not expect one: "
            "this line is indented too far, or its text contains `: ` and needs quotes "
            "(YAML: mapping values are not allowed in this context); the line reads "
            "`title: Mini: track`; check indentation and quote text that contains a colon",
            id="yaml",
        ),
        pytest.param(
            lambda root: (root / TRACK).unlink(),
            f"{TRACK}:1: the track file is missing; create it with id, course, title, "
            "tagline, description, audience, structure and lessons",
            id="missing",
        ),
    ],
)
def test_a_broken_track_file_leaves_a_usable_app(content, app, break_track, expected):
    break_track(content)

    home = app.run()
    assert not home.exception
    assert home.error[0].value.startswith("**The track file has problems** (1 problem)")
    assert problem_listing(home) == [expected]

    lesson = open_page(app, "reading-rates")
    assert not lesson.exception
    assert not lesson.error
    assert lesson.title[0].value == "Reading rates"

    calculator = open_page(app, "gpu-hour-cost")
    assert not calculator.exception
    assert not calculator.error


def test_an_edit_shows_on_the_next_run_without_a_restart(content, app):
    at = open_page(app, "reading-rates")
    assert "A rate card quotes a price per million tokens." in markdown_text(at)

    edit(content, RATES, "A rate card quotes", "Every rate card quotes")
    at.run()
    assert "Every rate card quotes a price per million tokens." in markdown_text(at)

    edit(content, RATES, "```{callout} tip", "```{aside} tip")
    at.run()
    assert problem_listing(at) == [UNKNOWN_DIRECTIVE]

    edit(content, RATES, "```{aside} tip", "```{callout} tip")
    at.run()
    assert not at.error
    assert at.title[0].value == "Reading rates"


def test_a_quiz_edit_shows_on_the_next_run(content, app):
    at = open_page(app, "reading-rates")
    assert "Which rate applies to the tokens the model writes?" in markdown_text(at)

    edit(content, "quizzes/model-costs/reading-rates.yaml", "Which rate", "What rate")
    at.run()

    assert "What rate applies to the tokens the model writes?" in markdown_text(at)
