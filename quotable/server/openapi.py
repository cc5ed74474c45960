"""The OpenAPI 3.1 description of the service, written by hand (served at ``/openapi.json``)."""

from __future__ import annotations

from typing import Any

from quotable import __version__
from quotable.server.config import ServerConfig


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


_ERROR = {"$ref": "#/components/schemas/Error"}


def _errors(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "malformed JSON, or a body that is not UTF-8",
        401: "no token, or a wrong one (only when the service runs with a token)",
        413: "the body or a text is over its limit",
        422: "well-formed JSON of the wrong shape or type",
        500: "internal error (details in the server log, never in the answer)",
        503: "the model is still loading, the service is busy, or no answer within the timeout",
    }
    return {str(s): {"description": reasons[s], **_json(_ERROR)} for s in statuses}


def openapi(config: ServerConfig) -> dict[str, Any]:
    """The description, with this server's limits filled in."""
    limits = (
        f"A text may have up to {config.max_chars:,} characters and a request body up to "
        f"{config.max_bytes:,} bytes; a request is answered within {config.timeout:g} s or gets 503."
    )
    confidence = {
        "type": "number",
        "minimum": 0,
        "maximum": 1,
        "default": config.min_confidence,
        "description": "drop quotes quotable is less sure of",
    }
    document = {"$ref": "#/components/schemas/Attribution"}
    post_errors = _errors(400, 401, 413, 422, 500, 503)
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "quotable",
            "version": __version__,
            "description": "Who said what, to whom, relayed by which agency, in German news text. " + limits,
        },
        "paths": {
            "/v1/attribute": {
                "post": {
                    "summary": "Attribute the quotations of one text",
                    "requestBody": {
                        "required": True,
                        **_json(
                            {
                                "type": "object",
                                "required": ["text"],
                                "additionalProperties": False,
                                "properties": {
                                    "text": {"type": "string", "maxLength": config.max_chars},
                                    "min_confidence": confidence,
                                },
                            }
                        ),
                    },
                    "responses": {"200": {"description": "the quotable/1 document", **_json(document)}}
                    | post_errors,
                }
            },
            "/v1/attribute/batch": {
                "post": {
                    "summary": "Attribute several texts; results in order, a failed text in its own slot",
                    "requestBody": {
                        "required": True,
                        **_json(
                            {
                                "type": "object",
                                "required": ["texts"],
                                "additionalProperties": False,
                                "properties": {
                                    "texts": {
                                        "type": "array",
                                        "maxItems": config.max_batch,
                                        "items": {"type": "string"},
                                    },
                                    "min_confidence": confidence,
                                },
                            }
                        ),
                    },
                    "responses": {
                        "200": {
                            "description": "one slot per text: its document, or an error object",
                            **_json(
                                {
                                    "type": "object",
                                    "properties": {
                                        "results": {"type": "array", "items": {"oneOf": [document, _ERROR]}}
                                    },
                                }
                            ),
                        }
                    }
                    | post_errors,
                }
            },
            "/v1/health": {
                "get": {
                    "summary": "Readiness: 200 once the model is loaded, 503 before (no token needed)",
                    "security": [],
                    "responses": {
                        "200": {"description": "ready", **_json({"$ref": "#/components/schemas/Health"})},
                        "503": {
                            "description": "loading or failed",
                            **_json({"$ref": "#/components/schemas/Health"}),
                        },
                    },
                }
            },
            "/v1/version": {
                "get": {
                    "summary": "Versions of quotable, its output schema and the model",
                    "responses": {
                        "200": {
                            "description": "versions",
                            **_json(
                                {
                                    "type": "object",
                                    "properties": {
                                        "quotable": {"type": "string"},
                                        "schema": {"type": "string", "const": "quotable/1"},
                                        "model": {"type": ["string", "null"]},
                                    },
                                }
                            ),
                        }
                    }
                    | _errors(401),
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {"200": {"description": "OpenAPI 3.1", **_json({"type": "object"})}}
                    | _errors(401),
                }
            },
            "/": {
                "get": {
                    "summary": "A page with a form: paste an article",
                    "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}
                    | _errors(401),
                },
                "post": {
                    "summary": "The article view of the pasted text (form field 'text')",
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {"type": "object", "properties": {"text": {"type": "string"}}}
                            }
                        }
                    },
                    "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}
                    | _errors(400, 401, 413, 500, 503),
                },
            },
        },
        "components": {
            "schemas": {
                "Attribution": {
                    "type": "object",
                    "description": "schema quotable/1, documented in docs/schema.md",
                    "required": ["schema", "model", "quotes", "agencies"],
                    "properties": {
                        "schema": {"type": "string", "const": "quotable/1"},
                        "model": {"type": ["string", "null"]},
                        "quotes": {"type": "array", "items": {"type": "object"}},
                        "agencies": {"type": "array", "items": {"type": "object"}},
                        "entities": {"type": "array", "items": {"type": "object"}},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["status", "message"],
                            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
                        }
                    },
                },
                "Health": {
                    "type": "object",
                    "properties": {
                        "status": {"enum": ["loading", "ready", "failed", "closed"]},
                        "workers": {"type": "integer"},
                        "workers_ready": {"type": "integer"},
                        "queued": {"type": "integer"},
                        "restarts": {"type": "integer"},
                        "errors": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
        },
    }
    if config.token is not None:
        spec["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        spec["security"] = [{"bearer": []}]
    return spec
