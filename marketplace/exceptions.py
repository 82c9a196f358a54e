"""Domain errors raised by services and selectors; the API and admin translate them for people.

Validation problems with the data itself are Django ``ValidationError``s keyed by field; the
errors here are about *who* may do something or *when* it may be done.
"""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """Base class; ``field`` names the input the error is about, when there is one."""

    default_message = _("This action is not allowed.")
    field = "non_field_errors"

    def __init__(self, message=None, *, field: str | None = None):
        self.message = message or self.default_message
        if field is not None:
            self.field = field
        super().__init__(str(self.message))


class TransitionNotAllowed(DomainError):
    """A status change that the workflow table does not allow from the current status."""

    default_message = _("This status change is not allowed.")
    field = "status"


class NotEditable(DomainError):
    """The object is in a state in which it can no longer be changed."""

    default_message = _("This can no longer be changed.")
    field = "status"


class NotYourOrganisation(DomainError):
    """The actor acts for an organisation that does not own the object (reported as not found)."""

    default_message = _("You do not act for the organisation that owns this.")
    field = "organisation"


class NotYourMunicipality(DomainError):
    """The object belongs to another municipality than the actor's (reported as not found)."""

    default_message = _("This belongs to another municipality.")


class NotAllowed(DomainError):
    """The actor lacks the role for this action (a job seeker acting as caseworker, say)."""

    default_message = _("You are not allowed to do this.")


class Overbooked(DomainError):
    """Every place of the role is taken by a seeker in trial or placed."""

    default_message = _("All places of this role are taken.")
    field = "role"


class ConsentRequired(DomainError):
    """An introduction by name without the job seeker's recorded consent."""

    default_message = _("The job seeker has not agreed to be introduced to this employer yet.")
    field = "consent"


class ApplicationExists(DomainError):
    """The job seeker already has an application for this role."""

    default_message = _("This job seeker already has an application for this role.")
    field = "seeker"


class TooManyInvitations(DomainError):
    """An employer organisation invited more job seekers within the hour than ``INVITATIONS_PER_HOUR`` allows."""

    default_message = _("Your organisation has sent as many invitations as allowed for now. Try again in an hour.")
    field = "candidate"
