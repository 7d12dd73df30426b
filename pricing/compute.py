"""The GPU side of the bill: renting GPUs, serving, training, and when to self-host."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pricing.errors import InputProblem, InvalidInputs, PricingError
from pricing.money import MILLION, format_usd, to_decimal
from pricing.rates import RateCard, RateKind
from pricing.tokens import (
    RequestCost,
    TokenPrices,
    Usage,
    blended_usd_per_mtok,
    monthly_cost,
    request_cost,
)

logger = logging.getLogger(__name__)

HOURS_PER_MONTH = Decimal(730)
SECONDS_PER_HOUR = Decimal(3600)
HOURS_PER_DAY = Decimal(24)
FLOPS_PER_PARAMETER_PER_TOKEN = Decimal(6)
"""Training FLOPs per parameter per token: about 2 forward and 4 backward."""

_HUNDRED = Decimal(100)
_TERA = Decimal(10) ** 12


class _Checked:
    """Collects every problem in a call's arguments before raising them together."""

    def __init__(self) -> None:
        self.problems: list[InputProblem] = []

    def number(
        self,
        value: object,
        *,
        field: str,
        words: str,
        above_zero: bool = False,
        at_most: Decimal | None = None,
    ) -> Decimal:
        """The argument as a Decimal, or a recorded problem and a harmless 1."""
        try:
            number = to_decimal(value, name=words)
        except PricingError as error:
            return self._reject(field, str(error))

        if number < 0:
            return self._reject(
                field, f"{words} must be 0 or more; you entered {number:f}."
            )

        if above_zero and number == 0:
            return self._reject(field, f"{words} must be above 0; you entered 0.")

        if at_most is not None and number > at_most:
            return self._reject(
                field, f"{words} must be at most {at_most:f}; you entered {number:f}."
            )

        return number

    def _reject(self, field: str, message: str) -> Decimal:
        self.problems.append(InputProblem(field=field, message=message))
        return Decimal(1)

    def raise_if_any(self) -> None:
        """Raise InvalidInputs when any argument was rejected."""
        if self.problems:
            raise InvalidInputs(self.problems)


@dataclass(frozen=True, kw_only=True)
class GpuHourCost:
    """What renting GPUs costs, and what each hour of real work ends up costing."""

    spend_usd: Decimal
    """Everything paid for the rented GPU-hours, busy or idle."""

    gpu_hours: Decimal
    useful_gpu_hours: Decimal
    """GPU-hours spent doing work: GPU-hours times utilization."""

    usd_per_useful_gpu_hour: Decimal


def gpu_hour_cost(
    *,
    usd_per_gpu_hour: Decimal,
    gpus: Decimal | int,
    hours: Decimal | int,
    utilization_percent: Decimal,
) -> GpuHourCost:
    """Spend on rented GPUs, and the price of each hour they are actually busy."""
    checked = _Checked()
    price = checked.number(
        usd_per_gpu_hour, field="usd_per_gpu_hour", words="GPU price"
    )
    gpu_count = checked.number(gpus, field="gpus", words="GPUs", above_zero=True)
    rented_hours = checked.number(hours, field="hours", words="Hours", above_zero=True)
    utilization = checked.number(
        utilization_percent,
        field="utilization",
        words="Utilization (%)",
        above_zero=True,
        at_most=_HUNDRED,
    )
    checked.raise_if_any()

    gpu_hours = gpu_count * rented_hours
    spend_usd = gpu_hours * price
    useful_gpu_hours = gpu_hours * utilization / _HUNDRED

    return GpuHourCost(
        spend_usd=spend_usd,
        gpu_hours=gpu_hours,
        useful_gpu_hours=useful_gpu_hours,
        usd_per_useful_gpu_hour=spend_usd / useful_gpu_hours,
    )


@dataclass(frozen=True, kw_only=True)
class ServingCost:
    """What one serving replica costs per hour and per million generated tokens."""

    usd_per_hour: Decimal
    tokens_per_hour: Decimal
    """Tokens actually generated in an hour at the given utilization."""

    usd_per_mtok: Decimal


def serving_cost(
    *,
    usd_per_gpu_hour: Decimal,
    gpus: Decimal | int,
    tokens_per_second: Decimal,
    utilization_percent: Decimal,
) -> ServingCost:
    """Self-hosted cost per million tokens for a replica at a given utilization.

    `tokens_per_second` is what the whole replica generates when fully busy.
    """
    checked = _Checked()
    price = checked.number(
        usd_per_gpu_hour, field="usd_per_gpu_hour", words="GPU price"
    )
    gpu_count = checked.number(gpus, field="gpus", words="GPUs", above_zero=True)
    speed = checked.number(
        tokens_per_second,
        field="tokens_per_second",
        words="Tokens per second",
        above_zero=True,
    )
    utilization = checked.number(
        utilization_percent,
        field="utilization",
        words="Utilization (%)",
        above_zero=True,
        at_most=_HUNDRED,
    )
    checked.raise_if_any()

    usd_per_hour = price * gpu_count
    tokens_per_hour = speed * SECONDS_PER_HOUR * utilization / _HUNDRED

    return ServingCost(
        usd_per_hour=usd_per_hour,
        tokens_per_hour=tokens_per_hour,
        usd_per_mtok=usd_per_hour * MILLION / tokens_per_hour,
    )


@dataclass(frozen=True, kw_only=True)
class TrainingCost:
    """Compute, time and money for one training run."""

    training_flops: Decimal
    flops_per_second_per_gpu: Decimal
    """Sustained speed of one GPU: peak speed times MFU."""

    gpu_hours: Decimal
    wall_clock_days: Decimal
    cost_usd: Decimal


def training_cost(
    *,
    parameters: Decimal | int,
    tokens: Decimal | int,
    peak_tflops: Decimal,
    mfu_percent: Decimal,
    usd_per_gpu_hour: Decimal,
    gpus: Decimal | int,
) -> TrainingCost:
    """Estimate a training run with the 6 × parameters × tokens rule."""
    checked = _Checked()
    parameter_count = checked.number(
        parameters, field="parameters", words="Parameters", above_zero=True
    )
    token_count = checked.number(
        tokens, field="tokens", words="Training tokens", above_zero=True
    )
    peak = checked.number(
        peak_tflops, field="peak_tflops", words="Peak TFLOP/s", above_zero=True
    )
    mfu = checked.number(
        mfu_percent, field="mfu", words="MFU (%)", above_zero=True, at_most=_HUNDRED
    )
    price = checked.number(
        usd_per_gpu_hour, field="usd_per_gpu_hour", words="GPU price"
    )
    gpu_count = checked.number(gpus, field="gpus", words="GPUs", above_zero=True)
    checked.raise_if_any()

    training_flops = FLOPS_PER_PARAMETER_PER_TOKEN * parameter_count * token_count
    flops_per_second_per_gpu = peak * _TERA * mfu / _HUNDRED
    gpu_hours = training_flops / flops_per_second_per_gpu / SECONDS_PER_HOUR

    return TrainingCost(
        training_flops=training_flops,
        flops_per_second_per_gpu=flops_per_second_per_gpu,
        gpu_hours=gpu_hours,
        wall_clock_days=gpu_hours / gpu_count / HOURS_PER_DAY,
        cost_usd=gpu_hours * price,
    )


@dataclass(frozen=True, kw_only=True)
class ReasoningCost:
    """The same request priced with and without its hidden reasoning tokens."""

    with_reasoning: RequestCost
    without_reasoning: RequestCost
    multiplier: Decimal
    """How many times dearer the request is because of reasoning."""

    @property
    def reasoning_share(self) -> Decimal:
        """Reasoning as a fraction of the full request's cost (0 for a free one)."""
        total = self.with_reasoning.total_usd
        if total == 0:
            return Decimal(0)
        return self.with_reasoning.reasoning_usd / total


def reasoning_cost(
    *,
    input_tokens: int,
    visible_output_tokens: int,
    reasoning_tokens: int,
    input_usd_per_mtok: Decimal,
    output_usd_per_mtok: Decimal,
) -> ReasoningCost:
    """Compare a request's cost with and without reasoning billed as output."""
    prices = TokenPrices(
        input_usd_per_mtok=input_usd_per_mtok, output_usd_per_mtok=output_usd_per_mtok
    )
    problems = [
        InputProblem(
            field=field,
            message=f"{words} must be a whole number 0 or more; you entered {value!r}.",
        )
        for field, words, value in (
            ("input_tokens", "Input tokens", input_tokens),
            ("visible_output_tokens", "Visible output tokens", visible_output_tokens),
            ("reasoning_tokens", "Reasoning tokens", reasoning_tokens),
        )
        if isinstance(value, bool) or not isinstance(value, int) or value < 0
    ]
    if problems:
        raise InvalidInputs(problems)

    with_reasoning = request_cost(
        usage=Usage(
            input_tokens=input_tokens,
            output_tokens=visible_output_tokens + reasoning_tokens,
            reasoning_tokens=reasoning_tokens,
        ),
        prices=prices,
    )
    without_reasoning = request_cost(
        usage=Usage(input_tokens=input_tokens, output_tokens=visible_output_tokens),
        prices=prices,
    )

    # A multiplier needs something to multiply: a request that costs nothing
    # without reasoning has no meaningful ratio, so say so instead of dividing.
    if without_reasoning.total_usd == 0:
        raise InvalidInputs.single(
            field="visible_output_tokens",
            message=(
                "Without reasoning this request costs $0.00, so there is nothing to "
                "compare against; enter some input or visible output tokens and a "
                "price above 0."
            ),
        )

    return ReasoningCost(
        with_reasoning=with_reasoning,
        without_reasoning=without_reasoning,
        multiplier=with_reasoning.total_usd / without_reasoning.total_usd,
    )


def self_hosted_usd_per_month(
    *, usd_per_gpu_hour: Decimal, gpus: Decimal | int, hours: Decimal | int
) -> Decimal:
    """A month of rented GPUs in USD: price times GPUs times hours."""
    checked = _Checked()
    price = checked.number(
        usd_per_gpu_hour, field="usd_per_gpu_hour", words="GPU price"
    )
    gpu_count = checked.number(gpus, field="gpus", words="GPUs")
    rented_hours = checked.number(hours, field="hours", words="Hours")
    checked.raise_if_any()

    return price * gpu_count * rented_hours


def capacity_requests_per_month(
    *, requests_per_second: Decimal, hours: Decimal | int
) -> Decimal:
    """How many requests a deployment can serve in a month of `hours` hours."""
    checked = _Checked()
    rate = checked.number(
        requests_per_second, field="requests_per_second", words="Requests per second"
    )
    rented_hours = checked.number(hours, field="hours", words="Hours")
    checked.raise_if_any()

    return rate * SECONDS_PER_HOUR * rented_hours


@dataclass(frozen=True, kw_only=True)
class BreakEven:
    """Where a fixed self-hosting bill matches a pay-per-request API bill."""

    api_usd_per_request: Decimal
    self_hosted_usd_per_month: Decimal
    break_even_requests_per_month: Decimal
    """Exact, usually fractional; see `whole_requests_to_break_even`."""

    capacity_requests_per_month: Decimal
    capacity_covers: bool
    """True when the self-hosted setup can serve the break-even volume."""

    headroom_requests_per_month: Decimal
    """Capacity left over beyond break-even; negative when capacity falls short."""

    @property
    def whole_requests_to_break_even(self) -> int:
        """The break-even volume rounded up, since half a request pays nothing."""
        return math.ceil(self.break_even_requests_per_month)


def break_even(
    *,
    api_usd_per_request: Decimal,
    self_hosted_usd_per_month: Decimal,
    capacity_requests_per_month: Decimal,
) -> BreakEven:
    """The monthly request volume above which self-hosting is cheaper than the API."""
    checked = _Checked()
    api_usd = checked.number(
        api_usd_per_request,
        field="api_usd_per_request",
        words="API cost per request",
    )
    monthly_usd = checked.number(
        self_hosted_usd_per_month,
        field="self_hosted_usd_per_month",
        words="Self-hosted cost per month",
    )
    capacity = checked.number(
        capacity_requests_per_month,
        field="capacity_requests_per_month",
        words="Capacity in requests per month",
    )
    checked.raise_if_any()

    if api_usd == 0:
        raise InvalidInputs.single(
            field="api_usd_per_request",
            message=(
                "The API cost per request is $0.00, so self-hosting can never break "
                "even; enter some tokens and an API price above 0."
            ),
        )

    requests = monthly_usd / api_usd
    return BreakEven(
        api_usd_per_request=api_usd,
        self_hosted_usd_per_month=monthly_usd,
        break_even_requests_per_month=requests,
        capacity_requests_per_month=capacity,
        capacity_covers=capacity >= requests,
        headroom_requests_per_month=capacity - requests,
    )


@dataclass(frozen=True, kw_only=True)
class CardRates:
    """The input and output rates of one provider, as a comparison needs them."""

    label: str
    model: str
    input_usd_per_mtok: Decimal
    output_usd_per_mtok: Decimal
    as_of: date
    kind: RateKind

    @classmethod
    def from_card(cls, card: RateCard) -> CardRates:
        """The comparison view of a loaded rate card."""
        return cls(
            label=card.label,
            model=card.model,
            input_usd_per_mtok=card.input_usd_per_mtok,
            output_usd_per_mtok=card.output_usd_per_mtok,
            as_of=card.as_of,
            kind=card.kind,
        )


@dataclass(frozen=True, kw_only=True)
class ComparisonRow:
    """One provider in a comparison: its bill for the real mix and its blended rate."""

    card: CardRates
    cost: RequestCost
    """One request of the given usage, kept in parts."""

    monthly_usd: Decimal
    blended_usd_per_mtok: Decimal
    rank_by_mix: int
    """1 is cheapest for the actual token mix; ties share a rank."""

    rank_by_blend: int
    """1 is cheapest by the blended rate; ties share a rank."""

    @property
    def label(self) -> str:
        """The card's label."""
        return self.card.label

    @property
    def cost_per_request_usd(self) -> Decimal:
        """One request's total in USD."""
        return self.cost.total_usd


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """Several providers priced on the same usage, ranked two ways."""

    rows: tuple[ComparisonRow, ...]
    usage: Usage
    requests_per_month: Decimal

    @property
    def rankings_disagree(self) -> bool:
        """True when the blended rate and the real mix pick different orders."""
        return any(row.rank_by_mix != row.rank_by_blend for row in self.rows)

    @property
    def mixes_kinds(self) -> bool:
        """True when illustrative and quoted rates sit in the same comparison."""
        return len({row.card.kind for row in self.rows}) > 1


def _ranks(values: Sequence[Decimal]) -> list[int]:
    """Rank 1 for the smallest value; equal values share a rank."""
    return [1 + sum(other < value for other in values) for value in values]


def compare_rate_cards(
    *,
    cards: Sequence[CardRates],
    usage: Usage,
    requests_per_month: Decimal | int,
    blend_input_parts: Decimal | int = 3,
    blend_output_parts: Decimal | int = 1,
) -> Comparison:
    """Price 2 to 4 providers on one usage and rank them by real cost and by blend."""
    if not 2 <= len(cards) <= 4:
        raise InvalidInputs.single(
            field="cards",
            message=(f"A comparison needs 2 to 4 rate cards; you picked {len(cards)}."),
        )

    requests = to_decimal(requests_per_month, name="Requests per month")
    costs = [
        request_cost(
            usage=usage,
            prices=TokenPrices(
                input_usd_per_mtok=card.input_usd_per_mtok,
                output_usd_per_mtok=card.output_usd_per_mtok,
            ),
        )
        for card in cards
    ]
    blends = [
        blended_usd_per_mtok(
            input_usd_per_mtok=card.input_usd_per_mtok,
            output_usd_per_mtok=card.output_usd_per_mtok,
            input_parts=blend_input_parts,
            output_parts=blend_output_parts,
        )
        for card in cards
    ]

    mix_ranks = _ranks([cost.total_usd for cost in costs])
    blend_ranks = _ranks(blends)
    rows = tuple(
        ComparisonRow(
            card=card,
            cost=cost,
            monthly_usd=monthly_cost(
                cost_per_request_usd=cost.total_usd, requests_per_month=requests
            ),
            blended_usd_per_mtok=blend,
            rank_by_mix=mix_rank,
            rank_by_blend=blend_rank,
        )
        for card, cost, blend, mix_rank, blend_rank in zip(
            cards, costs, blends, mix_ranks, blend_ranks, strict=True
        )
    )
    logger.debug(
        "compared %s: cheapest by mix costs %s",
        [card.label for card in cards],
        format_usd(min(cost.total_usd for cost in costs)),
    )
    return Comparison(rows=rows, usage=usage, requests_per_month=requests)
