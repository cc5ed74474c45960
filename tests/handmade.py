"""A German article written for the view, export and report tests, with its result built by hand.

Built by hand (not by the attributor) so that the tests control every case: an
entity with feminine and one with masculine grammatical gender, a partial quote
nested in indirect speech, a quote without a speaker, one whose speaker is only a
mention, agencies as dateline, relay and credit.
"""

from __future__ import annotations

from quotable.model import (
    AgencyMention,
    AgencyRole,
    Attribution,
    Cue,
    Entity,
    EntityKind,
    Gender,
    Medium,
    Mention,
    Quote,
    QuoteType,
    Span,
    Speaker,
)

TEXT = (
    "Hamburg (dpa) - Die Senatorin Petra Lange sagte am Dienstag: „Der Hafen bleibt offen, "
    "auch im Winter.“ Ihr Sprecher Tom Berg ergänzte, die Arbeiten seien „gut im Plan“. "
    "Laut der Nachrichtenagentur AFP soll der Bund zahlen. "
    "„Wir sind nicht zuständig“, sagte dagegen ein Ministeriumssprecher.\n\nab/cd (dpa, afp)"
)


def span(fragment: str, text: str = TEXT, after: int = 0) -> Span:
    """Where ``fragment`` first stands in ``text`` (at or after ``after``)."""
    start = text.index(fragment, after)
    return Span(start, start + len(fragment))


def mention(fragment: str, after: int = 0) -> Mention:
    return Mention(fragment, (span(fragment, after=after),))


def inner(s: Span) -> Span:
    """A direct quote's content: its span without the quotation marks."""
    return Span(s.start + 1, s.end - 1)


def result() -> Attribution:
    hafen = span("„Der Hafen bleibt offen, auch im Winter.“")
    plan = span("„gut im Plan“")
    reported = span("die Arbeiten seien „gut im Plan“")
    bund = span("soll der Bund zahlen")
    zustaendig = span("„Wir sind nicht zuständig“")
    lange = Speaker("Die Senatorin Petra Lange", (span("Die Senatorin Petra Lange"),), "Petra Lange", "e1")
    berg = Speaker("Ihr Sprecher Tom Berg", (span("Ihr Sprecher Tom Berg"),), "Tom Berg", "e2")
    sagte = Cue("sagte", (span("sagte"),), "sagen")
    ergaenzte = Cue("ergänzte", (span("ergänzte"),), "ergänzen")
    quotes = (
        Quote(
            QuoteType.DIRECT,
            (hafen,),
            (inner(hafen),),
            inner(hafen).of(TEXT),
            speaker=lange,
            cue=sagte,
            addressee=None,
            medium=Medium.SPEECH,
            confidence=0.93,
            rule="direct.cue_before",
        ),
        Quote(
            QuoteType.INDIRECT,
            (reported,),
            (reported,),
            reported.of(TEXT),
            speaker=berg,
            cue=ergaenzte,
            addressee=mention("am Dienstag"),
            medium=Medium.SPEECH,
            confidence=0.8,
            rule="indirect.konjunktiv",
        ),
        Quote(
            QuoteType.DIRECT,
            (plan,),
            (inner(plan),),
            inner(plan).of(TEXT),
            nested=True,
            speaker=berg,
            cue=ergaenzte,
            medium=Medium.SPEECH,
            confidence=0.7,
            rule="direct.fragment_in_indirect",
        ),
        Quote(
            QuoteType.FREE_INDIRECT,
            (bund,),
            (bund,),
            bund.of(TEXT),
            via="AFP",
            confidence=0.6,
            rule="free_indirect.sollen",
        ),
        Quote(
            QuoteType.DIRECT,
            (zustaendig,),
            (inner(zustaendig),),
            inner(zustaendig).of(TEXT),
            speaker=Speaker("ein Ministeriumssprecher", (span("ein Ministeriumssprecher"),)),
            cue=Cue("sagte", (span("sagte", after=zustaendig.end),), "sagen"),
            medium=Medium.SPEECH,
            confidence=0.9,
            rule="direct.cue_after",
        ),
    )
    credit = TEXT.rindex("(dpa, afp)")
    agencies = (
        AgencyMention("dpa", AgencyRole.DATELINE, "dpa", span("dpa")),
        AgencyMention("AFP", AgencyRole.VIA, "AFP", span("AFP")),
        AgencyMention("dpa", AgencyRole.CREDIT, "dpa", Span(credit + 1, credit + 4)),
        AgencyMention("AFP", AgencyRole.CREDIT, "afp", Span(credit + 6, credit + 9)),
    )
    entities = (
        Entity(
            "e1",
            EntityKind.PERSON,
            "Petra Lange",
            ("Die Senatorin",),
            (Mention(lange.text, lange.spans),),
            Gender.FEM,
        ),
        Entity(
            "e2",
            EntityKind.PERSON,
            "Tom Berg",
            ("Ihr Sprecher",),
            (Mention(berg.text, berg.spans),),
            Gender.MASC,
        ),
    )
    return Attribution(quotes, agencies, "handmade", entities)


LABELS = ["Petra Lange", "Tom Berg", "Tom Berg", None, "ein Ministeriumssprecher"]
"""Each quote's speaker label, as :func:`quotable.view.speaker_labels` should give it."""
