"""OpenAPI schema extensions: the domain's code lists become named enum components.

Several models share choice sets under different field names (``support_offered`` and
``support_needs``, ``rung`` and ``target_rung``) and reuse field names for different sets
(``status``, ``kind``). Naming each set once keeps the schema readable and free of warnings.
"""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension

from api.serializers.fields import NamedChoiceField


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField
    match_subclasses = True

    def get_name(self):
        return self.target.enum_name

    def map_serializer_field(self, auto_schema, direction):
        values = list(self.target.choices)
        value_type = "integer" if values and all(isinstance(value, int) for value in values) else "string"
        labels = "\n".join(f"* `{value}` - {label}" for value, label in self.target.choices.items())
        return {"type": value_type, "enum": values, "description": labels}


def only_api_endpoints(endpoints):
    """Preprocessing hook: document this API only, not the CMS's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
