"""Knowing the caseload: categories with their standard approach, a person's place in one, and contact moments.

Each municipality keeps its own ``CaseloadCategory`` rows (direct to work, to work with support,
participation first, care first), each with the approach that goes with it: how often to be in
touch, which instruments to consider first, when to review the plan, and after how long without
a rung change someone counts as stuck. The thresholds of the stuck signals come from here.

A person's category is confirmed by a caseworker with a reason (``CategoryPlacement``, append-only:
the history of placements is the history of the category). ``JobSeeker.category`` holds the
current one so the cockpit can count 50,000 people in one aggregate.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.fields import BoundedTextField
from marketplace.models.seekers import JobSeeker
from marketplace.models.tenancy import Municipality
from marketplace.validators import validate_plausible_date, validate_title

WEEKS_MAX = 104
MONTHS_MAX = 60


class CategoryKey(models.TextChoices):
    DIRECT_TO_WORK = "direct_to_work", _("Direct to work")
    WORK_WITH_SUPPORT = "work_with_support", _("To work with support")
    PARTICIPATION_FIRST = "participation_first", _("Participation first")
    CARE_FIRST = "care_first", _("Care first")


class CaseloadCategory(models.Model):
    """A category of the caseload in one municipality, with its standard approach."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="caseload_categories",
                                     verbose_name=_("municipality"))
    key = models.CharField(_("category"), max_length=20, choices=CategoryKey.choices)
    name = models.CharField(_("name"), max_length=100, validators=[validate_title])
    description = BoundedTextField(_("approach"), max_length=NOTE_MAX_LENGTH, blank=True,
                                   help_text=_("The standard approach for people in this category, in a few lines."))
    contact_every_weeks = models.PositiveSmallIntegerField(_("contact at least every (weeks)"), default=4)
    review_every_weeks = models.PositiveSmallIntegerField(_("review the plan every (weeks)"), default=13)
    stuck_after_months = models.PositiveSmallIntegerField(_("no rung change for (months) counts as stuck"),
                                                          default=12)
    follow_up_within_weeks = models.PositiveSmallIntegerField(
        _("follow up an ended instrument within (weeks)"), default=2,
    )
    default_instruments = models.ManyToManyField("marketplace.Instrument", blank=True, related_name="categories",
                                                 verbose_name=_("instruments to consider first"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("caseload category")
        verbose_name_plural = _("caseload categories")
        ordering = ["municipality", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="caseload_category_unique_key"),
            models.CheckConstraint(condition=models.Q(key__in=CategoryKey.values), name="caseload_category_key_known"),
            models.CheckConstraint(
                condition=models.Q(contact_every_weeks__gte=1, contact_every_weeks__lte=WEEKS_MAX)
                & models.Q(review_every_weeks__gte=1, review_every_weeks__lte=WEEKS_MAX)
                & models.Q(follow_up_within_weeks__gte=1, follow_up_within_weeks__lte=WEEKS_MAX)
                & models.Q(stuck_after_months__gte=1, stuck_after_months__lte=MONTHS_MAX),
                name="caseload_category_intervals_range",
            ),
        ]

    def __str__(self):
        return self.name


class CategoryPlacement(models.Model):
    """A person placed in a category: the proposal, the caseworker's confirmation and the reason. Append-only."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="category_placements",
                               verbose_name=_("job seeker"))
    category = models.ForeignKey(CaseloadCategory, on_delete=models.PROTECT, related_name="placements",
                                 verbose_name=_("category"))
    proposed_key = models.CharField(_("proposed category"), max_length=20, choices=CategoryKey.choices, blank=True)
    reason = BoundedTextField(_("reason"), max_length=NOTE_MAX_LENGTH, validators=[validate_title])
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"))
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("category placement")
        verbose_name_plural = _("category placements")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"#{self.seeker_id} → {self.category_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A category placement cannot be changed; place the person again.")
        super().save(*args, **kwargs)


class ContactKind(models.TextChoices):
    CONVERSATION = "conversation", _("Conversation")
    PHONE = "phone", _("Phone call")
    VIDEO = "video", _("Video call")
    HOME_VISIT = "home_visit", _("Home visit")
    MESSAGE = "message", _("Message or e-mail")


class ContactMomentQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(seeker__municipality=municipality)


class ContactMoment(models.Model):
    """A contact between a caseworker and a job seeker: when, how, and a short note."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="contact_moments",
                               verbose_name=_("job seeker"))
    date = models.DateField(_("date"), validators=[validate_plausible_date])
    kind = models.CharField(_("kind"), max_length=15, choices=ContactKind.choices)
    note = BoundedTextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    objects = ContactMomentQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact moment")
        verbose_name_plural = _("contact moments")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ContactKind.values), name="contact_kind_known"),
        ]
        indexes = [models.Index(fields=["seeker", "date"])]

    def __str__(self):
        return f"{self.date}: #{self.seeker_id}"
