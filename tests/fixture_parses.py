"""Attribution of a text from a hand-checked CoNLL-U analysis in tests/fixtures (no model)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import attrs

from quotable import agencies, marks, speakers
from quotable.model import Attribution, Quote, QuoteType, check_offsets
from quotable.syntax import Parse, Sentence, from_conllu

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_parse(text: str, fixture: str, tagged: Collection[int] = ()) -> Parse:
    """The fixture's analysis of ``text``; the sentences numbered in ``tagged`` only tagged
    (no heads, lemmas or relations), as attribution leaves a sentence that needs no parse."""
    parse = from_conllu((FIXTURES / fixture).read_text(encoding="utf-8"), text)
    sentences = tuple(_tags_only(s) if i in tagged else s for i, s in enumerate(parse.sentences))
    return attrs.evolve(parse, sentences=sentences)


def _tags_only(sentence: Sentence) -> Sentence:
    words = tuple(attrs.evolve(w, head=0, deprel="dep", lemma=w.text) for w in sentence.words)
    return attrs.evolve(sentence, words=words, parsed=False)


def attribute(text: str, fixture: str, tagged: Collection[int] = ()) -> tuple[Quote, ...]:
    """The quotes of ``text`` as the speaker rules find them on the fixture's analysis, in
    text order (as :func:`quotable.speakers.attribute` returns them)."""
    parse = fixture_parse(text, fixture, tagged)
    quotes = speakers.attribute(text, marks.find_quotes(text), parse, agencies.find_agencies(text))
    assert check_offsets(text, Attribution(quotes)) == []
    return quotes


def only(quotes: tuple[Quote, ...], kind: QuoteType) -> Quote:
    """The one quote of ``kind`` (the test fails if there are none or several)."""
    found = [q for q in quotes if q.type is kind]
    assert len(found) == 1, [(q.type, q.text) for q in quotes]
    return found[0]
