"""A small frozen view of a dependency parse: what the attribution rules read.

``quotable.parsing`` turns Stanza's mutable Document into these records; the
rules never see Stanza classes, so their tests run from CoNLL-U fixtures
(:func:`from_conllu`) without loading a model.  Character offsets follow the
offset rule of :mod:`quotable.model`: they point into the caller's text.  Words
made by multi-word-token expansion (``zum`` → ``zu dem``) carry their token's
offsets, so ``text[word.start:word.end]`` is the token, not the word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from quotable.model import Span


@attrs.frozen
class Word:
    """One syntactic word with its analysis and its place in the caller's text."""

    id: int
    """1-based position in the sentence."""
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: tuple[tuple[str, str], ...]
    head: int
    """``id`` of the head word, 0 for the root."""
    deprel: str
    start: int
    end: int

    def feat(self, name: str) -> str | None:
        for key, value in self.feats:
            if key == name:
                return value
        return None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def base_deprel(self) -> str:
        """``deprel`` without its subtype (``nsubj:pass`` → ``nsubj``)."""
        return self.deprel.split(":", 1)[0]


@attrs.frozen
class Sentence:
    """One sentence.  ``parsed`` is False when its dependency parse was skipped
    (attribution did not need it): then every word has head 0, deprel ``"dep"``
    and its own text as lemma; ``upos``, ``xpos`` and ``feats`` are filled if the
    sentence was tagged (:mod:`quotable.parsing` tags every sentence), else
    ``"X"``, ``"_"`` and nothing."""

    words: tuple[Word, ...]
    start: int
    end: int
    parsed: bool = True

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def word(self, word_id: int) -> Word:
        return self.words[word_id - 1]

    def head_of(self, word: Word) -> Word | None:
        return None if word.head == 0 else self.words[word.head - 1]

    def children(self, word: Word) -> tuple[Word, ...]:
        return tuple(w for w in self.words if w.head == word.id)

    def subtree(self, word: Word) -> tuple[Word, ...]:
        """``word`` and everything below it, in sentence order."""
        keep = {word.id}
        changed = True
        while changed:
            changed = False
            for w in self.words:
                if w.head in keep and w.id not in keep:
                    keep.add(w.id)
                    changed = True
        return tuple(w for w in self.words if w.id in keep)

    def comma_between(self, first: Word, last: Word) -> bool:
        """Whether a comma stands between the words ``first`` and ``last`` (ids, either order)."""
        low, high = sorted((first.id, last.id))
        return any(w.text == "," for w in self.words[low : high - 1])

    def words_within(self, spans: Iterable[Span]) -> list[Word]:
        """The words that lie wholly inside one of ``spans`` (a mention's), in order."""
        ranges = tuple(spans)
        return [w for w in self.words if any(s.start <= w.start and w.end <= s.end for s in ranges)]

    def ancestors(self, word: Word) -> Iterator[Word]:
        seen = {word.id}
        current = self.head_of(word)
        while current is not None and current.id not in seen:
            yield current
            seen.add(current.id)
            current = self.head_of(current)

    def root(self) -> Word | None:
        return next((w for w in self.words if w.head == 0), None)


@attrs.frozen
class Parse:
    """The sentences of one text, in order."""

    sentences: tuple[Sentence, ...] = ()

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence that contains ``offset`` (or the next one after it)."""
        for i, s in enumerate(self.sentences):
            if offset < s.end:
                return i
        return None


def _parse_feats(value: str) -> tuple[tuple[str, str], ...]:
    if value in ("", "_"):
        return ()
    pairs = []
    for item in value.split("|"):
        key, _, val = item.partition("=")
        pairs.append((key, val))
    return tuple(pairs)


def from_conllu(conllu: str, text: str) -> Parse:
    """Read a CoNLL-U analysis of ``text``, finding each token's offsets in ``text``.

    Tokens are matched left to right, skipping whitespace; for fixtures and tests.
    """
    sentences: list[Sentence] = []
    position = 0
    for block in conllu.strip().split("\n\n"):
        words: list[Word] = []
        token_span: tuple[int, int, int] | None = None  # (last word id, start, end) of an MWT
        for line in block.splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                _first, last = (int(x) for x in cols[0].split("-"))
                start, end = _find(text, cols[1], position)
                position = end
                token_span = (last, start, end)
                continue
            word_id = int(cols[0])
            if token_span is not None and word_id <= token_span[0]:
                start, end = token_span[1], token_span[2]
            else:
                token_span = None
                start, end = _find(text, cols[1], position)
                position = end
            words.append(
                Word(
                    id=word_id,
                    text=cols[1],
                    lemma=cols[2],
                    upos=cols[3],
                    xpos=cols[4],
                    feats=_parse_feats(cols[5]),
                    head=int(cols[6]),
                    deprel=cols[7],
                    start=start,
                    end=end,
                )
            )
        if words:
            sentences.append(Sentence(tuple(words), words[0].start, words[-1].end))
    return Parse(tuple(sentences))


def _find(text: str, form: str, position: int) -> tuple[int, int]:
    index = text.find(form, position)
    if index < 0:
        raise ValueError(f"token {form!r} not found in the text after offset {position}")
    return index, index + len(form)
