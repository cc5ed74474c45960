"""The CSS of quotable's pages, cut down to what a page uses.

One stylesheet (``quotable/data/view.css``) serves the article view, the quote
table and the report.  Every page inlines it, so each page takes only the rules
whose classes and elements its markup uses: an article without agencies carries
no agency styles, a quote table no chart styles.  That keeps a short article's page small.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

_COMMENT = regex.compile(r"/\*.*?\*/", flags=regex.DOTALL)
# a top-level rule, or an @media block holding rules
_RULE = regex.compile(
    r"(?P<media>@media[^{]*)\{(?P<inner>(?:[^{}]*\{[^{}]*\})*)\}|(?P<sel>[^{}]+)\{(?P<body>[^{}]*)\}"
)
_CLASS_ATTRIBUTE = regex.compile(r'\bclass="([^"]*)"')
_CLASS = regex.compile(r"\.([A-Za-z_][\w-]*)")
# what a selector says besides its element names: classes, attributes, pseudo-classes and -elements
_NOT_ELEMENT = regex.compile(r"\.[\w-]+|\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?")
_ELEMENT = regex.compile(r"[a-z][a-z0-9]*")
_TAG = regex.compile(r"<([a-z][a-z0-9]*)")
ROOT = "quotable"
"""The class of every page's root element, which scopes the stylesheet's rules."""


@functools.cache
def stylesheet() -> str:
    """The whole stylesheet, comments and extra white space removed."""
    css = resources.files("quotable.data").joinpath("view.css").read_text(encoding="utf-8")
    return regex.sub(r"\s*\n\s*", "", _COMMENT.sub("", css)).strip()


def _applies(selector: str, classes: frozenset[str], tags: frozenset[str]) -> bool:
    elements = set(_ELEMENT.findall(_NOT_ELEMENT.sub(" ", selector)))
    return set(_CLASS.findall(selector)) <= classes and elements <= tags


def _shake(css: str, classes: frozenset[str], tags: frozenset[str]) -> str:
    out = []
    for rule in _RULE.finditer(css):
        if rule.group("media"):
            inner = _shake(rule.group("inner"), classes, tags)
            if inner:
                out.append(f"{rule.group('media')}{{{inner}}}")
            continue
        kept = [s for s in rule.group("sel").split(",") if _applies(s, classes, tags)]
        if kept:
            out.append(f"{','.join(kept)}{{{rule.group('body')}}}")
    return "".join(out)


def for_markup(markup: str) -> str:
    """The rules that ``markup`` (inside the root element) can use: their classes and elements occur in it."""
    classes = {name for value in _CLASS_ATTRIBUTE.findall(markup) for name in value.split()}
    return _shake(stylesheet(), frozenset({ROOT, *classes}), frozenset({"div", *_TAG.findall(markup)}))
