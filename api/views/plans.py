"""Plans of action: caseworkers keep a job seeker's plan; the job seeker reads it, comments, agrees and ticks off.

Caseworkers reach the job seekers of their own municipality under ``/seekers/{id}/plan/``; anyone
else's job seeker does not exist (404). The job seeker reaches only their own plan, under
``/me/plan/``. Everyone else is refused (403). Every write answers with the whole plan, its new
version and history included.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api.permissions import IsJobSeeker
from api.serializers.plans import (
    AgreeSerializer,
    CommentSerializer,
    PlanActionUpdateSerializer,
    PlanActionWriteSerializer,
    PlanSerializer,
    PlanWriteSerializer,
)
from api.views.base import BAD_INPUT, ActorMixin, CaseloadMixin
from marketplace.models import Plan
from marketplace.selectors.plans import plan_action_of, plan_for_self, plan_for_staff
from marketplace.services.plans import (
    plan_action_add,
    plan_action_mark_done,
    plan_action_update,
    plan_agree,
    plan_comment_add,
    plan_create,
    plan_update,
)

NOT_FOUND = OpenApiResponse(description=_("No such job seeker in your municipality, or no plan yet."))
NO_PLAN = _("There is no plan yet.")


class _CaseloadPlanMixin(CaseloadMixin):
    serializer_class = PlanSerializer

    def plan(self) -> Plan:
        plan = plan_for_staff(actor=self.actor, seeker=self.seeker())
        if plan is None:
            raise NotFound(NO_PLAN)
        return plan

    def respond(self, plan: Plan, status_code=status.HTTP_200_OK) -> Response:
        plan = plan_for_staff(actor=self.actor, seeker=plan.seeker)
        context = {**self.get_serializer_context(), "for_staff": True}
        return Response(PlanSerializer(plan, context=context).data, status=status_code)



class SeekerPlanView(_CaseloadPlanMixin, generics.GenericAPIView):
    @extend_schema(summary=_("Read a job seeker's plan of action"),
                   responses={200: PlanSerializer, 404: NOT_FOUND})
    def get(self, request, *args, **kwargs):
        return self.respond(self.plan())

    @extend_schema(
        summary=_("Make a job seeker's plan of action"),
        description=_("A job seeker has one plan; a second one answers 400 naming `seeker`. The review date is "
                      "today or later."),
        request=PlanWriteSerializer, responses={201: PlanSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        seeker = self.seeker()
        data = self.valid(PlanWriteSerializer)
        return self.respond(plan_create(actor=self.actor, seeker=seeker, **data), status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Change the goal or the review date"),
        description=_("A change raises the plan's version, so the job seeker is asked to agree again."),
        request=PlanWriteSerializer, responses={200: PlanSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def patch(self, request, *args, **kwargs):
        plan = self.plan()
        data = self.valid(PlanWriteSerializer, partial=True)
        data = data
        return self.respond(plan_update(actor=self.actor, plan=plan, data=data))


class SeekerPlanActionsView(_CaseloadPlanMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("Add an action to a plan"),
        description=_("With what, who does it (`seeker`, `caseworker`, or `other` with `owner_name`) and a due "
                      "date from today up to the review date. The job seeker is asked to agree again."),
        request=PlanActionWriteSerializer, responses={201: PlanSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        plan = self.plan()
        data = self.valid(PlanActionWriteSerializer)
        data = data
        plan_action_add(actor=self.actor, plan=plan, **data)
        return self.respond(plan, status.HTTP_201_CREATED)


class SeekerPlanActionView(_CaseloadPlanMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("Change an action, or tick it off, cancel it or open it again"),
        description=_("Changing what, who or when, cancelling and taking a cancelled action up again ask the job "
                      "seeker to agree again; ticking an action off does not."),
        request=PlanActionUpdateSerializer, responses={200: PlanSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
    )
    def patch(self, request, *args, **kwargs):
        plan = self.plan()
        action = plan_action_of(plan=plan, action_id=self.kwargs["action_id"])
        if action is None:
            raise NotFound()
        data = self.valid(PlanActionUpdateSerializer)
        plan_action_update(actor=self.actor, action=action, data=data)
        return self.respond(plan)


class SeekerPlanCommentsView(_CaseloadPlanMixin, generics.GenericAPIView):
    @extend_schema(summary=_("Comment on a job seeker's plan"), request=CommentSerializer,
                   responses={201: PlanSerializer, 400: BAD_INPUT, 404: NOT_FOUND})
    def post(self, request, *args, **kwargs):
        plan = self.plan()
        data = self.valid(CommentSerializer)
        plan_comment_add(actor=self.actor, plan=plan, text=data["text"])
        return self.respond(plan, status.HTTP_201_CREATED)


class _MyPlanMixin(ActorMixin):
    permission_classes = [IsJobSeeker]
    serializer_class = PlanSerializer

    def plan(self) -> Plan:
        plan = plan_for_self(actor=self.actor)
        if plan is None:
            raise NotFound(_("Your caseworker has not made a plan with you yet."))
        return plan

    def respond(self, status_code=status.HTTP_200_OK) -> Response:
        return Response(PlanSerializer(self.plan(), context=self.get_serializer_context()).data, status=status_code)



MY_PLAN_NOT_FOUND = OpenApiResponse(description=_("You have no plan yet."))


class MyPlanView(_MyPlanMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("Read my plan of action"),
        description=_("Your goal, the actions with who does them and by when, and everything that happened. "
                      "`agreement` is `changed` when your caseworker changed the plan after you agreed."),
        responses={200: PlanSerializer, 404: MY_PLAN_NOT_FOUND},
    )
    def get(self, request, *args, **kwargs):
        return self.respond()


class MyPlanAgreeView(_MyPlanMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("Agree to my plan"),
        description=_("Send the `version` you read. If the plan changed since, the answer is 409 naming "
                      "`version`, and nothing is written."),
        request=AgreeSerializer,
        responses={200: PlanSerializer, 400: BAD_INPUT, 404: MY_PLAN_NOT_FOUND,
                   409: OpenApiResponse(description=_("The plan changed after you read it."))},
    )
    def post(self, request, *args, **kwargs):
        # The body first: the person is told what is wrong with it even before their plan exists.
        data = self.valid(AgreeSerializer)
        plan = self.plan()
        plan_agree(actor=self.actor, plan=plan, version=data["version"])
        return self.respond()


class MyPlanCommentsView(_MyPlanMixin, generics.GenericAPIView):
    @extend_schema(summary=_("Comment on my plan"), request=CommentSerializer,
                   responses={201: PlanSerializer, 400: BAD_INPUT, 404: MY_PLAN_NOT_FOUND})
    def post(self, request, *args, **kwargs):
        data = self.valid(CommentSerializer)
        plan = self.plan()
        plan_comment_add(actor=self.actor, plan=plan, text=data["text"])
        return self.respond(status.HTTP_201_CREATED)


class MyPlanActionDoneView(_MyPlanMixin, generics.GenericAPIView):
    @extend_schema(
        summary=_("Tick off an action of my plan"),
        description=_("Your own actions and those of another party; your caseworker ticks off their own."),
        request=None, responses={200: PlanSerializer, 403: OpenApiResponse(description=_("Not your action to tick "
                                                                                          "off.")),
                                 404: MY_PLAN_NOT_FOUND},
    )
    def post(self, request, *args, **kwargs):
        plan = self.plan()
        action = plan_action_of(plan=plan, action_id=self.kwargs["action_id"])
        if action is None:
            raise NotFound()
        plan_action_mark_done(actor=self.actor, action=action)
        return self.respond()
