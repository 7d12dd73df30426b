"""Compute College: Model Costs. Builds the navigation from the track; pages do the rest."""

from __future__ import annotations

from functools import partial

import streamlit as st

from calculators.pages import standalone
from calculators.specs import SPECS
from course import render
from course.catalog import load_track

st.set_page_config(
    page_title="Compute College: Model Costs",
    page_icon=":material/school:",
    layout="centered",
)

track = load_track()
pages: dict[str, st.Page] = {}

pages["home"] = st.Page(
    partial(render.home, track, pages.get),
    title="Home",
    icon=":material/home:",
    url_path="home",
    default=True,
)
for number, lesson in enumerate(track.lessons, start=1):
    pages[lesson.id] = st.Page(
        partial(render.lesson_page, track, lesson.id, pages.get),
        title=f"{number}. {lesson.title}",
        icon=":material/menu_book:" if lesson.ok else ":material/error:",
        url_path=lesson.id,
    )

pages["glossary"] = st.Page(
    partial(render.glossary, track),
    title="Glossary",
    icon=":material/dictionary:",
    url_path="glossary",
)

for spec in SPECS.values():
    pages[f"calculator:{spec.name}"] = st.Page(
        partial(standalone, spec.name, pages.get),
        title=spec.title,
        icon=spec.icon,
        url_path=spec.url_path,
    )

track_title = track.info.title if track.info else "Lessons"
navigation = st.navigation(
    {
        "": [pages["home"]],
        track_title: [pages[lesson.id] for lesson in track.lessons],
        "Calculators": [pages[f"calculator:{name}"] for name in SPECS],
        "Reference": [pages["glossary"]],
    }
)
navigation.run()
