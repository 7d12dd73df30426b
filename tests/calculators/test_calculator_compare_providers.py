"""Compare providers: real-mix ranking beside the 3:1 blend, and lesson parameters."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pytest

from calculators import compare_providers as drawn
from calculators import comparison as compare
from calculators.widgets import view_module
from course.yamlsource import load_yaml
from pricing.errors import InvalidInputs

DATE = dt.date(2026, 12, 1)


def card(label, input_rate, output_rate, **extra):
    values = {
        "label": label,
        "model": f"model-{label.lower()}",
        "input_usd_per_mtok": input_rate,
        "output_usd_per_mtok": output_rate,
        "as_of": DATE,
        "kind": "illustrative",
    }
    return compare.CardEntry(**(values | extra))


def scenario(*cards, input_tokens=10_000, output_tokens=200, requests=1_000_000):
    return compare.Scenario(
        cards=cards,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        requests_per_month=requests,
    )


A = card("A", "1", "20")
B = card("B", "4", "8")


def test_view_module_finds_this_calculator():
    assert view_module("compare-providers") is drawn
    assert drawn.check_compare_params is compare.check_compare_params


def test_default_scenario_is_the_issue_reference():
    start = compare.default_scenario()

    assert [entry.label for entry in start.cards] == ["Provider A", "Provider B"]
    assert [
        (entry.input_usd_per_mtok, entry.output_usd_per_mtok) for entry in start.cards
    ] == [(Decimal("1.00"), Decimal("20.00")), (Decimal("4.00"), Decimal("8.00"))]
    assert (start.input_tokens, start.output_tokens) == (10_000, 200)


def test_reference_rankings_disagree():
    """A: 10,000 x $1 + 200 x $20 per 1M = $0.01 + $0.004 = $0.014.

    B: 10,000 x $4 + 200 x $8 per 1M = $0.04 + $0.0016 = $0.0416.
    Blends at 3:1: A (3 + 20) / 4 = $5.75, B (12 + 8) / 4 = $5.00.
    """
    comparison = compare.price(scenario(A, B)).comparison

    a, b = comparison.rows
    assert (a.cost_per_request_usd, b.cost_per_request_usd) == (
        Decimal("0.014"),
        Decimal("0.0416"),
    )
    assert (a.monthly_usd, b.monthly_usd) == (Decimal("14000"), Decimal("41600"))
    assert (a.blended_usd_per_mtok, b.blended_usd_per_mtok) == (
        Decimal("5.75"),
        Decimal("5"),
    )
    assert (a.rank_by_mix, b.rank_by_mix) == (1, 2)
    assert (a.rank_by_blend, b.rank_by_blend) == (2, 1)
    assert comparison.rankings_disagree


def test_disagreement_note_names_both_rankings():
    comparison = compare.price(scenario(A, B)).comparison

    assert compare.disagreement(comparison) == (
        "The rankings disagree. A 3:1 blended rate puts B first (per 1M tokens: "
        "B $5.00, A $5.75), but for 10,000 input and 200 output tokens per request "
        "A is cheapest (per request: A $0.014, B $0.0416). A blend describes only "
        "the mix it assumes; rank by your own."
    )


def test_a_3_to_1_mix_agrees_with_the_blend():
    """3,000 in, 1,000 out: A $0.003 + $0.02 = $0.023; B $0.012 + $0.008 = $0.02."""
    comparison = compare.price(
        scenario(A, B, input_tokens=3000, output_tokens=1000)
    ).comparison

    assert not comparison.rankings_disagree
    assert compare.disagreement(comparison) == ""
    assert compare.agreement(comparison) == (
        "Both rankings agree: B is cheapest for 3,000 input and 1,000 output tokens "
        "per request and by the 3:1 blended rate."
    )


def test_equal_costs_share_a_rank():
    comparison = compare.price(scenario(A, card("C", "1", "20"))).comparison

    assert [row.rank_by_mix for row in comparison.rows] == [1, 1]
    assert not comparison.rankings_disagree


def test_four_cards_are_ranked():
    cards = compare.default_cards()

    comparison = compare.price(scenario(*cards)).comparison

    assert [row.label for row in comparison.rows] == [
        "Provider A",
        "Provider B",
        "Illustrative frontier model",
        "Illustrative small model",
    ]
    assert [row.rank_by_mix for row in comparison.rows] == [2, 4, 3, 1]


REJECTED = [
    pytest.param(
        scenario(A),
        "cards",
        "A comparison needs 2 to 4 rate cards; you gave 1.",
        id="one card",
    ),
    pytest.param(
        scenario(A, B, A, B, A),
        "cards",
        "A comparison needs 2 to 4 rate cards; you gave 5.",
        id="five cards",
    ),
    pytest.param(
        scenario(A, card("", "4", "8")),
        "b_label",
        "Card B label is empty; enter a name such as Provider A.",
        id="empty label",
    ),
    pytest.param(
        scenario(A, card("a", "4", "8")),
        "b_label",
        "Card B has the same label as card A ('a'); give each card its own label.",
        id="same label",
    ),
    pytest.param(
        scenario(A, card("B", "-4", "8")),
        "b_input_usd_per_mtok",
        "Card B input price (USD per 1M tokens) must be 0 or more; you entered -4.",
        id="negative rate",
    ),
    pytest.param(
        scenario(A, card("B", "4", None)),
        "b_output_usd_per_mtok",
        "Card B output price (USD per 1M tokens) is empty; enter a number.",
        id="empty rate",
    ),
    pytest.param(
        scenario(A, card("B", "4", "8", as_of="yesterday")),
        "b_as_of",
        "Card B date must be a date like 2026-12-01, the day the rates hold for; "
        "you entered 'yesterday'.",
        id="not a date",
    ),
    pytest.param(
        scenario(A, card("B", "4", "8", kind="rumoured")),
        "b_kind",
        "Card B kind must be illustrative or quoted; you entered 'rumoured'.",
        id="unknown kind",
    ),
    pytest.param(
        scenario(A, card("B", "4", "8", kind="quoted")),
        "b_source",
        "Card B is a quoted price but has no source; say where it was published, "
        "or mark it illustrative.",
        id="quoted without source",
    ),
    pytest.param(
        scenario(A, B, output_tokens=-1),
        "output_tokens",
        "Output tokens per request must be 0 or more; you entered -1.",
        id="negative output tokens",
    ),
    pytest.param(
        scenario(A, B, input_tokens=None),
        "input_tokens",
        "Input tokens per request is empty; enter a whole number.",
        id="empty input tokens",
    ),
]


@pytest.mark.parametrize(("entered", "field", "message"), REJECTED)
def test_rejected_inputs(entered, field, message):
    with pytest.raises(InvalidInputs) as error:
        compare.price(entered)

    assert error.value.messages_for(field) == (message,)


def test_quoted_card_with_a_source_is_accepted_and_flagged_as_mixed():
    quoted = card("B", "4", "8", kind="quoted", source="example.com/pricing")

    result = compare.price(scenario(A, quoted))

    assert result.comparison.mixes_kinds
    assert compare.kind_caption(result.comparison).startswith(
        "Illustrative and quoted rates are mixed here"
    )
    assert [row["Source"] for row in compare.table(result)] == [
        "—",
        "example.com/pricing",
    ]


def test_table_is_ranked_by_the_mix_with_units():
    rows = compare.table(compare.price(scenario(A, B)))

    assert rows == [
        {
            "Rank (your mix)": "1",
            "Card": "A",
            "Per request": "$0.014",
            "Per month": "$14,000",
            "3:1 blend, per 1M tokens": "$5.75",
            "Rank (3:1 blend)": "2",
            "Rates": "illustrative, 2026-12-01",
        },
        {
            "Rank (your mix)": "2",
            "Card": "B",
            "Per request": "$0.0416",
            "Per month": "$41,600",
            "3:1 blend, per 1M tokens": "$5.00",
            "Rank (3:1 blend)": "1",
            "Rates": "illustrative, 2026-12-01",
        },
    ]


def test_chart_sets_both_rankings_side_by_side():
    chart = drawn.figure(compare.price(scenario(A, B)).comparison).to_plotly_json()

    mix, blend = chart["data"]
    assert list(mix["x"]) == ["A", "B"]
    assert list(mix["y"]) == [0.014, 0.0416]
    assert list(mix["text"]) == ["#1 · $0.014", "#2 · $0.0416"]
    assert list(blend["y"]) == [5.75, 5.0]
    assert list(blend["text"]) == ["#2 · $5.75", "#1 · $5.00"]
    assert chart["layout"]["yaxis"]["title"]["text"] == "USD per request"
    assert chart["layout"]["yaxis2"]["title"]["text"] == "USD per 1M tokens (3:1 blend)"


def test_steps_show_the_arithmetic():
    lines = compare.steps(compare.price(scenario(A, B)).comparison)

    assert lines[0] == (
        "A: 10,000 tokens × $1.00 per 1M tokens + 200 tokens × $20.00 per 1M tokens "
        "= **$0.014** per request; × 1,000,000 requests = **$14,000** a month"
    )
    assert (
        lines[1] == "A blended: (3 × $1.00 + 1 × $20.00) ÷ 4 = **$5.75 per 1M tokens**"
    )


def test_csv_has_one_row_per_card():
    text = compare.csv_text(compare.price(scenario(A, B)))

    lines = text.strip().splitlines()
    assert lines[0].startswith("label,model,kind,as_of,source,")
    assert lines[1] == (
        "A,model-a,illustrative,2026-12-01,,1,20,10000,200,1000000,0.014,14000.000,"
        "5.75,1,2"
    )


def test_query_keys_follow_the_card_count():
    keys = drawn.query_keys(3)

    assert keys[0] == "cards"
    assert "c_output_usd_per_mtok" in keys
    assert "d_label" not in keys
    assert keys[-3:] == ("input_tokens", "output_tokens", "requests_per_month")


def test_widget_defaults_cover_four_cards():
    values = drawn.widget_defaults()

    assert values["cards"] == 2
    assert values["a_input_usd_per_mtok"] == 1.0
    assert values["b_output_usd_per_mtok"] == 8.0
    assert values["d_label"] == "Illustrative small model"
    assert values["a_as_of"] == DATE
    assert set(values) == set(drawn.query_keys(4))


# Lesson parameters, as the checker sees a `{calculator} compare-providers` block.

BLOCK = """\
input_tokens: 10000
output_tokens: 200
cards:
  - provider-a
  - label: Provider B
    model: sample-chat-b
    input_usd_per_mtok: 4
    output_usd_per_mtok: 8
    as_of: 2026-12-01
    kind: illustrative
"""


def check(text: str) -> list[str]:
    source = load_yaml(text, first_line=20)
    problems = compare.check_compare_params(
        source.data, source=source, path="lessons/x.md"
    )
    return [str(problem) for problem in problems]


def test_a_good_block_has_no_problems():
    source = load_yaml(BLOCK)

    start, problems = compare.scenario_from_params(source.data)

    assert problems == []
    assert [entry.label for entry in start.cards] == ["Provider A", "Provider B"]
    assert check(BLOCK) == []


def test_a_block_without_cards_starts_from_the_reference():
    start, problems = compare.scenario_from_params({"output_tokens": 400})

    assert problems == []
    assert [entry.label for entry in start.cards] == ["Provider A", "Provider B"]
    assert start.output_tokens == 400


LESSON_PROBLEMS = [
    pytest.param(
        BLOCK + "blend: 3\n",
        "lessons/x.md:30: unknown parameter `blend` for compare-providers; "
        "use one of: cards, input_tokens, output_tokens, requests_per_month",
        id="unknown parameter",
    ),
    pytest.param(
        BLOCK.replace("provider-a", "provider-z"),
        "lessons/x.md:23: unknown rate card `provider-z`; use one of: "
        "illustrative-frontier, illustrative-small, illustrative-reasoning, "
        "provider-a, provider-b; or write the card out",
        id="unknown card id",
    ),
    pytest.param(
        BLOCK.replace("input_usd_per_mtok: 4", "input_usd_per_mtok: -4"),
        "lessons/x.md:26: Card B input price (USD per 1M tokens) must be 0 or "
        "more; you entered -4; change `input_usd_per_mtok` in card 2",
        id="negative rate on its line",
    ),
    pytest.param(
        BLOCK.replace("kind: illustrative", "kind: quoted"),
        "lessons/x.md:24: Card B is a quoted price but has no source; say where it "
        "was published, or mark it illustrative; change `source` in card 2",
        id="quoted without source",
    ),
    pytest.param(
        BLOCK.replace("    as_of: 2026-12-01\n", ""),
        "lessons/x.md:24: card 2 has no `as_of`; add `as_of:` to card 2",
        id="missing date",
    ),
    pytest.param(
        BLOCK.replace("    kind: illustrative\n", "    price: 3\n"),
        "lessons/x.md:29: unknown key `price` in card 2; use: label, model, "
        "input_usd_per_mtok, output_usd_per_mtok, as_of, kind, source",
        id="unknown card key",
    ),
    pytest.param(
        "cards:\n  - provider-a\n",
        "lessons/x.md:20: compare-providers needs 2 to 4 rate cards; this block "
        "has 1; add or remove cards under `cards:`",
        id="one card",
    ),
    pytest.param(
        "cards: provider-a\n",
        "lessons/x.md:20: `cards` must be a list of rate cards; write each card on "
        "its own `- ` line: a rate card id or a mapping",
        id="not a list",
    ),
    pytest.param(
        BLOCK.replace("output_tokens: 200", "output_tokens: -200"),
        "lessons/x.md:21: Output tokens per request must be 0 or more; you entered "
        "-200; change `output_tokens` in this block",
        id="negative tokens",
    ),
]


@pytest.mark.parametrize(("text", "problem"), LESSON_PROBLEMS)
def test_lesson_problems_point_at_their_line(text, problem):
    assert check(text) == [problem]


def test_specs_route_compare_embeds_to_this_checker():
    from calculators.specs import check_params

    source = load_yaml("cards: provider-a\n")

    problems = check_params(
        "compare-providers", source.data, source=source, path="lessons/x.md"
    )

    assert [problem.message for problem in problems] == [
        "`cards` must be a list of rate cards"
    ]


def test_checking_a_lesson_block_needs_no_streamlit():
    code = (
        "import sys, calculators.comparison, calculators.specs; "
        "print(sorted({'streamlit', 'plotly'} & set(sys.modules)))"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"
