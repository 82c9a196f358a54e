"""Neighbourhood service requests: what a requester sends, and what they read back."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import NamedChoiceField, StrictInputMixin
from marketplace.choices import ServiceRequestStatus
from marketplace.models import (
    Municipality,
    Role,
    ServiceCategory,
    ServiceFrequency,
    ServiceRequest,
    ServiceRequestStatusChange,
)
from marketplace.models.service_requests import DESCRIPTION_MAX_LENGTH
from marketplace.services.service_requests import service_request_status_url
from marketplace.validators import validate_today_or_later

REQUIRED_WITHOUT_ASSOCIATION = _(
    "Required when you ask without an account, and whenever you do not act for an association."
)


class ServiceRequestWriteSerializer(StrictInputMixin, serializers.Serializer):
    """Input of POST /service-requests/; the service checks postcode, phone and the requester rules."""

    unknown_field_hints = {
        "status": _("A new request is always submitted; municipal staff move it on."),
        "organisation": _("People acting for an association ask on its behalf automatically."),
    }

    category = serializers.SlugRelatedField(
        slug_field="slug", queryset=ServiceCategory.objects.filter(is_active=True),
        help_text=_("Code of an open service category, for example 'groenonderhoud'."),
        error_messages={"does_not_exist": _('There is no open service category "{value}".')},
    )
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, trim_whitespace=True)
    street = serializers.CharField(max_length=150)
    postcode = serializers.CharField(max_length=7, help_text=_("A Dutch postcode such as 1234 AB."))
    city = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    frequency = NamedChoiceField(enum_name="ServiceFrequency", choices=ServiceFrequency.choices,
                                 default=ServiceFrequency.ONCE)
    preferred_date = serializers.DateField(required=False, allow_null=True, default=None,
                                           validators=[validate_today_or_later])
    timing_notes = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    # Optional in the schema only because a person acting for an association may leave them out; the service
    # refuses a request without them from anyone else (400 naming each missing field).
    requester_name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="",
                                           help_text=REQUIRED_WITHOUT_ASSOCIATION)
    requester_email = serializers.EmailField(max_length=254, required=False, allow_blank=True, default="",
                                             help_text=REQUIRED_WITHOUT_ASSOCIATION)
    requester_phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="",
                                            help_text=REQUIRED_WITHOUT_ASSOCIATION)
    municipality = serializers.SlugRelatedField(
        slug_field="cbs_code", queryset=Municipality.objects.all(), required=False, allow_null=True, default=None,
        help_text=_("CBS code of the municipality; by default the one of the postcode area or your association."),
        error_messages={"does_not_exist": _('There is no municipality with CBS code "{value}".')},
    )


def status_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="ServiceRequestStatus", choices=ServiceRequestStatus.choices, read_only=True,
                            **kwargs)


class StatusChangeSerializer(serializers.ModelSerializer):
    from_status = NamedChoiceField(enum_name="ServiceRequestStatusOrEmpty",
                                   choices=[("", "-"), *ServiceRequestStatus.choices], read_only=True)
    to_status = status_field()

    class Meta:
        model = ServiceRequestStatusChange
        fields = ["from_status", "to_status", "note", "at"]


class PlannedRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Role
        fields = ["id", "title", "hours_min", "hours_max", "status"]


class ServiceRequestSerializer(serializers.ModelSerializer):
    """A request as its requester sees it, with its history and the roles planned from it."""

    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status = status_field()
    frequency = NamedChoiceField(enum_name="ServiceFrequency", choices=ServiceFrequency.choices, read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    status_url = serializers.SerializerMethodField(help_text=_("Personal link to the status page; keep it private."))
    history = StatusChangeSerializer(source="status_changes", many=True, read_only=True)
    roles = PlannedRoleSerializer(many=True, read_only=True)

    class Meta:
        model = ServiceRequest
        fields = [
            "id", "category", "category_name", "status", "status_label", "rejection_reason", "organisation",
            "requester_name", "requester_email", "requester_phone", "description", "street", "postcode", "city",
            "frequency", "preferred_date", "timing_notes", "created_at", "updated_at", "status_url", "history",
            "roles",
        ]
        read_only_fields = fields

    def get_status_url(self, obj) -> str:
        return service_request_status_url(obj)
