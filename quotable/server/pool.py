"""Worker processes for the service: each loads the model once; a dead one is replaced.

Every worker is its own one-process :class:`~concurrent.futures.ProcessPoolExecutor`
("spawn": a forked copy of a process that ran torch can deadlock), driven by one
asyncio task, its *slot*.  Requests wait in one queue; an idle slot takes the
texts at the head of it (up to 16, or ``batch_chars`` characters, of one
``min_confidence``) and sends them to its worker as one batch, which is how
``Attributor.attribute_many`` parses fastest.  Because a worker only ever holds
the one batch its slot gave it:

- a worker that dies (a signal, the OOM killer, a crash in torch) breaks only its
  own executor (``BrokenProcessPool``); the slot starts a new worker.  A text that
  was alone in the dead batch gets an error; texts batched with others are each
  run again on their own, so the one that killed the worker is found and no
  bystander is lost;
- a batch that runs past its requests' deadline is stopped by killing its worker,
  so a runaway text cannot hold a worker for ever.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import enum
import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import attrs

from quotable.server import worker
from quotable.server.config import ServerConfig

logger = logging.getLogger(__name__)

_MICRO_BATCH = 16
"""Texts sent to a worker at once (``attribute_many``'s default batch size)."""

_START_ATTEMPTS = 3
"""Tries to start a worker whose process died while loading the model."""

_GRACE = 1.0
"""Seconds past the latest deadline in a batch before its worker is stopped."""

Answer = tuple[int, bytes]
"""HTTP status and body for one text (for an error, its message)."""

Work = Callable[[Sequence[str], float, Sequence[bool]], list[Answer]]
"""What a worker runs on a batch: :func:`quotable.server.worker.attribute`."""


class PoolState(str, enum.Enum):
    """Where the pool stands; the service is ready only once the model is loaded."""

    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"
    CLOSED = "closed"


class Unavailable(Exception):
    """The text cannot be attributed now (HTTP 503): loading, busy, timed out or shutting down."""

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@attrs.define(eq=False)
class _Job:
    text: str
    min_confidence: float
    html: bool
    future: asyncio.Future[Answer]
    deadline: float
    alone: bool = False


@attrs.define(eq=False)
class _Slot:
    index: int
    executor: ProcessPoolExecutor | None = None
    pid: int | None = None
    ready: bool = False
    busy: bool = False
    failed: str | None = None
    started: bool = False
    task: asyncio.Task[None] | None = None


class WorkerPool:
    """``config.workers`` worker processes behind one queue; see the module docstring.

    ``work`` is run in a worker on each batch; it must be importable by name (it is
    sent to the worker processes by reference).
    """

    def __init__(self, config: ServerConfig, work: Work = worker.attribute) -> None:
        self.config = config
        self._work = work
        self.restarts = 0
        self._slots = [_Slot(i) for i in range(config.workers)]
        self._pending: collections.deque[_Job] = collections.deque()
        self._cond: asyncio.Condition | None = None
        self._closing = False
        self._threads = max(1, (os.cpu_count() or 1) // config.workers)

    # ------------------------------------------------------------ state
    @property
    def state(self) -> PoolState:
        """Loading until every worker has tried to load the model once; failed if none could."""
        if self._closing:
            return PoolState.CLOSED
        if not all(s.started for s in self._slots):
            return PoolState.LOADING
        if all(s.failed for s in self._slots):
            return PoolState.FAILED
        return PoolState.READY

    def health(self) -> dict[str, Any]:
        """What ``GET /v1/health`` reports (no texts, no process ids)."""
        report: dict[str, Any] = {
            "status": self.state.value,
            "workers": len(self._slots),
            "workers_ready": sum(s.ready for s in self._slots),
            "queued": self._queued(),
            "restarts": self.restarts,
        }
        errors = sorted({s.failed for s in self._slots if s.failed})
        if errors:
            report["errors"] = errors
        return report

    def _queued(self) -> int:
        return sum(not j.future.done() for j in self._pending)

    # ------------------------------------------------------------ life cycle
    async def start(self) -> None:
        """Start the workers loading the model, and return at once."""
        self._cond = asyncio.Condition()
        for slot in self._slots:
            slot.task = asyncio.create_task(self._serve(slot), name=f"quotable-worker-{slot.index}")

    async def close(self) -> None:
        """Answer what is waiting with 503, stop the workers and wait for them (bounded)."""
        self._closing = True
        for job in self._pending:
            if not job.future.done():
                job.future.set_exception(Unavailable("the service is shutting down"))
        self._pending.clear()
        busy = [s.busy for s in self._slots]
        tasks = [s.task for s in self._slots if s.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        executors = []
        for slot, was_busy in zip(self._slots, busy, strict=True):
            if slot.executor is not None:
                executors.append(slot.executor)
                # an idle worker leaves at the executor's word; a busy one would finish its batch first
                self._discard(slot, kill=was_busy)
        if executors:
            joins = [asyncio.to_thread(e.shutdown, True) for e in executors]
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.gather(*joins, return_exceptions=True), timeout=10)
        executors.clear()
        gc.collect()  # the executors' queues hold semaphores, freed only when collected

    # ------------------------------------------------------------ requests
    async def attribute(self, text: str, min_confidence: float, *, html: bool = False) -> Answer:
        """The answer for one text, from whichever worker is free first.

        Raises :class:`Unavailable` while loading, when the queue is full, when
        no answer came within ``config.timeout`` seconds, and on shutdown."""
        state = self.state
        if state is PoolState.LOADING:
            raise Unavailable("the model is still loading; try again in a few seconds", retry_after=5)
        if state is PoolState.FAILED:
            raise Unavailable("no worker could load the model: " + "; ".join(self.health()["errors"]))
        if state is PoolState.CLOSED or self._cond is None:
            raise Unavailable("the service is shutting down")
        if self._queued() >= self.config.max_queue:
            raise Unavailable(f"busy: {self.config.max_queue} texts are waiting; try again later", 1)
        loop = asyncio.get_running_loop()
        job = _Job(text, min_confidence, html, loop.create_future(), loop.time() + self.config.timeout)
        async with self._cond:
            self._pending.append(job)
            self._cond.notify()
        try:
            # a timeout or a cancelled request (client gone) cancels the job: a slot skips it
            return await asyncio.wait_for(job.future, self.config.timeout)
        except asyncio.TimeoutError:
            raise Unavailable(
                f"no answer within {self.config.timeout:g} s (the service is overloaded or the text too "
                "long to parse in time); try again later or send a shorter text",
                retry_after=5,
            ) from None

    # ------------------------------------------------------------ slots
    async def _serve(self, slot: _Slot) -> None:
        while not self._closing:
            if slot.executor is None and not await self._start_worker(slot):
                return
            batch = await self._next_batch()
            if batch:
                await self._run(slot, batch)

    async def _start_worker(self, slot: _Slot) -> bool:
        loop = asyncio.get_running_loop()
        config = self.config
        failure = ""
        for attempt in range(1, _START_ATTEMPTS + 1):
            slot.executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            try:
                pid, model = await loop.run_in_executor(
                    slot.executor, worker.warm_up, config.model, config.max_chars, self._threads
                )
            except BrokenProcessPool as error:
                failure = f"the worker process died while loading the model ({error})"
                logger.warning("worker %d: %s (attempt %d)", slot.index, failure, attempt)
                self._discard(slot)
                await asyncio.sleep(attempt)
                continue
            except Exception as error:  # the model is missing or cannot be loaded: no use retrying
                failure = f"{type(error).__name__}: {error}"
                self._discard(slot)
                break
            slot.pid, slot.ready, slot.started = pid, True, True
            logger.info("worker %d (pid %d) ready, model %s", slot.index, pid, model or "none")
            return True
        logger.error("worker %d could not start: %s", slot.index, failure)
        slot.failed, slot.started = failure, True
        if self.state is PoolState.FAILED:
            for job in self._pending:
                if not job.future.done():
                    job.future.set_exception(Unavailable(f"no worker could load the model: {failure}"))
            self._pending.clear()
        return False

    async def _next_batch(self) -> list[_Job]:
        assert self._cond is not None
        async with self._cond:
            await self._cond.wait_for(lambda: self._closing or bool(self._pending))
            batch = self._take()
            if self._pending:
                self._cond.notify()
            return batch

    def _take(self) -> list[_Job]:
        """The jobs at the head of the queue that can go to a worker together."""
        batch: list[_Job] = []
        chars = 0
        while self._pending and not self._closing:
            job = self._pending[0]
            if job.future.done():  # timed out or its client went away
                self._pending.popleft()
                continue
            if batch and (
                job.alone
                or batch[0].alone
                or job.min_confidence != batch[0].min_confidence
                or len(batch) >= _MICRO_BATCH
                or chars + len(job.text) > self.config.batch_chars
            ):
                break
            batch.append(self._pending.popleft())
            chars += len(job.text)
        return batch

    async def _run(self, slot: _Slot, batch: list[_Job]) -> None:
        assert slot.executor is not None and self._cond is not None
        loop = asyncio.get_running_loop()
        texts = [j.text for j in batch]
        html = [j.html for j in batch]
        budget = max(j.deadline for j in batch) + _GRACE - loop.time()
        slot.busy = True
        try:
            call = loop.run_in_executor(slot.executor, self._work, texts, batch[0].min_confidence, html)
            answers = await asyncio.wait_for(call, max(budget, 0.0))
        except BrokenProcessPool:
            logger.error(
                "worker %d (pid %s) stopped while attributing %d text(s); starting a new one",
                slot.index,
                slot.pid,
                len(batch),
            )
            self._discard(slot)
            if len(batch) == 1:
                _answer(batch[0], (500, b"the worker process stopped while attributing this text"))
                return
            async with self._cond:  # each on its own, at the head of the queue, in order
                for job in reversed(batch):
                    job.alone = True
                    self._pending.appendleft(job)
                self._cond.notify_all()
            return
        except asyncio.TimeoutError:
            logger.error("worker %d (pid %s) ran past the timeout; stopping it", slot.index, slot.pid)
            self._discard(slot, kill=True)
            for job in batch:
                if not job.future.done():
                    job.future.set_exception(Unavailable("attributing took longer than the timeout"))
            return
        except Exception:
            logger.exception("worker %d failed on a batch of %d text(s)", slot.index, len(batch))
            for job in batch:
                _answer(job, (500, b"internal error"))
            return
        finally:
            slot.busy = False
        for job, answer in zip(batch, answers, strict=True):
            _answer(job, answer)

    def _discard(self, slot: _Slot, *, kill: bool = False) -> None:
        """Let go of the slot's worker (killing it first if asked); the slot starts a new one."""
        if kill and slot.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(slot.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
        if slot.executor is not None:
            slot.executor.shutdown(wait=False, cancel_futures=True)
            if slot.ready:
                self.restarts += 0 if self._closing else 1
        slot.executor, slot.pid, slot.ready = None, None, False


def _answer(job: _Job, answer: Answer) -> None:
    if not job.future.done():
        job.future.set_result(answer)
