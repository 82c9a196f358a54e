"""Public reference data, so clients can find the ids the other endpoints take."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets

from api.filters import SkillFilter
from api.serializers.taxonomy import MunicipalitySerializer, SkillCategorySerializer, SkillSerializer
from api.views.base import ActorMixin
from marketplace.selectors.taxonomy import municipality_list, skill_category_list, skill_list


@extend_schema_view(list=extend_schema(summary=_("List skills")), retrieve=extend_schema(summary=_("Read a skill")))
class SkillViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    """The skill taxonomy that roles and job seekers refer to by id."""

    permission_classes = [permissions.AllowAny]
    serializer_class = SkillSerializer
    filterset_class = SkillFilter

    def get_queryset(self):
        return skill_list()


@extend_schema_view(list=extend_schema(summary=_("List skill categories")),
                    retrieve=extend_schema(summary=_("Read a skill category")))
class SkillCategoryViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    """Groups of skills; a job seeker's interests are category ids."""

    permission_classes = [permissions.AllowAny]
    serializer_class = SkillCategorySerializer
    filterset_class = None

    def get_queryset(self):
        return skill_category_list()


@extend_schema_view(list=extend_schema(summary=_("List municipalities")),
                    retrieve=extend_schema(summary=_("Read a municipality")))
class MunicipalityViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    """The municipalities in this deployment, with their CBS codes."""

    permission_classes = [permissions.AllowAny]
    serializer_class = MunicipalitySerializer
    filterset_class = None

    def get_queryset(self):
        return municipality_list()
