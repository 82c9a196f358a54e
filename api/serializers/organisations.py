"""Organisations as their own members see and change them."""

from rest_framework import serializers

from api.serializers.common import MunicipalityRefSerializer, PlaceFields
from api.serializers.fields import NamedChoiceField, StrictInputMixin
from marketplace import validators
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


class OrganisationWriteSerializer(StrictInputMixin, PlaceFields, serializers.ModelSerializer):
    kvk_number = serializers.CharField(max_length=20, allow_blank=True, required=False,
                                       help_text=Organisation._meta.get_field("kvk_number").help_text)

    class Meta:
        model = Organisation
        fields = ["name", "kvk_number", "email", "phone", "website", "street", "postcode", "city", "latitude",
                  "longitude"]

    def validate_kvk_number(self, value):
        value = value.replace(" ", "")
        if value:
            validators.validate_kvk_number(value)
        return value
