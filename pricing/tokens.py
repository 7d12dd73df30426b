"""What one request costs in tokens: usage, prices, and the bill split into parts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from pricing.errors import InputProblem, InvalidInputs, PricingError
from pricing.money import MILLION, format_count, to_decimal

logger = logging.getLogger(__name__)

_HUNDRED = Decimal(100)


def _whole_token_problem(
    *, field: str, words: str, value: object
) -> InputProblem | None:
    """A problem if `value` is not a whole number of tokens, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        return InputProblem(
            field=field,
            message=f"{words} must be a whole number of tokens; you entered {value!r}.",
        )

    if value < 0:
        return InputProblem(
            field=field,
            message=f"{words} must be 0 or more; you entered {format_count(value)}.",
        )

    return None


@dataclass(frozen=True, kw_only=True)
class Usage:
    """The tokens one request uses; cached and reasoning tokens are subsets."""

    input_tokens: int
    """All prompt tokens, cached ones included."""

    output_tokens: int
    """All generated tokens, reasoning ones included."""

    cached_input_tokens: int = 0
    """Prompt tokens served from the cache; part of `input_tokens`."""

    reasoning_tokens: int = 0
    """Hidden thinking tokens; part of `output_tokens`."""

    def __post_init__(self) -> None:
        checks = (
            ("input_tokens", "Input tokens", self.input_tokens),
            ("output_tokens", "Output tokens", self.output_tokens),
            ("cached_input_tokens", "Cached input tokens", self.cached_input_tokens),
            ("reasoning_tokens", "Reasoning tokens", self.reasoning_tokens),
        )
        problems = [
            problem
            for field, words, value in checks
            if (problem := _whole_token_problem(field=field, words=words, value=value))
        ]
        if problems:
            raise InvalidInputs(problems)

        problems.extend(usage_subset_problems(usage=self))
        if problems:
            raise InvalidInputs(problems)

    @property
    def uncached_input_tokens(self) -> int:
        """Prompt tokens billed at the full input rate."""
        return self.input_tokens - self.cached_input_tokens

    @property
    def visible_output_tokens(self) -> int:
        """Generated tokens the user sees, i.e. output minus reasoning."""
        return self.output_tokens - self.reasoning_tokens


def usage_subset_problems(*, usage: Usage) -> list[InputProblem]:
    """Problems when cached or reasoning tokens exceed the totals they belong to."""
    problems = []
    if usage.cached_input_tokens > usage.input_tokens:
        problems.append(
            cached_exceeds_input(
                cached_input_tokens=usage.cached_input_tokens,
                input_tokens=usage.input_tokens,
            )
        )
    if usage.reasoning_tokens > usage.output_tokens:
        problems.append(
            reasoning_exceeds_output(
                reasoning_tokens=usage.reasoning_tokens,
                output_tokens=usage.output_tokens,
            )
        )
    return problems


def cached_exceeds_input(
    *, cached_input_tokens: int, input_tokens: int
) -> InputProblem:
    """The problem reported when more tokens are cached than were sent."""
    return InputProblem(
        field="cached_input_tokens",
        message=(
            f"Cached input tokens ({format_count(cached_input_tokens)}) cannot exceed "
            f"input tokens ({format_count(input_tokens)}): cached tokens are part of "
            "the prompt."
        ),
    )


def reasoning_exceeds_output(
    *, reasoning_tokens: int, output_tokens: int
) -> InputProblem:
    """The problem reported when more tokens are reasoning than were generated."""
    return InputProblem(
        field="reasoning_tokens",
        message=(
            f"Reasoning tokens ({format_count(reasoning_tokens)}) cannot exceed "
            f"output tokens ({format_count(output_tokens)}): reasoning tokens are part "
            "of the output."
        ),
    )


def _rate(value: object, *, field: str, words: str) -> Decimal:
    """A price per million tokens as a Decimal that is 0 or more."""
    try:
        rate = to_decimal(value, name=words)
    except PricingError as error:
        raise InvalidInputs.single(field=field, message=str(error)) from error

    if rate < 0:
        raise InvalidInputs.single(
            field=field, message=f"{words} must be 0 or more; you entered {rate:f}."
        )

    return rate


@dataclass(frozen=True, kw_only=True)
class TokenPrices:
    """Prices in USD per million tokens for each kind of token in a request."""

    input_usd_per_mtok: Decimal
    output_usd_per_mtok: Decimal
    cached_input_usd_per_mtok: Decimal | None = None
    """USD per million cached prompt tokens; None bills them at the input rate."""

    reasoning_usd_per_mtok: Decimal | None = None
    """USD per million reasoning tokens; None bills them at the output rate."""

    def __post_init__(self) -> None:
        labels = {
            "input_usd_per_mtok": "Input price per million tokens",
            "output_usd_per_mtok": "Output price per million tokens",
            "cached_input_usd_per_mtok": "Cached input price per million tokens",
            "reasoning_usd_per_mtok": "Reasoning price per million tokens",
        }
        problems: list[InputProblem] = []
        for field, words in labels.items():
            value = getattr(self, field)
            if value is None and field.startswith(("cached", "reasoning")):
                continue

            try:
                object.__setattr__(self, field, _rate(value, field=field, words=words))
            except InvalidInputs as error:
                problems.extend(error.problems)

        if problems:
            raise InvalidInputs(problems)

    @property
    def effective_cached_input_usd_per_mtok(self) -> Decimal:
        """The rate cached prompt tokens are actually billed at."""
        if self.cached_input_usd_per_mtok is None:
            return self.input_usd_per_mtok
        return self.cached_input_usd_per_mtok

    @property
    def effective_reasoning_usd_per_mtok(self) -> Decimal:
        """The rate reasoning tokens are actually billed at."""
        if self.reasoning_usd_per_mtok is None:
            return self.output_usd_per_mtok
        return self.reasoning_usd_per_mtok


@dataclass(frozen=True, kw_only=True)
class RequestCost:
    """One request's bill in USD, kept in parts so a chart can show each one."""

    input_usd: Decimal
    """Uncached prompt tokens only."""

    cached_input_usd: Decimal
    output_usd: Decimal
    """Visible output only; reasoning is kept apart in `reasoning_usd`."""

    reasoning_usd: Decimal

    @property
    def total_usd(self) -> Decimal:
        """The whole request, all four parts added."""
        return (
            self.input_usd
            + self.cached_input_usd
            + self.output_usd
            + self.reasoning_usd
        )

    @property
    def output_share(self) -> Decimal:
        """Output plus reasoning as a fraction of the total (0 for a free request)."""
        total = self.total_usd
        if total == 0:
            return Decimal(0)
        return (self.output_usd + self.reasoning_usd) / total

    def parts(self) -> dict[str, Decimal]:
        """The four parts in display order, keyed by their names in words."""
        return {
            "input": self.input_usd,
            "cached input": self.cached_input_usd,
            "output": self.output_usd,
            "reasoning": self.reasoning_usd,
        }


def request_cost(*, usage: Usage, prices: TokenPrices) -> RequestCost:
    """Price one request: each kind of token times its rate per million."""
    input_usd = usage.uncached_input_tokens * prices.input_usd_per_mtok / MILLION
    cached_input_usd = (
        usage.cached_input_tokens * prices.effective_cached_input_usd_per_mtok / MILLION
    )
    output_usd = usage.visible_output_tokens * prices.output_usd_per_mtok / MILLION
    reasoning_usd = (
        usage.reasoning_tokens * prices.effective_reasoning_usd_per_mtok / MILLION
    )

    cost = RequestCost(
        input_usd=input_usd,
        cached_input_usd=cached_input_usd,
        output_usd=output_usd,
        reasoning_usd=reasoning_usd,
    )
    logger.debug("request cost for %s at %s: %s", usage, prices, cost)
    return cost


@dataclass(frozen=True, kw_only=True)
class LongContextTier:
    """Higher rates that apply once a prompt is longer than a threshold."""

    threshold_tokens: int
    """Prompts with more input tokens than this (cached included) use the tier."""

    input_usd_per_mtok: Decimal
    output_usd_per_mtok: Decimal
    cached_input_usd_per_mtok: Decimal | None = None
    """None keeps the base cached rate, or the tier input rate if the base has none."""

    def __post_init__(self) -> None:
        problem = _whole_token_problem(
            field="long_context_threshold_tokens",
            words="Long-context threshold",
            value=self.threshold_tokens,
        )
        if problem:
            raise InvalidInputs((problem,))

        # Reuse TokenPrices for the checks and the conversion to Decimal.
        checked = TokenPrices(
            input_usd_per_mtok=self.input_usd_per_mtok,
            output_usd_per_mtok=self.output_usd_per_mtok,
            cached_input_usd_per_mtok=self.cached_input_usd_per_mtok,
        )
        object.__setattr__(self, "input_usd_per_mtok", checked.input_usd_per_mtok)
        object.__setattr__(self, "output_usd_per_mtok", checked.output_usd_per_mtok)
        object.__setattr__(
            self, "cached_input_usd_per_mtok", checked.cached_input_usd_per_mtok
        )

    def applies_to(self, usage: Usage) -> bool:
        """True when the prompt is strictly longer than the threshold."""
        return usage.input_tokens > self.threshold_tokens


def prices_for(
    *, usage: Usage, base: TokenPrices, tier: LongContextTier | None
) -> TokenPrices:
    """The prices a request pays: the tier's for the whole request once it applies."""
    if tier is None or not tier.applies_to(usage):
        return base

    cached = tier.cached_input_usd_per_mtok
    if cached is None:
        cached = base.cached_input_usd_per_mtok

    return TokenPrices(
        input_usd_per_mtok=tier.input_usd_per_mtok,
        output_usd_per_mtok=tier.output_usd_per_mtok,
        cached_input_usd_per_mtok=cached,
        reasoning_usd_per_mtok=base.reasoning_usd_per_mtok,
    )


def apply_batch_discount(
    cost: RequestCost, *, discount_percent: Decimal
) -> RequestCost:
    """Scale every part of a request's cost down by a batch discount in percent."""
    discount = to_decimal(discount_percent, name="Batch discount")
    if not 0 <= discount <= _HUNDRED:
        raise InvalidInputs.single(
            field="batch_discount_percent",
            message=(
                f"Batch discount must be between 0 and 100 percent; "
                f"you entered {discount:f}."
            ),
        )

    keep = (_HUNDRED - discount) / _HUNDRED
    return RequestCost(
        input_usd=cost.input_usd * keep,
        cached_input_usd=cost.cached_input_usd * keep,
        output_usd=cost.output_usd * keep,
        reasoning_usd=cost.reasoning_usd * keep,
    )


def monthly_cost(
    *, cost_per_request_usd: Decimal, requests_per_month: Decimal
) -> Decimal:
    """The monthly bill in USD: cost per request times requests per month."""
    cost = to_decimal(cost_per_request_usd, name="Cost per request")
    requests = to_decimal(requests_per_month, name="Requests per month")
    if requests < 0:
        raise InvalidInputs.single(
            field="requests_per_month",
            message=f"Requests per month must be 0 or more; you entered {requests:f}.",
        )

    return cost * requests


def blended_usd_per_mtok(
    *,
    input_usd_per_mtok: Decimal,
    output_usd_per_mtok: Decimal,
    input_parts: Decimal | int = 3,
    output_parts: Decimal | int = 1,
) -> Decimal:
    """One rate for a token mix: the input and output rates weighted by their parts."""
    prices = TokenPrices(
        input_usd_per_mtok=input_usd_per_mtok, output_usd_per_mtok=output_usd_per_mtok
    )
    input_weight = to_decimal(input_parts, name="Input parts")
    output_weight = to_decimal(output_parts, name="Output parts")

    problems = [
        InputProblem(
            field=field,
            message=f"{words} must be above 0; you entered {weight:f}.",
        )
        for field, words, weight in (
            ("input_parts", "Input parts", input_weight),
            ("output_parts", "Output parts", output_weight),
        )
        if weight <= 0
    ]
    if problems:
        raise InvalidInputs(problems)

    weighted = (
        prices.input_usd_per_mtok * input_weight
        + prices.output_usd_per_mtok * output_weight
    )
    return weighted / (input_weight + output_weight)
