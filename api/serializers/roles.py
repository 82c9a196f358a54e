"""Roles as the API shows them (no personal data) and as employers send them."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.common import (
    MunicipalityRefSerializer,
    OrganisationRefSerializer,
    PlaceFields,
    SkillLevelSerializer,
    physical_field,
    role_kind_field,
    role_status_field,
    rung_field,
    support_field,
    weekdays_field,
)
from api.serializers.fields import LanguageLevelField, StrictInputMixin, StrictIntegerField
from marketplace import geo
from marketplace.constants import ROLE_HOURS_MAX, ROLE_HOURS_MIN, ROLE_PLACES_MAX, ROLE_PLACES_MIN
from marketplace.models import Organisation, Role, RoleSkill
from marketplace.services.roles import SkillRequirement


class RoleSkillSerializer(SkillLevelSerializer):
    required = serializers.BooleanField(default=True, help_text=_("False means nice to have."))

    class Meta:
        model = RoleSkill
        fields = [*SkillLevelSerializer.Meta.fields, "required"]


class RoleSerializer(serializers.ModelSerializer):
    """The public face of a role. It carries no personal data: no creator, no contact person.

    The street is shown only to the role's own organisation and to caseworkers of its
    municipality; for work at a resident's address the public sees the postcode area only.
    """

    kind = role_kind_field(read_only=True)
    status = role_status_field(read_only=True)
    organisation = OrganisationRefSerializer(read_only=True)
    municipality = MunicipalityRefSerializer(read_only=True)
    weekdays = weekdays_field(read_only=True)
    physical_demands = physical_field(read_only=True)
    support_offered = support_field(read_only=True)
    language_level_required = LanguageLevelField(read_only=True)
    target_rung = rung_field(read_only=True)
    skills = RoleSkillSerializer(source="skill_requirements", many=True, read_only=True)
    street = serializers.SerializerMethodField(
        help_text=_("Only for the role's organisation and caseworkers of its municipality; null for others.")
    )
    distance_km = serializers.SerializerMethodField(
        help_text=_("Distance from the point given in `near`; null without `near`.")
    )

    class Meta:
        model = Role
        fields = [
            "id", "title", "description", "kind", "status", "organisation", "municipality", "hours_min",
            "hours_max", "weekdays", "start_date", "end_date", "language_level_required", "physical_demands",
            "support_offered", "target_rung", "places", "hourly_wage", "volunteer_allowance",
            "at_requester_address", "street", "postcode", "city", "latitude", "longitude", "distance_km",
            "skills", "published_at",
        ]
        read_only_fields = fields

    def _insider(self, role: Role) -> bool:
        actor = self.context.get("actor")
        if actor is None:
            return False
        if role.organisation_id in actor.organisation_ids:
            return True
        return actor.is_caseworker and actor.caseworker.municipality_id == role.municipality_id

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_street(self, role: Role):
        return role.street if self._insider(role) else None

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_distance_km(self, role: Role):
        distance = getattr(role, "distance_km", None)
        if distance is None:
            return None
        if not role.at_requester_address:
            return round(distance, 1)
        if self._insider(role):
            return round(getattr(role, "exact_distance_km", distance), 1)
        # A resident's home: whole kilometres from its public point, so distances from many points cannot pin the door.
        return geo.public_distance_km(distance)

    def to_representation(self, role: Role):
        data = super().to_representation(role)
        if role.at_requester_address and not self._insider(role):
            # A resident's home: show the area, not the door.
            data["postcode"] = (role.postcode or "")[:4]
            point = geo.public_point(role.latitude, role.longitude)
            data["latitude"], data["longitude"] = point if point else (None, None)
        return data


class RoleWriteSerializer(StrictInputMixin, PlaceFields, serializers.ModelSerializer):
    """What an employer sends to create or change a role. Status changes go through the actions."""

    unknown_field_hints = {"status": _("Change the status with the publish, fill and close actions.")}

    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), required=False,
        help_text=_("One of your organisations; may be left out when you act for just one."),
        error_messages={"does_not_exist": _('You do not act for an organisation with id "{pk_value}".')},
    )
    kind = role_kind_field()
    hours_min = StrictIntegerField(min_value=ROLE_HOURS_MIN, max_value=ROLE_HOURS_MAX)
    hours_max = StrictIntegerField(min_value=ROLE_HOURS_MIN, max_value=ROLE_HOURS_MAX)
    weekdays = weekdays_field(allow_empty=False)
    physical_demands = physical_field(required=False)
    support_offered = support_field(required=False)
    language_level_required = LanguageLevelField(required=False)
    target_rung = rung_field(required=False)
    places = StrictIntegerField(min_value=ROLE_PLACES_MIN, max_value=ROLE_PLACES_MAX, required=False)
    skills = RoleSkillSerializer(many=True, required=False)

    class Meta:
        model = Role
        fields = [
            "organisation", "kind", "title", "description", "hours_min", "hours_max", "weekdays", "start_date",
            "end_date", "at_requester_address", "language_level_required", "physical_demands", "support_offered",
            "target_rung", "places", "hourly_wage", "volunteer_allowance", "street", "postcode", "city",
            "latitude", "longitude", "skills",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actor = self.context.get("actor")
        if actor is not None:
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=actor.organisation_ids)

    def validate_organisation(self, organisation):
        if self.instance is not None and organisation.pk != self.instance.organisation_id:
            raise serializers.ValidationError(_("A role cannot move to another organisation."))
        return organisation

    def organisation_for_create(self) -> Organisation:
        """The chosen organisation, or the actor's only one."""
        chosen = self.validated_data.get("organisation")
        if chosen is not None:
            return chosen
        organisations = list(self.fields["organisation"].queryset[:2])
        if len(organisations) != 1:
            raise serializers.ValidationError(
                {"organisation": [_("Choose which of your organisations offers this role.")]}
            )
        return organisations[0]

    def service_arguments(self) -> dict:
        """The validated input split the way the role services take it."""
        data = dict(self.validated_data)
        data.pop("organisation", None)
        skills = data.pop("skills", None)
        requirements = None if skills is None else [SkillRequirement(**item) for item in skills]
        return {"data": data, "skills": requirements}
