"""The JSON Schemas in schemas/: generated, up to date, and useful to an editor."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from course.catalog import ROOT
from course.cli import main, run_check
from course.jsonschemas import SCHEMAS, schema_text

SCHEMA_DIR = ROOT / "schemas"
QUIZ = "quizzes/model-costs/monthly-bill.yaml"
TRACK = "lessons/model-costs/track.yaml"
GLOSSARY = "lessons/model-costs/glossary.yaml"
LESSON = "lessons/model-costs/reading-rates.md"


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize(("name", "model"), SCHEMAS.items())
def test_the_committed_schema_equals_a_fresh_one(name, model):
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")

    assert committed == schema_text(model), (
        f"schemas/{name} is stale: run `python -m course schemas`"
    )


def test_schemas_holds_only_generated_files():
    assert sorted(path.name for path in SCHEMA_DIR.iterdir()) == sorted(SCHEMAS)


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_says_it_is_generated_and_how(name):
    comment = json.loads((SCHEMA_DIR / name).read_text())["$comment"]

    assert "python -m course schemas" in comment
    assert "do not edit" in comment


def test_the_command_writes_the_same_files(tmp_path, capsys):
    code = main(["schemas", "--root", str(tmp_path)])

    assert code == 0
    for name in SCHEMAS:
        assert (tmp_path / "schemas" / name).read_text() == (
            SCHEMA_DIR / name
        ).read_text()
    assert capsys.readouterr().out.splitlines() == [
        f"wrote schemas/{n}" for n in SCHEMAS
    ]


@pytest.mark.parametrize(
    ("schema", "load"),
    [
        ("quiz.schema.json", lambda root: yaml.safe_load((root / QUIZ).read_text())),
        ("track.schema.json", lambda root: yaml.safe_load((root / TRACK).read_text())),
        (
            "glossary.schema.json",
            lambda root: yaml.safe_load((root / GLOSSARY).read_text()),
        ),
        ("front-matter.schema.json", lambda root: front_matter(root / LESSON)),
    ],
)
def test_valid_files_pass_the_schema(mini_track, schema, load):
    assert list(validator(schema).iter_errors(load(mini_track))) == []


def messages(errors) -> set[str]:
    """Every error message, including those inside a question's `kind` alternatives."""
    found = set()
    for error in errors:
        found.add(error.message)
        found |= messages(error.context or [])
    return found


def test_the_schema_catches_what_an_editor_should_underline(mini_track):
    quiz = yaml.safe_load((mini_track / QUIZ).read_text())
    quiz["questions"][0]["slips"] = ["per-thousands"]
    quiz["questions"][0]["hint"] = "extra"

    found = messages(validator("quiz.schema.json").iter_errors(quiz))

    assert any("'per-thousands' is not one of" in message for message in found)
    assert any("'hint' was unexpected" in message for message in found)


def test_a_schema_comment_line_is_only_a_comment_to_the_checker(mini_track):
    path = mini_track / QUIZ
    modeline = "# yaml-language-server: $schema=../../schemas/quiz.schema.json\n"
    path.write_text(modeline + path.read_text())
    out = io.StringIO()

    assert run_check(mini_track, out=out) == 0, out.getvalue()
