"""`python -m course check`: one broken tree per kind of problem, each message pinned.

Every case starts from the valid tree in `mini-track/`, makes one edit, and pins
the whole report: each `path:line: what is wrong; how to fix it` line, the
`N problems in M files` summary and the exit code.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from course.cli import run_check

TRACK = "lessons/model-costs/track.yaml"
RATES = "lessons/model-costs/reading-rates.md"
BILL = "lessons/model-costs/monthly-bill.md"
RATES_QUIZ = "quizzes/model-costs/reading-rates.yaml"
BILL_QUIZ = "quizzes/model-costs/monthly-bill.yaml"

BILL_KEY = """\
    key:
      formula: token-cost
      output: monthly_usd
      inputs:
        input_tokens: 1000
        output_tokens: 2000
        input_usd_per_mtok: 3
        output_usd_per_mtok: 15
        requests_per_month: 1000000
"""

SPARE_QUIZ = """\
lesson: reading-rates
questions:
  - id: spare
    kind: single
    prompt: Is this quiz used?
    options:
      - text: "No"
        correct: true
        feedback: No lesson names it.
      - text: "Yes"
        feedback: Look at the lessons' front matter.
    explanation: A quiz shows only inside the lesson that names it.
"""


@dataclass(frozen=True)
class Edit:
    """Replace `old` by `new` once in `path`; old=None writes the file; new=None deletes it."""

    path: str
    old: str | None
    new: str | None


def delete(path: str) -> Edit:
    return Edit(path, None, None)


def apply(root: Path, edits: list[Edit]) -> None:
    for edit in edits:
        path = root / edit.path
        if edit.new is None:
            path.unlink()
        elif edit.old is None:
            path.write_text(edit.new, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert text.count(edit.old) == 1, f"{edit.old!r} is not once in {path}"
            path.write_text(text.replace(edit.old, edit.new), encoding="utf-8")


def check(root: Path, path: str | None = None) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_check(root, path, out=out)
    return code, out.getvalue().splitlines()


def case(name: str, edits: list[Edit], *lines: str):
    """A broken tree whose report is exactly `lines` plus the summary."""
    files = len({line.split(":", 1)[0] for line in lines})
    noun = "problem" if len(lines) == 1 else "problems"
    summary = f"{len(lines)} {noun} in {files} file{'' if files == 1 else 's'}"
    return pytest.param(edits, [*lines, summary], id=name)


CASES = [
    # YAML that does not parse: the line in the file, not in the block.
    case(
        "front-matter-yaml",
        [Edit(RATES, "title: Reading rates", "title: Reading rates: a primer")],
        f"{RATES}:3: front matter YAML: a colon where YAML did not expect one: this line is indented too far, or its text contains `: ` and needs quotes (YAML: mapping values are not allowed in this context); "
        "the line reads `title: Reading rates: a primer`; "
        "check indentation and quote text that contains a colon",
    ),
    case(
        "directive-yaml",
        [Edit(RATES, "output_tokens: 2000\n```", "output_tokens: 2000: 3000\n```")],
        f"{RATES}:22: YAML in `{{worked-example}}`: a colon where YAML did not expect one: this line is indented too far, or its text contains `: ` and needs quotes (YAML: mapping values are not allowed in this context); "
        "the line reads `output_tokens: 2000: 3000`; write one `name: value` per line",
    ),
    case(
        "quiz-yaml",
        [Edit(BILL_QUIZ, "unit: usd", "unit: usd: dollars")],
        f"{BILL_QUIZ}:6: YAML does not parse: a colon where YAML did not expect one: this line is indented too far, or its text contains `: ` and needs quotes (YAML: mapping values are not allowed in this context); "
        "the line reads `unit: usd: dollars`; "
        "check indentation and quote text that contains a colon",
    ),
    case(
        "track-yaml",
        [Edit(TRACK, "title: Mini track", "title: Mini track: the tests")],
        f"{TRACK}:3: YAML does not parse: a colon where YAML did not expect one: this line is indented too far, or its text contains `: ` and needs quotes (YAML: mapping values are not allowed in this context); "
        "the line reads `title: Mini track: the tests`; "
        "check indentation and quote text that contains a colon",
    ),
    # Front matter: missing, misspelt, wrong type, out of range, wrong id.
    case(
        "no-front-matter",
        [Edit(RATES, "---\nid: reading-rates", "id: reading-rates")],
        f"{RATES}:1: the lesson has no front matter; start the file with a `---` "
        "line, the fields (id, title, minutes, audience, summary, objectives), and "
        "a closing `---` line",
    ),
    case(
        "front-matter-field-missing",
        [Edit(RATES, "summary: Read a rate card quoted per million tokens.\n", "")],
        f"{RATES}:2: `summary` is missing; add `summary:` (one line shown on the "
        "home page)",
    ),
    case(
        "front-matter-field-unknown",
        [Edit(RATES, "minutes: 10", "minutes: 10\nlevel: easy")],
        f"{RATES}:5: unknown field `level`; remove it, or use one of: audience, id, "
        "minutes, objectives, prerequisites, quiz, summary, title",
    ),
    case(
        "front-matter-minutes-too-long",
        [Edit(RATES, "minutes: 10", "minutes: 90")],
        f"{RATES}:4: `minutes` is not valid (found 90): input should be less than or "
        "equal to 60; expected estimated minutes for one sitting, 5 to 60",
    ),
    case(
        "front-matter-not-a-list",
        [
            Edit(
                RATES,
                "objectives:\n  - Price one request from separate input and output rates",
                "objectives: Price one request",
            )
        ],
        f"{RATES}:7: `objectives` must be a list; write each item on its own line "
        "starting with `- `, or as [a, b]",
    ),
    case(
        "front-matter-id-not-a-slug",
        [Edit(RATES, "quiz: reading-rates", "quiz: Reading Rates")],
        f"{RATES}:10: `quiz` is `Reading Rates`, which is not an id; write lowercase "
        "words joined by hyphens, e.g. reading-rates",
    ),
    case(
        "front-matter-id-differs-from-file-name",
        [Edit(RATES, "id: reading-rates", "id: reading-rate")],
        f"{RATES}:2: front matter id `reading-rate` differs from the file name "
        "`reading-rates`; write `id: reading-rates` or rename the file",
    ),
    # The track's structure: every `##` section, once, in order.
    case(
        "structure-section-missing",
        [Edit(BILL, "## Memory trick\n", "")],
        f"{BILL}:20: the lesson has no `## Memory trick` section; add it after "
        "`## Worked example`",
    ),
    case(
        "structure-first-section-missing",
        [Edit(BILL, "## Definition\n", "")],
        f"{BILL}:19: the lesson has no `## Definition` section; add it before "
        "`## Worked example`",
    ),
    case(
        "structure-section-misspelt",
        [Edit(BILL, "## Memory trick", "## Memory tricks")],
        f"{BILL}:20: the lesson has no `## Memory trick` section; add it after "
        "`## Worked example`",
        f"{BILL}:28: `## Memory tricks` is not a section of this track; use one of: "
        "Definition, Worked example, Memory trick; or make it a `###` heading "
        "inside one",
    ),
    case(
        "structure-out-of-order",
        [
            Edit(
                BILL, "## Worked example", "## Memory trick\n\nA.\n\n## Worked example"
            ),
            Edit(BILL, "## Memory trick\n\nPrice", "Price"),
        ],
        f"{BILL}:24: section `## Worked example` comes after `## Memory trick`; move "
        "it up; the track order is Definition → Worked example → Memory trick",
    ),
    case(
        "structure-section-twice",
        [Edit(BILL, "## Memory trick", "## Definition\n\nMore.\n\n## Memory trick")],
        f"{BILL}:28: section `## Definition` appears twice (first on line 13); merge "
        "the two into one section",
    ),
    case(
        "level-one-heading",
        [Edit(RATES, "## Definition", "# Reading rates\n\n## Definition")],
        f"{RATES}:13: level-1 heading `# Reading rates` in the lesson body; the title "
        "comes from the front matter; start sections with `##`",
    ),
    # Unknown names list the known ones.
    case(
        "unknown-directive",
        [Edit(RATES, "```{callout} tip", "```{aside} tip")],
        f"{RATES}:25: unknown directive `{{aside}}`; use one of: {{calculator}}, "
        "{callout}, {quiz}, {worked-example}",
    ),
    case(
        "directive-without-closing-brace",
        [Edit(RATES, "```{callout} tip", "```{callout tip")],
        f"{RATES}:25: directive `{{callout tip` has no closing `}}`; write the name in "
        "braces, then any argument: one of {calculator}, {callout}, {quiz}, "
        "{worked-example}",
    ),
    case(
        "unknown-callout-kind",
        [Edit(RATES, "```{callout} tip", "```{callout} hint")],
        f"{RATES}:25: unknown callout kind `hint`; use one of: note, tip, warning, "
        "mistake",
    ),
    case(
        "unknown-calculator",
        [Edit(BILL, "```{calculator} token-cost", "```{calculator} token-costs")],
        f"{BILL}:22: unknown calculator `token-costs`; use one of: token-cost, "
        "gpu-hour-cost, serving-cost, training-cost, reasoning-cost, break-even, "
        "compare-providers",
    ),
    case(
        "unknown-worked-example-formula",
        [Edit(RATES, "```{worked-example} token-cost", "```{worked-example} tokens")],
        f"{RATES}:20: unknown formula `tokens`; use one of: token-cost, "
        "gpu-hour-cost, serving-cost, training-cost, reasoning-cost, break-even, "
        "blended-rate",
    ),
    case(
        "unknown-calculator-parameter",
        [Edit(BILL, "requests_per_month: 1000000\n```", "requests: 1000000\n```")],
        f"{BILL}:25: unknown parameter `requests` for token-cost; use one of: "
        "input_tokens, output_tokens, input_usd_per_mtok, output_usd_per_mtok, "
        "requests_per_month, cached_input_tokens, cached_input_usd_per_mtok, "
        "reasoning_tokens, reasoning_usd_per_mtok, batch_discount_percent, "
        "long_context_threshold_tokens, long_context_input_usd_per_mtok, "
        "long_context_output_usd_per_mtok",
    ),
    case(
        "calculator-parameter-out-of-range",
        [Edit(BILL, "input_tokens: 1000\n", "input_tokens: -5\n")],
        f"{BILL}:23: Input tokens per request must be 0 or more; you entered -5; "
        "change `input_tokens` in this block",
    ),
    # Quizzes and lessons must name each other.
    case(
        "quiz-named-but-missing",
        [delete(BILL_QUIZ)],
        f"{BILL}:10: quiz `monthly-bill` has no file; create "
        "quizzes/model-costs/monthly-bill.yaml, or fix the `quiz:` field",
    ),
    case(
        "quiz-no-lesson-uses",
        [Edit("quizzes/model-costs/spare.yaml", None, SPARE_QUIZ)],
        "quizzes/model-costs/spare.yaml:1: quiz `spare` is not used by any lesson; "
        "add `quiz: spare` to a lesson's front matter, or delete the file",
    ),
    case(
        "quiz-fence-names-another-quiz",
        [Edit(BILL, "```{quiz} monthly-bill", "```{quiz} reading-rates")],
        f"{BILL}:32: the quiz fence names `reading-rates` but the front matter names "
        "`monthly-bill`; write ```{quiz} monthly-bill",
    ),
    case(
        "quiz-belongs-to-another-lesson",
        [Edit(BILL_QUIZ, "lesson: monthly-bill", "lesson: reading-rates")],
        f"{BILL_QUIZ}:1: quiz `monthly-bill` says it belongs to `reading-rates`, but "
        "lesson `monthly-bill` uses it; write `lesson: monthly-bill`",
    ),
    # Duplicate ids.
    case(
        "duplicate-lesson-id",
        [Edit(TRACK, "  - monthly-bill\n", "  - monthly-bill\n  - reading-rates\n")],
        f"{TRACK}:14: lesson `reading-rates` is listed twice; keep one entry",
    ),
    case(
        "duplicate-question-id",
        [Edit(RATES_QUIZ, "id: what-counts", "id: which-rate")],
        f"{RATES_QUIZ}:14: duplicate question id `which-rate` (first used on line 3); "
        "give every question its own id",
    ),
    # Choice questions.
    case(
        "question-without-correct-option",
        [
            Edit(
                RATES_QUIZ,
                "        correct: true\n        feedback: Right",
                "        feedback: Right",
            )
        ],
        f"{RATES_QUIZ}:6: question `which-rate` has no correct option; mark the right "
        "option with `correct: true`",
    ),
    case(
        "single-choice-with-several-correct",
        [
            Edit(
                RATES_QUIZ,
                "- text: The input rate\n",
                "- text: The input rate\n        correct: true\n",
            )
        ],
        f"{RATES_QUIZ}:6: single-choice question `which-rate` has 2 correct options; "
        "keep one `correct: true`, or make it `kind: multiple`",
    ),
    case(
        "unknown-question-kind",
        [Edit(RATES_QUIZ, "kind: multiple", "kind: many")],
        f"{RATES_QUIZ}:14: `question 2` has unknown kind `many`; use `kind: "
        "single`, `kind: multiple` or `kind: numeric`",
    ),
    case(
        "option-without-feedback",
        [
            Edit(
                RATES_QUIZ,
                "        feedback: That rate is for the tokens you send.\n",
                "",
            )
        ],
        f"{RATES_QUIZ}:10: `feedback` is missing in question 1, option 2; add "
        "`feedback:`",
    ),
    # Numeric answers: computed key, tolerance, slips.
    case(
        "numeric-answer-disagrees-with-pricing",
        [Edit(BILL_QUIZ, "answer: 33000", "answer: 3300")],
        f"{BILL_QUIZ}:16: answer 3300 disagrees with the pricing module, which "
        "computes 33000; write `answer: 33000` or remove `answer:` and let the key "
        "decide",
    ),
    case(
        "numeric-key-unknown-formula",
        [Edit(BILL_QUIZ, "formula: token-cost", "formula: tokens")],
        f"{BILL_QUIZ}:8: unknown formula `tokens`; use one of: token-cost, "
        "gpu-hour-cost, serving-cost, training-cost, reasoning-cost, break-even, "
        "blended-rate",
    ),
    case(
        "numeric-key-unknown-output",
        [Edit(BILL_QUIZ, "output: monthly_usd", "output: monthly")],
        f"{BILL_QUIZ}:9: formula `token-cost` has no output `monthly`; use one of: "
        "input_usd, cached_input_usd, output_usd, reasoning_usd, "
        "cost_per_request_usd, monthly_usd, output_share_percent, "
        "long_context_applied",
    ),
    case(
        "numeric-key-unknown-input",
        [Edit(BILL_QUIZ, "        requests_per_month:", "        requests:")],
        f"{BILL_QUIZ}:15: unknown input `requests` for token-cost; use one of: "
        "input_tokens, output_tokens, input_usd_per_mtok, output_usd_per_mtok, "
        "requests_per_month, cached_input_tokens, cached_input_usd_per_mtok, "
        "reasoning_tokens, reasoning_usd_per_mtok, batch_discount_percent, "
        "long_context_threshold_tokens, long_context_input_usd_per_mtok, "
        "long_context_output_usd_per_mtok",
    ),
    case(
        "numeric-unit-differs-from-key-output",
        [Edit(BILL_QUIZ, "unit: usd", "unit: percent")],
        f"{BILL_QUIZ}:6: `unit: percent` does not match the key's output "
        "`monthly_usd`, which is in usd; write `unit: usd`",
    ),
    case(
        "numeric-without-key-or-answer",
        [
            Edit(BILL_QUIZ, BILL_KEY, ""),
            Edit(BILL_QUIZ, "    answer: 33000\n", ""),
            Edit(BILL_QUIZ, "    slips: [per-thousand, swapped-rates]\n", ""),
        ],
        f"{BILL_QUIZ}:3: numeric question `month` has no answer; add a `key:` with "
        "formula, output and inputs (preferred) or an `answer:`",
    ),
    case(
        "tolerance-accepts-a-slip",
        [Edit(BILL_QUIZ, "tolerance_percent: 1", "tolerance: 12000")],
        f"{BILL_QUIZ}:18: the tolerance accepts the `swapped-rates` slip (21000) as "
        "right; make `tolerance` smaller, or drop this slip",
    ),
    case(
        "tolerance-accepts-a-wrong-answer",
        [Edit(BILL_QUIZ, "- value: 33\n", "- value: 33300\n")],
        f"{BILL_QUIZ}:20: the tolerance accepts the listed wrong answer 33300 as "
        "right; make `tolerance_percent` smaller, or remove this wrong answer",
    ),
    case(
        "default-tolerance-accepts-a-wrong-answer",
        [
            Edit(BILL_QUIZ, "    tolerance_percent: 1\n", ""),
            Edit(BILL_QUIZ, "- value: 33\n", "- value: 33100\n"),
        ],
        f"{BILL_QUIZ}:19: the tolerance accepts the listed wrong answer 33100 as "
        "right; set a `tolerance_percent` below the default 0.5, or remove this "
        "wrong answer",
    ),
    case(
        "two-tolerances",
        [
            Edit(
                BILL_QUIZ,
                "tolerance_percent: 1",
                "tolerance_percent: 1\n    tolerance: 5",
            )
        ],
        f"{BILL_QUIZ}:18: numeric question `month` has both `tolerance` and "
        "`tolerance_percent`; keep one: `tolerance_percent` (share of the answer) or "
        "`tolerance` (in the unit)",
    ),
    case(
        "unknown-slip",
        [Edit(BILL_QUIZ, "[per-thousand, swapped-rates]", "[per-thousands]")],
        f"{BILL_QUIZ}:18: `question 1, slip 1` is `per-thousands`, which is not "
        "allowed here; use one of: per-thousand, swapped-rates, reasoning-forgotten, "
        "utilization-ignored, per-request-not-monthly",
    ),
    case(
        "slip-that-cannot-happen",
        [Edit(BILL_QUIZ, "[per-thousand, swapped-rates]", "[reasoning-forgotten]")],
        f"{BILL_QUIZ}:18: slip `reasoning-forgotten` does not apply to this question: "
        "the key has no reasoning tokens to forget; remove it from `slips`",
    ),
    case(
        "slip-equal-to-the-answer",
        [
            Edit(BILL_QUIZ, "output_usd_per_mtok: 15", "output_usd_per_mtok: 3"),
            Edit(BILL_QUIZ, "answer: 33000", "answer: 9000"),
            Edit(BILL_QUIZ, "[per-thousand, swapped-rates]", "[swapped-rates]"),
        ],
        f"{BILL_QUIZ}:18: slip `swapped-rates` gives the right answer here (9000); "
        "remove it from `slips`",
    ),
    case(
        "slip-without-key",
        [
            Edit(BILL_QUIZ, BILL_KEY, ""),
            Edit(BILL_QUIZ, "[per-thousand, swapped-rates]", "[per-thousand]"),
        ],
        f"{BILL_QUIZ}:9: slip `per-thousand` needs a computed key; add a `key:` so "
        "the slip can be computed, or list it under `wrong_answers`",
    ),
    # The track file.
    case(
        "track-lists-a-missing-lesson",
        [Edit(TRACK, "  - monthly-bill\n", "  - monthly-bill\n  - budgeting\n")],
        f"{TRACK}:14: lesson `budgeting` is listed but has no file; create "
        "lessons/model-costs/budgeting.md or remove the entry",
    ),
    case(
        "lesson-file-not-in-track",
        [Edit(TRACK, "  - monthly-bill\n", "")],
        f"{BILL}:1: lesson `monthly-bill` is not listed in track.yaml; add "
        "`- monthly-bill` under `lessons:` in lessons/model-costs/track.yaml",
    ),
    case(
        "lesson-not-in-track-is-still-checked",
        [
            Edit(TRACK, "  - monthly-bill\n", ""),
            Edit(BILL, "minutes: 15", "minutes: 2"),
        ],
        f"{BILL}:1: lesson `monthly-bill` is not listed in track.yaml; add "
        "`- monthly-bill` under `lessons:` in lessons/model-costs/track.yaml",
        f"{BILL}:4: `minutes` is not valid (found 2): input should be greater than or "
        "equal to 5; expected estimated minutes for one sitting, 5 to 60",
    ),
    case(
        "track-file-missing",
        [delete(TRACK)],
        f"{TRACK}:1: the track file is missing; create it with id, course, title, "
        "tagline, description, audience, structure and lessons",
    ),
    case(
        "track-field-missing",
        [Edit(TRACK, "tagline: Two short lessons for tests.\n", "")],
        f"{TRACK}:1: `tagline` is missing; add `tagline:` (one line under the title "
        "on the home page)",
    ),
    # Prerequisites.
    case(
        "prerequisite-later-in-track",
        [Edit(RATES, "prerequisites: []", "prerequisites: [monthly-bill]")],
        f"{RATES}:9: prerequisite `monthly-bill` comes later in the track; list only "
        "earlier lessons, or move this lesson after it in track.yaml",
    ),
    case(
        "prerequisite-not-a-lesson",
        [Edit(BILL, "prerequisites: [reading-rates]", "prerequisites: [rates]")],
        f"{BILL}:9: prerequisite `rates` is not a lesson; use an earlier lesson id: "
        "reading-rates",
    ),
    case(
        "prerequisite-is-the-lesson-itself",
        [Edit(RATES, "prerequisites: []", "prerequisites: [reading-rates]")],
        f"{RATES}:9: lesson `reading-rates` lists itself as a prerequisite; remove it "
        "from `prerequisites`",
    ),
    # Placeholders, images, links.
    case(
        "placeholder-todo-in-lesson",
        [Edit(RATES, "A rate card quotes", "TODO A rate card quotes")],
        f"{RATES}:15: placeholder text `TODO` left in the file; replace it with the "
        "real text before publishing",
    ),
    case(
        "placeholder-fixme-in-quiz",
        [Edit(RATES_QUIZ, "prompt: Which rate", "prompt: FIXME Which rate")],
        f"{RATES_QUIZ}:5: placeholder text `FIXME` left in the file; replace it with "
        "the real text before publishing",
    ),
    case(
        "placeholder-lorem",
        [Edit(BILL, "Price the mix, not the menu.", "Lorem ipsum dolor sit amet.")],
        f"{BILL}:30: placeholder text `Lorem ipsum` left in the file; replace it with "
        "the real text before publishing",
    ),
    case(
        "placeholder-in-track-file",
        [Edit(TRACK, "tagline: Two", "tagline: TODO Two")],
        f"{TRACK}:4: placeholder text `TODO` left in the file; replace it with the "
        "real text before publishing",
    ),
    case(
        "image-without-alt-text",
        [Edit(BILL, "![A bar chart of input and output cost]", "![]")],
        f"{BILL}:18: image `bill.png` has no alt text; describe the image inside the "
        "brackets: ![what it shows](path)",
    ),
    case(
        "link-to-unknown-lesson",
        [Edit(RATES, "(lesson:monthly-bill)", "(lesson:monthly-bills)")],
        f"{RATES}:31: link to unknown lesson `monthly-bills`; use one of: "
        "monthly-bill, reading-rates",
    ),
    case(
        "link-to-unknown-glossary-term",
        [Edit(BILL, "(glossary:blended-rate)", "(glossary:blend)")],
        f"{BILL}:16: link to unknown glossary term `blend`; add the term to the "
        "glossary, or use one of: blended-rate",
    ),
]


def test_the_mini_track_is_valid(mini_track):
    assert check(mini_track) == (0, ["No problems in 6 files."])


@pytest.mark.parametrize(("edits", "expected"), CASES)
def test_one_broken_file_one_pinned_report(mini_track, edits, expected):
    apply(mini_track, edits)

    code, lines = check(mini_track)

    assert lines == expected
    assert code == 1


def test_every_problem_in_a_file_is_reported_at_once(mini_track):
    apply(
        mini_track,
        [
            Edit(RATES, "A rate card quotes", "TODO A rate card quotes"),
            Edit(RATES, "```{callout} tip", "```{aside} tip"),
            Edit(BILL_QUIZ, "answer: 33000", "answer: 3300"),
        ],
    )

    code, lines = check(mini_track)

    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [
        f"{RATES}:15",
        f"{RATES}:25",
        f"{BILL_QUIZ}:16",
    ]
    assert lines[-1] == "3 problems in 2 files"
    assert code == 1


def test_a_broken_track_file_does_not_invent_order_problems(mini_track):
    """Without a track order, `reading-rates` is no longer "later" than its dependant."""
    apply(
        mini_track, [Edit(TRACK, "title: Mini track", "title: Mini track: the tests")]
    )

    code, lines = check(mini_track)

    assert len(lines) == 2
    assert lines[0].startswith(f"{TRACK}:3: YAML does not parse")
    assert code == 1


def test_a_lesson_with_broken_front_matter_still_owns_its_quiz(mini_track):
    """Its quiz is not reported as unused just because the front matter failed."""
    apply(mini_track, [Edit(RATES, "minutes: 10", "minutes: [10")])

    code, lines = check(mini_track)

    assert lines == [
        f"{RATES}:5: front matter YAML: a `[...]` list is not closed, or an item "
        "in it needs quotes (YAML: did not find expected ',' or ']'); check "
        "indentation and quote text that contains a colon",
        "1 problem in 1 file",
    ]
    assert code == 1
