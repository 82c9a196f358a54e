"""What every portal page shares: who may open it, and how a refused action reaches the person.

A page is for one kind of actor. Someone signed in as another kind gets a page that says so
(403); something that is not theirs (another organisation's application, another seeker's)
answers 404, exactly as if it did not exist.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor, actor_for
from marketplace.exceptions import (
    ApplicationExists,
    ConsentRequired,
    DomainError,
    NotAllowed,
    NotEditable,
    NotYourMunicipality,
    NotYourOrganisation,
    Overbooked,
    TransitionNotAllowed,
)

PORTALS = {
    "seeker": (lambda actor: actor.is_seeker, _("job seekers")),
    "employer": (lambda actor: actor.is_employer, _("employers")),
    "association": (lambda actor: actor.is_association, _("associations")),
    "provider": (lambda actor: actor.is_provider, _("providers' staff")),
}
# Refusals about the state of things (the workflow, the places of a role) are conflicts; the rest bad requests.
CONFLICTS = (Overbooked, TransitionNotAllowed, ConsentRequired, ApplicationExists, NotAllowed, NotEditable)
NOT_FOUND = (NotYourOrganisation, NotYourMunicipality)


def portal_page(kind: str):
    """Only signed-in actors of ``kind`` open the page; the view receives the actor after the request."""
    may_open, audience = PORTALS[kind]

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            actor = actor_for(request.user)
            if not may_open(actor):
                return render(request, "portal/not_for_you.html", {"audience": audience, "actor": actor}, status=403)
            return view(request, actor, *args, **kwargs)

        return login_required(wrapped)

    return decorator


seeker_page = portal_page("seeker")
employer_page = portal_page("employer")
association_page = portal_page("association")
provider_page = portal_page("provider")


def refusal_status(error: DomainError) -> int:
    return 409 if isinstance(error, CONFLICTS) else 400


def report_refusal(request, error: DomainError) -> int:
    """Tell the person why the action was refused, and return the status code of the response.

    Something that is not the person's business is not found, exactly as if it did not exist.
    """
    if isinstance(error, NOT_FOUND):
        raise Http404
    messages.error(request, error.message)
    return refusal_status(error)


def portal_home_url_name(actor: Actor) -> str | None:
    """The dashboard of the actor's first portal, in the order seeker, employer, association, provider."""
    for kind, (may_open, _audience) in PORTALS.items():
        if may_open(actor):
            return f"{kind}-home"
    return None
