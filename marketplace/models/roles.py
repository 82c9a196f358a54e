"""Roles: units of work with hours, schedule, place, skills and support, and their status workflow."""

import math

from django.conf import settings
from django.db import models
from django.db.models.functions import ASin, Cos, Floor, Power, Radians, Sin, Sqrt
from django.utils.translation import gettext_lazy as _

from marketplace import geo
from marketplace.choices import (
    PHYSICAL_LABELS,
    SUPPORT_LABELS,
    WEEKDAY_LABELS,
    LanguageLevelChoice,
    RoleKind,
    RoleStatus,
    RungChoice,
    SkillLevelChoice,
)
from marketplace.constants import (
    ALLOWANCE_MAX_DIGITS,
    LONG_TEXT_MAX_LENGTH,
    ROLE_HOURS_MAX,
    ROLE_HOURS_MIN,
    WAGE_MAX_DIGITS,
    Physical,
    Support,
    Weekday,
)
from marketplace.fields import BoundedTextField, FlagsField
from marketplace.models.skills import Skill, skill_level_check
from marketplace.models.tenancy import Address, Municipality, Organisation
from marketplace.validators import validate_plausible_date, validate_title


class RoleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=RoleStatus.PUBLISHED)

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def of_organisations(self, organisations):
        return self.filter(organisation__in=organisations)

    def near(self, latitude: float, longitude: float, radius_km: float):
        """Roles within ``radius_km`` of a point, annotated with ``distance_km``.

        Work at a resident's address is measured from its public point (``geo.public_point``) for
        the radius, the order and ``distance_km`` alike, so that a search from many points cannot
        pin the door; ``exact_distance_km`` keeps the distance to the door for the role's own
        organisation and caseworkers. A bounding box (widened by the rounding of the public point)
        narrows the rows on plain column comparisons first; the haversine distance then decides.
        """
        slack = 0.5 / 10**geo.PUBLIC_COORDINATE_DECIMALS
        lat_delta = radius_km / geo.KM_PER_DEGREE_LATITUDE + slack
        lon_delta = radius_km / max(geo.KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude)), 1e-6) + slack
        exact = distance_km_expression(latitude, longitude)
        public = distance_km_expression(latitude, longitude, row_latitude=_public_coordinate("latitude"),
                                        row_longitude=_public_coordinate("longitude"))
        return (
            self.filter(
                latitude__range=(latitude - lat_delta, latitude + lat_delta),
                longitude__range=(longitude - lon_delta, longitude + lon_delta),
            )
            .annotate(
                exact_distance_km=exact,
                distance_km=models.Case(models.When(at_requester_address=True, then=public), default=exact,
                                        output_field=models.FloatField()),
            )
            .filter(distance_km__lte=radius_km)
        )

    def search(self, text: str):
        """Roles whose title, description or organisation name contains ``text`` (any case)."""
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(description__icontains=text)
            | models.Q(organisation__name__icontains=text)
        )

    def of_kinds(self, kinds):
        return self.filter(kind__in=kinds)

    def requiring_any_skill(self, skill_ids):
        """Roles that ask for at least one of the skills (required or nice to have), without duplicates."""
        return self.filter(
            models.Exists(RoleSkill.objects.filter(role=models.OuterRef("pk"), skill_id__in=skill_ids))
        )

    def fitting_hours(self, hours_min: int | None = None, hours_max: int | None = None):
        """Roles whose hours range overlaps the range a person can work."""
        queryset = self
        if hours_min is not None:
            queryset = queryset.filter(hours_max__gte=hours_min)
        if hours_max is not None:
            queryset = queryset.filter(hours_min__lte=hours_max)
        return queryset

    def on_any_weekday(self, weekdays: int):
        """Roles worked on at least one of the weekday flags in ``weekdays``."""
        return self.alias(weekday_overlap=models.F("weekdays").bitand(weekdays)).filter(weekday_overlap__gt=0)

    def offering_support(self, support: int):
        """Roles that offer every support flag in ``support``."""
        return self.alias(support_match=models.F("support_offered").bitand(support)).filter(support_match=support)

    def open_to_language_level(self, level: int):
        """Roles that someone with this Dutch language level can do."""
        return self.filter(language_level_required__lte=level)

    def published_or_of(self, *, organisation_ids=(), municipality=None):
        """Published roles, plus every role of these organisations and, for staff, of this municipality."""
        condition = models.Q(status=RoleStatus.PUBLISHED) | models.Q(organisation_id__in=organisation_ids)
        if municipality is not None:
            condition |= models.Q(municipality=municipality)
        return self.filter(condition)

    def newest_first(self):
        """Newest publications first; unpublished roles last on every database."""
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-id")

    def with_listing_relations(self):
        """Everything a role list shows, in a constant number of queries."""
        return self.select_related("organisation", "municipality").prefetch_related(
            models.Prefetch("skill_requirements", queryset=RoleSkill.objects.select_related("skill"))
        )


def _public_coordinate(column: str):
    """``geo.public_coordinate`` in SQL: two decimals, half up."""
    scale = 10**geo.PUBLIC_COORDINATE_DECIMALS
    return Floor(models.F(column) * scale + 0.5) / scale


def distance_km_expression(latitude: float, longitude: float, *, row_latitude=None, row_longitude=None):
    """``geo.haversine_km`` as a database expression: from a point to the row's coordinates (or to the
    ``row_latitude`` / ``row_longitude`` expressions)."""
    row_latitude = models.F("latitude") if row_latitude is None else row_latitude
    row_longitude = models.F("longitude") if row_longitude is None else row_longitude
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    dlat = (Radians(row_latitude) - lat1) / 2
    dlon = (Radians(row_longitude) - lon1) / 2
    a = Power(Sin(dlat), 2) + math.cos(lat1) * Cos(Radians(row_latitude)) * Power(Sin(dlon), 2)
    return 2 * geo.EARTH_RADIUS_KM * ASin(Sqrt(a))


class Role(Address):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="roles", verbose_name=_("organisation")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="roles", verbose_name=_("municipality")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RoleKind.choices)
    title = models.CharField(_("title"), max_length=150, validators=[validate_title])
    description = BoundedTextField(_("description"), max_length=LONG_TEXT_MAX_LENGTH)
    hours_min = models.PositiveSmallIntegerField(_("minimum hours per week"))
    hours_max = models.PositiveSmallIntegerField(_("maximum hours per week"))
    weekdays = FlagsField(_("weekdays"), flag_type=Weekday, labels=WEEKDAY_LABELS)
    start_date = models.DateField(_("start date"), null=True, blank=True, validators=[validate_plausible_date])
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Empty means ongoing."),
                                validators=[validate_plausible_date])
    at_requester_address = models.BooleanField(
        _("at the requester's address"), default=False,
        help_text=_("Neighbourhood services done at a resident's or association's address."),
    )
    language_level_required = models.PositiveSmallIntegerField(
        _("Dutch language level required"), choices=LanguageLevelChoice.choices, default=LanguageLevelChoice.A1
    )
    physical_demands = FlagsField(_("physical demands"), flag_type=Physical, labels=PHYSICAL_LABELS, blank=True)
    support_offered = FlagsField(_("support offered"), flag_type=Support, labels=SUPPORT_LABELS, blank=True)
    target_rung = models.PositiveSmallIntegerField(
        _("target ladder rung"), choices=RungChoice.choices, default=RungChoice.PAID_WORK_WITH_SUPPORT
    )
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    hourly_wage = models.DecimalField(_("hourly wage (EUR)"), max_digits=WAGE_MAX_DIGITS, decimal_places=2, null=True,
                                      blank=True)
    volunteer_allowance = models.DecimalField(
        _("volunteer allowance per month (EUR)"), max_digits=ALLOWANCE_MAX_DIGITS, decimal_places=2, null=True,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=10, choices=RoleStatus.choices, default=RoleStatus.DRAFT)
    service_request = models.ForeignKey(
        "marketplace.ServiceRequest", on_delete=models.SET_NULL, null=True, blank=True, related_name="roles",
        verbose_name=_("neighbourhood service request"),
        help_text=_("The request this buurtdienst role was planned from."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    job_analysis = models.ForeignKey(
        "marketplace.JobAnalysis", on_delete=models.SET_NULL, null=True, blank=True, related_name="carved_roles",
        verbose_name=_("job analysis"), help_text=_("The job analysis this role was carved from."),
    )
    carved_tasks = models.ManyToManyField(
        "marketplace.Task", blank=True, related_name="carved_roles", verbose_name=_("carved tasks"),
    )
    participating_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="participating_roles", verbose_name=_("participating organisations"),
        help_text=_("For a combined job (stapelbaan): every organisation whose tasks it holds. The role's own "
                    "organisation is the employer of record."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours_min__lte=models.F("hours_max")),
                                   name="role_hours_min_le_max"),
            models.CheckConstraint(condition=models.Q(hours_min__gte=ROLE_HOURS_MIN, hours_max__lte=ROLE_HOURS_MAX),
                                   name="role_hours_1_to_40"),
            models.CheckConstraint(condition=models.Q(places__gte=1), name="role_places_at_least_1"),
            models.CheckConstraint(condition=models.Q(target_rung__gte=1, target_rung__lte=6),
                                   name="role_target_rung_1_to_6"),
            models.CheckConstraint(condition=models.Q(language_level_required__lte=6),
                                   name="role_language_level_range"),
            models.CheckConstraint(condition=models.Q(weekdays__gte=1, weekdays__lte=127),
                                   name="role_weekdays_bits"),
            models.CheckConstraint(
                condition=models.Q(hourly_wage__isnull=True) | models.Q(volunteer_allowance__isnull=True),
                name="role_wage_or_allowance",
            ),
            models.CheckConstraint(condition=models.Q(hourly_wage__isnull=True) | models.Q(hourly_wage__gt=0),
                                   name="role_wage_positive"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="role_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[choice for choice, _label in RoleStatus.choices]),
                name="role_status_known",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "municipality"]),
            models.Index(fields=["latitude", "longitude"]),
        ]

    def __str__(self):
        return self.title


class RoleSkill(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="skill_requirements")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="role_requirements",
                              verbose_name=_("skill"))
    level = models.PositiveSmallIntegerField(_("level"), choices=SkillLevelChoice.choices,
                                             default=SkillLevelChoice.BASIC)
    required = models.BooleanField(_("required"), default=True,
                                   help_text=_("Off means nice to have."))

    class Meta:
        verbose_name = _("skill of a role")
        verbose_name_plural = _("skills of roles")
        ordering = ["-required", "skill__name_nl"]
        constraints = [
            models.UniqueConstraint(fields=["role", "skill"], name="role_skill_unique"),
            skill_level_check("role_skill_level_1_3"),
        ]

    def __str__(self):
        return f"{self.skill} ({self.level})"
