"""Attribution of a text from a hand-checked CoNLL-U analysis in tests/fixtures (no model)."""

from __future__ import annotations

from pathlib import Path

from quotable import agencies, marks, speakers
from quotable.model import Attribution, Quote, QuoteType, check_offsets
from quotable.syntax import from_conllu

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def attribute(text: str, fixture: str) -> tuple[Quote, ...]:
    """The quotes of ``text`` as the speaker rules find them on the fixture's analysis, in
    text order (as :func:`quotable.speakers.attribute` returns them)."""
    conllu = (FIXTURES / fixture).read_text(encoding="utf-8")
    parse = from_conllu(conllu, text)
    quotes = speakers.attribute(text, marks.find_quotes(text), parse, agencies.find_agencies(text))
    assert check_offsets(text, Attribution(quotes)) == []
    return quotes


def only(quotes: tuple[Quote, ...], kind: QuoteType) -> Quote:
    """The one quote of ``kind`` (the test fails if there are none or several)."""
    found = [q for q in quotes if q.type is kind]
    assert len(found) == 1, [(q.type, q.text) for q in quotes]
    return found[0]
