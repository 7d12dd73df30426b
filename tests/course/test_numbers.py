"""Answers typed the way people type them, and values written back for people."""

from __future__ import annotations

from decimal import Decimal

import pytest

from course.numbers import format_quantity, parse_answer


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("33000", "33000"),
        ("$33,000", "33000"),
        ("33000 USD", "33000"),
        ("USD 33000", "33000"),
        ("33k", "33000"),
        ("1.2 million", "1200000"),
        ("2e12", "2000000000000"),
        ("2 trillion", "2000000000000"),
        ("7.6 days", "7.6"),
        ("90.9%", "90.9"),
        ("3.9x", "3.9"),
        ("$5.00 per GPU-hour", "5.00"),
        (".5", "0.5"),
        ("0.033", "0.033"),
    ],
)
def test_accepted_answers(typed, value):
    assert parse_answer(typed) == (Decimal(value), None)


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("", "Type a number, then check your answer."),
        ("   ", "Type a number, then check your answer."),
        (
            "about four grand",
            "`about four grand` is not a number. Type digits, like 33000 or 0.033.",
        ),
        ("3..3", "`3..3` is not a number. Type digits, like 33000 or 0.033."),
    ],
)
def test_rejected_answers(typed, hint):
    assert parse_answer(typed) == (None, hint)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("4050", "usd", "$4,050"),
        ("0.0405", "usd", "$0.0405"),
        ("7.640782235543357889161731429", "days", "7.64 days"),
        ("5", "usd_per_gpu_hour", "$5.00 per GPU-hour"),
        ("1.38888", "usd_per_mtok", "$1.39 per 1M tokens"),
        ("90.909", "percent", "90.9%"),
        ("3.857142", "ratio", "3.9×"),
        ("1081482", "requests_per_month", "1,081,482 requests a month"),
        ("1081481.48", "requests_per_month", "1,081,482 requests a month"),
        ("58982.4", "gpu_hours", "58,982 GPU-hours"),
    ],
)
def test_values_read_back_in_their_unit(value, unit, shown):
    assert format_quantity(Decimal(value), unit) == shown
