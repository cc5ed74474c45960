"""The German WikiNews quotation corpus format: reading it, and writing quotable's results in it.

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

**Export.**  :func:`export_document` writes quotable's result for one article as
a corpus file: tokens and sentences copied from the input when it had them,
otherwise made by :func:`tokenize`; every quotation and role mapped to tokens by
the rule above, with ``charBegin``/``charEnd`` snapped to the covered tokens
(the corpus keeps them token-aligned; quotable's exact offsets are in its own
JSON).  Quotes that cover no token are dropped.  Media follow the corpus'
conventions (:func:`corpus_medium`): thought as ST, an open medium as SW, a
direct quote whose cue does not tell as Speech.  Files are written as the
published files are: keys sorted, no spaces, UTF-8.
"""

from __future__ import annotations

import argparse
import bisect
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeAlias, cast, runtime_checkable

import attrs

from quotable.errors import QuotableError
from quotable.model import Attribution, Cue, Medium, Mention, Quote, QuoteType, Span, Speaker

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

_TYPES_BACK = {name: kind for kind, name in CORPUS_TYPES.items()}
_MEDIA_BACK = {name: medium for medium, name in CORPUS_MEDIA.items()}

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
# Quote marks around a direct quote's words; ’ and ' are left alone because in
# German they are as often apostrophes (Merz’ Plan) as closing marks.
_QUOTE_MARKS = '„“”"»«‚‘›‹'


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


# ---------------------------------------------------------------- quotable results <-> corpus


def quotations_from_attribution(
    document: CorpusDocument, attribution: Attribution
) -> tuple[CorpusQuotation, ...]:
    """quotable's quotes for ``document`` as corpus annotations on its tokens (see the token rule)."""
    text, tokens = document.text, document.tokens
    found: list[CorpusQuotation] = []
    for quote in attribution.quotes:
        message = mention_from_spans(text, tokens, quote.spans)
        if not message.token_ids:
            continue
        speaker, cue, frame, addressee = (
            EMPTY if m is None else mention_from_spans(text, tokens, m.spans)
            for m in (quote.speaker, quote.cue, quote.frame, quote.addressee)
        )
        found.append(
            CorpusQuotation(
                id=len(found),
                type=CORPUS_TYPES[quote.type],
                medium=corpus_medium(quote),
                quote=message,
                speaker=speaker,
                cue=cue,
                frame=frame,
                addressee=addressee,
                is_nested=quote.nested,
            )
        )
    return _with_has_nested(found)


def _with_has_nested(quotations: Sequence[CorpusQuotation]) -> tuple[CorpusQuotation, ...]:
    # The corpus marks an annotation hasNested when another, nested quotation
    # lies within its quote tokens (true of 3525 of its 3530 annotations).
    token_sets = [set(q.quote.token_ids) for q in quotations]
    return tuple(
        attrs.evolve(
            q,
            has_nested=any(
                other.is_nested and j != i and token_sets[j] <= token_sets[i]
                for j, other in enumerate(quotations)
            ),
        )
        for i, q in enumerate(quotations)
    )


def attribution_from_document(document: CorpusDocument) -> Attribution:
    """The corpus annotations of ``document`` as a quotable :class:`Attribution`.

    For testing and sanity checks ("a perfect system"): mapping the result back
    with :func:`quotations_from_attribution` gives the corpus tokens again.  The
    mixed media (SW, ST, TW) and ``none`` have no :class:`Medium` and become
    ``None``; speakers get no resolved name; a direct quote's ``content`` is its
    spans without the quotation marks.
    """
    text = document.text
    quotes = []
    for q in document.quotations:
        spans = [r.chars for r in q.quote.spans]
        kind = _TYPES_BACK.get(q.type)
        if kind is None:
            raise ValueError(f"{document.name}: unknown quotation type {q.type!r}")
        content = _without_marks(text, spans) if kind is QuoteType.DIRECT else spans
        roles: dict[str, Mention | None] = {}
        for name in ROLES:
            mention = q.role(name)
            role_spans = [r.chars for r in mention.spans]
            if not role_spans:
                roles[name] = None
            elif name == "speaker":
                roles[name] = Speaker.from_spans(text, role_spans)
            elif name == "cue":
                roles[name] = Cue.from_spans(text, role_spans)
            else:
                roles[name] = Mention.from_spans(text, role_spans)
        quotes.append(
            Quote(
                type=kind,
                spans=tuple(spans),
                content=tuple(content),
                text=" ".join(s.of(text) for s in content),
                nested=q.is_nested,
                speaker=cast("Speaker | None", roles["speaker"]),
                cue=cast("Cue | None", roles["cue"]),
                frame=roles["frame"],
                addressee=roles["addressee"],
                medium=_MEDIA_BACK.get(q.medium),
                rule="gold",
            )
        )
    return Attribution(quotes=tuple(quotes))


def _without_marks(text: str, spans: Sequence[Span]) -> list[Span]:
    inner = []
    for s in spans:
        start, end = s.start, s.end
        while start < end and text[start] in _QUOTE_MARKS:
            start += 1
        while end > start and text[end - 1] in _QUOTE_MARKS:
            end -= 1
        if start < end:
            inner.append(Span(start, end))
    return inner or list(spans)


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


# ---------------------------------------------------------------- writing


def _span_json(r: TokenRange) -> dict[str, int]:
    return {"begin": r.begin, "charBegin": r.chars.start, "charEnd": r.chars.end, "end": r.end}


def _mention_json(m: CorpusMention) -> dict[str, Any]:
    return {"spans": [_span_json(r) for r in m.spans], "text": m.text, "tokenIds": list(m.token_ids)}


def quotation_to_json(q: CorpusQuotation) -> dict[str, Any]:
    """One annotation in the corpus' JSON form."""
    return {
        "addressee": _mention_json(q.addressee),
        "cue": _mention_json(q.cue),
        "frame": _mention_json(q.frame),
        "hasNested": q.has_nested,
        "id": q.id,
        "isNested": q.is_nested,
        "medium": q.medium,
        "quote": _mention_json(q.quote),
        "speaker": _mention_json(q.speaker),
        "type": q.type,
    }


def document_to_json(document: CorpusDocument) -> dict[str, Any]:
    """``document`` in the corpus' JSON form."""
    tokens = document.tokens
    return {
        "annotations": [quotation_to_json(q) for q in document.quotations],
        "documentName": document.name,
        "originalText": document.text,
        "sentences": [
            {
                "begin": s.begin,
                "charBegin": s.span.start,
                "charEnd": s.span.end,
                "end": s.end,
                "id": s.id,
                "text": s.text,
                "tokenIds": list(range(s.begin, s.end)),
                "tokens": [t.text for t in tokens[s.begin : s.end]],
            }
            for s in document.sentences
        ],
        "tokens": [
            {
                "charBegin": t.span.start,
                "charEnd": t.span.end,
                "id": t.id,
                "sentence": t.sentence,
                "text": t.text,
                "word": t.word,
            }
            for t in tokens
        ],
    }


def dumps(data: Mapping[str, Any]) -> str:
    """JSON as the published corpus files are written: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def export_document(document: CorpusDocument, attribution: Attribution) -> dict[str, Any]:
    """quotable's ``attribution`` of ``document`` as a corpus file (its own annotations replaced)."""
    predicted = attrs.evolve(document, quotations=quotations_from_attribution(document, attribution))
    return document_to_json(predicted)


# ---------------------------------------------------------------- the system under test


@runtime_checkable
class BatchAttributor(Protocol):
    """What the harness needs of :class:`quotable.attributor.Attributor`."""

    def attribute_many(self, texts: Iterable[str]) -> Iterator[Attribution]: ...


System: TypeAlias = BatchAttributor | Callable[[str], Attribution]
"""A system to evaluate or export: an Attributor, or any function from text to Attribution."""


def load_attributor(model: str | None = None, min_confidence: float | None = None) -> BatchAttributor:
    """An :class:`~quotable.attributor.Attributor` for ``model`` (``"none"``: no parser),
    keeping quotes from ``min_confidence`` up (the Attributor's default when None).

    Imported on first use so that reading and scoring never load Stanza; raises
    ``ImportError`` with a clear message while the Attributor is not available.
    """
    try:
        module = importlib.import_module("quotable.attributor")
    except ImportError as error:
        raise ImportError(
            f"the system under test is not available: cannot import quotable.attributor ({error})"
        ) from error
    attributor = getattr(module, "Attributor", None)
    if attributor is None:
        raise ImportError("the system under test is not available: quotable.attributor has no Attributor yet")
    options: dict[str, object] = {}
    if model is not None:
        options["model"] = None if model.casefold() == "none" else model
    if min_confidence is not None:
        options["min_confidence"] = min_confidence
    return cast(BatchAttributor, attributor(**options))


def predict(system: System, texts: Sequence[str]) -> list[Attribution]:
    """``system``'s result for each of ``texts``, in order."""
    if isinstance(system, BatchAttributor):
        results = list(system.attribute_many(texts))
    else:
        results = [system(t) for t in texts]
    if len(results) != len(texts):
        raise RuntimeError(f"the system returned {len(results)} results for {len(texts)} texts")
    for r in results:
        if not isinstance(r, Attribution):
            raise TypeError(f"the system returned a {type(r).__name__}, not an Attribution")
    return results


# ---------------------------------------------------------------- quotable export


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotable export",
        description="Run quotable on WikiNews corpus files (or .txt files) and write its quotations "
        "in the corpus' JSON format, one file per input, so that other tools can score them.",
    )
    parser.add_argument(
        "--wikinews",
        nargs="+",
        required=True,
        metavar="PATH",
        help="corpus .json files, .txt files, or directories of them",
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="directory for the exported .json files")
    parser.add_argument("--model", metavar="NAME", help="parser model for the Attributor ('none': no parser)")
    parser.add_argument("--limit", type=int, metavar="N", help="export only the first N documents")
    return parser


def export_main(argv: Sequence[str] | None = None) -> int:
    """``quotable export``: 0 when every file was written, 1 on an error, 2 on a usage error."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    if args.limit is not None and args.limit < 0:
        parser.print_usage(sys.stderr)
        print("quotable export: error: --limit must not be negative", file=sys.stderr)
        return 2
    try:
        files = collect_paths(args.wikinews, (".json", ".txt"))[: args.limit]
        targets = [Path(args.out) / f"{p.stem}.json" for p in files]
        if len(set(targets)) != len(targets):
            raise ValueError("two inputs have the same name and would overwrite each other's export")
        documents = [read_document(p) for p in files]
        results = predict(load_attributor(args.model), [d.text for d in documents])
        Path(args.out).mkdir(parents=True, exist_ok=True)
        for document, result, target in zip(documents, results, targets, strict=True):
            target.write_text(dumps(export_document(document, result)), encoding="utf-8")
    except (OSError, ValueError, ImportError, QuotableError) as error:
        print(f"quotable export: error: {error}", file=sys.stderr)
        return 1
    print(f"exported {len(documents)} documents to {args.out}")
    return 0
