from decimal import Decimal

from marketplace.carving import business_case
from marketplace.geo import haversine_km


def test_yearly_costs_are_hours_times_rate_times_weeks_and_the_subsidy_a_share_of_the_carved_wage():
    case = business_case(hours_per_week=7.5, skilled_hourly_cost=Decimal("41.37"),
                         carved_hourly_wage=Decimal("14.06"), subsidy_percent=Decimal("33.3"))

    assert case.yearly_skilled_cost == Decimal("16134.30")  # 7.5 x 41.37 x 52
    assert case.yearly_carved_cost == Decimal("5483.40")  # 7.5 x 14.06 x 52
    assert case.yearly_wage_subsidy == Decimal("1825.97")  # 33.3 % of 5483.40, rounded to cents
    assert case.net_yearly_carved_cost == Decimal("3657.43")
    assert case.net_yearly_saving == Decimal("12476.87")


def test_the_figures_on_screen_add_up_to_the_cent():
    case = business_case(hours_per_week=Decimal("13.25"), skilled_hourly_cost=Decimal("33.33"),
                         carved_hourly_wage=Decimal("13.68"), subsidy_percent=Decimal("47.5"), weeks_per_year=46)

    assert case.net_yearly_saving == case.yearly_skilled_cost - case.yearly_carved_cost + case.yearly_wage_subsidy
    assert case.net_yearly_carved_cost == case.yearly_carved_cost - case.yearly_wage_subsidy
    assert all(amount.as_tuple().exponent == -2 for amount in (
        case.yearly_skilled_cost, case.yearly_carved_cost, case.yearly_wage_subsidy, case.net_yearly_saving))


def test_half_cents_round_up():
    case = business_case(hours_per_week=Decimal("0.5"), skilled_hourly_cost=Decimal("0.01"),
                         carved_hourly_wage=Decimal("0.01"), subsidy_percent=Decimal("0"), weeks_per_year=1)

    assert case.yearly_skilled_cost == Decimal("0.01")


def test_without_subsidy_the_saving_is_the_wage_difference():
    case = business_case(hours_per_week=10, skilled_hourly_cost=Decimal("40"), carved_hourly_wage=Decimal("15"),
                         subsidy_percent=Decimal("0"))

    assert case.yearly_wage_subsidy == Decimal("0.00")
    assert case.net_yearly_saving == Decimal("13000.00")  # 10 x (40 - 15) x 52


def test_fewer_working_weeks_lower_every_yearly_figure():
    full = business_case(hours_per_week=10, skilled_hourly_cost=Decimal("40"), carved_hourly_wage=Decimal("15"),
                         subsidy_percent=Decimal("20"))
    school_year = business_case(hours_per_week=10, skilled_hourly_cost=Decimal("40"),
                                carved_hourly_wage=Decimal("15"), subsidy_percent=Decimal("20"), weeks_per_year=40)

    assert school_year.yearly_skilled_cost == Decimal("16000.00")
    assert school_year.net_yearly_saving < full.net_yearly_saving


def test_distance_between_amsterdam_and_utrecht_stations_is_about_35_km():
    assert 35.0 < haversine_km(52.3791, 4.9003, 52.0894, 5.1101) < 35.5
