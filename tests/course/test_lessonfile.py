"""Splitting a lesson into its closed list of blocks, with source lines."""

from __future__ import annotations

from decimal import Decimal

from calculators.specs import CALCULATOR_NAMES
from course.blocks import CalculatorEmbed, Callout, Prose, QuizEmbed, WorkedExample
from course.lessonfile import parse_lesson

LESSON = """\
---
id: demo
title: Demo
minutes: 10
audience: Testers.
summary: A demo.
objectives: [Read it]
quiz: demo
---

## First part

Some prose with a [link](lesson:other) and a [term](glossary:token).

```{worked-example} token-cost
title: One request
input_tokens: 1000
output_tokens: 2000
```

```{callout} tip
Keep it short.
```

## Second part

```{calculator} token-cost
output_tokens: 500
```

```{quiz} demo
```
"""


def parse(text=LESSON):
    return parse_lesson(text, path="demo.md", calculators=CALCULATOR_NAMES)


def test_blocks_come_in_file_order_with_their_lines():
    front, parsed, problems = parse()

    assert problems == []
    assert front.title == "Demo"
    assert [type(block) for block in parsed.blocks] == [
        Prose,
        WorkedExample,
        Callout,
        Prose,
        CalculatorEmbed,
        QuizEmbed,
    ]
    assert [block.line for block in parsed.blocks] == [11, 15, 21, 25, 27, 31]


def test_worked_example_is_computed_and_keeps_its_title():
    _, parsed, _ = parse()
    example = parsed.blocks[1]

    assert example.title == "One request"
    assert example.evaluation.values["cost_per_request_usd"] == Decimal("0.033")


def test_headings_and_references_are_collected():
    _, parsed, _ = parse()

    assert [(h.text, h.line) for h in parsed.headings] == [
        ("First part", 11),
        ("Second part", 25),
    ]
    assert [(r.scheme, r.target, r.line) for r in parsed.references] == [
        ("lesson", "other", 13),
        ("glossary", "token", 13),
    ]


def test_calculator_keeps_the_lesson_parameters():
    _, parsed, _ = parse()
    embed = parsed.blocks[4]

    assert (embed.name, dict(embed.params), embed.index) == (
        "token-cost",
        {"output_tokens": 500},
        0,
    )


def test_a_broken_block_is_dropped_with_its_problem_and_the_rest_survive():
    broken = LESSON.replace("output_tokens: 500", "output_tokens: -5")

    _, parsed, problems = parse(broken)

    assert [str(p) for p in problems] == [
        "demo.md:28: Output tokens per request must be 0 or more; you entered -5; change `output_tokens` in this block"
    ]
    assert not any(isinstance(block, CalculatorEmbed) for block in parsed.blocks)
    assert any(isinstance(block, WorkedExample) for block in parsed.blocks)


def test_authors_may_write_numbers_as_people_do():
    """'2,000' and '$15' read as 2000 and 15: 1,000 x $3/M + 2,000 x $15/M = $0.033."""
    text = LESSON.replace(
        "output_tokens: 2000", 'output_tokens: "2,000"\noutput_usd_per_mtok: $15'
    )

    _, parsed, problems = parse(text)

    assert problems == []
    example = parsed.blocks[1]
    assert example.evaluation.values["cost_per_request_usd"] == Decimal("0.033")


def test_a_broken_embed_leaves_a_marker_for_the_draft_preview():
    from course.blocks import Unavailable

    _, parsed, _ = parse(LESSON.replace("output_tokens: 500", "output_tokens: -5"))

    marker = next(block for block in parsed.blocks if isinstance(block, Unavailable))
    assert (marker.directive, marker.line) == ("{calculator} token-cost", 27)
