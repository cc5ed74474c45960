"""Helpers for tests/test_serve.py: a real server on a free local port, and a worker
function that can be made slow or made to crash on purpose.

Run as a script it serves like ``quotable serve --model none``, with :func:`work`
in the workers: ``python tests/serve_helpers.py PORT WORKERS TIMEOUT``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from quotable.server import worker

ROOT = Path(__file__).resolve().parent.parent

SLEEP = "SCHLAF "
"""A text starting so makes the worker write its pid to the path that follows, then sleep."""

CRASH = "ABSTURZ"
"""A batch holding this text ends its worker process."""


def work(texts: Sequence[str], min_confidence: float, html: Sequence[bool]) -> list[tuple[int, bytes]]:
    """:func:`quotable.server.worker.attribute`, but slow or deadly on the texts above."""
    for text in texts:
        if text.startswith(SLEEP):
            Path(text[len(SLEEP) :]).write_text(str(os.getpid()), encoding="utf-8")
            time.sleep(60)
        if text == CRASH:
            os._exit(3)
    return worker.attribute(texts, min_confidence, html)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LiveServer:
    """A server process on 127.0.0.1; its output goes to ``log``."""

    def __init__(self, command: Sequence[str], port: int, log: Path) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)

    def wait_listening(self, seconds: float = 30.0) -> None:
        """Until the port accepts connections (the model may still be loading)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{self.output()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return
            time.sleep(0.05)
        raise RuntimeError(f"the server did not listen within {seconds} s:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


@contextlib.contextmanager
def live_server(args: Sequence[str], log: Path, *, helper: bool = False) -> Iterator[LiveServer]:
    """``quotable serve ARGS`` (or this module as a script, with ``helper``) on a free port."""
    port = free_port()
    if helper:
        command = [sys.executable, str(Path(__file__)), str(port), *args]
    else:
        command = [sys.executable, "-m", "quotable", "serve", "--port", str(port), *args]
    server = LiveServer(command, port, log)
    try:
        server.wait_listening()
        yield server
    finally:
        server.stop()


def main(argv: Sequence[str]) -> None:
    import serve_helpers  # this file by its module name, so that workers find `work` by it
    import uvicorn

    from quotable.server.app import create_app
    from quotable.server.config import ServerConfig
    from quotable.server.pool import WorkerPool

    port, workers, timeout = int(argv[0]), int(argv[1]), float(argv[2])
    config = ServerConfig(model=None, workers=workers, timeout=timeout)
    app = create_app(config, WorkerPool(config, work=serve_helpers.work))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info")


if __name__ == "__main__":
    main(sys.argv[1:])
