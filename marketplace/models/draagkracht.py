"""The draagkracht picture: what a person brings (work experience, network, motivation, wishes, ambitions).

Competences are the seeker's skills with their levels (``SeekerSkill``), shown beside the picture
and never copied into it. Every save is a new version with the date and who recorded it, so the
picture's history stays readable. Not sensitive like the draaglast, but only for the person and
the caseworkers of their municipality: it never reaches employers or matching.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.constants import TEXT_MAX_LENGTH
from marketplace.fields import BoundedTextField
from marketplace.models.seekers import JobSeeker


class MotivationScale(models.IntegerChoices):
    NOT_NOW = 1, _("1 Not ready for work now")
    DOUBTING = 2, _("2 Doubting")
    WILLING = 3, _("3 Willing, with support")
    MOTIVATED = 4, _("4 Motivated")
    EAGER = 5, _("5 Very motivated, takes the lead")


# The text parts of a picture, in the order they are shown.
PICTURE_TEXT_FIELDS = ("work_experience", "network", "motivation_words", "wishes", "ambitions")
PICTURE_FIELDS = ("work_experience", "network", "motivation", "motivation_words", "wishes", "ambitions")


def _text(label, help_text=""):
    return BoundedTextField(label, max_length=TEXT_MAX_LENGTH, blank=True, help_text=help_text)


class DraagkrachtPicture(models.Model):
    """One version of a person's draagkracht picture; the newest version is the current picture."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="draagkracht_versions",
                               verbose_name=_("job seeker"))
    version = models.PositiveIntegerField(_("version"))
    work_experience = _text(_("work experience"), _("Paid and unpaid work, volunteering, care for others."))
    network = _text(_("network"), _("People who can help: family, friends, neighbours, former colleagues, clubs."))
    motivation = models.PositiveSmallIntegerField(_("motivation"), choices=MotivationScale.choices)
    motivation_words = _text(_("motivation in their own words"), _("What the person says, in their words."))
    wishes = _text(_("wishes"), _("The work and the circumstances the person wishes for."))
    ambitions = _text(_("ambitions"), _("Where the person wants to be in a few years."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("draagkracht picture")
        verbose_name_plural = _("draagkracht pictures")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "version"], name="draagkracht_version_unique"),
            models.CheckConstraint(condition=models.Q(motivation__gte=1, motivation__lte=5),
                                   name="draagkracht_motivation_1_to_5"),
        ]

    def __str__(self):
        return f"draagkracht #{self.seeker_id} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A version of the draagkracht picture cannot be changed; record a new one.")
        super().save(*args, **kwargs)

    def values(self) -> dict:
        return {name: getattr(self, name) for name in PICTURE_FIELDS}
