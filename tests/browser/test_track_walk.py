"""Walk the whole track as a learner would: first lesson to last by the next links."""

from __future__ import annotations

import pytest

from course.catalog import load_track
from tests.browser.conftest import open_page, wait_for_app

pytestmark = pytest.mark.browser

# Formulas wider than the column, and calculator figures cut short with an ellipsis.
CUT_OFF = """() => [
    ...document.querySelectorAll('.katex-display, [data-testid=stMetricValue]')
].filter(e => e.scrollWidth > e.clientWidth + 2).map(e => e.innerText.slice(0, 40))"""


def test_next_links_walk_the_track_in_order(page, app_url):
    track = load_track()
    titles = [lesson.title for lesson in track.lessons]
    open_page(page, f"{app_url}/{track.lessons[0].id}")

    seen = []
    for position, lesson in enumerate(track.lessons):
        heading = page.locator("h1").first
        heading.wait_for()
        seen.append(heading.inner_text())
        assert page.url.endswith(f"/{lesson.id}")
        assert page.locator("[data-testid=stException]").count() == 0
        assert "could not be drawn" not in page.inner_text("body")
        assert page.evaluate(CUT_OFF) == [], f"{lesson.id}: text cut off"
        if position + 1 == len(track.lessons):
            break
        link = page.get_by_role("link", name=f"Next: {titles[position + 1]}")
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_url(f"**/{track.lessons[position + 1].id}")
        wait_for_app(page)

    assert seen == titles
    assert page.get_by_role("link", name="Next:").count() == 0
