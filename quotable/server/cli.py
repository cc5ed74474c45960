"""``quotable serve``: the HTTP service on uvicorn (see docs/serve.md)."""

from __future__ import annotations

import argparse
import copy
import ipaddress
import os
import sys
from collections.abc import Sequence
from typing import Any

from quotable.server import config as defaults
from quotable.server.config import ServerConfig


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotable serve",
        description="Serve quotable over HTTP: POST /v1/attribute, /v1/attribute/batch; GET /v1/health, "
        "/v1/version, /openapi.json, and a page at /. Needs pip install 'quotable[server]'.",
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    add("--port", type=int, default=8000, help="port (default 8000)")
    add("--workers", type=int, default=1, help="worker processes, each loading the model once (default 1)")
    add("--model", default="auto", help="auto (default), embedded, stanza, none, or a model directory")
    add("--min-confidence", type=float, default=0.5, help="default for requests that set none (0.5)")
    add("--max-chars", type=int, default=defaults.DEFAULT_MAX_CHARS, help="longest text, in characters")
    add("--max-bytes", type=int, default=defaults.DEFAULT_MAX_BYTES, help="largest request body, in bytes")
    add("--max-batch", type=int, default=32, help="most texts in one batch request (32)")
    add("--max-queue", type=int, default=1024, help="texts waiting before requests get 503 (1024)")
    add("--timeout", type=float, default=60.0, help="seconds a request may take before it gets 503 (60)")
    add(
        "--token",
        default=os.environ.get("QUOTABLE_TOKEN"),
        help="require 'Authorization: Bearer TOKEN' on every route but /v1/health "
        "(default: $QUOTABLE_TOKEN; prefer the variable, a command line is visible to other users)",
    )
    add("--cors-origin", action="append", default=[], metavar="ORIGIN", help="let browsers call from ORIGIN")
    add("--log-texts", action="store_true", help="log request texts (off: they may be embargoed)")
    add("--log-level", choices=("debug", "info", "warning", "error"), default="info")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run the service until interrupted; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        config = ServerConfig(
            model=None if args.model == "none" else args.model,
            workers=args.workers,
            min_confidence=args.min_confidence,
            max_chars=args.max_chars,
            max_bytes=args.max_bytes,
            max_batch=args.max_batch,
            max_queue=args.max_queue,
            timeout=args.timeout,
            token=check_token(args.token),
            cors_origins=tuple(args.cors_origin),
            log_texts=args.log_texts,
        )
    except ValueError as error:
        parser.print_usage(sys.stderr)
        print(f"quotable serve: error: {error}", file=sys.stderr)
        return 2
    try:
        import uvicorn

        from quotable.server.app import create_app
    except ImportError as error:
        print(
            f"quotable serve: error: {error.name or error} is not installed: pip install 'quotable[server]'",
            file=sys.stderr,
        )
        return 1
    problem = _model_problem(config.model)
    if problem:
        print(f"quotable serve: error: {problem}", file=sys.stderr)
        return 1
    if config.token is None and not _is_loopback(args.host):
        print(
            f"quotable serve: warning: listening on {args.host} without a token: anyone who can reach "
            "it may use it (set QUOTABLE_TOKEN)",
            file=sys.stderr,
        )
    try:
        uvicorn.run(
            create_app(config),
            host=args.host,
            port=args.port,
            log_level=args.log_level,
            log_config=_log_config(args.log_level),
            server_header=False,
        )
    except SystemExit as exit_:  # uvicorn exits 1 when it cannot bind
        return int(exit_.code or 0)
    return 0


def check_token(token: str | None) -> str | None:
    """The token as given, or a ValueError if it cannot travel in an HTTP header."""
    if token is None:
        return None
    if not token or not all("!" <= c <= "~" for c in token):
        raise ValueError("the token must be printable ASCII without spaces (e.g. secrets.token_urlsafe(32))")
    return token


def _model_problem(model: str | None) -> str | None:
    """Why ``model`` cannot be used (found without loading it), or None."""
    if model is None:
        return None
    from quotable.attributor import Attributor
    from quotable.errors import QuotableError

    try:
        Attributor(model)
    except (QuotableError, OSError, TypeError) as error:
        return str(error)
    return None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging set-up, with quotable's own messages on its console handler."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["quotable"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    return config
