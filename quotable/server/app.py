"""The HTTP service: routes, authentication, limits and JSON errors (Starlette).

    POST /v1/attribute        {"text": …, "min_confidence"?: …} → the quotable/1 document
    POST /v1/attribute/batch  {"texts": [...], "min_confidence"?: …} → {"results": [...]}, in order
    GET  /v1/health           200 once the model is loaded, 503 before (never needs the token)
    GET  /v1/version          quotable, schema and model
    GET  /openapi.json        the OpenAPI description of all of this
    GET  /, POST /            a page: paste an article, see who said what

Errors are ``{"error": {"status": …, "message": …}}``.  Attribution runs in the
worker processes of :class:`~quotable.server.pool.WorkerPool`; the event loop
only reads requests, checks them and forwards the workers' bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from quotable import __version__
from quotable.errors import QuotableError
from quotable.model import SCHEMA
from quotable.server import page
from quotable.server.config import ServerConfig
from quotable.server.openapi import openapi
from quotable.server.pool import Answer, Unavailable, WorkerPool

logger = logging.getLogger(__name__)

T = TypeVar("T")
Endpoint = Callable[[Request], Awaitable[Response]]

PUBLIC_PATHS = frozenset({"/v1/health"})
"""Routes that never need the token: a load balancer must see whether the service is up."""


class ApiError(Exception):
    """A request quotable will not answer: the status and a message saying how to fix it."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error every route answers with."""
    return JSONResponse({"error": {"status": status, "message": message}}, status, headers=headers)


def _error_bytes(status: int, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "message": message}}, ensure_ascii=False).encode()


def create_app(config: ServerConfig, pool: WorkerPool | None = None) -> Starlette:
    """The application for ``config``; ``pool`` replaces the worker pool (tests)."""
    workers = pool if pool is not None else WorkerPool(config)
    model_name = _model_name(config)

    def guarded(endpoint: Endpoint) -> Endpoint:
        """Turns ApiError, Unavailable and any other exception into a JSON answer."""

        async def run(request: Request) -> Response:
            try:
                return await endpoint(request)
            except ApiError as error:
                return error_response(error.status, error.message, error.headers)
            except Unavailable as error:
                return _unavailable(error)
            except ClientDisconnect:
                logger.debug("client went away before the answer")
                return Response(status_code=400)
            except Exception:
                logger.exception("internal error on %s %s", request.method, request.url.path)
                return error_response(500, "internal error; the server log has the details")

        return run

    async def attribute(request: Request) -> Response:
        data = _json_body(await _read_body(request, config.max_bytes))
        text, min_confidence = _fields(data, "text", config)
        if not isinstance(text, str):
            raise ApiError(422, f'"text" must be a string, not {_json_type(text)}')
        _check_length(text, config)
        status, body = await _unless_disconnected(request, workers.attribute(text, min_confidence))
        if status != 200:
            raise ApiError(status, body.decode("utf-8", "replace"))
        return Response(body, media_type="application/json")

    async def attribute_batch(request: Request) -> Response:
        data = _json_body(await _read_body(request, config.max_bytes))
        texts, min_confidence = _fields(data, "texts", config)
        if not isinstance(texts, list):
            raise ApiError(422, f'"texts" must be a list of strings, not {_json_type(texts)}')
        if len(texts) > config.max_batch:
            raise ApiError(413, f"{len(texts)} texts, more than the limit of {config.max_batch} a request")
        slots: list[Answer | Coroutine[Any, Any, Answer]] = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                slots.append((422, f"texts[{i}] must be a string, not {_json_type(text)}".encode()))
            elif len(text) > config.max_chars:
                slots.append((413, _too_long(text, config).encode()))
            else:
                _log_text(config, text)
                slots.append(workers.attribute(text, min_confidence))
        calls = [s for s in slots if not isinstance(s, tuple)]
        done = iter(await _unless_disconnected(request, asyncio.gather(*calls, return_exceptions=True)))
        parts = []
        for slot in slots:
            answer = slot if isinstance(slot, tuple) else _settled(next(done))
            status, body = answer
            parts.append(body if status == 200 else _error_bytes(status, body.decode("utf-8", "replace")))
        return Response(b'{"results":[' + b",".join(parts) + b"]}", media_type="application/json")

    async def health(request: Request) -> Response:
        report = workers.health()
        return JSONResponse(report, 200 if report["status"] == "ready" else 503)

    async def version(request: Request) -> Response:
        return JSONResponse({"quotable": __version__, "schema": SCHEMA, "model": model_name})

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(openapi(config))

    async def form(request: Request) -> Response:
        return _html(page.form_page(config.max_chars))

    async def article(request: Request) -> Response:
        try:
            body = await _read_body(request, config.max_bytes)
            try:
                fields = urllib.parse.parse_qs(body.decode("utf-8"), max_num_fields=4)
            except (UnicodeDecodeError, ValueError) as error:
                raise ApiError(400, f"the form could not be read ({error})") from None
            text = fields.get("text", [""])[0]
            if not text.strip():
                raise ApiError(422, "Bitte einen Text einfügen.")
            _check_length(text, config)
            status, answer = await _unless_disconnected(
                request, workers.attribute(text, config.min_confidence, html=True)
            )
        except ApiError as error:
            return _html(page.error_page(error.message), error.status)
        except Unavailable as error:
            return _html(page.error_page(str(error)), 503)
        if status != 200:
            return _html(page.error_page(answer.decode("utf-8", "replace")), status)
        return Response(answer, media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await workers.start()
        try:
            yield
        finally:
            await workers.close()

    routes = [
        Route("/v1/attribute", guarded(attribute), methods=["POST"]),
        Route("/v1/attribute/batch", guarded(attribute_batch), methods=["POST"]),
        Route("/v1/health", guarded(health), methods=["GET"]),
        Route("/v1/version", guarded(version), methods=["GET"]),
        Route("/openapi.json", guarded(openapi_json), methods=["GET"]),
        Route("/", guarded(form), methods=["GET"]),
        Route("/", guarded(article), methods=["POST"]),
    ]
    middleware = []
    if config.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=config.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            )
        )
    middleware.append(Middleware(_Guard, token=config.token))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={HTTPException: _http_error, Exception: _internal_error},
    )
    app.state.pool = workers
    return app


# ------------------------------------------------------------------ request bodies
async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to pass ``limit`` bytes:
    from Content-Length before reading anything, else while it streams in."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, f"Content-Length {declared!r} is not a number")
        if int(declared) > limit:
            raise ApiError(413, _too_big(int(declared), limit), {"Connection": "close"})
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, _too_big(size, limit, more=True), {"Connection": "close"})
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(size: int, limit: int, *, more: bool = False) -> str:
    over = "more than " if more else ""
    return f"the request body has {over}{size:,} bytes, over the limit of {limit:,} (--max-bytes)"


def _check_length(text: str, config: ServerConfig) -> None:
    if len(text) > config.max_chars:
        raise ApiError(413, _too_long(text, config))
    _log_text(config, text)


def _too_long(text: str, config: ServerConfig) -> str:
    return (
        f"the text has {len(text):,} characters, more than the limit of {config.max_chars:,} "
        "(--max-chars); split it into articles or paragraphs"
    )


def _json_body(body: bytes) -> Any:
    if not body:
        raise ApiError(400, 'the body is empty; send JSON such as {"text": "…"}')
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "the body is not valid UTF-8 JSON") from None
    except json.JSONDecodeError as error:
        raise ApiError(400, f"the body is not valid JSON: {error.msg} at byte {error.pos}") from None
    except RecursionError:
        raise ApiError(400, "the body is not valid JSON: nested too deeply") from None


def _fields(data: Any, key: str, config: ServerConfig) -> tuple[Any, float]:
    """``data[key]`` and the min_confidence to use, or 422 saying what is wrong."""
    example = '{"text": "…"}' if key == "text" else '{"texts": ["…", "…"]}'
    if not isinstance(data, dict):
        raise ApiError(422, f"the body must be a JSON object such as {example}, not {_json_type(data)}")
    unknown = sorted(set(data) - {key, "min_confidence"})
    if unknown:
        names = ", ".join(map(repr, unknown))
        raise ApiError(422, f"unknown field(s) {names}; expected {key!r} and optionally 'min_confidence'")
    if key not in data:
        raise ApiError(422, f"the field {key!r} is missing: send {example}")
    value = data.get("min_confidence", config.min_confidence)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ApiError(422, f'"min_confidence" must be a number between 0 and 1, not {json.dumps(value)}')
    return data[key], float(value)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _log_text(config: ServerConfig, text: str) -> None:
    if config.log_texts:
        logger.info("text (%d characters): %r", len(text), text)


async def _unless_disconnected(request: Request, work: Awaitable[T]) -> T:
    """``await work``, given up (cancelled, ClientDisconnect) if the client goes away first."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_disconnected(request.receive))
    try:
        done, _ = await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
        if not task.done():
            task.cancel()
    if task in done:
        return task.result()
    with contextlib.suppress(asyncio.CancelledError):
        await task  # cancelling a queued job takes it out of the queue
    raise ClientDisconnect()


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def _settled(outcome: Answer | BaseException) -> Answer:
    """One batch slot's answer: errors of the pool become that slot's error."""
    if isinstance(outcome, Unavailable):
        return 503, str(outcome).encode()
    if isinstance(outcome, BaseException):
        logger.error("internal error in a batch slot", exc_info=outcome)
        return 500, b"internal error; the server log has the details"
    return outcome


def _unavailable(error: Unavailable) -> Response:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return error_response(503, str(error), headers)


def _model_name(config: ServerConfig) -> str | None:
    """The model as results name it, found without loading it (None: no parser or not installed)."""
    if config.model is None:
        return None
    from quotable.attributor import Attributor

    try:
        return Attributor(config.model).model
    except (QuotableError, OSError, ValueError, TypeError):
        return None


# ------------------------------------------------------------------ errors and headers
async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: f"no such route: {request.url.path} (GET /openapi.json lists them)"}
    message = messages.get(exc.status_code, str(exc.detail))
    if exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(exc.status_code, message, dict(exc.headers or {}))


async def _internal_error(request: Request, exc: Exception) -> Response:
    return error_response(500, "internal error; the server log has the details")


def _html(body: str, status: int = 200) -> Response:
    return HTMLResponse(body, status, headers=_PAGE_HEADERS)


_PAGE_HEADERS = {"Content-Security-Policy": page.CONTENT_SECURITY_POLICY}

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"no-store"),  # articles may be under embargo: no copies in caches
    (b"referrer-policy", b"no-referrer"),
]


class _Guard:
    """Bearer-token check (when a token is set) and security headers on every answer."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = None if token is None else token.encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS]
            await send(message)

        if self.token is not None and scope["path"] not in PUBLIC_PATHS and not self._authorized(scope):
            response = error_response(
                401,
                "this service needs a token: send the header 'Authorization: Bearer <token>'",
                {"WWW-Authenticate": 'Bearer realm="quotable"'},
            )
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _authorized(self, scope: Scope) -> bool:
        assert self.token is not None
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, credentials = bytes(value).partition(b" ")
                # compare_digest takes as long for a wrong token as for a right one
                return scheme.lower() == b"bearer" and hmac.compare_digest(credentials.strip(), self.token)
        return False
