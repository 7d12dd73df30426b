"""YAML that remembers where each value came from, so errors can name a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

Location = tuple[str | int, ...]

# libyaml when PyYAML was built with it (the wheels are): same results, faster.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading, with every non-integer number read as an exact Decimal."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = loader.construct_scalar(node).replace("_", "").lower()
    special = {
        ".inf": "Infinity",
        "+.inf": "Infinity",
        "-.inf": "-Infinity",
        ".nan": "NaN",
    }
    return Decimal(special.get(text, text))


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)


@dataclass
class SourceYaml:
    """Parsed YAML plus the 1-based file line of every mapping key and list item."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, location: Location) -> int:
        """The line of the deepest known prefix of `location` (the block's first line if none)."""
        for end in range(len(location), 0, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return self.first_line


class YamlSyntaxError(ValueError):
    """YAML that does not parse; `line` is the 1-based line in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load_yaml(text: str, *, first_line: int = 1) -> SourceYaml:
    """Parse `text`, whose first line sits at file line `first_line`.

    Only plain data is allowed (safe loading); a syntax error is raised as
    `YamlSyntaxError` with the file line of the fault.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark is not None else 0)
        reason = error.problem or error.context or "the YAML does not parse"
        raise YamlSyntaxError(
            _plain_reason(reason, text, line - first_line), line
        ) from error
    finally:
        loader.dispose()

    source = SourceYaml(data=data, first_line=first_line)
    if node is not None:
        _record_lines(node, (), source.lines, first_line)
    return source


PLAIN_REASONS = {
    "mapping values are not allowed": "a colon where YAML did not expect one: this "
    "line is indented too far, or its text contains `: ` and needs quotes",
    "did not find expected key": "this line is indented differently from the "
    "lines around it",
    "did not find expected '-' indicator": "this line is indented differently "
    "from the list around it",
    "did not find expected ',' or ']'": "a `[...]` list is not closed, or an item "
    "in it needs quotes",
    "could not find expected ':'": "a `name: value` line has no colon, or a quote "
    "is never closed",
    "found unexpected end of stream": "a quote is opened and never closed",
    "tab character": "a tab is used for indentation; indent with spaces",
}


def _plain_reason(reason: str, text: str, index: int) -> str:
    """libyaml's wording, translated, with the offending line quoted."""
    plain = next(
        (words for key, words in PLAIN_REASONS.items() if key in reason), reason
    )
    lines = text.splitlines()
    # Only these faults are marked on the line that causes them; others are
    # found a line or more later, where quoting would mislead.
    on_the_line = "mapping values" in reason or "tab" in reason
    quoted = lines[index].strip() if on_the_line and 0 <= index < len(lines) else ""
    if plain != reason:
        plain = f"{plain} (YAML: {reason})"
    return f"{plain}; the line reads `{quoted}`" if quoted else plain


def _record_lines(
    node: yaml.Node, location: Location, lines: dict[Location, int], offset: int
) -> None:
    lines.setdefault(location, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*location, key)] = key_node.start_mark.line + offset
            _record_lines(value_node, (*location, key), lines, offset)
            lines[(*location, key)] = key_node.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*location, index), lines, offset)
