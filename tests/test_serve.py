"""quotable serve: the HTTP layer (Starlette TestClient), the worker pool, and faults
against a real uvicorn process on a free port of 127.0.0.1.

Most tests run without a parser (``model=None``: fast); the ``model`` ones start
the embedded model in a server to check loading and the answers on the seeds.
"""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import serve_helpers
from starlette.testclient import TestClient

from quotable import SCHEMA, __version__
from quotable.attributor import Attributor
from quotable.cli import main
from quotable.server import page
from quotable.server.app import create_app
from quotable.server.config import ServerConfig
from quotable.server.pool import Answer, PoolState, WorkerPool
from quotable.server.worker import encode

ARTICLE = (
    "Kiel (dpa) - „Die Fähre fährt ab Mai wieder täglich“, sagte eine Sprecherin der Reederei "
    "am Montag. Ob der Fahrplan hält, ist offen."
)
OTHER = "»Wir prüfen das«, erklärte der Bürgermeister. Das Amt schwieg. ap/dpa"


def expected(text: str, min_confidence: float = 0.5) -> dict[str, Any]:
    """What the service must answer: the in-process result, as JSON."""
    result = Attributor(None, min_confidence=min_confidence).attribute(text)
    loaded: dict[str, Any] = json.loads(json.dumps(result.to_dict()))
    return loaded


def wait_ready(client: TestClient | httpx.Client, seconds: float = 60.0) -> dict[str, Any]:
    """Poll /v1/health until it says ready (bounded)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = client.get("/v1/health")
        if response.status_code == 200:
            report: dict[str, Any] = response.json()
            return report
        time.sleep(0.05)
    raise AssertionError(f"not ready within {seconds} s: {response.text}")


class FakePool(WorkerPool):
    """A pool that answers in-process (or fails, or keeps loading): the HTTP layer alone."""

    def __init__(self, config: ServerConfig, state: PoolState = PoolState.READY, fail: bool = False):
        super().__init__(config)
        self.fixed_state = state
        self.fail = fail

    @property
    def state(self) -> PoolState:
        return self.fixed_state

    async def start(self) -> None:
        pass

    async def close(self) -> None:
        pass

    async def attribute(self, text: str, min_confidence: float, *, html: bool = False) -> Answer:
        if self.fail:
            raise RuntimeError("geheimer Zustand")
        if self.fixed_state is not PoolState.READY:
            return await super().attribute(text, min_confidence, html=html)
        result = Attributor(None, min_confidence=min_confidence).attribute(text)
        return 200, encode(text, result, html)


def fake_client(config: ServerConfig | None = None, **pool: Any) -> TestClient:
    config = config or ServerConfig(model=None)
    return TestClient(create_app(config, FakePool(config, **pool)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app with a real pool of one worker process, no parser, small limits."""
    config = ServerConfig(model=None, max_chars=1_000, max_bytes=20_000, max_batch=4)
    with TestClient(create_app(config)) as test_client:
        wait_ready(test_client)
        yield test_client


# ------------------------------------------------------------------ the API
def test_attribute_answers_the_quotable_document(client: TestClient) -> None:
    response = client.post("/v1/attribute", json={"text": ARTICLE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == expected(ARTICLE)
    assert response.json()["schema"] == SCHEMA


def test_min_confidence_per_request(client: TestClient) -> None:
    strict = client.post("/v1/attribute", json={"text": ARTICLE, "min_confidence": 0.7}).json()
    assert strict == expected(ARTICLE, 0.7)
    assert strict["quotes"] == [] and expected(ARTICLE)["quotes"] != []


def test_batch_answers_in_order_and_a_bad_text_only_in_its_slot(client: TestClient) -> None:
    texts: list[Any] = [ARTICLE, 42, "x" * 1_001, OTHER]
    response = client.post("/v1/attribute/batch", json={"texts": texts})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0] == expected(ARTICLE)
    assert results[1]["error"]["status"] == 422 and "texts[1]" in results[1]["error"]["message"]
    assert results[2]["error"]["status"] == 413
    assert results[3] == expected(OTHER)


def test_batch_over_the_limit_is_refused(client: TestClient) -> None:
    response = client.post("/v1/attribute/batch", json={"texts": [OTHER] * 5})
    assert response.status_code == 413
    assert "limit of 4" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b'{"text": "offen', 400, "not valid JSON"),
        (b"", 400, "empty"),
        (b"\xff\xfe\xfa", 400, "not valid"),
        (b"[" * 15_000, 400, "not valid JSON"),
        (b'["text"]', 422, "JSON object"),
        (b'{"text": 5}', 422, "must be a string"),
        (b'{"txt": "Hallo"}', 422, "unknown field"),
        (b"{}", 422, "missing"),
        (b'{"text": "Hallo", "min_confidence": "hoch"}', 422, "min_confidence"),
        (b'{"text": "Hallo", "min_confidence": true}', 422, "min_confidence"),
        (b'{"text": "Hallo", "min_confidence": 1.5}', 422, "min_confidence"),
        (b'{"text": "Hallo", "min_confidence": NaN}', 422, "min_confidence"),
        (b'{"texts": "Hallo"}', 422, "unknown field"),
    ],
)
def test_malformed_requests_get_a_clear_json_error(
    client: TestClient, body: bytes, status: int, words: str
) -> None:
    response = client.post("/v1/attribute", content=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and words in error["message"]


def test_batch_needs_a_list(client: TestClient) -> None:
    response = client.post("/v1/attribute/batch", json={"texts": ARTICLE})
    assert response.status_code == 422 and "list of strings" in response.json()["error"]["message"]


def test_a_text_over_max_chars_gets_413(client: TestClient) -> None:
    response = client.post("/v1/attribute", json={"text": "ä" * 1_001})
    assert response.status_code == 413
    assert "1,001 characters" in response.json()["error"]["message"]


def test_a_body_over_max_bytes_gets_413_from_its_content_length(client: TestClient) -> None:
    response = client.post("/v1/attribute", content=b" " * 20_001)
    assert response.status_code == 413
    assert response.headers["connection"] == "close"
    assert "--max-bytes" in response.json()["error"]["message"]


def test_a_body_without_content_length_over_max_bytes_gets_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # a generator: sent chunked, without Content-Length
        for _ in range(100):
            yield b" " * 1_000

    response = client.post("/v1/attribute", content=chunks())
    assert response.status_code == 413
    assert "more than" in response.json()["error"]["message"]


def test_unknown_routes_and_methods_answer_json(client: TestClient) -> None:
    missing = client.get("/v2/attribute")
    assert missing.status_code == 404 and "no such route" in missing.json()["error"]["message"]
    wrong = client.get("/v1/attribute")
    assert wrong.status_code == 405 and wrong.json()["error"]["status"] == 405


def test_health_and_version(client: TestClient) -> None:
    health = client.get("/v1/health").json()
    assert health["status"] == "ready" and health["workers"] == health["workers_ready"] == 1
    assert client.get("/v1/version").json() == {"quotable": __version__, "schema": SCHEMA, "model": None}


def test_openapi_describes_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    described = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    routes = {(r.path, m) for r in client.app.routes for m in r.methods - {"HEAD"}}  # type: ignore[attr-defined]
    assert described == routes
    assert spec["paths"]["/v1/attribute"]["post"]["requestBody"]["content"]["application/json"]


def test_security_headers_and_no_cors_by_default(client: TestClient) -> None:
    response = client.post("/v1/attribute", json={"text": OTHER}, headers={"Origin": "https://example.org"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert not any(h.startswith("access-control") for h in response.headers)


# ------------------------------------------------------------------ the page
def test_the_page_is_a_form_without_javascript(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and '<form method="post" action="/">' in response.text
    assert "<script" not in response.text and "http" not in response.text.replace("http-equiv", "")
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_the_page_shows_the_article_view_escaped(client: TestClient) -> None:
    text = "„<script>alert(1)</script> & mehr“, sagte sie."
    response = client.post("/", data={"text": text})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text
    assert response.text.lstrip().lower().startswith("<!doctype html>")
    assert "content-security-policy" in response.headers


def test_the_page_explains_a_text_that_is_too_long_or_missing(client: TestClient) -> None:
    response = client.post("/", data={"text": "x" * 1_001})
    assert response.status_code == 413 and "1,001 characters" in response.text
    assert client.post("/", data={"text": " "}).status_code == 422


def test_article_page_uses_the_article_view(monkeypatch: pytest.MonkeyPatch) -> None:
    view = type(sys)("quotable.view")
    view.render_article = lambda text, res: f"<html>{len(text)} {len(res.quotes)}</html>"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quotable.view", view)
    assert page.article_page(ARTICLE, Attributor(None).attribute(ARTICLE)) == f"<html>{len(ARTICLE)} 1</html>"


# ------------------------------------------------------------------ security
def test_a_token_guards_every_route_but_health() -> None:
    token = "s3cr3t-Token_42"
    with fake_client(ServerConfig(model=None, token=token)) as guarded:
        assert guarded.get("/v1/health").status_code == 200
        for method, path in [("POST", "/v1/attribute"), ("GET", "/v1/version"), ("GET", "/openapi.json")]:
            assert guarded.request(method, path, json={"text": OTHER}).status_code == 401
        refused = guarded.post(
            "/v1/attribute", json={"text": OTHER}, headers={"Authorization": "Bearer falsch"}
        )
        assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
        assert "token" in refused.json()["error"]["message"]
        assert guarded.get("/", headers={"Authorization": f"Basic {token}"}).status_code == 401
        assert guarded.get("/nirgends").status_code == 401  # no hint which routes exist
        good = {"Authorization": f"bearer {token}"}
        assert guarded.post("/v1/attribute", json={"text": OTHER}, headers=good).json() == expected(OTHER)
        assert guarded.get("/", headers=good).status_code == 200
        assert guarded.get("/openapi.json", headers=good).json()["security"] == [{"bearer": []}]


def test_cors_only_for_configured_origins() -> None:
    config = ServerConfig(model=None, cors_origins=("https://redaktion.example",))
    with fake_client(config) as cors:
        allowed = cors.get("/v1/version", headers={"Origin": "https://redaktion.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://redaktion.example"
        other = cors.get("/v1/version", headers={"Origin": "https://fremd.example"})
        assert "access-control-allow-origin" not in other.headers


def test_request_texts_stay_out_of_the_log_unless_asked(caplog: pytest.LogCaptureFixture) -> None:
    marker = "„Sperrfrist bis Mittwoch“, sagte der Sprecher."
    caplog.set_level(logging.DEBUG)
    with fake_client() as quiet:
        assert quiet.post("/v1/attribute", json={"text": marker}).status_code == 200
        assert quiet.post("/v1/attribute", content=b"{kaputt").status_code == 400
    assert "Sperrfrist" not in caplog.text
    with fake_client(ServerConfig(model=None, log_texts=True)) as chatty:
        chatty.post("/v1/attribute", json={"text": marker})
    assert "Sperrfrist" in caplog.text


def test_an_internal_error_is_500_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    with fake_client(fail=True) as failing:
        response = failing.post("/v1/attribute", json={"text": OTHER})
    assert response.status_code == 500
    assert response.json() == {
        "error": {"status": 500, "message": "internal error; the server log has the details"}
    }
    assert "geheim" not in response.text and "Traceback" not in response.text
    assert "geheimer Zustand" in caplog.text and "Traceback" in caplog.text


def test_loading_answers_503_until_ready() -> None:
    with fake_client(state=PoolState.LOADING) as loading:
        health = loading.get("/v1/health")
        assert health.status_code == 503 and health.json()["status"] == "loading"
        refused = loading.post("/v1/attribute", json={"text": OTHER})
        assert refused.status_code == 503 and refused.headers["retry-after"] == "5"
        assert "loading" in refused.json()["error"]["message"]
        batch = loading.post("/v1/attribute/batch", json={"texts": [OTHER]}).json()
        assert batch["results"][0]["error"]["status"] == 503


# ------------------------------------------------------------------ the pool
def test_a_slow_text_gets_503_and_its_worker_is_replaced(tmp_path: Path) -> None:
    config = ServerConfig(model=None, timeout=1.0)
    pool = WorkerPool(config, work=serve_helpers.work)
    with TestClient(create_app(config, pool)) as slow:
        wait_ready(slow)
        response = slow.post("/v1/attribute", json={"text": serve_helpers.SLEEP + str(tmp_path / "pid")})
        assert response.status_code == 503 and "1 s" in response.json()["error"]["message"]
        assert wait_until_restarted(slow)
        assert slow.post("/v1/attribute", json={"text": OTHER}).json() == expected(OTHER)


def wait_until_restarted(client: TestClient, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        health = client.get("/v1/health").json()
        if health["restarts"] >= 1 and health["workers_ready"] == health["workers"]:
            return True
        time.sleep(0.05)
    return False


def test_a_crash_in_a_batch_costs_only_the_text_that_caused_it(tmp_path: Path) -> None:
    config = ServerConfig(model=None, timeout=30.0)
    pool = WorkerPool(config, work=serve_helpers.work)
    pid_file = tmp_path / "pid"
    with TestClient(create_app(config, pool)) as crashing:
        wait_ready(crashing)
        results: dict[str, Any] = {}

        def blocker() -> None:  # holds the one worker so that the next texts queue up together
            results["sleep"] = crashing.post(
                "/v1/attribute", json={"text": serve_helpers.SLEEP + str(pid_file)}
            )

        thread = threading.Thread(target=blocker)
        thread.start()
        wait_for_file(pid_file)
        texts = [ARTICLE, serve_helpers.CRASH, OTHER]
        batch: dict[str, Any] = {}
        sender = threading.Thread(
            target=lambda: batch.update(crashing.post("/v1/attribute/batch", json={"texts": texts}).json())
        )
        sender.start()
        wait_queued(crashing, len(texts))
        os.kill(int(pid_file.read_text()), signal.SIGKILL)
        thread.join(timeout=30)
        sender.join(timeout=30)
        assert results["sleep"].status_code == 500
        assert batch["results"][0] == expected(ARTICLE) and batch["results"][2] == expected(OTHER)
        assert batch["results"][1]["error"]["status"] == 500
        assert "worker process stopped" in batch["results"][1]["error"]["message"]
        assert crashing.post("/v1/attribute", json={"text": OTHER}).json() == expected(OTHER)


def wait_for_file(path: Path, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_text()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert path.exists(), f"{path} not written within {seconds} s"


def wait_queued(client: TestClient | httpx.Client, count: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while client.get("/v1/health").json()["queued"] < count:
        assert time.monotonic() < deadline, f"{count} texts not queued within {seconds} s"
        time.sleep(0.02)


# ------------------------------------------------------------------ a real server: faults
@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serve_helpers.LiveServer]:
    log = tmp_path_factory.mktemp("serve") / "server.log"
    args = ["--model", "none", "--workers", "2", "--max-bytes", "1000000"]
    with serve_helpers.live_server(args, log) as live, httpx.Client(base_url=live.url) as http:
        wait_ready(http)
        yield live


def raw_request(port: int, head: bytes, body: bytes = b"") -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection.sendall(head + body)
    return connection


def read_response(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + content_length(data):
        try:
            chunk = connection.recv(65536)
        except ConnectionResetError:  # a server that closes on an unread body resets; the answer came first
            break
        if not chunk:
            break
        data += chunk
    return data


def content_length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def assert_still_serving(server: serve_helpers.LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert http.post("/v1/attribute", json={"text": ARTICLE}).json() == expected(ARTICLE)
        assert http.get("/v1/health").json()["status"] == "ready"
    assert server.process.poll() is None
    assert "Traceback" not in server.output()


def test_a_client_that_disconnects_mid_request(server: serve_helpers.LiveServer) -> None:
    head = b"POST /v1/attribute HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    body = json.dumps({"text": ARTICLE * 5}).encode()
    # gone halfway through the body
    raw_request(server.port, head + b"Content-Length: %d\r\n\r\n" % len(body), body[: len(body) // 2]).close()
    # gone after the whole request, before the answer
    for _ in range(20):
        raw_request(server.port, head + b"Content-Length: %d\r\n\r\n" % len(body), body).close()
    # gone in the middle of the headers
    raw_request(server.port, b"POST /v1/attribute HTTP/1.1\r\nHost: 127").close()
    assert_still_serving(server)


def test_a_50_mb_body_gets_413_before_it_is_read(server: serve_helpers.LiveServer) -> None:
    fifty_mb = 50 * 1024 * 1024
    head = b"POST /v1/attribute HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    # announced: the answer comes before a single byte of the body is sent
    with raw_request(server.port, head + b"Content-Length: %d\r\n\r\n" % fifty_mb) as announced:
        answer = read_response(announced)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"over the limit of 1,000,000" in answer
    # not announced (chunked): refused while it streams in, long before 50 MB
    sent = 0
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    with raw_request(server.port, head + b"Transfer-Encoding: chunked\r\n\r\n") as streamed:
        streamed.settimeout(10)
        try:
            while sent < fifty_mb and not select.select([streamed], [], [], 0)[0]:
                streamed.sendall(chunk)
                sent += 0x10000
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
        select.select([streamed], [], [], 10)
        answer = read_response(streamed)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < fifty_mb // 4
    assert_still_serving(server)


def test_200_malformed_requests_in_a_row(server: serve_helpers.LiveServer) -> None:
    bodies = [b"{", b'{"text": 1}', b"\xc3\x28", b"[]", b'{"text": "a", "x": 1}', b"null", b"{" * 5000, b""]
    statuses = []
    with httpx.Client(base_url=server.url, timeout=30) as http:
        for i in range(190):
            response = http.post("/v1/attribute", content=bodies[i % len(bodies)])
            statuses.append(response.status_code)
            assert response.json()["error"]["status"] == response.status_code
    for garbage in [
        b"GARBAGE\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        b"\x00\x01\x02\r\n\r\n",
    ] * 3 + [b"\r\n"]:
        with raw_request(server.port, garbage) as connection:
            connection.settimeout(10)
            answer = read_response(connection)
            statuses.append(int(answer.split()[1]) if answer else 400)
    assert len(statuses) == 200 and set(statuses) <= {400, 422}
    assert_still_serving(server)


def test_a_worker_killed_while_serving(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    with (
        serve_helpers.live_server(["2", "30"], tmp_path / "server.log", helper=True) as live,
        httpx.Client(base_url=live.url, timeout=60) as http,
    ):
        wait_ready(http)
        slow: dict[str, httpx.Response] = {}
        victim = threading.Thread(
            target=lambda: slow.update(
                r=http.post("/v1/attribute", json={"text": serve_helpers.SLEEP + str(pid_file)})
            )
        )
        victim.start()
        wait_for_file(pid_file)
        texts = [f"„Antwort {i}“, sagte er." for i in range(40)]
        answers: list[httpx.Response] = []

        def others() -> None:
            with httpx.Client(base_url=live.url, timeout=60) as own:
                answers.extend(own.post("/v1/attribute", json={"text": t}) for t in texts)

        bystanders = threading.Thread(target=others)
        bystanders.start()
        os.kill(int(pid_file.read_text()), signal.SIGKILL)
        victim.join(timeout=60)
        bystanders.join(timeout=60)
        assert slow["r"].status_code == 500
        assert "worker process stopped" in slow["r"].json()["error"]["message"]
        assert [a.status_code for a in answers] == [200] * len(texts)
        assert [a.json() for a in answers] == [expected(t) for t in texts]
        health = wait_ready(http)
        assert health["restarts"] == 1
        assert http.post("/v1/attribute", json={"text": ARTICLE}).json() == expected(ARTICLE)
    assert "stopped while attributing 1 text(s)" in live.output()


# ------------------------------------------------------------------ with the model
@pytest.mark.model
def test_loading_then_the_seeds_as_in_process(
    tmp_path: Path, model_attributor: Attributor, seed_texts: tuple[str, ...]
) -> None:
    args = ["--model", "embedded", "--workers", "1"]
    with (
        serve_helpers.live_server(args, tmp_path / "server.log") as live,
        httpx.Client(base_url=live.url, timeout=120) as http,
    ):
        health = http.get("/v1/health")
        assert health.status_code == 503 and health.json()["status"] == "loading"
        early = http.post("/v1/attribute", json={"text": seed_texts[0]})
        assert early.status_code == 503 and "loading" in early.json()["error"]["message"]
        wait_ready(http, seconds=180)
        want = [json.loads(model_attributor.attribute(t).to_json()) for t in seed_texts]
        assert [http.post("/v1/attribute", json={"text": t}).json() for t in seed_texts] == want
        assert http.post("/v1/attribute/batch", json={"texts": list(seed_texts)}).json()["results"] == want
        assert http.get("/v1/version").json()["model"] == model_attributor.model


# ------------------------------------------------------------------ command line and imports
def test_importing_quotable_does_not_import_the_server_stack() -> None:
    code = (
        "import sys, quotable, quotable.cli\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'httpx')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env=dict(os.environ, PYTHONPATH=str(serve_helpers.ROOT))
    )


def test_serve_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "0"]) == 2
    assert "'workers' must be > 0" in capsys.readouterr().err
    assert main(["serve", "--token", "mit leerzeichen"]) == 2
    assert "printable ASCII" in capsys.readouterr().err
    assert main(["serve", "--min-confidence", "2"]) == 2
    assert main(["serve", "--help"]) == 0
    assert "--max-chars" in capsys.readouterr().out


def test_serve_says_when_the_model_is_missing(no_models: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--model", "embedded"]) == 1
    assert "quotable serve: error:" in capsys.readouterr().err
