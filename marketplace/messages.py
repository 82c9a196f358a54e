"""Validation messages that more than one check gives, written once.

A rule that a form or the API checks early and a service checks again refuses with the same words
everywhere. A message about a limit takes the number from ``marketplace.constants``, so that the
number is named once as well; those messages are functions, since the number is filled in when the
message is shown, in the language of that moment.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

FIELD_NOT_SETTABLE = _("This field cannot be set here.")
ONLY_SEEKERS_HAVE_A_PROFILE = _("Only job seekers have a profile.")
UNKNOWN_POSTCODE = _("We do not know this postcode. Try a postcode nearby.")
ONLY_CARVERS = _("Only employers and caseworkers analyse and carve jobs.")
PROPOSAL_REQUIRED = _("Choose at least one proposal.")
PROPOSALS_CHANGED = _("The proposals have changed since you saw them; check them again before you create roles.")
TWO_EMPLOYERS_TO_BUNDLE = _("Choose at least two job analyses of different employers.")
ONLY_SERVICE_TEAM_BUNDLES = _("Only caseworkers of the employer service team combine jobs of several employers.")

# Roles, and the people working in them.
HOURS_REVERSED = _("The maximum hours cannot be less than the minimum hours.")
WEEKDAY_REQUIRED = _("Choose at least one weekday.")
SKILL_TWICE = _("Each skill can appear only once.")
WAGE_NOT_POSITIVE = _("The hourly wage must be more than zero.")
WAGE_OR_ALLOWANCE = _("A role pays either an hourly wage or a volunteer allowance.")
ROLE_CLOSED = _("A closed role can no longer be changed.")

# Ids that the person sent but may not use are refused as if nothing had that id.
NO_ROLE_IN_MUNICIPALITY = _("There is no role with this id in your municipality.")
SEEKER_NOT_INVITABLE = _("There is no job seeker with this id that you can invite.")


def hours_between(low: int, high: int) -> str:
    """A number of hours outside the limits of what it is about (a role, a placement, a job seeker)."""
    return gettext("Between %(min)d and %(max)d hours per week.") % {"min": low, "max": high}


def km_between(low: int, high: int) -> str:
    return gettext("Between %(min)d and %(max)d km.") % {"min": low, "max": high}


def role_hours(role) -> str:
    """The hours of a placement must lie within the role's."""
    return gettext("This role is for %(min)d to %(max)d hours a week.") % {"min": role.hours_min,
                                                                           "max": role.hours_max}

