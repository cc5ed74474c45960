"""The ``quotable`` command: text or JSON Lines in, JSON Lines out.

    quotable [options] [FILE ...]        attribute quotes (stdin when no FILE or "-")
    quotable evaluate ...                score against annotated news (quotable evaluate -h)
    quotable export ...                  write predictions in the WikiNews corpus format
    quotable html FILE ... -o out.html   the articles with their quotations highlighted (HTML)
    quotable report results.jsonl ...    a corpus report over this command's JSON Lines output
    quotable download                    install the official Stanza German models
    quotable serve ...                   an HTTP service (quotable serve -h; needs quotable[server])

Exit codes: 0 success; 1 some input could not be processed or quotable failed
(one line each on stderr, ``FILE:LINE: message``: every other document is still
written); 2 usage error; 141 the reader closed the output early (``| head``), quietly.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import IO, Any

from quotable import __version__
from quotable.batches import Failure
from quotable.errors import QuotableError
from quotable.model import Attribution

SUBCOMMANDS = ("evaluate", "export", "download", "html", "report", "serve")


class _Document:
    """One input document: where it came from, its text, and metadata to pass through."""

    __slots__ = ("label", "meta", "source", "text")

    def __init__(self, label: str, text: str, source: str | None = None, meta: dict[str, Any] | None = None):
        self.label = label
        self.text = text
        self.source = source
        self.meta = meta


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotable",
        description="Find quotations, their speakers and the relaying news agencies in German news text. "
        "Writes one JSON object per document (schema quotable/1, see docs/schema.md).",
        epilog="Subcommands: quotable evaluate -h | quotable export -h | quotable download -h"
        " | quotable html -h | quotable report -h | quotable serve -h",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files (default: stdin; '-' is stdin)")
    parser.add_argument("--jsonl", action="store_true", help="input is JSON Lines with a 'text' field")
    parser.add_argument("--text-field", default="text", help="field holding the text in --jsonl input")
    parser.add_argument(
        "--format",
        choices=("json", "text", "csv", "tsv"),
        default="json",
        help="output format (csv/tsv: one row per quote, header first)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--model", default="auto", help="auto (default), embedded, stanza, none, or a model directory"
    )
    parser.add_argument("--min-confidence", type=float, default=0.5, help="drop less certain quotes")
    parser.add_argument("--batch-size", type=int, default=8, help="documents parsed together")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="CPU threads for the parser (default: torch's, one per core; use 1 when other "
        "processes share the machine)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes, each loading the model once"
    )
    parser.add_argument(
        "--progress", choices=("auto", "on", "off"), default="auto", help="progress on stderr"
    )
    parser.add_argument("--version", action="store_true", help="print the version and the model, then exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (testable in-process)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        return _subcommand(args_list[0], args_list[1:])
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if not 0.0 <= args.min_confidence <= 1.0:
        parser.print_usage(sys.stderr)
        print("quotable: error: --min-confidence must be between 0 and 1", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("quotable: error: --batch-size must be positive", file=sys.stderr)
        return 2
    if args.threads is not None and args.threads < 1:
        print("quotable: error: --threads must be positive", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("quotable: error: --workers must be positive", file=sys.stderr)
        return 2
    try:
        from quotable.attributor import Attributor

        attributor = Attributor(
            None if args.model == "none" else args.model,
            min_confidence=args.min_confidence,
            threads=args.threads,
        )
        if args.version:
            print(f"quotable {__version__}\nmodel: {attributor.model or 'none'}")
            return 0
        out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except (QuotableError, OSError, ValueError) as error:
        print(f"quotable: error: {error}", file=sys.stderr)
        return 1
    failures = [0]
    if args.format in ("csv", "tsv"):
        from quotable import table

        out.write(table.header(args.format))
    try:
        documents = _documents(args.files or ["-"], args.jsonl, args.text_field, failures)
        _write_all(attributor, documents, out, args, failures)
    except QuotableError as error:
        print(f"quotable: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader is gone (quotable … | head): stop quietly, and keep the
        # interpreter's own flush at exit from raising the same error again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failures[0] else 0


def _write_all(
    attributor: Any, documents: Iterator[_Document], out: IO[str], args: Any, failures: list[int]
) -> None:
    progress = args.progress == "on" or (args.progress == "auto" and sys.stderr.isatty())
    done = 0
    # the documents whose texts attribute_many has taken and whose results are still to come
    waiting: deque[_Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            waiting.append(document)
            yield document.text

    results = attributor.attribute_many(
        texts(), batch_size=args.batch_size, workers=args.workers, errors="return"
    )
    for result in results:
        doc = waiting.popleft()
        if isinstance(result, Failure):
            print(f"quotable: error: {doc.label}: {_reason(result)}", file=sys.stderr)
            failures[0] += 1
        else:
            # a lone surrogate (a \ud800 escape in JSON input) has no UTF-8 form: written as
            # that same escape it keeps the line valid JSON and the text unchanged
            out.write(_render(doc, result, args.format).encode("utf-8", "backslashreplace").decode())
        done += 1
        if not waiting or done % args.batch_size == 0:
            out.flush()
            if progress:
                print(f"\rquotable: {done} documents", end="", file=sys.stderr, flush=True)
    out.flush()
    if progress and done:
        print(file=sys.stderr)


def _reason(failure: Failure) -> str:
    """What went wrong with one document: the message for misuse, the error type too for a bug."""
    if failure.error_type in ("TypeError", "InputTooLargeError"):
        return failure.message
    return f"{failure.error_type}: {failure.message} (an error in quotable: please report it)"


def _render(doc: _Document, result: Attribution, fmt: str) -> str:
    if fmt == "text":
        return _summary(doc, result)
    if fmt in ("csv", "tsv"):
        from quotable import table

        return table.format_rows(table.rows(table.document_id(doc.source, doc.meta, doc.label), result), fmt)
    record: dict[str, Any] = {}
    payload = result.to_dict()
    record["schema"] = payload.pop("schema")
    if doc.source is not None:
        record["source"] = doc.source
    if doc.meta is not None:
        record["meta"] = doc.meta
    record.update(payload)
    return json.dumps(record, ensure_ascii=False) + "\n"


def _summary(doc: _Document, result: Attribution) -> str:
    lines = [f"== {doc.label}  ({len(result.quotes)} quotes, model: {result.model or 'none'})"]
    for q in result.quotes:
        who = "?"
        if q.speaker is not None:
            who = q.speaker.name or q.speaker.text
            if q.speaker.name and q.speaker.text != q.speaker.name:
                who += f" ({q.speaker.text})"
            if q.speaker.entity:
                who += f" [{q.speaker.entity}]"
        cue = f" {q.cue.text}" if q.cue else ""
        via = f" via {q.via}" if q.via else ""
        text = q.text if len(q.text) <= 160 else q.text[:157] + "…"
        nested = " nested" if q.nested else ""
        lines.append(f"  [{q.type.value}{nested} {q.confidence:.2f}] {who}{cue}{via}: „{text}“")
    if result.agencies:
        lines.append("  agencies: " + ", ".join(f"{a.name} ({a.role.value})" for a in result.agencies))
    speaking = {q.speaker.entity for q in result.quotes if q.speaker and q.speaker.entity}
    if speaking:
        entities = [e for e in result.entities if e.id in speaking]
        lines.append("  speakers: " + ", ".join(f"[{e.id}] {e.name} ({e.kind.value})" for e in entities))
    return "\n".join(lines) + "\n\n"


def _documents(names: Sequence[str], jsonl: bool, field: str, failures: list[int]) -> Iterator[_Document]:
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(name, "rb") as handle:
                    data = handle.read()
        except OSError as error:
            print(f"quotable: error: {label}: {error.strerror or error}", file=sys.stderr)
            failures[0] += 1
            continue
        try:
            content = _decode(data)
        except UnicodeDecodeError as error:
            print(
                f"quotable: error: {label}: not valid UTF-8 (byte {error.start}); skipped — "
                "convert it first, e.g. iconv -f latin1 -t utf-8",
                file=sys.stderr,
            )
            failures[0] += 1
            continue
        if not jsonl:
            yield _Document(label, content, source=None if name == "-" else name)
            continue
        yield from _jsonl_documents(label, content, field, failures)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes) -> str:
    """UTF-8, or UTF-16/32 when the file says so with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    return data.decode("utf-8")


def _jsonl_documents(label: str, content: str, field: str, failures: list[int]) -> Iterator[_Document]:
    # split on \n only: JSON allows U+2028, U+2029 and U+0085 unescaped inside strings,
    # and str.splitlines would break a line there
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"quotable: error: {where}: not valid JSON ({error.msg}); line skipped", file=sys.stderr)
            failures[0] += 1
            continue
        if not isinstance(record, dict) or not isinstance(record.get(field), str):
            print(f"quotable: error: {where}: no string field {field!r}; line skipped", file=sys.stderr)
            failures[0] += 1
            continue
        text = record.pop(field)
        yield _Document(where, text, meta=record)


def _subcommand(name: str, argv: list[str]) -> int:
    if name == "evaluate":
        from quotable import evaluate

        return evaluate.main(argv)
    if name == "export":
        from quotable import corpus_export

        return corpus_export.export_main(argv)
    if name == "html":
        from quotable import view

        return view.main(argv)
    if name == "report":
        from quotable import report

        return report.main(argv)
    if name == "serve":
        from quotable.server import cli as serve

        return serve.main(argv)
    return _download(argv)


def _download(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quotable download",
        description="Install the official Stanza German models (needs internet). "
        "quotable then uses them by default (model 'auto').",
    )
    parser.add_argument(
        "--dir", help="Stanza resources directory (default: $STANZA_RESOURCES_DIR or Stanza's own default)"
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from quotable import download

    try:
        where = download.download(args.dir)
    except QuotableError as error:
        print(f"quotable: error: {error}", file=sys.stderr)
        return 1
    print(f"installed the Stanza German models in {where}")
    return 0
