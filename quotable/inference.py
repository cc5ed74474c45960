"""Running Stanza's models for less work, with Stanza's answers.

:mod:`quotable.parsing` loads a Stanza pipeline and calls :func:`install` on it.
Each shortcut below computes what Stanza computes, in a cheaper order or
without repeats; on news text together they halve the pipeline's time
(``benchmarks/speed.py``, docs/benchmarks.md, "Where the time goes"):

* **The parser's tree.**  Stanza's graph parser
  (``stanza.models.depparse.model.GraphParser``) finds each sentence's best tree
  with exactly one word on the root by a Chu-Liu-Edmonds search written in
  Python.  When every word's single best head already makes such a tree (no
  cycle, one root word) that tree is the optimum, since no tree can score
  higher; this holds for most sentences and costs one ``argmax``.  Otherwise
  Stanza's own search runs on the same scores (:func:`one_root_tree`).
* **The parser's labels.**  At inference Stanza scores every relation label for
  every word *pair* and takes a log-softmax over that ``sentences × words ×
  words × labels`` tensor; only the label of each word's chosen arc is needed,
  so the label scorer's bilinear form is evaluated for those arcs only
  (:func:`chosen_labels`), with the same weights.  Where a head ends up with two
  subjects or two objects, the sentence's full label distribution is computed
  after all and Stanza's own repair (``resolve_head_constraint_violations``)
  runs on it, as Stanza does.
* **Characters once per word form.**  The tagger's and the parser's character
  models depend on a word's characters only; each distinct form of a batch is
  read once (:func:`_unique_characters`).
* **Unknown words lemmatized once.**  The lemmatizer's seq2seq model sees each
  unknown (form, tag) pair of a batch once (:func:`_lemmatize`), on one thread
  (:func:`_one_thread`), and the tagger's tag strings are built once per tag
  (:func:`_remember_units`).

The answers are Stanza's: tests/test_inference.py compares every field of every
word with and without :func:`install` on the seed articles, and
``scripts/inference_agreement.py`` does so on any corpus (WikiNews dev: no word
differs; docs/benchmarks.md).  Scores computed in a different order can differ
in the last bits of a float, so two labels that tie to seven digits could
come out the other way.

Nothing here imports Stanza or torch at module level; :func:`install` works on
the loaded pipeline's own objects.
"""

from __future__ import annotations

import contextlib
import types
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Scores = npt.NDArray[np.floating[Any]]
"""``scores[dependent, head]`` for one sentence, index 0 the root."""


def argmax_tree(scores: Scores) -> npt.NDArray[np.intp] | None:
    """Every word's best head, if together they make a tree with exactly one root word.

    ``scores[d, h]`` is the score of ``h`` as the head of ``d`` (row 0 is the root's own and is
    ignored, as is the diagonal).  ``None`` when the best heads form a cycle or attach
    none or more than one word to the root: then only a full search finds the best tree.
    """
    size = scores.shape[0]
    masked = np.array(scores, dtype=np.float64)
    np.fill_diagonal(masked, -np.inf)
    heads = np.argmax(masked, axis=1)
    heads[0] = 0
    if size > 1 and np.count_nonzero(heads[1:] == 0) != 1:
        return None
    # pointer doubling: after k rounds every word points 2**k steps up; in a tree all reach the root
    reach = heads.copy()
    for _ in range(max(1, int(size).bit_length())):
        reach = reach[reach]
    if np.any(reach != 0):
        return None
    return np.asarray(heads, dtype=np.intp)


def one_root_tree(scores: Scores) -> npt.NDArray[np.intp]:
    """The best tree of ``scores`` with one word on the root: Stanza's answer, with a fast path.

    The same tree as ``stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root``
    (which is what runs when the fast path does not apply).
    """
    tree = argmax_tree(scores)
    if tree is not None:
        return tree
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    return np.asarray(chuliu_edmonds_one_root(scores), dtype=np.intp)


def chosen_labels(scorer: Any, dependents: Any, heads: Any) -> Any:
    """The best raw label id of each chosen arc, from a Stanza ``DeepBiaffineScorer``.

    ``dependents[k]`` and ``heads[k]`` are the parser's vectors ``(arcs, features)`` of
    the dependent and the head of arc ``k``; the scorer's ``PairwiseBilinear``
    weights ``(features + 1, features + 1, labels)`` are applied to those pairs only
    (padding and the root's own position are never scored).
    """
    import torch

    first = scorer.hidden_func(scorer.W1(dependents))
    second = scorer.hidden_func(scorer.W2(heads))
    first = torch.cat([first, first.new_ones(first.shape[0], 1)], -1)
    second = torch.cat([second, second.new_ones(second.shape[0], 1)], -1)
    bilinear = scorer.scorer.W_bilin
    weight = getattr(bilinear, "_quotable_weight", None)
    if weight is None:  # (labels, features, features), as torch.nn.functional.bilinear wants it
        weight = bilinear.weight.detach().permute(2, 0, 1).contiguous()
        bilinear._quotable_weight = weight
    return torch.nn.functional.bilinear(first, second, weight, bilinear.bias).argmax(-1)


def _arc_scores(model: Any, lstm_outputs: Any) -> Any:
    """The parser's head scores, ``(sentences, words, words)``: what ``GraphParser.forward_scores``
    computes besides the label scores (in inference mode, where dropout does nothing)."""
    import torch
    import torch.nn.functional as F

    scores = model.unlabeled(lstm_outputs, lstm_outputs).squeeze(3)
    length = lstm_outputs.shape[1]
    positions = torch.arange(length)
    offset = (positions.view(1, 1, -1) - positions.view(1, -1, 1)).expand(lstm_outputs.shape[0], -1, -1)
    if model.args["linearization"]:
        linear = model.linearization(lstm_outputs, lstm_outputs).squeeze(3)
        scores = scores + F.logsigmoid(linear * torch.sign(offset).float())
    if model.args["distance"]:
        distance = 1 + F.softplus(model.distance(lstm_outputs, lstm_outputs).squeeze(3))
        scores = scores - torch.log((torch.abs(offset).float() - distance) ** 2 / 2 + 1)
    diagonal = torch.eye(length, dtype=torch.bool).unsqueeze(0)
    return scores.masked_fill(diagonal, -float("inf"))


def _predict(
    model: Any,
    word: Any,
    word_mask: Any,
    wordchars: Any,
    wordchars_mask: Any,
    upos: Any,
    xpos: Any,
    ufeats: Any,
    pretrained: Any,
    lemma: Any,
    head: Any,
    deprel: Any,
    word_orig_idx: Any,
    sentlens: Sequence[int],
    wordlens: Any,
    text: Any,
    resolve_head_constraints: bool = False,
) -> list[list[list[Any]]]:
    """``GraphParser.predict`` with :func:`one_root_tree` and :func:`chosen_labels`: the same
    ``[[head, deprel], …]`` per sentence, in the batch's order."""
    import torch
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse.head_constraints import (
        find_head_constraint_violations,
        resolve_head_constraint_violations,
    )

    lstm_outputs = model.embed(
        word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma,
        head, deprel, word_orig_idx, sentlens, wordlens, text,
    )  # fmt: skip
    arc_scores = F.log_softmax(_arc_scores(model, lstm_outputs), 2).numpy()
    trees = [one_root_tree(arc_scores[i][:n, :n]) for i, n in enumerate(sentlens)]
    # the arcs of every real word (position 0 is the root), sentence after sentence
    sentence_of = torch.cat([torch.full((n - 1,), i, dtype=torch.long) for i, n in enumerate(sentlens)])
    word_of = torch.cat([torch.arange(1, n) for n in sentlens])
    head_of = torch.from_numpy(np.concatenate([tree[1:] for tree in trees]).astype(np.int64))
    labels = chosen_labels(
        model.deprel, lstm_outputs[sentence_of, word_of], lstm_outputs[sentence_of, head_of]
    ).tolist()
    vocab = model.vocab["deprel"]
    predictions = []
    first = 0
    for i, (n, best) in enumerate(zip(sentlens, trees, strict=True)):
        tree = best
        raw = labels[first : first + n - 1]
        first += n - 1
        deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        if resolve_head_constraints and find_head_constraint_violations(tree, deprels):
            # rare: Stanza's repair needs every arc's label distribution for this sentence
            one = lstm_outputs[i : i + 1, :n]
            label_log_probs = F.log_softmax(model.deprel(one, one)[0], 2).numpy()
            repaired, raw = resolve_head_constraint_violations(
                arc_scores[i][:n, :n], label_log_probs, tree, vocab
            )
            tree = np.asarray(repaired, dtype=np.intp)
            deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        predictions.append([[int(h), d] for h, d in zip(tree[1:], deprels, strict=True)])
    return predictions


def _unique_characters(
    model: Any,
    chars: Any,
    chars_mask: Any,
    word_orig_idx: Any,
    sentlens: Sequence[int],
    wordlens: Sequence[int],
) -> Any:
    """``CharacterModel.forward``, run once per distinct word form of the batch.

    A word's character representation depends on its characters only, and news
    repeats its words (a batch of articles has about half as many forms as words),
    so the character LSTM reads each form once and the result is copied to every
    occurrence; what comes out is what Stanza's forward returns.
    """
    import torch
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pack_sequence, pad_packed_sequence

    forms, inverse = torch.unique(chars, dim=0, return_inverse=True)
    lengths = torch.zeros(forms.shape[0], dtype=torch.long)
    lengths[inverse] = torch.as_tensor(list(wordlens), dtype=torch.long)
    order = torch.argsort(lengths, descending=True, stable=True)
    embedded = pack_padded_sequence(model.char_emb(forms[order]), lengths[order], batch_first=True)
    layers = model.num_dir * model.args["char_num_layers"]
    size = (layers, forms.shape[0], model.args["char_hidden_dim"])
    hidden = (
        model.charlstm_h_init.expand(*size).contiguous(),
        model.charlstm_c_init.expand(*size).contiguous(),
    )
    output = model.charlstm(embedded, lengths[order], hx=hidden)
    if model.attn:
        states = output[0]
        weighted = PackedSequence(
            states.data * torch.sigmoid(model.char_attn(states.data)), states.batch_sizes
        )
        by_length = pad_packed_sequence(weighted, batch_first=True)[0].sum(1)
    else:
        h, _ = output[1]
        by_length = h[-2:].transpose(0, 1).contiguous().view(forms.shape[0], -1)
    per_form = torch.empty_like(by_length)
    per_form[order] = by_length
    per_word = per_form[inverse]
    # back to the sentences' word order, as Stanza's own forward ends
    unsorted = torch.empty_like(per_word)
    unsorted[torch.as_tensor(list(word_orig_idx), dtype=torch.long)] = per_word
    result = pack_sequence(list(torch.split(unsorted, list(sentlens))))
    if model.pad:
        return pad_packed_sequence(result, batch_first=True)[0]
    return result


def _lemmatize(processor: Any, document: Any) -> Any:
    """``LemmaProcessor.process`` with each unknown (form, tag) pair sent to the seq2seq model once.

    Stanza looks every word up in its training dictionary and runs the character
    seq2seq model on the rest, one entry per occurrence, after building its batches
    twice over the whole document.  Here the unknown pairs are collected once,
    without repeats (the same name recurs through an article), and the model sees
    only them; the dictionary, the edit step and the ensemble are Stanza's own.
    """
    from stanza.models.common.doc import Document
    from stanza.models.lemma.data import DataLoader

    trainer = processor._trainer
    words = [word for sentence in document.sentences for word in sentence.words]
    pairs = [(word.text, word.upos) for word in words]
    known = trainer.skip_seq2seq(pairs)
    unknown = list(dict.fromkeys(pair for pair, found in zip(pairs, known, strict=True) if not found))
    guessed: dict[tuple[str, str], str] = {}
    if unknown:
        config = processor.config
        entries = [{"id": i + 1, "text": form, "upos": tag} for i, (form, tag) in enumerate(unknown)]
        batches = DataLoader(
            Document([entries]), config["batch_size"], config, vocab=processor.vocab,
            evaluation=True, expand_unk_vocab=True,
        )  # fmt: skip
        predictions: list[str] = []
        edits: list[int] = []
        with _one_thread():
            for batch in batches:
                found, edited = trainer.predict(batch, config["beam_size"], batches.vocab)
                predictions += found
                edits += edited or []
        guesses = trainer.postprocess([form for form, _ in unknown], predictions, edits=edits or None)
        guessed = dict(zip(unknown, guesses, strict=True))
    lemmas = trainer.ensemble(pairs, [guessed.get(pair, "") for pair in pairs])
    for word, lemma in zip(words, lemmas, strict=True):
        word.lemma = lemma or "_"  # Stanza writes an empty lemma as "_"
    return document


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """Torch on one thread for a while: the lemmatizer decodes a character at a time in
    steps far too small to share between threads, and a second thread only waits (and,
    on a busy machine, its spinning costs several times the work; docs/benchmarks.md).
    The setting is the process's, so it holds for other torch work in the meantime."""
    import torch

    threads = torch.get_num_threads()
    if threads > 1:
        torch.set_num_threads(1)
    try:
        yield
    finally:
        if threads > 1:
            torch.set_num_threads(threads)


def _install_lemmatizer(pipeline: Any) -> None:
    """Make the pipeline's lemmatizer run as :func:`_lemmatize`, where it is the plain
    dictionary-plus-seq2seq kind (no identity, dictionary-only or contextual lemmatizer)."""
    processor = pipeline.processors.get("lemma")
    trainer = getattr(processor, "_trainer", None)
    if trainer is None or processor.use_identity:
        return
    config = processor.config
    if not config.get("ensemble_dict") or config.get("dict_only"):
        return
    if getattr(processor, "store_results", False):
        return
    if trainer.has_contextual_lemmatizers():
        return
    processor.process = types.MethodType(_lemmatize, processor)


def _remember_units(vocab: Any) -> None:
    """Memoize a tag vocabulary's ``id2unit``: Stanza formats the feature string of every
    word anew (``Case=Nom|Gender=Fem|…``), a fifth of the tagger's time."""
    original = vocab.id2unit
    known: dict[Any, Any] = {}

    def id2unit(ids: Any) -> Any:
        key = tuple(ids) if isinstance(ids, list | tuple) else ids
        if not isinstance(key, Hashable):
            return original(ids)
        if key not in known:
            if len(known) >= _MAX_REMEMBERED:
                return original(ids)
            known[key] = original(ids)
        return known[key]

    vocab.id2unit = id2unit


_MAX_REMEMBERED = 100_000
"""At most this many tag strings are remembered per vocabulary (a few MB)."""


def install(pipeline: Any) -> None:
    """Make a loaded Stanza pipeline run with this module's shortcuts (once per pipeline).

    Each shortcut applies only where the model is of the kind it was written for
    (the embedded model's and Stanza's default German models are); anything else is
    left as Stanza runs it.
    """
    if getattr(pipeline, "_quotable_inference", False):
        return
    pipeline._quotable_inference = True
    for name in ("pos", "depparse"):
        trainer = getattr(pipeline.processors.get(name), "_trainer", None)
        model = getattr(trainer, "model", None)
        charmodel = getattr(model, "charmodel", None)
        if charmodel is not None and hasattr(charmodel, "charlstm") and hasattr(charmodel, "char_emb"):
            charmodel.forward = types.MethodType(_unique_characters, charmodel)
    vocab = getattr(getattr(pipeline.processors.get("pos"), "_trainer", None), "vocab", None)
    for column in ("upos", "xpos", "feats"):
        if vocab is not None and column in vocab:
            _remember_units(vocab[column])
    _install_lemmatizer(pipeline)
    _install_decoding(pipeline)


def _install_decoding(pipeline: Any) -> None:
    """Make the pipeline's dependency parser decode with :func:`one_root_tree` and
    :func:`chosen_labels`.

    Only the graph parser with separate head and label scorers (the embedded model's
    and Stanza's default German one) is changed; any other parser is left as it is.
    """
    processor = pipeline.processors.get("depparse")
    model = getattr(getattr(processor, "_trainer", None), "model", None)
    if model is None or not hasattr(model, "deprel") or model.args.get("use_arc_embedding"):
        return
    if getattr(model, "bert_model", None) is not None:
        return
    if not isinstance(getattr(model.deprel, "scorer", None), type(model.unlabeled.scorer)):
        return
    model.predict = types.MethodType(_predict, model)
