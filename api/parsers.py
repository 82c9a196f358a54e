"""Request body parsers that refuse input built to exhaust the server, with a 400 that says what was wrong.

Python's JSON decoder recurses once per level of nesting, so ``[[[[…]]]]`` a hundred thousand
levels deep ends in a RecursionError, and a few hundred levels still make every later step that
walks the data (validation, error messages) recurse as deep. No payload of this API nests more
than a handful of levels, so the body is measured first, without recursion, and refused when
it is deeper than ``MAX_JSON_DEPTH``.

The size of a body is limited by Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` and the number of
form fields by ``DATA_UPLOAD_MAX_NUMBER_FIELDS``; ``api.exceptions`` turns those refusals into
JSON answers too.
"""

import re

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

# Deep enough for every payload of this API (a role with its skills nests three levels).
MAX_JSON_DEPTH = 20

_ESCAPE = re.compile(r"\\.", re.DOTALL)
# Once the escapes are gone no string contains a quote, so this never backtracks past one string.
_STRING = re.compile(r'"[^"]*"')
_BRACKET = re.compile(r"[\[\]{}]")


def json_depth_exceeds(text: str, limit: int) -> bool:
    """Whether the arrays and objects in the JSON ``text`` nest more than ``limit`` levels deep.

    Brackets inside strings do not count. The scan is iterative and linear in the length of
    the text, and stops at the first level beyond the limit. Malformed text is measured as
    well as it can be; the JSON decoder reports what is wrong with it.
    """
    without_strings = _STRING.sub("", _ESCAPE.sub("", text))
    if without_strings.count("[") + without_strings.count("{") <= limit:
        return False
    depth = 0
    for bracket in _BRACKET.finditer(without_strings):
        if bracket.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies nested deeper than ``MAX_JSON_DEPTH`` before decoding them."""

    max_depth = MAX_JSON_DEPTH

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = stream.read().decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(_("JSON parse error - the body is not valid %(encoding)s: %(error)s")
                             % {"encoding": encoding, "error": exc}) from None
        if json_depth_exceeds(text, self.max_depth):
            raise ParseError(_("JSON parse error - the body nests arrays or objects more than %(depth)d levels "
                               "deep.") % {"depth": self.max_depth})
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError:
            # Only reachable if the limit above is raised close to the interpreter's recursion limit.
            raise ParseError(_("JSON parse error - the body nests arrays or objects too deeply.")) from None
        except ValueError as exc:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": exc}) from None


class FormParser(parsers.FormParser):
    """DRF's form parser; too many fields is a 400 naming the limit, like every other parse error."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except TooManyFieldsSent:
            raise ParseError(too_many_fields_message()) from None


class MultiPartParser(parsers.MultiPartParser):
    """DRF's multipart parser; too many fields is a 400 naming the limit, like every other parse error."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except TooManyFieldsSent:
            raise ParseError(too_many_fields_message()) from None


def too_many_fields_message() -> str:
    return _("The request has more than %(count)d fields.") % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}


# What clients may send where a form is as common as JSON (signing in for a token).
FORM_AND_JSON_PARSERS = (FormParser, MultiPartParser, JSONParser)
