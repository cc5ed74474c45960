"""German news text into sentences of tokens, by rule: what the parser reads.

Stanza's neural tokenizer reads every character through two LSTMs, a fifth of
a full pipeline's time, and on news text a handful of rules do as well
(sentence and token F1 against the WikiNews dev gold, before and after, in
docs/benchmarks.md).  The conventions are those of the UD German treebank the
embedded parser was trained on:

* **Tokens**: words with their inner hyphens and apostrophes (*Göring-Eckardt*,
  *38-Jährige*, *gibt's*), a hyphen kept on a word that waits for its second half
  (*Bundes- und Landesregierung*), numbers with their separators (*1.000,50*,
  *11.9.2015*, *12:30*, *1990er*), ordinals with their stop (*am 3. Oktober*),
  abbreviations from ``data/abbreviations.txt`` and initials (*Dr.*, *z. B.*,
  *J.*), web addresses, e-mail addresses, handles and hashtags; every other mark
  a token of its own; an ellipsis, a typewriter quote (````, ``''``) and ``--`` one
  token each.
* **Sentences** end at every line break, and after ``.``, ``!``, ``?`` or ``…``
  (with the closing quotation marks and brackets right after it) when white
  space and then a capital, a digit or an opening mark follow.  An abbreviation
  does not end a sentence, except *usw.* and *etc.* before a capital.
* **Contractions** that the model's dictionary expands (*im* → *in dem*, *zur* →
  *zu der*) are marked for Stanza's multi-word-token step (:func:`contracted`).

Pure: text in, :class:`Token` spans out, half-open into the text it was given.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs
import regex

from quotable import lexicon


@attrs.frozen
class Token:
    """One token: ``text[start:end]``."""

    start: int
    end: int


_WORD = r"\p{L}[\p{L}\p{M}\d]*(?:[-'’][\p{L}\p{M}\d]+)*"
_TOKEN = regex.compile(
    r"""
      (?P<url>(?:https?://|www\.)[^\s<>"“”„»«]+[^\s<>"“”„»«.,;:!?)\]'’])
    | (?P<mail>[\p{L}\d._%+-]{1,64}@[\p{L}\d-]{1,63}(?:\.[\p{L}\d-]{1,63})+)
    | (?P<tag>[@#][\p{L}\d_]+)
    | (?P<dotted>(?:\p{L}{1,3}\.){2,})                 # z.B. u.a. d.h. U.S.
    | (?P<domain>[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:de|at|ch|com|org|net|eu|info|tv|fm)(?![\p{L}\d]))
    | (?P<lower_dotted>\p{Ll}+(?:\.\p{Ll}+)+(?![\p{L}\d.]))   # ver.di: no sentence starts in lower case
    | (?P<number>\d+(?:[.,:/]\d+)*(?:-?\p{L}+(?:-\p{L}+)*)?)  # 1.000,50 11.9.2015 1990er 38-Jährige
    | (?P<word>"""
    + _WORD
    + r""")
    | (?P<dots>\.{2,}|…)
    | (?P<pair>``|''|--)                                # typewriter quotes and dash
    | (?P<mark>\S)
    """,
    regex.VERBOSE,
)
_NEXT_WORD = regex.compile(r"\s+(\S{1,40})")
_SECOND_HALF = regex.compile(r"-\s+(?:und|oder|bis|sowie|als auch)\b")
_ENDS = frozenset(".!?…")
_CLOSING = frozenset(["''", *"“”\"»«’‘'›‹)]"])
_OPENING = frozenset("„“\"»«‚‘'›‹([–—-`")
_MAY_END = frozenset({"usw.", "etc."})
_MONTHS = frozenset(
    "Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November Dezember "
    "Jan. Feb. Mär. Apr. Jun. Jul. Aug. Sep. Sept. Okt. Nov. Dez.".split()
)
_BEFORE_ORDINAL = frozenset(
    "der die das dem den des am im vom zum zur beim ab bis seit vor nach zwischen um an in ins "
    "jeder jede jedes jeden jedem dieser diese dieses diesen diesem ihr ihre ihrem ihren ihres "
    "sein seine seinem seinen seines unser unsere unserem unseren ein eine einem einen eines".split()
)


@functools.cache
def abbreviations() -> frozenset[str]:
    """The abbreviations of ``data/abbreviations.txt``, with their stops."""
    return lexicon.words("abbreviations.txt")


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``, in order (every character that is not white space is in one)."""
    found: list[Token] = []
    known = abbreviations()
    position = 0
    while (match := _TOKEN.search(text, position)) is not None:
        start, end = match.span()
        kind = match.lastgroup
        if kind == "mark" and text[start].isspace():  # \x1c-\x1f: white space to Python, not to \S
            position = end
            continue
        if kind in ("word", "number") and text[end : end + 1] == ".":
            if _keeps_stop(text, start, end, kind, found, known):
                end += 1
        elif kind == "word" and text[end : end + 1] == "-" and _waits_for_second_half(text, end):
            end += 1
        found.append(Token(start, end))
        position = end
    return found


def _keeps_stop(
    text: str, start: int, end: int, kind: str | None, before: list[Token], known: frozenset[str]
) -> bool:
    """Whether the stop after ``text[start:end]`` belongs to it: an abbreviation, an initial or an ordinal."""
    form = text[start:end]
    if kind == "word":
        return form + "." in known or (len(form) == 1 and form.isupper())
    if not form.isdigit() or len(form) > 3:
        return False
    after = _NEXT_WORD.match(text, end + 1)
    if after is None:
        return False
    following = after.group(1)
    bare = following.rstrip(",.;:)")
    if following[:1].islower() or bare in _MONTHS or (bare.endswith("s") and bare[:-1] in _MONTHS):
        return True
    previous = text[before[-1].start : before[-1].end].lower() if before else ""
    return previous in _BEFORE_ORDINAL and following[:1].isupper()


def _waits_for_second_half(text: str, end: int) -> bool:
    """``Bundes-`` in „Bundes- und Landesregierung“: a hyphen, a space, then und/oder/bis/sowie."""
    return _SECOND_HALF.match(text, end) is not None


def sentences(text: str) -> list[list[Token]]:
    """The tokens of ``text`` grouped into sentences (see the module docstring)."""
    found = tokens(text)
    groups: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(found):
        current.append(token)
        if i + 1 == len(found) or _ends_after(text, found, i):
            groups.append(current)
            current = []
    return groups


def _ends_after(text: str, found: list[Token], i: int) -> bool:
    """Whether a sentence ends after ``found[i]`` (the next token exists)."""
    token, following = found[i], found[i + 1]
    gap = text[token.end : following.start]
    if gap.count("\n") > 1:
        return True
    if not gap:
        return False
    form = text[token.start : token.end]
    if form == ";":
        return True
    # a closing mark right after the final stop belongs to the sentence before
    j = i
    while j > 0 and form in _CLOSING and found[j - 1].end == token.start:
        j -= 1
        token = found[j]
        form = text[token.start : token.end]
    if not (form in _ENDS or form in _MAY_END or form.startswith("..")):
        return False
    first = text[following.start : following.end]
    return first[:1].isupper() or first[:1].isdigit() or first[:1] in _OPENING


def contracted(forms: Iterable[str]) -> frozenset[str]:
    """The contractions among a multi-word-token dictionary's ``forms`` (letters only: *im*,
    *zur*; not the treebank's odd ``z.``), for :func:`quotable.parsing` to mark."""
    return frozenset(form for form in forms if form.isalpha())
