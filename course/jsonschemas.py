"""JSON Schemas for the YAML formats, generated from the pydantic models.

Editors that understand `# yaml-language-server: $schema=...` (VS Code with the
YAML extension, among others) use them to check a file as it is typed.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from course.glossary import GlossaryFile
from course.schema import FrontMatter, QuizFile, TrackFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "quiz.schema.json": QuizFile,
    "front-matter.schema.json": FrontMatter,
    "track.schema.json": TrackFile,
    "glossary.schema.json": GlossaryFile,
}
NOTICE = "Generated from {source} by `python -m course schemas`; do not edit."


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of `model`, with a note naming its source and the command."""
    schema = model.model_json_schema()
    source = model.__module__.replace(".", "/") + ".py"
    schema["$comment"] = NOTICE.format(source=source)
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path) -> int:
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    for name, model in SCHEMAS.items():
        (folder / name).write_text(schema_text(model), encoding="utf-8")
        print(f"wrote schemas/{name}")
    return 0
