"""Resolving speaker mentions to the entity's fullest name in the article.

„er“ → Wladimir Putin, „Der Kremlchef“ → Wladimir Putin, „Der Diplomat“ →
Juri Uschakow, „Putin“ → Wladimir Putin, „Der Kreml“ → Kreml.

The rules, in order:

1. A mention with a name in it (a run of proper nouns) takes the fullest name
   in the article that contains it (Putin → Wladimir Putin; Kim → Kim Jong Un,
   since Korean names put the family name first).
2. A personal pronoun (er, sie, ihm …) takes the most salient earlier person
   that agrees in gender and number: the most recent speaker first, then the
   subjects of the previous sentences.
3. A definite role noun („der Kremlchef“, „die Kanzlerin“, „der Diplomat“) takes
   the person the article gave that role in an apposition or title („Juri
   Uschakow, Putins außenpolitischer Berater“ → Berater), else the most salient
   earlier person of matching gender who is not another argument of the same verb.
4. Anything else (organisations, unnamed sources) is named by its own words
   without the article: „Der Kreml“ → Kreml, „ein Sprecher der Polizei“ →
   Sprecher der Polizei.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quotable import cues
from quotable.document import Document
from quotable.model import Quote, Speaker
from quotable.syntax import Sentence, Word

_PRONOUNS = {
    "er": ("Masc", "Sing"),
    "ihm": ("Masc", "Sing"),
    "ihn": ("Masc", "Sing"),
    "sie": (None, None),  # feminine singular or plural
    "ihr": ("Fem", "Sing"),
    "ihnen": (None, "Plur"),
    "dieser": ("Masc", "Sing"),
    "diese": (None, None),
    "jener": ("Masc", "Sing"),
    "der": ("Masc", "Sing"),
    "die": (None, None),
}
_NAME_DEPRELS = frozenset(
    {
        "flat",
        "flat:name",
        "compound",
        "appos",
        "nsubj",
        "obj",
        "iobj",
        "obl",
        "root",
        "nmod",
        "conj",
        "nsubj:pass",
        "det:poss",
        "nmod:poss",
    }
)
_ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"}
)


@attrs.frozen
class Name:
    """A run of proper nouns in the text, e.g. „Wladimir Putin“."""

    text: str
    tokens: tuple[str, ...]
    start: int
    gender: str | None


def _names_in(sentence: Sentence) -> list[Name]:
    """Maximal runs of adjacent proper nouns; parts glued by a hyphen stay one token
    (Kim Jong-un); a role noun the tagger took for a name (Kremlchef) is not a name."""
    runs: list[list[Word]] = []
    for w in sentence.words:
        is_name = w.upos == "PROPN" and w.text[:1].isupper() and not cues.is_role_noun(w.text)
        previous = runs[-1][-1] if runs else None
        glued = (
            previous is not None
            and previous.id == w.id - 1
            and previous.end == w.start
            and (w.text == "-" or (previous.text == "-" and w.text[:1].isalpha()))
        )
        if glued and runs:
            runs[-1].append(w)
        elif is_name:
            if previous is not None and previous.id == w.id - 1 and previous.upos == "PROPN":
                runs[-1].append(w)
            else:
                runs.append([w])
    names = []
    for run in runs:
        tokens = [t for t in _join_tokens(run) if not cues.is_role_noun(t)]
        last = run[-1]
        if last.deprel == "nmod:poss" and tokens and tokens[-1] == last.text:
            tokens[-1] = _strip_genitive(last)  # „Putins Berater“: the name is Putin
        if not tokens:
            continue
        gender = next((w.feat("Gender") for w in run if w.feat("Gender")), None)
        names.append(Name(" ".join(tokens), tuple(tokens), run[0].start, gender))
    return names


def _strip_genitive(word: Word) -> str:
    text = word.text
    if word.feat("Case") == "Gen" and text.endswith("s") and len(text) > 3:
        return text[:-1]
    if text.endswith(("’", "'")):
        return text[:-1]
    return text


@attrs.define
class _Entities:
    """The article's names, their roles, and what was said in which order."""

    names: list[Name]
    roles: dict[str, list[tuple[int, str]]]  # role noun (lower) -> [(offset, full name)]

    def fullest(self, short: Sequence[str], before: int | None = None) -> str | None:
        """The longest name in the article that contains ``short`` as its last or first tokens."""
        best: Name | None = None
        n = len(short)
        for name in self.names:
            if len(name.tokens) < n:
                continue
            if tuple(name.tokens[-n:]) != tuple(short) and tuple(name.tokens[:n]) != tuple(short):
                continue
            if best is None or len(name.tokens) > len(best.tokens):
                best = name
        return None if best is None else best.text

    def gender_of(self, full: str) -> str | None:
        for name in self.names:
            if name.text == full and name.gender:
                return name.gender
        return None


def _learn_roles(doc: Document, names: list[Name]) -> dict[str, list[tuple[int, str]]]:
    """Role nouns the article attaches to names: appositions and titles."""
    roles: dict[str, list[tuple[int, str]]] = {}
    for sentence in doc.sentences:
        if not sentence.parsed:
            continue
        for w in sentence.words:
            if w.upos != "NOUN":
                continue
            partner: Word | None = None
            head = sentence.head_of(w)
            if w.deprel == "appos" and head is not None and head.upos == "PROPN":
                partner = head  # Juri Uschakow, Putins Berater
            else:
                for child in sentence.children(w):
                    if (
                        child.upos == "PROPN"
                        and child.deprel in ("appos", "flat", "flat:name", "nmod")
                        and child.id > w.id
                    ):
                        partner = child  # der Präsident Wladimir Putin
                        break
                if partner is None and head is not None and head.upos == "PROPN" and head.id == w.id + 1:
                    partner = head  # US-Präsident Donald Trump (title as compound/nmod)
            if partner is None:
                continue
            run = _run_of(sentence, partner)
            if run is None:
                continue
            roles.setdefault(w.text.lower(), []).append((w.start, run))
            roles.setdefault(w.lemma.lower(), []).append((w.start, run))
    return roles


def _run_of(sentence: Sentence, word: Word) -> str | None:
    ids = {word.id}
    i = word.id
    while i - 1 >= 1 and sentence.word(i - 1).upos == "PROPN":
        i -= 1
        ids.add(i)
    j = word.id
    while j + 1 <= len(sentence.words) and sentence.word(j + 1).upos == "PROPN":
        j += 1
        ids.add(j)
    return " ".join(sentence.word(k).text for k in sorted(ids))


def resolve(doc: Document, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with ``speaker.name`` filled in (the mention spans stay as they are)."""
    names = [n for s in doc.sentences for n in _names_in(s)]
    entities = _Entities(names, _learn_roles(doc, names))
    resolved: list[Quote] = []
    cache: dict[tuple[int, int], str | None] = {}
    history: list[tuple[int, str]] = []  # (offset, name) of resolved speakers, in text order
    for quote in sorted(quotes, key=lambda q: q.start):
        speaker = quote.speaker
        if speaker is None or not speaker.spans:
            resolved.append(quote)
            continue
        key = (speaker.start, speaker.end)
        if key not in cache:
            cache[key] = _resolve_mention(doc, entities, speaker, history)
        name = cache[key]
        if name:
            history.append((speaker.start, name))
        resolved.append(attrs.evolve(quote, speaker=attrs.evolve(speaker, name=name)))
    return resolved


def _mention_words(doc: Document, speaker: Speaker) -> tuple[Sentence | None, list[Word]]:
    index = doc.sentence_index(speaker.start)
    if index is None:
        return None, []
    sentence = doc.sentences[index]
    words = [w for w in sentence.words if any(s.start <= w.start and w.end <= s.end for s in speaker.spans)]
    return sentence, words


def _resolve_mention(
    doc: Document, entities: _Entities, speaker: Speaker, history: list[tuple[int, str]]
) -> str | None:
    sentence, words = _mention_words(doc, speaker)
    if sentence is None or not words:
        return _strip_article(speaker.text) or None
    # 1. names in the mention (not the genitive possessor of a role noun)
    runs = _head_name_run(sentence, words)
    if runs:
        return entities.fullest(runs, speaker.start) or " ".join(runs)
    head = words[0] if len(words) == 1 else _head_word(sentence, words)
    lower = head.text.lower()
    # 2. personal pronouns
    if head.upos == "PRON" and lower in _PRONOUNS:
        gender, number = _PRONOUNS[lower]
        gender = gender or head.feat("Gender")
        number = number or head.feat("Number")
        return _salient(doc, entities, speaker.start, gender, number, history, exclude=set())
    # 3. role nouns
    if head.upos in ("NOUN", "PROPN") and (lower in entities.roles or cues.is_role_noun(head.text)):
        learned = entities.roles.get(lower) or entities.roles.get(head.lemma.lower())
        earlier = [name for offset, name in (learned or []) if offset < speaker.start and name]
        if earlier:
            return entities.fullest(earlier[-1].split()) or earlier[-1]
        if _is_definite(sentence, head):
            exclude = _co_arguments(sentence, head)
            gender = head.feat("Gender")
            if head.text.lower().endswith(("in", "innen")) and gender is None:
                gender = "Fem"
            found = _salient(doc, entities, speaker.start, gender, head.feat("Number"), history, exclude)
            if found:
                return found
    # 4. the mention's own words
    return _strip_article(speaker.text) or None


def _head_word(sentence: Sentence, words: list[Word]) -> Word:
    ids = {w.id for w in words}
    for w in words:
        if w.head not in ids:
            return w
    return words[0]


def _is_name_word(sentence: Sentence, w: Word) -> bool:
    """A proper noun that is part of a name: not a possessor (Putins Berater), not a
    role noun the tagger took for a name (der Kremlchef)."""
    if w.upos != "PROPN" or not w.text[:1].isupper():
        return False
    if w.deprel == "nmod:poss" or (
        w.feat("Case") == "Gen" and w.text.endswith("s") and w.deprel.startswith("nmod")
    ):
        return False
    return not cues.is_role_noun(w.text)


def _head_name_run(sentence: Sentence, words: list[Word]) -> list[str]:
    """Tokens of the first name in the mention (hyphenated parts joined: Jong-un)."""
    run: list[Word] = []
    for w in words:
        glued = bool(run) and w.start == run[-1].end and (w.text == "-" or run[-1].text == "-")
        if _is_name_word(sentence, w) or glued:
            run.append(w)
        elif run:
            break
    # „US-Präsident Donald Trump“: a title glued to a name part is not part of the name
    return [t for t in _join_tokens(run) if not cues.is_role_noun(t)]


def _join_tokens(run: Sequence[Word]) -> list[str]:
    """Token texts of a name, parts glued by a hyphen joined into one token."""
    tokens: list[str] = []
    previous_end = -2
    for w in run:
        if tokens and w.start == previous_end and (w.text == "-" or tokens[-1].endswith("-")):
            tokens[-1] += w.text
        else:
            tokens.append(w.text)
        previous_end = w.end
    while tokens and tokens[-1].endswith("-"):
        tokens[-1] = tokens[-1][:-1]
    return [t for t in tokens if t]


def _is_definite(sentence: Sentence, head: Word) -> bool:
    """„der Kremlchef“, „dieser Diplomat“ (the article may hang elsewhere in a bad parse)."""
    for child in sentence.children(head):
        if child.deprel == "det" and child.lemma.lower() in ("der", "dieser", "jener"):
            return True
    i = head.id - 1
    while i >= 1 and sentence.word(i).upos == "ADJ":
        i -= 1
    return (
        i >= 1
        and sentence.word(i).upos == "DET"
        and sentence.word(i).lemma.lower() in ("der", "dieser", "jener")
    )


def _co_arguments(sentence: Sentence, head: Word) -> set[str]:
    """Proper nouns that are other arguments of the mention's verb (they cannot be it)."""
    verb = sentence.head_of(head)
    out: set[str] = set()
    if verb is None:
        return out
    for child in sentence.children(verb):
        if child.id == head.id:
            continue
        for w in sentence.subtree(child):
            if w.upos == "PROPN":
                out.add(w.text)
    return out


def _salient(
    doc: Document,
    entities: _Entities,
    offset: int,
    gender: str | None,
    number: str | None,
    history: list[tuple[int, str]],
    exclude: set[str],
) -> str | None:
    """The most salient earlier person agreeing in gender: recent speakers, then recent subjects."""

    def agrees(name: str) -> bool:
        if any(token in exclude for token in name.split()):
            return False
        if number == "Plur":
            return False
        g = entities.gender_of(name)
        return gender is None or g is None or g == gender

    for spoken_at, name in reversed(history):
        if spoken_at < offset and agrees(name):
            return name
    index = doc.sentence_index(offset)
    if index is None:
        return None
    for i in range(index, max(-1, index - 4), -1):
        sentence = doc.sentences[i]
        for w in sentence.words:
            if w.start >= offset or w.upos != "PROPN" or w.deprel not in ("nsubj", "nsubj:pass"):
                continue
            tokens = (_run_of(sentence, w) or w.text).split()
            full = entities.fullest(tokens) or " ".join(tokens)
            if agrees(full):
                return full
    return None


def _strip_article(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in _ARTICLES:
        words.pop(0)
    return " ".join(words)
