"""Named formulas: the one vocabulary calculators, worked examples and quizzes call.

Each formula declares its inputs (with units, defaults and limits), parses a
plain mapping from YAML or widgets into Decimals, and evaluates to output
values plus the worked arithmetic a learner can follow line by line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple, NoReturn

from pricing.compute import (
    break_even,
    capacity_requests_per_month,
    gpu_hour_cost,
    reasoning_cost,
    self_hosted_usd_per_month,
    serving_cost,
    training_cost,
)
from pricing.errors import InputProblem, InvalidInputs, PricingError
from pricing.money import (
    format_count,
    format_measure,
    format_percent,
    format_power_of_ten,
    format_ratio,
    format_usd,
    format_usd_per_mtok,
    to_decimal,
)
from pricing.tokens import (
    LongContextTier,
    TokenPrices,
    Usage,
    apply_batch_discount,
    blended_usd_per_mtok,
    cached_exceeds_input,
    monthly_cost,
    prices_for,
    reasoning_exceeds_output,
    request_cost,
)

logger = logging.getLogger(__name__)

Inputs = Mapping[str, Decimal | None]


@dataclass(frozen=True, kw_only=True)
class Field:
    """One input of a formula, with its unit and the values it accepts."""

    name: str
    """Machine name used in YAML and widget keys, e.g. `input_tokens`."""

    label: str
    """What a learner sees, e.g. `Input tokens per request`."""

    unit: str
    """Unit of the value, e.g. `tokens`, `usd_per_mtok`, `percent`."""

    default: Decimal | None
    minimum: Decimal = Decimal(0)
    maximum: Decimal
    """A generous guard against absurd values, in the field's unit."""

    above_zero: bool = False
    """Zero is rejected, usually because the formula divides by it."""

    integer: bool = False
    optional: bool = False
    """None is allowed and means "not used"."""

    advanced: bool = False
    """Shown in an "advanced" expander rather than up front."""

    help: str = ""

    def parse(self, value: object) -> Decimal | None:
        """Check one raw value; raise InvalidInputs with this field's problem."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.optional:
                return None
            self._reject(f"{self.label} is empty; enter {self._kind_of_number()}.")

        try:
            number = to_decimal(value, name=self.label)
        except PricingError:
            self._reject(
                f"{self.label} must be {self._kind_of_number()}; you entered {value!r}."
            )

        shown = _show(number)
        if self.integer and number != number.to_integral_value():
            self._reject(f"{self.label} must be a whole number; you entered {shown}.")

        if number < self.minimum:
            self._reject(
                f"{self.label} must be {_show(self.minimum)} or more; "
                f"you entered {shown}."
            )

        if self.above_zero and number == 0:
            self._reject(f"{self.label} must be above 0; you entered 0.")

        if number > self.maximum:
            self._reject(
                f"{self.label} must be at most {_show(self.maximum)}; "
                f"you entered {shown}."
            )

        if self.integer:
            return Decimal(int(number))
        return number

    def _kind_of_number(self) -> str:
        return "a whole number" if self.integer else "a number"

    def _reject(self, message: str) -> NoReturn:
        raise InvalidInputs.single(field=self.name, message=message)


@dataclass(frozen=True, kw_only=True)
class Output:
    """One value a formula produces."""

    name: str
    label: str
    unit: str
    """e.g. `usd`, `usd_per_mtok`, `percent`, `gpu_hours`, `ratio`."""


@dataclass(frozen=True)
class Step:
    """One line of a worked example: `label: arithmetic = result`."""

    label: str
    arithmetic: str
    result: str

    def __str__(self) -> str:
        return f"{self.label}: {self.arithmetic} = {self.result}"


@dataclass(frozen=True)
class Evaluation:
    """A formula's parsed inputs, output values, typed result and worked steps."""

    inputs: Mapping[str, Decimal | None]
    values: Mapping[str, Decimal]
    """Exact values keyed by `Output.name`; round only for display."""

    detail: object
    """The typed result behind the values, e.g. a RequestCost or GpuHourCost."""

    steps: tuple[Step, ...]


class _Computed(NamedTuple):
    values: dict[str, Decimal]
    detail: object
    steps: tuple[Step, ...]


def _no_cross_checks(inputs: Inputs) -> list[InputProblem]:
    return []


@dataclass(frozen=True, kw_only=True)
class Formula:
    """A named calculation with declared inputs and outputs."""

    name: str
    title: str
    question: str
    """The question the calculator answers, in a learner's words."""

    fields: tuple[Field, ...]
    outputs: tuple[Output, ...]
    how: str
    """Short Markdown on how the numbers are computed."""

    compute: Callable[[Inputs], _Computed] = dataclass_field(repr=False, compare=False)
    cross_checks: Callable[[Inputs], list[InputProblem]] = dataclass_field(
        default=_no_cross_checks, repr=False, compare=False
    )

    def field(self, name: str) -> Field:
        """The input called `name`; PricingError lists the known ones otherwise."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate

        raise PricingError(
            f"The {self.name} formula has no input called {name!r}; "
            f"known inputs are {', '.join(self.field_names())}."
        )

    def field_names(self) -> tuple[str, ...]:
        """Input names in display order."""
        return tuple(candidate.name for candidate in self.fields)

    def defaults(self) -> dict[str, Decimal | None]:
        """Every input at its default value."""
        return {candidate.name: candidate.default for candidate in self.fields}

    def parse(self, raw: Mapping[str, object]) -> dict[str, Decimal | None]:
        """Check raw inputs; missing ones take defaults; every problem is collected."""
        known = self.field_names()
        problems = [
            InputProblem(
                field=name,
                message=(
                    f"The {self.title} has no input called {name!r}; "
                    f"known inputs are {', '.join(known)}."
                ),
            )
            for name in raw
            if name not in known
        ]

        parsed: dict[str, Decimal | None] = {}
        for candidate in self.fields:
            value = raw.get(candidate.name, candidate.default)
            try:
                parsed[candidate.name] = candidate.parse(value)
            except InvalidInputs as error:
                problems.extend(error.problems)

        # Cross-field checks only make sense once each field parsed on its own.
        if not problems:
            problems.extend(self.cross_checks(parsed))

        if problems:
            raise InvalidInputs(problems)

        return parsed

    def evaluate(self, raw: Mapping[str, object]) -> Evaluation:
        """Parse the inputs and compute the outputs and the worked steps."""
        inputs = self.parse(raw)
        computed = self.compute(inputs)
        logger.debug("evaluated %s with %s", self.name, inputs)
        return Evaluation(
            inputs=MappingProxyType(inputs),
            values=MappingProxyType(computed.values),
            detail=computed.detail,
            steps=computed.steps,
        )


# People-formatted pieces of the worked steps.


def _show(number: Decimal) -> str:
    """A value as entered, with thousands separators: `1,500`, `2.50`, `-5`."""
    return f"{number:,f}"


def _counted(count: Decimal | int, one: str, many: str) -> str:
    """A count and its noun, singular for exactly one: `1 GPU`, `8 GPUs`."""
    return f"{format_count(count)} {one if count == 1 else many}"


def _tokens(count: Decimal | int, words: str = "tokens") -> str:
    return f"{format_count(count)} {words}"


def _per_mtok(rate: Decimal) -> str:
    return format_usd_per_mtok(rate)


def _big(number: Decimal) -> str:
    """Very large counts as powers of ten, the rest with separators."""
    if number >= 10**9:
        return format_power_of_ten(number)
    return format_count(number)


def _required(inputs: Inputs, name: str) -> Decimal:
    value = inputs[name]
    if value is None:
        raise PricingError(f"{name} has no value; this is a bug in the formula table.")
    return value


def _whole(inputs: Inputs, name: str) -> int:
    return int(_required(inputs, name))


# Field builders keep the table below short and consistent.

_TEN_MILLION = Decimal(10_000_000)


def token_field(name: str, label: str, default: int, **extra: object) -> Field:
    """A whole count of tokens per request, up to ten million."""
    return Field(
        name=name,
        label=label,
        unit="tokens",
        default=Decimal(default),
        maximum=_TEN_MILLION,
        integer=True,
        **extra,
    )


def rate_field(name: str, label: str, default: str | None, **extra: object) -> Field:
    """A price in USD per million tokens, up to 10,000."""
    return Field(
        name=name,
        label=label,
        unit="usd_per_mtok",
        default=None if default is None else Decimal(default),
        maximum=Decimal(10_000),
        **extra,
    )


def _percent_field(name: str, label: str, default: int, **extra: object) -> Field:
    return Field(
        name=name,
        label=label,
        unit="percent",
        default=Decimal(default),
        maximum=Decimal(100),
        **extra,
    )


def requests_field(default: int = 1_000_000) -> Field:
    """Requests per month, a whole number."""
    return Field(
        name="requests_per_month",
        label="Requests per month",
        unit="requests_per_month",
        default=Decimal(default),
        maximum=Decimal(100_000_000_000),
        integer=True,
    )


def _gpu_price_field(**extra: object) -> Field:
    return Field(
        name="usd_per_gpu_hour",
        label="GPU price (USD per GPU-hour)",
        unit="usd_per_gpu_hour",
        default=Decimal("2.50"),
        maximum=Decimal(1_000),
        **extra,
    )


def _gpus_field(default: int) -> Field:
    return Field(
        name="gpus",
        label="GPUs",
        unit="gpus",
        default=Decimal(default),
        minimum=Decimal(1),
        maximum=Decimal(1_000_000),
        integer=True,
    )


def _utilization_field(default: int, *, help_text: str) -> Field:
    return _percent_field(
        "utilization",
        "Utilization (%)",
        default,
        above_zero=True,
        help=help_text,
    )


# token-cost


def _token_cost_checks(inputs: Inputs) -> list[InputProblem]:
    problems = []
    if _required(inputs, "cached_input_tokens") > _required(inputs, "input_tokens"):
        problems.append(
            cached_exceeds_input(
                cached_input_tokens=_whole(inputs, "cached_input_tokens"),
                input_tokens=_whole(inputs, "input_tokens"),
            )
        )
    if _required(inputs, "reasoning_tokens") > _required(inputs, "output_tokens"):
        problems.append(
            reasoning_exceeds_output(
                reasoning_tokens=_whole(inputs, "reasoning_tokens"),
                output_tokens=_whole(inputs, "output_tokens"),
            )
        )

    if inputs["long_context_threshold_tokens"] is not None:
        for name, words in (
            ("long_context_input_usd_per_mtok", "Long-context input price"),
            ("long_context_output_usd_per_mtok", "Long-context output price"),
        ):
            if inputs[name] is None:
                problems.append(
                    InputProblem(
                        field=name,
                        message=(
                            f"{words} is empty while a long-context threshold is set; "
                            "enter a number, or clear the threshold."
                        ),
                    )
                )
    return problems


def _token_cost(inputs: Inputs) -> _Computed:
    usage = Usage(
        input_tokens=_whole(inputs, "input_tokens"),
        output_tokens=_whole(inputs, "output_tokens"),
        cached_input_tokens=_whole(inputs, "cached_input_tokens"),
        reasoning_tokens=_whole(inputs, "reasoning_tokens"),
    )
    base = TokenPrices(
        input_usd_per_mtok=_required(inputs, "input_usd_per_mtok"),
        output_usd_per_mtok=_required(inputs, "output_usd_per_mtok"),
        cached_input_usd_per_mtok=inputs["cached_input_usd_per_mtok"],
        reasoning_usd_per_mtok=inputs["reasoning_usd_per_mtok"],
    )
    tier = None
    if inputs["long_context_threshold_tokens"] is not None:
        tier = LongContextTier(
            threshold_tokens=_whole(inputs, "long_context_threshold_tokens"),
            input_usd_per_mtok=_required(inputs, "long_context_input_usd_per_mtok"),
            output_usd_per_mtok=_required(inputs, "long_context_output_usd_per_mtok"),
        )
    long_context = tier is not None and tier.applies_to(usage)
    prices = prices_for(usage=usage, base=base, tier=tier)
    discount_percent = _required(inputs, "batch_discount_percent")
    requests = _required(inputs, "requests_per_month")

    full_cost = request_cost(usage=usage, prices=prices)
    cost = apply_batch_discount(full_cost, discount_percent=discount_percent)
    per_request = cost.total_usd
    monthly = monthly_cost(
        cost_per_request_usd=per_request, requests_per_month=requests
    )

    steps = []
    if long_context:
        steps.append(
            Step(
                "Long-context rates for the whole request",
                f"{_tokens(usage.input_tokens, 'input tokens')} > "
                f"{format_count(tier.threshold_tokens)}-token threshold",
                f"{_per_mtok(prices.input_usd_per_mtok)} in, "
                f"{_per_mtok(prices.output_usd_per_mtok)} out",
            )
        )

    shown_parts = []
    if usage.cached_input_tokens:
        steps.append(
            Step(
                "Input cost",
                f"{_tokens(usage.uncached_input_tokens, 'uncached tokens')} × "
                f"{_per_mtok(prices.input_usd_per_mtok)}",
                format_usd(full_cost.input_usd),
            )
        )
        steps.append(
            Step(
                "Cached input cost",
                f"{_tokens(usage.cached_input_tokens)} × "
                f"{_per_mtok(prices.effective_cached_input_usd_per_mtok)}",
                format_usd(full_cost.cached_input_usd),
            )
        )
        shown_parts += [full_cost.input_usd, full_cost.cached_input_usd]
    else:
        steps.append(
            Step(
                "Input cost",
                f"{_tokens(usage.input_tokens)} × {_per_mtok(prices.input_usd_per_mtok)}",
                format_usd(full_cost.input_usd),
            )
        )
        shown_parts.append(full_cost.input_usd)

    if usage.reasoning_tokens:
        steps.append(
            Step(
                "Visible output cost",
                f"{_tokens(usage.visible_output_tokens)} × "
                f"{_per_mtok(prices.output_usd_per_mtok)}",
                format_usd(full_cost.output_usd),
            )
        )
        steps.append(
            Step(
                "Reasoning cost",
                f"{_tokens(usage.reasoning_tokens)} × "
                f"{_per_mtok(prices.effective_reasoning_usd_per_mtok)}",
                format_usd(full_cost.reasoning_usd),
            )
        )
        shown_parts += [full_cost.output_usd, full_cost.reasoning_usd]
    else:
        steps.append(
            Step(
                "Output cost",
                f"{_tokens(usage.output_tokens)} × "
                f"{_per_mtok(prices.output_usd_per_mtok)}",
                format_usd(full_cost.output_usd),
            )
        )
        shown_parts.append(full_cost.output_usd)

    if discount_percent:
        steps.append(
            Step(
                "Cost per request before discount",
                " + ".join(format_usd(part) for part in shown_parts),
                format_usd(full_cost.total_usd),
            )
        )
        steps.append(
            Step(
                "Cost per request",
                f"{format_usd(full_cost.total_usd)} × "
                f"(100% − {format_percent(discount_percent, places=0)} batch discount)",
                format_usd(per_request),
            )
        )
    else:
        steps.append(
            Step(
                "Cost per request",
                " + ".join(format_usd(part) for part in shown_parts),
                format_usd(per_request),
            )
        )
    steps.append(
        Step(
            "Monthly bill",
            f"{format_usd(per_request)} × {format_count(requests)} requests",
            format_usd(monthly),
        )
    )

    values = {
        "input_usd": cost.input_usd,
        "cached_input_usd": cost.cached_input_usd,
        "output_usd": cost.output_usd,
        "reasoning_usd": cost.reasoning_usd,
        "cost_per_request_usd": per_request,
        "monthly_usd": monthly,
        "output_share_percent": cost.output_share * 100,
        "long_context_applied": Decimal(1) if long_context else Decimal(0),
    }
    return _Computed(values, cost, tuple(steps))


_TOKEN_COST = Formula(
    name="token-cost",
    title="token cost calculator",
    question="What does one request cost, and what is the monthly bill?",
    fields=(
        token_field("input_tokens", "Input tokens per request", 1000),
        token_field("output_tokens", "Output tokens per request", 2000),
        rate_field("input_usd_per_mtok", "Input price (USD per 1M tokens)", "3"),
        rate_field("output_usd_per_mtok", "Output price (USD per 1M tokens)", "15"),
        requests_field(),
        token_field(
            "cached_input_tokens",
            "Cached input tokens per request",
            0,
            advanced=True,
            help="Part of the input tokens, served from the prompt cache.",
        ),
        rate_field(
            "cached_input_usd_per_mtok",
            "Cached input price (USD per 1M tokens)",
            None,
            optional=True,
            advanced=True,
            help="Leave empty to bill cached tokens at the input price.",
        ),
        token_field(
            "reasoning_tokens",
            "Reasoning tokens per request",
            0,
            advanced=True,
            help="Part of the output tokens: hidden thinking the model is billed for.",
        ),
        rate_field(
            "reasoning_usd_per_mtok",
            "Reasoning price (USD per 1M tokens)",
            None,
            optional=True,
            advanced=True,
            help="Leave empty to bill reasoning tokens at the output price.",
        ),
        _percent_field(
            "batch_discount_percent",
            "Batch discount (%)",
            0,
            advanced=True,
            help="Discount for requests sent as a batch that may wait for results.",
        ),
        Field(
            name="long_context_threshold_tokens",
            label="Long-context threshold (input tokens)",
            unit="tokens",
            default=None,
            maximum=_TEN_MILLION,
            integer=True,
            optional=True,
            advanced=True,
            help="Prompts longer than this pay the long-context prices for everything.",
        ),
        rate_field(
            "long_context_input_usd_per_mtok",
            "Long-context input price (USD per 1M tokens)",
            None,
            optional=True,
            advanced=True,
        ),
        rate_field(
            "long_context_output_usd_per_mtok",
            "Long-context output price (USD per 1M tokens)",
            None,
            optional=True,
            advanced=True,
        ),
    ),
    outputs=(
        Output(name="input_usd", label="Input cost", unit="usd"),
        Output(name="cached_input_usd", label="Cached input cost", unit="usd"),
        Output(name="output_usd", label="Output cost", unit="usd"),
        Output(name="reasoning_usd", label="Reasoning cost", unit="usd"),
        Output(name="cost_per_request_usd", label="Cost per request", unit="usd"),
        Output(name="monthly_usd", label="Monthly bill", unit="usd"),
        Output(
            name="output_share_percent", label="Output share of cost", unit="percent"
        ),
        Output(
            name="long_context_applied",
            label="Long-context rates applied",
            unit="ratio",
        ),
    ),
    how=(
        "Each kind of token is multiplied by its price per million tokens and "
        "divided by 1,000,000:\n\n"
        "cost per request = input tokens × input price / 1M + "
        "output tokens × output price / 1M\n\n"
        "monthly bill = cost per request × requests per month\n\n"
        "Cached tokens are part of the input and reasoning tokens are part of the "
        "output; each is billed at its own price when one is given. A batch "
        "discount scales every part; a prompt longer than the long-context "
        "threshold moves the whole request to the long-context prices."
    ),
    compute=_token_cost,
    cross_checks=_token_cost_checks,
)


# gpu-hour-cost


def _gpu_hour_cost(inputs: Inputs) -> _Computed:
    price = _required(inputs, "usd_per_gpu_hour")
    gpus = _required(inputs, "gpus")
    hours = _required(inputs, "hours")
    utilization = _required(inputs, "utilization")
    result = gpu_hour_cost(
        usd_per_gpu_hour=price, gpus=gpus, hours=hours, utilization_percent=utilization
    )

    steps = (
        Step(
            "GPU-hours",
            f"{_counted(gpus, 'GPU', 'GPUs')} × {_show(hours)} hours",
            f"{format_measure(result.gpu_hours)} GPU-hours",
        ),
        Step(
            "Spend",
            f"{format_measure(result.gpu_hours)} GPU-hours × "
            f"{format_usd(price)} per GPU-hour",
            format_usd(result.spend_usd),
        ),
        Step(
            "Useful GPU-hours",
            f"{format_measure(result.gpu_hours)} GPU-hours × "
            f"{format_percent(utilization, places=0)} utilization",
            f"{format_measure(result.useful_gpu_hours)} GPU-hours",
        ),
        Step(
            "Cost per useful GPU-hour",
            f"{format_usd(result.spend_usd)} ÷ "
            f"{format_measure(result.useful_gpu_hours)} useful GPU-hours",
            format_usd(result.usd_per_useful_gpu_hour),
        ),
    )
    values = {
        "spend_usd": result.spend_usd,
        "gpu_hours": result.gpu_hours,
        "useful_gpu_hours": result.useful_gpu_hours,
        "usd_per_useful_gpu_hour": result.usd_per_useful_gpu_hour,
    }

    # Other price options (committed, spot) are priced on the same GPUs, hours
    # and utilization; their outputs exist only when a price is given.
    steps = list(steps)
    for option, words in GPU_PRICE_OPTIONS:
        option_price = inputs.get(f"{option}_usd_per_gpu_hour")
        if option_price is None:
            continue
        option_result = gpu_hour_cost(
            usd_per_gpu_hour=option_price,
            gpus=gpus,
            hours=hours,
            utilization_percent=utilization,
        )
        values[f"{option}_spend_usd"] = option_result.spend_usd
        values[f"{option}_usd_per_useful_gpu_hour"] = (
            option_result.usd_per_useful_gpu_hour
        )
        steps.append(
            Step(
                f"{words.capitalize()} cost per useful GPU-hour",
                f"{format_measure(result.gpu_hours)} GPU-hours × "
                f"{format_usd(option_price)} per GPU-hour ÷ "
                f"{format_measure(result.useful_gpu_hours)} useful GPU-hours",
                format_usd(option_result.usd_per_useful_gpu_hour),
            )
        )
    return _Computed(values, result, tuple(steps))


GPU_PRICE_OPTIONS = (("committed", "committed"), ("spot", "spot"))
"""Optional price options the GPU-hour formula compares with the main price."""


def _gpu_option_field(option: str, words: str, help_text: str) -> Field:
    return Field(
        name=f"{option}_usd_per_gpu_hour",
        label=f"{words.capitalize()} price to compare (USD per GPU-hour)",
        unit="usd_per_gpu_hour",
        default=None,
        maximum=Decimal(1_000),
        optional=True,
        advanced=True,
        help=help_text,
    )


_GPU_HOUR_COST = Formula(
    name="gpu-hour-cost",
    title="GPU-hour cost calculator",
    question="What do rented GPUs cost, and what does each useful hour really cost?",
    fields=(
        _gpu_price_field(),
        _gpus_field(8),
        Field(
            name="hours",
            label="Hours rented",
            unit="hours",
            default=Decimal(730),
            maximum=Decimal(8_784),
            above_zero=True,
            help="730 hours is an average month; 8,784 is a leap year.",
        ),
        _utilization_field(
            60, help_text="Share of the rented GPU time spent doing useful work."
        ),
        _gpu_option_field(
            "committed",
            "committed",
            "A reserved or committed-use price, usually lower; leave empty to skip.",
        ),
        _gpu_option_field(
            "spot",
            "spot",
            "A spot or preemptible price, lowest but can be interrupted; "
            "leave empty to skip.",
        ),
    ),
    outputs=(
        Output(name="spend_usd", label="Spend", unit="usd"),
        Output(name="gpu_hours", label="GPU-hours rented", unit="gpu_hours"),
        Output(name="useful_gpu_hours", label="Useful GPU-hours", unit="gpu_hours"),
        Output(
            name="usd_per_useful_gpu_hour",
            label="Cost per useful GPU-hour",
            unit="usd_per_gpu_hour",
        ),
        Output(
            name="committed_spend_usd", label="Spend at committed price", unit="usd"
        ),
        Output(
            name="committed_usd_per_useful_gpu_hour",
            label="Cost per useful GPU-hour at committed price",
            unit="usd_per_gpu_hour",
        ),
        Output(name="spot_spend_usd", label="Spend at spot price", unit="usd"),
        Output(
            name="spot_usd_per_useful_gpu_hour",
            label="Cost per useful GPU-hour at spot price",
            unit="usd_per_gpu_hour",
        ),
    ),
    how=(
        "spend = GPUs × hours × price per GPU-hour\n\n"
        "useful GPU-hours = GPUs × hours × utilization\n\n"
        "cost per useful GPU-hour = spend / useful GPU-hours, so idle time "
        "raises the real price of every busy hour.\n\n"
        "Committed and spot prices, when given, are priced on the same GPUs, "
        "hours and utilization."
    ),
    compute=_gpu_hour_cost,
)


# serving-cost


def _serving_cost(inputs: Inputs) -> _Computed:
    price = _required(inputs, "usd_per_gpu_hour")
    gpus = _required(inputs, "gpus")
    speed = _required(inputs, "tokens_per_second")
    utilization = _required(inputs, "utilization")
    api_rate = inputs["api_output_usd_per_mtok"]
    result = serving_cost(
        usd_per_gpu_hour=price,
        gpus=gpus,
        tokens_per_second=speed,
        utilization_percent=utilization,
    )

    steps = [
        Step(
            "Cost per hour",
            f"{_counted(gpus, 'GPU', 'GPUs')} × {format_usd(price)} per GPU-hour",
            format_usd(result.usd_per_hour),
        ),
        Step(
            "Tokens per hour",
            f"{_show(speed)} tokens per second × 3,600 seconds × "
            f"{format_percent(utilization, places=0)} utilization",
            _tokens(result.tokens_per_hour),
        ),
        Step(
            "Cost per 1M tokens",
            f"{format_usd(result.usd_per_hour)} ÷ {_tokens(result.tokens_per_hour)} "
            "× 1,000,000",
            format_usd(result.usd_per_mtok),
        ),
    ]
    values = {
        "usd_per_hour": result.usd_per_hour,
        "tokens_per_hour": result.tokens_per_hour,
        "usd_per_mtok": result.usd_per_mtok,
    }

    # The ratio reads "the API costs N times as much"; it needs both sides.
    if api_rate is not None and result.usd_per_mtok > 0:
        ratio = api_rate / result.usd_per_mtok
        values["api_ratio"] = ratio
        steps.append(
            Step(
                "API price compared with self-hosting",
                f"{_per_mtok(api_rate)} ÷ {_per_mtok(result.usd_per_mtok)}",
                format_ratio(ratio),
            )
        )

    return _Computed(values, result, tuple(steps))


_SERVING_COST = Formula(
    name="serving-cost",
    title="serving cost calculator",
    question="What does a million generated tokens cost on your own GPUs?",
    fields=(
        _gpu_price_field(),
        _gpus_field(1),
        Field(
            name="tokens_per_second",
            label="Throughput at full load (tokens per second)",
            unit="tokens_per_second",
            default=Decimal(1000),
            maximum=_TEN_MILLION,
            above_zero=True,
            help="Tokens the whole replica generates per second when fully busy.",
        ),
        _utilization_field(
            50,
            help_text="Tokens the replica really generates, as a share of what it "
            "could generate at full load.",
        ),
        rate_field(
            "api_output_usd_per_mtok",
            "API output price to compare (USD per 1M tokens)",
            None,
            optional=True,
            advanced=True,
        ),
    ),
    outputs=(
        Output(name="usd_per_hour", label="Cost per hour", unit="usd"),
        Output(name="tokens_per_hour", label="Tokens per hour", unit="tokens_per_hour"),
        Output(name="usd_per_mtok", label="Cost per 1M tokens", unit="usd_per_mtok"),
        Output(name="api_ratio", label="API price ÷ self-hosted cost", unit="ratio"),
    ),
    how=(
        "tokens per hour = tokens per second × 3,600 × utilization\n\n"
        "cost per 1M tokens = GPUs × price per GPU-hour / tokens per hour × 1M\n\n"
        "The API ratio (only when an API price is given) is the API price divided "
        "by the self-hosted cost: above 1 means self-hosting is cheaper per token."
    ),
    compute=_serving_cost,
)


# training-cost


def _training_cost(inputs: Inputs) -> _Computed:
    parameters = _required(inputs, "parameters")
    tokens = _required(inputs, "tokens")
    peak = _required(inputs, "peak_tflops")
    mfu = _required(inputs, "mfu")
    price = _required(inputs, "usd_per_gpu_hour")
    gpus = _required(inputs, "gpus")
    result = training_cost(
        parameters=parameters,
        tokens=tokens,
        peak_tflops=peak,
        mfu_percent=mfu,
        usd_per_gpu_hour=price,
        gpus=gpus,
    )
    sustained_tflops = result.flops_per_second_per_gpu / Decimal(10) ** 12

    steps = (
        Step(
            "Training compute",
            f"6 × {_big(parameters)} parameters × {_big(tokens)} tokens",
            f"{format_power_of_ten(result.training_flops)} FLOPs",
        ),
        Step(
            "Sustained speed per GPU",
            f"{_show(peak)} TFLOP/s peak × {format_percent(mfu, places=0)} MFU",
            f"{format_count(sustained_tflops, places=1)} TFLOP/s",
        ),
        Step(
            "GPU-hours",
            f"{format_power_of_ten(result.training_flops)} FLOPs ÷ "
            f"{format_count(sustained_tflops, places=1)} TFLOP/s ÷ 3,600 seconds per hour",
            f"{format_measure(result.gpu_hours)} GPU-hours",
        ),
        Step(
            "Wall-clock time",
            f"{format_measure(result.gpu_hours)} GPU-hours ÷ {_counted(gpus, 'GPU', 'GPUs')} "
            "÷ 24 hours",
            f"{format_count(result.wall_clock_days, places=1)} days",
        ),
        Step(
            "Cost",
            f"{format_measure(result.gpu_hours)} GPU-hours × {format_usd(price)} "
            "per GPU-hour",
            format_usd(result.cost_usd),
        ),
    )
    values = {
        "training_flops": result.training_flops,
        "gpu_hours": result.gpu_hours,
        "wall_clock_days": result.wall_clock_days,
        "cost_usd": result.cost_usd,
    }
    return _Computed(values, result, steps)


_TRAINING_COST = Formula(
    name="training-cost",
    title="training cost calculator",
    question="How much compute, time and money does a training run take?",
    fields=(
        Field(
            name="parameters",
            label="Model parameters",
            unit="parameters",
            default=Decimal(7_000_000_000),
            maximum=Decimal(10) ** 14,
            above_zero=True,
            integer=True,
        ),
        Field(
            name="tokens",
            label="Training tokens",
            unit="tokens",
            default=Decimal(2_000_000_000_000),
            maximum=Decimal(10) ** 15,
            above_zero=True,
            integer=True,
        ),
        Field(
            name="peak_tflops",
            label="Peak speed per GPU (TFLOP/s)",
            unit="tflops",
            default=Decimal(989),
            maximum=Decimal(100_000),
            above_zero=True,
            help="The datasheet figure for the number format you train in.",
        ),
        _percent_field(
            "mfu",
            "Model FLOPs utilization, MFU (%)",
            40,
            above_zero=True,
            help="Share of peak speed the run actually sustains.",
        ),
        _gpu_price_field(),
        _gpus_field(1024),
    ),
    outputs=(
        Output(name="training_flops", label="Training compute", unit="flops"),
        Output(name="gpu_hours", label="GPU-hours", unit="gpu_hours"),
        Output(name="wall_clock_days", label="Wall-clock time", unit="days"),
        Output(name="cost_usd", label="Cost", unit="usd"),
    ),
    how=(
        "training FLOPs ≈ 6 × parameters × tokens\n\n"
        "GPU-hours = training FLOPs / (peak FLOP/s × MFU) / 3,600\n\n"
        "days = GPU-hours / GPUs / 24, and cost = GPU-hours × price per GPU-hour"
    ),
    compute=_training_cost,
)


# reasoning-cost


def _reasoning_cost(inputs: Inputs) -> _Computed:
    input_rate = _required(inputs, "input_usd_per_mtok")
    output_rate = _required(inputs, "output_usd_per_mtok")
    requests = _required(inputs, "requests_per_month")
    result = reasoning_cost(
        input_tokens=_whole(inputs, "input_tokens"),
        visible_output_tokens=_whole(inputs, "visible_output_tokens"),
        reasoning_tokens=_whole(inputs, "reasoning_tokens"),
        input_usd_per_mtok=input_rate,
        output_usd_per_mtok=output_rate,
    )
    full = result.with_reasoning
    bare = result.without_reasoning
    monthly = monthly_cost(
        cost_per_request_usd=full.total_usd, requests_per_month=requests
    )
    monthly_bare = monthly_cost(
        cost_per_request_usd=bare.total_usd, requests_per_month=requests
    )

    steps = (
        Step(
            "Input cost",
            f"{_tokens(_required(inputs, 'input_tokens'))} × {_per_mtok(input_rate)}",
            format_usd(full.input_usd),
        ),
        Step(
            "Visible output cost",
            f"{_tokens(_required(inputs, 'visible_output_tokens'))} × "
            f"{_per_mtok(output_rate)}",
            format_usd(full.output_usd),
        ),
        Step(
            "Reasoning cost (billed as output)",
            f"{_tokens(_required(inputs, 'reasoning_tokens'))} × "
            f"{_per_mtok(output_rate)}",
            format_usd(full.reasoning_usd),
        ),
        Step(
            "Cost per request",
            f"{format_usd(full.input_usd)} + {format_usd(full.output_usd)} + "
            f"{format_usd(full.reasoning_usd)}",
            format_usd(full.total_usd),
        ),
        Step(
            "Cost without reasoning",
            f"{format_usd(bare.input_usd)} + {format_usd(bare.output_usd)}",
            format_usd(bare.total_usd),
        ),
        Step(
            "Reasoning multiplier",
            f"{format_usd(full.total_usd)} ÷ {format_usd(bare.total_usd)}",
            format_ratio(result.multiplier),
        ),
        Step(
            "Monthly bill",
            f"{format_usd(full.total_usd)} × {format_count(requests)} requests",
            format_usd(monthly),
        ),
        Step(
            "Monthly bill without reasoning",
            f"{format_usd(bare.total_usd)} × {format_count(requests)} requests",
            format_usd(monthly_bare),
        ),
    )
    values = {
        "cost_per_request_usd": full.total_usd,
        "cost_without_reasoning_usd": bare.total_usd,
        "multiplier": result.multiplier,
        "monthly_usd": monthly,
        "monthly_without_reasoning_usd": monthly_bare,
        "reasoning_share_percent": result.reasoning_share * 100,
    }
    return _Computed(values, result, steps)


_REASONING_COST = Formula(
    name="reasoning-cost",
    title="reasoning cost calculator",
    question="How much do hidden reasoning tokens add to the bill?",
    fields=(
        token_field("input_tokens", "Input tokens per request", 1000),
        token_field("visible_output_tokens", "Visible output tokens per request", 500),
        token_field(
            "reasoning_tokens",
            "Reasoning tokens per request",
            2000,
            help="Hidden thinking tokens, billed at the output price.",
        ),
        rate_field("input_usd_per_mtok", "Input price (USD per 1M tokens)", "3"),
        rate_field("output_usd_per_mtok", "Output price (USD per 1M tokens)", "15"),
        requests_field(),
    ),
    outputs=(
        Output(name="cost_per_request_usd", label="Cost per request", unit="usd"),
        Output(
            name="cost_without_reasoning_usd",
            label="Cost per request without reasoning",
            unit="usd",
        ),
        Output(name="multiplier", label="Reasoning multiplier", unit="ratio"),
        Output(name="monthly_usd", label="Monthly bill", unit="usd"),
        Output(
            name="monthly_without_reasoning_usd",
            label="Monthly bill without reasoning",
            unit="usd",
        ),
        Output(
            name="reasoning_share_percent",
            label="Reasoning share of cost",
            unit="percent",
        ),
    ),
    how=(
        "Reasoning tokens are billed as output even though the user never sees "
        "them:\n\n"
        "cost = input × input price / 1M + (visible output + reasoning) × "
        "output price / 1M\n\n"
        "multiplier = cost with reasoning / cost without reasoning"
    ),
    compute=_reasoning_cost,
)


# break-even


def _break_even(inputs: Inputs) -> _Computed:
    input_tokens = _whole(inputs, "input_tokens")
    output_tokens = _whole(inputs, "output_tokens")
    input_rate = _required(inputs, "input_usd_per_mtok")
    output_rate = _required(inputs, "output_usd_per_mtok")
    price = _required(inputs, "usd_per_gpu_hour")
    gpus = _required(inputs, "gpus")
    hours = _required(inputs, "hours")
    requests_per_second = _required(inputs, "requests_per_second")

    api_cost = request_cost(
        usage=Usage(input_tokens=input_tokens, output_tokens=output_tokens),
        prices=TokenPrices(
            input_usd_per_mtok=input_rate, output_usd_per_mtok=output_rate
        ),
    )
    monthly_usd = self_hosted_usd_per_month(
        usd_per_gpu_hour=price, gpus=gpus, hours=hours
    )
    capacity = capacity_requests_per_month(
        requests_per_second=requests_per_second, hours=hours
    )
    result = break_even(
        api_usd_per_request=api_cost.total_usd,
        self_hosted_usd_per_month=monthly_usd,
        capacity_requests_per_month=capacity,
    )

    covers = "yes" if result.capacity_covers else "no"
    comparison = "≥" if result.capacity_covers else "<"
    steps = (
        Step(
            "API cost per request",
            f"{_tokens(input_tokens)} × {_per_mtok(input_rate)} + "
            f"{_tokens(output_tokens)} × {_per_mtok(output_rate)}",
            format_usd(api_cost.total_usd),
        ),
        Step(
            "Self-hosted cost per month",
            f"{_counted(gpus, 'GPU', 'GPUs')} × {_show(hours)} hours × "
            f"{format_usd(price)} per GPU-hour",
            format_usd(monthly_usd),
        ),
        Step(
            "Break-even volume",
            f"{format_usd(monthly_usd)} ÷ {format_usd(api_cost.total_usd)} per request, "
            "rounded up",
            f"{format_count(result.whole_requests_to_break_even)} requests per month",
        ),
        Step(
            "Self-hosted capacity",
            f"{_show(requests_per_second)} "
            f"{'request' if requests_per_second == 1 else 'requests'} per second × 3,600 seconds × "
            f"{_show(hours)} hours",
            f"{format_count(capacity)} requests per month",
        ),
        Step(
            "Capacity covers break-even",
            f"{format_count(capacity)} {comparison} "
            f"{format_count(result.whole_requests_to_break_even)}",
            covers,
        ),
    )
    values = {
        "api_usd_per_request": result.api_usd_per_request,
        "self_hosted_monthly_usd": result.self_hosted_usd_per_month,
        "break_even_requests_per_month": result.break_even_requests_per_month,
        "capacity_requests_per_month": result.capacity_requests_per_month,
        "capacity_covers": Decimal(1) if result.capacity_covers else Decimal(0),
    }
    return _Computed(values, result, steps)


_BREAK_EVEN = Formula(
    name="break-even",
    title="break-even calculator",
    question="How many requests a month before your own GPUs beat the API?",
    fields=(
        token_field("input_tokens", "Input tokens per request", 2000),
        token_field("output_tokens", "Output tokens per request", 500),
        rate_field("input_usd_per_mtok", "API input price (USD per 1M tokens)", "3"),
        rate_field("output_usd_per_mtok", "API output price (USD per 1M tokens)", "15"),
        _gpu_price_field(),
        _gpus_field(8),
        Field(
            name="hours",
            label="Hours per month",
            unit="hours",
            default=Decimal(730),
            maximum=Decimal(744),
            above_zero=True,
            help="730 is an average month; a 31-day month has 744.",
        ),
        Field(
            name="requests_per_second",
            label="Requests per second the GPUs can serve",
            unit="requests_per_second",
            default=Decimal(1),
            maximum=Decimal(1_000_000),
            above_zero=True,
        ),
    ),
    outputs=(
        Output(name="api_usd_per_request", label="API cost per request", unit="usd"),
        Output(
            name="self_hosted_monthly_usd",
            label="Self-hosted cost per month",
            unit="usd",
        ),
        Output(
            name="break_even_requests_per_month",
            label="Break-even volume",
            unit="requests_per_month",
        ),
        Output(
            name="capacity_requests_per_month",
            label="Self-hosted capacity",
            unit="requests_per_month",
        ),
        Output(
            name="capacity_covers", label="Capacity covers break-even", unit="ratio"
        ),
    ),
    how=(
        "self-hosted per month = GPUs × hours × price per GPU-hour\n\n"
        "break-even requests = self-hosted per month / API cost per request\n\n"
        "capacity = requests per second × 3,600 × hours; self-hosting only pays "
        "when the capacity reaches the break-even volume."
    ),
    compute=_break_even,
)


# blended-rate


def _blended_rate(inputs: Inputs) -> _Computed:
    input_rate = _required(inputs, "input_usd_per_mtok")
    output_rate = _required(inputs, "output_usd_per_mtok")
    input_parts = _required(inputs, "input_parts")
    output_parts = _required(inputs, "output_parts")
    blend = blended_usd_per_mtok(
        input_usd_per_mtok=input_rate,
        output_usd_per_mtok=output_rate,
        input_parts=input_parts,
        output_parts=output_parts,
    )

    steps = (
        Step(
            "Blended price",
            f"({_show(input_parts)} × {format_usd(input_rate)} + {_show(output_parts)} "
            f"× {format_usd(output_rate)}) ÷ ({_show(input_parts)} + "
            f"{_show(output_parts)})",
            _per_mtok(blend),
        ),
    )
    return _Computed({"blended_usd_per_mtok": blend}, blend, steps)


def _parts_field(name: str, label: str, default: int) -> Field:
    return Field(
        name=name,
        label=label,
        unit="parts",
        default=Decimal(default),
        maximum=Decimal(1_000),
        above_zero=True,
    )


_BLENDED_RATE = Formula(
    name="blended-rate",
    title="blended rate calculator",
    question="What single price per million tokens does a token mix average to?",
    fields=(
        rate_field("input_usd_per_mtok", "Input price (USD per 1M tokens)", "3"),
        rate_field("output_usd_per_mtok", "Output price (USD per 1M tokens)", "15"),
        _parts_field("input_parts", "Input parts of the mix", 3),
        _parts_field("output_parts", "Output parts of the mix", 1),
    ),
    outputs=(
        Output(
            name="blended_usd_per_mtok",
            label="Blended price per 1M tokens",
            unit="usd_per_mtok",
        ),
    ),
    how=(
        "blended price = (input parts × input price + output parts × output price) "
        "/ (input parts + output parts)\n\n"
        "A blend only describes the mix it assumes; a workload with a different "
        "mix pays a different average."
    ),
    compute=_blended_rate,
)


FORMULAS: Mapping[str, Formula] = MappingProxyType(
    {
        formula.name: formula
        for formula in (
            _TOKEN_COST,
            _GPU_HOUR_COST,
            _SERVING_COST,
            _TRAINING_COST,
            _REASONING_COST,
            _BREAK_EVEN,
            _BLENDED_RATE,
        )
    }
)


def get_formula(name: str) -> Formula:
    """The formula called `name`; PricingError lists the known names otherwise."""
    formula = FORMULAS.get(name)
    if formula is None:
        raise PricingError(
            f"There is no formula called {name!r}; "
            f"known formulas are {', '.join(FORMULAS)}."
        )
    return formula
