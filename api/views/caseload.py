"""Caseload categories, a person's category and contacts, and the worklist of stuck signals.

Caseworkers only (403 for everyone else). Categories and job seekers of another municipality do not
exist here (404). A category's approach is changed by a team leader of the municipality (403 for
other caseworkers); any caseworker of the municipality places a person in a category and records
contacts. The worklist is the caseworker's own caseload; a team leader adds ``?caseworker=<id>`` for
one caseworker of the municipality or ``?caseworker=all`` for everyone.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from api.permissions import IsCaseworker
from api.serializers.caseload import (
    CategoryPlacementSerializer,
    CategoryPlaceSerializer,
    CategorySerializer,
    CategoryUpdateSerializer,
    ContactMomentSerializer,
    ContactWriteSerializer,
    SeekerCategorySerializer,
    WorklistRowSerializer,
)
from api.views.base import BAD_INPUT, ActorMixin, CaseloadMixin
from marketplace.models import CaseloadCategory, Caseworker, JobSeeker
from marketplace.selectors.categories import (
    categories_for,
    category_of,
    category_proposal_for,
    contact_moments_for,
    instrument_choices_for,
    placements_for,
)
from marketplace.selectors.signals import MUNICIPALITY, worklist_for
from marketplace.services.categories import category_place, category_update
from marketplace.services.contacts import contact_record

NOT_FOUND = OpenApiResponse(description=_("No such job seeker or category in your municipality."))
WHOLE_MUNICIPALITY = "all"
WORKLIST_LIMIT_MAX = 1000


class CategoryListView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsCaseworker]
    serializer_class = CategorySerializer
    queryset = CaseloadCategory.objects.none()

    @extend_schema(summary=_("The caseload categories of your municipality, with their approach"),
                   responses={200: CategorySerializer(many=True)})
    def get(self, request, *args, **kwargs):
        return Response(CategorySerializer(categories_for(self.actor), many=True).data)


class CategoryDetailView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsCaseworker]
    serializer_class = CategorySerializer
    queryset = CaseloadCategory.objects.none()

    def category(self) -> CaseloadCategory:
        category = category_of(self.actor, self.kwargs["pk"])
        if category is None:
            raise NotFound()
        return category

    @extend_schema(summary=_("One caseload category"), responses={200: CategorySerializer, 404: NOT_FOUND})
    def get(self, request, *args, **kwargs):
        return Response(CategorySerializer(self.category()).data)

    @extend_schema(
        summary=_("Change a category's approach"),
        description=_("Team leaders only. Weeks run from 1 to 104, months from 1 to 60; instruments come from your "
                      "municipality's koffer."),
        request=CategoryUpdateSerializer, responses={200: CategorySerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def patch(self, request, *args, **kwargs):
        category = self.category()
        data = dict(self.valid(CategoryUpdateSerializer))
        if "approach" in data:
            data["description"] = data.pop("approach")
        if "default_instruments" in data:
            data["default_instruments"] = self._instruments(data["default_instruments"])
        category_update(actor=self.actor, category=category, data=data)
        return Response(CategorySerializer(category_of(self.actor, category.pk)).data)

    def _instruments(self, ids: list[int]) -> list:
        found = list(instrument_choices_for(self.actor).filter(pk__in=ids))
        if len(found) != len(set(ids)):
            raise ValidationError({"default_instruments": [_("Choose instruments from your municipality's koffer.")]})
        return found


class SeekerCategoryView(CaseloadMixin, generics.GenericAPIView):
    serializer_class = SeekerCategorySerializer

    def respond(self, seeker: JobSeeker, status_code=status.HTTP_200_OK) -> Response:
        seeker = JobSeeker.objects.select_related("category").get(pk=seeker.pk)
        body = {"current": seeker.category, "proposal": category_proposal_for(self.actor, seeker),
                "history": placements_for(self.actor, seeker)}
        return Response(SeekerCategorySerializer(body).data, status=status_code)

    @extend_schema(summary=_("A job seeker's category: the current one, the proposal with its reasons, the history"),
                   responses={200: SeekerCategorySerializer, 404: NOT_FOUND})
    def get(self, request, *args, **kwargs):
        return self.respond(self.seeker())

    @extend_schema(
        summary=_("Place a job seeker in a category"),
        description=_("Confirm the proposal or choose another category of your municipality, with a reason."),
        request=CategoryPlaceSerializer, responses={201: CategoryPlacementSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        data = self.valid(CategoryPlaceSerializer)
        category = category_of(self.actor, data["category"])
        if category is None:
            raise ValidationError({"category": [_("Choose a category of this job seeker's municipality.")]})
        placement = category_place(actor=self.actor, seeker=seeker, category=category, reason=data["reason"])
        return Response(CategoryPlacementSerializer(placement).data, status=status.HTTP_201_CREATED)


class SeekerContactsView(CaseloadMixin, generics.GenericAPIView):
    serializer_class = ContactMomentSerializer

    @extend_schema(summary=_("A job seeker's contact moments, newest first"),
                   responses={200: ContactMomentSerializer(many=True), 404: NOT_FOUND})
    def get(self, request, *args, **kwargs):
        return Response(ContactMomentSerializer(contact_moments_for(self.actor, self.seeker()), many=True).data)

    @extend_schema(summary=_("Record a contact moment"),
                   description=_("The date is today or earlier: a contact is recorded after it happened."),
                   request=ContactWriteSerializer,
                   responses={201: ContactMomentSerializer, 400: BAD_INPUT, 404: NOT_FOUND})
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        data = self.valid(ContactWriteSerializer)
        moment = contact_record(actor=self.actor, seeker=seeker, **data)
        return Response(ContactMomentSerializer(moment).data, status=status.HTTP_201_CREATED)


class WorklistView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsCaseworker]
    serializer_class = WorklistRowSerializer
    queryset = JobSeeker.objects.none()

    def whose(self):
        """None for the caseworker's own caseload; the municipality or one caseworker for a team leader."""
        value = self.request.query_params.get("caseworker", "")
        if value in ("", str(self.actor.caseworker.pk)):
            return None
        if value == WHOLE_MUNICIPALITY:
            return MUNICIPALITY
        if not value.isdigit() or len(value) > 18:
            raise ValidationError({"caseworker": [_("Give the id of a caseworker, or “all”.")]})
        chosen = Caseworker.objects.filter(pk=int(value), municipality_id=self.actor.caseworker.municipality_id)
        if not chosen.exists():
            raise ValidationError({"caseworker": [_("There is no such caseworker in your municipality.")]})
        return chosen.get()

    def limit(self) -> int | None:
        value = self.request.query_params.get("limit", "")
        if value == "":
            return None
        if not value.isdigit() or not 1 <= int(value) <= WORKLIST_LIMIT_MAX:
            raise ValidationError({"limit": [_("Give a number from 1 to %(max)d.") % {"max": WORKLIST_LIMIT_MAX}]})
        return int(value)

    @extend_schema(
        summary=_("The worklist: people with stuck signals, most urgent first"),
        parameters=[
            OpenApiParameter("caseworker", OpenApiTypes.STR, description=_(
                "Team leaders: the id of a caseworker of the municipality, or `all`.")),
            OpenApiParameter("limit", OpenApiTypes.INT, description=_("At most this many people (1–1000).")),
        ],
        responses={200: WorklistRowSerializer(many=True), 400: BAD_INPUT},
    )
    def get(self, request, *args, **kwargs):
        rows = worklist_for(self.actor.caseworker, of=self.whose(), limit=self.limit())
        return Response(WorklistRowSerializer(rows, many=True).data)
