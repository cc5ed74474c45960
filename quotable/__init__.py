"""quotable: who said what, to whom, relayed by which agency, in German news text.

    >>> import quotable
    >>> result = quotable.attribute(text)            # doctest: +SKIP
    >>> [(q.text, q.speaker.name) for q in result.quotes if q.speaker]  # doctest: +SKIP

``attribute`` uses a shared default :class:`Attributor`; build your own for
other settings (``model``, ``min_confidence``) and for batches
(``attribute_many``).  Results are frozen value objects whose spans point into
the text you passed in (see :mod:`quotable.model`); ``to_dict()`` gives the
versioned JSON form documented in ``docs/schema.md``.

Importing quotable is cheap and has no side effects: Stanza is imported and
the parser model loaded only when the first text needs them.
"""

from quotable.attributor import Attributor, attribute
from quotable.errors import (
    InputTooLargeError,
    LexiconError,
    ModelDownloadError,
    ModelLoadError,
    ModelNotFoundError,
    QuotableError,
)
from quotable.model import (
    SCHEMA,
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

__version__ = "0.1.0"


def html(text: str, result: Attribution, *, title: str | None = None) -> str:
    """``text`` as one self-contained HTML page with ``result``'s quotations highlighted by speaker.

    See :func:`quotable.view.render_article` (imported on first use, to keep ``import quotable`` cheap).
    """
    from quotable.view import render_article

    return render_article(text, result, title=title)


__all__ = [
    "SCHEMA",
    "AgencyMention",
    "AgencyRole",
    "Attribution",
    "Attributor",
    "Cue",
    "Entity",
    "EntityKind",
    "Gender",
    "InputTooLargeError",
    "LexiconError",
    "Medium",
    "Mention",
    "ModelDownloadError",
    "ModelLoadError",
    "ModelNotFoundError",
    "QuotableError",
    "Quote",
    "QuoteType",
    "Span",
    "Speaker",
    "__version__",
    "attribute",
    "html",
]
