"""Background tasks: the e-mails that tell people an application moved.

The services enqueue these in ``transaction.on_commit``, so nobody is told about a change that was
rolled back. Each task takes ids (task arguments must be plain JSON), reloads what it needs, and
returns the number of e-mails sent. Texts live in ``templates/emails/<name>.<language>.txt`` with
the subject in ``<name>_subject.<language>.txt``; a job seeker gets their preferred language,
everyone else Dutch, the language of the municipality.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_tasks import task

from marketplace.models import Caseworker, JobSeeker
from marketplace.models.applications import Application

DEFAULT_LANGUAGE = "nl"
KNOWN_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)
# The portal pages each e-mail links to; the caseworkers' page is their admin workspace.
SEEKER_APPLICATION_PATH = "/mijn/aanmeldingen/{id}/"
EMPLOYER_APPLICATION_PATH = "/werkgever/aanmeldingen/{id}/"
CASEWORKER_LISTING_PATH = "/admin/"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def seeker_application_url(application: Application) -> str:
    return absolute_url(SEEKER_APPLICATION_PATH.format(id=application.pk))


def employer_application_url(application: Application) -> str:
    return absolute_url(EMPLOYER_APPLICATION_PATH.format(id=application.pk))


def caseworker_application_url(application: Application) -> str:
    """The application in the caseworkers' admin listing, or the admin's front page if it is not installed."""
    try:
        return absolute_url(reverse("marketplace_application:inspect", args=[application.pk]))
    except NoReverseMatch:
        return absolute_url(CASEWORKER_LISTING_PATH)


def _language(value: str | None) -> str:
    return value if value in KNOWN_LANGUAGES else DEFAULT_LANGUAGE


def _render(name: str, language: str, context: dict) -> tuple[str, str]:
    language = _language(language)
    with translation.override(language):
        subject = render_to_string([f"emails/{name}_subject.{language}.txt", f"emails/{name}_subject.nl.txt"],
                                   context)
        body = render_to_string([f"emails/{name}.{language}.txt", f"emails/{name}.nl.txt"], context)
    return " ".join(subject.split()), body


def _send(name: str, *, recipient: str, language: str, context: dict) -> int:
    subject, body = _render(name, language, context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])


def _application(application_id: int) -> Application | None:
    return (Application.objects.select_related("seeker__caseworker__user", "role__organisation", "role__municipality")
            .filter(pk=application_id).first())


def _to_seeker(name: str, application: Application) -> int:
    seeker = application.seeker
    if not seeker.email:
        return 0
    context = {"seeker": seeker, "role": application.role, "organisation": application.role.organisation,
               "municipality": application.role.municipality, "url": seeker_application_url(application)}
    return _send(name, recipient=seeker.email, language=seeker.preferred_language, context=context)


@task()
def send_seeker_invited(application_id: int) -> int:
    """Tell the job seeker that an employer or caseworker asks them to be introduced for a role."""
    application = _application(application_id)
    return _to_seeker("seeker_invited", application) if application else 0


@task()
def send_seeker_introduced(application_id: int) -> int:
    """Tell the job seeker that the employer now knows their name and will get in touch."""
    application = _application(application_id)
    return _to_seeker("seeker_introduced", application) if application else 0


@task()
def send_employer_introduced(application_id: int, actor_id: int | None = None) -> int:
    """Tell the people of the employer (but not the one who did it) that a candidate was introduced."""
    application = _application(application_id)
    if application is None:
        return 0
    members = (get_user_model().objects.filter(memberships__organisation_id=application.role.organisation_id)
               .exclude(email="").exclude(pk=actor_id).distinct())
    context = {"role": application.role, "organisation": application.role.organisation,
               "municipality": application.role.municipality, "url": employer_application_url(application)}
    return sum(_send("employer_introduced", recipient=user.email, language=DEFAULT_LANGUAGE, context=context)
               for user in members)


def _caseworker_recipients(seeker: JobSeeker) -> list[str]:
    """The seeker's own caseworker; without one, every caseworker of the seeker's municipality."""
    if seeker.caseworker is not None and seeker.caseworker.user.email:
        return [seeker.caseworker.user.email]
    return list(Caseworker.objects.filter(municipality_id=seeker.municipality_id).exclude(user__email="")
                .values_list("user__email", flat=True).distinct())


@task()
def send_caseworker_interest(application_id: int) -> int:
    """Tell the caseworker that a job seeker of their caseload showed interest in a role."""
    application = _application(application_id)
    if application is None:
        return 0
    context = {"role": application.role, "organisation": application.role.organisation,
               "municipality": application.role.municipality, "url": caseworker_application_url(application)}
    return sum(_send("caseworker_interest", recipient=email, language=DEFAULT_LANGUAGE, context=context)
               for email in _caseworker_recipients(application.seeker))
