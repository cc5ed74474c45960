"""The page at ``/``: a person pastes an article and sees who said what.

Plain HTML forms, no JavaScript at all (and nothing from the network): the
form posts the text back to ``/`` and the answer is the article view.
"""

from __future__ import annotations

import html

from quotable.model import Attribution

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
textarea { width: 100%; min-height: 20rem; font: inherit; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 1rem; }
.error { color: #a00; }
"""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
"""Sent with every page: inline styles only, no script, nothing loaded from anywhere."""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def form_page(max_chars: int) -> str:
    """The empty form: one text area, one button."""
    return _page(
        "quotable",
        "<h1>quotable</h1>\n<p>Fügen Sie einen deutschen Nachrichtentext ein: quotable zeigt, "
        "wer was gesagt hat.</p>\n"
        '<form method="post" action="/">\n'
        f'<textarea name="text" maxlength="{max_chars}" required></textarea>\n'
        '<p><button type="submit">Zitate finden</button></p>\n</form>',
    )


def error_page(message: str) -> str:
    """A page that says what went wrong, with a way back to the form."""
    return _page(
        "quotable: Fehler",
        f'<h1>quotable</h1>\n<p class="error">{html.escape(message)}</p>\n<p><a href="/">Zurück</a></p>',
    )


def article_page(text: str, result: Attribution) -> str:
    """The article view of ``result`` as a full HTML page (:func:`quotable.view.render_article`)."""
    from quotable.view import render_article

    return render_article(text, result)
