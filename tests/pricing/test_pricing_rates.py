"""Rate records, the bundled rate file, and line-accurate reports of broken files."""

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pricing.errors import InvalidInputs, RateFileError, RateFileProblem
from pricing.rates import (
    DEFAULT_RATES_PATH,
    Direction,
    RateKind,
    TokenRate,
    load_rate_cards,
)

GOOD_CARD = """\
cards:
  - id: sample-card
    label: Sample card
    model: sample-model
    provider: Example Labs
    kind: illustrative
    as_of: 2026-12-01
    rates:
      input: "1.00"
      output: 2.5
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rates.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("card_id", "input_rate", "output_rate", "cached_rate"),
    [
        pytest.param("illustrative-frontier", "3", "15", "0.30", id="frontier"),
        pytest.param("illustrative-small", "0.15", "0.60", "0.075", id="small"),
        pytest.param("illustrative-reasoning", "3", "15", None, id="reasoning"),
        pytest.param("provider-a", "1", "20", None, id="provider-a"),
        pytest.param("provider-b", "4", "8", None, id="provider-b"),
    ],
)
def test_bundled_cards(
    card_id: str, input_rate: str, output_rate: str, cached_rate: str | None
) -> None:
    card = load_rate_cards()[card_id]

    assert card.input_usd_per_mtok == Decimal(input_rate)
    assert card.output_usd_per_mtok == Decimal(output_rate)
    cached = card.rate(Direction.CACHED_INPUT)
    assert (cached.usd_per_mtok if cached else None) == (
        Decimal(cached_rate) if cached_rate else None
    )
    assert card.kind is RateKind.ILLUSTRATIVE
    assert card.as_of == date(2026, 12, 1)


def test_bundled_file_is_default_and_all_illustrative() -> None:
    cards = load_rate_cards(DEFAULT_RATES_PATH)

    assert list(cards) == [
        "illustrative-frontier",
        "illustrative-small",
        "illustrative-reasoning",
        "provider-a",
        "provider-b",
    ]
    assert {card.kind for card in cards.values()} == {RateKind.ILLUSTRATIVE}


def test_describe_names_kind_model_provider_price_and_date() -> None:
    rate = TokenRate(
        model="example-frontier",
        provider="Example Labs",
        direction=Direction.OUTPUT,
        usd_per_mtok=Decimal("15"),
        as_of=date(2026, 12, 1),
        kind=RateKind.ILLUSTRATIVE,
    )

    assert rate.describe() == (
        "illustrative output rate for example-frontier (Example Labs), "
        "$15.00 per 1M tokens, as of 2026-12-01"
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"usd_per_mtok": Decimal("-1")},
            "usd_per_mtok",
            "The price per million tokens must be 0 or more; you entered -1.",
            id="negative",
        ),
        pytest.param(
            {"usd_per_mtok": Decimal("Infinity")},
            "usd_per_mtok",
            "The price per million tokens must be a finite number; "
            "got Decimal('Infinity').",
            id="infinite",
        ),
        pytest.param(
            {"kind": RateKind.QUOTED},
            "source",
            "The quoted output rate for example-frontier has no source; say where "
            "the price was published.",
            id="quoted-without-source",
        ),
    ],
)
def test_token_rate_rejects(
    changes: dict[str, object], field: str, message: str
) -> None:
    arguments = {
        "model": "example-frontier",
        "provider": "Example Labs",
        "direction": Direction.OUTPUT,
        "usd_per_mtok": Decimal("15"),
        "as_of": date(2026, 12, 1),
        "kind": RateKind.ILLUSTRATIVE,
        **changes,
    }

    with pytest.raises(InvalidInputs) as caught:
        TokenRate(**arguments)

    assert [(p.field, p.message) for p in caught.value.problems] == [(field, message)]


def test_quoted_card_with_source_loads(tmp_path: Path) -> None:
    text = GOOD_CARD.replace(
        "kind: illustrative", "kind: quoted\n    source: a price page"
    )

    card = load_rate_cards(_write(tmp_path, text))["sample-card"]

    assert card.kind is RateKind.QUOTED
    assert "source: a price page" in card.rates[Direction.INPUT].describe()


def test_yaml_float_rate_stays_exact(tmp_path: Path) -> None:
    card = load_rate_cards(_write(tmp_path, GOOD_CARD))["sample-card"]

    assert card.output_usd_per_mtok == Decimal("2.5")


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        pytest.param(
            "    label: Sample card\n",
            "    label: Sample card\n    colour: red\n",
            4,
            "unknown key 'colour'; remove it or use one of id, label, model, "
            "provider, kind, as_of, source, note, rates",
            id="extra-key",
        ),
        pytest.param(
            "      output: 2.5\n",
            '      output: "-2"\n',
            10,
            "-2 is below zero; a price per million tokens must be 0 or more",
            id="negative-rate",
        ),
        pytest.param(
            '      input: "1.00"\n',
            "      input: cheap\n",
            9,
            "'cheap' is not a price; write USD per million tokens as a number "
            "such as 3.00",
            id="rate-not-a-number",
        ),
        pytest.param(
            '      input: "1.00"\n',
            '      input: "1.00"\n      prefill: "1"\n',
            10,
            "unknown rate direction 'prefill'; use one of input, output, "
            "cached_input, cache_write, reasoning",
            id="unknown-direction",
        ),
        pytest.param(
            "    kind: illustrative\n",
            "    kind: guessed\n",
            6,
            "kind 'guessed' is not known; use one of illustrative, quoted",
            id="unknown-kind",
        ),
        pytest.param(
            "    kind: illustrative\n",
            "    kind: quoted\n",
            6,
            "card 'sample-card' is quoted but has no source; add source: with where "
            "the price was published, or mark it illustrative",
            id="quoted-without-source",
        ),
        pytest.param(
            "    as_of: 2026-12-01\n",
            "    as_of: soon\n",
            7,
            "as_of 'soon' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01",
            id="bad-date",
        ),
        pytest.param(
            "    provider: Example Labs\n",
            "",
            2,
            "'provider' is missing; add a provider: line here",
            id="missing-key",
        ),
        pytest.param(
            "      output: 2.5\n",
            "",
            8,
            "card 'sample-card' has no output rate; every card needs both input "
            "and output",
            id="missing-output-rate",
        ),
        pytest.param(
            "  - id: sample-card\n",
            "  - id: Sample Card\n",
            2,
            "id 'Sample Card' is not a valid id; use lowercase letters, digits and "
            "single hyphens, e.g. example-frontier",
            id="bad-id",
        ),
    ],
)
def test_broken_rate_file_reports_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    assert old in GOOD_CARD
    path = _write(tmp_path, GOOD_CARD.replace(old, new))

    with pytest.raises(RateFileError) as caught:
        load_rate_cards(path)

    assert caught.value.problems == [RateFileProblem(path.as_posix(), line, message)]


def test_yaml_syntax_error_reports_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, GOOD_CARD.replace("    label: Sample card", "    label: [oops")
    )

    with pytest.raises(RateFileError) as caught:
        load_rate_cards(path)

    (problem,) = caught.value.problems
    assert problem.line == 4
    assert problem.message.endswith("; fix the YAML syntax here")


def test_duplicate_ids_report_the_second(tmp_path: Path) -> None:
    second = GOOD_CARD.removeprefix("cards:\n")
    path = _write(tmp_path, GOOD_CARD + second)

    with pytest.raises(RateFileError) as caught:
        load_rate_cards(path)

    assert caught.value.problems == [
        RateFileProblem(
            path.as_posix(),
            11,
            "the id 'sample-card' is used twice; give each card its own id",
        )
    ]


def test_every_problem_is_reported_and_printed_with_path_and_line(
    tmp_path: Path,
) -> None:
    text = GOOD_CARD.replace("kind: illustrative", "kind: guessed").replace(
        "as_of: 2026-12-01", "as_of: soon"
    )
    path = _write(tmp_path, text)

    with pytest.raises(RateFileError) as caught:
        load_rate_cards(path)

    assert [problem.line for problem in caught.value.problems] == [6, 7]
    assert str(caught.value).splitlines()[0] == "2 problems in the rate file:"
    assert str(caught.value).splitlines()[1].startswith(f"{path.as_posix()}:6: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "",
            "the file should be a mapping of keys to values; check the indentation",
            id="empty",
        ),
        pytest.param(
            "cards: []\n", "cards is empty; add at least one card", id="no-cards"
        ),
    ],
)
def test_empty_rate_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RateFileError) as caught:
        load_rate_cards(_write(tmp_path, text))

    assert [problem.message for problem in caught.value.problems] == [message]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RateFileError) as caught:
        load_rate_cards(tmp_path / "absent.yaml")

    assert caught.value.problems[0].message == (
        "the rate file cannot be read; check the path"
    )


def test_cache_is_reused_until_the_file_changes(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_CARD)
    first = load_rate_cards(path)

    assert load_rate_cards(path)["sample-card"] is first["sample-card"]

    path.write_text(GOOD_CARD.replace('"1.00"', '"1.25"'), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_rate_cards(path)["sample-card"].input_usd_per_mtok == Decimal("1.25")
