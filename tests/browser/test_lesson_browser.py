"""What only a browser shows: the lesson page drawn, its chart, and a quiz answered."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page, wait_for_app

pytestmark = pytest.mark.browser

LESSON = "cost-per-million-tokens"


def test_lesson_shows_title_figures_and_a_drawn_chart(page, app_url):
    open_page(page, f"{app_url}/{LESSON}")

    page.wait_for_selector("[data-testid=stPlotlyChart] .main-svg")
    assert page.locator("h1").first.inner_text() == "Cost per million tokens"
    body = page.inner_text("body")
    assert "$0.033" in body
    assert "$33,000" in body
    assert page.locator("[data-testid=stPlotlyChart] .main-svg").count() >= 1


def test_quiz_answer_gets_its_feedback(page, app_url):
    open_page(page, f"{app_url}/{LESSON}")
    question = page.locator(
        ".st-key-question-cost-per-million-tokens-blended-rate-trap"
    )
    question.scroll_into_view_if_needed()

    question.get_by_text("B, because its blended rate is lower.").click()
    question.get_by_role("button", name="Check answer").click()
    wait_for_app(page)

    verdict = page.locator(".st-key-question-cost-per-million-tokens-blended-rate-trap")
    verdict.get_by_text("Not quite.").wait_for()
    assert "blended-rate trap" in verdict.inner_text()


def test_next_link_opens_the_next_lesson(page, app_url):
    open_page(page, f"{app_url}/why-reasoning-models-cost-more-to-serve")

    page.get_by_role("link", name="Next: Cost per million tokens").click()
    page.wait_for_url(f"**/{LESSON}")
    wait_for_app(page)

    assert page.locator("h1").first.inner_text() == "Cost per million tokens"
