"""Line numbers for YAML values, so every content error can point at its line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from course.yamlsource import YamlSyntaxError, load_yaml

TEXT = """\
id: demo
questions:
  - id: first
    options:
      - text: a
      - text: b
"""


@pytest.mark.parametrize(
    ("location", "line"),
    [
        (("id",), 1),
        (("questions",), 2),
        (("questions", 0), 3),
        (("questions", 0, "id"), 3),
        (("questions", 0, "options", 1), 6),
        (("questions", 0, "options", 1, "text"), 6),
        (("questions", 0, "options", 7, "text"), 4),
        (("nowhere",), 1),
    ],
)
def test_line_of_each_location(location, line):
    assert load_yaml(TEXT).line_of(location) == line


def test_lines_are_offset_to_the_file():
    source = load_yaml(TEXT, first_line=12)

    assert source.line_of(("questions", 0, "options", 1)) == 17


@pytest.mark.parametrize(
    ("text", "first_line", "line"),
    [
        ("a: 1\nb: [1, 2\n", 1, 3),
        ("a: 1\n  b: 2\n", 1, 2),
        ("a: 1\n  b: 2\n", 10, 11),
        ("a: 'open\n", 5, 6),
    ],
)
def test_syntax_errors_carry_the_file_line(text, first_line, line):
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(text, first_line=first_line)

    assert caught.value.line == line


def test_empty_text_is_none():
    assert load_yaml("").data is None


def test_decimal_numbers_are_read_exactly():
    """0.1 stays 0.1: money is Decimal from the file on, never a float."""
    data = load_yaml("rate: 0.1\ncount: 3\nprice: 2.50\n").data

    assert data == {"rate": Decimal("0.1"), "count": 3, "price": Decimal("2.50")}
    assert isinstance(data["rate"], Decimal)
