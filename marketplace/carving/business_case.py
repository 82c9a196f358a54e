"""The employer's business case for a carved role: yearly cost of the hours before and after."""

from decimal import ROUND_HALF_UP, Decimal

from marketplace.carving.data import BusinessCase, as_hours
from marketplace.carving.messages import Message, Problem

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _decimal_or_none(value) -> Decimal | None:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (ArithmeticError, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def money_problems(*, carved_hourly_wage, subsidy_percent, weeks_per_year) -> list[Problem]:
    """Problems of the business-case parameters, named as the keyword arguments of ``propose_roles``."""
    problems = []
    wage = _decimal_or_none(carved_hourly_wage)
    if wage is None or wage <= 0:
        problems.append(Problem("carved_hourly_wage", Message("money_not_positive")))
    percent = _decimal_or_none(subsidy_percent)
    if percent is None or not 0 <= percent <= 100:
        problems.append(Problem("subsidy_percent", Message("percent_range")))
    if not isinstance(weeks_per_year, int) or not 1 <= weeks_per_year <= 53:
        problems.append(Problem("weeks_per_year", Message("weeks_range")))
    return problems


def business_case(
    *, hours_per_week, skilled_hourly_cost: Decimal, carved_hourly_wage: Decimal, subsidy_percent: Decimal,
    weeks_per_year: int = 52,
) -> BusinessCase:
    """Yearly cost of the hours at the skilled rate versus the carved wage, and the wage subsidy.

    The subsidy is ``subsidy_percent`` of the carved role's wage cost (loonkostensubsidie).
    Each amount is rounded to cents once; the net figures are sums of the rounded amounts.
    """
    hours = as_hours(hours_per_week)
    skilled_rate, carved_rate = Decimal(skilled_hourly_cost), Decimal(carved_hourly_wage)
    percent = Decimal(subsidy_percent)
    skilled = to_cents(hours * skilled_rate * weeks_per_year)
    carved_exact = hours * carved_rate * weeks_per_year
    carved = to_cents(carved_exact)
    subsidy = to_cents(carved_exact * percent / HUNDRED)
    return BusinessCase(
        hours_per_week=hours,
        weeks_per_year=weeks_per_year,
        skilled_hourly_cost=skilled_rate,
        carved_hourly_wage=carved_rate,
        subsidy_percent=percent,
        yearly_skilled_cost=skilled,
        yearly_carved_cost=carved,
        yearly_wage_subsidy=subsidy,
        net_yearly_carved_cost=carved - subsidy,
        net_yearly_saving=skilled - carved + subsidy,
    )
