"""The German WikiNews quotation corpus format: its records, its tokens and reading it.

The corpus (Petersen-Frey & Biemann, "Dataset of Quotation Attribution in German
News Articles", LREC-COLING 2024; ``uhh-lt/german-news-quotation-attribution-2024``)
stores one article per JSON file: ``originalText``, ``tokens`` (``id``,
``charBegin``, ``charEnd``, ``text``, 1-based ``sentence`` and ``word``),
``sentences`` and ``annotations``.  Each annotation has a ``quote`` and four roles
(``speaker``, ``cue``, ``frame``, ``addressee``), each ``{"spans": [{"begin",
"end", "charBegin", "charEnd"}], "text", "tokenIds"}`` with token indices
``[begin, end)``, plus ``type`` (Direct, Indirect, FreeIndirect,
IndirectFreeIndirect, Reported), ``medium`` (Speech, Writing, Thought, the mixed
SW, ST, TW, or ``none``), ``isNested`` and ``hasNested``.  Direct quote spans
include the quotation marks, as :attr:`quotable.model.Quote.spans` do.

**The token rule.**  The corpus is scored on tokens, quotable answers in
character spans.  A token belongs to a span when the two share at least one
character that is not whitespace.  Why this rule: the corpus annotates whole
tokens, so a span that claims part of a token claims that token (a system span
that ends inside ``Bild“-Zeitung`` or stops before a glued full stop still means
the word); requiring more (half the token, the whole token) would punish quotable
for tokenising differently from the corpus rather than for finding the wrong
words.  Whitespace alone never makes a token belong to a span: a span that only
touches the gap between two tokens claims neither.  Corpus tokens never contain
whitespace, and neither do the ones :func:`tokenize` makes.

Writing quotable's results in the format (``quotable export``) is
:mod:`quotable.corpus_export`; scoring them is :mod:`quotable.corpus_metric`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quotable.model import Medium, Quote, QuoteType, Span

CORPUS_TYPES: Mapping[QuoteType, str] = {
    QuoteType.DIRECT: "Direct",
    QuoteType.INDIRECT: "Indirect",
    QuoteType.FREE_INDIRECT: "FreeIndirect",
    QuoteType.INDIRECT_FREE_INDIRECT: "IndirectFreeIndirect",
    QuoteType.REPORTED: "Reported",
}
"""quotable's quote types in the corpus' spelling."""

CORPUS_MEDIA: Mapping[Medium, str] = {
    Medium.SPEECH: "Speech",
    Medium.WRITING: "Writing",
    Medium.THOUGHT: "Thought",
}
"""quotable's media in the corpus' spelling (the corpus also has SW, ST, TW and ``none``)."""

_EXPORT_MEDIA: Mapping[Medium | None, str] = {
    Medium.SPEECH: "Speech",
    Medium.WRITING: "Writing",
    Medium.THOUGHT: "ST",
    None: "SW",
}
"""How a quotable medium reads in the corpus' conventions: the annotators mark the
mental verbs quotable calls ``thought`` (glauben, meinen, befürchten) as speech or
thought (ST), and speech whose medium the text leaves open (erklären, laut, zufolge)
as speech or writing (SW); a direct quote whose cue does not tell is spoken."""


def corpus_medium(quote: Quote) -> str:
    """``quote``'s medium in the corpus' spelling and conventions."""
    if quote.medium is None and quote.type is QuoteType.DIRECT:
        return "Speech"
    return _EXPORT_MEDIA[quote.medium]


NO_MEDIUM = "none"
"""The corpus' value for a quotation without a medium."""

ROLES = ("addressee", "cue", "frame", "speaker")
"""The four roles of a quotation, in the order the reference scorer lists them."""


# Close to the corpus' tokenisation (it agrees on 99.5 % of the corpus tokens):
# ordinals before a month (3. September), common abbreviations (Dr., bzw.,
# z.B.), scores and times (1:0, 12:00), truncated compounds (Luft- und),
# ellipses and '' each stay one token; numbers keep their German thousands dots
# and decimal commas (1.000, 4,6); words keep inner hyphens and apostrophes
# (US-Präsident, geht’s); every other non-space character, quotation marks
# included, is a token of its own.
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahrhundert"
_ABBREVIATIONS = "Dr|Prof|bzw|ca|St|Nr|Inc|usw|vgl|evtl|ggf|Mio|Mrd|Jh|Co|z\\.B|u\\.a|d\\.h|v\\.a|S"
_TOKEN = re.compile(
    rf"\d{{1,2}}\.(?=\s+(?:{_MONTHS})\b)"
    rf"|(?<!\w)(?:{_ABBREVIATIONS})\.(?=\s)"
    r"|\d+(?::\d+)+|\d+(?:[.,]\d+)*"
    r"|\w+-(?=\s+(?:und|oder|bis|sowie)\b)"  # Luft- und Raumfahrt
    r"|\w+(?:[-’'.]\w+)*|\.\.\.|''|\S"
)
_SENTENCE_END = frozenset(".!?…")
_CLOSERS = frozenset('“”"«»‘’‹›)]')


@attrs.frozen
class Token:
    """One corpus token: its index, characters, text and 1-based sentence and word numbers."""

    id: int
    span: Span
    text: str
    sentence: int
    word: int


@attrs.frozen
class Sentence:
    """One corpus sentence: tokens ``[begin, end)`` and its characters."""

    id: int
    begin: int
    end: int
    span: Span
    text: str


@attrs.frozen
class TokenRange:
    """One span of an annotation: tokens ``[begin, end)`` and the characters they cover."""

    begin: int
    end: int
    chars: Span


@attrs.frozen
class CorpusMention:
    """A quote or role as the corpus stores it; empty roles have no spans and no tokens."""

    spans: tuple[TokenRange, ...] = ()
    text: str = ""
    token_ids: tuple[int, ...] = ()

    @property
    def start(self) -> int | None:
        return self.spans[0].chars.start if self.spans else None

    @property
    def end(self) -> int | None:
        return self.spans[-1].chars.end if self.spans else None


EMPTY = CorpusMention()


@attrs.frozen
class CorpusQuotation:
    """One annotation: the quote, its four roles, type and medium in corpus spelling, nesting."""

    id: int
    type: str
    medium: str
    quote: CorpusMention
    speaker: CorpusMention = EMPTY
    cue: CorpusMention = EMPTY
    frame: CorpusMention = EMPTY
    addressee: CorpusMention = EMPTY
    is_nested: bool = False
    has_nested: bool = False

    def role(self, name: str) -> CorpusMention:
        """The mention for ``"quote"`` or one of :data:`ROLES`."""
        if name not in ("quote", *ROLES):
            raise ValueError(f"unknown role {name!r}; expected 'quote' or one of {ROLES}")
        mention: CorpusMention = getattr(self, name)
        return mention


@attrs.frozen
class CorpusDocument:
    """One article: its name, text, tokens, sentences and annotated quotations."""

    name: str
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    quotations: tuple[CorpusQuotation, ...] = ()


# ---------------------------------------------------------------- tokens


def tokenize(text: str) -> tuple[Token, ...]:
    """A simple regex tokenisation of ``text`` for inputs that bring no tokens.

    Every non-space character lands in exactly one token; sentences end after
    ``.``, ``!``, ``?`` or ``…`` (and any closing marks right after) when
    whitespace follows, and at every line break.
    """
    matches = list(_TOKEN.finditer(text))
    tokens: list[Token] = []
    sentence, word = 1, 0
    for i, m in enumerate(matches):
        if i > 0:
            previous = matches[i - 1]
            gap = text[previous.end() : m.start()]
            if "\n" in gap or (gap and _ends_sentence(matches, i - 1)):
                sentence, word = sentence + 1, 0
        word += 1
        tokens.append(Token(i, Span(m.start(), m.end()), m.group(), sentence, word))
    return tuple(tokens)


def _ends_sentence(matches: Sequence[re.Match[str]], i: int) -> bool:
    while i >= 0 and matches[i].group() in _CLOSERS:
        i -= 1
    return i >= 0 and matches[i].group() in _SENTENCE_END


def sentences_of(text: str, tokens: Sequence[Token]) -> tuple[Sentence, ...]:
    """Sentences made by grouping ``tokens`` on their ``sentence`` numbers.

    As in the corpus, a sentence's text is its characters plus one space when a
    space follows it.
    """
    sentences: list[Sentence] = []
    begin = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or tokens[i].sentence != tokens[begin].sentence:
            span = Span(tokens[begin].span.start, tokens[i - 1].span.end)
            trailing = " " if text[span.end : span.end + 1] == " " else ""
            sentences.append(Sentence(len(sentences), begin, i, span, span.of(text) + trailing))
            begin = i
    return tuple(sentences)


def token_ranges(text: str, tokens: Sequence[Token], spans: Iterable[Span]) -> tuple[tuple[int, int], ...]:
    """The tokens that belong to ``spans`` by the token rule, as sorted ``[begin, end)`` ranges.

    Ranges that share a token are merged; ranges that only touch stay apart, as
    the spans of a discontinuous mention (``teilte … mit``) do in the corpus.
    """
    ranges: list[tuple[int, int]] = []
    for span in sorted(spans):
        # the first token that ends after the span starts
        i = bisect.bisect_right(tokens, span.start, key=lambda t: t.span.end)
        chosen: list[int] = []
        while i < len(tokens) and tokens[i].span.start < span.end:
            shared = text[max(span.start, tokens[i].span.start) : min(span.end, tokens[i].span.end)]
            if shared.strip():
                chosen.append(i)
            i += 1
        if chosen:
            ranges.append((chosen[0], chosen[-1] + 1))
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(ranges):
        if merged and begin < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return tuple(merged)


def mention_from_spans(text: str, tokens: Sequence[Token], spans: Iterable[Span]) -> CorpusMention:
    """``spans`` of ``text`` as a corpus mention: token ranges, token-aligned characters, text."""
    ranges = tuple(
        TokenRange(b, e, Span(tokens[b].span.start, tokens[e - 1].span.end))
        for b, e in token_ranges(text, tokens, spans)
    )
    if not ranges:
        return EMPTY
    return CorpusMention(
        spans=ranges,
        text=" ".join(r.chars.of(text) for r in ranges),
        token_ids=tuple(i for r in ranges for i in range(r.begin, r.end)),
    )


# ---------------------------------------------------------------- reading


def collect_paths(paths: Iterable[str | Path], suffixes: Sequence[str] = (".json",)) -> list[Path]:
    """Files named by ``paths``: directories expand to their files ending in ``suffixes``, by name.

    Raises ``FileNotFoundError`` for a path that does not exist or a directory
    without such files.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted((p for p in path.iterdir() if p.is_file() and p.suffix in suffixes), key=_name_key)
            if not files:
                raise FileNotFoundError(f"no {'/'.join(suffixes)} files in {path}")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"corpus path not found: {path}")
    return found


def _name_key(path: Path) -> tuple[str, str]:
    return (path.name.casefold(), path.name)


def read_document(path: str | Path) -> CorpusDocument:
    """One corpus file, or a ``.txt`` file (its text, no annotations, tokens by :func:`tokenize`).

    Raises ``ValueError`` naming the file when it is not in the corpus format.
    """
    path = Path(path)
    # bytes, decoded by hand: read_text would turn \r\n into \n and shift every offset
    raw = path.read_bytes().decode("utf-8")
    if path.suffix == ".txt":
        tokens = tokenize(raw)
        return CorpusDocument(path.stem, raw, tokens, sentences_of(raw, tokens))
    try:
        return document_from_json(json.loads(raw), default_name=path.stem)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"{path}: not a WikiNews corpus document: {error}") from error


def read_corpus(paths: Iterable[str | Path], limit: int | None = None) -> tuple[CorpusDocument, ...]:
    """The documents in ``paths`` (files or directories of ``.json`` files), in file-name order."""
    files = collect_paths(paths)
    return tuple(read_document(p) for p in files[:limit])


def document_from_json(data: Mapping[str, Any], default_name: str = "") -> CorpusDocument:
    """A corpus document from its parsed JSON; tokens and sentences are made when absent."""
    text = data["originalText"]
    if not isinstance(text, str):
        raise TypeError("originalText must be a string")
    if data.get("tokens"):
        tokens = tuple(_token(t, i) for i, t in enumerate(data["tokens"]))
    else:
        tokens = tokenize(text)
    if data.get("sentences"):
        sentences = tuple(
            Sentence(int(s["id"]), int(s["begin"]), int(s["end"]), _span(s), str(s["text"]))
            for s in data["sentences"]
        )
    else:
        sentences = sentences_of(text, tokens)
    quotations = tuple(_quotation(a, i) for i, a in enumerate(data.get("annotations") or ()))
    return CorpusDocument(str(data.get("documentName", default_name)), text, tokens, sentences, quotations)


def _span(data: Mapping[str, Any]) -> Span:
    return Span(int(data["charBegin"]), int(data["charEnd"]))


def _token(data: Mapping[str, Any], index: int) -> Token:
    if int(data["id"]) != index:
        raise ValueError(f"token {index} has id {data['id']}; ids must count up from 0")
    return Token(
        index, _span(data), str(data["text"]), int(data.get("sentence", 0)), int(data.get("word", 0))
    )


def _mention(data: Any) -> CorpusMention:
    # the corpus README shows an empty role as []; the files use empty spans
    if not data:
        return EMPTY
    spans = tuple(TokenRange(int(s["begin"]), int(s["end"]), _span(s)) for s in data.get("spans") or ())
    ids = data.get("tokenIds")
    token_ids = (i for r in spans for i in range(r.begin, r.end)) if ids is None else (int(i) for i in ids)
    return CorpusMention(spans, str(data.get("text", "")), tuple(sorted(set(token_ids))))


def _quotation(data: Mapping[str, Any], index: int) -> CorpusQuotation:
    return CorpusQuotation(
        id=int(data.get("id", index)),
        type=str(data["type"]),
        medium=str(data.get("medium") or NO_MEDIUM),
        quote=_mention(data["quote"]),
        speaker=_mention(data.get("speaker")),
        cue=_mention(data.get("cue")),
        frame=_mention(data.get("frame")),
        addressee=_mention(data.get("addressee")),
        is_nested=bool(data.get("isNested", False)),
        has_nested=bool(data.get("hasNested", False)),
    )
