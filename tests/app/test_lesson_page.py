"""The 'Cost per million tokens' lesson as a learner meets it, driven through AppTest."""

from __future__ import annotations

import json

from tests.conftest import markdown_text, open_page

LESSON = "cost-per-million-tokens"
CALCULATOR = f"{LESSON}.0"


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_home_lists_the_track_in_order(app):
    at = app.run()

    assert not at.exception
    assert at.title[0].value == "Model Costs"
    text = markdown_text(at)
    assert "founders, product managers, analysts, API buyers" in text
    captions = [c.value for c in at.caption]
    assert any(c.startswith("20 min") for c in captions)


def test_lesson_renders_every_part(app):
    at = open_page(app, LESSON)

    assert not at.exception
    assert at.title[0].value == "Cost per million tokens"
    text = markdown_text(at)
    for part in (
        "Plain-English definition",
        "Why it matters",
        "Worked example",
        "Market signal",
        "Common mistake",
        "Practical takeaway",
        "Memory trick",
    ):
        assert f"## {part}" in text
    assert "ONE SITTING" in at.caption[0].value


def test_worked_example_shows_computed_figures_labelled_illustrative(app):
    at = open_page(app, LESSON)

    text = markdown_text(at)
    assert "Cost per request: \\$0.003 + \\$0.03 = **\\$0.033**" in text
    assert "Monthly bill: \\$0.033 × 1,000,000 requests = **\\$33,000**" in text
    assert any("Illustrative rates" in c.value for c in at.caption)


def test_calculator_starts_from_the_lesson_parameters(app):
    at = open_page(app, LESSON)

    assert at.number_input(key=f"{CALCULATOR}.input_tokens").value == 1000
    assert metric(at, "Cost per request") == "$0.033"
    assert metric(at, "Monthly bill") == "$33,000"
    assert metric(at, "Share from output") == "90.9%"
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {trace.get("name") for trace in figure["data"]}
    assert {"input", "output", "cost per request", "this scenario"} <= names


def test_changing_an_input_changes_the_cost(app):
    at = open_page(app, LESSON)

    at.number_input(key=f"{CALCULATOR}.output_tokens").set_value(1000).run()

    # 1,000 x $3/M + 1,000 x $15/M = $0.018; x 1,000,000 = $18,000
    assert metric(at, "Cost per request") == "$0.018"
    assert metric(at, "Monthly bill") == "$18,000"


def test_negative_input_is_explained_inline(app):
    at = open_page(app, LESSON)

    at.number_input(key=f"{CALCULATOR}.output_tokens").set_value(-5).run()

    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("Output tokens" in e and "-5" in e for e in errors), errors
    assert not [m for m in at.metric if m.label == "Monthly bill"]


def test_absurdly_large_input_is_explained_inline(app):
    at = open_page(app, LESSON)

    at.number_input(key=f"{CALCULATOR}.input_tokens").set_value(10**12).run()

    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("Input tokens" in e and "at most" in e for e in errors), errors


def test_calculator_input_survives_a_page_switch(app):
    at = open_page(app, LESSON)
    at.number_input(key=f"{CALCULATOR}.output_tokens").set_value(1000).run()

    open_page(at, "why-reasoning-models-cost-more-to-serve")
    open_page(at, LESSON)

    assert at.number_input(key=f"{CALCULATOR}.output_tokens").value == 1000
    assert metric(at, "Monthly bill") == "$18,000"


def test_previous_link_follows_track_order(app):
    at = open_page(app, LESSON)

    labels = [link.label for link in at.get("page_link")]
    assert "Previous: Why reasoning models cost more to serve" in labels


def test_home_offers_a_start_and_every_calculator(app):
    at = app.run()

    labels = [link.label for link in at.get("page_link")]
    assert labels[0] == "Start with What a GPU-hour costs"
    assert "**Compare providers**" in labels
    assert "**AI training cost**" in labels
    assert at.subheader[0].value == "11 lessons · about 3 h 49 min"


def test_home_continues_where_the_learner_left_off(app):
    at = open_page(app, "what-a-gpu-hour-costs")
    widget = "quiz.what-a-gpu-hour-costs.commit-or-on-demand"
    at.radio(key=f"{widget}.choice").set_value(0)
    next(b for b in at.button if b.proto.form_id == f"{widget}.form").click().run()

    open_page(at, "")

    labels = [link.label for link in at.get("page_link")]
    assert labels[0] == "Continue: From GPU-hours to tokens"
