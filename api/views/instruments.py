"""The koffer: caseworkers keep their municipality's instruments and deploy them for their job seekers.

The catalogue is under ``/instruments/``; the instruments deployed for one job seeker under
``/seekers/{id}/instruments/``, with the moves ``start``, ``end``, ``cancel`` and ``follow-up`` on
each. Another municipality's job seeker, instrument or assignment does not exist (404, or 400 on the
field that sent its id); anyone but a caseworker is refused (403). Bad input answers 400 naming the
field, and nothing is written.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api.permissions import IsCaseworker
from api.serializers.instruments import (
    AssignmentCancelSerializer,
    AssignmentCreateSerializer,
    AssignmentEndSerializer,
    AssignmentFollowUpSerializer,
    AssignmentSerializer,
    AssignmentStartSerializer,
    AssignmentUpdateSerializer,
    InstrumentSerializer,
    InstrumentWriteSerializer,
)
from api.views.base import BAD_INPUT, ActorMixin, CaseloadMixin
from marketplace.models import InstrumentAssignment
from marketplace.selectors.instruments import assignment_of, assignments_of_seeker, instrument_catalogue
from marketplace.services.instruments import (
    assignment_cancel,
    assignment_create,
    assignment_end,
    assignment_follow_up,
    assignment_start,
    assignment_update,
    instrument_create,
    instrument_update,
)

NOT_FOUND = OpenApiResponse(description=_("No such instrument in your municipality's koffer."))
NO_ASSIGNMENT = OpenApiResponse(description=_("No such job seeker in your municipality, or no such instrument "
                                              "deployed for them."))
CONFLICT = OpenApiResponse(description=_("Not possible in the instrument's current status."))


@extend_schema_view(
    list=extend_schema(summary=_("List the municipality's instruments"),
                       description=_("The koffer of your municipality, in use or not, by kind and name.")),
    retrieve=extend_schema(summary=_("Read an instrument"), responses={200: InstrumentSerializer, 404: NOT_FOUND}),
)
class InstrumentViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsCaseworker]
    serializer_class = InstrumentSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return instrument_catalogue(actor=self.actor)

    def respond(self, instrument, status_code=status.HTTP_200_OK) -> Response:
        return Response(InstrumentSerializer(self.get_queryset().get(pk=instrument.pk)).data, status=status_code)

    @extend_schema(
        summary=_("Add an instrument to the koffer"),
        description=_("The name is unique within the municipality. Only a wage-cost subsidy has a "
                      "`subsidy_percent` (0 to 100); the one in use is what carved roles are subsidised with."),
        request=InstrumentWriteSerializer, responses={201: InstrumentSerializer, 400: BAD_INPUT},
    )
    def create(self, request, *args, **kwargs):
        data = self.valid(InstrumentWriteSerializer)
        instrument = instrument_create(actor=self.actor, municipality=self.actor.caseworker.municipality, data=data)
        return self.respond(instrument, status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Change an instrument, or take it out of use"),
        description=_("Send only what changes; `active: false` takes it out of use. People it was deployed for "
                      "keep it."),
        request=InstrumentWriteSerializer, responses={200: InstrumentSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def partial_update(self, request, *args, **kwargs):
        instrument = self.get_object()
        data = self.valid(InstrumentWriteSerializer, partial=True)
        return self.respond(instrument_update(actor=self.actor, instrument=instrument, data=data))


class _SeekerInstrumentsMixin(CaseloadMixin):
    serializer_class = AssignmentSerializer

    def assignment(self) -> InstrumentAssignment:
        assignment = assignment_of(actor=self.actor, seeker=self.seeker(), assignment_id=self.kwargs["assignment_id"])
        if assignment is None:
            raise NotFound()
        return assignment

    def respond(self, assignment, status_code=status.HTTP_200_OK) -> Response:
        fresh = assignments_of_seeker(actor=self.actor, seeker=assignment.seeker).get(pk=assignment.pk)
        return Response(AssignmentSerializer(fresh).data, status=status_code)


class SeekerInstrumentsView(_SeekerInstrumentsMixin, generics.GenericAPIView):
    @extend_schema(summary=_("List the instruments deployed for a job seeker"),
                   responses={200: AssignmentSerializer(many=True), 404: NO_ASSIGNMENT})
    def get(self, request, *args, **kwargs):
        assignments = assignments_of_seeker(actor=self.actor, seeker=self.seeker())
        return Response(AssignmentSerializer(assignments, many=True).data)

    @extend_schema(
        summary=_("Deploy an instrument for a job seeker"),
        description=_("An instrument of your municipality's koffer that is in use. The provider is the "
                      "instrument's own unless another provider of the municipality is named; a provider "
                      "receives the person's name and contact details, so `consent` must be true whenever there "
                      "is one. The cost is the instrument's unless given. It is `planned`, or `active` when it "
                      "starts today or earlier."),
        request=AssignmentCreateSerializer, responses={201: AssignmentSerializer, 400: BAD_INPUT, 404: NO_ASSIGNMENT},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        serializer = AssignmentCreateSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        assignment = assignment_create(actor=self.actor, seeker=seeker, **serializer.service_arguments())
        return self.respond(assignment, status.HTTP_201_CREATED)


class SeekerInstrumentView(_SeekerInstrumentsMixin, generics.GenericAPIView):
    @extend_schema(summary=_("Read an instrument deployed for a job seeker"),
                   responses={200: AssignmentSerializer, 404: NO_ASSIGNMENT})
    def get(self, request, *args, **kwargs):
        return self.respond(self.assignment())

    @extend_schema(
        summary=_("Change the dates, the cost or the links of a deployed instrument"),
        description=_("While it is planned or running; after it ended or was cancelled the answer is 409."),
        request=AssignmentUpdateSerializer,
        responses={200: AssignmentSerializer, 400: BAD_INPUT, 404: NO_ASSIGNMENT, 409: CONFLICT},
    )
    def patch(self, request, *args, **kwargs):
        assignment = self.assignment()
        data = self.valid(AssignmentUpdateSerializer, partial=True)
        return self.respond(assignment_update(actor=self.actor, assignment=assignment, data=data))


class SeekerInstrumentStartView(_SeekerInstrumentsMixin, generics.GenericAPIView):
    @extend_schema(summary=_("Start a planned instrument"), request=AssignmentStartSerializer,
                   responses={200: AssignmentSerializer, 400: BAD_INPUT, 404: NO_ASSIGNMENT, 409: CONFLICT})
    def post(self, request, *args, **kwargs):
        assignment = self.assignment()
        data = self.valid(AssignmentStartSerializer)
        return self.respond(assignment_start(actor=self.actor, assignment=assignment,
                                             start_date=data.get("start_date")))


class SeekerInstrumentEndView(_SeekerInstrumentsMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("End a running instrument with its result"),
        description=_("The provider's staff report the result of their trajectories under /trajectories/."),
        request=AssignmentEndSerializer,
        responses={200: AssignmentSerializer, 400: BAD_INPUT, 404: NO_ASSIGNMENT, 409: CONFLICT},
    )
    def post(self, request, *args, **kwargs):
        assignment = self.assignment()
        data = self.valid(AssignmentEndSerializer)
        return self.respond(assignment_end(actor=self.actor, assignment=assignment, **data))


class SeekerInstrumentCancelView(_SeekerInstrumentsMixin, generics.GenericAPIView):
    @extend_schema(summary=_("Cancel a planned or running instrument, saying why"), request=AssignmentCancelSerializer,
                   responses={200: AssignmentSerializer, 400: BAD_INPUT, 404: NO_ASSIGNMENT, 409: CONFLICT})
    def post(self, request, *args, **kwargs):
        assignment = self.assignment()
        data = self.valid(AssignmentCancelSerializer)
        return self.respond(assignment_cancel(actor=self.actor, assignment=assignment, reason=data["reason"]))


class SeekerInstrumentFollowUpView(_SeekerInstrumentsMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("Record the follow-up of an ended instrument"),
        description=_("What was agreed with the person next. An ended instrument without a follow-up is "
                      "signalled on the caseload; a later follow-up replaces the earlier one."),
        request=AssignmentFollowUpSerializer,
        responses={200: AssignmentSerializer, 400: BAD_INPUT, 404: NO_ASSIGNMENT, 409: CONFLICT},
    )
    def post(self, request, *args, **kwargs):
        assignment = self.assignment()
        data = self.valid(AssignmentFollowUpSerializer)
        return self.respond(assignment_follow_up(actor=self.actor, assignment=assignment, note=data["note"]))
