"""Shared helpers for the AppTest layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def open_page(at: AppTest, url_path: str) -> AppTest:
    """Run the page registered at `url_path` (AppTest only switches to files by name)."""
    if not at._registered_pages:  # a first run registers the navigation
        at.run()
    for page_hash, info in at._registered_pages.items():
        if info.get("url_pathname") == url_path:
            at._page_hash = page_hash
            return at.run()
    known = sorted(
        str(info.get("url_pathname")) for info in at._registered_pages.values()
    )
    raise AssertionError(f"no page at /{url_path}; registered: {known}")


@pytest.fixture
def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def markdown_text(at: AppTest) -> str:
    """All Markdown on the page, joined: what the learner reads."""
    return "\n".join(element.value for element in at.markdown)
