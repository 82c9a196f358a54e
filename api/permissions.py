"""Who may call which endpoint; which rows they reach is decided in each view's ``get_queryset()``."""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from marketplace.access import actor_for
from marketplace.messages import ONLY_SEEKERS_HAVE_A_PROFILE


class _ActorPermission(BasePermission):
    """Signed-in users whose actor has the attribute named by ``requirement``; none when it is unset."""

    requirement: attrgetter | None = None

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated or self.requirement is None:
            return False
        return bool(self.requirement(actor_for(request.user)))


class IsCaseworker(_ActorPermission):
    message = _("Only caseworkers can use this.")
    requirement = attrgetter("is_caseworker")


class IsJobSeeker(_ActorPermission):
    message = ONLY_SEEKERS_HAVE_A_PROFILE
    requirement = attrgetter("is_seeker")


class IsOrganisationMember(_ActorPermission):
    # Employers and associations; a provider's staff act only on their trajectories (see Actor.organisation_ids).
    message = _("Only people who act for an organisation can use this.")
    requirement = attrgetter("organisation_ids")


class IsProviderStaffOrCaseworker(BasePermission):
    message = _("Only a provider's staff and caseworkers can use this.")

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        actor = actor_for(request.user)
        return actor.is_provider or actor.is_caseworker


class IsOrganisationMemberOrReadOnly(IsOrganisationMember):
    """Anyone reads; only people acting for an organisation write."""

    message = _("Only people who act for an organisation can create or change roles.")

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or super().has_permission(request, view)
