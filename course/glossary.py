"""The track's glossary: terms that lessons link to with `glossary:term-id`."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from course.problems import Problem
from course.schema import Slug, Text
from course.schema_problems import validate
from course.yamlsource import YamlSyntaxError, load_yaml

GLOSSARY_FILE = "glossary.yaml"


class Term(BaseModel):
    """One glossary entry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="the anchor lessons link to: glossary:<id>")
    term: Text = Field(description="the term as it is written in prose")
    definition: Text = Field(description="one or two plain sentences, Markdown allowed")


class GlossaryFile(BaseModel):
    """`glossary.yaml`: the terms of one track, in reading order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    terms: list[Term] = Field(min_length=1, description="the glossary entries")


def load_glossary(path: Path, shown: str) -> tuple[dict[str, Term], list[Problem]]:
    """Terms by id; a missing glossary is simply empty."""
    if not path.is_file():
        return {}, []
    try:
        source = load_yaml(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as error:
        fix = "check indentation and quote text that contains a colon"
        return {}, [
            Problem(shown, error.line, f"YAML does not parse: {error.message}", fix)
        ]

    data, problems = validate(GlossaryFile, source, path=shown, what="the glossary")
    if data is None:
        return {}, problems

    terms: dict[str, Term] = {}
    for index, term in enumerate(data.terms):
        if term.id in terms:
            line = source.line_of(("terms", index, "id"))
            problems.append(
                Problem(
                    shown,
                    line,
                    f"glossary term `{term.id}` is defined twice",
                    "keep one entry",
                )
            )
        terms.setdefault(term.id, term)
    return terms, problems
