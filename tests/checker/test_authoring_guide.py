"""docs/authoring.md: its generated tables are current and it names every field an author writes."""

from __future__ import annotations

import shutil

import pytest

from calculators.specs import CALCULATOR_NAMES
from course import schema
from course.blocks import CALLOUT_KINDS
from course.catalog import ROOT
from course.glossary import GlossaryFile, Term
from course.lessonfile import DIRECTIVES, WORKED_EXAMPLE_EXTRAS
from course.reference import (
    END,
    GUIDE,
    START,
    UNITS,
    reference_markdown,
    write_reference,
)
from pricing.formulas import FORMULAS

TEXT = (ROOT / GUIDE).read_text(encoding="utf-8")

MODELS = (
    schema.TrackFile,
    schema.FrontMatter,
    schema.QuizFile,
    schema.Option,
    schema.SingleChoice,
    schema.MultipleChoice,
    schema.Numeric,
    schema.ComputedKey,
    schema.WrongAnswer,
    GlossaryFile,
    Term,
)
FIELDS = sorted({name for model in MODELS for name in model.model_fields})


def test_the_parameter_tables_are_current():
    generated = TEXT[TEXT.index(START) : TEXT.index(END) + len(END) + 1]

    assert generated == reference_markdown(), (
        "run `python -m course reference --write` to refresh docs/authoring.md"
    )


@pytest.mark.parametrize("name", FIELDS)
def test_the_guide_names_every_field(name):
    assert f"`{name}`" in TEXT


@pytest.mark.parametrize(
    "name",
    [
        *schema.SLIP_NAMES,
        *(f"{{{directive}}}" for directive in DIRECTIVES),
        *CALLOUT_KINDS,
        *WORKED_EXAMPLE_EXTRAS,
        *CALCULATOR_NAMES,
        *FORMULAS,
        "single",
        "multiple",
        "numeric",
    ],
)
def test_the_guide_names_every_slip_directive_and_calculator(name):
    assert f"`{name}`" in TEXT


def test_every_unit_has_plain_words():
    units = {field.unit for formula in FORMULAS.values() for field in formula.fields}
    units |= {
        output.unit for formula in FORMULAS.values() for output in formula.outputs
    }

    assert units <= set(UNITS)


def test_the_guide_shows_the_commands_an_author_runs():
    for command in (
        "python -m course new",
        "python -m course check",
        "python -m course schemas",
        "python -m course reference --write",
        "# yaml-language-server: $schema=",
        "COURSE_ROOT",
    ):
        assert command in TEXT


def test_the_readme_links_the_guide():
    assert "(docs/authoring.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_writing_the_tables_twice_changes_nothing(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / GUIDE, tmp_path / GUIDE)

    assert write_reference(tmp_path, write=True) == 0
    assert (tmp_path / GUIDE).read_text(encoding="utf-8") == TEXT
    assert (
        capsys.readouterr().out == "updated the parameter tables in docs/authoring.md\n"
    )


def test_writing_without_markers_says_what_to_restore(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / GUIDE).write_text("# Guide\n", encoding="utf-8")

    assert write_reference(tmp_path, write=False) == 0
    capsys.readouterr()
    assert write_reference(tmp_path, write=True) == 2
    assert capsys.readouterr().out.splitlines() == [
        "docs/authoring.md: the reference markers are missing; put back the lines",
        START,
        END,
    ]
