"""quotable.inference: Stanza's answers for less work.

The tree search and the label scorer are compared with Stanza's own functions on
random scores; with the model, the whole pipeline is compared word by word with
and without the shortcuts on the seed articles (and, by
``scripts/inference_agreement.py``, on WikiNews dev).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from quotable import inference
from quotable.parsing import stanza_pipeline

FIELDS = ("text", "upos", "xpos", "feats", "lemma", "head", "deprel")


def stanza_tree(scores: np.ndarray[Any, Any]) -> list[int]:
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    return [int(h) for h in chuliu_edmonds_one_root(scores)]


def log_softmax_rows(scores: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    np.fill_diagonal(scores, -np.inf)
    top = scores.max(axis=1, keepdims=True)
    return np.asarray(scores - top - np.log(np.exp(scores - top).sum(axis=1, keepdims=True)))


@pytest.mark.parametrize("peaked", [False, True])
def test_the_tree_is_stanzas_on_random_scores(peaked: bool) -> None:
    """Flat random scores mostly need the full search; peaked ones (a likely tree plus noise,
    as a trained parser gives) mostly take the fast path.  Both give Stanza's tree."""
    generator = np.random.default_rng(7)
    fast_paths = 0
    for _ in range(300):
        size = int(generator.integers(2, 40))
        scores = generator.normal(size=(size, size))
        if peaked:
            heads = [0, 0] + [int(generator.integers(1, d)) for d in range(2, size)]  # word 1 the root
            for dependent, head in enumerate(heads[1:], start=1):
                scores[dependent, head] += 6.0
        scores = log_softmax_rows(scores)
        fast_paths += inference.argmax_tree(scores) is not None
        assert list(inference.one_root_tree(scores.copy())) == stanza_tree(scores.copy())
    assert (fast_paths > 250) if peaked else (fast_paths < 50)


def test_the_fast_path_refuses_cycles_and_several_roots() -> None:
    cycle = np.full((4, 4), -9.0)
    cycle[1, 2] = cycle[2, 1] = cycle[3, 1] = 0.0  # 1 and 2 each other's best head
    assert inference.argmax_tree(cycle) is None
    two_roots = np.full((3, 3), -9.0)
    two_roots[1, 0] = two_roots[2, 0] = 0.0
    assert inference.argmax_tree(two_roots) is None
    no_root = np.full((3, 3), -9.0)
    no_root[1, 2] = no_root[2, 1] = 0.0
    assert inference.argmax_tree(no_root) is None
    chain = np.full((4, 4), -9.0)
    chain[1, 0] = chain[2, 1] = chain[3, 2] = 0.0
    tree = inference.argmax_tree(chain)
    assert tree is not None
    assert list(tree) == [0, 0, 1, 2]
    assert list(inference.one_root_tree(np.zeros((1, 1)))) == [0]


def test_the_chosen_labels_are_the_pairwise_scorers_best() -> None:
    """The label scorer evaluated at the chosen arcs only picks what Stanza's full
    ``sentences × words × words × labels`` scores pick there."""
    import torch
    from stanza.models.common.biaffine import DeepBiaffineScorer

    torch.manual_seed(3)
    scorer = DeepBiaffineScorer(12, 12, 10, 7, pairwise=True).eval()
    with torch.no_grad():
        for parameter in scorer.parameters():
            parameter.normal_()
        words = torch.randn(3, 9, 12)
        chosen = torch.randint(0, 9, (3, 9))
        everything = scorer(words, words)  # (sentences, dependent, head, label)
        expected = everything.gather(2, chosen[:, :, None, None].expand(-1, -1, 1, 7)).squeeze(2).argmax(-1)
        sentences = torch.arange(3).repeat_interleave(9)
        dependents = torch.arange(9).repeat(3)
        heads = chosen.reshape(-1)
        found = inference.chosen_labels(scorer, words[sentences, dependents], words[sentences, heads])
        assert torch.equal(found.reshape(3, 9), expected)


def annotate(pipeline: Any, texts: tuple[str, ...]) -> list[tuple[Any, ...]]:
    return [
        tuple(getattr(word, field) for field in FIELDS)
        for document in pipeline.bulk_process(list(texts))
        for sentence in document.sentences
        for word in sentence.words
    ]


@pytest.fixture(scope="module")
def pipelines(embedded_model_available: Path) -> tuple[Any, Any]:
    """Stanza's pipeline as Stanza runs it, and one with the shortcuts."""
    fast = stanza_pipeline("embedded")
    inference.install(fast)
    inference.install(fast)  # a second install changes nothing
    return stanza_pipeline("embedded"), fast


@pytest.mark.model
def test_every_word_is_annotated_as_stanza_does(
    pipelines: tuple[Any, Any], seed_texts: tuple[str, ...]
) -> None:
    stock, fast = pipelines
    texts = (*seed_texts, "Sie sagte es ihm. Kim Jong Un, Nordkoreas Machthaber, ließ verlauten: „Nein.“")
    expected = annotate(stock, texts)
    assert annotate(fast, texts) == expected
    assert {word[4] for word in expected} > {"sagen", "Machthaber"}  # lemmatized, and parsed:
    assert any(word[6] == "nsubj" for word in expected)


@pytest.mark.model
def test_the_repair_of_two_subjects_is_stanzas(
    pipelines: tuple[Any, Any], seed_texts: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real violations (two subjects of one verb) are rare; counting ``advmod`` as a
    relation a head may have once makes Stanza's repair run on many sentences, in both
    pipelines, with the full label distribution quotable computes only then."""
    from stanza.models.depparse import head_constraints

    monkeypatch.setitem(head_constraints.DEPREL_TO_GROUP, "advmod", "advmod")
    stock, fast = pipelines
    expected = annotate(stock, seed_texts)
    assert annotate(fast, seed_texts) == expected
