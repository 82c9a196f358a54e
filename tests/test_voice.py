"""One form of address per audience, in every Dutch text a page, form or e-mail shows.

Job seekers are addressed with "je"; employers, associations, residents and providers' staff with "u". Pages that
everybody sees (signing in, a new password, the lock-out, "not your page") never say "je": they use
"u" or no form of address at all, and includes that both job seekers and employers see use neither.
Texts for caseworkers and administrators (the admin, two-step sign-in) are not checked here.

The translatable strings of each template and Python file are collected the way makemessages
collects them, and translated with the Dutch catalogue that the site itself uses.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parent.parent

JE = "je"  # job seekers
U = "u"  # employers, associations, residents
SHARED = "shared"  # everybody: "u" or no form of address, never "je"
NEUTRAL = "neutral"  # includes shown to job seekers and employers alike: neither

JE_WORDS = re.compile(r"\b(je|jij|jou|jouw|jouwe|jezelf)\b", re.IGNORECASE)
# "u" as a word, but not "km/u" or "U+202A".
U_WORDS = re.compile(r"(?<![\w/+-])(u|uw|uwe|uzelf)\b(?![+/])", re.IGNORECASE)
FORBIDDEN = {JE: (U_WORDS,), U: (JE_WORDS,), SHARED: (JE_WORDS,), NEUTRAL: (JE_WORDS, U_WORDS)}

AUDIENCES = {
    JE: [
        "templates/portal/seeker/",
        "templates/portal/includes/match.html",
        "templates/portal/includes/application_status_text.html",
        "templates/emails/seeker_*.nl.txt",
        "portal/views/seeker.py",
        "portal/views/seeker_data.py",
        "portal/views/seeker_data_plans.py",
        "portal/views/seeker_plan.py",
        "portal/views/seeker_profile.py",
        "portal/forms/seeker.py",
    ],
    U: [
        "templates/portal/employer/",
        "templates/portal/association/",
        "templates/portal/carving/",
        "templates/portal/provider/",
        "templates/portal/includes/candidate_card.html",
        "templates/portal/includes/employer_card.html",
        "templates/portal/includes/application_table.html",
        "templates/emails/employer_*.nl.txt",
        "portal/views/employer_*.py",
        "portal/views/association.py",
        "portal/views/carving.py",
        "portal/forms/employer.py",
        "portal/forms/association.py",
        "portal/forms/carving.py",
        "portal/views/provider.py",
        "portal/forms/provider.py",
        # The public site, for residents and employers (the admin's templates live in subfolders of cms/).
        "templates/cms/*.html",
        "templates/blocks/",
        "templates/includes/",  # the public site's; those the portals share are named under NEUTRAL
        "cms/forms.py",
        "cms/views.py",
        "marketplace/notifications.py",
    ],
    SHARED: [
        "templates/registration/",
        "templates/base.html",
        "templates/portal/layout.html",
        "templates/portal/no_portal.html",
        "templates/portal/not_for_you.html",
        "portal/views/common.py",
        "portal/views/dashboard.py",
        "accounts/lockout.py",
        "accounts/views.py",
    ],
    NEUTRAL: [
        "templates/includes/role_detail.html",
        "templates/includes/role_facts.html",
        "templates/includes/role_place.html",
        "templates/portal/includes/card_facts.html",
        "templates/portal/includes/error_summary.html",
        "templates/portal/includes/formset.html",
        "templates/portal/includes/placement_terms.html",
        "templates/portal/includes/status.html",
        "templates/portal/includes/timeline.html",
    ],
}
# Messages in a shared file that only staff see: two-step sign-in is for caseworkers and administrators.
STAFF_ONLY = {
    "accounts/views.py": {
        "That code is not right. Fill in the code your app shows now; it changes every 30 seconds.",
    },
}
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy", "pgettext",
                 "pgettext_lazy", "npgettext", "npgettext_lazy"}
STRING = re.compile(r"""[rbu]*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")
CALL = re.compile(r"\b(npgettext|pgettext|ngettext|gettext|_)\(")
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)


@dataclass(frozen=True)
class Message:
    """A translatable string as makemessages sees it: the function, its literal arguments (None for others)."""

    function: str
    arguments: tuple


def files_of(pattern: str) -> list[Path]:
    if pattern.endswith("/"):
        return sorted(path for path in (ROOT / pattern).rglob("*") if path.suffix in (".html", ".txt", ".py"))
    return sorted(ROOT.glob(pattern))


def python_messages(path: Path) -> list[Message]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in GETTEXT_NAMES:
                found.append(Message(name.removesuffix("_lazy").removesuffix("_noop"), tuple(
                    arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
                    for arg in node.args)))
    return found


def template_messages(path: Path) -> list[Message]:
    """The gettext calls of Django's own template-to-gettext conversion (what makemessages reads)."""
    source = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    found = []
    for call in CALL.finditer(source):
        position, arguments = call.end(), []
        while True:
            while source[position] in " ,\n":
                position += 1
            if source[position] == ")":
                break
            literal = STRING.match(source, position)
            if literal:
                arguments.append(ast.literal_eval(literal.group(0)))
                position = literal.end()
            else:
                position = re.compile(r"[^,)]+").match(source, position).end()
                arguments.append(None)
        found.append(Message(call.group(1), tuple(arguments)))
    return found


def dutch(message: Message) -> list[tuple[str, str]]:
    """(English, Dutch) for each form of ``message``; both plural forms of a plural."""
    function, args = message.function, message.arguments
    if not args or None in args[: 2 if function in ("ngettext", "pgettext") else 3 if function == "npgettext" else 1]:
        return []
    with translation.override("nl"):
        if function in ("_", "gettext"):
            return [(args[0], translation.gettext(args[0]))]
        if function == "ngettext":
            return [(args[0], translation.ngettext(args[0], args[1], count)) for count in (1, 2)]
        if function == "pgettext":
            return [(args[1], translation.pgettext(args[0], args[1]))]
        return [(args[1], translation.npgettext(args[0], args[1], args[2], count)) for count in (1, 2)]


def dutch_texts(path: Path) -> list[tuple[str, str]]:
    """What ``path`` shows in Dutch, as (what it is, the Dutch text)."""
    relative = str(path.relative_to(ROOT))
    if path.name.endswith(".nl.txt"):
        text = TEMPLATE_TAG.sub(" ", path.read_text(encoding="utf-8"))
        return [(f"line {number}", line) for number, line in enumerate(text.splitlines(), start=1)]
    if path.suffix == ".txt" or path.name.endswith(".en.txt"):
        return []
    messages = python_messages(path) if path.suffix == ".py" else template_messages(path)
    staff_only = STAFF_ONLY.get(relative, set())
    return [(english, text) for message in messages for english, text in dutch(message) if english not in staff_only]


def wrong_address(audience: str, text: str) -> list[str]:
    return [match.group(0) for pattern in FORBIDDEN[audience] for match in pattern.finditer(text)]


def named_files() -> dict[Path, str]:
    """Files named one by one (not through a folder), with their audience; such a name wins over a folder."""
    return {ROOT / pattern: audience for audience, patterns in AUDIENCES.items() for pattern in patterns
            if not pattern.endswith("/") and "*" not in pattern}


def audience_files(audience: str) -> list[Path]:
    named = named_files()
    return [path for pattern in AUDIENCES[audience] for path in files_of(pattern)
            if named.get(path, audience) == audience]


@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_dutch_text_addresses_its_audience_in_one_way(audience):
    files = audience_files(audience)
    assert files, f"no files found for {audience}"
    assert sum(len(dutch_texts(path)) for path in files) > 5, f"no texts found for {audience}"

    wrong = [
        f"{path.relative_to(ROOT)}: {english!r} -> {text!r} (says {', '.join(words)})"
        for path in files
        for english, text in dutch_texts(path)
        if (words := wrong_address(audience, text))
    ]

    assert not wrong, f"{len(wrong)} texts for {audience!r} use the wrong form of address:\n" + "\n".join(wrong)


def test_no_file_is_given_two_audiences():
    seen: dict[Path, str] = {}
    twice = []
    for audience in AUDIENCES:
        for path in audience_files(audience):
            if path in seen and seen[path] != audience:
                twice.append(f"{path.relative_to(ROOT)}: {seen[path]} and {audience}")
            seen[path] = audience
    assert not twice
    assert all(path.exists() for path in named_files()), "a file named above no longer exists"


# Words of the caseworkers' trade that a job seeker does not use; their pages say what is meant instead.
STAFF_JARGON = re.compile(r"\b(draaglast|draagkracht|de werkzoekende|evaluatiedatum|instemming)\b", re.IGNORECASE)


def test_the_job_seekers_texts_use_no_staff_jargon():
    jargon = [
        f"{path.relative_to(ROOT)}: {english!r} -> {text!r}"
        for path in audience_files(JE)
        for english, text in dutch_texts(path)
        if STAFF_JARGON.search(text)
    ]

    assert not jargon, f"{len(jargon)} texts for job seekers use staff words:\n" + "\n".join(jargon)


@pytest.mark.parametrize(("audience", "text", "words"), [
    (JE, "Vul uw naam in", ["uw"]),
    (JE, "U kunt nu inloggen", ["U"]),
    (JE, "Je hebt 3 van de 3 vaardigheden; 15 km/u op de fiets", []),
    (U, "Kijk in je e-mail", ["je"]),
    (U, "Is dit jouw account?", ["jouw"]),
    (U, "Uw jeugd, de bijeenkomst, een bedje en 8 uur", []),
    (JE, "Tekens als U+202A veranderen de leesrichting", []),
    (SHARED, "Het wachtwoord is gewijzigd", []),
    (SHARED, "Wat heb jij gedaan?", ["jij"]),
    (NEUTRAL, "Uw start", ["Uw"]),
    (NEUTRAL, "Je start", ["Je"]),
])
def test_the_check_finds_the_pronouns_and_not_parts_of_words(audience, text, words):
    assert wrong_address(audience, text) == words


def test_the_pages_everybody_sees_use_u_or_no_form_of_address():
    with translation.override("nl"):
        locked = translation.ngettext(
            "Too many failed attempts to sign in with this username from your address. For your safety, signing in "
            "is blocked for %(minutes)s minute. Try again after that, or ask for a new password.",
            "Too many failed attempts to sign in with this username from your address. For your safety, signing in "
            "is blocked for %(minutes)s minutes. Try again after that, or ask for a new password.", 15)
        signed_out = translation.gettext("You are signed out")

    assert not JE_WORDS.search(locked) and "geblokkeerd" in locked
    assert signed_out == "U bent uitgelogd"
