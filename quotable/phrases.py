"""Phrases from dependency trees: noun phrases for speakers and addressees, clauses
for quotes, and character spans for sets of words.

Pure functions over :mod:`quotable.syntax` records.  The span conventions
follow the German WikiNews quotation corpus: a speaker is the whole noun phrase
with article, titles and appositions but without relative clauses.  Which noun
phrase speaks is :mod:`quotable.participants`; the verb side (cue, verb complex,
Konjunktiv) is :mod:`quotable.verbs`; cleaning a mention for output is :mod:`quotable.mentions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotable import cues, lexicon
from quotable.inflection import bare_dative
from quotable.model import Span
from quotable.names import is_first_name, name_runs
from quotable.syntax import Sentence, Word

# Dependents that leave a noun phrase: clauses hanging off it, and loose attachments.
_NOT_IN_NP = frozenset({"wörtlich", "zufolge"})
"""Words the parser hangs on a speaker that are no part of the mention (Suttner wörtlich)."""
_NP_EXCLUDE = frozenset(
    {"acl", "acl:relcl", "parataxis", "ccomp", "advcl", "csubj", "dep", "discourse", "vocative"}
)
PUNCT_EDGE = frozenset(",;:–—-.!?…")
QUOTE_CHARS = frozenset("„“”»«‚‘’›‹\"'")
OPENING_MARKS = frozenset('„»"')
"""Marks that open a quoted name („The Guardian“, »Die Zeit«, "Spiegel")."""
CLOSING_MARKS = frozenset('“”«"')


def word_spans(words: Iterable[Word]) -> tuple[Span, ...]:
    """Character spans covering ``words``: one span per run of adjacent words.

    Words of one multi-word token share the token's offsets, so duplicates merge.
    """
    ordered = sorted({(w.start, w.end) for w in words})
    spans: list[Span] = []
    for start, end in ordered:
        if spans and start <= spans[-1].end:
            spans[-1] = Span(spans[-1].start, max(spans[-1].end, end))
        else:
            spans.append(Span(start, end))
    return tuple(spans)


def contiguous(sentence: Sentence, words: Iterable[Word]) -> tuple[Span, ...]:
    """Spans for ``words``, where words that are adjacent *in the sentence* form one span."""
    ids = sorted({w.id for w in words})
    runs: list[list[Word]] = []
    for i in ids:
        if runs and i == runs[-1][-1].id + 1:
            runs[-1].append(sentence.word(i))
        else:
            runs.append([sentence.word(i)])
    spans = [Span(run[0].start, run[-1].end) for run in runs]
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(s.end, merged[-1].end))
        else:
            merged.append(s)
    return tuple(merged)


def trim(words: Sequence[Word]) -> list[Word]:
    """``words`` without punctuation at either edge (a closing parenthesis or
    quotation mark stays when its partner is inside)."""
    out = list(words)
    while out and (out[0].upos == "PUNCT" or out[0].text in PUNCT_EDGE) and out[0].text not in '(„»"':
        out.pop(0)
    while out and (out[-1].upos == "PUNCT" or out[-1].text in PUNCT_EDGE):
        last = out[-1].text
        if last == ")" and any(w.text == "(" for w in out):
            break
        if last in QUOTE_CHARS and sum(w.text in QUOTE_CHARS for w in out) % 2 == 0:
            break
        out.pop()
    while out and out[0].text in '„»"' and not any(w.text in QUOTE_CHARS for w in out[1:]):
        out.pop(0)
    return out


def noun_phrase(sentence: Sentence, head: Word, *, drop_case: bool = True) -> list[Word]:
    """The noun phrase headed by ``head``: article, adjectives, genitives, titles,
    appositions and parenthesised party labels; no relative or other clauses.

    ``drop_case`` leaves out the head's own preposition (``laut`` in ``laut X``).
    The result is one contiguous run of words around the head.
    """
    keep = {head.id}
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.deprel in _NP_EXCLUDE or child.text.lower() in _NOT_IN_NP:
                continue
            if any(c.deprel == "case" and c.text.lower() == "gegenüber" for c in sentence.children(child)):
                continue  # „gegenüber der Onlineausgabe des Spiegels“ is the addressee
            if child.deprel == "nmod" and child.id > current.id and bare_dative(sentence, child):
                continue  # „warf die Staatsanwaltschaft dem Manager vor“: an object
            if child.deprel == "nmod" and child.id > current.id and _circumstance(sentence, child):
                continue  # „Bouchard am Montag“, „Nasrallah im Fernsehen“: the verb's, not the name's
            if current is head and drop_case and child.deprel == "case" and child.id < head.id:
                continue
            if child.deprel == "mark":
                continue
            keep.add(child.id)
            frontier.append(child)
    # keep the contiguous run around the head (a gap means an excluded clause)
    ids = sorted(keep)
    start = ids.index(head.id)
    lo = hi = start
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi + 1 < len(ids) and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    run = [sentence.word(i) for i in ids[lo : hi + 1]]
    # an article the parser hung elsewhere: „Der Kremlchef“ with „Der“ attached to the verb
    first = run[0]
    if (
        first.upos in ("NOUN", "PROPN")
        and first.id > 1
        and not any(c.deprel == "det" for c in sentence.children(head))
    ):
        before = sentence.word(first.id - 1)
        if before.upos == "DET" and before.deprel in ("det", "nsubj", "dep"):
            run.insert(0, before)
    # a first name the parser hung elsewhere („Theo“ before „Zwanziger“) belongs to the name
    while run[0].id > 1 and run[0].text[:1].isupper() and sentence.word(run[0].id - 1).upos == "PROPN":
        run.insert(0, sentence.word(run[0].id - 1))
    # a name goes on to its end („Dirk Lorenzen“, „Katrin Göring-Eckardt“): names.py knows
    # surnames after a first name that the tagger does not
    for name in name_runs(sentence):
        if name.words[0].id <= run[-1].id < name.words[-1].id and name.words[0].id >= run[0].id:
            taken = {w.id for w in run}
            run.extend(w for w in name.words if w.id not in taken)
            break
    # a name the parser split up („Juri“ ← „Uschakow“ attached elsewhere) stays together
    if head.upos == "PROPN":
        while run[-1].id < len(sentence.words) and sentence.word(run[-1].id + 1).upos == "PROPN":
            run.append(sentence.word(run[-1].id + 1))
        while run[0].id > 1 and sentence.word(run[0].id - 1).upos == "PROPN":
            run.insert(0, sentence.word(run[0].id - 1))
    return trim(run)


_CIRCUMSTANCE_PREPOSITIONS = frozenset({"nach", "unter", "während", "seit", "wegen", "trotz", "durch", "ab"})
"""Prepositions whose phrase after a speaker never describes it („nach der Festnahme“,
„unter Berufung auf …“).  Not „zu“ and „bei“: „das Büro zur Koordinierung …“, „die
Delegationsleiterin beim Klimagipfel“ name a body or a role."""
_PLACE_PREPOSITIONS = frozenset({"in", "an", "auf"})


def _circumstance(sentence: Sentence, noun: Word) -> bool:
    """Whether the prepositional phrase of ``noun``, attached to a noun phrase, tells
    the circumstances of saying rather than who: a time, a channel (see
    ``data/circumstance_nouns.txt``), a preposition that never describes a speaker, or
    a phrase set off by a comma („der Bevollmächtigte, Gerald Braun, in Luxemburg“)."""
    case = next((c for c in sentence.children(noun) if c.deprel == "case" and c.id < noun.id), None)
    if case is None:
        return False
    after = sentence.word(noun.id + 1) if noun.id < len(sentence.words) else None
    if after is not None and after.xpos == "ADJA":
        return False  # inside an attribute: „des am Montag zurückgetretenen Chefs“
    preposition = case.lemma.lower()
    if preposition in _CIRCUMSTANCE_PREPOSITIONS:
        return True
    if case.id > 1 and sentence.word(case.id - 1).text == ",":
        return True
    return preposition in _PLACE_PREPOSITIONS and lexicon.compound_match(noun.text, "circumstance_nouns.txt")


def opens_circumstance(sentence: Sentence, word: Word) -> bool:
    """Whether ``word`` is the preposition of a phrase of time or channel that ends a
    source read from the word order („so der Autor | in einem Blogeintrag …“)."""
    noun = sentence.head_of(word) if word.upos == "ADP" else None
    return noun is not None and noun.id > word.id and _circumstance(sentence, noun)


_APPOSITION_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP"})


def with_apposition(sentence: Sentence, words: list[Word]) -> list[Word]:
    """``words`` plus a following apposition the parser attached elsewhere:
    „Juri Uschakow, Putins außenpolitischer Berater.“  The apposition must be a
    plain noun group that ends the clause (a comma, a full stop or the end)."""
    if not words or any(w.text == "," for w in words):
        return words  # one apposition already: „X, Chef von Y, die neue Kartoffel“ goes on with an object
    last = max(w.id for w in words)
    if last >= len(sentence.words) or sentence.word(last + 1).text != ",":
        return words
    group: list[Word] = []
    bracket: list[Word] = []  # „Präsident des Deutschen Fußball-Bundes (DFB)“
    for w in sentence.words[last + 1 :]:
        if bracket:
            bracket.append(w)
            if w.text == ")":
                break
            if w.upos not in ("PROPN", "NOUN", "X") or len(bracket) > 4:
                return words
            continue
        if w.text in (",", ".", "!", "?", ";", ":") or w.text in QUOTE_CHARS:
            break
        if w.text == "(" and group:
            bracket.append(w)
            continue
        if w.upos == "CCONJ" and w.text.lower() == "und" and group and group[-1].upos in ("NOUN", "PROPN"):
            group.append(w)  # „der frühere Gouverneur Floridas und Bruder des Präsidenten“
            continue
        if w.upos not in _APPOSITION_WORDS:
            return words
        group.append(w)
    end = (bracket or group or words)[-1].id
    if bracket and (
        bracket[-1].text != ")"
        or (end < len(sentence.words) and sentence.word(end + 1).text not in (",", ".", "!", "?", ";", ":"))
    ):
        return words
    if not group or group[-1].upos not in ("NOUN", "PROPN") or group[0].upos == "ADP":
        return words
    if not any(w.upos == "NOUN" for w in group) and not _names_a_role(words, group, end, sentence):
        return words
    return [*words, sentence.word(last + 1), *group, *bracket]


def _names_a_role(words: Sequence[Word], group: Sequence[Word], end: int, sentence: Sentence) -> bool:
    """„der Sprecherin der Fraktion, Gisela Piltz,“: a name after a role noun phrase,
    closed by a comma or the sentence's end after ``end``, is its apposition (not the next
    item of a list)."""
    after = end + 1
    # closed by a comma, or by the end of the sentence („sagte der Direktor der Behörde,
    # Bagus Puruhito.“); not the next item of a list, which „und“ would join
    closed = after > len(sentence.words) or sentence.word(after).text in (",", ".", "!", ";")
    return closed and all(w.upos == "PROPN" for w in group) and any(cues.is_role_noun(w.text) for w in words)


def surface_noun_phrase(sentence: Sentence, first: Word) -> list[Word]:
    """The noun phrase that starts at ``first``, read from the word order alone:
    article, adjectives, nouns and names („einem Bericht der BBC“, „US-Präsident
    Donald Trump“), then what :func:`extend_noun_phrase` adds.  For source phrases
    whose parse is unreliable."""
    words: list[Word] = []
    for w in sentence.words[first.id - 1 :]:
        if w.upos == "NOUN" and words and words[-1].upos == "NOUN":
            break  # „laut Ministerium | Arbeiten an …“: two common nouns are two phrases
        if (
            (w.upos in ("DET", "ADJ", "NUM") and not any(x.upos in ("NOUN", "PROPN") for x in words))
            or w.upos in ("NOUN", "PROPN")
            or (w.text == "-" and words and words[-1].end == w.start)
        ):
            words.append(w)
        else:
            break
    while words and words[-1].text == "-":
        words.pop()
    if not words or words[-1].upos not in ("NOUN", "PROPN"):
        return []
    return extend_noun_phrase(sentence, words)


_GENITIVE_ARTICLES = frozenset({"des", "eines", "dieses", "jenes"})
"""Articles that are only genitive („Angaben eines Vermittlers“)."""


def extend_noun_phrase(sentence: Sentence, words: list[Word]) -> list[Word]:
    """Grow a noun phrase to the right over what a weak parse may have cut off: the
    rest of a name (New → York Times), a genitive (Angaben → der Polizei), a
    parenthesised party (Berninger → (Grüne)) and „von“ after a role noun."""
    if not words:
        return words
    out = list(words)
    n = len(sentence.words)
    while out[-1].id < n:
        last = out[-1]
        nxt = sentence.word(last.id + 1)
        surname = last.upos == "PROPN" and is_first_name(last.text) and nxt.upos == "NOUN"  # „Theo Walzinger“
        if (nxt.upos == "PROPN" or surname) and last.upos in ("PROPN", "NOUN") and nxt.text[:1].isupper():
            out.append(nxt)
            continue
        if nxt.text == "-" and nxt.start == last.end and nxt.id < n:
            glued = sentence.word(nxt.id + 1)
            if glued.start == nxt.end and glued.upos in ("NOUN", "PROPN"):
                out.extend([nxt, glued])  # „US-Innenminister“ split into three tokens
                continue
        if nxt.text == "(":
            close = next((w for w in sentence.words[nxt.id : nxt.id + 5] if w.text == ")"), None)
            if close is not None:
                out.extend(sentence.words[nxt.id - 1 : close.id])
                continue
        if last.upos in ("NOUN", "PROPN") and (quoted := quoted_name_words(sentence, nxt)):
            out.extend(quoted)  # „die Tageszeitung „The Guardian““: a quoted name after the noun
            continue
        genitive = (
            nxt.upos == "DET"
            and (
                nxt.text.lower() in _GENITIVE_ARTICLES
                or (
                    nxt.text.lower() in ("der", "einer")
                    and last.upos == "NOUN"
                    and nxt.feat("Case") not in ("Dat", "Nom")
                )
            )
        ) or (
            # a genitive without an article after a source noun: „Angaben libanesischer Sicherheitskreise“
            last.upos == "NOUN" and cues.is_source_noun(last.text) and _bare_genitive(sentence, nxt)
        )
        of_whom = nxt.text.lower() == "von" and last.upos == "NOUN"
        role = of_whom and (cues.is_role_noun(last.text) or cues.is_source_noun(last.text))
        # „Anna Berg von der Caritas“, „Yolanda Alvarez vom Sender RTVE“: a name's body
        body = last.upos == "PROPN" and nxt.text.lower() in ("von", "vom", "aus")
        if genitive or role or body:
            group = [nxt]
            for w in sentence.words[nxt.id :]:
                if (
                    w.upos in ("DET", "ADJ", "NUM")
                    and not any(g.upos in ("NOUN", "PROPN") for g in group[1:])
                ) or w.upos in ("NOUN", "PROPN"):
                    group.append(w)
                elif all(g.upos in ("ADP", "DET") for g in group):
                    group.extend(quoted_name_words(sentence, w))  # „die Online-Ausgabe des „Spiegel““
                    break
                else:
                    break
            if body and not genitive and not _names_a_body(sentence, group):
                break
            if group[-1].upos in ("NOUN", "PROPN") or (len(group) > 1 and group[-1].text in CLOSING_MARKS):
                out.extend(group)
                continue
        break
    return out


def _names_a_body(sentence: Sentence, group: list[Word]) -> bool:
    """Whether a von/aus-phrase after a name names a body or a place (not „von ihrer Flucht“,
    „von Anfang an“): a name or a body's noun, and no „an“ after it."""
    after = sentence.word(group[-1].id + 1) if group[-1].id < len(sentence.words) else None
    if after is not None and after.text.lower() in ("an", "aus", "bis") and not _contracted(sentence, after):
        return False
    return any(w.upos == "PROPN" or (w.upos == "NOUN" and cues.is_organisation(w.text)) for w in group[1:])


def _contracted(sentence: Sentence, word: Word) -> bool:
    """Whether ``word`` is the preposition of a contraction („am“ = an dem, „im“ = in dem)."""
    return word.id < len(sentence.words) and sentence.word(word.id + 1).start == word.start


def quoted_name_words(sentence: Sentence, opening: Word) -> list[Word]:
    """The name in marks that opens at ``opening`` (at most five words of names, nouns,
    articles, adjectives and numbers, „The Guardian“), marks included; empty if
    ``opening`` opens none."""
    if opening.text not in OPENING_MARKS:
        return []
    words = sentence.words[opening.id : opening.id + 6]
    close = next((w for w in words if w.text in CLOSING_MARKS), None)
    if close is None or close.id == opening.id + 1:
        return []
    inside = sentence.words[opening.id : close.id - 1]
    if not all(w.upos in ("PROPN", "NOUN", "ADJ", "X", "NUM", "DET") for w in inside):
        return []
    return [opening, *inside, close]


def _bare_genitive(sentence: Sentence, first: Word) -> bool:
    """Whether a noun group without an article starts at ``first`` and is a genitive:
    its adjective ends in -er (strong genitive plural or feminine: „britischer Zeitungen“),
    or the tagger gives its noun the genitive (its case on adjectives is often wrong)."""
    if first.upos == "ADJ" and first.text.endswith("er"):
        return True
    for w in sentence.words[first.id - 1 : first.id + 3]:
        if w.upos == "NOUN":
            return w.feat("Case") == "Gen"
        if w.upos not in ("ADJ", "NUM"):
            return False
    return False


def clause(sentence: Sentence, head: Word, exclude: Iterable[Word] = ()) -> list[Word]:
    """The clause headed by ``head`` (its subtree), minus ``exclude`` subtrees."""
    removed: set[int] = set()
    for word in exclude:
        removed.update(w.id for w in sentence.subtree(word))
    return [w for w in sentence.subtree(head) if w.id not in removed]


def in_quoted_name(sentence: Sentence, word: Word) -> bool:
    """Whether ``word`` stands in a short quoted name inside a noun phrase („Anna Berg von
    der „Aktion Kinder helfen““): the parser takes the name's verb for a clause."""
    inside = sentence.words[max(0, word.id - 5) : word.id + 4]
    opening = next((w for w in reversed(inside) if w.id < word.id and w.text in OPENING_MARKS), None)
    closing = next((w for w in inside if w.id > word.id and w.text in CLOSING_MARKS), None)
    if opening is None or closing is None or opening.id == 1 or closing.id - opening.id > 6:
        return False
    return sentence.word(opening.id - 1).upos in ("DET", "NOUN", "PROPN", "ADP")
