from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from api.views.applications import ApplicationViewSet
from api.views.assessments import (
    MyAssessmentsView,
    MyDraagkrachtView,
    MyLadderView,
    SeekerAssessmentsReadView,
    SeekerAssessmentsView,
    SeekerDraagkrachtView,
)
from api.views.auth import TokenView
from api.views.carving import BundleViewSet, CarvedRoleViewSet, JobAnalysisViewSet
from api.views.caseload import (
    CategoryDetailView,
    CategoryListView,
    SeekerCategoryView,
    SeekerContactsView,
    WorklistView,
)
from api.views.instruments import (
    InstrumentViewSet,
    SeekerInstrumentCancelView,
    SeekerInstrumentEndView,
    SeekerInstrumentFollowUpView,
    SeekerInstrumentStartView,
    SeekerInstrumentsView,
    SeekerInstrumentView,
)
from api.views.matching import (
    LadderOverrideView,
    MatchRoundViewSet,
    MyMatchesView,
    MyWhyNotView,
    RoleCandidatesView,
    SeekerMatchesView,
    SeekerWhyNotView,
)
from api.views.me import MyOrganisationViewSet, MyProfileView
from api.views.plans import (
    MyPlanActionDoneView,
    MyPlanAgreeView,
    MyPlanCommentsView,
    MyPlanView,
    SeekerPlanActionsView,
    SeekerPlanActionView,
    SeekerPlanCommentsView,
    SeekerPlanView,
)
from api.views.roles import RoleViewSet
from api.views.seekers import SeekerViewSet
from api.views.service_requests import ServiceRequestViewSet
from api.views.taxonomy import MunicipalityViewSet, SkillCategoryViewSet, SkillViewSet
from api.views.trajectories import TrajectoryViewSet

app_name = "api"

router = SimpleRouter()
router.register("roles", RoleViewSet, basename="role")
router.register("applications", ApplicationViewSet, basename="application")
router.register("seekers", SeekerViewSet, basename="seeker")
router.register("service-requests", ServiceRequestViewSet, basename="service-request")
router.register("me/organisations", MyOrganisationViewSet, basename="my-organisation")
router.register("skills", SkillViewSet, basename="skill")
router.register("skill-categories", SkillCategoryViewSet, basename="skill-category")
router.register("municipalities", MunicipalityViewSet, basename="municipality")
router.register("job-analyses", JobAnalysisViewSet, basename="job-analysis")
router.register("bundles", BundleViewSet, basename="bundle")
router.register("carved-roles", CarvedRoleViewSet, basename="carved-role")
router.register("match-rounds", MatchRoundViewSet, basename="match-round")
router.register("instruments", InstrumentViewSet, basename="instrument")
router.register("trajectories", TrajectoryViewSet, basename="trajectory")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI draws its icons as data: images; everything else it needs comes from this site.
    path("docs/", csp_update({"img-src": ["data:"]})(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
         name="docs"),
    path("auth/token/", TokenView.as_view(), name="token"),
    path("me/profile/", MyProfileView.as_view(), name="my-profile"),
    path("me/matches/", MyMatchesView.as_view(), name="my-matches"),
    path("me/why-not/", MyWhyNotView.as_view(), name="my-why-not"),
    path("seekers/<int:pk>/matches/", SeekerMatchesView.as_view(), name="seeker-matches"),
    path("seekers/<int:pk>/why-not/", SeekerWhyNotView.as_view(), name="seeker-why-not"),
    path("seekers/<int:pk>/ladder-overrides/", LadderOverrideView.as_view(), name="seeker-ladder-overrides"),
    path("roles/<int:pk>/candidates/", RoleCandidatesView.as_view(), name="role-candidates"),
    # The caseload: plan of action, assessments and draagkracht picture of a job seeker; the seeker's own under me/.
    path("seekers/<int:pk>/plan/", SeekerPlanView.as_view(), name="seeker-plan"),
    path("seekers/<int:pk>/plan/actions/", SeekerPlanActionsView.as_view(), name="seeker-plan-actions"),
    path("seekers/<int:pk>/plan/actions/<int:action_id>/", SeekerPlanActionView.as_view(),
         name="seeker-plan-action"),
    path("seekers/<int:pk>/plan/comments/", SeekerPlanCommentsView.as_view(), name="seeker-plan-comments"),
    path("seekers/<int:pk>/assessments/", SeekerAssessmentsView.as_view(), name="seeker-assessments"),
    path("seekers/<int:pk>/assessments/read/", SeekerAssessmentsReadView.as_view(), name="seeker-assessments-read"),
    path("seekers/<int:pk>/picture/", SeekerDraagkrachtView.as_view(), name="seeker-picture"),
    # The koffer: instruments deployed for a job seeker, and the moves on each.
    path("seekers/<int:pk>/instruments/", SeekerInstrumentsView.as_view(), name="seeker-instruments"),
    path("seekers/<int:pk>/instruments/<int:assignment_id>/", SeekerInstrumentView.as_view(),
         name="seeker-instrument"),
    path("seekers/<int:pk>/instruments/<int:assignment_id>/start/", SeekerInstrumentStartView.as_view(),
         name="seeker-instrument-start"),
    path("seekers/<int:pk>/instruments/<int:assignment_id>/end/", SeekerInstrumentEndView.as_view(),
         name="seeker-instrument-end"),
    path("seekers/<int:pk>/instruments/<int:assignment_id>/cancel/", SeekerInstrumentCancelView.as_view(),
         name="seeker-instrument-cancel"),
    path("seekers/<int:pk>/instruments/<int:assignment_id>/follow-up/", SeekerInstrumentFollowUpView.as_view(),
         name="seeker-instrument-follow-up"),
    path("seekers/<int:pk>/category/", SeekerCategoryView.as_view(), name="seeker-category"),
    path("seekers/<int:pk>/contacts/", SeekerContactsView.as_view(), name="seeker-contacts"),
    path("categories/", CategoryListView.as_view(), name="categories"),
    path("categories/<int:pk>/", CategoryDetailView.as_view(), name="category"),
    path("worklist/", WorklistView.as_view(), name="worklist"),
    path("me/plan/", MyPlanView.as_view(), name="my-plan"),
    path("me/plan/agree/", MyPlanAgreeView.as_view(), name="my-plan-agree"),
    path("me/plan/comments/", MyPlanCommentsView.as_view(), name="my-plan-comments"),
    path("me/plan/actions/<int:action_id>/done/", MyPlanActionDoneView.as_view(), name="my-plan-action-done"),
    path("me/assessments/", MyAssessmentsView.as_view(), name="my-assessments"),
    path("me/picture/", MyDraagkrachtView.as_view(), name="my-picture"),
    path("me/ladder/", MyLadderView.as_view(), name="my-ladder"),
    *router.urls,
]
