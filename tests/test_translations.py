"""The Dutch catalogue is complete, and the committed django.mo is compiled from the current django.po.

The interface is Dutch first, so an English string without a Dutch translation is a bug. Fuzzy
entries count as missing: gettext ignores them at runtime. The .mo is what Django reads; a .po
changed without running compilemessages leaves the site showing old or English texts, so the
compiled catalogue must hold exactly the messages of the .po, with the same translations.

The .po is read with a small parser of its own (the standard library has none), the .mo with
the standard library's gettext.
"""

import ast
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES"
PO_FILE = CATALOGUE / "django.po"
MO_FILE = CATALOGUE / "django.mo"
CONTEXT_SEPARATOR = "\x04"


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # msgstr is index 0 when there is no plural

    @property
    def is_header(self):
        return self.msgid == "" and self.msgctxt is None

    @property
    def key(self):
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}{CONTEXT_SEPARATOR}{self.msgid}"

    def describe(self):
        return f"line {self.line}: {self.msgid!r}"


def _unquote(text):
    """The value of one quoted PO string; PO strings use C escapes, which Python literals share."""
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), f"not a quoted string: {text}"
    return ast.literal_eval(text)


def parse_po(path):
    """Every active (non-obsolete) entry of a PO file, the header included."""
    entries, entry, target = [], Entry(line=1), None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        keyword, _, rest = line.partition(" ")
        if not line:
            target = None
            continue
        if entry.msgstr and (line.startswith("#") or keyword in ("msgctxt", "msgid")):
            entries.append(entry)  # the previous entry is complete
            entry = Entry(line=number)
        if line.startswith("#~"):  # obsolete: drop it with the comments and flags written above it
            entry, target = Entry(line=number), None
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert target is not None, f"line {number}: a continuation line without a keyword"
            kind, index = target
            if kind == "msgstr":
                entry.msgstr[index] += _unquote(line)
            else:
                setattr(entry, kind, getattr(entry, kind) + _unquote(line))
        elif keyword == "msgctxt":
            entry.msgctxt, target = _unquote(rest), ("msgctxt", None)
        elif keyword == "msgid":
            entry.line, entry.msgid, target = number, _unquote(rest), ("msgid", None)
        elif keyword == "msgid_plural":
            entry.msgid_plural, target = _unquote(rest), ("msgid_plural", None)
        elif keyword == "msgstr":
            entry.msgstr[0], target = _unquote(rest), ("msgstr", 0)
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            index = int(keyword[len("msgstr[") : -1])
            entry.msgstr[index], target = _unquote(rest), ("msgstr", index)
        else:
            raise AssertionError(f"line {number}: unknown keyword {keyword!r}")
    if entry.msgstr:
        entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def po_entries():
    entries = parse_po(PO_FILE)
    assert sum(not entry.is_header for entry in entries) > 100, "the .po file was not read"
    return entries


def test_every_interface_string_has_a_dutch_translation(po_entries):
    empty = [
        entry.describe()
        for entry in po_entries
        if not entry.is_header and (not entry.msgstr or any(not text for text in entry.msgstr.values()))
    ]
    plurals_incomplete = [
        entry.describe() for entry in po_entries if entry.msgid_plural is not None and sorted(entry.msgstr) != [0, 1]
    ]
    assert not empty, f"{len(empty)} strings have no Dutch translation:\n" + "\n".join(empty)
    assert not plurals_incomplete, "plural strings need msgstr[0] and msgstr[1]:\n" + "\n".join(plurals_incomplete)


def test_no_translation_is_marked_fuzzy(po_entries):
    fuzzy = [entry.describe() for entry in po_entries if "fuzzy" in entry.flags]
    assert not fuzzy, (
        f"{len(fuzzy)} translations are marked fuzzy, which gettext ignores; check them and remove the flag:\n"
        + "\n".join(fuzzy)
    )


def test_the_compiled_catalogue_matches_the_po_file(po_entries):
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # Django merges catalogues through it too

    expected = {}
    for entry in po_entries:
        if entry.is_header or "fuzzy" in entry.flags or not all(entry.msgstr.values()):
            continue  # msgfmt leaves these out; the other tests report them
        if entry.msgid_plural is None:
            expected[entry.key] = entry.msgstr.get(0, "")
        else:
            for index, text in entry.msgstr.items():
                expected[(entry.key, index)] = text
    compiled = {key: value for key, value in compiled.items() if key != ""}  # "" is the header

    missing = sorted(str(key) for key in expected.keys() - compiled.keys())
    stale = sorted(str(key) for key in compiled.keys() - expected.keys())
    different = sorted(str(key) for key in expected.keys() & compiled.keys() if expected[key] != compiled[key])
    hint = "run: python manage.py compilemessages --ignore '.venv'"
    assert not missing, f"django.mo lacks {len(missing)} messages of django.po ({hint}):\n" + "\n".join(missing)
    assert not stale, f"django.mo holds {len(stale)} messages no longer in django.po ({hint}):\n" + "\n".join(stale)
    assert not different, f"django.mo has other texts for {len(different)} messages ({hint}):\n" + "\n".join(different)
