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
import itertools
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
    r"dass|wie|als|wenn|ob|was|wo|denn|doch|also|um|ohne|statt|bis|seit|nachdem|obwohl|da)\b)\p{Ll}"
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


_WORD_BACKWARDS = regex.compile(r"(?r)[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
""":data:`_WORD`, matched from the right: the last words of a window without finding all the others."""


def _words_before(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` words of the 80 characters before ``position``, in text order."""
    found = itertools.islice(_WORD_BACKWARDS.finditer(text, max(0, position - 80), position), count)
    return [m[0] for m in found][::-1]


_SHORT = 120
"""Characters of a quotation its words are all found for at once (faster than one by one)."""


def classify(text: str, open_position: int, content_start: int, content_end: int, content: str) -> MarkKind:
    """Judge a quotation by its form: speech, a short fragment, or a title/name/term."""
    # no rule below counts past ten words, so a long quotation is read only as far as its eleventh
    if len(content) <= _SHORT:
        words = _WORD.findall(content)
    else:
        words = [m.group() for m in itertools.islice(_WORD.finditer(content), 11)]
    stripped = content.rstrip()
    before = text[max(0, open_position - 3) : open_position]
    after_close = text[content_end : content_end + 24]
    terminal = bool(stripped) and stripped[-1] in _TERMINAL
    colon_before = ":" in before
    if len(words) <= 10 and not colon_before:
        preceding = _words_before(text, open_position, 2)
        if any(_is_title_cue(w) for w in preceding[-1:]):
            return MarkKind.TITLE
        if len(preceding) >= 2 and _is_title_cue(preceding[-2]):
            # „die sogenannte neue „Mitte““, „der Film von 1981 „Das Boot““ are rarer: only the prefix cues
            _, prefixes, _ = _title_cues()
            if preceding[-2].lower().startswith(prefixes):
                return MarkKind.TITLE
    if len(words) >= 6 or terminal or colon_before or _FRAME_AFTER.match(after_close):
        return MarkKind.SPEECH
    if (
        len(words) <= 5
        and any(w[0].isupper() for w in words)
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _FUNCTION_WORDS for w in words)
    ):
        return MarkKind.TITLE
    return MarkKind.FRAGMENT
