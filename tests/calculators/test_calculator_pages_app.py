"""Every calculator page driven through AppTest: defaults, deep links, errors, page switches."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_page


def open_calculator(
    app: AppTest, name: str, params: dict[str, str] | None = None
) -> AppTest:
    """Open a calculator page the way a link does, with `params` in its URL."""
    if not app._registered_pages:
        app.run()
    app.query_params.clear()
    app.query_params.update(params or {})
    return open_page(app, name)


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def chart(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def share_link(at: AppTest) -> str:
    return at.code[-1].value


def trace(figure: dict, name: str) -> dict:
    return next(item for item in figure["data"] if item.get("name") == name)


DEFAULTS = [
    pytest.param(
        "token-cost",
        "Token cost calculator",
        {
            "Cost per request": "$0.033",
            "Monthly bill": "$33,000",
            "Share from output": "90.9%",
        },
        id="token-cost",
    ),
    pytest.param(
        "gpu-hour-cost",
        "GPU-hour cost calculator",
        {
            "Spend": "$14,600",
            "Useful GPU-hours": "3,504",
            "Cost per useful GPU-hour": "$4.17",
        },
        id="gpu-hour-cost",
    ),
    pytest.param(
        "serving-cost",
        "Model serving cost calculator",
        {
            "Cost per 1M tokens": "$1.39",
            "Cost per hour": "$2.50",
            "Tokens per hour": "1,800,000",
        },
        id="serving-cost",
    ),
    pytest.param(
        "training-cost",
        "AI training cost calculator",
        {
            "Training compute (FLOPs)": "8.4 × 10²²",
            "GPU-hours": "58,982",
            "Wall-clock days": "2.4",
            "Cost": "$147,455",
        },
        id="training-cost",
    ),
    pytest.param(
        "reasoning-cost",
        "Reasoning cost calculator",
        {
            "Cost per request": "$0.0405",
            "Without reasoning": "$0.0105",
            "Reasoning multiplier": "3.9×",
            "Monthly bill": "$40,500",
        },
        id="reasoning-cost",
    ),
    pytest.param(
        "break-even",
        "Self-host break-even calculator",
        {
            "API cost per request": "$0.0135",
            "Self-hosted per month": "$14,600",
            "Break-even (requests/month)": "1,081,482",
            "Capacity (requests/month)": "2,628,000",
        },
        id="break-even",
    ),
    pytest.param(
        "compare-providers",
        "Compare providers calculator",
        {"Provider A, per request": "$0.014", "Provider B, per request": "$0.0416"},
        id="compare-providers",
    ),
]


@pytest.mark.parametrize(("name", "title", "expected"), DEFAULTS)
def test_page_shows_the_reference_scenario(app, name, title, expected):
    at = open_calculator(app, name)

    assert not at.exception
    assert at.title[0].value == title
    assert metrics(at) == expected
    assert chart(at)["data"]
    assert share_link(at).startswith(f"/{name}?")


DEEP_LINKS = [
    pytest.param(
        "token-cost",
        {"input_tokens": "2000", "output_tokens": "500"},
        {
            "Cost per request": "$0.0135",
            "Monthly bill": "$13,500",
            "Share from output": "55.6%",
        },
        id="token-cost: 2,000 x $3 + 500 x $15 per 1M",
    ),
    pytest.param(
        "gpu-hour-cost",
        {"usd_per_gpu_hour": "3", "gpus": "4", "utilization": "80"},
        {
            "Spend": "$8,760",
            "Useful GPU-hours": "2,336",
            "Cost per useful GPU-hour": "$3.75",
        },
        id="gpu-hour-cost: 4 x 730 x $3; 80% useful",
    ),
    pytest.param(
        "serving-cost",
        {"utilization": "100", "api_output_usd_per_mtok": "2"},
        {
            "Cost per 1M tokens": "$0.69",
            "Cost per hour": "$2.50",
            "Tokens per hour": "3,600,000",
            "API price ÷ self-hosted": "2.9×",
        },
        id="serving-cost at exactly 100% with an API price",
    ),
    pytest.param(
        "training-cost",
        {"mfu": "50", "gpus": "2048"},
        {
            "Training compute (FLOPs)": "8.4 × 10²²",
            "GPU-hours": "47,186",
            "Wall-clock days": "1.0",
            "Cost": "$117,964",
        },
        id="training-cost at 50% MFU on 2,048 GPUs",
    ),
    pytest.param(
        "reasoning-cost",
        {"reasoning_tokens": "8000"},
        {
            "Cost per request": "$0.1305",
            "Without reasoning": "$0.0105",
            "Reasoning multiplier": "12.4×",
            "Monthly bill": "$130,500",
        },
        id="reasoning-cost with 8,000 reasoning tokens",
    ),
    pytest.param(
        "break-even",
        {"requests_per_second": "0.4"},
        {
            "API cost per request": "$0.0135",
            "Self-hosted per month": "$14,600",
            "Break-even (requests/month)": "1,081,482",
            "Capacity (requests/month)": "1,051,200",
        },
        id="break-even beyond capacity",
    ),
    pytest.param(
        "compare-providers",
        {"cards": "3", "a_label": "Cheap input", "output_tokens": "2000"},
        {
            "Cheap input, per request": "$0.05",
            "Provider B, per request": "$0.056",
            "Illustrative frontier model, per request": "$0.06",
        },
        id="compare-providers with three cards",
    ),
]


@pytest.mark.parametrize(("name", "params", "expected"), DEEP_LINKS)
def test_deep_link_reproduces_the_scenario(app, name, params, expected):
    at = open_calculator(app, name, params)

    assert not at.exception
    assert metrics(at) == expected
    link = share_link(at)
    for key, value in params.items():
        assert f"{key}={value.replace(' ', '%20')}" in link


def test_gpu_hour_chart_marks_the_linked_utilization(app):
    at = open_calculator(
        app, "gpu-hour-cost", {"utilization": "80", "spot_usd_per_gpu_hour": "1"}
    )

    figure = chart(at)
    marks = [item for item in figure["data"] if item["mode"] == "markers"]
    assert [mark["x"] for mark in marks] == [[80], [80]]
    assert trace(figure, "spot ($1.00 per GPU-hour)")["y"][-1] == 1
    assert figure["layout"]["xaxis"]["title"]["text"] == "utilization (%)"
    assert any("cheapest is spot" in caption.value for caption in at.caption)


def test_serving_chart_draws_the_api_rate(app):
    at = open_calculator(app, "serving-cost", {"api_output_usd_per_mtok": "2"})

    api = trace(chart(at), "API output price ($2.00 per 1M tokens)")

    assert api["y"] == [2, 2]


def test_break_even_chart_marks_the_crossing(app):
    at = open_calculator(app, "break-even")

    figure = chart(at)

    assert trace(figure, "break-even")["x"] == [pytest.approx(1081481.48)]
    assert figure["layout"]["shapes"][0]["x0"] == 2628000


def test_compare_page_notes_the_disagreement(app):
    at = open_calculator(app, "compare-providers")

    warning = at.warning[0].value
    assert warning.startswith("The rankings disagree.")
    assert "\\$5.00" in warning
    assert at.dataframe[0].value["Card"].tolist() == ["Provider A", "Provider B"]
    assert chart(at)["data"][1]["text"] == ["#2 · $5.75", "#1 · $5.00"]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        pytest.param(
            "gpu-hour-cost",
            {"utilization": "150"},
            "Utilization (%) must be at most 100; you entered 150.",
            id="utilization over 100%",
        ),
        pytest.param(
            "serving-cost",
            {"tokens_per_second": "0"},
            "Throughput at full load (tokens per second) must be above 0; "
            "you entered 0.",
            id="zero throughput",
        ),
        pytest.param(
            "training-cost",
            {"mfu": "-40"},
            "Model FLOPs utilization, MFU (%) must be 0 or more; you entered -40.",
            id="negative MFU",
        ),
        pytest.param(
            "break-even",
            {"input_usd_per_mtok": "0", "output_usd_per_mtok": "0"},
            "The API cost per request is $0.00, so self-hosting can never break even;"
            " enter some tokens and an API price above 0.",
            id="free API",
        ),
        pytest.param(
            "compare-providers",
            {"b_input_usd_per_mtok": "-4"},
            "Card B input price (USD per 1M tokens) must be 0 or more; you entered -4.",
            id="negative card rate",
        ),
    ],
)
def test_nonsense_input_gets_an_inline_message(app, name, params, message):
    at = open_calculator(app, name, params)

    assert not at.exception
    assert [error.value for error in at.error] == [message]
    assert not at.get("plotly_chart")
    assert not at.code
    assert "A share link appears once every input makes sense." in [
        c.value for c in at.caption
    ]


def test_share_link_follows_the_inputs(app):
    app.context["url"] = "https://course.example/gpu-hour-cost"
    at = open_calculator(app, "gpu-hour-cost")

    at = at.number_input(key="gpus").set_value(16).run()

    assert share_link(at) == (
        "https://course.example/gpu-hour-cost?"
        "usd_per_gpu_hour=2.5&gpus=16&hours=730&utilization=60"
    )
    assert metrics(at)["Spend"] == "$29,200"


def test_inputs_survive_a_trip_to_other_pages(app):
    at = open_calculator(app, "gpu-hour-cost")
    at = at.number_input(key="gpus").set_value(16).run()
    at = at.number_input(key="utilization").set_value(90).run()

    at = open_calculator(at, "serving-cost")
    assert metrics(at)["Cost per hour"] == "$2.50"
    assert at.number_input(key="utilization").value == 50

    at = open_calculator(at, "cost-per-million-tokens")
    at = open_calculator(at, "gpu-hour-cost")

    assert at.number_input(key="gpus").value == 16
    assert at.number_input(key="utilization").value == 90
    assert metrics(at)["Spend"] == "$29,200"
    assert "gpus=16" in share_link(at)


def test_a_link_wins_over_remembered_inputs(app):
    """1,000 x $3 + (100 + 2,000) x $15 per 1M = $0.003 + $0.0315 = $0.0345."""
    at = open_calculator(app, "reasoning-cost")
    at = at.number_input(key="reasoning_tokens").set_value(500).run()
    at = open_calculator(at, "gpu-hour-cost")

    at = open_calculator(at, "reasoning-cost", {"visible_output_tokens": "100"})

    assert at.number_input(key="reasoning_tokens").value == 2000
    assert metrics(at)["Cost per request"] == "$0.0345"


def test_compare_cards_survive_a_page_switch(app):
    at = open_calculator(app, "compare-providers")
    at = at.text_input(key="a_label").set_value("Cheap input").run()
    at = at.number_input(key="cards").set_value(3).run()

    at = open_calculator(at, "gpu-hour-cost")
    at = open_calculator(at, "compare-providers")

    assert at.text_input(key="a_label").value == "Cheap input"
    assert len(at.metric) == 3
    assert "Cheap input, per request" in metrics(at)


def test_page_links_to_the_lessons_that_embed_it(app):
    at = open_calculator(app, "reasoning-cost")

    labels = [link.proto.label for link in at.get("page_link")]

    assert "Why reasoning models cost more to serve" in labels


@pytest.mark.parametrize(
    ("typed", "cost"),
    [("7 billion", "$147,455"), ("7e9", "$147,455"), ("70B", "$1,474,553")],
)
def test_model_size_can_be_typed_in_words(app, typed, cost):
    """70e9 x 2e12 x 6 = 8.4e23 FLOPs: ten times the 7B run, ten times the bill."""
    at = open_calculator(app, "training-cost")

    at.text_input(key="parameters").set_value(typed).run()

    assert not at.exception
    assert metrics(at)["Cost"] == cost


def test_a_link_that_sets_an_advanced_input_says_so(app):
    """$0.033 a request at a 50% batch discount is $0.0165; x 1,000,000 = $16,500."""
    at = open_calculator(app, "token-cost", {"batch_discount_percent": "50"})

    assert at.expander[0].label == "Advanced inputs"
    assert at.expander[0].proto.expanded
    assert "Advanced inputs in use: Batch discount (%)." in [
        c.value for c in at.caption
    ]
    assert metrics(at)["Monthly bill"] == "$16,500"


def test_labels_do_not_repeat_their_unit(app):
    at = open_calculator(app, "gpu-hour-cost")

    assert at.number_input(key="gpus").label == "GPUs"


def test_a_link_value_that_is_not_a_number_is_explained(app):
    at = open_calculator(app, "token-cost", {"input_usd_per_mtok": "abc"})

    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The link sets `input_usd_per_mtok` to `abc`, which is not a number, so "
        "Input price (USD per 1M tokens) starts from its default instead."
    ]
    assert metrics(at)["Cost per request"] == "$0.033"
