"""The skill taxonomy that seekers and roles refer to."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marketplace.constants import SKILL_LEVEL_MAX, SKILL_LEVEL_MIN
from marketplace.validators import validate_title


class NamedInTwoLanguages(models.Model):
    """A name in Dutch (``name_nl``) and in English (``name_en``); ``name`` is the one of the active language."""

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl


class SkillCategory(NamedInTwoLanguages):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_nl = models.CharField(_("Dutch name"), max_length=100, validators=[validate_title])
    name_en = models.CharField(_("English name"), max_length=100, validators=[validate_title])

    class Meta:
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")
        ordering = ["name_nl"]


class Skill(NamedInTwoLanguages):
    category = models.ForeignKey(
        SkillCategory, on_delete=models.PROTECT, related_name="skills", verbose_name=_("category")
    )
    name_nl = models.CharField(_("Dutch name"), max_length=120, unique=True, validators=[validate_title])
    name_en = models.CharField(_("English name"), max_length=120, validators=[validate_title])
    esco_uri = models.URLField(_("ESCO URI"), blank=True, max_length=250)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name_nl"]


def skill_level_check(name: str) -> models.CheckConstraint:
    """The database's own check that a skill's ``level`` lies on the ``SkillLevel`` scale."""
    return models.CheckConstraint(condition=models.Q(level__gte=SKILL_LEVEL_MIN, level__lte=SKILL_LEVEL_MAX), name=name)
