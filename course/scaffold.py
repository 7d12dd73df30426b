"""`python -m course new`: a lesson and quiz that show every block kind once."""

from __future__ import annotations

import re
from pathlib import Path

from course.catalog import DEFAULT_TRACK, TRACK_FILE, load_track

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

LESSON_TEMPLATE = """\
---
id: {lesson_id}
title: {title}
minutes: 20
audience: TODO one sentence on who this lesson is for.
summary: TODO one line for the home page.
objectives:
  - TODO what the learner can do afterwards
prerequisites: []
quiz: {lesson_id}
---

{sections}
"""

SECTION_BODIES = {
    "Worked example": """\
TODO introduce the scenario in a sentence or two. The figures below are
computed by the pricing module from the parameters; never type a result.

```{{worked-example}} token-cost
title: TODO name the scenario
input_tokens: 1000
output_tokens: 2000
input_usd_per_mtok: 3
output_usd_per_mtok: 15
requests_per_month: 1000000
```

Try your own numbers:

```{{calculator}} token-cost
input_tokens: 1000
output_tokens: 2000
```
""",
    "Common mistake": """\
TODO describe the mistake people actually make, and what it costs them.

```{{callout}} mistake
TODO the mistake in one sentence.
```
""",
    "Memory trick": """\
TODO one line the learner will remember.

```{{quiz}} {lesson_id}
```
""",
}

QUIZ_TEMPLATE = """\
lesson: {lesson_id}
questions:
  - id: pick-one
    kind: single
    prompt: TODO a question with one right answer.
    options:
      - text: TODO the right answer
        correct: true
        feedback: TODO why it is right.
      - text: TODO a tempting wrong answer
        feedback: TODO which mistake this answer stands for.
    explanation: TODO the teaching point.

  - id: pick-several
    kind: multiple
    prompt: TODO a question with several right answers.
    options:
      - text: TODO a right answer
        correct: true
        feedback: TODO why it is right.
      - text: TODO another right answer
        correct: true
        feedback: TODO why it is right.
      - text: TODO a wrong answer
        feedback: TODO which mistake this answer stands for.
    explanation: TODO the teaching point.

  - id: work-it-out
    kind: numeric
    prompt: TODO a question whose answer the pricing module computes, in US dollars.
    unit: usd
    key:
      formula: token-cost
      output: monthly_usd
      inputs:
        input_tokens: 1000
        output_tokens: 2000
        input_usd_per_mtok: 3
        output_usd_per_mtok: 15
        requests_per_month: 1000000
    tolerance_percent: 1
    slips: [per-thousand, swapped-rates, per-request-not-monthly]
    explanation: TODO how to work it out.
"""


def scaffold(root: Path, lesson_id: str, title: str) -> int:
    """Write the lesson and quiz files and list the lesson in the track; 0 on success."""
    if not SLUG.match(lesson_id):
        print(
            f"lesson id `{lesson_id}` must be lowercase words joined by hyphens, e.g. gpu-memory"
        )
        return 2

    lesson_path = root / "lessons" / DEFAULT_TRACK / f"{lesson_id}.md"
    quiz_path = root / "quizzes" / DEFAULT_TRACK / f"{lesson_id}.yaml"
    track_path = root / "lessons" / DEFAULT_TRACK / TRACK_FILE
    for path in (lesson_path, quiz_path):
        if path.exists():
            print(
                f"{path.relative_to(root)} already exists; pick another id or edit that file"
            )
            return 2

    track = load_track(root)
    if track.info is None:
        shown = track_path.relative_to(root)
        print(
            f"{shown} has problems; run `.venv/bin/python -m course check` (or `make check`) and fix it first"
        )
        return 2
    structure = track.info.structure or ["Introduction"]
    sections = "\n".join(
        f"## {part}\n\n"
        + SECTION_BODIES.get(
            part, "TODO write this part in short paragraphs.\n"
        ).format(lesson_id=lesson_id)
        for part in structure
    )
    if "Memory trick" not in structure:
        sections += f"\n```{{quiz}} {lesson_id}\n```\n"

    quoted_title = title.replace('"', "'")
    lesson_path.write_text(
        LESSON_TEMPLATE.format(
            lesson_id=lesson_id, title=f'"{quoted_title}"', sections=sections
        ),
        encoding="utf-8",
    )
    quiz_path.parent.mkdir(parents=True, exist_ok=True)
    quiz_path.write_text(QUIZ_TEMPLATE.format(lesson_id=lesson_id), encoding="utf-8")
    _append_to_track(track_path, lesson_id)

    print(f"wrote {lesson_path.relative_to(root)} and {quiz_path.relative_to(root)}")
    print(f"added `{lesson_id}` at the end of {track_path.relative_to(root)}")
    print(
        "replace every TODO, then run: .venv/bin/python -m course check  (or: make check)"
    )
    return 0


def _append_to_track(track_path: Path, lesson_id: str) -> None:
    """Add the id as the last item of `lessons:` without rewriting the author's file."""
    lines = track_path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("lessons:"))
    inline = lines[start].partition(":")[2].strip()
    if inline.startswith("[") and inline.endswith("]"):
        items = [item for item in inline[1:-1].split(",") if item.strip()]
        listed = ", ".join([*(item.strip() for item in items), lesson_id])
        lines[start] = f"lessons: [{listed}]"
        track_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    end = start + 1
    while end < len(lines) and (
        lines[end].startswith((" ", "-")) or not lines[end].strip()
    ):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    indent = "  "
    if end > start + 1:
        item = lines[end - 1]
        indent = item[: len(item) - len(item.lstrip())]
    lines.insert(end, f"{indent}- {lesson_id}")
    track_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
