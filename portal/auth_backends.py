"""Where a municipality plugs in its own sign-in, such as DigiD for residents or eHerkenning for businesses.

Out of the box Werkplaats signs people in with Django's username and password (``ModelBackend``).
DigiD and eHerkenning are reached through a broker (a SAML or OpenID Connect gateway) that
verifies who someone is and returns a few attributes; the municipality's integration receives
that answer in its own callback view. This module turns such a verified answer into a Django
user: subclass ``ExternalIdentityBackend``, say which schemes it accepts, implement
``user_for_identity``, and add the subclass to ``AUTHENTICATION_BACKENDS``. Nothing in this module
is registered by default; docs/authentication.md walks through the steps.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend


@dataclass(frozen=True)
class ExternalIdentity:
    """What a broker vouches for after a successful sign-in.

    ``scheme`` names the means ("digid", "eherkenning"); ``subject`` is the identifier the broker
    returns for the person or the company (often a pseudonym); ``level_of_assurance`` is the
    scheme's own level (for example "substantial"); ``attributes`` holds anything else it returns.
    """

    scheme: str
    subject: str
    level_of_assurance: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)


class ExternalIdentityBackend(BaseBackend):
    """An authentication backend for identities verified elsewhere; subclass it per scheme.

    The callback view of the integration calls ``django.contrib.auth.authenticate(request,
    identity=ExternalIdentity(...))`` and, on success, ``django.contrib.auth.login``. Every other
    call of ``authenticate`` (a username and password, say) passes this backend by, so it can sit
    next to ``ModelBackend``.
    """

    #: The schemes this backend accepts, for example ``frozenset({"digid"})``.
    schemes: frozenset[str] = frozenset()

    def authenticate(self, request, identity: ExternalIdentity | None = None, **credentials):
        if identity is None or not self.accepts(identity):
            return None
        user = self.user_for_identity(identity)
        if user is None or not self.user_can_authenticate(user):
            return None
        return user

    def accepts(self, identity: ExternalIdentity) -> bool:
        """Whether to sign in with this identity at all; override to demand a level of assurance."""
        return identity.scheme in self.schemes and bool(identity.subject)

    def user_for_identity(self, identity: ExternalIdentity):
        """The existing Django user the identity belongs to, or None to refuse the sign-in.

        Subclasses decide how a verified identity is linked to an account (a table of their own
        that keeps the link, looked up by ``identity.subject``). Creating accounts here is a
        choice for the municipality: Werkplaats itself links people to job seekers and
        organisations through its caseworkers.
        """
        raise NotImplementedError(f"{type(self).__name__} must say which user an identity belongs to.")

    def user_can_authenticate(self, user) -> bool:
        return getattr(user, "is_active", True)

    def get_user(self, user_id):
        user = get_user_model()._default_manager.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
