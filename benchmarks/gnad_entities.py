"""Datelines and dated credit lines over real Austrian news (10kGNAD, no gold).

    OMP_NUM_THREADS=1 python benchmarks/gnad_entities.py [--articles PATH] [--limit N]

Two counts the entity stage must keep at zero, over derStandard.at articles
(``../shared/data/10kgnad/articles.jsonl``, read from the path, never copied):

* **dateline places as speakers**: the city of an article's dateline
  (``Wien –`` / ``Kairo (APA) –``) that the article names nowhere else must never
  be a quote's ``speaker.name`` (an „er“ or „der Angeklagte“ resolved to it);
* **dated credit lines**: every agency in a credit line with a date —
  ``(APA, 11.9.2015)``, ``(red, APA, 3.4.2016)``, ``(Reuters, 25.5.2016)`` — must
  have the role ``credit``.

Prints the counts and the first offending cases (document id and names only).
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

from quotable import AgencyRole, Attributor

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gnad_articles  # benchmarks/ is not a package

_DATELINE = regex.compile(
    r"(?:^|(?<=[.!?:\"“]\s))(\p{Lu}[\p{L}.\-]+(?:\s\p{Lu}[\p{L}.\-]+)?)\s(?:\([^()]{1,30}\)\s)?[–-]\s"
)
"""A dateline: a capitalised place (one or two words), perhaps an agency in brackets, a dash."""
_DATED_CREDIT = regex.compile(r"\((?:[^()\n]{1,60}[,/]\s*)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\)")


def dateline_place(text: str) -> str | None:
    """The dateline's place, if the article has one in its first 600 characters."""
    match = _DATELINE.search(text, 0, 600)
    return match.group(1) if match else None


def main(argv: list[str] | None = None) -> int:
    args, records = gnad_articles.read("gnad_entities", __doc__.splitlines()[0] if __doc__ else None, argv)
    attributor = Attributor(args.model)
    datelines = only_there = as_speaker = 0
    credits = credit_agencies = credit_right = 0
    examples: list[str] = []
    texts = [r["text"] for r in records]
    for record, result in zip(records, attributor.attribute_many(texts, batch_size=8), strict=True):
        text = record["text"]
        place = dateline_place(text)
        if place is not None:
            datelines += 1
            if len(regex.findall(rf"\b{regex.escape(place)}\b", text)) == 1:
                only_there += 1
                wrong = [q for q in result.quotes if q.speaker and q.speaker.name == place]
                as_speaker += len(wrong)
                if wrong and len(examples) < 10:
                    examples.append(
                        f"article {record['id']}: dateline {place!r} named as the speaker of {len(wrong)}"
                    )
        for credit in _DATED_CREDIT.finditer(text):
            inside = [a for a in result.agencies if credit.start() <= a.span.start < credit.end()]
            if not inside:
                continue
            credits += 1
            credit_agencies += len(inside)
            credit_right += sum(a.role is AgencyRole.CREDIT for a in inside)
            if any(a.role is not AgencyRole.CREDIT for a in inside) and len(examples) < 10:
                examples.append(
                    f"article {record['id']}: {credit.group()!r} has roles {[a.role.value for a in inside]}"
                )
    print(f"articles                                 {len(records):>6,}")
    print(f"with a dateline                          {datelines:>6,}")
    print(f"  whose place is named only there        {only_there:>6,}")
    print(f"  quotes naming that place as speaker    {as_speaker:>6,}")
    print(f"dated credit lines with an agency        {credits:>6,}")
    print(f"  agencies in them                       {credit_agencies:>6,}")
    print(f"  of those with the role credit          {credit_right:>6,}")
    for example in examples:
        print("  " + example)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
