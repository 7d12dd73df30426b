"""Split a lesson file into front matter and blocks, finding problems with their lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from course import schema
from course.blocks import (
    CALLOUT_KINDS,
    Block,
    CalculatorEmbed,
    Callout,
    Heading,
    ParsedLesson,
    Prose,
    QuizEmbed,
    Reference,
    Unavailable,
    WorkedExample,
)
from course.params import as_written, evaluate_params
from course.placeholders import placeholders
from course.problems import Problem
from course.schema_problems import validate
from course.yamlsource import SourceYaml, YamlSyntaxError, load_yaml

DIRECTIVES = ("calculator", "callout", "quiz", "worked-example")
REFERENCE_SCHEMES = ("lesson", "glossary")
WORKED_EXAMPLE_EXTRAS = ("title", "note")

_markdown = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def parse_lesson(
    text: str, *, path: str, calculators: Sequence[str]
) -> tuple[schema.FrontMatter | None, ParsedLesson, list[Problem]]:
    """Parse one lesson file; every problem found is returned, none is raised."""
    tokens = _markdown.parse(text)
    lines = text.splitlines()
    problems: list[Problem] = []

    front, front_source, body_start, front_problems = _front_matter(tokens, path=path)
    problems += front_problems

    blocks: list[Block] = []
    headings: list[Heading] = []
    references: list[Reference] = []
    prose_start = body_start
    calculator_count = 0

    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            heading_text = tokens[index + 1].content.strip()
            line = token.map[0] + 1
            if token.tag == "h1":
                problems.append(
                    Problem(
                        path,
                        line,
                        f"level-1 heading `# {heading_text}` in the lesson body",
                        "the title comes from the front matter; start sections with `##`",
                    )
                )
            elif token.tag == "h2":
                headings.append(Heading(heading_text, line))
        elif token.type == "inline" and token.map:
            found_refs, found_problems = _inline_checks(token, path=path)
            references += found_refs
            problems += found_problems
        elif token.type == "fence" and token.info.strip().startswith("{") and token.map:
            if token.level != 0:
                problems.append(
                    Problem(
                        path,
                        token.map[0] + 1,
                        "a directive inside a list or quote is not drawn",
                        "move the fence to the top level of the lesson",
                    )
                )
                continue
            prose = _prose(lines, prose_start, token.map[0])
            if prose is not None:
                blocks.append(prose)
            prose_start = token.map[1]

            block, block_problems = _directive(
                token, path=path, calculators=calculators, index=calculator_count
            )
            problems += block_problems
            if isinstance(block, CalculatorEmbed):
                calculator_count += 1
            if block is not None:
                blocks.append(block)
            else:
                blocks.append(Unavailable(token.info.strip(), token.map[0] + 1))

    tail = _prose(lines, prose_start, len(lines))
    if tail is not None:
        blocks.append(tail)

    problems += placeholders(lines, path=path)
    parsed = ParsedLesson(
        tuple(blocks), tuple(headings), tuple(references), front_source
    )
    return front, parsed, problems


def _front_matter(
    tokens: Sequence[Token], *, path: str
) -> tuple[schema.FrontMatter | None, SourceYaml | None, int, list[Problem]]:
    if not tokens or tokens[0].type != "front_matter" or not tokens[0].map:
        problem = Problem(
            path,
            1,
            "the lesson has no front matter",
            "start the file with a `---` line, the fields (id, title, minutes, "
            "audience, summary, objectives), and a closing `---` line",
        )
        return None, None, 0, [problem]

    token = tokens[0]
    try:
        source = load_yaml(token.content, first_line=token.map[0] + 2)
    except YamlSyntaxError as error:
        fix = "check indentation and quote text that contains a colon"
        return (
            None,
            None,
            token.map[1],
            [Problem(path, error.line, f"front matter YAML: {error.message}", fix)],
        )

    front, problems = validate(
        schema.FrontMatter, source, path=path, what="front matter"
    )
    return front, source, token.map[1], problems


def _prose(lines: Sequence[str], start: int, end: int) -> Prose | None:
    chunk = "\n".join(lines[start:end]).strip("\n")
    if not chunk.strip():
        return None
    skipped = next(i for i, line in enumerate(lines[start:end]) if line.strip())
    return Prose(chunk, start + skipped + 1)


def _inline_checks(token: Token, *, path: str) -> tuple[list[Reference], list[Problem]]:
    references: list[Reference] = []
    problems: list[Problem] = []
    line = token.map[0] + 1 if token.map else 1

    for child in _walk(token.children or []):
        # A paragraph's map gives its first line; each line break moves one down.
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image" and not child.content.strip():
            source = child.attrGet("src")
            problems.append(
                Problem(
                    path,
                    line,
                    f"image `{source}` has no alt text",
                    "describe the image inside the brackets: ![what it shows](path)",
                )
            )
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            scheme, _, target = href.partition(":")
            if scheme in REFERENCE_SCHEMES and target:
                references.append(Reference(scheme, target, line))
    return references, problems


def references_in(text: str, *, line: int) -> list[Reference]:
    """Lesson and glossary links in a piece of Markdown that sits at `line`."""
    references = []
    for token in _markdown.parse(text):
        if token.type == "inline":
            found, _ = _inline_checks(token, path="")
            references += [Reference(r.scheme, r.target, line) for r in found]
    return references


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _directive(
    token: Token, *, path: str, calculators: Sequence[str], index: int
) -> tuple[Block | None, list[Problem]]:
    assert token.map is not None
    line = token.map[0] + 1
    info = token.info.strip()
    name, closed, argument = info[1:].partition("}")
    name, argument = name.strip(), argument.strip()

    known = ", ".join("{" + directive + "}" for directive in DIRECTIVES)
    if not closed:
        return None, [
            Problem(
                path,
                line,
                f"directive `{info}` has no closing `}}`",
                f"write the name in braces, then any argument: one of {known}",
            )
        ]
    if name not in DIRECTIVES:
        return None, [
            Problem(
                path, line, f"unknown directive `{{{name}}}`", f"use one of: {known}"
            )
        ]

    if name == "callout":
        kind = argument or "note"
        if kind not in CALLOUT_KINDS:
            fix = f"use one of: {', '.join(CALLOUT_KINDS)}"
            return None, [Problem(path, line, f"unknown callout kind `{kind}`", fix)]
        if not token.content.strip():
            return None, [
                Problem(
                    path,
                    line,
                    "the callout is empty",
                    "write its text inside the fence",
                )
            ]
        return Callout(kind, token.content.strip("\n"), line), []

    if not argument:
        example = {
            "calculator": "```{calculator} token-cost",
            "worked-example": "```{worked-example} token-cost",
            "quiz": "```{quiz} cost-per-million-tokens",
        }[name]
        return None, [
            Problem(
                path,
                line,
                f"`{{{name}}}` needs a name after it",
                f"write e.g. {example}",
            )
        ]

    if name == "quiz":
        if token.content.strip():
            fix = "questions live in the quiz file; leave the fence empty"
            return None, [Problem(path, line, "the quiz fence has a body", fix)]
        return QuizEmbed(argument, line), []

    try:
        source = load_yaml(token.content, first_line=line + 1)
    except YamlSyntaxError as error:
        fix = "write one `name: value` per line"
        return None, [
            Problem(path, error.line, f"YAML in `{{{name}}}`: {error.message}", fix)
        ]

    params = source.data if source.data is not None else {}
    if not isinstance(params, dict):
        fix = "write one `name: value` per line"
        return None, [
            Problem(
                path,
                line + 1,
                f"the `{{{name}}}` body must be `name: value` lines",
                fix,
            )
        ]

    if name == "calculator":
        return _calculator(
            argument,
            params,
            source,
            path=path,
            line=line,
            index=index,
            calculators=calculators,
        )
    return _worked_example(argument, params, source, path=path, line=line)


def _calculator(
    name: str,
    params: dict,
    source: SourceYaml,
    *,
    path: str,
    line: int,
    index: int,
    calculators: Sequence[str],
) -> tuple[Block | None, list[Problem]]:
    from calculators.specs import check_params

    if name not in calculators:
        fix = f"use one of: {', '.join(calculators)}"
        return None, [Problem(path, line, f"unknown calculator `{name}`", fix)]

    problems = check_params(name, params, source=source, path=path)
    if problems:
        return None, problems
    return CalculatorEmbed(name, as_written(params), line, index), []


def _worked_example(
    name: str, params: dict, source: SourceYaml, *, path: str, line: int
) -> tuple[Block | None, list[Problem]]:
    extras = {key: params.pop(key) for key in WORKED_EXAMPLE_EXTRAS if key in params}
    evaluation, problems = evaluate_params(name, params, source=source, path=path)
    if evaluation is None:
        return None, problems
    return (
        WorkedExample(
            name,
            as_written(params),
            evaluation,
            line,
            title=_text_or_none(extras.get("title")),
            note=_text_or_none(extras.get("note")),
        ),
        [],
    )


def _text_or_none(value: object) -> str | None:
    return str(value).strip() if value is not None else None
