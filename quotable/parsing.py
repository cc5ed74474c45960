"""The parser: German text in, our frozen :class:`~quotable.syntax.Parse` out.

This is the only module that imports Stanza, and it does so lazily: importing
it, or constructing a :class:`Parser`, loads nothing and never touches the
network (the model choice is resolved from files on disk).  The Stanza
pipeline is built on the first parse, once per Parser.

Which model (``Parser(model=...)``: ``"auto"``, ``"embedded"``, ``"stanza"`` or
a directory) is decided by :mod:`quotable.model_files`; this module loads it.

Bounded cost: no sentence longer than :data:`MAX_PARSE_WORDS` words reaches the
tagger or parser whole (long runs are cut into windows), and sentences that are
mostly punctuation are tagged, not parsed.

Speed: sentences and tokens come from the rules of :mod:`quotable.tokenizer`,
not from Stanza's neural tokenizer.  Every sentence is tagged, because resolving
a pronoun to a name needs the parts of speech, gender and number of the
sentences around it; only the sentences the caller selects are lemmatized and
parsed, and the loaded models run with the shortcuts of
:mod:`quotable.inference` (Stanza's answers for less work).  The text Stanza
reads is the :mod:`quotable.repair` view (headings unglued, paragraphs
separated); every offset is mapped back to the caller's text.  Names news text
writes in lower case (taz, ver.di) are tagged as names before the parse
(:mod:`quotable.lowercase_names`), and so are names that open a sentence where
the tagger guessed an adverb (:mod:`quotable.initial_names`).
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from quotable import inference, initial_names, lowercase_names, model_files, parse_input, tokenizer
from quotable.errors import ModelLoadError, ModelNotFoundError, one_line
from quotable.model_files import (
    PROCESSORS,
    ModelFiles,
    embedded_model,
    resolve,
)
from quotable.repair import View, repair
from quotable.syntax import Parse, Sentence, Word, _parse_feats

logger = logging.getLogger(__name__)

_TAGGING = "pos"
"""What every sentence gets (after the long ones are cut into windows)."""
_PARSING = "lemma,depparse"
"""What only selected sentences get (the parser reads the lemmas)."""
_PARAGRAPH = "\n\n"
"""Between the texts of one batch: Stanza never lets a sentence cross it."""

MAX_PARSE_WORDS = 150
"""The longest sentence sent whole to the tagger and parser, in words.  The parser's
memory and time grow with the square of a sentence's length (about 0.7 GB for one
sentence of 1,000 words), and news sentences are short: the longest of the 11,220
sentences of the WikiNews corpus has 128 tokens.  A longer "sentence" (runs of
commas, repeated words, punctuation, deep nesting) is cut at its punctuation into
windows of at most this many words, each tokenized, tagged and parsed on its own;
a window that still comes back longer is only tagged, never parsed."""

MAX_PARSE_PAIRS = 60_000
"""How many word pairs the parser scores in one call: sentences × the longest one's length
squared.  Stanza batches by words, so five hundred one-word sentences and one of fifty
words would be padded to 500 × 50² pairs (over 2 GB); chunks of at most this many pairs
(sorted by length) keep the parser's memory under about 0.3 GB."""

MIN_WORDY_TOKENS = 10
"""Sentences shorter than this are parsed whatever they hold (see :func:`_wordy`)."""

MIN_VARIED_TOKENS = 40
"""Sentences this long or longer must vary their words to be parsed (see :func:`_wordy`)."""

Select = Callable[[str], bool]
"""Given a sentence's text, whether it needs a full parse."""


def import_stanza() -> Any:
    """The ``stanza`` module, imported on first need: it takes seconds (torch) and is not typed."""
    try:
        import stanza  # lazy on purpose: importing quotable must stay cheap
    except ImportError as error:
        raise ModelLoadError(f"Stanza is not installed ({error}): pip install 'stanza==1.15.0'") from error
    return stanza


def _load(model: ModelFiles, use_gpu: bool) -> Any:
    """Build the Stanza pipeline for ``model``: offline, quietly, without touching the network."""
    missing = [str(f) for f in model.files if not f.is_file()]
    if missing:
        raise ModelNotFoundError(f"the {model.name} model is missing {', '.join(missing)}: {model.remedy}")
    stanza = import_stanza()
    options: dict[str, Any] = dict(model.options)
    with tempfile.TemporaryDirectory(prefix="quotable-") as scratch:
        if "dir" not in options:
            # Stanza insists on reading a resources.json; this one says that German
            # exists (so Stanza does not warn about an unknown language) and names no
            # models, so the explicit *_model_path arguments are all that is loaded.
            Path(scratch, "resources.json").write_text('{"de": {"lang_name": "German"}}', encoding="utf-8")
            options["dir"] = scratch
        logger.debug("loading the parser model %s", model.name)
        try:
            with _without_optimizers():
                return stanza.Pipeline(
                    lang="de",
                    processors=",".join(PROCESSORS),
                    download_method=None,
                    use_gpu=use_gpu,
                    logging_level="WARN",
                    # German contractions (im, zum, beim …) are a closed class, all in the
                    # training dictionary; the learned expander would also split names that
                    # merely end like one („Kim“ → „Kin dem“).
                    mwt_dict_only=True,
                    **options,
                )
        except Exception as error:  # Stanza and torch raise anything from KeyError to pickle errors
            raise ModelLoadError(
                f"could not load the {model.name} model ({type(error).__name__}: {one_line(error)}); "
                f"the files may be damaged or written by another Stanza version: {model.remedy}"
            ) from error


def stanza_pipeline(model: str | os.PathLike[str] = "auto", *, use_gpu: bool = False) -> Any:
    """Stanza's own pipeline for ``model``, loaded as :class:`Parser` loads it but run as Stanza
    runs it, without :mod:`quotable.inference`: what ``benchmarks/speed.py`` compares against."""
    return _load(resolve(model), use_gpu)


_LOADING = threading.Lock()


@contextlib.contextmanager
def _without_optimizers() -> Iterator[None]:
    """While Stanza builds a pipeline, its trainers get no optimizers.

    Each of Stanza's trainers builds a training optimizer when it loads a model for
    prediction, and the first ``torch.optim`` optimizer imports ``torch._dynamo``:
    over a second of a cold start and about 150 MB of memory, for nothing that
    prediction uses.  Nothing else in Stanza calls these two functions while loading.
    """
    from stanza.models.common import utils

    with _LOADING:
        saved = utils.get_optimizer, utils.get_split_optimizer
        utils.get_optimizer = lambda *args, **kwargs: None
        utils.get_split_optimizer = lambda *args, **kwargs: {}
        try:
            yield
        finally:
            utils.get_optimizer, utils.get_split_optimizer = saved


# ------------------------------------------------------------------ the parser
class Parser:
    """German tokenizer, tagger and dependency parser (Stanza), with offsets into your text.

    Construction only decides which model to use (see the module docstring) and
    raises :class:`~quotable.errors.ModelNotFoundError` if it is not installed;
    the model is loaded on first use (:class:`~quotable.errors.ModelLoadError`
    if its files cannot be loaded).  One Parser may be shared by many threads:
    loading happens once and Stanza calls take turns.
    """

    def __init__(
        self, model: str | os.PathLike[str] = "auto", *, use_gpu: bool = False, threads: int | None = None
    ) -> None:
        self._model = resolve(model)
        self._auto = model == "auto"
        self._use_gpu = use_gpu
        self._threads = threads
        self._lock = threading.Lock()
        self._pipeline: Any = None
        self._expand: Callable[[str], list[str] | None] = lambda form: None

    @property
    def name(self) -> str:
        """A short, stable description of the model for results: ``embedded:de (quotable 0.1.0, …)``."""
        return self._model.name

    @property
    def files(self) -> tuple[Path, ...]:
        """The model's files on disk (for reports such as its size)."""
        return self._model.files

    def __repr__(self) -> str:
        return f"Parser({self.name!r})"

    def load(self) -> None:
        """Load the model now rather than on the first parse (it is loaded only once)."""
        with self._lock:
            self._loaded()

    def _loaded(self) -> Any:
        """The Stanza pipeline; the caller holds ``self._lock``."""
        if self._pipeline is None:
            if self._threads is not None:
                import torch  # Stanza's own dependency; the setting holds for the process

                torch.set_num_threads(self._threads)
            try:
                self._pipeline = _load(self._model, self._use_gpu)
            except ModelLoadError as error:
                if not self._auto or self._model.files[0].parent == model_files.embedded_dir():
                    raise
                # "auto" found official models that do not load (a broken or foreign
                # install): the embedded model still answers, with a warning
                logger.warning("%s; using the embedded model instead", error)
                warnings.warn(f"{error}; using the embedded model instead", RuntimeWarning, stacklevel=4)
                self._model = embedded_model()
                self._pipeline = _load(self._model, self._use_gpu)
            inference.install(self._pipeline)
            self._expand = _expander(self._pipeline)
        return self._pipeline

    def parse(self, text: str, select: Select | None = None) -> Parse:
        """The sentences of ``text``; see :meth:`parse_many`."""
        return self.parse_many([text], select)[0]

    def parse_many(self, texts: Sequence[str], select: Select | None = None) -> list[Parse]:
        """The sentences of each text, parsed together in one batch (faster than one by one).

        Every sentence is tokenized and tagged.  With ``select``, only sentences
        for which ``select(sentence_text)`` is true are lemmatized and parsed;
        the others come back with ``parsed=False`` (see
        :class:`~quotable.syntax.Sentence`).  Offsets point into each text.
        """
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"Parser needs each text as a str, not {type(text).__name__}")
        views = [repair(text) for text in texts]
        if not any(view.text.strip() for view in views):
            return [Parse() for _ in texts]  # nothing to parse: no need to load the model
        starts: list[int] = []
        position = 0
        for view in views:
            starts.append(position)
            position += len(view.text) + len(_PARAGRAPH)
        combined = _PARAGRAPH.join(view.text for view in views)

        with self._lock:
            pipeline = self._loaded()
            found, unparseable = _bounded(combined, self._expand)
            pipeline.process(_document(s for s in found if _has_words(s)), processors=_TAGGING)
        for sentence in found:
            lowercase_names.retag(sentence.words)
        located = []
        for sentence in found:
            index = bisect.bisect_right(starts, sentence.tokens[0].start_char) - 1
            located.append((sentence, index, _spans(sentence, views[index], starts[index])))
        by_text: list[list[Any]] = [[] for _ in texts]
        for sentence, index, _ in located:
            by_text[index].append(sentence.words)
        for words in by_text:
            initial_names.retag(words)
        parsed = [
            id(sentence) not in unparseable
            and (select is None or select(texts[index][spans[0][0] : spans[-1][1]]))
            for sentence, index, spans in located
        ]
        chosen = [sentence for (sentence, _, _), keep in zip(located, parsed, strict=True) if keep]
        if chosen:
            with self._lock:
                self._parse_only(chosen)

        sentences: list[list[Sentence]] = [[] for _ in texts]
        for (sentence, index, spans), full in zip(located, parsed, strict=True):
            sentences[index].append(_sentence(sentence, spans, texts[index], full))
        return [Parse(tuple(found)) for found in sentences]

    def _parse_only(self, chosen: list[Any]) -> None:
        """Lemmatize and parse ``chosen`` Stanza sentences in place, in chunks of at most
        :data:`MAX_PARSE_PAIRS` word pairs; the caller holds the lock."""
        for chunk in _chunks(chosen):
            self._loaded().process(_document(chunk), processors=_PARSING)


def _has_words(sentence: Any) -> bool:
    """Whether any token of a sentence has a letter or a digit.  A sentence of marks alone
    (``!?.,;:-`` …) is not tagged: its words come back as ``PUNCT`` (:func:`_sentence`),
    which is what the tagger says of them, for a fraction of the cost."""
    return any(c.isalnum() for token in sentence.tokens for c in token.text)


def _document(sentences: Iterable[Any]) -> Any:
    """A Stanza Document of ``sentences``, which stay in their own Documents too.

    This is what Stanza's own cross-document batching builds: processors annotate
    the sentence objects in place.
    """
    chosen = list(sentences)
    subset = import_stanza().Document([])
    subset.sentences = chosen
    subset.num_tokens = sum(len(s.tokens) for s in chosen)
    subset.num_words = sum(len(s.words) for s in chosen)
    return subset


def _chunks(sentences: list[Any]) -> Iterator[list[Any]]:
    """``sentences`` by length, in groups whose padded size stays under :data:`MAX_PARSE_PAIRS`."""
    chunk: list[Any] = []
    for sentence in sorted(sentences, key=lambda s: len(s.words)):
        longest = len(sentence.words)  # sorted: the newest is the longest of its chunk
        if chunk and (len(chunk) + 1) * longest * longest > MAX_PARSE_PAIRS:
            yield chunk
            chunk = []
        chunk.append(sentence)
    if chunk:
        yield chunk


def _wordy(sentence: Any) -> bool:
    """Whether a sentence has words enough to hold speech: a quarter of its tokens (of a
    sentence of ten or more) have letters, and (of a sentence of forty or more) a fifth
    of its tokens are different words.  Runs of punctuation and quotation marks, and one
    word repeated (``sagte sagte sagte …``), make the parser's tree decoding slow (no
    best-head tree, so the full search runs) and say nothing; a news sentence of forty
    tokens has some thirty different ones."""
    tokens = sentence.tokens
    if len(tokens) < MIN_WORDY_TOKENS:
        return True
    if 4 * sum(1 for t in tokens if any(c.isalpha() for c in t.text)) < len(tokens):
        return False
    return len(tokens) < MIN_VARIED_TOKENS or 5 * len({t.text.lower() for t in tokens}) >= len(tokens)


def _bounded(combined: str, expand: Callable[[str], list[str] | None]) -> tuple[list[Any], set[int]]:
    """The sentences of ``combined`` as Stanza sentences, none longer than
    :data:`MAX_PARSE_WORDS` words, and the ids of those that must not be parsed.

    Tokens and sentences come from :mod:`quotable.tokenizer`; contractions are
    expanded with the model's own dictionary (*im* → *in dem*), as Stanza's
    tokenizer does; a longer sentence is cut into windows (:func:`quotable.parse_input.windows`).
    """
    entries = []
    for sentence in tokenizer.sentences(combined):
        rows = [(token, expand(combined[token.start : token.end])) for token in sentence]
        windows = parse_input.windows(combined, rows, MAX_PARSE_WORDS)
        if len(windows) > 1:
            logger.debug("a sentence of %d tokens is parsed in %d windows", len(rows), len(windows))
        entries += [parse_input.entries(combined, window) for window in windows]
    document = import_stanza().Document(entries, text=combined)
    return document.sentences, {id(s) for s in document.sentences if not (_wordy(s) and _has_words(s))}


def _expander(pipeline: Any) -> Callable[[str], list[str] | None]:
    """The words a contraction stands for (``im`` → ``in``, ``dem``), from the model's
    multi-word-token dictionary; ``None`` for any other form."""
    trainer = getattr(pipeline.processors.get("mwt"), "_trainer", None)
    known = tokenizer.contracted(getattr(trainer, "expansion_dict", {}))
    lowered = {form.lower() for form in known}

    def expand(form: str) -> list[str] | None:
        if trainer is None or form.lower() not in lowered:
            return None
        expansion = trainer.dict_expansion(form)
        return str(expansion).split() if expansion else None

    return expand


def _spans(sentence: Any, view: View, start: int) -> list[tuple[int, int]]:
    """Each token's ``(start, end)`` in the caller's text (the view begins at ``start`` in the batch)."""
    return [
        (view.to_original(token.start_char - start), view.to_original(token.end_char - start))
        for token in sentence.tokens
    ]


def _sentence(sentence: Any, spans: list[tuple[int, int]], text: str, parsed: bool) -> Sentence:
    """Our frozen view of a Stanza sentence; a multi-word token's words share its offsets."""
    words = []
    for token, (start, end) in zip(sentence.tokens, spans, strict=True):
        single = len(token.words) == 1
        for word in token.words:
            form = text[start:end] if single else word.text
            words.append(
                Word(
                    id=word.id,
                    text=form,
                    lemma=(word.lemma or form) if parsed else form,
                    upos=word.upos or ("X" if any(c.isalnum() for c in form) else "PUNCT"),
                    xpos=word.xpos or "_",
                    feats=_parse_feats(word.feats or ""),
                    head=(word.head or 0) if parsed else 0,
                    deprel=(word.deprel or "dep") if parsed else "dep",
                    start=start,
                    end=end,
                )
            )
    return Sentence(tuple(words), spans[0][0], spans[-1][1], parsed)
