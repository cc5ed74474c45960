"""The service's settings: every limit and security switch in one frozen object."""

from __future__ import annotations

import attrs

DEFAULT_MAX_CHARS = 100_000
"""About 15 pages of news text; an article is typically 2,000-10,000 characters."""

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
"""A request body limit: one text at the character limit, even JSON-escaped, with room to spare."""


_positive = attrs.validators.gt(0)
_fraction = attrs.validators.and_(attrs.validators.ge(0.0), attrs.validators.le(1.0))


@attrs.frozen
class ServerConfig:
    """How ``quotable serve`` runs; the defaults are the safe ones (see docs/serve.md).

    ``model`` is what :class:`quotable.Attributor` takes (``None``: no parser);
    ``workers`` processes each load it once.  ``max_chars`` limits one text,
    ``max_bytes`` one request body, ``max_batch`` the texts of one batch request;
    ``timeout`` (seconds) bounds a request from arrival to answer.  ``token``
    switches on bearer-token authentication; ``cors_origins`` lists the origins
    allowed to call from a browser (none by default); ``log_texts`` writes
    request texts to the log (off by default: articles may be embargoed).
    """

    model: str | None = "auto"
    workers: int = attrs.field(default=1, validator=_positive)
    min_confidence: float = attrs.field(default=0.5, validator=_fraction)
    max_chars: int = attrs.field(default=DEFAULT_MAX_CHARS, validator=_positive)
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, validator=_positive)
    max_batch: int = attrs.field(default=32, validator=_positive)
    max_queue: int = attrs.field(default=1024, validator=_positive)
    timeout: float = attrs.field(default=60.0, validator=attrs.validators.gt(0.0))
    batch_chars: int = attrs.field(default=50_000, validator=_positive)
    token: str | None = attrs.field(default=None, repr=False)
    cors_origins: tuple[str, ...] = ()
    log_texts: bool = False
