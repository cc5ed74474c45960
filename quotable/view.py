"""The article view: the article's own text with every quotation highlighted, coloured by speaker.

    html = quotable.html(text, result)        # a whole, self-contained HTML page (a str)
    quotable html article.txt -o view.html    # the same from the command line

One colour per speaker (by :func:`quotable.table.speaker_of`), one label (``S1``,
``S2`` …) per speaker drawn at the start of each quote and in the legend, so that
colour is never the only signal; direct quotes are filled and underlined, indirect
speech italic with a dashed underline, partial quotes nested inside their parent with
a double underline.  The speaker mention is boxed, the cue bold, agencies tagged
with their role.  Hovering a quote shows its speaker, type, cue, addressee, via,
medium, confidence and rule (a ``title`` tooltip: no JavaScript).  The page has its
CSS inline and fetches nothing; a Content-Security-Policy forbids scripts anyway.

Why the page is built from ``(text, result)``: an :class:`~quotable.model.Attribution`
holds offsets, not the text, and storing the text in the frozen result would change
its equality and its JSON.  So ``Attribution._repr_html_`` (what Jupyter shows for a
result) renders what a result holds on its own, the table of its quotes
(:func:`quotes_table`); the inline article needs the text and is
``quotable.html(text, result)``, whose return value is a ``str`` that Jupyter also
displays as HTML.
"""

from __future__ import annotations

import colorsys
import sys
from collections import Counter
from collections.abc import Sequence

from quotable.markup import Layer, attributes, escape, render
from quotable.model import AgencyRole, Attribution, Quote, QuoteType
from quotable.styles import for_markup
from quotable.table import speaker_of

TYPE_NAMES = {
    QuoteType.DIRECT: "direct quote",
    QuoteType.INDIRECT: "indirect speech",
    QuoteType.FREE_INDIRECT: "free indirect speech (hearsay)",
    QuoteType.INDIRECT_FREE_INDIRECT: "continued indirect speech",
    QuoteType.REPORTED: "reported speech act",
}
ROLE_NAMES = {
    AgencyRole.CREDIT: "credit line",
    AgencyRole.DATELINE: "dateline",
    AgencyRole.VIA: "relayed via",
    AgencyRole.MENTION: "mentioned",
}
# hues far apart for the first speakers of a page; later ones step by the golden angle
_HUES = (210, 28, 135, 340, 270, 185, 50, 0, 95, 300, 240, 18)


def colours(number: int) -> tuple[str, str]:
    """Speaker ``number``'s light tint (behind black text) and dark shade (behind white text)."""
    hue = _HUES[number - 1] if number <= len(_HUES) else (number * 137.508) % 360
    # past the curated hues, neighbours on the colour wheel differ in lightness too
    step = 0 if number <= len(_HUES) else number % 3

    def hex_of(lightness: float, saturation: float) -> str:
        r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
        return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"

    return hex_of(0.88 + 0.03 * (step - 1) * (step > 0), 0.75), hex_of(0.27 - 0.03 * step, 0.65)


class Palette:
    """Speaker labels → numbers (1, 2 … in order of first appearance on the page; 0 is unknown)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, label: str | None) -> int:
        if label is None:
            return 0
        return self.numbers.setdefault(label, len(self.numbers) + 1)

    def css(self) -> str:
        return "".join(
            f".quotable .s{n}{{--bg:{bg};--fg:{fg}}}"
            for n in self.numbers.values()
            for bg, fg in [colours(n)]
        )


def speaker_labels(result: Attribution) -> list[str | None]:
    """Each quote's speaker label (``None``: unknown); distinct speakers of one name told apart by id."""
    by_label: dict[str, str] = {}
    labels: list[str | None] = []
    for quote in result.quotes:
        speaker = speaker_of(quote, result)
        if speaker.by == "unknown":
            labels.append(None)
            continue
        label = speaker.label
        if by_label.setdefault(label, speaker.key) != speaker.key:
            label = f"{label} ({speaker.key})"
        labels.append(label)
    return labels


def quote_title(quote: Quote, label: str | None) -> str:
    """The tooltip of a quote: speaker, type, cue, addressee, via, medium, confidence, rule."""
    kind = "partial quote (nested)" if quote.nested else TYPE_NAMES[quote.type]
    mention = quote.speaker.text if quote.speaker is not None else None
    who = label or "unknown speaker"
    if mention and mention != label:
        who += f" („{mention}“)"
    lines = [
        f"{who}: {kind}",
        f"cue: {quote.cue.text if quote.cue else '–'}",
        f"addressee: {quote.addressee.text if quote.addressee else '–'}",
        f"via: {quote.via or '–'}",
        f"medium: {quote.medium.value if quote.medium else '–'}",
        f"confidence: {quote.confidence:.2f}",
        f"rule: {quote.rule or '–'}",
    ]
    return "\n".join(lines)


def _layers(result: Attribution, labels: Sequence[str | None], palette: Palette) -> list[Layer]:
    layers: list[Layer] = []
    marked: set[tuple[str, int, int]] = set()

    def once(kind: str, start: int, end: int) -> bool:
        seen = (kind, start, end) in marked
        marked.add((kind, start, end))
        return not seen

    for i, (quote, label) in enumerate(zip(result.quotes, labels, strict=True)):
        number = palette.number(label)
        style = "qd" if quote.type is QuoteType.DIRECT else "qi"
        css = f"q {style} s{number}" + (" qn" if quote.nested else "")
        pairs = attributes(
            [
                ("class", css),
                ("data-q", str(i)),
                ("data-speaker", label),
                ("title", quote_title(quote, label)),
            ]
        )
        for j, span in enumerate(quote.spans):
            first = (("data-l", f"S{number}" if number else "?"),) if j == 0 else ()
            layers.append(
                Layer(span.start, span.end, attributes=pairs, rank=1 if quote.nested else 0, first=first)
            )
        who = label or "unknown speaker"
        if quote.speaker is not None:
            for span in quote.speaker.spans:
                if once("m", span.start, span.end):
                    title = f"speaker: {who}"
                    layers.append(
                        Layer(
                            span.start,
                            span.end,
                            attributes=(("class", f"m s{number}"), ("title", title)),
                            rank=2,
                        )
                    )
        if quote.cue is not None:
            lemma = f" ({quote.cue.lemma})" if quote.cue.lemma and quote.cue.lemma != quote.cue.text else ""
            for span in quote.cue.spans:
                if once("c", span.start, span.end):
                    title = f"cue: {quote.cue.text}{lemma}"
                    layers.append(
                        Layer(span.start, span.end, attributes=(("class", "c"), ("title", title)), rank=3)
                    )
        if quote.addressee is not None:
            for span in quote.addressee.spans:
                if once("a", span.start, span.end):
                    title = f"addressee: {quote.addressee.text}"
                    layers.append(
                        Layer(span.start, span.end, attributes=(("class", "a"), ("title", title)), rank=4)
                    )
    for agency in result.agencies:
        title = f"agency: {agency.name} ({ROLE_NAMES[agency.role]})"
        pairs = (("class", "ag"), ("data-role", agency.role.value), ("title", title))
        layers.append(Layer(agency.span.start, agency.span.end, attributes=pairs, rank=5))
    return layers


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def legend(result: Attribution, labels: Sequence[str | None], palette: Palette) -> str:
    """The speakers of one article with their number of quotes (most quoted first), and the key."""
    counts = Counter(labels)
    types: dict[str | None, Counter[str]] = {}
    for quote, label in zip(result.quotes, labels, strict=True):
        types.setdefault(label, Counter())["direct" if quote.type is QuoteType.DIRECT else "indirect"] += 1
    items = []
    for label, count in sorted(counts.items(), key=lambda item: (-item[1], palette.number(item[0]))):
        number = palette.number(label)
        name = label or "unknown speaker"
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(types[label].items()))
        items.append(
            f'<li class="s{number}" data-speaker="{escape(label or "")}" data-count="{count}">'
            f'<span class="sw">{f"S{number}" if number else "?"}</span>{escape(name)} — '
            f"{_plural(count, 'quote')} ({detail})</li>"
        )
    speakers = f"<ol>{''.join(items)}</ol>"
    quotes = result.quotes
    samples = [
        (
            any(q.type is QuoteType.DIRECT and not q.nested for q in quotes),
            '<span class="q qd s0">„direct quote“</span>',
        ),
        (any(q.type is not QuoteType.DIRECT for q in quotes), '<span class="q qi s0">indirect speech</span>'),
        (any(q.nested for q in quotes), '<span class="q qd qn s0">partial quote</span> (nested)'),
        (any(q.speaker and q.speaker.spans for q in quotes), '<span class="m s0">speaker</span>'),
        (any(q.cue and q.cue.spans for q in quotes), '<span class="c">cue</span>'),
        (any(q.addressee and q.addressee.spans for q in quotes), '<span class="a">addressee</span>'),
        (bool(result.agencies), '<span class="ag" data-role="role">agency</span>'),
    ]
    shown = "".join(f"<span>{sample}</span>" for present, sample in samples if present)
    key = f'<p class="key">{shown}</p>' if shown else ""
    return f'<div class="legend"><h3>Speakers</h3>{speakers}{key}</div>'


def article(text: str, result: Attribution, palette: Palette, heading: str | None = None) -> str:
    """One article's section: heading, summary line, legend (when there are quotes), the marked-up text."""
    labels = speaker_labels(result)
    body = render(text, _layers(result, labels, palette))
    speakers = {label for label in labels if label is not None}
    agencies = ", ".join(f"{a.name} ({a.role.value})" for a in result.agencies) or "none"
    found = (
        f"{_plural(len(result.quotes), 'quote')} by {_plural(len(speakers), 'named speaker')}"
        if result.quotes
        else "no quotations found"
    )
    summary = f"{found} · agencies: {agencies} · model: {result.model or 'none'}"
    head = f"<h2>{escape(heading)}</h2>" if heading else ""
    key = legend(result, labels, palette) if result.quotes else ""
    return (
        f'<section class="article">{head}<p class="meta">{escape(summary)}</p>'
        f'{key}<div class="text" lang="de">{body}</div></section>'
    )


CSP = "default-src 'none'; style-src 'unsafe-inline'"
"""The pages' Content-Security-Policy: no script, no fetch of any kind; only the inline styles."""


class Page(str):
    """An HTML page: a ``str`` that Jupyter displays as HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def page(title: str, body: str, css: str = "") -> Page:
    """A complete, self-contained HTML document around ``body`` (already markup)."""
    return Page(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(title)}</title><style>{for_markup(body)}{css}</style></head>"
        f'<body><div class="quotable">{body}</div></body></html>\n'
    )


def render_articles(
    articles: Sequence[tuple[str | None, str, Attribution]], *, title: str | None = None
) -> Page:
    """One page for several ``(heading, text, result)`` articles; a speaker keeps its colour throughout."""
    for _, text, result in articles:
        if not isinstance(text, str) or not isinstance(result, Attribution):
            raise TypeError(
                f"the view needs (text: str, result: Attribution), not ({type(text).__name__}, "
                f"{type(result).__name__}); pass the text the result was made from"
            )
    palette = Palette()
    sections = "".join(article(text, result, palette, heading) for heading, text, result in articles)
    heading = title or "Quotations"
    return page(heading, f"<h1>{escape(heading)}</h1>{sections}", palette.css())


def render_article(text: str, result: Attribution, *, title: str | None = None) -> Page:
    """``text`` as a self-contained HTML page with ``result``'s quotations marked (``quotable.html``).

    ``result`` must have been made from this very ``text`` (its spans point into it).
    """
    return render_articles([(None, text, result)], title=title)


def quotes_table(result: Attribution) -> str:
    """A result's quotes as an HTML table (what Jupyter shows for an :class:`Attribution`)."""
    palette = Palette()
    labels = speaker_labels(result)
    rows = []
    for i, (quote, label) in enumerate(zip(result.quotes, labels, strict=True)):
        number = palette.number(label)
        text = quote.text if len(quote.text) <= 300 else quote.text[:299] + "…"
        kind = "partial" if quote.nested else quote.type.value
        cells = [
            f'<td class="n">{i + 1}</td><td>{kind}</td>',
            f'<td class="s{number}"><span class="sw">{f"S{number}" if number else "?"}</span>',
            f"{escape(label or 'unknown')}</td><td>{escape(quote.cue.text if quote.cue else '')}</td>",
            f"<td>{escape(text)}</td><td>{escape(quote.via or '')}</td>",
            f'<td class="n">{quote.confidence:.2f}</td><td>{escape(quote.rule)}</td>',
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("#", "type", "speaker", "cue", "text", "via", "conf.", "rule"))
    agencies = ", ".join(f"{a.name} ({a.role.value})" for a in result.agencies) or "none"
    body = (
        f'<table class="t"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="meta">{_plural(len(result.quotes), "quote")} · agencies: {escape(agencies)}'
        f" · model: {escape(result.model or 'none')}</p>"
    )
    return f'<div class="quotable"><style>{for_markup(body)}{palette.css()}</style>{body}</div>'


def main(argv: Sequence[str] | None = None) -> int:
    """``quotable html FILE ... -o out.html``: attribute the files and write one article view."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="quotable html",
        description="Attribute the articles and write them as one self-contained HTML page, "
        "every quotation highlighted and coloured by speaker.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files (default: stdin; '-' is stdin)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--jsonl", action="store_true", help="input is JSON Lines with a 'text' field")
    parser.add_argument("--text-field", default="text", help="field holding the text in --jsonl input")
    parser.add_argument("--title", help="the page's title (default: the file name, or 'Quotations')")
    parser.add_argument(
        "--model", default="auto", help="auto (default), embedded, stanza, none, or a model directory"
    )
    parser.add_argument("--min-confidence", type=float, default=0.5, help="drop less certain quotes")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from quotable.attributor import Attributor
    from quotable.cli import _documents
    from quotable.errors import QuotableError

    failures = [0]
    try:
        attributor = Attributor(
            None if args.model == "none" else args.model, min_confidence=args.min_confidence
        )
        documents = list(_documents(args.files or ["-"], args.jsonl, args.text_field, failures))
        results = list(attributor.attribute_many([d.text for d in documents]))
    except (QuotableError, ValueError, TypeError) as error:
        print(f"quotable html: error: {error}", file=sys.stderr)
        return 1
    # one article needs no heading of its own: the page's title names it
    single = len(documents) == 1
    articles = [(None if single else d.label, d.text, r) for d, r in zip(documents, results, strict=True)]
    title = args.title or (documents[0].label if single else "Quotations")
    html = render_articles(articles, title=title)
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(html)
        else:
            sys.stdout.write(html)
    except OSError as error:
        print(f"quotable html: error: {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 1 if failures[0] else 0
