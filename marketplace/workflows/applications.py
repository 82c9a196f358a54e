"""The application workflow: every transition, and which actor kinds may make it.

``suggested | interested | proposed → introduced → trial → placed → ended``, with ``declined`` and
``withdrawn`` from every open status. The service ``application_transition`` checks this table and
nothing else decides.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.choices import ApplicationStatus as S
from marketplace.workflows.base import CASEWORKER, EMPLOYER, SEEKER, Workflow

# Statuses from which an application can still be declined or withdrawn.
OPEN_STATUSES = frozenset({S.SUGGESTED, S.INTERESTED, S.PROPOSED, S.INTRODUCED, S.TRIAL})
# Statuses that hold one of the role's places (a RoleSeat).
SEATED_STATUSES = frozenset({S.TRIAL, S.PLACED})
# Statuses in which the employer has been introduced to the seeker by name.
INTRODUCED_STATUSES = frozenset({S.INTRODUCED, S.TRIAL, S.PLACED, S.ENDED})
# Statuses in which an introduction is still ahead, so the seeker's consent still matters.
BEFORE_INTRODUCTION = frozenset({S.SUGGESTED, S.INTERESTED, S.PROPOSED})

APPLICATION_WORKFLOW = Workflow(
    statuses=S,
    transitions={
        # A suggestion from a matching round: the seeker likes it, or an employer or caseworker asks them.
        (S.SUGGESTED, S.INTERESTED): frozenset({SEEKER}),
        (S.SUGGESTED, S.PROPOSED): frozenset({EMPLOYER, CASEWORKER}),
        # The employer or caseworker asks a seeker who showed interest to agree to an introduction.
        (S.INTERESTED, S.PROPOSED): frozenset({EMPLOYER, CASEWORKER}),
        # Introductions by name need the seeker's consent, which the service checks. The employer or
        # caseworker introduces; a seeker who agrees to a proposal introduces themselves (their answer).
        (S.SUGGESTED, S.INTRODUCED): frozenset({EMPLOYER, CASEWORKER}),
        (S.INTERESTED, S.INTRODUCED): frozenset({EMPLOYER, CASEWORKER}),
        (S.PROPOSED, S.INTRODUCED): frozenset({SEEKER, EMPLOYER, CASEWORKER}),
        # From here on the employer and the caseworker carry the work: trial, placement, its end.
        (S.INTRODUCED, S.TRIAL): frozenset({EMPLOYER, CASEWORKER}),
        (S.TRIAL, S.PLACED): frozenset({EMPLOYER, CASEWORKER}),
        (S.PLACED, S.ENDED): frozenset({EMPLOYER, CASEWORKER}),
        # Saying no: the employer's side declines, the seeker withdraws; the caseworker may do either for them.
        **{(status, S.DECLINED): frozenset({EMPLOYER, CASEWORKER}) for status in OPEN_STATUSES},
        **{(status, S.WITHDRAWN): frozenset({SEEKER, CASEWORKER}) for status in OPEN_STATUSES},
    },
    refusal=_("An application that is %(current)s cannot become %(target)s."),
    actor_refusal=_("As %(kind)s you cannot move an application from %(current)s to %(target)s."),
)

# Statuses nobody moves an application out of.
FINAL_STATUSES = frozenset(status for status in S.values if APPLICATION_WORKFLOW.is_final(status))

# The API's verbs for the transitions, so that a client can be told which buttons to show.
ACTION_TARGETS: dict[str, str] = {
    "introduce": S.INTRODUCED,
    "start_trial": S.TRIAL,
    "place": S.PLACED,
    "end": S.ENDED,
    "decline": S.DECLINED,
    "withdraw": S.WITHDRAWN,
}
