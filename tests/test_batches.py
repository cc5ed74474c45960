"""Many documents: every result in its slot, in input order, in one process or several.

Without a parser (``Attributor(None)``) except one test marked ``model``.  The
worker processes import this module to rebuild :class:`Picky`, the Attributor
that fails on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path

import pytest

from quotable import Failure
from quotable.attributor import Attributor
from quotable.cli import main
from quotable.errors import LexiconError, WorkerError
from quotable.model import Attribution
from quotable.workers import WINDOW, Workers

ROOT = Path(__file__).resolve().parent.parent
SPEECH = "„Wir bauen die Brücke bis zum Sommer wieder auf“, sagte die Bürgermeisterin."
CREDIT = "Der Stadtrat tagt am Montag.\n\nwa/fab (dpa, afp)"
HEADLINE = "»Kein Kommentar« – so lautete die knappe Antwort des Ministeriums."
BOOM = "Dieser Text enthält das Wort BOOM und bringt die Pipeline zu Fall."
KILL = "Dieser Text enthält das Wort KILL und beendet den Arbeitsprozess."
BROKEN = "Dieser Text enthält das Wort LEXICON und steht für eine kaputte Installation."


class Picky(Attributor):
    """Raises on a text holding BOOM, ends its process on one holding KILL (only ever in a worker)."""

    def _run(self, texts: Sequence[str]) -> list[Attribution]:
        for text in texts:
            if "KILL" in text:
                assert os.environ.get("QUOTABLE_TEST_WORKER") == "1", "KILL only in a worker process"
                os._exit(3)
            if "BOOM" in text:
                raise RuntimeError("die Pipeline ist gestolpert")
            if "LEXICON" in text:
                raise LexiconError("agencies.tsv is broken")
        return super()._run(texts)


class Unpacking(Attributor):
    """Cannot be rebuilt in a worker process."""

    def __setstate__(self, state: dict[str, object]) -> None:
        raise RuntimeError("kein Modell für diesen Arbeitsprozess")


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes inherit this marker, so that :class:`Picky` may end them."""
    monkeypatch.setenv("QUOTABLE_TEST_WORKER", "1")


def texts(count: int) -> list[str]:
    pool = [SPEECH, CREDIT, HEADLINE, "", "Ein Satz ohne Zitat."]
    return [f"{pool[i % len(pool)]} ({i})" for i in range(count)]


def dicts(results: Iterator[Attribution | Failure]) -> list[dict[str, object]]:
    return [r.to_dict() for r in results]


# ------------------------------------------------------------------ failures in their slots
@pytest.mark.parametrize("workers", [None, 2])
def test_a_failing_document_is_a_failure_in_its_slot_and_its_batch_mates_are_kept(
    workers: int | None, in_workers: None
) -> None:
    picky, plain = Picky(None, max_chars=500), Attributor(None, max_chars=500)
    given: list[object] = [*texts(5), BOOM, None, "x" * 501, *texts(7)]
    results = list(picky.attribute_many(given, batch_size=4, workers=workers, errors="return"))  # type: ignore[call-overload]
    assert [type(r).__name__ for r in results[5:8]] == ["Failure"] * 3
    boom, none, long = results[5:8]
    assert boom == Failure("RuntimeError", "die Pipeline ist gestolpert")
    assert isinstance(boom, Failure) and "RuntimeError" in boom.traceback
    assert none == Failure("TypeError", "quotable needs the text as a str, not NoneType")
    assert isinstance(long, Failure) and long.error_type == "InputTooLargeError"
    good = [t for t in given if isinstance(t, str) and t not in (BOOM, "x" * 501)]
    assert [r for r in results if not isinstance(r, Failure)] == [plain.attribute(t) for t in good]
    assert boom.to_dict() == {
        "schema": "quotable/1",
        "error": {"type": "RuntimeError", "message": "die Pipeline ist gestolpert"},
    }


@pytest.mark.parametrize("workers", [None, 2])
def test_errors_raise_gives_the_results_before_the_failing_document_then_its_exception(
    workers: int | None,
) -> None:
    picky = Picky(None)
    results = picky.attribute_many([SPEECH, CREDIT, BOOM, SPEECH], batch_size=3, workers=workers)
    assert next(results) == Attributor(None).attribute(SPEECH)
    assert next(results) == Attributor(None).attribute(CREDIT)
    with pytest.raises(RuntimeError, match="die Pipeline ist gestolpert"):
        next(results)


@pytest.mark.parametrize("workers", [None, 2])
def test_a_broken_installation_stops_the_run_even_with_errors_return(workers: int | None) -> None:
    results = Picky(None).attribute_many([SPEECH, BROKEN], batch_size=1, workers=workers, errors="return")
    with pytest.raises(LexiconError, match=r"agencies\.tsv is broken"):
        list(results)


def test_a_document_that_kills_its_worker_fails_alone(in_workers: None) -> None:
    given = [*texts(6), KILL, *texts(9)]
    results = list(Picky(None).attribute_many(given, batch_size=4, workers=2, errors="return"))
    died = results[6]
    assert isinstance(died, Failure) and died.error_type == "WorkerDied"
    assert "exit code 3" in died.message
    assert results[:6] + results[7:] == list(Attributor(None).attribute_many(given[:6] + given[7:]))


# ------------------------------------------------------------------ order, memory, processes
def test_two_workers_give_the_serial_results_in_input_order() -> None:
    attributor = Attributor(None, min_confidence=0.0)
    given = texts(203)
    serial = dicts(attributor.attribute_many(given, batch_size=5))
    assert serial == [attributor.attribute(t).to_dict() for t in given]
    assert dicts(attributor.attribute_many(given, batch_size=5, workers=2)) == serial
    assert dicts(attributor.attribute_many(iter(given), batch_size=7, workers=3)) == serial


@pytest.mark.parametrize("workers", [1, 2])
def test_the_input_is_read_only_a_bounded_window_ahead(workers: int) -> None:
    taken = 0

    def endless() -> Iterator[str]:
        nonlocal taken
        while True:
            taken += 1
            yield SPEECH

    results = Attributor(None).attribute_many(endless(), batch_size=3, workers=workers)
    for _ in range(10):
        next(results)
    window = WINDOW * workers + 1 if workers > 1 else 1
    assert 10 <= taken <= 9 + window * 3
    assert isinstance(results, Generator)
    results.close()  # ends the workers


def test_workers_report_their_cpu_time_and_memory() -> None:
    with Workers(Attributor(None), 2) as pool:
        pool.start()
        assert len(list(pool.map(iter([[SPEECH] * 50] * 4)))) == 200
        assert len(list(pool.map(iter([[CREDIT]] * 3)))) == 3  # the same processes again
    assert pool.cpu_seconds > 0
    assert pool.peak_rss_kib > 10_000


def test_a_worker_that_cannot_start_is_a_worker_error_saying_why() -> None:
    with pytest.raises(WorkerError, match="could not start: RuntimeError: kein Modell für diesen"):
        list(Unpacking(None).attribute_many([SPEECH, CREDIT], batch_size=1, workers=2, errors="return"))


def test_a_script_needs_no_main_guard_for_workers(tmp_path: Path) -> None:
    script = tmp_path / "skript.py"
    script.write_text(
        "import quotable\n"
        f"texts = [{SPEECH!r}] * 10\n"
        "results = quotable.Attributor(None).attribute_many(texts, batch_size=2, workers=2)\n"
        "print(sum(len(r.quotes) for r in results))\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "10\n", "")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"batch_size": 0}, "batch_size must be a positive whole number"),
        ({"workers": 0}, "workers must be positive"),
        ({"errors": "ignore"}, "errors must be 'raise' or 'return'"),
    ],
)
def test_bad_options_are_a_value_error_at_the_call(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Attributor(None).attribute_many([SPEECH], **options)  # type: ignore[call-overload]


def test_the_exception_of_a_failure_is_raised_again_with_its_traceback() -> None:
    try:
        raise KeyError("Schlüssel")
    except KeyError as error:
        failure = Failure.of(error)
    assert (failure.error_type, failure.message) == ("KeyError", "'Schlüssel'")
    with pytest.raises(KeyError):
        failure.reraise()
    with pytest.raises(RuntimeError, match="ValueError: verloren") as raised:
        Failure("ValueError", "verloren", traceback="Traceback: im Arbeitsprozess").reraise()
    assert "im Arbeitsprozess" in str(raised.value.__cause__)


# ------------------------------------------------------------------ the command line
def test_cli_workers_name_a_failing_line_write_the_others_and_exit_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    in_workers: None,
) -> None:
    import quotable.attributor

    monkeypatch.setattr(quotable.attributor, "Attributor", Picky)
    records = [{"id": i, "text": t} for i, t in enumerate([SPEECH, CREDIT, BOOM, KILL, HEADLINE, SPEECH])]
    path = tmp_path / "artikel.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    code = main(["--model", "none", "--jsonl", "--workers", "2", "--batch-size", "2", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["meta"]["id"] for line in out.splitlines()] == [0, 1, 4, 5]
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0] == (
        f"quotable: error: {path}:3: RuntimeError: die Pipeline ist gestolpert "
        "(an error in quotable: please report it)"
    )
    assert lines[1].startswith(f"quotable: error: {path}:4: WorkerDied: worker process ")


def test_cli_workers_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--model", "none", "--workers", "0"]) == 2
    assert "--workers must be positive" in capsys.readouterr().err


# ------------------------------------------------------------------ with the model
@pytest.mark.model
def test_two_model_workers_give_the_serial_results(
    model_attributor: Attributor, seed_texts: tuple[str, ...]
) -> None:
    given = [*seed_texts, SPEECH, None]
    serial = dicts(model_attributor.attribute_many(given, batch_size=2, errors="return"))  # type: ignore[call-overload]
    parallel = dicts(model_attributor.attribute_many(given, batch_size=2, workers=2, errors="return"))  # type: ignore[call-overload]
    assert parallel == serial
    assert serial[-1]["error"] == {
        "type": "TypeError",
        "message": "quotable needs the text as a str, not NoneType",
    }
