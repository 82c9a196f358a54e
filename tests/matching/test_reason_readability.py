"""The match reasons a job seeker reads stay plain Dutch (B1), checked with the Flesch-Douma score.

Flesch-Douma is the Dutch adaptation of the Flesch reading ease (W. H. Douma, 1960)::

    score = 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)

A score of 60 or more reads "fairly easy" to "easy"; B1 texts for a wide audience aim for that, so
the threshold is ``THRESHOLD = 60`` over every seeker text rendered with realistic numbers, and no
single reason may fall below ``SINGLE_THRESHOLD = 50`` (one long word in a short sentence weighs
heavily, so one text gets some room). Counting, as the formula needs it:

* a sentence ends at ".", "!" or "?"; a reason without a full stop is one sentence;
* a word is a run of letters or digits ("0–5 km" is three words);
* a syllable is a group of vowels, where the Dutch diphthongs "aa ee oo uu ie oe eu ui ei ij au ou"
  (and "aai ooi oei eeu ieu") count as one and other vowels next to each other each count as one
  ("ideaal" is i-de-aal); a word without a vowel, such as a number or "km", counts as one syllable.

The same formula and thresholds are described in docs/matching.md.
"""

import re

import pytest

from marketplace.matching.reasons import EMPLOYER, EXCLUSION_CODES, MATCH_CODES, SEEKER, reason

THRESHOLD = 60.0
SINGLE_THRESHOLD = 50.0

_VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")
_UNITS = ("aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "au", "ou")
_WORD = re.compile(r"[^\W_]+")


def syllables(word: str) -> int:
    word, count, i = word.lower(), 0, 0
    while i < len(word):
        unit = next((u for u in _UNITS if word.startswith(u, i)), None)
        if unit:
            count, i = count + 1, i + len(unit)
        elif word[i] in _VOWELS:
            count, i = count + 1, i + 1
        else:
            i += 1
    return max(count, 1)


def counts(text: str) -> tuple[int, int, int]:
    """(sentences, words, syllables) of ``text``."""
    sentences = [part for part in re.split(r"[.!?]+", text) if _WORD.search(part)]
    words = _WORD.findall(text)
    return max(len(sentences), 1), len(words), sum(syllables(word) for word in words)


def flesch_douma(texts) -> float:
    sentences = words = syllable_count = 0
    for text in texts:
        s, w, y = counts(text)
        sentences, words, syllable_count = sentences + s, words + w, syllable_count + y
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllable_count / words)


#: Realistic parameters for every reason code; codes with several wordings get one set per wording.
EXAMPLES = {
    "seeker_inactive": [{}],
    "no_home_location": [{}],
    "no_hours": [{}],
    "no_card_consent": [{}],
    "role_not_published": [{}],
    "no_places_left": [{}],
    "no_role_location": [{}],
    "too_far": [{"km": 14.3, "max_km": 10.0}],
    "hours_not_available": [{"role_min": 24.0, "seeker_max": 16.0}],
    "hours_too_few": [{"role_max": 8.0, "seeker_min": 20.0}],
    "no_common_weekday": [{"role_days": 32, "seeker_days": 3}],
    "language_below_required": [{"level": 2, "required": 3}],
    "physical_demand": [{"demands": 1}],
    "support_not_offered": [{"needs": 1}],
    "rung_gap": [{"rung": 3, "target_rung": 5}],
    "ladder": [{"step": step, "target_rung": 5} for step in ("next", "same", "lower", "override")],
    "skills": [{"matched": 3, "partial": 0, "required": 3}, {"matched": 1, "partial": 1, "required": 3},
               {"matched": 1, "partial": 0, "required": 1}, {"matched": 0, "partial": 0, "required": 1}],
    "no_required_skills": [{}],
    "nice_skills": [{"matched": 0, "total": 2}, {"matched": 1, "total": 2}, {"matched": 1, "total": 1}],
    "no_skills": [{}],
    "distance": [{"km": 4.2}],
    "distance_band": [{"band": "5–10 km"}],
    "hours": [{"hours": 16.0, "role_max": 16.0}, {"hours": 12.0, "role_max": 16.0}],
    "weekdays": [{"common": 3, "total": 3}, {"common": 2, "total": 3}],
    "interests": [{}],
    "language_support": [{"level": 2}],
}


def seeker_texts() -> list[str]:
    return [reason(code, **params).text("nl", SEEKER) for code, variants in EXAMPLES.items() for params in variants]


def employer_texts() -> list[str]:
    return [reason(code, **params).text("nl", EMPLOYER) for code, variants in EXAMPLES.items() for params in variants]


def test_the_examples_cover_every_reason_code():
    assert set(EXAMPLES) == {*EXCLUSION_CODES, *MATCH_CODES, "distance_band"}


def test_the_syllable_count_treats_dutch_diphthongs_as_one():
    assert [syllables(word) for word in ("huis", "vaardigheden", "ideaal", "leuk", "wijk", "16", "nieuw")] == [
        1, 4, 3, 1, 1, 1, 1]


def test_the_score_tells_plain_from_dense_dutch():
    plain = "Je hebt de vaardigheid. Het werk is dichtbij."
    dense = ("Arbeidsmarktparticipatiebevorderende ondersteuningsvoorzieningen worden geïnventariseerd "
             "teneinde optimalisatiemogelijkheden te identificeren")
    assert flesch_douma([plain]) >= THRESHOLD > flesch_douma([dense])


def test_the_reasons_a_job_seeker_reads_score_at_least_fairly_easy_together():
    assert flesch_douma(seeker_texts()) >= THRESHOLD


@pytest.mark.parametrize("text", seeker_texts())
def test_no_single_reason_a_job_seeker_reads_is_hard(text):
    assert flesch_douma([text]) >= SINGLE_THRESHOLD, text


@pytest.mark.parametrize("text", seeker_texts())
def test_no_reason_a_job_seeker_reads_uses_internal_words(text):
    assert not re.search(r"\btrede\b|pluspunt|\bvan \d+ uur\b|werkzoekende|\brol\b", text, re.IGNORECASE), text


@pytest.mark.parametrize("text", seeker_texts())
def test_a_job_seeker_is_addressed_with_je_never_with_u(text):
    assert not re.search(r"\b(u|uw)\b", text), text


@pytest.mark.parametrize("text", employer_texts())
def test_an_employer_reads_about_the_candidate_and_is_addressed_with_u(text):
    assert not re.search(r"\b(je|jij|jou|jouw)\b", text, re.IGNORECASE), text
