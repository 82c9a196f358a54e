"""Factories for the domain, with traits for the common variations."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from marketplace import models
from marketplace.choices import OrganisationKind, RoleKind, RoleStatus, SeekerStatus
from marketplace.constants import WORKWEEK


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("geheim-wachtwoord-123")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Municipality
        django_get_or_create = ("cbs_code",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    # Four digits wrap around; codes above 8999 stay free for the fixed test municipalities.
    cbs_code = factory.Sequence(lambda n: f"GM{n % 8900 + 100:04d}")
    contact_email = "werk@gemeente.example"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = OrganisationKind.EMPLOYER
    name = factory.Sequence(lambda n: f"Werkgever {n}")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    street = "Marktstraat 1"
    postcode = "1234 AB"
    city = "Havenstad"
    latitude = 52.37
    longitude = 4.89

    class Params:
        association = factory.Trait(kind=OrganisationKind.ASSOCIATION, name=factory.Sequence(
            lambda n: f"Vereniging {n}"))
        provider = factory.Trait(kind=OrganisationKind.PROVIDER, name=factory.Sequence(
            lambda n: f"Re-integratiebureau {n}"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class CaseworkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Caseworker

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    team = "Werk en inkomen"


class SkillCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SkillCategory
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"categorie-{n}")
    name_nl = factory.Sequence(lambda n: f"Categorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Skill

    category = factory.SubFactory(SkillCategoryFactory)
    name_nl = factory.Sequence(lambda n: f"Vaardigheid {n}")
    name_en = factory.Sequence(lambda n: f"Skill {n}")


class JobSeekerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.JobSeeker
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"werkzoekende{n}@example.nl")
    phone = "0612345678"
    home_postcode = "1234 AB"
    latitude = 52.37
    longitude = 4.89
    max_travel_km = 10
    hours_min = 8
    hours_max = 24
    weekdays = WORKWEEK
    language_level = 3
    rung = 4
    status = SeekerStatus.ACTIVE
    card_visible = True

    class Params:
        with_account = factory.Trait(user=factory.SubFactory(UserFactory))
        paused = factory.Trait(status=SeekerStatus.PAUSED)
        without_location = factory.Trait(latitude=None, longitude=None, home_postcode="")

    @factory.post_generation
    def burden(self, create, extracted, **kwargs):
        if create:
            models.SeekerBurden.objects.create(seeker=self, **(extracted or {}))


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Role

    organisation = factory.SubFactory(OrganisationFactory)
    municipality = factory.SelfAttribute("organisation.municipality")
    kind = RoleKind.CARVED_TASK
    title = factory.Sequence(lambda n: f"Rol {n}")
    description = "Eenvoudig werk met begeleiding op de werkvloer."
    hours_min = 8
    hours_max = 16
    weekdays = WORKWEEK
    language_level_required = 1
    target_rung = 5
    places = 1
    hourly_wage = Decimal("14.40")
    street = "Marktstraat 1"
    postcode = "1234 AB"
    city = "Havenstad"
    latitude = 52.37
    longitude = 4.89
    status = RoleStatus.DRAFT

    class Params:
        published = factory.Trait(status=RoleStatus.PUBLISHED, published_at=factory.LazyFunction(timezone.now))


class RoleSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.RoleSkill

    role = factory.SubFactory(RoleFactory)
    skill = factory.SubFactory(SkillFactory)
    level = 1
    required = True


class SeekerSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SeekerSkill

    seeker = factory.SubFactory(JobSeekerFactory)
    skill = factory.SubFactory(SkillFactory)
    level = 2


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Instrument

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = models.InstrumentKind.LANGUAGE_COURSE
    name = factory.Sequence(lambda n: f"Taalcursus {n}")
    cost = Decimal("1250.00")
    duration_weeks = 26

    class Params:
        # The municipality's wage-cost subsidy for carved roles: 50% unless the test says otherwise.
        wage_cost_subsidy = factory.Trait(kind=models.InstrumentKind.WAGE_COST_SUBSIDY, name="Loonkostensubsidie",
                                          cost=Decimal("0"), duration_weeks=None, subsidy_percent=Decimal("50"))


class InstrumentAssignmentFactory(factory.django.DjangoModelFactory):
    """An instrument for a person of the instrument's municipality, planned from today."""

    class Meta:
        model = models.InstrumentAssignment

    instrument = factory.SubFactory(InstrumentFactory)
    seeker = factory.SubFactory(JobSeekerFactory, municipality=factory.SelfAttribute("..instrument.municipality"))
    start_date = factory.LazyFunction(timezone.localdate)
    cost = factory.SelfAttribute("instrument.cost")


class CaseloadCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CaseloadCategory
        django_get_or_create = ("municipality", "key")

    municipality = factory.SubFactory(MunicipalityFactory)
    key = models.CategoryKey.WORK_WITH_SUPPORT
    name = factory.LazyAttribute(lambda category: str(models.CategoryKey(category.key).label))


class ContactMomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ContactMoment

    seeker = factory.SubFactory(JobSeekerFactory)
    date = factory.LazyFunction(timezone.localdate)
    kind = models.ContactKind.CONVERSATION
