"""Bar charts as inline SVG: no plotting library, nothing fetched when the page is shown.

Two shapes are enough for the corpus report: :func:`bar_chart` (one bar per item,
e.g. the most-quoted speakers) and :func:`stacked_bars` (one bar per row, split
into series, e.g. quote types per speaker).  Every bar carries its number as text
and a ``<title>`` tooltip; the series of a stacked chart differ by fill pattern as
well as by colour (and are named in a legend), so a chart still reads in
grey-scale print or for a reader who does not tell the colours apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quotable.markup import escape

# Okabe & Ito's colour-blind safe palette (without its yellow, too light for white text)
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#555555", "#000000")
BAR_COLOUR = "#0072B2"
WIDTH = 760
ROW = 24
LABEL = 250
GAP = 6


def _clip(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _pattern(pid: str, index: int, colour: str) -> str:
    """Fill ``index`` of a chart: solid, then stripes, dots, cross-hatch … on ``colour``."""
    kind = index % 5
    base = f'<rect width="8" height="8" fill="{colour}"/>'
    marks = (
        "",
        '<path d="M0 8L8 0" stroke="#fff" stroke-width="2"/>',
        '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
        '<path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-width="1.4"/>',
        '<path d="M0 4H8" stroke="#fff" stroke-width="2"/>',
    )[kind]
    return f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">{base}{marks}</pattern>'


def _svg(chart_id: str, title: str, height: int, body: str, defs: str = "") -> str:
    return (
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-t" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui,sans-serif" font-size="13">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f"{f'<defs>{defs}</defs>' if defs else ''}{body}</svg>"
    )


def bar_chart(chart_id: str, title: str, items: Sequence[tuple[str, int]], *, unit: str = "quotes") -> str:
    """Horizontal bars, one per ``(label, value)``, longest scaled to the chart's width."""
    if not items:
        return ""
    top = max(value for _, value in items) or 1
    span = WIDTH - LABEL - 60
    rows = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * ROW
        width = max(1.0, span * value / top)
        rows.append(
            f"<g><title>{escape(f'{label}: {value} {unit}')}</title>"
            f'<text x="{LABEL - GAP}" y="{y + 16}" text-anchor="end">{escape(_clip(label))}</text>'
            f'<rect x="{LABEL}" y="{y + 3}" width="{width:.1f}" height="{ROW - 6}" fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL + width + GAP:.1f}" y="{y + 16}">{value}</text></g>'
        )
    return _svg(chart_id, title, 8 + len(items) * ROW, "".join(rows))


def stacked_bars(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, Mapping[str, int]]],
    series: Sequence[str],
    *,
    names: Mapping[str, str] | None = None,
    colours: Sequence[str] = SERIES_COLOURS,
    unit: str = "quotes",
) -> str:
    """One horizontal bar per ``(label, counts)``, split into ``series`` (in that order).

    Bars share one scale (the largest row total), so rows compare by length;
    ``names`` gives the legend's wording of each series, ``colours`` their colours.
    """
    if not rows:
        return ""
    names = names or {}
    defs = "".join(_pattern(f"{chart_id}-{i}", i, colours[i % len(colours)]) for i in range(len(series)))
    legend_y = 4
    legend = []
    x = 0.0
    for i, key in enumerate(series):
        name = names.get(key, key)
        needed = 18 + 7.5 * len(name) + 16
        if x and x + needed > WIDTH:
            x, legend_y = 0.0, legend_y + 20
        legend.append(
            f'<rect x="{x:.0f}" y="{legend_y}" width="14" height="14" '
            f'fill="url(#{chart_id}-{i})" stroke="#333"/>'
            f'<text x="{x + 18:.0f}" y="{legend_y + 12}">{escape(name)}</text>'
        )
        x += needed
    top = max(sum(counts.get(s, 0) for s in series) for _, counts in rows) or 1
    span = WIDTH - LABEL - 60
    bars = []
    first = legend_y + 24
    for r, (label, counts) in enumerate(rows):
        y = first + r * ROW
        parts = [f'<text x="{LABEL - GAP}" y="{y + 16}" text-anchor="end">{escape(_clip(label))}</text>']
        x = float(LABEL)
        total = 0
        for i, key in enumerate(series):
            value = counts.get(key, 0)
            if not value:
                continue
            total += value
            width = span * value / top
            tip = escape(f"{label} — {names.get(key, key)}: {value} {unit}")
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW - 6}" '
                f'fill="url(#{chart_id}-{i})" stroke="#fff" stroke-width="1"><title>{tip}</title></rect>'
            )
            if width >= 22:
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + 16}" text-anchor="middle" '
                    f'stroke="#fff" stroke-width="3" paint-order="stroke" font-size="11">{value}</text>'
                )
            x += width
        parts.append(f'<text x="{x + GAP:.1f}" y="{y + 16}">{total}</text>')
        bars.append(f"<g>{''.join(parts)}</g>")
    height = first + 4 + len(rows) * ROW
    return _svg(chart_id, title, height, "".join(legend) + "".join(bars), defs)
