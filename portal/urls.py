"""Pages of the signed-in portals. A plain list: each area appends its own paths, with prefixed names."""

from django.urls import path

from portal.views import (
    association,
    carving,
    dashboard,
    employer_applications,
    employer_roles,
    provider,
    seeker,
    seeker_plan,
    seeker_profile,
)

CARVING = "werkgever/werkanalyses/"

urlpatterns = [
    path(CARVING, carving.analysis_list, name="carving-list"),
    path(f"{CARVING}nieuw/", carving.analysis_create, name="carving-create"),
    path(f"{CARVING}<int:pk>/functie/", carving.analysis_edit, name="carving-job"),
    path(f"{CARVING}<int:pk>/taken/", carving.tasks, name="carving-tasks"),
    path(f"{CARVING}<int:pk>/taken/<int:task_pk>/", carving.task_edit, name="carving-task-edit"),
    path(f"{CARVING}<int:pk>/taken/<int:task_pk>/verwijderen/", carving.task_remove, name="carving-task-delete"),
    path(f"{CARVING}<int:pk>/taken/<int:task_pk>/verplaatsen/", carving.task_reposition, name="carving-task-move"),
    path(f"{CARVING}<int:pk>/voorstellen/", carving.proposals, name="carving-proposals"),
    path(f"{CARVING}<int:pk>/controleren/", carving.review, name="carving-review"),
    path(f"{CARVING}<int:pk>/aanmaken/", carving.accept, name="carving-accept"),
    path(f"{CARVING}<int:pk>/rollen/", carving.roles, name="carving-roles"),
    path(f"{CARVING}rollen/<int:role_pk>/", carving.role_detail, name="carving-role"),
    path(f"{CARVING}rollen/<int:role_pk>/publiceren/", carving.role_publish, name="carving-role-publish"),
    path(f"{CARVING}stapelbanen/", carving.bundles, name="carving-bundles"),
    path(f"{CARVING}stapelbanen/aanmaken/", carving.bundle_create, name="carving-bundle-accept"),
]

# The signed-in portals: one dashboard that sends each actor on, then a section per actor.
SEEKER, EMPLOYER, ASSOCIATION = "mijn/", "werkgever/", "vereniging/"
urlpatterns += [
    path("portaal/", dashboard.home, name="portal-home"),
    path(SEEKER, seeker.home, name="seeker-home"),
    path(f"{SEEKER}past-bij-jou/", seeker.matches, name="seeker-matches"),
    path(f"{SEEKER}werk/", seeker.roles, name="seeker-roles"),
    path(f"{SEEKER}werk/<int:role_id>/", seeker.role_detail, name="seeker-role"),
    path(f"{SEEKER}werk/<int:role_id>/interesse/", seeker.role_interest, name="seeker-role-interest"),
    path(f"{SEEKER}aanmeldingen/", seeker.applications, name="seeker-applications"),
    path(f"{SEEKER}aanmeldingen/<int:pk>/", seeker.application_detail, name="seeker-application"),
    path(f"{SEEKER}aanmeldingen/<int:pk>/toestemming/", seeker.application_give_consent,
         name="seeker-application-consent"),
    path(f"{SEEKER}aanmeldingen/<int:pk>/intrekken/", seeker.application_withdraw_view,
         name="seeker-application-withdraw"),
    path(f"{SEEKER}plan/", seeker_plan.plan, name="seeker-plan"),
    path(f"{SEEKER}plan/reactie/", seeker_plan.plan_comment, name="seeker-plan-comment"),
    path(f"{SEEKER}plan/akkoord/", seeker_plan.plan_agree_view, name="seeker-plan-agree"),
    path(f"{SEEKER}plan/acties/<int:pk>/klaar/", seeker_plan.plan_action_done, name="seeker-plan-action-done"),
    path(f"{SEEKER}profiel/", seeker_profile.profile, name="seeker-profile"),
    path(f"{SEEKER}toestemming/", seeker_profile.consent, name="seeker-consent"),
    path(f"{SEEKER}gegevens/", seeker_profile.my_data, name="seeker-data"),
    path(f"{SEEKER}gegevens/download/", seeker_profile.my_data_download, name="seeker-data-download"),
    path(EMPLOYER, employer_roles.home, name="employer-home"),
    path(f"{EMPLOYER}rollen/", employer_roles.roles, name="employer-roles"),
    path(f"{EMPLOYER}rollen/nieuw/", employer_roles.role_create_view, name="employer-role-create"),
    path(f"{EMPLOYER}rollen/<int:role_id>/", employer_roles.role_detail, name="employer-role"),
    path(f"{EMPLOYER}rollen/<int:role_id>/bewerken/", employer_roles.role_edit, name="employer-role-edit"),
    path(f"{EMPLOYER}rollen/<int:role_id>/publiceren/", employer_roles.role_publish_view,
         name="employer-role-publish"),
    path(f"{EMPLOYER}rollen/<int:role_id>/sluiten/", employer_roles.role_close_view, name="employer-role-close"),
    path(f"{EMPLOYER}rollen/<int:role_id>/vervuld/", employer_roles.role_filled_view, name="employer-role-filled"),
    path(f"{EMPLOYER}rollen/<int:role_id>/uitnodigen/", employer_roles.invite, name="employer-role-invite"),
    path(f"{EMPLOYER}aanmeldingen/", employer_applications.applications, name="employer-applications"),
    path(f"{EMPLOYER}aanmeldingen/<int:pk>/", employer_applications.application_detail,
         name="employer-application"),
    path(f"{EMPLOYER}aanmeldingen/<int:pk>/voorstellen/", employer_applications.introduce,
         name="employer-application-introduce"),
    path(f"{EMPLOYER}aanmeldingen/<int:pk>/proefplaatsing/", employer_applications.start_trial,
         name="employer-application-trial"),
    path(f"{EMPLOYER}aanmeldingen/<int:pk>/plaatsen/", employer_applications.place, name="employer-application-place"),
    path(f"{EMPLOYER}aanmeldingen/<int:pk>/beeindigen/", employer_applications.end, name="employer-application-end"),
    path(f"{EMPLOYER}aanmeldingen/<int:pk>/afwijzen/", employer_applications.decline,
         name="employer-application-decline"),
    path(ASSOCIATION, association.home, name="association-home"),
    path(f"{ASSOCIATION}aanvragen/nieuw/", association.request_create, name="association-request-create"),
    path(f"{ASSOCIATION}aanvragen/<int:pk>/", association.request_detail, name="association-request"),
]

# The provider's staff: the clients assigned to their organisation, and each one's trajectory and reports.
PROVIDER = "aanbieder/"
urlpatterns += [
    path(PROVIDER, provider.home, name="provider-home"),
    path(f"{PROVIDER}trajecten/<int:pk>/", provider.client, name="provider-client"),
]
