"""Where someone lands after signing in: the portal of what they are, or the admin for caseworkers."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from marketplace.access import actor_for
from portal.views.common import portal_home_url_name


@login_required
def home(request):
    actor = actor_for(request.user)
    if actor.is_caseworker:
        # Caseworkers do their work in the admin workspace, scoped to their municipality.
        return redirect("wagtailadmin_home")
    url_name = portal_home_url_name(actor)
    if url_name is not None:
        return redirect(url_name)
    return render(request, "portal/no_portal.html", {"actor": actor})
