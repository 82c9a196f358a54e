"""The koffer: a municipality's instruments, and the instruments deployed for one job seeker.

Ids a caseworker sends (an instrument, a provider, a plan action, an application) are looked up
among their own municipality's only: anyone else's answers as if no record had that id, on the field
that named it. The services decide everything else (see marketplace/services/instruments.py).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import NamedChoiceField, StrictDecimalField, StrictInputMixin, StrictIntegerField
from marketplace.constants import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.models import Application, Instrument, InstrumentAssignment, Organisation, PlanAction
from marketplace.models.koffer import (
    COST_MAX_DIGITS,
    INSTRUMENT_DURATION_WEEKS_MAX,
    AssignmentResult,
    AssignmentStatus,
    InstrumentKind,
)
from marketplace.selectors.instruments import instrument_catalogue, staff_municipality_id


def cost_field(**kwargs):
    return StrictDecimalField(max_digits=COST_MAX_DIGITS, decimal_places=2, **kwargs)


def kind_field(**kwargs):
    return NamedChoiceField(enum_name="InstrumentKind", choices=InstrumentKind.choices, **kwargs)


def result_field(**kwargs):
    return NamedChoiceField(enum_name="AssignmentResult", choices=AssignmentResult.choices, **kwargs)


class OwnMunicipalityMixin:
    """Narrow the id fields named in ``scoped`` to the records of the caseworker's own municipality."""

    scoped: dict[str, tuple] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actor = self.context.get("actor")
        municipality_id = staff_municipality_id(actor) if actor is not None else None
        for name, (model, lookup) in self.scoped.items():
            if name in self.fields:
                self.fields[name].queryset = (model.objects.filter(**{lookup: municipality_id})
                                              if municipality_id is not None else model.objects.none())


class ProviderRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name"]
        read_only_fields = fields


class InstrumentSerializer(serializers.ModelSerializer):
    kind = kind_field(read_only=True)
    provider = ProviderRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Instrument
        fields = ["id", "kind", "name", "description", "cost", "duration_weeks", "provider", "subsidy_percent",
                  "active", "created_at"]
        read_only_fields = fields


class InstrumentWriteSerializer(OwnMunicipalityMixin, StrictInputMixin, serializers.Serializer):
    scoped = {"provider": (Organisation, "municipality_id")}

    kind = kind_field()
    name = serializers.CharField(max_length=150, help_text=_("Unique within the municipality."))
    description = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True)
    cost = cost_field(required=False, help_text=_("The usual cost per person in euros; 0 or more."))
    duration_weeks = StrictIntegerField(required=False, allow_null=True, min_value=1,
                                        max_value=INSTRUMENT_DURATION_WEEKS_MAX,
                                        help_text=_("The usual duration in weeks."))
    provider = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), required=False, allow_null=True,
        help_text=_("Id of a provider organisation of the municipality that carries it out."),
    )
    subsidy_percent = StrictDecimalField(
        max_digits=5, decimal_places=2, required=False, allow_null=True,
        help_text=_("Only for a wage-cost subsidy, and required there: the share of the wage, 0 to 100."),
    )
    active = serializers.BooleanField(required=False, help_text=_("false takes the instrument out of use."))


class InstrumentRefSerializer(serializers.ModelSerializer):
    kind = kind_field(read_only=True)

    class Meta:
        model = Instrument
        fields = ["id", "kind", "name"]
        read_only_fields = fields


class AssignmentSerializer(serializers.ModelSerializer):
    """An instrument deployed for a person, as the municipality's staff see it."""

    instrument = InstrumentRefSerializer(read_only=True)
    provider = ProviderRefSerializer(read_only=True, allow_null=True)
    status = NamedChoiceField(enum_name="AssignmentStatus", choices=AssignmentStatus.choices, read_only=True)
    result = result_field(read_only=True, allow_blank=True)

    class Meta:
        model = InstrumentAssignment
        fields = ["id", "seeker", "instrument", "provider", "start_date", "end_date", "cost", "status", "result",
                  "result_note", "plan_action", "application", "consent_at", "followed_up_at", "follow_up_note",
                  "created_at", "updated_at"]
        read_only_fields = fields


class AssignmentUpdateSerializer(OwnMunicipalityMixin, StrictInputMixin, serializers.Serializer):
    scoped = {"plan_action": (PlanAction, "plan__seeker__municipality_id"),
              "application": (Application, "seeker__municipality_id")}

    start_date = serializers.DateField(help_text=_("When it starts or started."))
    end_date = serializers.DateField(required=False, allow_null=True,
                                     help_text=_("When it is planned to end; not before the start date."))
    cost = cost_field(required=False, allow_null=True,
                      help_text=_("The cost for this person in euros; the instrument's cost when left out."))
    plan_action = serializers.PrimaryKeyRelatedField(
        queryset=PlanAction.objects.none(), required=False, allow_null=True,
        help_text=_("Id of the action of the person's plan this instrument serves."),
    )
    application = serializers.PrimaryKeyRelatedField(
        queryset=Application.objects.none(), required=False, allow_null=True,
        help_text=_("Id of the person's application or placement it supports."),
    )


class AssignmentCreateSerializer(AssignmentUpdateSerializer):
    scoped = {**AssignmentUpdateSerializer.scoped, "provider": (Organisation, "municipality_id")}

    instrument = serializers.PrimaryKeyRelatedField(
        queryset=Instrument.objects.none(), help_text=_("Id of an instrument of the municipality's koffer."),
    )
    provider = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), required=False, allow_null=True,
        help_text=_("Id of the provider that carries it out; the instrument's own provider when left out."),
    )
    consent = serializers.BooleanField(
        required=False, default=False,
        help_text=_("true when the person agreed that the provider receives their name and contact details; "
                    "required whenever a provider carries it out."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actor = self.context.get("actor")
        if actor is not None:
            self.fields["instrument"].queryset = instrument_catalogue(actor=actor)

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        return {"instrument": data.pop("instrument"), "data": data}


class AssignmentStartSerializer(StrictInputMixin, serializers.Serializer):
    start_date = serializers.DateField(
        required=False, help_text=_("When it started, today or earlier; by default the planned start date, or "
                                    "today if that is still ahead."),
    )


class AssignmentEndSerializer(StrictInputMixin, serializers.Serializer):
    end_date = serializers.DateField(help_text=_("When it ended: today or earlier, not before the start."))
    result = result_field()
    result_note = serializers.CharField(max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True)


class AssignmentCancelSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=NOTE_MAX_LENGTH, help_text=_("Why it is cancelled."))


class AssignmentFollowUpSerializer(StrictInputMixin, serializers.Serializer):
    note = serializers.CharField(max_length=NOTE_MAX_LENGTH,
                                 help_text=_("What was agreed with the person after the instrument ended."))
