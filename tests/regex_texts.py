"""Synthetic German news texts for the regex stages' golden test (tests/test_regex_golden.py).

Written for quotable, not taken from any corpus: sentences assembled by a seeded
random generator from the pieces below, so that every text is the same on every
machine.  They mix what the regex stages look at — every quote-mark style,
nesting, quotes over paragraphs, unbalanced marks, apostrophes, titles and
scare quotes; datelines, credit lines, relays and agency names in every scope —
with odd white space and line breaks.
"""

from __future__ import annotations

import random

COUNT = 400
"""How many texts :func:`texts` makes."""

PEOPLE = [
    "die Ministerin",
    "der Bürgermeister",
    "Anna Schneider",
    "Kanzler Merz",
    "der Sprecher des Verbands",
    "die Polizei",
    "ein Anwohner",
    "Hans Meier",
    "die Vorsitzende der Grünen",
    "Putin",
]
VERBS = ["sagte", "erklärte", "betonte", "teilte mit", "kritisierte", "schrieb", "meinte", "warnte"]
SAYINGS = [
    "Wir prüfen den Vorschlag sehr genau",
    "Das ist ein guter Tag für die Stadt",
    "Niemand hat die Absicht, eine Mauer zu errichten",
    "Wir werden das Projekt bis zum Herbst abschließen",
    "Das geht so nicht weiter",
    "Es gibt keinen Grund zur Sorge",
    "Man hat’s uns nicht leicht gemacht",
    "Merz’ Plan ist gescheitert",
    "Die 90er sind vorbei",
    "Ich weiß nicht, ob das reicht",
    "So 'n Unsinn",
    "Wir bleiben hier",
]
TITLES = [
    "der Film {o}Das Boot{c}",
    "die sogenannte {o}Brandmauer{c}",
    "das Buch {o}Die Blechtrommel{c}",
    "unter dem Motto {o}Gemeinsam stark{c}",
    "die {o}Reform{c}",
    "das Unwort {o}Remigration{c}",
]
MARKS = [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), (",,", "“"), ("“", "”"), ("„", "”")]
INNER = [("‚", "‘"), ("›", "‹"), ("'", "'")]
PLACES = ["Berlin", "MOSKAU", "Frankfurt am Main", "Wien", "Zürich", "Kiew", "Paris/Brüssel", "New York"]
AGENCIES = [
    "dpa",
    "AFP",
    "Reuters",
    "AP",
    "epd",
    "KNA",
    "APA",
    "SDA",
    "Interfax",
    "TASS",
    "RIA Nowosti",
    "Yonhap",
    "Xinhua",
    "Kyodo",
    "Anadolu",
    "EFE",
    "ANSA",
    "Deutschen Presse-Agentur",
    "Associated Press",
    "Agence France-Presse",
    "dts",
    "SID",
]
CREDITS = [
    "wa/fab (dpa, afp, rtr)",
    "AFP/jbe",
    "dpa/lno",
    "(AFP, dpa)",
    "Quelle: Reuters",
    "Mit Material von dpa und AFP",
    "Mit Material der Nachrichtenagenturen dpa und AP",
    "rtr/ap",
    "(sda)",
    "kna/epd",
    "AP",
    "afp",
]
RELAYS = [
    "laut {a}",
    "sagte er der {a}",
    "wie die Agentur {a} meldete",
    "der Agentur {a} zufolge",
    "berichtete die Nachrichtenagentur {a}",
    "nach Angaben von {a}",
    "unter Berufung auf {a}",
    "die {a} und die AFP",
    "meldete {a}",
]
FILLER = [
    "Der Stadtrat tagt am Montag.",
    "Die Opposition spricht von einer Verzögerung.",
    "Das Auswärtige Amt (AA) äußerte sich nicht.",
    "Der AA-Vorstand kam um 10.30 Uhr zusammen.",
    "Die Preise stiegen um 3,5 Prozent.",
    "Im Jahr 2025 war alles anders.",
    "Er geht’s an, sie nicht.",
    "Die Hans'sche Methode hilft.",
    "Bei RIA gibt es nichts Neues.",
    "Die AP-Schule bleibt geschlossen.",
]
SPACES = [" ", " ", " ", " ", "  ", "\u00a0", "\t", "\u202f"]
BREAKS = ["\n\n", "\n", "\r\n", "\r\n\r\n", "\u2028", "\n \n"]


def _quote(rng: random.Random) -> str:
    opening, closing = rng.choice(MARKS)
    saying = rng.choice(SAYINGS)
    if rng.random() < 0.25:
        inner_open, inner_close = rng.choice(INNER)
        saying += f", auch {inner_open}{rng.choice(SAYINGS)}{inner_close}"
    saying += rng.choice(["", ".", "!", "?", "…"])
    if rng.random() < 0.08:
        closing = ""  # unbalanced: the quote closes at its paragraph's end
    who = f"{rng.choice(VERBS)} {rng.choice(PEOPLE)}"
    return rng.choice(
        [
            f"{opening}{saying}{closing}, {who}.",
            f"{_capitalised(rng.choice(PEOPLE))} {rng.choice(VERBS)}: {opening}{saying}{closing}",
            f"{opening}{saying}{closing}",
            f"{opening}{saying}{closing}, so {rng.choice(PEOPLE)}.",
            f"Es sei {opening}{rng.choice(SAYINGS).split()[-1]}{closing}, {who}.",
        ]
    )


def _capitalised(words: str) -> str:
    return words[0].upper() + words[1:]


def _sentence(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return _quote(rng)
    if roll < 0.5:
        opening, closing = rng.choice(MARKS)
        return f"Gezeigt wurde {rng.choice(TITLES).format(o=opening, c=closing)}."
    if roll < 0.7:
        relay = rng.choice(RELAYS).format(a=rng.choice(AGENCIES))
        return f"Das Treffen fand statt, {relay}."
    if roll < 0.75:
        return rng.choice(["Ein einzelnes „ steht hier.", "Und ein » allein.", "Hier endet “ etwas.", '"'])
    return rng.choice(FILLER)


def _paragraph(rng: random.Random) -> str:
    space = rng.choice(SPACES)
    return space.join(_sentence(rng) for _ in range(rng.randint(1, 6)))


def text(seed: int) -> str:
    """One synthetic article: maybe a dateline, paragraphs, maybe a quote over paragraphs, a credit line."""
    rng = random.Random(seed)
    parts = [_paragraph(rng) for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.5:
        place, agency = rng.choice(PLACES), rng.choice(AGENCIES[:8])
        dash = rng.choice(["-", "–", "—"])
        parts[0] = rng.choice([f"{place} ({agency}) {dash} ", f"({agency}) {place} {dash} "]) + parts[0]
    if rng.random() < 0.2:
        opening, _ = rng.choice(MARKS[:3])
        closing = {"„": "“", "»": "«", "«": "»"}[opening]
        parts.insert(
            rng.randint(0, len(parts)),
            f"{opening}{rng.choice(SAYINGS)}.{rng.choice(BREAKS[:2])}{opening}{rng.choice(SAYINGS)}.{closing}",
        )
    if rng.random() < 0.6:
        parts.append(rng.choice(CREDITS))
    result = parts[0]
    for part in parts[1:]:
        result += rng.choice(BREAKS) + part
    return result + rng.choice(["", "\n", " ", "\n\n"])


def texts() -> list[str]:
    return [text(seed) for seed in range(COUNT)]
