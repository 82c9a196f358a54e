"""Trajectories as provider staff and caseworkers read them, and the progress report they send.

The serializers read the projection of ``marketplace.selectors.trajectories`` field by field; what
is not named here is not in the answer.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import NamedChoiceField, StrictInputMixin
from marketplace.constants import TEXT_MAX_LENGTH
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, InstrumentKind, ReportAuthorKind


def _status():
    return NamedChoiceField(enum_name="AssignmentStatus", choices=AssignmentStatus.choices)


def _result(**kwargs):
    # Empty until the final report; the same code list as the instruments' results.
    return NamedChoiceField(enum_name="AssignmentResult", choices=AssignmentResult.choices, allow_blank=True,
                            **kwargs)


class ProgressReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    text = serializers.CharField()
    result = _result(help_text=_("Set only on the final report, which ended the trajectory."))
    author_kind = NamedChoiceField(enum_name="ReportAuthorKind", choices=ReportAuthorKind.choices)
    author_name = serializers.CharField()
    created_at = serializers.DateTimeField()


class TrajectoryRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    instrument = serializers.CharField()
    start_date = serializers.DateField()
    status = _status()


class TrajectorySerializer(serializers.Serializer):
    """One trajectory: how to reach the person, the instrument, the dates and status, what it is for, the reports."""

    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    preferred_language = serializers.CharField()
    instrument = serializers.CharField()
    instrument_kind = NamedChoiceField(enum_name="InstrumentKind", choices=InstrumentKind.choices)
    provider = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    status = _status()
    result = _result()
    goal = serializers.CharField(help_text=_("The goal of the person's plan of action; empty without a plan."))
    plan_action = serializers.CharField(help_text=_("The plan action the trajectory serves; empty when not linked."))
    plan_action_due_date = serializers.DateField(allow_null=True)
    reports = ProgressReportSerializer(many=True, help_text=_("Oldest first."))


class ProgressReportWriteSerializer(StrictInputMixin, serializers.Serializer):
    date = serializers.DateField(help_text=_("The day the report is about: today or earlier, not before the start."))
    text = serializers.CharField(max_length=TEXT_MAX_LENGTH, help_text=_("How the trajectory is going."))
    result = serializers.CharField(
        required=False, allow_blank=True, max_length=20,
        help_text=_("Only in the final report, which ends the trajectory: goal_reached, partly_reached, "
                    "not_reached or dropped_out."),
    )
