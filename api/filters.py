"""Query filters for the list endpoints. Every filter names itself in its error message.

Flag and choice filters take codes either repeated (``weekday=mon&weekday=wed``) or
comma-separated (``weekday=mon,wed``).
"""

import math
import re

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from marketplace.access import actor_for
from marketplace.choices import RoleKind, RoleStatus, RungChoice, SeekerStatus
from marketplace.constants import (
    SEARCH_RADIUS_KM_DEFAULT,
    SEARCH_RADIUS_KM_MAX,
    SEEKER_HOURS_MAX,
    SEEKER_HOURS_MIN,
    LanguageLevel,
    Support,
    Weekday,
    flags_from_names,
)
from marketplace.form_fields import HoursRangeMixin
from marketplace.models import JobSeeker, Role, Skill
from marketplace.role_filters import POSTCODE, PostcodeAreaField

MAX_ID = 2**63 - 1
_CBS_CODE = re.compile(r"^GM[0-9]{4}$")


def _as_id(text: str) -> int | None:
    """The database id written in ``text``, or None when it is not one (letters, signs, too large)."""
    if text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID:
        return int(text)
    return None


def _split_commas(values) -> list[str]:
    return [part.strip() for value in values or [] for part in str(value).split(",") if part.strip()]


class CommaSeparatedMultipleChoiceField(forms.MultipleChoiceField):
    def to_python(self, value):
        return _split_commas(super().to_python(value))


class CommaSeparatedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        values = _split_commas(value) if isinstance(value, list | tuple) else value
        for item in values or []:
            # Ids beyond the database's integer range would crash SQLite's IN lookup.
            if _as_id(item) is None:
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                            params={"pk": item})
        # An absent parameter must not filter: Django cleans it to an empty queryset, which would.
        return list(super().clean(values))


class CodesFilter(django_filters.MultipleChoiceFilter):
    field_class = CommaSeparatedMultipleChoiceField


class IdsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = CommaSeparatedModelMultipleChoiceField


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class PointField(PostcodeAreaField):
    """``latitude,longitude`` in decimal degrees (``52.37,4.89``), or a Dutch postcode (``1234 AB`` or ``1234``),
    which stands for the centre of its four-digit area."""

    default_error_messages = {
        "invalid": _("Give a point as latitude,longitude, for example 52.37,4.89, or a postcode such as 1234 AB."),
    }

    def point_of(self, value: str) -> tuple[float, float]:
        if POSTCODE.match(value):
            return super().point_of(value)
        try:
            latitude, longitude = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not (math.isfinite(latitude) and math.isfinite(longitude)
                and -90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return latitude, longitude


class PointFilter(django_filters.CharFilter):
    field_class = PointField


class MunicipalityReferenceField(forms.CharField):
    """A municipality by id (``12``) or by CBS code (``GM0363``)."""

    default_error_messages = {"invalid": _("Give a municipality id or a CBS code such as GM0363.")}

    def to_python(self, value):
        value = (super().to_python(value) or "").strip().upper()
        if not value:
            return None
        if _as_id(value) is not None:
            return {"municipality_id": _as_id(value)}
        if _CBS_CODE.match(value):
            return {"municipality__cbs_code": value}
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class MunicipalityReferenceFilter(django_filters.CharFilter):
    field_class = MunicipalityReferenceField


class RoleOrderingFilter(django_filters.OrderingFilter):
    """Ordering with a stable tie-breaker, and unpublished roles last on every database."""

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            field = self.get_ordering_value(param)
            descending, name = field.startswith("-"), field.lstrip("-")
            expression = F(name)
            ordering.append(expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True))
        return qs.order_by(*ordering, "-id")


class RoleQueryForm(HoursRangeMixin, forms.Form):
    """Rules that span the role list's query parameters: hours the right way round, and distance only from a point."""

    def clean(self):
        data = super().clean()
        if data.get("radius_km") is not None and not data.get("near"):
            self.add_error("radius_km", _("radius_km only works together with near."))
        ordering = [param.lstrip("-") for param in data.get("ordering") or []]
        if "distance" in ordering and not data.get("near"):
            self.add_error("ordering", _("Ordering by distance needs a point in near."))
        return data


class RoleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=100,
                                  help_text=_("Text in the title, description or organisation name."))
    kind = CodesFilter(choices=RoleKind.choices, method="filter_kind", help_text=_("Kinds of work."))
    status = django_filters.ChoiceFilter(
        choices=RoleStatus.choices,
        help_text=_("Status; anonymous clients only ever see published roles."),
    )
    organisation = IntegerFilter(field_name="organisation", min_value=1, max_value=MAX_ID,
                                 help_text=_("Organisation id."))
    skill = IdsFilter(queryset=Skill.objects.all(), method="filter_skill",
                      help_text=_("Skill ids (from /api/v1/skills/); roles asking for any of them."))
    hours_min = IntegerFilter(min_value=SEEKER_HOURS_MIN, max_value=SEEKER_HOURS_MAX, method="filter_hours",
                              help_text=_("You can work at least this many hours per week."))
    hours_max = IntegerFilter(min_value=SEEKER_HOURS_MIN, max_value=SEEKER_HOURS_MAX, method="filter_hours",
                              help_text=_("You can work at most this many hours per week."))
    weekday = CodesFilter(choices=[(m.name.lower(), m.name.lower()) for m in Weekday], method="filter_weekday",
                          help_text=_("Days you are available; roles worked on at least one of them."))
    language_level = django_filters.ChoiceFilter(
        choices=[(level.name, level.name) for level in LanguageLevel], method="filter_language_level",
        help_text=_("Your Dutch level; roles that ask for this level or lower."),
    )
    support_offered = CodesFilter(
        choices=[(m.name.lower(), m.name.lower()) for m in Support], method="filter_support",
        help_text=_("Support you need; roles that offer all of it."),
    )
    target_rung = django_filters.ChoiceFilter(choices=RungChoice.choices, help_text=_("Target ladder rung."))
    municipality = MunicipalityReferenceFilter(method="filter_municipality",
                                               help_text=_("Municipality id or CBS code (GM0363)."))
    near = PointFilter(method="filter_near",
                       help_text=_("A point latitude,longitude or a postcode; roles within radius_km of it, with "
                                   "distance_km."))
    radius_km = django_filters.NumberFilter(
        method="filter_noop", min_value=0.1, max_value=SEARCH_RADIUS_KM_MAX,
        help_text=format_lazy(_("Search radius around near in km (default {default}, at most {most})."),
                              default=SEARCH_RADIUS_KM_DEFAULT, most=SEARCH_RADIUS_KM_MAX),
    )
    ordering = RoleOrderingFilter(
        fields=(("published_at", "published_at"), ("hours_max", "hours"), ("title", "title"),
                ("distance_km", "distance")),
        help_text=_("published_at, hours, title or distance (with near); prefix - for descending."),
    )

    class Meta:
        model = Role
        fields = []
        form = RoleQueryForm

    def filter_q(self, queryset, name, value: str):
        return queryset.search(value)

    def filter_kind(self, queryset, name, value: list[str]):
        return queryset.of_kinds(value)

    @extend_schema_field(OpenApiTypes.INT)
    def filter_skill(self, queryset, name, value):
        return queryset.requiring_any_skill([skill.pk for skill in value])

    def filter_hours(self, queryset, name, value: int):
        return queryset.fitting_hours(**{name: value})

    def filter_weekday(self, queryset, name, value: list[str]):
        return queryset.on_any_weekday(flags_from_names(Weekday, value))

    def filter_support(self, queryset, name, value: list[str]):
        return queryset.offering_support(flags_from_names(Support, value))

    def filter_language_level(self, queryset, name, value: str):
        return queryset.open_to_language_level(int(LanguageLevel[value]))

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(**value)

    def filter_near(self, queryset, name, value):
        latitude, longitude = value
        radius = self.form.cleaned_data.get("radius_km") or SEARCH_RADIUS_KM_DEFAULT
        return queryset.near(latitude, longitude, float(radius))

    def filter_noop(self, queryset, name, value):
        # radius_km is read by filter_near.
        return queryset


class SeekerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=100, help_text=_("Text in the first or last name."))
    status = django_filters.ChoiceFilter(choices=SeekerStatus.choices, help_text=_("Status on the caseload."))
    rung = django_filters.ChoiceFilter(choices=RungChoice.choices, help_text=_("Current ladder rung."))
    mine = django_filters.BooleanFilter(method="filter_mine", help_text=_("Only your own caseload."))

    class Meta:
        model = JobSeeker
        fields = []

    def filter_q(self, queryset, name, value: str):
        return queryset.search(value)

    def filter_mine(self, queryset, name, value: bool):
        actor = actor_for(self.request.user if self.request else None)
        if value and actor.is_caseworker:
            return queryset.filter(caseworker=actor.caseworker)
        return queryset


class SkillFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=100, help_text=_("Text in the Dutch or English name."))
    category = django_filters.CharFilter(field_name="category__code", max_length=40,
                                         help_text=_("Category code, e.g. schoonmaak."))

    class Meta:
        model = Skill
        fields = []

    def filter_q(self, queryset, name, value: str):
        return queryset.filter(Q(name_nl__icontains=value) | Q(name_en__icontains=value))
