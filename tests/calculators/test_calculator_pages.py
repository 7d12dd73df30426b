"""Standalone page helpers: URL parameter text, share links, parameter names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calculators import pages
from calculators.specs import SPECS

ISSUE_PARAMETERS = {
    "token-cost": (
        "input_tokens",
        "output_tokens",
        "input_usd_per_mtok",
        "output_usd_per_mtok",
        "requests_per_month",
    ),
    "gpu-hour-cost": ("usd_per_gpu_hour", "gpus", "hours", "utilization"),
    "serving-cost": (
        "usd_per_gpu_hour",
        "gpus",
        "tokens_per_second",
        "utilization",
        "api_output_usd_per_mtok",
    ),
    "training-cost": (
        "parameters",
        "tokens",
        "peak_tflops",
        "mfu",
        "usd_per_gpu_hour",
        "gpus",
    ),
    "reasoning-cost": (
        "input_tokens",
        "visible_output_tokens",
        "reasoning_tokens",
        "input_usd_per_mtok",
        "output_usd_per_mtok",
        "requests_per_month",
    ),
    "break-even": (
        "input_tokens",
        "output_tokens",
        "input_usd_per_mtok",
        "output_usd_per_mtok",
        "usd_per_gpu_hour",
        "gpus",
        "hours",
        "requests_per_second",
    ),
}


@pytest.mark.parametrize("name", list(ISSUE_PARAMETERS))
def test_pages_take_the_parameters_the_issue_names(name):
    keys = pages.query_keys(name)

    assert keys[: len(ISSUE_PARAMETERS[name])] == ISSUE_PARAMETERS[name]


def test_every_calculator_has_a_page_path_and_a_question():
    for name, spec in SPECS.items():
        assert spec.url_path == name
        assert pages.question(name).endswith("?")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param(8, "8", id="int"),
        pytest.param(2.5, "2.5", id="float"),
        pytest.param(60.0, "60", id="whole float"),
        pytest.param(0.1, "0.1", id="float stays short"),
        pytest.param(7_000_000_000, "7000000000", id="large int"),
        pytest.param(Decimal("1.50"), "1.5", id="decimal"),
        pytest.param(dt.date(2026, 12, 1), "2026-12-01", id="date"),
        pytest.param("Provider A", "Provider A", id="text"),
        pytest.param(None, None, id="empty number is left out"),
        pytest.param("", None, id="empty text is left out"),
    ],
)
def test_parameter_text(value, text):
    assert pages.parameter_text(value) == text


def test_share_link_uses_the_page_url():
    link = pages.share_link(
        "gpu-hour-cost",
        {"usd_per_gpu_hour": 2.5, "gpus": 8, "spot_usd_per_gpu_hour": None},
        page_url="https://course.example/gpu-hour-cost",
    )

    assert link == "https://course.example/gpu-hour-cost?usd_per_gpu_hour=2.5&gpus=8"


def test_share_link_adds_the_page_path_when_missing():
    link = pages.share_link(
        "compare-providers",
        {"a_label": "Provider A"},
        page_url="http://127.0.0.1:8501/",
    )

    assert link == "http://127.0.0.1:8501/compare-providers?a_label=Provider%20A"


def test_share_link_without_a_page_url_is_relative():
    assert pages.share_link("break-even", {"gpus": 8}, page_url=None) == (
        "/break-even?gpus=8"
    )


def test_widget_defaults_match_what_the_widgets_start_with():
    assert pages.widget_defaults("gpu-hour-cost") == {
        "usd_per_gpu_hour": 2.5,
        "gpus": 8,
        "hours": 730.0,
        "utilization": 60.0,
        "committed_usd_per_gpu_hour": None,
        "spot_usd_per_gpu_hour": None,
    }


def test_compare_keys_include_all_four_cards_when_asked():
    keys = pages.query_keys("compare-providers", every=True)

    assert "d_source" in keys
    assert "cards" in keys
