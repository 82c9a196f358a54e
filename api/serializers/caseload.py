"""Caseload categories, a person's category with the proposal and history, contact moments and the worklist.

The proposal says which category and why, as reason codes with a sentence each; it never carries a
life-domain score.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.fields import NamedChoiceField, StrictInputMixin, StrictIntegerField
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.models import CaseloadCategory, CategoryKey, CategoryPlacement, ContactKind, ContactMoment
from marketplace.models.caseload import MONTHS_MAX, WEEKS_MAX
from marketplace.selectors.categories import REASON_TEXTS
from marketplace.selectors.signals import SignalKind


def category_key_field(**kwargs):
    return NamedChoiceField(enum_name="CategoryKey", choices=CategoryKey.choices, **kwargs)


class CategorySerializer(serializers.ModelSerializer):
    key = category_key_field(read_only=True)
    approach = serializers.CharField(source="description", read_only=True)
    default_instruments = serializers.SerializerMethodField(help_text=_("Ids of the instruments to consider first."))

    class Meta:
        model = CaseloadCategory
        fields = ["id", "key", "name", "approach", "contact_every_weeks", "review_every_weeks", "stuck_after_months",
                  "follow_up_within_weeks", "default_instruments", "position"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_default_instruments(self, category):
        return [instrument.pk for instrument in category.default_instruments.all()]


def _weeks(help_text):
    return StrictIntegerField(required=False, min_value=1, max_value=WEEKS_MAX, help_text=help_text)


class CategoryUpdateSerializer(StrictInputMixin, serializers.Serializer):
    """Only a team leader of the municipality changes a category (403 for other caseworkers)."""

    name = serializers.CharField(required=False, max_length=100)
    approach = serializers.CharField(required=False, allow_blank=True, max_length=NOTE_MAX_LENGTH,
                                     help_text=_("The standard approach, in a few lines."))
    contact_every_weeks = _weeks(_("Contact at least every so many weeks (1–104)."))
    review_every_weeks = _weeks(_("Review the plan every so many weeks (1–104)."))
    follow_up_within_weeks = _weeks(_("Follow an ended instrument up within so many weeks (1–104)."))
    stuck_after_months = StrictIntegerField(required=False, min_value=1, max_value=MONTHS_MAX,
                                            help_text=_("No rung change for so many months counts as stuck (1–60)."))
    default_instruments = serializers.ListField(
        child=StrictIntegerField(min_value=1), required=False, max_length=50,
        help_text=_("Ids of instruments of your municipality's koffer to consider first."),
    )


class ProposalSerializer(serializers.Serializer):
    key = category_key_field(read_only=True)
    reasons = serializers.SerializerMethodField()
    assessed_on = serializers.DateField(allow_null=True, help_text=_("The date of the assessment used, if any."))

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_reasons(self, proposal):
        return [{"code": code, "text": str(REASON_TEXTS[code])} for code in proposal.reasons]


class CategoryPlacementSerializer(serializers.ModelSerializer):
    category = serializers.PrimaryKeyRelatedField(read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    proposed_key = category_key_field(read_only=True)
    confirmed_by = serializers.SerializerMethodField()

    class Meta:
        model = CategoryPlacement
        fields = ["id", "category", "category_name", "proposed_key", "reason", "confirmed_by", "at"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_confirmed_by(self, placement):
        user = placement.confirmed_by
        return (user.get_full_name() or user.get_username()) if user is not None else None


class SeekerCategorySerializer(serializers.Serializer):
    current = CategorySerializer(allow_null=True)
    proposal = ProposalSerializer()
    history = CategoryPlacementSerializer(many=True)


class CategoryPlaceSerializer(StrictInputMixin, serializers.Serializer):
    category = StrictIntegerField(min_value=1, help_text=_("The id of a category of your municipality."))
    reason = serializers.CharField(max_length=NOTE_MAX_LENGTH, help_text=_("Why this category fits."))


class ContactMomentSerializer(serializers.ModelSerializer):
    kind = NamedChoiceField(enum_name="ContactKind", choices=ContactKind.choices, read_only=True)
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = ContactMoment
        fields = ["id", "date", "kind", "note", "recorded_by", "recorded_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_recorded_by(self, moment):
        user = moment.recorded_by
        return (user.get_full_name() or user.get_username()) if user is not None else None


class ContactWriteSerializer(StrictInputMixin, serializers.Serializer):
    date = serializers.DateField(help_text=_("When the contact was: today or earlier."))
    kind = NamedChoiceField(enum_name="ContactKind", choices=ContactKind.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=NOTE_MAX_LENGTH)


class SignalItemSerializer(serializers.Serializer):
    kind = NamedChoiceField(enum_name="SignalKind", choices=SignalKind.choices, read_only=True)
    since = serializers.DateField(allow_null=True, help_text=_("The date the signal counts from."))
    days_overdue = serializers.IntegerField(allow_null=True, help_text=_("Days past the threshold."))


class WorklistRowSerializer(serializers.Serializer):
    seeker = serializers.IntegerField(source="seeker.pk")
    name = serializers.CharField(source="seeker.full_name")
    category = serializers.SerializerMethodField()
    urgency = serializers.IntegerField()
    signals = SignalItemSerializer(source="items", many=True)

    @extend_schema_field(category_key_field(allow_null=True))
    def get_category(self, row):
        return row.category.key if row.category is not None else None

