"""Reference data that clients need to find ids: skills, skill categories and municipalities."""

from rest_framework import serializers

from api.serializers.common import MunicipalityRefSerializer
from marketplace.models import Skill, SkillCategory


class SkillCategorySerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = SkillCategory
        fields = ["id", "code", "name", "name_nl", "name_en"]


class SkillSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    category = SkillCategorySerializer(read_only=True)

    class Meta:
        model = Skill
        fields = ["id", "name", "name_nl", "name_en", "esco_uri", "category"]


class MunicipalitySerializer(MunicipalityRefSerializer):
    pass
