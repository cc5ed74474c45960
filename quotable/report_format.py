"""The corpus report written out: JSON (the data), Markdown, CSV, and HTML with inline SVG charts.

Every format is drawn from one dictionary, :func:`to_dict`, so they all say the same.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from quotable import charts, table
from quotable.markup import escape
from quotable.report import GENDER_NAMES, GENDER_NOTE, GENDERS, ROLES, SPEAKER_NOTE, TYPE_NAMES, TYPES, Tally

FORMATS = ("html", "markdown", "csv", "json")
GENDER_COLOURS = ("#E69F00", "#009E73", "#888888")


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def to_dict(counts: Tally, top: int = 20) -> dict[str, Any]:
    """The report as plain data (the ``json`` format)."""
    quotes = counts.quotes
    speakers = [
        {
            "speaker": label,
            "by": counts.speaker_by[label],
            "quotes": n,
            "share": _share(n, quotes),
            "documents": len(counts.speaker_documents[label]),
            "types": {t: counts.speaker_types[label][t] for t in TYPES if counts.speaker_types[label][t]},
        }
        for label, n in counts.top_speakers(top)
    ]
    agencies: list[dict[str, Any]] = []
    for name in set(counts.agencies) | set(counts.via):
        roles = counts.agencies.get(name, Counter())
        agencies.append(
            {
                "agency": name,
                "mentions": sum(roles.values()),
                "roles": {r: roles[r] for r in ROLES if roles[r]},
                "quotes_via": counts.via[name],
            }
        )
    agencies.sort(key=lambda a: (-a["mentions"] - a["quotes_via"], a["agency"]))
    unit, periods = counts.over_time()
    return {
        "documents": counts.documents,
        "quotes": quotes,
        "quotes_with_speaker": counts.with_speaker,
        "speakers_named": sum(1 for s in counts.speakers if s != table.UNKNOWN),
        "speakers": speakers,
        "types": [
            {"type": t, "quotes": counts.types[t], "share": _share(counts.types[t], quotes)} for t in TYPES
        ],
        "agencies": agencies,
        "gender": [
            {"gender": g, "quotes": counts.gender[g], "share": _share(counts.gender[g], quotes)}
            for g in GENDERS
        ],
        "over_time": None
        if not periods
        else {
            "unit": unit,
            "documents_dated": counts.documents_dated,
            "periods": [
                {"period": p, "quotes": sum(c.values()), "types": {t: c[t] for t in TYPES if c[t]}}
                for p, c in periods
            ],
        },
        "outlets": [
            {"outlet": o, "quotes": sum(c.values()), "types": {t: c[t] for t in TYPES if c[t]}}
            for o, c in sorted(counts.outlets.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        ],
        "models": dict(counts.models),
        "notes": {"speakers": SPEAKER_NOTE, "gender": GENDER_NOTE},
    }


# ------------------------------------------------------------------ Markdown
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|<>*_`[]#"} | {"\n": " ", "\r": " "})


def _md(value: object) -> str:
    return str(value).translate(_MD_SPECIAL)


def _md_table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _pct(share: float) -> str:
    return f"{100 * share:.1f} %"


def to_markdown(data: Mapping[str, Any], title: str) -> str:
    types_present = [t for t in TYPES if any(t in s["types"] for s in data["speakers"])]
    parts = [f"# {_md(title)}\n", _summary_line(data) + "\n"]
    parts.append(f"## Most-quoted speakers (top {len(data['speakers'])})\n")
    parts.append(
        _md_table(
            ["#", "speaker", "identified by", "quotes", "documents", *(TYPE_NAMES[t] for t in types_present)],
            [
                [
                    i,
                    s["speaker"],
                    s["by"],
                    s["quotes"],
                    s["documents"],
                    *(s["types"].get(t, 0) for t in types_present),
                ]
                for i, s in enumerate(data["speakers"], start=1)
            ],
        )
    )
    parts.append(f"\n{_md(SPEAKER_NOTE)}\n\n## Quote types\n")
    parts.append(
        _md_table(
            ["type", "quotes", "share"],
            [[TYPE_NAMES[t["type"]], t["quotes"], _pct(t["share"])] for t in data["types"]],
        )
    )
    parts.append("\n## Agencies and their role\n")
    parts.append(
        _md_table(
            ["agency", "mentions", *ROLES, "quotes relayed via"],
            [
                [a["agency"], a["mentions"], *(a["roles"].get(r, 0) for r in ROLES), a["quotes_via"]]
                for a in data["agencies"]
            ],
        )
        if data["agencies"]
        else "No agency named.\n"
    )
    parts.append("\n## Grammatical gender of the speaker\n")
    parts.append(
        _md_table(
            ["gender (grammatical)", "quotes", "share"],
            [[GENDER_NAMES[g["gender"]], g["quotes"], _pct(g["share"])] for g in data["gender"]],
        )
    )
    parts.append(f"\n{_md(GENDER_NOTE)}\n")
    time = data["over_time"]
    if time:
        parts.append(f"\n## Quotes over time (by {time['unit']})\n")
        parts.append(
            _md_table(
                ["period", "quotes", *(TYPE_NAMES[t] for t in TYPES)],
                [[p["period"], p["quotes"], *(p["types"].get(t, 0) for t in TYPES)] for p in time["periods"]],
            )
        )
    if data["outlets"]:
        parts.append("\n## Outlets\n")
        parts.append(
            _md_table(
                ["outlet", "quotes", *(TYPE_NAMES[t] for t in TYPES)],
                [[o["outlet"], o["quotes"], *(o["types"].get(t, 0) for t in TYPES)] for o in data["outlets"]],
            )
        )
    return "\n".join(parts)


def _summary_line(data: Mapping[str, Any]) -> str:
    return (
        f"{data['documents']} documents, {data['quotes']} quotes, {data['quotes_with_speaker']} of them "
        f"with a speaker ({_pct(_share(data['quotes_with_speaker'], data['quotes']))}), "
        f"{data['speakers_named']} distinct speakers."
    )


# ------------------------------------------------------------------ CSV
def to_csv(data: Mapping[str, Any]) -> str:
    """The report as one long table: ``table, key, detail, count, share`` (filter by ``table``)."""
    rows: list[list[object]] = [["table", "key", "detail", "count", "share"]]
    rows += [
        ["summary", "documents", "", data["documents"], ""],
        ["summary", "quotes", "", data["quotes"], ""],
    ]
    rows.append(
        [
            "summary",
            "quotes_with_speaker",
            "",
            data["quotes_with_speaker"],
            _share(data["quotes_with_speaker"], data["quotes"]),
        ]
    )
    for s in data["speakers"]:
        rows.append(["speaker", s["speaker"], s["by"], s["quotes"], s["share"]])
        rows += [["speaker_type", s["speaker"], t, n, ""] for t, n in s["types"].items()]
    rows += [["type", t["type"], "", t["quotes"], t["share"]] for t in data["types"]]
    for a in data["agencies"]:
        rows += [["agency", a["agency"], r, n, ""] for r, n in a["roles"].items()]
        if a["quotes_via"]:
            rows.append(["via", a["agency"], "", a["quotes_via"], ""])
    rows += [["gender", g["gender"], "grammatical", g["quotes"], g["share"]] for g in data["gender"]]
    if data["over_time"]:
        for p in data["over_time"]["periods"]:
            rows.append(["period", p["period"], data["over_time"]["unit"], p["quotes"], ""])
            rows += [["period_type", p["period"], t, n, ""] for t, n in p["types"].items()]
    rows += [["outlet", o["outlet"], "", o["quotes"], ""] for o in data["outlets"]]
    return table.format_rows([[str(c) for c in row] for row in rows], "csv")


# ------------------------------------------------------------------ HTML
def _html_table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        numeric = isinstance(value, (int, float)) or (isinstance(value, str) and value.endswith(" %"))
        return f'<td class="n">{escape(str(value))}</td>' if numeric else f"<td>{escape(str(value))}</td>"

    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join(f"<tr>{''.join(cell(c) for c in row)}</tr>" for row in rows)
    return f'<table class="t"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def to_html(data: Mapping[str, Any], title: str) -> str:
    from quotable.view import page

    speakers = data["speakers"]
    types_present = [t for t in TYPES if any(t in s["types"] for s in speakers)]
    parts = [f'<h1>{escape(title)}</h1><p class="meta">{escape(_summary_line(data))}</p>']
    parts.append(f"<h2>Most-quoted speakers (top {len(speakers)})</h2>")
    parts.append(
        charts.bar_chart("c-speakers", "Quotes per speaker", [(s["speaker"], s["quotes"]) for s in speakers])
    )
    parts.append("<details><summary>Table: speakers by quote type</summary>")
    parts.append(
        _html_table(
            ["#", "speaker", "identified by", "quotes", "documents", *(TYPE_NAMES[t] for t in types_present)],
            [
                [
                    i,
                    s["speaker"],
                    s["by"],
                    s["quotes"],
                    s["documents"],
                    *(s["types"].get(t, 0) for t in types_present),
                ]
                for i, s in enumerate(speakers, 1)
            ],
        )
    )
    parts.append(f'</details><p class="note">{escape(SPEAKER_NOTE)}</p><h2>Quote types</h2>')
    by_type = {t["type"]: t["quotes"] for t in data["types"]}
    parts.append(
        charts.stacked_bars("c-types", "Quote types", [("all quotes", by_type)], TYPES, names=TYPE_NAMES)
    )
    rows = [(s["speaker"], s["types"]) for s in speakers[:12]]
    parts.append(
        charts.stacked_bars(
            "c-speaker-types", "Quote types of the most-quoted speakers", rows, TYPES, names=TYPE_NAMES
        )
    )
    parts.append(
        _html_table(
            ["type", "quotes", "share"],
            [[TYPE_NAMES[t["type"]], t["quotes"], _pct(t["share"])] for t in data["types"]],
        )
    )
    parts.append("<h2>Agencies and their role</h2>")
    if data["agencies"]:
        rows = [(a["agency"], a["roles"]) for a in data["agencies"] if a["roles"]]
        names = {
            "credit": "credit line",
            "dateline": "dateline",
            "via": "named as relay",
            "mention": "other mention",
        }
        parts.append(
            charts.stacked_bars("c-agencies", "Agency mentions by role", rows, ROLES, names=names, unit="")
        )
        parts.append(
            _html_table(
                ["agency", "mentions", *ROLES, "quotes relayed via"],
                [
                    [a["agency"], a["mentions"], *(a["roles"].get(r, 0) for r in ROLES), a["quotes_via"]]
                    for a in data["agencies"]
                ],
            )
        )
    else:
        parts.append("<p>No agency named.</p>")
    parts.append("<h2>Grammatical gender of the speaker</h2>")
    gender = {g["gender"]: g["quotes"] for g in data["gender"]}
    parts.append(
        charts.stacked_bars(
            "c-gender",
            "Quotes by the grammatical gender of their speaker",
            [("all quotes", gender)],
            GENDERS,
            names=GENDER_NAMES,
            colours=GENDER_COLOURS,
        )
    )
    parts.append(
        _html_table(
            ["gender (grammatical)", "quotes", "share"],
            [[GENDER_NAMES[g["gender"]], g["quotes"], _pct(g["share"])] for g in data["gender"]],
        )
    )
    parts.append(f'<p class="note">{escape(GENDER_NOTE)}</p>')
    time = data["over_time"]
    if time:
        parts.append(f"<h2>Quotes over time (by {escape(time['unit'])})</h2>")
        rows = [(p["period"], p["types"]) for p in time["periods"]]
        parts.append(
            charts.stacked_bars(
                "c-time", f"Quotes per {time['unit']}, by type", rows, TYPES, names=TYPE_NAMES
            )
        )
    else:
        parts.append(
            '<h2>Quotes over time</h2><p class="note">No date in the input\'s meta (see --date-field).</p>'
        )
    if data["outlets"]:
        parts.append("<h2>Outlets</h2>")
        rows = [(o["outlet"], o["types"]) for o in data["outlets"]]
        parts.append(
            charts.stacked_bars("c-outlets", "Quotes per outlet, by type", rows, TYPES, names=TYPE_NAMES)
        )
    models = ", ".join(f"{m} ({n})" for m, n in data["models"].items()) or "none"
    parts.append(f'<p class="meta">Made by quotable report; models: {escape(models)}.</p>')
    return str(page(title, "".join(parts)))


def render(counts: Tally, fmt: str, *, top: int = 20, title: str = "Quotations in the corpus") -> str:
    """The report over ``counts`` in ``fmt`` (``html``, ``markdown``, ``csv`` or ``json``)."""
    data = to_dict(counts, top)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        return to_markdown(data, title)
    if fmt == "csv":
        return to_csv(data)
    if fmt == "html":
        return to_html(data, title)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
