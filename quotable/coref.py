"""Resolving each speaker mention to an entity of the article (:mod:`quotable.entities`).

„er“ → Wladimir Putin, „Der Kremlchef“ → Wladimir Putin, „Der Diplomat“ →
Juri Uschakow, „Putin“ → Wladimir Putin, „ich“ in his quote → Wladimir Putin.
Every quote of one entity names it the same way: its fullest name.

First, a quote whose cue verb the parse gave no subject takes a person the article
names right before or after the verb (:mod:`quotable.named_subjects`).  Then the
rules, in order:

1. „ich“, „wir“ inside a quotation are the quotation's speaker.
2. A mention with a name in it takes that name's entity; a name that only
   qualifies the mention („Mexikos Trainer Miguel Herrera“, „das Ministerium in
   Kairo“) does not.  A place that speaks („Washington reagierte“) is taken as
   the government behind it: kind ``organisation``.
3. A personal pronoun takes the most salient earlier person that agrees in
   gender and number (a plural „sie sagten“ takes a group or organisation):
   the subject of this or the previous sentence first, then the last speaker,
   then the subjects of two more sentences back, then anyone named before
   (:mod:`quotable.salience`).
4. A definite role noun or description of a person („der Kremlchef“, „die
   Ministerin“, „der 38-Jährige“, „die Estin“, „die Oberstdorferin“; its number
   from the verb) takes the person the article gave that role in a title or
   apposition, else the person just named if the gender agrees, else the most
   salient earlier person of its gender who is not another argument of the same verb.
5. A definite organisation noun („das Ministerium“, „die Agentur“) takes the
   latest organisation (or agency) whose name ends in it.
6. Anything else is an entity named by its own words, without its article, the
   source noun („Angaben der Polizei“ → Polizei) and a place after it
   (:mod:`quotable.own_words`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from quotable import cues, named_subjects, participants, salience
from quotable.document import Document
from quotable.entities import Candidate, Table, collect, describes_person, role_stem
from quotable.model import AgencyMention, Entity, EntityKind, Quote, QuoteType, Span, Speaker
from quotable.own_words import by_own_words, head_word, own_words, quoted_name
from quotable.syntax import Sentence, Word

_PRONOUNS = {
    "er": ("Masc", "Sing"),
    "ihm": ("Masc", "Sing"),
    "ihn": ("Masc", "Sing"),
    "sie": (None, None),  # feminine singular or plural: the verb tells
    "ihr": ("Fem", "Sing"),
    "ihnen": (None, "Plur"),
    "dieser": ("Masc", "Sing"),
    "diese": (None, None),
    "jener": ("Masc", "Sing"),
    "der": ("Masc", "Sing"),
    "die": (None, None),
}
_FIRST_PERSON = frozenset({"ich", "wir", "mir", "mich", "uns"})
_ANAPHORS = frozenset({"demnach", "danach", "wonach"})
_DEFINITE = frozenset(
    {"der", "die", "das", "den", "dem", "des", "dieser", "diese", "dieses", "jener", "jene"}
)
_AGE = regex.compile(r"^\d+-[Jj]ährige[nr]?$")
_DATELINE = regex.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[–—-]\s")
"""What follows a dateline's place: perhaps an agency in brackets, then a dash."""
_DATELINE_BEFORE = regex.compile(r"(?:^|\n|[.!?…:“”\"]\s+)$")
"""What precedes it: the start of the text or of a line, or the end of a sentence."""
"""„Bundesverband der Deutschen Industrie (BDI)“: the acronym is an alias, not the name."""
_ORGANISATION_KINDS = (EntityKind.ORGANISATION, EntityKind.AGENCY, EntityKind.OTHER)


def resolve(
    doc: Document, quotes: Sequence[Quote], agencies: Sequence[AgencyMention]
) -> tuple[list[Quote], tuple[Entity, ...]]:
    """``quotes`` with ``speaker.name`` and ``speaker.entity`` filled in, and the article's entities."""
    table = collect(doc.text, doc.parse, agencies)
    quotes = named_subjects.with_named_subjects(doc, table, quotes)
    history: list[tuple[int, Candidate]] = []
    chosen: dict[int, Candidate | None] = {}
    cache: dict[tuple[int, int], Candidate | None] = {}
    moved: dict[tuple[int, int], Span | None] = {}
    ordered = sorted(quotes, key=lambda q: q.start)
    for number, quote in enumerate(ordered):
        speaker = quote.speaker
        if speaker is None or not speaker.spans:
            continue
        key = (speaker.start, speaker.end)
        if key not in cache:
            first_person = speaker.text.lower() in _FIRST_PERSON
            outer = _outer_speaker(ordered[:number], chosen, speaker) if first_person else None
            found = _resolve(doc, table, quote, speaker, history, outer, moved)
            if found is not None:
                pronoun = speaker.text.lower() in _PRONOUNS or speaker.text.lower() in _FIRST_PERSON
                found.add_mention(
                    Span(speaker.start, speaker.end), None if pronoun else own_words(speaker.text)
                )
            cache[key] = found
        candidate = cache[key]
        chosen[id(quote)] = candidate
        if candidate is not None:
            history.append((speaker.start, candidate))
    entities, ids = table.entities()
    resolved = []
    for quote in quotes:
        candidate = chosen.get(id(quote))
        speaker = quote.speaker
        new_span = moved.get((speaker.start, speaker.end)) if speaker is not None else None
        if new_span is not None:
            speaker = Speaker.from_spans(doc.text, [new_span])
        if speaker is not None and candidate is not None:
            named = attrs.evolve(speaker, name=candidate.name, entity=ids.get(id(candidate)))
            resolved.append(attrs.evolve(quote, speaker=named))
        elif quote.speaker is not None and (quote.speaker.start, quote.speaker.end) in moved:
            resolved.append(attrs.evolve(quote, speaker=None))  # the dateline, and nobody named
        else:
            resolved.append(quote)
    return resolved, entities


def _outer_speaker(
    earlier: Sequence[Quote], chosen: dict[int, Candidate | None], speaker: Speaker
) -> Candidate | None:
    """The speaker of the direct quotation whose words hold ``speaker`` (for „ich“, „wir“)."""
    for quote in reversed(earlier):
        if quote.type is QuoteType.DIRECT and any(c.start <= speaker.start < c.end for c in quote.content):
            return chosen.get(id(quote))
    return None


def _mention_words(doc: Document, speaker: Speaker) -> tuple[Sentence | None, list[Word]]:
    index = doc.sentence_index(speaker.start)
    if index is None:
        return None, []
    sentence = doc.sentences[index]
    words = sentence.words_within(speaker.spans)
    return sentence, words


def _resolve(
    doc: Document,
    table: Table,
    quote: Quote,
    speaker: Speaker,
    history: list[tuple[int, Candidate]],
    outer: Candidate | None,
    moved: dict[tuple[int, int], Span | None],
) -> Candidate | None:
    """The entity ``speaker`` refers to; a mention that was the dateline is recorded in
    ``moved`` with the span of the name that really speaks (``None``: nobody named)."""
    lower = speaker.text.lower()
    if lower in _FIRST_PERSON:
        return outer  # 1.
    if lower in _ANAPHORS:
        # „Demnach …“ stands for the report just mentioned: whoever spoke last, else nobody
        return history[-1][1] if history else None
    sentence, words = _mention_words(doc, speaker)
    if sentence is None or not words:
        return by_own_words(table, speaker)
    if _is_dateline(doc.text, speaker.start, speaker.end):
        # „Wien – Das war zu erwarten, sagt der Regisseur Paul Hofer“: the dateline is
        # no speaker; the person named in the sentence is, if there is one
        moved[(speaker.start, speaker.end)] = None
        for run in table.names_in(sentence):
            found = table.for_name(run.tokens, run.start) if run.start >= speaker.end else None
            if found is not None and found.kind is EntityKind.PERSON and not run.modifier:
                moved[(speaker.start, speaker.end)] = Span(run.start, run.end)
                return found
        return None
    name = quoted_name(speaker.text)
    if name is not None:  # „Wie „heise online“ berichtet“, „die „Aktion Deutschland hilft““
        return table.for_name(name, speaker.start) or table.add(EntityKind.ORGANISATION, name)
    head = words[0] if len(words) == 1 else head_word(words)
    head_lower = head.text.lower()
    # 2. a name that is the mention's referent: not a modifier or place in it, not behind an
    # article or preposition after its head („der Diplomat der Agentur Interfax“), and not
    # inside an organisation's name („die Polizei Wien“, „Arbeiterkammer Salzburg“)
    organisation_head = (
        head.upos == "NOUN" and cues.is_organisation(head.text) and not cues.is_role_noun(head.text)
    )
    for run in table.names_in(sentence):
        inside = run.start >= speaker.start and run.end <= speaker.end
        if not inside or run.modifier or run.place or _behind_head(words, head, run.start):
            continue
        if _is_dateline(doc.text, run.start, run.end):
            continue  # „Wien – Die Junge Kurie der Akademie …“: the mention begins with the dateline
        found = table.for_name(run.tokens, speaker.start)
        if found is None or (
            organisation_head and found.kind not in (EntityKind.AGENCY, EntityKind.ORGANISATION)
        ):
            continue  # „die Nachrichtenagentur KCNA“ is KCNA, „die Polizei Wien“ is not Wien
        if found.kind is EntityKind.PLACE:
            found.kind = EntityKind.ORGANISATION  # Washington reagierte: the government
        return found
    # „Angaben der Sprecherin“, „nach Einschätzung des Ministeriums“: the source's owner
    owner = _source_owner(words, head)
    if owner is not None:
        for run in table.names_in(sentence):
            # a whole name after an article or „von“ (not „des Auswärtigen | Amts“): „Einschätzung
            # des Robert Koch-Instituts“, „Angaben von Peter Beck“ are the name's
            before = sentence.word(run.words[0].id - 1) if run.words[0].id > 1 else None
            whole = before is not None and (before.upos == "DET" or before.text.lower() == "von")
            if whole and run.start <= owner.start and owner.end <= run.end and not run.modifier:
                named = table.for_name(run.tokens, speaker.start)
                if named is not None:
                    return named
        head, head_lower = owner, owner.text.lower()
        words = [w for w in words if w.id >= owner.id - 1 and w.id <= owner.id]
    acronym = _acronym_owner(head)
    if acronym is not None:  # „Nach VDV-Angaben“: the body behind the acronym
        return table.for_name([acronym], speaker.start) or table.add(EntityKind.ORGANISATION, [acronym])
    if head.upos == "NOUN" and len(words) == 2 and words[0].feat("Poss") == "Yes":
        return salience.possessor(words[0], history)  # „seiner Meinung nach“: the last speaker's
    # 3. personal pronouns
    if head.upos in ("PRON", "DET") and head_lower in _PRONOUNS:  # a demonstrative may be tagged DET
        gender, number = _PRONOUNS[head_lower]
        number = number or _verb_number(sentence, head, quote) or head.feat("Number")
        if gender is None and number != "Plur" and head_lower in ("sie", "die", "diese"):
            gender = "Fem"  # sie sagte: a woman
        if number == "Plur" and (group := _plural_subject(doc, table, speaker)) is not None:
            return group
        # „Overbeck habe … gebrochen, sagte er“: nobody named in the quote itself
        quoted = {
            t
            for run in table.names_in(sentence)
            if any(q.start <= run.start and run.end <= q.end for q in quote.content)
            for t in run.tokens
        }
        found = salience.salient(doc, table, speaker.start, gender, number, history, quoted)
        if found is not None and found.gender is None and number != "Plur" and gender is not None:
            found.gender = gender
        return found
    definite = _is_definite(sentence, head)
    # 4. role nouns, and nouns that describe a person („die Estin“, „der Schotte“,
    # „die Oberstdorferin“, „die Freisinnige“); the verb tells the number („sagte die 27-Jährige“)
    number = _verb_number(sentence, head, quote) or head.feat("Number")
    describes = cues.is_role_noun(head.text) or _AGE.match(head.text) or describes_person(head)
    if head.upos in ("NOUN", "PROPN") and describes:
        learned = table.with_role(head_lower, speaker.start)
        if learned is not None:
            return learned
        if definite and number != "Plur":
            gender = "Fem" if head_lower.endswith(("in", "innen")) and not _AGE.match(head.text) else None
            gender = gender or head.feat("Gender") or _article_gender(sentence, head)
            exclude = salience.co_arguments(sentence, head)
            # a description tells more of the person just named („Zweitbeste wurde Johanna
            # Puff-Lindner. …, sagte die Oberstdorferin“); a pronoun rather the last speaker
            just = salience.just_named(doc, table, speaker.start, gender, exclude)
            if just is not None and cues.is_role_noun(head.text) and _other_role(just, head_lower):
                just = None  # „die Kommissionschefin“ is not the spokeswoman just named
            found = just or salience.salient(doc, table, speaker.start, gender, "Sing", history, exclude)
            if found is not None and not found.known_only_as_another_role(head_lower):
                found.gender = found.gender or gender  # not „der Präsident“ for „der Intendant“
                return found
    # 5. organisation nouns
    if definite and head.upos == "NOUN" and cues.is_organisation(head.text) and len(words) <= 3:
        found = _organisation(table, head_lower, speaker.start)
        if found is None and len(words) == 2:
            found = salience.recent_body(doc, table, speaker.start, head_lower)
        if found is not None:
            return found
    return by_own_words(table, speaker, words)  # 6.


def _plural_subject(doc: Document, table: Table, speaker: Speaker) -> Candidate | None:
    """„Die Grünen begrüßten den Deckel. Sie verlangten aber, …“, „Wittkopp und ihr Kollege
    stellten die Ergebnisse vor. „…“, sagten sie“: a plural „sie“ takes the subject of the
    sentence before, if that is a group that can speak (a plural verb's subject)."""
    index = doc.sentence_index(speaker.start)
    if not index:
        return None
    sentence = doc.sentences[index - 1]
    words = _group_subject(sentence)
    if not words or any(doc.inside_quote(w) is not None for w in words):
        return None
    mention = Speaker.from_spans(doc.text, [Span(words[0].start, words[-1].end)])
    return by_own_words(table, mention, words)


def _group_subject(sentence: Sentence) -> list[Word]:
    """The subject of a plural verb, if a group that can speak: from the parse, or the
    Vorfeld where the sentence was only tagged."""
    main = participants.main_subject(sentence)
    if main is None:
        return []
    words = list(main.words)
    if sentence.parsed:
        root = main.verb
        finite = [w for w in (root, *sentence.children(root)) if w.feat("VerbForm") == "Fin"]
        if not finite or finite[0].feat("Number") != "Plur":
            return []
        who = main.head
    else:
        if main.verb.feat("Number") != "Plur":
            return []
        who = head_word(words) if words else None
    if who is None or who not in words or who.upos not in ("NOUN", "PROPN"):
        return []
    grouped = any(w.lemma.lower() in ("und", "sowie") or w.text in ("und", "sowie") for w in words)
    return words if participants.can_speak(who) or grouped else []


def _organisation(table: Table, noun: str, offset: int) -> Candidate | None:
    """The latest organisation or agency before ``offset`` whose name ends in ``noun``."""
    stem = noun.rstrip("s") if noun.endswith("ums") else noun
    found = [
        c
        for c in table.candidates
        if c.kind in _ORGANISATION_KINDS
        and c.mentioned_before(offset) >= 0
        and (
            c.tokens[-1].lower().endswith(stem)
            or any(role.endswith(stem) for role in c.roles)  # „der Softwarekonzern Quantera“
            or (c.kind is EntityKind.AGENCY and stem in ("agentur", "nachrichtenagentur"))
        )
    ]
    return max(found, key=lambda c: c.mentioned_before(offset), default=None)


def _source_owner(words: Sequence[Word], head: Word) -> Word | None:
    """The noun a source noun belongs to („Angaben der Sprecherin“ → Sprecherin)."""
    if head.upos != "NOUN" or not cues.is_source_noun(head.text):
        return None
    after = [w for w in words if w.id > head.id]
    if not after or after[0].text.lower() not in ("der", "des", "von", "vom", "eines", "einer"):
        return None
    return next((w for w in after[1:] if w.upos in ("NOUN", "PROPN")), None)


def _acronym_owner(head: Word) -> str | None:
    """The acronym a hyphenated source noun begins with: „VDV-Angaben“ → VDV."""
    prefix, _, rest = head.text.partition("-")
    if not rest or not (prefix.isupper() and len(prefix) > 1) or not cues.is_source_noun(rest):
        return None
    return prefix


_PARTY_MEMBERS = ("politiker", "republikaner", "demokrat")
"""Role nouns for a party's member („der CSU-Politiker“, „der Republikaner“): they go with
any office."""


def _other_role(candidate: Candidate, noun: str) -> bool:
    """Whether the article gave ``candidate`` roles, none of them ``noun``'s (a party's
    member is no other role than the office: „Gouverneur Greg Abbott …, sagte der Republikaner“)."""
    stem = role_stem(noun)
    if stem.endswith(_PARTY_MEMBERS):
        return False
    return bool(candidate.roles) and not any(role_stem(r).endswith(stem) for r in candidate.roles)


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline's place: at the start of a sentence or line,
    followed by a dash (perhaps after an agency in brackets)."""
    before = _DATELINE_BEFORE.search(text, max(0, start - 4), start)
    return before is not None and _DATELINE.match(text, end) is not None


def _behind_head(words: list[Word], head: Word, start: int) -> bool:
    """Whether an article or preposition stands between a noun head and ``start``: „der Diplomat
    [der Agentur Interfax]“, „der Bürgermeister [auf Telegram]“; after an apposition's comma a
    second article („Angaben von X, dem Leiter [der Klinik]“), not the first („…, der Staatsrat Y“)."""
    if head.upos != "NOUN" or head.start >= start:
        return False
    commas = [w for w in words if w.text == "," and head.end <= w.start < start]
    between = [w for w in words if (commas[-1].end if commas else head.end) <= w.start < start]
    articles = sum(w.upos == "DET" for w in between)
    return any(w.upos == "ADP" for w in between) or articles > (1 if commas else 0)


def _verb_number(sentence: Sentence, pronoun: Word, quote: Quote) -> str | None:
    """Singular or plural from the verb the pronoun agrees with (sie sagte / sie sagten)."""
    head = sentence.head_of(pronoun)
    if head is not None and head.upos in ("VERB", "AUX") and head.feat("Number"):
        return head.feat("Number")
    if quote.cue is not None:
        for w in sentence.words:
            if quote.cue.start <= w.start < quote.cue.end and w.upos in ("VERB", "AUX") and w.feat("Number"):
                return w.feat("Number")
    return None


def _is_definite(sentence: Sentence, head: Word) -> bool:
    """„der Kremlchef“, „dieser Diplomat“ (the article may hang elsewhere in a bad parse)."""
    for child in sentence.children(head):
        if child.deprel == "det" and child.text.lower() in _DEFINITE:
            return True
    i = head.id - 1
    while i >= 1 and sentence.word(i).upos in ("ADJ", "NUM", "PROPN") and i > head.id - 4:
        i -= 1
    return i >= 1 and sentence.word(i).text.lower() in _DEFINITE


def _article_gender(sentence: Sentence, head: Word) -> str | None:
    i = head.id - 1
    while i >= 1 and sentence.word(i).upos in ("ADJ", "NUM"):
        i -= 1
    article = sentence.word(i).text.lower() if i >= 1 else ""
    return {"der": "Masc", "dem": "Masc", "den": "Masc", "die": "Fem"}.get(article)
