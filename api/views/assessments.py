"""Life-domains assessments, the draagkracht picture and the ladder history of a job seeker.

Caseworkers of the job seeker's municipality read and record under ``/seekers/{id}/``; the scores on
debts, housing, family relations and health only through ``assessments/read/`` with a purpose, which
is logged like a read of the draaglast. The job seeker reads all of their own under ``/me/``.
"""

from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from api.permissions import IsJobSeeker
from api.serializers.assessments import (
    AssessmentProgressSerializer,
    AssessmentReadPurposeSerializer,
    AssessmentWriteSerializer,
    DraagkrachtOverviewSerializer,
    DraagkrachtWriteSerializer,
    LadderStepSerializer,
)
from api.views.base import BAD_INPUT, ActorMixin, CaseloadMixin
from marketplace.models import LadderStep
from marketplace.selectors.assessments import (
    assessments_for_self,
    assessments_for_staff,
    assessments_read_for_staff,
    draagkracht_for_self,
    draagkracht_for_staff,
    ladder_history_for_self,
)
from marketplace.services.assessments import assessment_record, draagkracht_record

NOT_FOUND = OpenApiResponse(description=_("No such job seeker in your municipality."))


class _CaseloadMixin(CaseloadMixin):
    def staff_context(self) -> dict:
        return {**self.get_serializer_context(), "for_staff": True}



class SeekerAssessmentsView(_CaseloadMixin, generics.GenericAPIView):
    serializer_class = AssessmentProgressSerializer

    @extend_schema(
        summary=_("A job seeker's life-domains assessments"),
        description=_("Every assessment, oldest first, with the change since the previous one, for the open "
                      "domains. The scores on debts, housing, family relations and health are left out "
                      "(`hidden_domains`): read them with `POST …/assessments/read/` and a purpose."),
        responses={200: AssessmentProgressSerializer, 404: NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        progress = assessments_for_staff(actor=self.actor, seeker=self.seeker())
        return Response(AssessmentProgressSerializer(progress, context=self.staff_context()).data)

    @extend_schema(
        summary=_("Record a life-domains assessment"),
        description=_("Scores from 1 (acute problems) to 5 (fully self-sufficient) on a date that is today or "
                      "earlier. A score outside 1–5 or an unknown domain answers 400 naming it, and nothing is "
                      "written. The answer shows the open domains only, like every list."),
        request=AssessmentWriteSerializer,
        responses={201: AssessmentProgressSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        data = self.valid(AssessmentWriteSerializer)
        assessment_record(actor=self.actor, seeker=seeker, date=data["date"], scores=data["scores"])
        progress = assessments_for_staff(actor=self.actor, seeker=seeker)
        return Response(AssessmentProgressSerializer(progress, context=self.staff_context()).data,
                        status=status.HTTP_201_CREATED)


class SeekerAssessmentsReadView(_CaseloadMixin, generics.GenericAPIView):
    serializer_class = AssessmentReadPurposeSerializer

    @extend_schema(
        summary=_("Read every score, the sensitive domains included, stating why"),
        description=_(
            "The scores on debts, housing, family relations, mental and physical health say as much as the "
            "draaglast. Send the purpose in the body (never in the URL): it is written to the sensitive-data access "
            "log with your name and the time, in the same transaction as the read, and the job seeker sees it under "
            "\"my data\". Without a meaningful purpose the answer is 400 naming `purpose`, and nothing is read or "
            "logged. Only caseworkers of the job seeker's municipality; the answer is not stored by caches."
        ),
        request=AssessmentReadPurposeSerializer,
        responses={200: AssessmentProgressSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        purpose = self.valid(AssessmentReadPurposeSerializer)["purpose"]
        progress = assessments_read_for_staff(actor=self.actor, seeker=seeker, purpose=purpose)
        response = Response(AssessmentProgressSerializer(progress, context=self.staff_context()).data)
        add_never_cache_headers(response)
        return response


class SeekerDraagkrachtView(_CaseloadMixin, generics.GenericAPIView):
    serializer_class = DraagkrachtOverviewSerializer

    @extend_schema(
        summary=_("A job seeker's draagkracht picture and its history"),
        description=_("Work experience, network, motivation, wishes and ambitions, with every earlier version; "
                      "the competences are the skills on the job seeker's profile."),
        responses={200: DraagkrachtOverviewSerializer, 404: NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        overview = draagkracht_for_staff(actor=self.actor, seeker=self.seeker())
        return Response(DraagkrachtOverviewSerializer(overview, context=self.staff_context()).data)

    @extend_schema(
        summary=_("Record a new version of the draagkracht picture"),
        description=_("Fields left out keep what the current version says. 201 with the new version; 200 when "
                      "nothing changed, and then no version is written."),
        request=DraagkrachtWriteSerializer,
        responses={200: DraagkrachtOverviewSerializer, 201: DraagkrachtOverviewSerializer, 400: BAD_INPUT,
                   404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        _picture, created = draagkracht_record(actor=self.actor, seeker=seeker,
                                               data=self.valid(DraagkrachtWriteSerializer))
        overview = draagkracht_for_staff(actor=self.actor, seeker=seeker)
        return Response(DraagkrachtOverviewSerializer(overview, context=self.staff_context()).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class MyAssessmentsView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsJobSeeker]
    serializer_class = AssessmentProgressSerializer

    @extend_schema(
        summary=_("My life-domains assessments"),
        description=_("How things went on each part of your life, from 1 (very badly) to 5 (very well), at each "
                      "talk with your caseworker, oldest first."),
        responses=AssessmentProgressSerializer,
    )
    def get(self, request, *args, **kwargs):
        return Response(AssessmentProgressSerializer(assessments_for_self(actor=self.actor)).data)


class MyDraagkrachtView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsJobSeeker]
    serializer_class = DraagkrachtOverviewSerializer

    @extend_schema(summary=_("What I bring: my draagkracht picture"), responses=DraagkrachtOverviewSerializer)
    def get(self, request, *args, **kwargs):
        return Response(DraagkrachtOverviewSerializer(draagkracht_for_self(actor=self.actor)).data)


class MyLadderView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsJobSeeker]
    serializer_class = LadderStepSerializer
    queryset = LadderStep.objects.none()  # names the model in the schema; reads go through the selector
    pagination_class = None

    @extend_schema(summary=_("My steps on the participation ladder"),
                   description=_("Every rung recorded for you, oldest first."),
                   responses=LadderStepSerializer(many=True))
    def get(self, request, *args, **kwargs):
        return Response(LadderStepSerializer(ladder_history_for_self(actor=self.actor), many=True).data)
