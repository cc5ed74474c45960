"""quotable's results in the WikiNews corpus format (:mod:`quotable.wikinews`), and back.

**Export.**  :func:`export_document` writes quotable's result for one article as
a corpus file: tokens and sentences copied from the input when it had them,
otherwise made by :func:`~quotable.wikinews.tokenize`; every quotation and role
mapped to tokens by the token rule of :mod:`quotable.wikinews`, with
``charBegin``/``charEnd`` snapped to the covered tokens (the corpus keeps them
token-aligned; quotable's exact offsets are in its own JSON).  Quotes that cover
no token are dropped.  Media follow the corpus' conventions
(:func:`~quotable.wikinews.corpus_medium`): thought as ST, an open medium as SW,
a direct quote whose cue does not tell as Speech.  Files are written as the
published files are: keys sorted, no spaces, UTF-8.

:func:`attribution_from_document` goes the other way, corpus annotations as a
quotable :class:`~quotable.model.Attribution` ("a perfect system", for tests).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import attrs

from quotable.errors import QuotableError
from quotable.harness import load_attributor, predict
from quotable.model import Attribution, Cue, Mention, Quote, QuoteType, Span, Speaker
from quotable.wikinews import (
    CORPUS_MEDIA,
    CORPUS_TYPES,
    EMPTY,
    ROLES,
    CorpusDocument,
    CorpusMention,
    CorpusQuotation,
    TokenRange,
    collect_paths,
    corpus_medium,
    mention_from_spans,
    read_document,
)

_TYPES_BACK = {name: kind for kind, name in CORPUS_TYPES.items()}
_MEDIA_BACK = {name: medium for medium, name in CORPUS_MEDIA.items()}

# Quote marks around a direct quote's words; ’ and ' are left alone because in
# German they are as often apostrophes (Merz’ Plan) as closing marks.
_QUOTE_MARKS = '„“”"»«‚‘›‹'


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
