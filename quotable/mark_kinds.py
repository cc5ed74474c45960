"""What a quotation in marks is, judged from its form alone (:class:`MarkKind`):
speech, a short fragment, or a title, name or term that is not speech at all.

:func:`classify` is called by :mod:`quotable.marks` for every quotation it pairs.
A title follows a title cue (``data/title_cues.txt``: der Film „Das Boot“, die
sogenannte „Brandmauer“) or is a few words, all capitalised or function words;
speech has six words or more, ends in sentence punctuation, follows a colon or is
followed by a frame („…“, sagte er); the rest are fragments, which the attribution
stage tells apart as partial quotes or scare quotes from their context.
"""

from __future__ import annotations

import enum
import functools
import re

import regex

from quotable import lexicon


class MarkKind(str, enum.Enum):
    """What a quotation in marks most likely is, judged from its form alone."""

    SPEECH = "speech"
    """Long enough or shaped like a statement (a colon before, punctuation inside)."""
    FRAGMENT = "fragment"
    """A few words: a partial quote inside reported speech, or a scare quote."""
    TITLE = "title"
    """A title, name or term: „Das Boot“, die sogenannte „Brandmauer“."""


# letters and digits: [^\W_] is the standard library's [\p{L}\p{N}], and its engine is
# several times faster than regex's on these short windows (classify runs once per quote)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "oder",
        "von",
        "vom",
        "zum",
        "zur",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "für",
        "mit",
        "aus",
        "bei",
        "über",
        "unter",
        "nach",
        "vor",
        "the",
        "of",
        "and",
        "a",
        "an",
        "to",
        "in",
        "on",
        "for",
        "at",
        "by",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "et",
        "y",
        "el",
        "di",
        "da",
        "del",
        "von",
        "und",
    ]
)
_TERMINAL = frozenset(".!?…")
# „…“, sagte er / „…“, so der Minister: a comma and a lower-case word that does not
# start a relative or subordinate clause follows the closing mark.
_FRAME_AFTER = regex.compile(
    r"\W{0,2}\s*,\s*(?!(?:der|die|das|dem|den|dessen|deren|welche[rsmn]?|und|oder|aber|sondern|weil|"
    r"dass|wie|als|wenn|ob|was|wo|denn|doch|also|um|ohne|statt|bis|seit|nachdem|obwohl|da|"
    # an apposition or a relative clause after a name: „„Condor“, einer kleinen Maschine“,
    # „„Stadtstrom“, an dem die Stadt beteiligt ist“, „„OpenOffice“, kurz „OOo““
    r"ein|eine|einer|eines|einem|einen|an|auf|aus|bei|durch|für|gegen|in|im|mit|nach|über|unter|"
    r"von|vom|vor|zu|zum|zur|kurz|sowie|etwa|bzw|beziehungsweise|alias|genannt)\b)\p{Ll}"
)


@functools.cache
def _title_cues() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(whole-word-or-compound-end entries, prefixes, whole-word-only entries)."""
    suffixes, prefixes, whole = set(), [], set()
    for (entry,) in lexicon.table("title_cues.txt", 1):
        if entry.endswith("*"):
            prefixes.append(entry[:-1])
        elif entry.startswith("="):
            whole.add(entry[1:])
        else:
            suffixes.add(entry)
    return frozenset(suffixes), tuple(prefixes), frozenset(whole)


_INFLECTIONS = ("", "s", "es", "n", "en", "e", "er", "ern")
_MIN_COMPOUND_END = 4
"""Cues of four letters or more also count as the end of a compound (Kinofilm, Wahlkampfmotto);
shorter ones only as the whole word."""


@functools.lru_cache(maxsize=8192)
def _is_title_cue(word: str) -> bool:
    # a pure function of the word, asked again and again for the same words before quotes: cached
    suffixes, prefixes, whole = _title_cues()
    lower = word.lower()
    if lower.startswith(prefixes):
        return True
    for ending in _INFLECTIONS:
        if ending and not lower.endswith(ending):
            continue
        stem = lower[: len(lower) - len(ending)] if ending else lower
        if stem in whole or stem in suffixes:
            return True
        # a compound ending in a cue: look its ends of four or more letters up in the set
        for start in range(len(stem) - _MIN_COMPOUND_END + 1):
            if stem[start:] in suffixes:
                return True
    return False


_NEAR = 32
"""Characters before a quotation read first for its last words (80 only when fewer are found)."""


def _words_before(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` words of the 80 characters before ``position``, in text order.

    A window's first word may be cut at the window's start, but every later word
    is found whole: so the last ``count`` words of a near window that holds more
    than ``count`` are the last ``count`` of the whole 80 characters.
    """
    near = _WORD.findall(text, max(0, position - _NEAR), position)
    if len(near) > count or position <= _NEAR:
        return near[-count:]
    return _WORD.findall(text, max(0, position - 80), position)[-count:]


_ELEVEN_WORDS = re.compile(r"(?:[\W_]*+(?>[^\W_]++(?:[-'’][^\W_]++)*+)){11}")
"""Eleven :data:`_WORD` words at the start of a text (each taken whole: atomic, never split)."""


def classify(text: str, open_position: int, content_start: int, content_end: int, content: str) -> MarkKind:
    """Judge a quotation by its form: speech, a short fragment, or a title/name/term."""
    # no rule below counts past ten words, so a quotation of eleven or more is not split into words
    long = _ELEVEN_WORDS.match(content) is not None
    words = [] if long else _WORD.findall(content)
    count = 11 if long else len(words)
    colon_before = ":" in text[max(0, open_position - 3) : open_position]
    # „sieht in dem Gesetz „kein Hindernis für …““: a name or title never opens with a
    # lowercase indefinite article, whatever word announces it
    indefinite = bool(words) and words[0] in _INDEFINITE_ARTICLES
    # a word that ends the sentence before announces nothing („… der Presse-Agentur. „Wir …““)
    sentence_end = text[max(0, open_position - 8) : open_position].rstrip().endswith((".", "!", "?", "…"))
    if count <= 10 and not colon_before and not indefinite and not sentence_end:
        preceding = _words_before(text, open_position, 2)
        if any(_is_title_cue(w) for w in preceding[-1:]):
            return MarkKind.TITLE
        if len(preceding) >= 2 and _is_title_cue(preceding[-2]):
            # „die sogenannte neue „Mitte““, „der Film von 1981 „Das Boot““ are rarer: only the prefix cues
            _, prefixes, _ = _title_cues()
            if preceding[-2].lower().startswith(prefixes):
                return MarkKind.TITLE
    if count >= 6 or colon_before:
        return MarkKind.SPEECH
    stripped = content.rstrip()
    if (stripped and stripped[-1] in _TERMINAL) or _FRAME_AFTER.match(text[content_end : content_end + 24]):
        return MarkKind.SPEECH
    if (
        count <= 5
        and not indefinite
        and any(w[0].isupper() for w in words)
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _FUNCTION_WORDS for w in words)
        and _INDEFINITE_BEFORE.search(text, max(0, open_position - 8), open_position) is None
    ):
        return MarkKind.TITLE
    return MarkKind.FRAGMENT


_INDEFINITE_ARTICLES = frozenset(
    {"ein", "eine", "einer", "einem", "einen", "eines"}
    | {"kein", "keine", "keiner", "keinem", "keinen", "keines"}
)

_INDEFINITE_BEFORE = re.compile(r"(?<![^\W_])(?:[Ee]in|[Kk]ein)(?:e[mnrs]?)?\s+\Z")
"""An indefinite article right before a quotation: „sprach von einer „Gefahr für Leib und
Leben““, „nannte es einen „Skandal““ quote words, where a name or title would not take
one (German nouns are capitalised, so the capitals alone do not tell)."""
