"""Life-domains assessments in the style of the self-sufficiency matrix (zelfredzaamheidsmatrix).

Each assessment is a dated record of scores from 1 (acute problems) to 5 (fully self-sufficient)
on the life domains, kept as it was recorded: progress shows by comparing assessments, never by
overwriting one. The scores on the domains in ``SENSITIVE_DOMAINS`` say as much as the draaglast
does (debts, housing, home life and health) and are read by staff only through a read with a
purpose that is logged (``marketplace.selectors.assessments``); see docs/privacy.md.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.models.seekers import JobSeeker
from marketplace.validators import validate_plausible_date

SCORE_MIN, SCORE_MAX = 1, 5


class SelfSufficiency(models.IntegerChoices):
    """The five levels of the self-sufficiency matrix, as caseworkers know them."""

    ACUTE = 1, _("1 Acute problems")
    NOT_SELF_SUFFICIENT = 2, _("2 Not self-sufficient")
    BARELY = 3, _("3 Barely self-sufficient")
    ADEQUATE = 4, _("4 Adequately self-sufficient")
    FULLY = 5, _("5 Fully self-sufficient")


# The same levels in plain words for the job seeker (B1).
SEEKER_SCORE_LABELS = {
    1: _("It is going very badly"),
    2: _("It does not work without help"),
    3: _("It works with some help"),
    4: _("It is going well"),
    5: _("It is going very well"),
}


class LifeDomain(models.TextChoices):
    INCOME = "income", _("Income")
    DEBTS = "debts", _("Debts")
    DAILY_ACTIVITIES = "daily_activities", _("Daily activities")
    HOUSING = "housing", _("Housing")
    FAMILY_RELATIONS = "family_relations", _("Family relations")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    PHYSICAL_HEALTH = "physical_health", _("Physical health")
    SOCIAL_NETWORK = "social_network", _("Social network")
    LANGUAGE = "language", _("Language")


DOMAINS: tuple[str, ...] = tuple(LifeDomain.values)
# Draaglast-type scores: debts, a home or none, home life and health (special personal data under the AVG).
SENSITIVE_DOMAINS: tuple[str, ...] = (
    LifeDomain.DEBTS, LifeDomain.HOUSING, LifeDomain.FAMILY_RELATIONS, LifeDomain.MENTAL_HEALTH,
    LifeDomain.PHYSICAL_HEALTH,
)
OPEN_DOMAINS: tuple[str, ...] = tuple(domain for domain in DOMAINS if domain not in SENSITIVE_DOMAINS)


def _score_field(domain: LifeDomain):
    return models.PositiveSmallIntegerField(domain.label, choices=SelfSufficiency.choices, null=True, blank=True)


class AssessmentQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(seeker__municipality=municipality)

    def in_order(self):
        return self.order_by("date", "recorded_at", "id")


class Assessment(models.Model):
    """Scores on the life domains on one date; a domain left empty was not assessed that time."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="assessments",
                               verbose_name=_("job seeker"))
    date = models.DateField(_("date"), validators=[validate_plausible_date])
    income = _score_field(LifeDomain.INCOME)
    debts = _score_field(LifeDomain.DEBTS)
    daily_activities = _score_field(LifeDomain.DAILY_ACTIVITIES)
    housing = _score_field(LifeDomain.HOUSING)
    family_relations = _score_field(LifeDomain.FAMILY_RELATIONS)
    mental_health = _score_field(LifeDomain.MENTAL_HEALTH)
    physical_health = _score_field(LifeDomain.PHYSICAL_HEALTH)
    social_network = _score_field(LifeDomain.SOCIAL_NETWORK)
    language = _score_field(LifeDomain.LANGUAGE)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("life-domains assessment")
        verbose_name_plural = _("life-domains assessments")
        ordering = ["date", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{domain}__isnull": True})
                | models.Q(**{f"{domain}__gte": SCORE_MIN, f"{domain}__lte": SCORE_MAX}),
                name=f"assessment_{domain}_1_to_5",
            )
            for domain in DOMAINS
        ]
        indexes = [models.Index(fields=["seeker", "date"])]

    def __str__(self):
        return f"{self.date}: #{self.seeker_id}"

    def save(self, *args, **kwargs):
        # An assessment is a record of one moment; a different view is a new assessment.
        if self.pk is not None:
            raise ValueError("An assessment cannot be changed; record a new one.")
        super().save(*args, **kwargs)

    def scores(self, domains=DOMAINS) -> dict[str, int | None]:
        return {domain: getattr(self, domain) for domain in domains}
