"""What only a browser shows: calculators opened by deep link, charts drawn, URLs kept."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page, wait_for_app

pytestmark = pytest.mark.browser

CHART = "[data-testid=stPlotlyChart] .main-svg"
METRIC = "[data-testid=stMetricValue]"


def wait_for_metric(page, value: str) -> None:
    page.locator(METRIC).get_by_text(value, exact=True).wait_for()


DEEP_LINKS = [
    pytest.param(
        "gpu-hour-cost?usd_per_gpu_hour=3&gpus=4&utilization=80&spot_usd_per_gpu_hour=1",
        "GPU-hour cost calculator",
        ["$8,760", "2,336", "$3.75"],
        "cheapest is spot",
        id="gpu-hour-cost",
    ),
    pytest.param(
        "serving-cost?utilization=100&api_output_usd_per_mtok=2",
        "Model serving cost calculator",
        ["$0.69", "$2.50", "3,600,000", "2.9×"],
        "Above 34.7% utilization self-hosting costs less",
        id="serving-cost",
    ),
    pytest.param(
        "training-cost?mfu=50&gpus=2048",
        "AI training cost calculator",
        ["8.4 × 10²²", "47,186", "1.0", "$117,964"],
        "MFU divides straight into the bill",
        id="training-cost",
    ),
    pytest.param(
        "break-even?requests_per_second=0.4",
        "Self-host break-even calculator",
        [
            "$0.0135",
            "$14,600",
            "1,081,482",
            "1,051,200",
        ],
        "short of the 1,081,482 needed to break even",
        id="break-even",
    ),
    pytest.param(
        "compare-providers?cards=3&a_label=Cheap%20input&output_tokens=2000",
        "Compare providers calculator",
        ["$0.05", "$0.056", "$0.06"],
        "The rankings disagree.",
        id="compare-providers",
    ),
]


@pytest.mark.parametrize(("link", "title", "figures", "words"), DEEP_LINKS)
def test_deep_link_shows_the_scenario_and_a_drawn_chart(
    page, app_url, link, title, figures, words
):
    open_page(page, f"{app_url}/{link}")

    page.wait_for_selector(CHART)
    assert page.locator("h1").first.inner_text() == title
    shown = page.locator(METRIC).all_inner_texts()
    assert shown == figures
    assert words in page.inner_text("body")
    assert page.locator("[data-testid=stPlotlyChart]").count() == 1
    share = page.locator("[data-testid=stCode]").inner_text()
    path, _, query = link.partition("?")
    assert share.startswith(f"{app_url}/{path}?")
    for pair in query.split("&"):
        assert pair in share


def test_a_changed_input_reaches_the_url_and_the_share_link(page, app_url):
    open_page(page, f"{app_url}/gpu-hour-cost")

    field = page.get_by_label("GPUs", exact=True)
    field.fill("16")
    field.press("Enter")
    wait_for_app(page)

    wait_for_metric(page, "$29,200")
    page.wait_for_url("**/gpu-hour-cost?gpus=16")
    assert "gpus=16" in page.locator("[data-testid=stCode]").inner_text()
    page.wait_for_selector(CHART)


def test_inputs_come_back_after_visiting_another_calculator(page, app_url):
    open_page(page, f"{app_url}/gpu-hour-cost?gpus=4&utilization=80")
    wait_for_metric(page, "$7,300")

    page.get_by_role("link", name="Model serving cost", exact=True).click()
    page.wait_for_url("**/serving-cost")
    wait_for_app(page)
    page.get_by_text("Model serving cost calculator").wait_for()
    assert page.locator(METRIC).first.inner_text() == "$1.39"

    page.get_by_role("link", name="GPU-hour cost", exact=True).click()
    page.wait_for_url("**/gpu-hour-cost?**")
    wait_for_app(page)

    wait_for_metric(page, "$7,300")
    assert "gpus=4" in page.url
    assert "utilization=80" in page.url
    page.wait_for_selector(CHART)
