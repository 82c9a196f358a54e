"""Public reference data: the skill taxonomy and the municipalities."""

from django.db.models import QuerySet

from marketplace.models import Municipality, Skill, SkillCategory


def skill_list() -> QuerySet[Skill]:
    return Skill.objects.select_related("category").order_by("name_nl", "id")


def skill_category_list() -> QuerySet[SkillCategory]:
    return SkillCategory.objects.order_by("name_nl", "id")


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.only("id", "name", "cbs_code").order_by("name", "id")
