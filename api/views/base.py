"""What every API view shares: who is asking, and query strings that are safe to hand to the database."""

from functools import cached_property

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework.exceptions import NotFound, ValidationError

from api.parsers import JSONParser
from api.permissions import IsCaseworker
from marketplace.access import Actor, actor_for
from marketplace.models import JobSeeker
from marketplace.selectors.seekers import seeker_list_for_staff


def reject_nul_characters(query_params) -> None:
    """PostgreSQL cannot store or compare text with NUL characters; refuse them up front, by name."""
    bad = sorted({key for key, values in query_params.lists() if "\x00" in key or any("\x00" in v for v in values)})
    if bad:
        raise ValidationError({key.replace("\x00", "\\0"): [_("The value contains a NUL character.")] for key in bad})


BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# The 400 answer in the schema: every error names the field it is about (see api/exceptions.py).
BAD_INPUT = OpenApiResponse(description=_("Bad input, named by field."))


class ActorMixin:
    # Resolves the actor once per request and screens the query string before anything else runs.
    # (A comment, not a docstring: the schema would show a docstring as every endpoint's description.)
    parser_classes = [JSONParser]

    def initial(self, request, *args, **kwargs):
        # The site answers unprefixed URLs in Dutch; API clients choose their language with Accept-Language.
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        reject_nul_characters(request.query_params)
        super().initial(request, *args, **kwargs)
        if request.method in BODY_METHODS:
            # Read the body now, once the caller may use the endpoint: a body that cannot be parsed
            # (malformed, nested too deep, too large) is refused alike on every endpoint, also on
            # those whose action does not look at it.
            request.data  # noqa: B018

    @cached_property
    def actor(self) -> Actor:
        return actor_for(self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "actor": self.actor}

    def valid(self, serializer_class, **kwargs) -> dict:
        """The request body, checked by ``serializer_class``; a 400 naming each bad field otherwise."""
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context(), **kwargs)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class CaseloadMixin(ActorMixin):
    # A caseworker's view of one job seeker of their municipality, named by the path's pk; anyone
    # else's job seeker does not exist (404).
    permission_classes = [IsCaseworker]
    queryset = JobSeeker.objects.none()  # types the path's pk in the schema; reads go through the selectors

    def seeker(self) -> JobSeeker:
        seeker = seeker_list_for_staff(actor=self.actor).filter(pk=self.kwargs["pk"]).first()
        if seeker is None:
            raise NotFound()
        return seeker
