"""Reads of organisations for the people who act for them."""

from django.db.models import QuerySet

from marketplace.access import Actor
from marketplace.models import Organisation


def organisation_list_of_member(*, actor: Actor) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=actor.organisation_ids).select_related("municipality")
