"""Matching: roles that fit a job seeker, candidates that fit a role, why a pair does not fit,
matching rounds for caseworkers, and ladder overrides.

Scoping: a job seeker sees their own matches; a caseworker those of the job seekers and roles of
their municipality; an employer the anonymous candidates of their own organisation's roles.
Anything else answers 404, exactly as if it did not exist.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from api.permissions import IsCaseworker, IsJobSeeker
from api.serializers.matching import (
    CandidateSerializer,
    LadderOverrideSerializer,
    LadderOverrideWriteSerializer,
    MatchRoundRequestSerializer,
    MatchRoundSerializer,
    RoleMatchListSerializer,
    WhyNotSerializer,
)
from api.views.base import BAD_INPUT, ActorMixin, CaseloadMixin
from marketplace.matching.reasons import EMPLOYER as FOR_STAFF
from marketplace.matching.reasons import SEEKER as FOR_SEEKER
from marketplace.messages import NO_ROLE_IN_MUNICIPALITY
from marketplace.models import JobSeeker, LadderOverride, MatchRound, Role
from marketplace.selectors import matching
from marketplace.selectors.applications import actor_kinds_for_role, role_for_application
from marketplace.selectors.seekers import seeker_own_profile
from marketplace.services.matching import ladder_override_grant, match_round_run

K_DEFAULT, K_MAX = 20, 100
K_PARAMETER = OpenApiParameter("k", int, description=_("How many results, 1 to 100 (default 20)."))
ROLE_PARAMETER = OpenApiParameter("role", int, required=True, description=_("Id of the role to explain."))
NOT_FOUND = OpenApiResponse(description=_("No such job seeker or role that you may see."))


def _k(request) -> int:
    raw = request.query_params.get("k")
    if raw is None:
        return K_DEFAULT
    try:
        k = int(raw)
    except ValueError:
        k = 0
    if not 1 <= k <= K_MAX:
        raise ValidationError({"k": [_("Give a whole number from 1 to 100.")]})
    return k


def _id_param(request, name: str) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        raise ValidationError({name: [_("This parameter is required.")]})
    if not (raw.isascii() and raw.isdigit()):
        raise ValidationError({name: [_("Give the id as a whole number.")]})
    return int(raw)


def _match_list(seeker: JobSeeker, k: int, audience: str = FOR_SEEKER) -> Response:
    results = matching.roles_for_seeker(seeker=seeker, k=k, audience=audience)
    problems = matching.seeker_match_problems(seeker=seeker, audience=audience)
    return Response(RoleMatchListSerializer({"results": results, "problems": problems}).data)


def _why_not(seeker: JobSeeker, role: Role, audience: str = FOR_SEEKER) -> Response:
    reasons = matching.why_not(seeker=seeker, role=role, audience=audience)
    return Response(WhyNotSerializer({"matchable": not reasons, "reasons": reasons}).data)


class MyMatchesView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsJobSeeker]
    serializer_class = RoleMatchListSerializer

    @extend_schema(
        summary=_("Roles that fit me"),
        description=_("Published roles of your municipality, best first, each with the reasons why it fits. When "
                      "nothing can be matched, `problems` says what is missing in your profile."),
        parameters=[K_PARAMETER], responses={200: RoleMatchListSerializer, 400: BAD_INPUT},
    )
    def get(self, request, *args, **kwargs):
        return _match_list(seeker_own_profile(actor=self.actor), _k(request))


class MyWhyNotView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsJobSeeker]
    serializer_class = WhyNotSerializer

    @extend_schema(
        summary=_("Why does this role not fit me?"),
        parameters=[ROLE_PARAMETER], responses={200: WhyNotSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        role = role_for_application(actor=self.actor, role_id=_id_param(request, "role"))
        seeker = seeker_own_profile(actor=self.actor)
        if role is None or role.municipality_id != seeker.municipality_id:
            raise NotFound()
        return _why_not(seeker, role)


class SeekerMatchesView(CaseloadMixin, generics.GenericAPIView):
    serializer_class = RoleMatchListSerializer

    @extend_schema(
        summary=_("Roles that fit a job seeker"),
        description=_("For caseworkers of the job seeker's municipality."),
        parameters=[K_PARAMETER], responses={200: RoleMatchListSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        seeker = self.seeker()
        return _match_list(seeker, _k(request), FOR_STAFF)


class SeekerWhyNotView(CaseloadMixin, generics.GenericAPIView):
    serializer_class = WhyNotSerializer

    @extend_schema(
        summary=_("Why does this role not fit a job seeker?"),
        description=_("Every hard rule the pair fails; an empty list means the pair can be matched."),
        parameters=[ROLE_PARAMETER], responses={200: WhyNotSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        seeker = self.seeker()
        role_id = _id_param(request, "role")
        role = Role.objects.for_municipality(seeker.municipality_id).filter(pk=role_id).first()
        if role is None:
            raise NotFound()
        return _why_not(seeker, role, FOR_STAFF)


class LadderOverrideView(CaseloadMixin, generics.GenericAPIView):
    serializer_class = LadderOverrideSerializer

    @extend_schema(summary=_("Ladder overrides of a job seeker"), responses={200: LadderOverrideSerializer(many=True)})
    def get(self, request, *args, **kwargs):
        overrides = LadderOverride.objects.filter(seeker=self.seeker()).select_related("granted_by")
        return Response(LadderOverrideSerializer(overrides, many=True).data)

    @extend_schema(
        summary=_("Allow a role more than one rung up the ladder"),
        description=_("Matching normally proposes at most the next rung. A caseworker can allow one role further "
                      "up for one job seeker; the permission is logged with your name, the time and the reason."),
        request=LadderOverrideWriteSerializer,
        responses={201: LadderOverrideSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        serializer = LadderOverrideWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        roles = Role.objects.for_municipality(seeker.municipality_id)
        role = roles.filter(pk=serializer.validated_data["role"]).first()
        if role is None:
            raise ValidationError({"role": [NO_ROLE_IN_MUNICIPALITY]})
        override = ladder_override_grant(actor=self.actor, seeker=seeker, role=role,
                                         reason=serializer.validated_data["reason"])
        return Response(LadderOverrideSerializer(override).data, status=status.HTTP_201_CREATED)


class RoleCandidatesView(ActorMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    queryset = Role.objects.none()  # types the path's pk in the schema; the role is looked up below
    serializer_class = CandidateSerializer

    @extend_schema(
        summary=_("Candidates that fit a role"),
        description=_(
            "For the role's employer: anonymous cards (skills, hours, distance band, level of Dutch, reasons) of "
            "job seekers who agreed to such a card, never a name or contact detail. For caseworkers of the role's "
            "municipality: every active job seeker, with their name."
        ),
        parameters=[K_PARAMETER], responses={200: CandidateSerializer(many=True), 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        role = Role.objects.select_related("organisation").filter(pk=self.kwargs["pk"]).first()
        if role is None or not actor_kinds_for_role(actor=self.actor, role=role):
            raise NotFound()
        candidates = matching.candidates_for_role(role=role, actor=self.actor, k=_k(request))
        return Response(CandidateSerializer(candidates, many=True).data)


@extend_schema_view(
    list=extend_schema(summary=_("List matching rounds"), description=_("Rounds of your municipality, newest first.")),
    retrieve=extend_schema(summary=_("Read a matching round")),
)
class MatchRoundViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Matching rounds of the caseworker's municipality: the best assignment of job seekers to places."""

    permission_classes = [IsCaseworker]
    serializer_class = MatchRoundSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MatchRound.objects.none()
        return (MatchRound.objects.filter(municipality_id=self.actor.caseworker.municipality_id)
                .select_related("municipality", "started_by").order_by("-created_at", "-id"))

    @extend_schema(
        summary=_("Run a matching round"),
        description=_(
            "Proposes the assignment of active job seekers to published roles of your municipality with the "
            "highest total score: each job seeker at most once, each role at most its places left. The proposals "
            "are stored as suggestions for caseworkers to act on; pairs that already have an application are "
            "left alone. With `dry_run=true` nothing is stored but the round itself."
        ),
        parameters=[OpenApiParameter("dry_run", bool, description=_("Compute and report only."))],
        request=MatchRoundRequestSerializer, responses={201: MatchRoundSerializer, 400: BAD_INPUT},
    )
    def create(self, request, *args, **kwargs):
        data = dict(request.data) if isinstance(request.data, dict) else request.data
        if "dry_run" in request.query_params and isinstance(data, dict):
            data = {**data, "dry_run": request.query_params["dry_run"]}
        serializer = MatchRoundRequestSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        match_round = match_round_run(municipality=self.actor.caseworker.municipality, started_by=request.user,
                                      dry_run=serializer.validated_data["dry_run"])
        return Response(self.get_serializer(match_round).data, status=status.HTTP_201_CREATED)
