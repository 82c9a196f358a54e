"""Job carving in the API: analyses and tasks as sent and shown, proposal parameters, and proposals."""

from decimal import Decimal

from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.common import (
    MunicipalityRefSerializer,
    OrganisationRefSerializer,
    PlaceFields,
    SkillLevelSerializer,
    physical_field,
    weekdays_field,
)
from api.serializers.fields import (
    FlagNamesField,
    LanguageLevelField,
    NamedChoiceField,
    StrictDecimalField,
    StrictFloatField,
    StrictInputMixin,
    StrictIntegerField,
)
from api.serializers.roles import RoleSerializer
from marketplace.carving.bundles import DEFAULT_TRAVEL_SPEED_KMH
from marketplace.constants import ROLE_HOURS_MAX, Physical, Support, Weekday
from marketplace.models import JobAnalysis, Organisation, Role, Task, TaskComplexity, TaskSkill
from marketplace.services.bundles import BundleParameters
from marketplace.services.carved_roles import ProposalChoice
from marketplace.services.carving_proposals import ProposalParameters
from marketplace.services.job_analyses import TaskSkillInput

HOURS = {"max_digits": 5, "decimal_places": 2}
MAX_ID = 2**63 - 1  # the largest primary key the database holds


def id_field(**kwargs):
    return StrictIntegerField(min_value=1, max_value=MAX_ID, **kwargs)


def hours_field(**kwargs):
    return StrictDecimalField(**HOURS, coerce_to_string=False, **kwargs)


def money_field(**kwargs):
    return StrictDecimalField(max_digits=9, decimal_places=2, **kwargs)


class TaskSkillSerializer(SkillLevelSerializer):
    class Meta(SkillLevelSerializer.Meta):
        model = TaskSkill


class TaskSerializer(StrictInputMixin, PlaceFields, serializers.ModelSerializer):
    """A task of an analysed job. Without coordinates or postcode it happens at the organisation's address."""

    complexity = NamedChoiceField(enum_name="TaskComplexity", choices=TaskComplexity.choices)
    hours_per_week = hours_field(min_value=Decimal(0), help_text=_(
        "The hours this task takes each week in total. One person must be able to do them on the chosen days, "
        "between the start and end time; split bigger work into more tasks."
    ))
    skills = TaskSkillSerializer(source="skill_levels", many=True, required=False)
    weekdays = weekdays_field(allow_empty=False)
    physical_demands = physical_field(required=False)
    language_level = LanguageLevelField(required=False)

    class Meta:
        model = Task
        fields = [
            "id", "order", "name", "hours_per_week", "complexity", "skills", "weekdays", "window_start", "window_end",
            "street", "postcode", "city", "latitude", "longitude", "physical_demands", "language_level",
            "learnable_on_the_job",
        ]
        read_only_fields = ["id", "order"]

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        skills = data.pop("skill_levels", None)
        return {"data": data, "skills": None if skills is None else [TaskSkillInput(**item) for item in skills]}


class JobAnalysisSerializer(StrictInputMixin, serializers.ModelSerializer):
    """An existing job as it is worked today: one position's weekly hours and the hourly cost of the job."""

    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), required=False,
        help_text=_("The employer whose job this is; may be left out when you act for just one employer. "
                    "Caseworkers choose any employer of their municipality."),
        error_messages={"does_not_exist": _('You cannot analyse jobs of an organisation with id "{pk_value}".')},
    )
    municipality = MunicipalityRefSerializer(read_only=True)
    hours_per_week = hours_field(min_value=Decimal(0))
    hourly_cost = money_field(min_value=Decimal(0))
    tasks = TaskSerializer(many=True, read_only=True)
    carved_roles = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = JobAnalysis
        fields = ["id", "organisation", "municipality", "title", "staff_count", "hours_per_week", "hourly_cost",
                  "tasks", "carved_roles", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations

    def validate_organisation(self, organisation):
        if self.instance is not None and organisation.pk != self.instance.organisation_id:
            raise serializers.ValidationError(_("An analysis cannot move to another organisation."))
        return organisation

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["organisation"] = OrganisationRefSerializer(instance.organisation).data
        return data


class ReorderSerializer(StrictInputMixin, serializers.Serializer):
    task_ids = serializers.ListField(child=id_field(), allow_empty=False,
                                     help_text=_("Every task id of the analysis, in the new order."))


class ProposalParametersSerializer(StrictInputMixin, serializers.Serializer):
    target_min_hours = hours_field(default=8, help_text=_("The smallest role to propose, in hours per week."))
    target_max_hours = hours_field(default=24, help_text=format_lazy(_("The largest role to propose, at most {most}."),
                                                                     most=ROLE_HOURS_MAX))
    carved_hourly_wage = money_field(help_text=_("Hourly wage of the carved role, in euros."))
    include_ids = serializers.ListField(
        child=id_field(), required=False, allow_null=True, default=None,
        help_text=_("Only these tasks may be carved out (leave out for all simple tasks)."),
    )
    exclude_ids = serializers.ListField(child=id_field(), required=False, default=list,
                                        help_text=_("Tasks to leave with the current staff."))

    def parameters(self) -> ProposalParameters:
        data = self.validated_data
        include = data.get("include_ids")
        return ProposalParameters(
            target_min_hours=data["target_min_hours"], target_max_hours=data["target_max_hours"],
            carved_hourly_wage=data["carved_hourly_wage"], include_ids=None if include is None else tuple(include),
            exclude_ids=tuple(data.get("exclude_ids") or ()),
        )


class ProposalChoiceSerializer(StrictInputMixin, serializers.Serializer):
    index = StrictIntegerField(min_value=0, max_value=10_000,
                                     help_text=_("Position of the proposal in the propose response."))
    task_ids = serializers.ListField(
        child=id_field(), required=False,
        help_text=_("The task ids of the proposal as you saw it; if the proposals changed since, nothing is created."),
    )
    title = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")

    def choice(self, data=None) -> ProposalChoice:
        data = data if data is not None else self.validated_data
        task_ids = data.get("task_ids")
        return ProposalChoice(index=data["index"], task_ids=None if task_ids is None else tuple(task_ids),
                              title=data.get("title", ""))


class AcceptSerializer(ProposalParametersSerializer):
    proposals = ProposalChoiceSerializer(many=True, allow_empty=False,
                                         help_text=_("The proposals to create as draft roles."))

    def choices(self) -> list[ProposalChoice]:
        return [ProposalChoiceSerializer().choice(item) for item in self.validated_data["proposals"]]


class BundleParametersSerializer(StrictInputMixin, serializers.Serializer):
    analysis_ids = serializers.ListField(child=id_field(), allow_empty=False,
                                         help_text=_("Job analyses of at least two employers of your municipality."))
    target_min_hours = hours_field(default=8)
    target_max_hours = hours_field(default=24)
    travel_speed_kmh = StrictDecimalField(
        max_digits=4, decimal_places=1, min_value=Decimal(0), default=Decimal(str(DEFAULT_TRAVEL_SPEED_KMH)),
        coerce_to_string=False,
        help_text=_("Travel speed between sites; 15 km/h is cycling."),
    )
    carved_hourly_wage = money_field(required=False, allow_null=True, default=None)

    def parameters(self) -> BundleParameters:
        data = self.validated_data
        return BundleParameters(target_min_hours=data["target_min_hours"], target_max_hours=data["target_max_hours"],
                                travel_speed_kmh=data["travel_speed_kmh"],
                                carved_hourly_wage=data.get("carved_hourly_wage"))


class BundleAcceptSerializer(BundleParametersSerializer):
    carved_hourly_wage = money_field(help_text=_("Hourly wage of the combined job, in euros."))
    proposal = ProposalChoiceSerializer()
    employer_of_record = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=20,
        help_text=_('Id of a participating employer, or "municipality" for the municipality\'s employment '
                    "organisation; empty for the suggested one."),
    )

    def choice(self) -> ProposalChoice:
        return ProposalChoiceSerializer().choice(self.validated_data["proposal"])


# Responses ----------------------------------------------------------------------------------------


class BusinessCaseSerializer(serializers.Serializer):
    hours_per_week = hours_field()
    weeks_per_year = StrictIntegerField()
    skilled_hourly_cost = money_field()
    carved_hourly_wage = money_field()
    subsidy_percent = StrictDecimalField(max_digits=5, decimal_places=2)
    yearly_skilled_cost = money_field(help_text=_("What these hours cost a year at the skilled rate."))
    yearly_carved_cost = money_field(help_text=_("What they cost a year at the carved role's wage."))
    yearly_wage_subsidy = money_field(help_text=_("The municipality's wage subsidy a year."))
    net_yearly_carved_cost = money_field()
    net_yearly_saving = money_field(help_text=_("Skilled cost minus carved cost plus subsidy."))


class ProposedTaskSerializer(serializers.Serializer):
    id = StrictIntegerField(source="pk")
    name = serializers.CharField()
    organisation = serializers.CharField(source="analysis.organisation.name")
    hours_per_week = hours_field()
    complexity = StrictIntegerField()
    weekdays = weekdays_field()
    window_start = serializers.TimeField()
    window_end = serializers.TimeField()


class RequiredSkillSerializer(serializers.Serializer):
    skill = StrictIntegerField()
    name = serializers.CharField()
    level = StrictIntegerField()


class _ProposalSerializer(serializers.Serializer):
    index = StrictIntegerField()
    task_ids = serializers.ListField(child=id_field(), source="proposal.task_ids")
    tasks = ProposedTaskSerializer(many=True)
    hours_per_week = hours_field(source="proposal.hours")
    weekdays = FlagNamesField(flag_type=Weekday, enum_name="Weekday", source="proposal.weekdays")
    required_skills = serializers.SerializerMethodField()
    language_level = LanguageLevelField(source="proposal.language_level")
    physical_demands = FlagNamesField(flag_type=Physical, enum_name="PhysicalDemand",
                                      source="proposal.physical_demands")
    suggested_support = FlagNamesField(flag_type=Support, enum_name="Support", source="proposal.suggested_support")
    support_hints = serializers.ListField(child=serializers.CharField(), source="hints")

    @extend_schema_field(RequiredSkillSerializer(many=True))
    def get_required_skills(self, view):
        return [{"skill": skill.pk, "name": skill.name, "level": level} for skill, level in view.skills]


class RoleProposalSerializer(_ProposalSerializer):
    skilled_hours_freed_per_week = hours_field(source="proposal.skilled_hours_freed_per_week")
    business_case = BusinessCaseSerializer(source="proposal.business_case")


class NotCarvedSerializer(serializers.Serializer):
    task = StrictIntegerField(source="task.id")
    name = serializers.CharField(source="task.name")
    reason = serializers.SerializerMethodField(help_text=_("Why the task stays with the current staff."))

    def get_reason(self, outcome) -> str:
        return outcome.reason.text(get_language() or "nl")


class CarvingResultSerializer(serializers.Serializer):
    proposals = RoleProposalSerializer(many=True)
    not_carved = NotCarvedSerializer(many=True)
    hours_carved = hours_field()
    yearly_net_saving = money_field()
    subsidy_percent = StrictDecimalField(max_digits=5, decimal_places=2)


class OrganisationHoursSerializer(serializers.Serializer):
    id = StrictIntegerField()
    name = serializers.CharField()
    hours_per_week = hours_field()


class TravelLegSerializer(serializers.Serializer):
    weekday = serializers.CharField()
    from_task = StrictIntegerField()
    to_task = StrictIntegerField()
    distance_km = StrictFloatField()
    minutes_needed = StrictFloatField()
    minutes_available = StrictFloatField()


class BundleProposalSerializer(_ProposalSerializer):
    organisations = serializers.SerializerMethodField()
    employer_of_record = StrictIntegerField(
        source="proposal.employer_of_record", allow_null=True,
        help_text=_("The employer with more than half of the hours; null means the municipality's employment "
                    "organisation is suggested."),
    )
    legs = serializers.SerializerMethodField()
    travel_km_per_week = StrictDecimalField(max_digits=7, decimal_places=1, source="proposal.travel_km_per_week")

    @extend_schema_field(OrganisationHoursSerializer(many=True))
    def get_organisations(self, view):
        return [{"id": organisation.pk, "name": organisation.name, "hours_per_week": hours}
                for organisation, hours in view.organisations]

    @extend_schema_field(TravelLegSerializer(many=True))
    def get_legs(self, view):
        return [{
            "weekday": Weekday(leg.weekday).name.lower(), "from_task": leg.from_task_id, "to_task": leg.to_task_id,
            "distance_km": round(leg.distance_km, 2), "minutes_needed": round(leg.minutes_needed, 1),
            "minutes_available": round(leg.minutes_available, 1),
        } for leg, _from, _to in view.legs]


class BundleListSerializer(serializers.Serializer):
    proposals = BundleProposalSerializer(many=True)


class CarvedRoleSerializer(RoleSerializer):
    """A role as the carving endpoints return it: the public role plus where it was carved from."""

    participating_organisations = serializers.SlugRelatedField(
        slug_field="name", many=True, read_only=True,
        help_text=_("For a combined job (stapelbaan): the names of every organisation whose tasks it holds."),
    )
    job_analysis = serializers.PrimaryKeyRelatedField(read_only=True)
    carved_tasks = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta(RoleSerializer.Meta):
        model = Role
        fields = [*RoleSerializer.Meta.fields, "participating_organisations", "job_analysis", "carved_tasks"]
        read_only_fields = fields

