"""The signed-in person's own things: a job seeker's profile, an employer's organisations."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, viewsets
from rest_framework.response import Response

from api.permissions import IsJobSeeker, IsOrganisationMember
from api.serializers.organisations import OrganisationSerializer, OrganisationWriteSerializer
from api.serializers.seekers import MyProfileSerializer, MyProfileWriteSerializer
from api.views.base import ActorMixin
from marketplace.selectors.organisations import organisation_list_of_member
from marketplace.selectors.seekers import seeker_burden_for_self, seeker_own_profile
from marketplace.services.organisations import organisation_update
from marketplace.services.seekers import seeker_update_own_profile


class MyProfileView(ActorMixin, generics.GenericAPIView):
    """A job seeker's own profile. The draaglast is shown to them, read-only; their caseworker keeps it."""

    permission_classes = [IsJobSeeker]
    serializer_class = MyProfileSerializer

    def _respond(self):
        context = {**self.get_serializer_context(), "burden": seeker_burden_for_self(actor=self.actor)}
        return Response(MyProfileSerializer(seeker_own_profile(actor=self.actor), context=context).data)

    @extend_schema(summary=_("Read my profile"))
    def get(self, request, *args, **kwargs):
        return self._respond()

    @extend_schema(
        summary=_("Change my availability, consent, skills and interests"),
        description=_("Other fields are kept by your caseworker; sending them answers 400 naming the field."),
        request=MyProfileWriteSerializer,
        responses=MyProfileSerializer,
    )
    def patch(self, request, *args, **kwargs):
        serializer = MyProfileWriteSerializer(data=request.data, partial=True, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        arguments = serializer.service_arguments()
        arguments.pop("burden", None)
        seeker_update_own_profile(actor=self.actor, **arguments)
        return self._respond()


@extend_schema_view(
    list=extend_schema(summary=_("List my organisations")),
    retrieve=extend_schema(summary=_("Read one of my organisations")),
    partial_update=extend_schema(
        summary=_("Change one of my organisations"),
        description=_("Only administrators of the organisation may change it."),
        request=OrganisationWriteSerializer, responses=OrganisationSerializer,
    ),
)
class MyOrganisationViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The organisations you act for; their ids are what a new role's `organisation` takes."""

    permission_classes = [IsOrganisationMember]
    serializer_class = OrganisationSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return organisation_list_of_member(actor=self.actor)

    def partial_update(self, request, *args, **kwargs):
        organisation = self.get_object()
        serializer = OrganisationWriteSerializer(organisation, data=request.data, partial=True,
                                                 context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        organisation = organisation_update(actor=self.actor, organisation=organisation,
                                           data=serializer.validated_data)
        return Response(OrganisationSerializer(self.get_queryset().get(pk=organisation.pk)).data)
