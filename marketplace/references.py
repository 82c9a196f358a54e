"""Candidate references: how an employer points at an anonymous candidate without learning who it is.

A reference is sealed with AES-256-GCM (encrypted and authenticated) under a key derived from
``SECRET_KEY`` for this one purpose. Inside are the job seeker's id, the role's id, the employer
organisation's id and an expiry time; outside there is only a random nonce and ciphertext. So:

* nothing can be read from it: no id in any encoding, no JSON after base64-decoding;
* it cannot be forged or changed: any other byte fails the authentication tag;
* it opens only for that role, for members of that organisation, and until it expires;
* it links nothing: every reference gets a fresh random nonce, so the same person has a different
  reference for every role, in every list and on every request.

Caseworkers may still name job seekers by id; only employers need references.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import struct
import time
from collections.abc import Collection
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PURPOSE = b"werkplaats.candidate-reference.v1"
_PAYLOAD = struct.Struct(">QQQQ")  # seeker id, role id, organisation id, expiry (Unix seconds)
_NONCE_BYTES = 12
_TAG_BYTES = 16
_SEALED_BYTES = _NONCE_BYTES + _PAYLOAD.size + _TAG_BYTES
#: Longest reference text worth decoding; anything longer is refused before any work is done.
MAX_LENGTH = 4 * ((_SEALED_BYTES + 2) // 3)
DEFAULT_MAX_AGE_SECONDS = 8 * 3600


@lru_cache(maxsize=8)
def _cipher(secret: str) -> AESGCM:
    # A key of its own for this purpose: SECRET_KEY itself also signs sessions and tokens.
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(secret.encode())
    return AESGCM(key)


def _secrets() -> list[str]:
    """The current key first, then the ones being rotated out, so references survive a key rotation."""
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def max_age_seconds() -> int:
    return int(getattr(settings, "CANDIDATE_REFERENCE_MAX_AGE", DEFAULT_MAX_AGE_SECONDS))


def candidate_reference_issue(*, seeker_id: int, role_id: int, organisation_id: int, now: float | None = None) -> str:
    """A fresh reference to one job seeker, for one role of one organisation, valid for ``max_age_seconds``."""
    expires = int(time.time() if now is None else now) + max_age_seconds()
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = _cipher(settings.SECRET_KEY).encrypt(
        nonce, _PAYLOAD.pack(seeker_id, role_id, organisation_id, expires), PURPOSE
    )
    return base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode("ascii")


def candidate_reference_open(reference: object, *, role_id: int, organisation_ids: Collection[int],
                             now: float | None = None) -> int | None:
    """The job seeker id inside ``reference``, or None when it is malformed, forged or changed, made with
    an unknown key, for another role, for an organisation not in ``organisation_ids``, or expired."""
    if not isinstance(reference, str) or not 0 < len(reference) <= MAX_LENGTH:
        return None
    try:
        raw = base64.b64decode(reference.encode("ascii") + b"=" * (-len(reference) % 4), altchars=b"-_",
                               validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError):
        return None
    if len(raw) != _SEALED_BYTES:
        return None
    nonce, sealed = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:]
    for secret in _secrets():
        try:
            plain = _cipher(secret).decrypt(nonce, sealed, PURPOSE)
        except InvalidTag:
            continue
        break
    else:
        return None
    seeker_id, sealed_role_id, organisation_id, expires = _PAYLOAD.unpack(plain)
    if sealed_role_id != role_id or organisation_id not in organisation_ids:
        return None
    if expires <= (time.time() if now is None else now):
        return None
    return seeker_id
