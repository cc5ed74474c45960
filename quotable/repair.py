"""Repair scraped news text for the parser: put back the breaks the scraper lost.

Scraped articles lose their layout in three ways that mislead a sentence
splitter: a heading is glued to the next paragraph (``… gegen NeonazismusKim
betonte …``, ``… gegen die USA.Der Kreml …``), a dateline is glued to a quote
(``3. September 2025"Die Beziehungen …``), and paragraphs are separated by a
single line break, so a heading without final punctuation runs into the next
sentence.  :func:`repair` finds these places and builds a :class:`View` of the
text for the parser with a paragraph break (``"\\n\\n"``) inserted at each one.

Nothing is ever deleted or replaced: the view is the caller's text plus
inserted whitespace, so the parser never sees a changed word, inserted
characters never belong to a word, and every view offset maps back to the
caller's text (:meth:`View.to_original`).  The attribution rules never see the
view; only :mod:`quotable.parsing` does.

Glue is detected conservatively: a missed heading costs one badly split
sentence, while a false break in a camel-case name (YouTube, BioNTech,
ThyssenKrupp) or an abbreviation (z.B., U.S.A., Dr.Müller) would split a word
or a sentence that was right.
"""

from __future__ import annotations

import bisect
import enum
import itertools
from collections import Counter

import attrs
import regex

BREAK = "\n\n"
"""What is inserted: Stanza's tokenizer always ends a paragraph, and so a sentence, there."""

MAX_HEADING = 160
"""Headings are short: a step further into its line than this is not heading glue."""
MAX_HEADING_WORDS = 12
MAX_TOKEN = 100
"""A URL or address is judged from this many characters either side (bounds the work on odd input)."""


class Fix(str, enum.Enum):
    """Why a break was inserted."""

    LINE = "line"
    """A single line break between two paragraphs (or after a heading line)."""
    HEADING = "heading"
    """A heading glued to its paragraph: ``NeonazismusKim``, ``ausführlichZum``."""
    SENTENCE = "sentence"
    """Sentence-final punctuation glued to the next sentence: ``USA.Der``."""
    DATELINE = "dateline"
    """A year glued to the quotation mark that opens the first paragraph: ``2025"Die``."""


@attrs.frozen
class Insertion:
    """One inserted :data:`BREAK`, placed before ``text[offset]`` of the caller's text."""

    offset: int
    fix: Fix


@attrs.frozen
class View:
    """The caller's ``original`` text with breaks inserted: what the parser reads."""

    original: str
    text: str
    insertions: tuple[Insertion, ...]
    """Sorted by offset, at most one per offset."""
    _view_starts: tuple[int, ...] = attrs.field(repr=False, eq=False)
    """Where each insertion begins in ``text`` (derived, for :meth:`to_original`)."""

    @classmethod
    def build(cls, original: str, insertions: tuple[Insertion, ...]) -> View:
        """The view of ``original`` with a :data:`BREAK` before each insertion's offset."""
        pieces: list[str] = []
        starts: list[int] = []
        previous = 0
        for number, insertion in enumerate(insertions):
            pieces.append(original[previous : insertion.offset])
            starts.append(insertion.offset + number * len(BREAK))
            pieces.append(BREAK)
            previous = insertion.offset
        pieces.append(original[previous:])
        return cls(original, "".join(pieces), insertions, tuple(starts))

    def to_original(self, offset: int) -> int:
        """The offset in the caller's text for ``offset`` in the view.

        A view offset inside or right after an inserted break maps to the
        caller's offset where the break was inserted, so a token ``[start, end)``
        of the view maps to the same characters of the caller's text.
        """
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the view (0..{len(self.text)})")
        before = bisect.bisect_left(self._view_starts, offset)
        if before == 0:
            return offset
        inside_last = min(offset - self._view_starts[before - 1], len(BREAK))
        return offset - (before - 1) * len(BREAK) - inside_last

    def is_inserted(self, offset: int) -> bool:
        """Whether ``text[offset]`` of the view is an inserted character."""
        index = bisect.bisect_right(self._view_starts, offset) - 1
        return index >= 0 and offset < self._view_starts[index] + len(BREAK)


# ------------------------------------------------------------------ patterns
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FINAL = regex.compile(r"[.!?…][\"“”»«’')\]]*\s*$")
"""A line that ends a sentence: final punctuation, perhaps closed quotes or brackets."""

_OPEN_LINE_END = regex.compile(r"(?:[,;:]|\p{L}-)\s*$")
"""A line that cannot end a paragraph: a comma, or a word broken at a hyphen (Bundes-\\nregierung)."""

_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
"""Every lowercase-to-uppercase step inside a run of letters."""

_RIGHT_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?!\p{L})")
"""A capitalised word that ends there: not SpaceX, GmbH, BioNTech, GlaxoSmithKline."""

_PLAIN_WORD = regex.compile(r"\p{L}\p{Ll}{3,}")
"""A word of at least four letters with at most its first capitalised: not iPhone, McDonald, YouTube."""

_SENTENCE_GLUE = regex.compile(r"(?<=\p{L}{2}|[)\]“”»«])[.!?](?:“)?(?=„?\p{Lu}\p{Ll}{2,}(?!\p{L}))")
"""Final punctuation (perhaps with a German closing mark) directly before a word of
three or more letters: ``USA.Der``, ``gekommen.“Der``.  ``3.Oktober`` is a date, not glue."""

_NEXT_WORD = regex.compile(r"„?\p{L}+(.?)(.?)")
"""The word after a glue point and the two characters after it (``Spiegel.de``: a domain)."""

_FINAL_ANYWHERE = regex.compile(r"[.!?…]")
_TOKEN_END = regex.compile(r"\S*$")
_TOKEN_START = regex.compile(r"\S*")

_DATELINE_GLUE = regex.compile(r"(?<!\p{N})(?:1[89]|20)\p{N}{2}(?=[„\"»]\p{Lu})")
"""A year glued to an opening quotation mark: the dateline ``3. September 2025"Die …``."""

_ABBREVIATIONS = _words(
    """
    Abb Abs Abt Adm Anm Art Aufl Bd Bde Bf Bhf Bsp Bzw Ca Co Corp Dipl Dir Dr Dres Ed Fa Fr Frl Gebr Gen Ges
    Hbf Hg Hr Hrn Hrsg Inc Ing Jh Jhd Jr Kap Kfm Kl Kt Lfd Lt Ltd Mag Mio Mr Mrd Mrs Ms Mwst Nr Nrn Pfr Pkt
    Prof Red Rep Sen Sr St Std Str Tel Univ Verf Vgl Vors Zi Ziff
    Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
    abs bspw bzw ca chr dgl eigtl etc evtl gegr geb gem ggf hl inkl jährl lt max min mtl nachm nr od
    rd sog tägl usw vgl vorm vs zzgl zzt
    """
)
"""Abbreviations that end in a period in German news (Dr.Müller, bzw.Die): never sentence glue."""

_SENTENCE_STARTERS = _words(
    """
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Im Am Zum Zur Vom Beim Ins Ans Aufs In An Auf
    Aus Bei Mit Nach Seit Von Vor Zu Für Gegen Ohne Um Unter Über Durch Während Wegen Trotz Laut Nachdem
    Bevor Seitdem Als Wenn Weil Dass Ob Obwohl Damit Dann Danach Davor Dabei Dazu Deshalb Daher Doch Aber
    Und Oder Auch Noch Nun Jetzt Heute Gestern Morgen Bereits Schon Zudem Außerdem Allerdings Trotzdem
    Er Sie Es Wir Ich Ihr Man Sein Seine Ihre Unser Unsere Dies Diese Dieser Dieses Diesem Diesen Jener
    Kein Keine Wie Was Wer Wo Wann Warum Hier Dort Damals Zuvor Zunächst Inzwischen Derweil Mehr Viele
    Alle Beide Nur Erst Selbst Nicht So Da
    """
)
"""Words that begin German sentences but end no camel-case name: ``…ausführlichZum``."""


def repair(text: str) -> View:
    """The parser's view of ``text``: breaks inserted where layout was lost."""
    found: dict[int, Fix] = {}
    lines = _lines(text)
    wrapped = _hard_wrapped(text, lines)
    for (start, end), (next_start, next_end) in itertools.pairwise(lines):
        if _paragraph_break(text[start:end], text[next_start:next_end], wrapped):
            found.setdefault(next_start, Fix.LINE)
    words = _WordCounts(text)
    for start, end in lines:
        _glue(text[start:end], start, words, found)
    return View.build(text, tuple(Insertion(offset, fix) for offset, fix in sorted(found.items())))


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its ``\\n`` (a ``\\r`` stays in the line)."""
    spans = []
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, end))
        start = end + 1


def _paragraph_break(line: str, following: str, wrapped: bool) -> bool:
    """Whether the single line break between ``line`` and ``following`` ends a paragraph."""
    if wrapped or not line.strip() or not following.strip():
        # wrapped lines are prose for Stanza to split; a blank line already ends the paragraph
        return False
    if _FINAL.search(line):
        return True
    if _OPEN_LINE_END.search(line):
        return False
    # a line without final punctuation is a heading unless the sentence goes on in lowercase
    return not following.lstrip()[:1].islower()


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether single line breaks wrap sentences (e-mail style) rather than end paragraphs.

    In wrapped text many lines go on in lowercase after a line without final
    punctuation; scraped news has one paragraph a line and (almost) never does.
    """
    single = 0
    continued = 0
    for (start, end), (next_start, next_end) in itertools.pairwise(lines):
        line, following = text[start:end], text[next_start:next_end].lstrip()
        if not line.strip() or not following:
            continue
        single += 1
        if following[:1].islower() and not _FINAL.search(line):
            continued += 1
    return continued >= 2 and continued * 4 >= single


class _WordCounts:
    """How often each run of letters occurs in the text, counted once and only if asked."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: Counter[str] | None = None

    def __getitem__(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(regex.findall(r"\p{L}+", self._text))
        return self._counts[word]


def _glue(line: str, start: int, words: _WordCounts, found: dict[int, Fix]) -> None:
    """Record the glue points of ``line``, which begins at ``start`` in the text."""
    for match in _DATELINE_GLUE.finditer(line):
        if not _in_address(line, match.end()):
            found.setdefault(start + match.end(), Fix.DATELINE)
    for match in _SENTENCE_GLUE.finditer(line):
        if _sentence_glue(line, match.start(), match.end()):
            found.setdefault(start + match.end(), Fix.SENTENCE)
    # a heading holds no sentence-final punctuation and is short
    final = _FINAL_ANYWHERE.search(line, 0, MAX_HEADING)
    for match in _CAMEL.finditer(line, 0, MAX_HEADING if final is None else final.start()):
        if _heading_glue(line, match.start(), words):
            found.setdefault(start + match.start(), Fix.HEADING)


def _sentence_glue(line: str, punct: int, after: int) -> bool:
    """Whether the punctuation at ``line[punct]`` ends a sentence glued to the next one."""
    left = _word_start(line, punct)
    word = line[left:punct]
    # Dr.Müller, bzw.Die; U.S.A.Der, z.B.Die: an abbreviation, perhaps dotted
    if word in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS or line[left - 1 : left] == ".":
        return False
    following = _NEXT_WORD.match(line, after)
    # www.Spiegel.de, Max.Mustermann@firma.de: an address, not prose
    if following is not None and (
        following.group(1) in ("@", "/") or (following.group(1) == "." and following.group(2).isalpha())
    ):
        return False
    return not _in_address(line, punct)


def _heading_glue(line: str, step: int, words: _WordCounts) -> bool:
    """Whether the lowercase-to-uppercase step at ``line[step]`` ends a heading glued to a paragraph.

    The heading is everything before the step on its line: a few words without
    sentence-final punctuation (the caller only offers such steps).  The step
    must join two plain words (not ``iPhone``, ``YouTube``, ``SpaceX``,
    ``BioNTech``, ``McDonald's``), and something must say that the right-hand
    word begins a sentence: the left word is lowercase (``ausführlichZum``: an
    adjective does not begin a name), the right word is a function word that
    begins sentences, or it is a name the text uses on its own at least twice
    while the glued form occurs nowhere else (``NeonazismusKim`` beside many
    ``Kim``; ``ThyssenKrupp`` repeats).
    """
    left = line[_word_start(line, step) : step]
    right = _RIGHT_WORD.match(line, step)
    if right is None or not _PLAIN_WORD.fullmatch(left) or _in_address(line, step):
        return False
    if len(line[: step - len(left)].split()) > MAX_HEADING_WORDS:
        return False
    if line[right.end() : right.end() + 1] in ("'", "’", "-"):
        return False  # McDonald's, ThyssenKrupp-Chef: a name going on
    word = right.group()
    if left[0].islower() or word in _SENTENCE_STARTERS:
        return True
    return words[left + word] == 1 and words[word] >= 2


def _word_start(line: str, end: int) -> int:
    """Where the run of letters that ends at ``line[end]`` begins."""
    start = end
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    return start


def _in_address(line: str, position: int) -> bool:
    """Whether ``line[position]`` is inside a URL, e-mail address or path (no prose there)."""
    before = _TOKEN_END.search(line, max(0, position - MAX_TOKEN), position)
    after = _TOKEN_START.match(line, position, position + MAX_TOKEN)
    token = (before.group() if before else "") + (after.group() if after else "")
    return "/" in token or "@" in token or token.lower().startswith("www.")
