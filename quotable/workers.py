"""Worker processes for :func:`quotable.batches.attribute_many` with ``workers`` > 1.

Each worker is a
fresh interpreter started with :mod:`subprocess` (not a fork: a forked process
that already ran torch can deadlock), builds its own copy of the Attributor and
loads the model once, when it starts.  Because the workers do not re-import the
caller's ``__main__`` (as :mod:`multiprocessing` does), a script needs no
``if __name__ == "__main__":`` guard; an Attributor subclass must be importable
from a module.  A worker that dies (killed, out of memory, a crash in native
code) costs only the document that killed it: its batch is retried document by
document, each in a worker of its own.  At most ``2 × workers`` batches are in
flight, so memory stays bounded for an input of any length.  Each worker runs
torch with ``cores // workers`` threads unless ``OMP_NUM_THREADS`` is set.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, TYPE_CHECKING, Any

import attrs

# _WorkerTraceback stays in quotable.batches, where Failure.reraise raises from it too
from quotable.batches import Failure, Item, Result, _WorkerTraceback, run_batch
from quotable.errors import WorkerError

if TYPE_CHECKING:
    from quotable.attributor import Attributor

logger = logging.getLogger(__name__)

WINDOW = 2
"""Batches in flight per worker: one being attributed, one waiting, so no worker idles."""


class _WorkerDied(Exception):
    """The worker process ended while it held a batch."""


class Workers:
    """``count`` worker processes, each with its own copy of ``attributor`` (the model loaded once).

    A context manager: the processes start on the first batches (or with
    :meth:`start`) and end with the ``with`` block, at once if it ends with an
    exception.  :meth:`map` attributes a stream of batches.  ``cpu_seconds`` and
    ``peak_rss_kib`` add up what the workers report about the batches they
    attributed (their CPU time, and the largest peak resident size), for benchmarks.
    """

    def __init__(self, attributor: Attributor, count: int) -> None:
        if count < 1:
            raise ValueError(f"workers must be positive, got {count}")
        self.count = count
        self.cpu_seconds = 0.0
        self.peak_rss_kib = 0
        self._state = pickle.dumps(attributor)
        self._threads = ThreadPoolExecutor(max_workers=count, thread_name_prefix="quotable-worker")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._processes: list[_Process] = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.close(kill=kind is not None)

    def start(self) -> None:
        """Start every worker process now, each loading its model, rather than on the first batches."""
        barrier = threading.Barrier(self.count)

        def begin() -> None:  # the barrier makes each of the threads take one
            try:
                self._process()
            except BaseException:
                barrier.abort()
                raise
            barrier.wait()

        for future in [self._threads.submit(begin) for _ in range(self.count)]:
            future.result()

    def map(self, batches: Iterator[list[Item]]) -> Iterator[Result]:
        """The results of every batch, in order, with at most ``WINDOW × count`` batches in flight."""
        window: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        while True:
            while len(window) < WINDOW * self.count and (batch := next(batches, None)) is not None:
                window.append((batch, self._threads.submit(self._attribute, batch)))
            if not window:
                return
            batch, future = window.popleft()
            try:
                results = future.result()
            except _WorkerDied as died:
                results = self._retry(batch, died)
            yield from results

    def close(self, *, kill: bool = False) -> None:
        """End the worker processes: at once with ``kill``, else when they have finished their batch."""
        self._threads.shutdown(wait=not kill, cancel_futures=True)
        with self._lock:
            processes, self._processes = self._processes, []
        for process in processes:
            process.close(kill=kill)
        self._threads.shutdown(wait=True)

    def _retry(self, batch: list[Item], died: _WorkerDied) -> list[Result]:
        """A batch whose worker died, document by document: only the one that kills its worker fails."""
        texts = [item for item in batch if isinstance(item, str)]
        if len(texts) <= 1:
            return [_died(died) if isinstance(item, str) else item for item in batch]
        logger.info("%s; retrying its %d documents one by one", died, len(texts))
        futures = [self._threads.submit(self._attribute, [text]) for text in texts]
        retried: list[Result] = []
        for future in futures:
            try:
                retried.extend(future.result())
            except _WorkerDied as again:
                retried.append(_died(again))
        results = iter(retried)
        return [next(results) if isinstance(item, str) else item for item in batch]

    def _process(self) -> _Process:
        """This thread's worker process, started on the thread's first batch."""
        process: _Process | None = getattr(self._local, "process", None)
        if process is None:
            process = _Process(self._state, self.count)
            with self._lock:
                self._processes.append(process)
            self._local.process = process
        return process

    def _attribute(self, batch: list[Item]) -> list[Result]:
        """Runs in one of the threads, each of which owns one worker process."""
        process = self._process()
        try:
            results, cpu, rss = process.attribute(batch)
        except _WorkerDied:
            self._local.process = None
            with self._lock:
                if process in self._processes:
                    self._processes.remove(process)
            process.close(kill=True)
            raise
        with self._lock:
            self.cpu_seconds += cpu
            self.peak_rss_kib = max(self.peak_rss_kib, rss)
        return results


def _died(died: _WorkerDied) -> Failure:
    return Failure("WorkerDied", f"{died}: killed, out of memory, or a crash in native code")


class _Process:
    """One worker process and the pipes to it: length-prefixed pickles each way."""

    def __init__(self, state: bytes, count: int) -> None:
        environment = dict(os.environ)
        # the worker imports quotable (and any Attributor subclass) from where this process does
        environment["PYTHONPATH"] = os.pathsep.join(p or os.getcwd() for p in sys.path)
        if "OMP_NUM_THREADS" not in environment:
            environment["OMP_NUM_THREADS"] = str(max(1, (os.cpu_count() or 1) // count))
        self._process = subprocess.Popen(
            [sys.executable, "-c", "from quotable.workers import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._to, self._from = self._process.stdin, self._process.stdout
        try:
            _send(self._to, state)
            answer = _receive(self._from)
        except (OSError, EOFError):
            answer = None
        if not (isinstance(answer, tuple) and answer[0] == "ready"):
            self.close(kill=True)
            if isinstance(answer, tuple) and answer[0] == "error":
                raise WorkerError(f"a quotable worker process could not start: {answer[1]}")
            raise WorkerError(
                f"a quotable worker process could not start (exit code {self._process.returncode}); "
                "its error output says why"
            )
        self._cpu: float = answer[1]
        """The worker's CPU seconds at its last answer."""

    def attribute(self, batch: list[Item]) -> tuple[list[Result], float, int]:
        try:
            _send(self._to, pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
            answer = _receive(self._from)
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            try:  # it has ended, or it answered nonsense and is ended now
                code = self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                code = self._process.wait()
            raise _WorkerDied(f"worker process {self._process.pid} ended with exit code {code}") from error
        if answer[0] == "fatal":
            raise answer[1] from _WorkerTraceback(answer[2])
        _, results, cpu, rss = answer
        spent, self._cpu = cpu - self._cpu, cpu
        return results, spent, rss

    def close(self, *, kill: bool) -> None:
        if kill:
            self._process.kill()
        with contextlib.suppress(OSError):
            self._to.close()
        self._process.wait()
        if not kill:  # a killed worker's pipe may still be read by its thread, which then sees its end
            self._from.close()


def _send(stream: IO[bytes], data: bytes) -> None:
    stream.write(len(data).to_bytes(8, "little") + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError("the worker process closed its pipe")
    size = int.from_bytes(header, "little")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the worker process closed its pipe")
    return pickle.loads(data)


def serve() -> None:
    """A worker process: an Attributor from stdin, then batches in and results out until stdin closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it closes the pipe
    inbox = sys.stdin.buffer
    # the pipe to the parent is a duplicate of stdout; what libraries print goes to stderr
    outbox = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        attributor = _receive(inbox)
        if attributor._parser is not None:
            attributor._parser.load()
    except Exception as error:
        _send(outbox, pickle.dumps(("error", f"{type(error).__name__}: {error}")))
        return
    _send(outbox, pickle.dumps(("ready", time.process_time())))
    while True:
        try:
            batch = _receive(inbox)
        except EOFError:
            return
        try:
            answer: tuple[Any, ...] = ("done", [_portable(r) for r in run_batch(attributor, batch)])
        except Exception as error:
            answer = ("fatal", _portable_error(error), "".join(traceback.format_exception(error)))
            _send(outbox, pickle.dumps(answer))
            continue
        # the process's CPU time so far: the parent counts what each batch added, unpickling included
        _send(outbox, pickle.dumps((*answer, time.process_time(), _peak_rss_kib())))


def _portable(result: Result) -> Result:
    """``result`` as it can be sent to the parent: a failure's exception only if it survives pickling."""
    if isinstance(result, Failure) and result.exception is not None:
        return attrs.evolve(result, exception=_portable_error(result.exception))
    return result


def _portable_error(error: BaseException) -> Any:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _peak_rss_kib() -> int:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
