"""Organisations as their own members see and change them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.common import (
    MunicipalityRefSerializer,
    latitude_field,
    longitude_field,
    postcode_field,
    validated_postcode,
)
from api.serializers.fields import NamedChoiceField, StrictInputMixin
from marketplace.choices import OrganisationKind
from marketplace.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    kind = NamedChoiceField(enum_name="OrganisationKind", choices=OrganisationKind.choices, read_only=True)
    municipality = MunicipalityRefSerializer(read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "municipality", "kvk_number", "email", "phone", "website", "street",
                  "postcode", "city", "latitude", "longitude"]
        read_only_fields = fields


class OrganisationWriteSerializer(StrictInputMixin, serializers.ModelSerializer):
    kvk_number = serializers.CharField(
        max_length=20, allow_blank=True, required=False, help_text=_("Chamber of Commerce number: 8 digits.")
    )
    postcode = postcode_field()
    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        model = Organisation
        fields = ["name", "kvk_number", "email", "phone", "website", "street", "postcode", "city", "latitude",
                  "longitude"]

    def validate_kvk_number(self, value):
        value = value.replace(" ", "")
        if value and not (len(value) == 8 and value.isdigit()):
            raise serializers.ValidationError(_("A KvK number has exactly 8 digits."))
        return value

    def validate_postcode(self, value):
        return validated_postcode(value)
