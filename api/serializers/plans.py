"""Plans of action: the plan with its actions and history, and what caseworkers and job seekers send.

The history names people the way ``marketplace.selectors.plans`` decides: staff get the account's
name on every line; the job seeker gets "self", their own caseworker by name, and other caseworkers
by role only.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.fields import NamedChoiceField, StrictInputMixin, StrictIntegerField
from marketplace.constants import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.models import Plan, PlanAction
from marketplace.models.plans import (
    ACTION_DESCRIPTION_MAX_LENGTH,
    OWNER_NAME_MAX_LENGTH,
    ActionOwner,
    ActionStatus,
    AgreementState,
    PlanActorKind,
    PlanEventKind,
)
from marketplace.selectors.plans import BY_CASEWORKER, BY_OWN_CASEWORKER, BY_SELF, plan_history


def owner_field(**kwargs):
    return NamedChoiceField(enum_name="ActionOwner", choices=ActionOwner.choices, **kwargs)


def action_status_field(**kwargs):
    return NamedChoiceField(enum_name="ActionStatus", choices=ActionStatus.choices, **kwargs)


class PlanActionSerializer(serializers.ModelSerializer):
    owner = owner_field(read_only=True)
    status = action_status_field(read_only=True)
    overdue = serializers.BooleanField(read_only=True, help_text=_("Open and past its due date."))

    class Meta:
        model = PlanAction
        fields = ["id", "description", "owner", "owner_name", "due_date", "status", "overdue", "status_changed_at"]
        read_only_fields = fields


class ChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("goal, review_date, description, owner, owner_name, due_date or status."))
    before = serializers.CharField(allow_null=True, help_text=_("As it was; dates in ISO 8601, codes as codes."))
    after = serializers.CharField(allow_null=True, help_text=_("As it became."))


class HistoryEntrySerializer(serializers.Serializer):
    """One line of the plan's history: nobody can change it afterwards."""

    at = serializers.DateTimeField()
    kind = NamedChoiceField(enum_name="PlanEventKind", choices=PlanEventKind.choices)
    actor_kind = NamedChoiceField(enum_name="PlanActorKind", choices=PlanActorKind.choices)
    by = NamedChoiceField(
        enum_name="PlanHistoryBy", choices=[(BY_SELF, _("The job seeker")), (BY_OWN_CASEWORKER, _("Their own "
                                                                                                   "caseworker")),
                                            (BY_CASEWORKER, _("Another caseworker of the municipality"))],
    )
    by_name = serializers.SerializerMethodField(
        help_text=_("The name of who wrote this line: for staff always; for the job seeker only their own "
                    "caseworker's.")
    )
    version = serializers.IntegerField(help_text=_("The version of the plan this line belongs to."))
    action = serializers.CharField(help_text=_("The action it is about, as it read then; empty otherwise."))
    text = serializers.CharField(help_text=_("The comment, for comments."))
    changes = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_by_name(self, entry):
        if self.context.get("for_staff") or entry.by == BY_OWN_CASEWORKER:
            return entry.actor_name or None
        return None

    @extend_schema_field(ChangeSerializer(many=True))
    def get_changes(self, entry):
        return [{"field": name, "before": (change or {}).get("from"), "after": (change or {}).get("to")}
                for name, change in entry.raw_changes.items()]


class PlanSerializer(serializers.ModelSerializer):
    """The plan as both sides see it; ``agreement`` says whether the job seeker agreed to the current version."""

    agreement = NamedChoiceField(enum_name="AgreementState", choices=AgreementState.choices,
                                 source="agreement_state", read_only=True)
    review_overdue = serializers.BooleanField(read_only=True)
    actions = PlanActionSerializer(many=True, read_only=True)
    history = serializers.SerializerMethodField(help_text=_("Every change, comment and agreement, oldest first."))

    class Meta:
        model = Plan
        fields = ["id", "seeker", "goal", "review_date", "review_overdue", "version", "agreed_version", "agreed_at",
                  "agreement", "actions", "history", "created_at", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(HistoryEntrySerializer(many=True))
    def get_history(self, plan):
        return HistoryEntrySerializer(plan_history(plan), many=True, context=self.context).data


class PlanWriteSerializer(StrictInputMixin, serializers.Serializer):
    goal = serializers.CharField(max_length=TEXT_MAX_LENGTH, help_text=_("The goal in the person's own words."))
    review_date = serializers.DateField(help_text=_("When the plan is reviewed together; today or later."))


class PlanActionWriteSerializer(StrictInputMixin, serializers.Serializer):
    description = serializers.CharField(max_length=ACTION_DESCRIPTION_MAX_LENGTH, help_text=_("What will be done."))
    owner = owner_field(help_text=_("Who does it."))
    owner_name = serializers.CharField(max_length=OWNER_NAME_MAX_LENGTH, required=False, allow_blank=True,
                                       help_text=_("The other party's name; needed when `owner` is `other`."))
    due_date = serializers.DateField(help_text=_("By when; today or later, and not after the plan's review date."))


class PlanActionUpdateSerializer(PlanActionWriteSerializer):
    status = action_status_field(
        required=False,
        help_text=_("`done` ticks the action off; `cancelled` takes it out of the plan; `open` takes it up again."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("partial", True)
        super().__init__(*args, **kwargs)


class CommentSerializer(StrictInputMixin, serializers.Serializer):
    text = serializers.CharField(max_length=NOTE_MAX_LENGTH, help_text=_("Your comment on the plan."))


class AgreeSerializer(StrictInputMixin, serializers.Serializer):
    version = StrictIntegerField(
        min_value=1,
        help_text=_("The version of the plan you read and agree to. When the plan changed since, the answer is "
                    "409 naming `version`: read it again."),
    )
