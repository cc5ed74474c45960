"""Inline markup over a text from character spans: escaped, properly nested, never broken.

Spans may nest (a partial quote inside reported speech) and cross (a quote that
starts inside another one's speaker mention).  :func:`render` builds the markup from
the sorted list of span boundaries: at each boundary the elements that end there are
closed, the ones above them on the stack closed first and reopened after (an element
is split where spans cross), then the elements that start there are opened, outer
(longer) ones first.  Every piece of text between two boundaries is HTML-escaped, so
``<script>``, ``"><`` or ``&amp;`` in the text appear as those characters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import attrs
import regex

_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# C0 controls other than tab, newline and carriage return are not allowed in HTML text
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """``text`` as HTML text or attribute value: ``& < > " '`` escaped, unencodable code points replaced.

    A lone surrogate (which has no UTF-8 form) and a control character become U+FFFD,
    one code point for one, so that the page can always be written.
    """
    return html.escape(_CONTROL.sub("\ufffd", _SURROGATE.sub("\ufffd", text)), quote=True)


@attrs.frozen
class Layer:
    """One element to wrap around ``[start, end)`` of the text.

    ``tag`` is the element name, ``attributes`` its (name, value) pairs, values
    unescaped.  ``rank`` orders elements that cover the same range: the lower rank is
    outside.  ``first`` holds extra attributes for the first piece only, when the
    element has to be split (a label drawn once, not on every piece).
    """

    start: int
    end: int
    tag: str = "span"
    attributes: tuple[tuple[str, str], ...] = ()
    rank: int = 0
    first: tuple[tuple[str, str], ...] = ()


def _open(layer: Layer, piece: int) -> str:
    pairs = layer.attributes + (layer.first if piece == 0 else ())
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in pairs)
    return f"<{layer.tag}{attributes}>"


def render(text: str, layers: Iterable[Layer]) -> str:
    """``text`` escaped, with every layer's element around its range (see the module docstring).

    Layers that are empty or reach outside the text are left out; the result is
    always well-formed: every element opened is closed, in reverse order.
    """
    kept = [(i, layer) for i, layer in enumerate(layers) if 0 <= layer.start < layer.end <= len(text)]
    # outer first: earlier start, then longer, then lower rank, then input order
    kept.sort(key=lambda item: (item[1].start, -item[1].end, item[1].rank, item[0]))
    order = {i: position for position, (i, _) in enumerate(kept)}
    starts: dict[int, list[tuple[int, Layer]]] = {}
    for i, layer in kept:
        starts.setdefault(layer.start, []).append((i, layer))
    boundaries = sorted(
        {0, len(text)} | {layer.start for _, layer in kept} | {layer.end for _, layer in kept}
    )

    out: list[str] = []
    stack: list[tuple[int, Layer]] = []
    pieces: dict[int, int] = {}
    for position, next_position in zip(boundaries, [*boundaries[1:], None], strict=True):
        if any(layer.end == position for _, layer in stack):
            # close down to the outermost element that ends here, then reopen the ones that go on
            depth = min(d for d, (_, layer) in enumerate(stack) if layer.end == position)
            closed = stack[depth:]
            del stack[depth:]
            out.extend(f"</{layer.tag}>" for _, layer in reversed(closed))
            reopen = [item for item in closed if item[1].end != position]
            opening = reopen + starts.get(position, [])
        else:
            opening = list(starts.get(position, []))
        opening.sort(key=lambda item: (-item[1].end, item[1].rank, order[item[0]]))
        for i, layer in opening:
            out.append(_open(layer, pieces.get(i, 0)))
            pieces[i] = pieces.get(i, 0) + 1
            stack.append((i, layer))
        if next_position is not None:
            out.append(escape(text[position:next_position]))
    out.extend(f"</{layer.tag}>" for _, layer in reversed(stack))
    return "".join(out)


def attributes(pairs: Sequence[tuple[str, str | None]]) -> tuple[tuple[str, str], ...]:
    """The pairs whose value is set (``None`` values left out)."""
    return tuple((name, value) for name, value in pairs if value is not None)
