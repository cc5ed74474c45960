"""Well-known people by the names news gives them (``data/notable_people.tsv``): a
variant spelling („Kim Jong-un“ for „Kim Jong Un“) or a bare surname („Selenskyj“)
to the canonical name.  Read by :mod:`quotable.entities` and
:mod:`quotable.named_subjects`."""

from __future__ import annotations

import functools

import regex

from quotable import lexicon


@functools.cache
def _notable() -> tuple[dict[str, str], dict[str, str]]:
    """``notable_people.tsv``: variant → canonical name, and bare surname → canonical name."""
    variants: dict[str, str] = {}
    surnames: dict[str, str] = {}
    for canonical, listed in lexicon.table("notable_people.tsv", 2):
        for variant in (v.strip() for v in listed.split(",")):
            if not variant:
                continue
            (surnames if " " not in variant else variants)[variant] = canonical
    return variants, surnames


def notable_name(name: str, *, unique_surname: bool) -> str | None:
    """The canonical name of a well-known person named ``name`` (a variant spelling, or a
    bare surname when no other person of the article bears it), else None."""
    variants, surnames = _notable()
    if " " not in name:
        return surnames.get(name) if unique_surname else None
    canonical = variants.get(name)
    # the article's own full name stands (Vitali Klitschko); only its spacing may differ (Kim Jong-un)
    return canonical if canonical is not None and _squashed(canonical) == _squashed(name) else None


def is_notable(name: str) -> bool:
    """Whether ``name`` is one of the ways ``notable_people.tsv`` lists a well-known person."""
    return notable_canonical(name) is not None


def notable_canonical(name: str) -> str | None:
    """The canonical name ``notable_people.tsv`` gives for ``name`` (a listed variant or
    surname), else None."""
    variants, surnames = _notable()
    return variants.get(name) or surnames.get(name)


def _squashed(name: str) -> str:
    return regex.sub(r"[\s\-‐]", "", name).casefold()
