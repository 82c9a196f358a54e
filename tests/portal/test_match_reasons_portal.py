"""Match reasons on portal pages, in Dutch, from the real matching: what fits and what to look out for apart.

A job seeker reads "Waarom het past" and "Waar je op moet letten"; an employer reads the same facts
about "de kandidaat", addressed with "u". Nothing that speaks against a match may stand under the
heading of what fits.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.portal.helpers import published_role, signed_in

pytestmark = pytest.mark.django_db

GROUP = re.compile(r'<div class="reasons-group(?P<kind>[^"]*)">(?P<body>.*?)</div>', re.DOTALL)


def dutch(name: str, *args) -> str:
    with translation.override("nl"):
        return reverse(name, args=args)


def groups(html: str) -> dict[str, str]:
    """The reason groups of a page, ``fits`` and ``attention``, each with the text under its heading."""
    found = {}
    for match in GROUP.finditer(html):
        kind = "attention" if "--attention" in match["kind"] else "fits"
        found[kind] = found.get(kind, "") + match["body"]
    return found


@pytest.fixture
def role_needing_a_skill(world):
    """A role near the world's seeker that asks for a skill the seeker has not recorded."""
    role = published_role(world.organisation_a, title="Broodkratten klaarzetten")
    factories.RoleSkillFactory(role=role, skill=factories.SkillFactory(name_nl="Heftruck rijden"), level=2)
    return role


def test_a_seeker_reads_what_does_not_fit_only_under_waar_je_op_moet_letten(world, role_needing_a_skill):
    html = signed_in(world.seeker_user).get(dutch("seeker-matches")).content.decode()

    shown = groups(html)
    assert "Broodkratten klaarzetten" in html
    assert "Waarom het past" in shown["fits"] and "Waar je op moet letten" not in shown["fits"]
    assert "Je werkt hier 16 uur, dat past bij je" in shown["fits"]
    assert "Waar je op moet letten" in shown["attention"]
    assert "Je hebt de vaardigheid die nodig is nog niet" in shown["attention"]
    assert "Je hebt nog geen vaardigheden ingevuld" in shown["attention"]
    assert "nog niet" not in shown["fits"] and "geen vaardigheden" not in shown["fits"]
    assert not re.search(r"trede|pluspunt|\d+ van \d+ uur", html)


def test_an_employer_reads_about_the_candidate_in_u_wording(world, role_needing_a_skill):
    html = signed_in(world.employer_a).get(dutch("employer-role", role_needing_a_skill.pk)).content.decode()

    shown = groups(html)
    assert "Waarom deze kandidaat past" in shown["fits"]
    assert "De kandidaat kan de 16 uur werken die u biedt" in shown["fits"]
    assert "De kandidaat woont 0–5 km van het werk" in shown["fits"]
    assert "Waar u op moet letten" in shown["attention"]
    assert "De kandidaat heeft de vaardigheid die u vraagt nog niet" in shown["attention"]
    reasons = shown["fits"] + shown["attention"]
    assert not re.search(r"\b(je|jij|jouw)\b", reasons, re.IGNORECASE)
    assert "stap" not in reasons
