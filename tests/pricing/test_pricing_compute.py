"""GPU-hour, serving, training, reasoning, break-even and provider comparison."""

from datetime import date
from decimal import Decimal

import pytest

from pricing.compute import (
    HOURS_PER_MONTH,
    SECONDS_PER_HOUR,
    CardRates,
    GpuHourCost,
    ServingCost,
    break_even,
    capacity_requests_per_month,
    compare_rate_cards,
    gpu_hour_cost,
    reasoning_cost,
    self_hosted_usd_per_month,
    serving_cost,
    training_cost,
)
from pricing.errors import InvalidInputs
from pricing.rates import RateKind
from pricing.tokens import Usage


def test_constants() -> None:
    assert Decimal(730) == HOURS_PER_MONTH
    assert Decimal(3600) == SECONDS_PER_HOUR


def test_gpu_hour_cost_reference() -> None:
    """8 GPUs × 730 h = 5,840 GPU-h; × $2.50 = $14,600; × 60% = 3,504 useful."""
    result = gpu_hour_cost(
        usd_per_gpu_hour=Decimal("2.50"),
        gpus=8,
        hours=730,
        utilization_percent=Decimal("60"),
    )

    assert result == GpuHourCost(
        spend_usd=Decimal("14600"),
        gpu_hours=Decimal("5840"),
        useful_gpu_hours=Decimal("3504"),
        usd_per_useful_gpu_hour=Decimal("14600") / Decimal("3504"),
    )
    assert round(result.usd_per_useful_gpu_hour, 4) == Decimal("4.1667")


@pytest.mark.parametrize(
    ("utilization_percent", "message"),
    [
        pytest.param(Decimal("100"), None, id="exactly-100"),
        pytest.param(
            Decimal("100.1"),
            "Utilization (%) must be at most 100; you entered 100.1.",
            id="one-tenth-past-100",
        ),
        pytest.param(
            Decimal("0"), "Utilization (%) must be above 0; you entered 0.", id="zero"
        ),
    ],
)
def test_gpu_hour_cost_utilization_limits(
    utilization_percent: Decimal, message: str | None
) -> None:
    def run() -> GpuHourCost:
        return gpu_hour_cost(
            usd_per_gpu_hour=Decimal("2.50"),
            gpus=8,
            hours=730,
            utilization_percent=utilization_percent,
        )

    if message is None:
        assert run().usd_per_useful_gpu_hour == Decimal("2.50")
    else:
        with pytest.raises(InvalidInputs) as caught:
            run()
        assert str(caught.value) == message


@pytest.mark.parametrize(
    ("utilization_percent", "expected_usd_per_mtok"),
    [
        pytest.param(Decimal("50"), Decimal("2.50") / Decimal("1.8"), id="half-load"),
        pytest.param(Decimal("100"), Decimal("2.50") / Decimal("3.6"), id="full-load"),
    ],
)
def test_serving_cost_reference(
    utilization_percent: Decimal, expected_usd_per_mtok: Decimal
) -> None:
    """1,000 tok/s × 3,600 s × 50% = 1.8M tokens/h; $2.50 / 1.8 = $1.3888..."""
    result = serving_cost(
        usd_per_gpu_hour=Decimal("2.50"),
        gpus=1,
        tokens_per_second=Decimal("1000"),
        utilization_percent=utilization_percent,
    )

    assert result.usd_per_mtok == expected_usd_per_mtok
    assert result.usd_per_hour == Decimal("2.50")


def test_serving_cost_half_load_digits() -> None:
    result = serving_cost(
        usd_per_gpu_hour=Decimal("2.50"),
        gpus=1,
        tokens_per_second=Decimal("1000"),
        utilization_percent=Decimal("50"),
    )

    assert result == ServingCost(
        usd_per_hour=Decimal("2.50"),
        tokens_per_hour=Decimal("1800000"),
        usd_per_mtok=Decimal("1.388888888888888888888888889"),
    )


def test_serving_cost_rejects_zero_throughput() -> None:
    with pytest.raises(InvalidInputs) as caught:
        serving_cost(
            usd_per_gpu_hour=Decimal("2.50"),
            gpus=1,
            tokens_per_second=Decimal("0"),
            utilization_percent=Decimal("50"),
        )

    assert str(caught.value) == "Tokens per second must be above 0; you entered 0."


def test_training_cost_reference() -> None:
    """6 × 7e9 × 2e12 = 8.4e22 FLOPs; 989e12 × 40% = 3.956e14 FLOP/s per GPU.

    8.4e22 / 3.956e14 / 3,600 = 58,982.14 GPU-hours; / 1,024 / 24 = 2.4 days;
    × $2.50 = $147,455.34.
    """
    result = training_cost(
        parameters=7_000_000_000,
        tokens=2_000_000_000_000,
        peak_tflops=Decimal("989"),
        mfu_percent=Decimal("40"),
        usd_per_gpu_hour=Decimal("2.50"),
        gpus=1024,
    )

    assert result.training_flops == Decimal("8.4E22")
    assert result.flops_per_second_per_gpu == Decimal("3.956E14")
    assert round(result.gpu_hours, 2) == Decimal("58982.14")
    assert round(result.wall_clock_days, 1) == Decimal("2.4")
    assert round(result.cost_usd, 2) == Decimal("147455.34")


def test_training_cost_takes_floats_from_yaml() -> None:
    """YAML reads 7e9 as a float; it must still give exactly 8.4e22 FLOPs."""
    result = training_cost(
        parameters=7e9,
        tokens=2e12,
        peak_tflops=989,
        mfu_percent=40,
        usd_per_gpu_hour=2.5,
        gpus=1024,
    )

    assert result.training_flops == Decimal("8.4E22")


def test_training_cost_rejects_mfu_past_100() -> None:
    with pytest.raises(InvalidInputs) as caught:
        training_cost(
            parameters=7e9,
            tokens=2e12,
            peak_tflops=989,
            mfu_percent=Decimal("100.1"),
            usd_per_gpu_hour=2.5,
            gpus=1024,
        )

    assert str(caught.value) == "MFU (%) must be at most 100; you entered 100.1."


def test_reasoning_cost_reference() -> None:
    """With: 0.003 + 0.0075 + 0.03 = 0.0405. Without: 0.003 + 0.0075 = 0.0105."""
    result = reasoning_cost(
        input_tokens=1000,
        visible_output_tokens=500,
        reasoning_tokens=2000,
        input_usd_per_mtok=Decimal("3"),
        output_usd_per_mtok=Decimal("15"),
    )

    assert result.with_reasoning.total_usd == Decimal("0.0405")
    assert result.with_reasoning.reasoning_usd == Decimal("0.03")
    assert result.without_reasoning.total_usd == Decimal("0.0105")
    assert result.multiplier == Decimal("0.0405") / Decimal("0.0105")
    assert round(result.multiplier, 3) == Decimal("3.857")


def test_reasoning_cost_rejects_nothing_to_compare() -> None:
    with pytest.raises(InvalidInputs) as caught:
        reasoning_cost(
            input_tokens=0,
            visible_output_tokens=0,
            reasoning_tokens=2000,
            input_usd_per_mtok=Decimal("3"),
            output_usd_per_mtok=Decimal("15"),
        )

    assert str(caught.value) == (
        "Without reasoning this request costs $0.00, so there is nothing to compare "
        "against; enter some input or visible output tokens and a price above 0."
    )


def test_break_even_reference() -> None:
    """$14,600 / $0.0135 = 1,081,481.48 requests, shown rounded up to 1,081,482."""
    result = break_even(
        api_usd_per_request=Decimal("0.0135"),
        self_hosted_usd_per_month=Decimal("14600"),
        capacity_requests_per_month=Decimal("2628000"),
    )

    assert result.break_even_requests_per_month == Decimal("14600") / Decimal("0.0135")
    assert round(result.break_even_requests_per_month, 2) == Decimal("1081481.48")
    assert result.whole_requests_to_break_even == 1_081_482
    assert result.capacity_covers is True
    assert result.headroom_requests_per_month == (
        Decimal("2628000") - result.break_even_requests_per_month
    )


@pytest.mark.parametrize(
    ("capacity", "covers"),
    [
        pytest.param(Decimal("1000000"), True, id="exactly-break-even"),
        pytest.param(Decimal("999999"), False, id="one-short-of-break-even"),
    ],
)
def test_break_even_capacity_threshold(capacity: Decimal, covers: bool) -> None:
    """$10,000 / $0.01 = 1,000,000 requests to break even."""
    result = break_even(
        api_usd_per_request=Decimal("0.01"),
        self_hosted_usd_per_month=Decimal("10000"),
        capacity_requests_per_month=capacity,
    )

    assert result.capacity_covers is covers


def test_break_even_rejects_free_api() -> None:
    with pytest.raises(InvalidInputs) as caught:
        break_even(
            api_usd_per_request=Decimal("0"),
            self_hosted_usd_per_month=Decimal("14600"),
            capacity_requests_per_month=Decimal("2628000"),
        )

    assert caught.value.problems[0].field == "api_usd_per_request"


def test_self_hosted_month_and_capacity() -> None:
    """$2.50 × 8 GPUs × 730 h = $14,600; 1 req/s × 3,600 × 730 = 2,628,000."""
    assert self_hosted_usd_per_month(
        usd_per_gpu_hour=Decimal("2.50"), gpus=8, hours=730
    ) == Decimal("14600")
    assert capacity_requests_per_month(
        requests_per_second=Decimal("1"), hours=730
    ) == Decimal("2628000")


def _card(label: str, input_rate: str, output_rate: str, kind: RateKind) -> CardRates:
    return CardRates(
        label=label,
        model=label.lower().replace(" ", "-"),
        input_usd_per_mtok=Decimal(input_rate),
        output_usd_per_mtok=Decimal(output_rate),
        as_of=date(2026, 12, 1),
        kind=kind,
    )


PROVIDER_A = _card("Provider A", "1", "20", RateKind.ILLUSTRATIVE)
PROVIDER_B = _card("Provider B", "4", "8", RateKind.ILLUSTRATIVE)


def test_compare_reference_rankings_disagree() -> None:
    """A: 10,000 × 1 + 200 × 20 = 0.014; B: 10,000 × 4 + 200 × 8 = 0.0416 (per 1M).

    Blends at 3:1 rank them the other way: A 5.75, B 5.00.
    """
    comparison = compare_rate_cards(
        cards=[PROVIDER_A, PROVIDER_B],
        usage=Usage(input_tokens=10_000, output_tokens=200),
        requests_per_month=1_000_000,
    )

    rows = {row.label: row for row in comparison.rows}
    assert rows["Provider A"].cost_per_request_usd == Decimal("0.014")
    assert rows["Provider B"].cost_per_request_usd == Decimal("0.0416")
    assert rows["Provider A"].monthly_usd == Decimal("14000")
    assert rows["Provider A"].blended_usd_per_mtok == Decimal("5.75")
    assert rows["Provider B"].blended_usd_per_mtok == Decimal("5.00")
    assert (rows["Provider A"].rank_by_mix, rows["Provider A"].rank_by_blend) == (1, 2)
    assert (rows["Provider B"].rank_by_mix, rows["Provider B"].rank_by_blend) == (2, 1)
    assert comparison.rankings_disagree is True
    assert comparison.mixes_kinds is False


def test_compare_agrees_and_shares_tied_ranks() -> None:
    twin = _card("Provider A twin", "1", "20", RateKind.QUOTED)

    comparison = compare_rate_cards(
        cards=[PROVIDER_A, twin],
        usage=Usage(input_tokens=10_000, output_tokens=200),
        requests_per_month=1000,
    )

    assert [row.rank_by_mix for row in comparison.rows] == [1, 1]
    assert comparison.rankings_disagree is False
    assert comparison.mixes_kinds is True


@pytest.mark.parametrize(
    ("count", "message"),
    [
        pytest.param(
            1, "A comparison needs 2 to 4 rate cards; you picked 1.", id="one"
        ),
        pytest.param(2, None, id="two"),
        pytest.param(4, None, id="four"),
        pytest.param(
            5, "A comparison needs 2 to 4 rate cards; you picked 5.", id="five"
        ),
    ],
)
def test_compare_card_count(count: int, message: str | None) -> None:
    cards = [PROVIDER_A, PROVIDER_B, PROVIDER_A, PROVIDER_B, PROVIDER_A][:count]

    def run() -> object:
        return compare_rate_cards(
            cards=cards,
            usage=Usage(input_tokens=1, output_tokens=1),
            requests_per_month=1,
        )

    if message is None:
        assert len(run().rows) == count
    else:
        with pytest.raises(InvalidInputs) as caught:
            run()
        assert str(caught.value) == message
