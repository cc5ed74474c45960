"""The accuracy harness: the corpus metric, the seeds metrics, reports, errors and the CLI."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from quotable import corpus_export, corpus_metric, evaluate, evaluation_report, harness, seed_gold, wikinews
from quotable.model import (
    AgencyMention,
    AgencyRole,
    Attribution,
    Cue,
    Medium,
    Mention,
    Quote,
    QuoteType,
    Span,
    Speaker,
)
from quotable.scores import Accuracy, Counts, Score
from quotable.wikinews import EMPTY, CorpusDocument, CorpusMention, CorpusQuotation, TokenRange

SHARED = Path(__file__).parents[1] / ".." / "shared"
DEV = SHARED / "data" / "wikinews-quotes" / "dev"
needs_corpus = pytest.mark.skipif(
    not DEV.is_dir(), reason="the WikiNews corpus is not at ../shared/data/wikinews-quotes/dev"
)


def at(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part))


def mention(*token_ids: int) -> CorpusMention:
    """A corpus mention over ``token_ids`` (character offsets are not scored and left at 0)."""
    if not token_ids:
        return EMPTY
    return CorpusMention(tuple(TokenRange(i, i + 1, Span(0, 0)) for i in token_ids), "", tuple(token_ids))


def quotation(
    message: Iterable[int],
    type: str = "Indirect",
    medium: str = "Speech",
    *,
    speaker: Iterable[int] = (),
    cue: Iterable[int] = (),
    frame: Iterable[int] = (),
    addressee: Iterable[int] = (),
    nested: bool = False,
) -> CorpusQuotation:
    return CorpusQuotation(
        id=0,
        type=type,
        medium=medium,
        quote=mention(*message),
        speaker=mention(*speaker),
        cue=mention(*cue),
        frame=mention(*frame),
        addressee=mention(*addressee),
        is_nested=nested,
    )


def corpus_document(*quotations: CorpusQuotation, name: str = "doc") -> CorpusDocument:
    text = " ".join(f"w{i}" for i in range(60))
    tokens = wikinews.tokenize(text)
    return CorpusDocument(name, text, tokens, wikinews.sentences_of(text, tokens), tuple(quotations))


# ---------------------------------------------------------------- a hand-made article

TEXT = (
    "Die Ministerin sagte den Journalisten: „Wir bauen die Brücke bis 2026.“ "
    "Der Bürgermeister erklärte, die Stadt habe kein Geld. "
    "Die Opposition schrieb, der Bau werde teurer."
)


def gold_quotes(text: str = TEXT) -> tuple[Quote, ...]:
    direct = at(text, "„Wir bauen die Brücke bis 2026.“")
    return (
        Quote(
            type=QuoteType.DIRECT,
            spans=(direct,),
            content=(Span(direct.start + 1, direct.end - 1),),
            text="Wir bauen die Brücke bis 2026.",
            speaker=Speaker.from_spans(text, [at(text, "Die Ministerin")], "Ministerin Anna Weber"),
            cue=Cue.from_spans(text, [at(text, "sagte")]),
            frame=Mention.from_spans(text, [at(text, "Die Ministerin sagte den Journalisten:")]),
            addressee=Mention.from_spans(text, [at(text, "den Journalisten")]),
            medium=Medium.SPEECH,
        ),
        Quote(
            type=QuoteType.INDIRECT,
            spans=(at(text, "die Stadt habe kein Geld"),),
            content=(at(text, "die Stadt habe kein Geld"),),
            text="die Stadt habe kein Geld",
            speaker=Speaker.from_spans(text, [at(text, "Der Bürgermeister")]),
            cue=Cue.from_spans(text, [at(text, "erklärte")]),
            frame=Mention.from_spans(text, [at(text, "Der Bürgermeister erklärte,")]),
            medium=Medium.SPEECH,
        ),
        Quote(
            type=QuoteType.INDIRECT,
            spans=(at(text, "der Bau werde teurer"),),
            content=(at(text, "der Bau werde teurer"),),
            text="der Bau werde teurer",
            speaker=Speaker.from_spans(text, [at(text, "Die Opposition")]),
            cue=Cue.from_spans(text, [at(text, "schrieb")]),
            medium=Medium.WRITING,
        ),
    )


def article() -> CorpusDocument:
    tokens = wikinews.tokenize(TEXT)
    doc = CorpusDocument("artikel", TEXT, tokens, wikinews.sentences_of(TEXT, tokens))
    return attrs.evolve(
        doc, quotations=corpus_export.quotations_from_attribution(doc, Attribution(gold_quotes()))
    )


def all_scores(s: corpus_metric.CorpusScores) -> list[float]:
    values = []
    for score in (s.message, s.roles, s.joint, *(x for _, x in s.by_role), *(x for _, x in s.by_type)):
        values += [score.precision, score.recall, score.f1]
    return values


# ---------------------------------------------------------------- the corpus metric


def test_a_perfect_system_scores_one_everywhere() -> None:
    doc = article()
    s = corpus_metric.score_attributions([doc], [Attribution(gold_quotes())])
    assert all(v == 1.0 for v in all_scores(s) if v != 0.0)
    assert (s.message.f1, s.roles.f1, s.joint.f1) == (1.0, 1.0, 1.0)
    assert [name for name, t in s.by_type if t.f1 == 1.0] == ["Direct", "Indirect"]
    assert (s.type_accuracy.value, s.medium_accuracy.value) == (1.0, 1.0)
    assert (s.type_reference.f1, s.medium_reference.f1) == (1.0, 1.0)
    assert (s.gold, s.system, s.pairs, s.matched) == (3, 3, 3, 3)


def test_an_empty_system_scores_zero() -> None:
    s = corpus_metric.score_attributions([article()], [Attribution()])
    assert all(v == 0.0 for v in all_scores(s))
    assert (s.type_accuracy, s.medium_accuracy) == (Accuracy(0, 0), Accuracy(0, 0))
    assert (s.type_reference.f1, s.medium_reference.f1) == (0.0, 0.0)
    assert (s.gold, s.system, s.pairs) == (3, 0, 0)


def test_hand_computed_example() -> None:
    # Document A: gold G1 and G2, system S1; document B: no gold, system S2.
    #   G1 Direct/Speech  message 1-10, speaker {20}, cue {21}, frame {20,21}, no addressee
    #   S1 Indirect/Speech message 3-12, speaker {19,20}, cue {21}, no frame, no addressee
    #   G2 Indirect/Writing message 30-33, speaker {35}, cue {36}        -> unpaired gold
    #   S2 Reported/Speech message {5,6}, speaker {1}, addressee {2}      -> unpaired system
    # Pair G1-S1: message TP 8 FP 2 FN 2 -> P .8 R .8; addressee empty on both sides -> no P, no R;
    #   cue TP 1 -> P 1 R 1; frame FN 2 -> R 0 (no P); speaker TP 1 FP 1 -> P .5 R 1.
    # G2 alone: message R 0, speaker R 0, cue R 0.  S2 alone: message P 0, speaker P 0, addressee P 0.
    # message: P mean(.8, 0) = .4, R mean(.8, 0) = .4, F1 .4
    # roles:   P mean(1, .5, 0, 0) = .375, R mean(1, 0, 1, 0, 0) = .4, F1 2*.375*.4/.775 = .3/.775
    # joint:   P (.8 + 0 + 1 + .5 + 0 + 0)/6 = 2.3/6, R (.8 + 0 + 1 + 0 + 1 + 0 + 0)/7 = .4
    # per role: cue P 1 R mean(1, 0) = .5; speaker P mean(.5, 0) = .25 R mean(1, 0) = .5;
    #   frame P none -> 0, R 0; addressee P 0, R none -> 0
    # per type: Direct P none -> 0, R .8 (G1); Indirect P .8 (S1), R 0 (G2); Reported P 0 (S2), R none.
    # type accuracy over matched pairs: 0/1; medium 1/1.  Reference type: 0 hits / 2 and / 2;
    #   medium: 1 hit, P 1/2, R 1/2.
    g1 = quotation(range(1, 11), "Direct", "Speech", speaker=[20], cue=[21], frame=[20, 21])
    s1 = quotation(range(3, 13), "Indirect", "Speech", speaker=[19, 20], cue=[21])
    g2 = quotation(range(30, 34), "Indirect", "Writing", speaker=[35], cue=[36])
    s2 = quotation([5, 6], "Reported", "Speech", speaker=[1], addressee=[2])
    docs = [corpus_document(g1, g2, name="A"), corpus_document(name="B")]
    s = corpus_metric.score_corpus(docs, [[s1], [s2]])

    def prf(score: Score) -> tuple[float, float, float]:
        return (score.precision, score.recall, score.f1)

    assert prf(s.message) == pytest.approx((0.4, 0.4, 0.4))
    assert prf(s.roles) == pytest.approx((0.375, 0.4, 0.3 / 0.775))
    joint_p, joint_r = 2.3 / 6, 0.4
    assert prf(s.joint) == pytest.approx((joint_p, joint_r, 2 * joint_p * joint_r / (joint_p + joint_r)))
    by_role = dict(s.by_role)
    assert prf(by_role["cue"]) == pytest.approx((1.0, 0.5, 2 / 3))
    assert prf(by_role["speaker"]) == pytest.approx((0.25, 0.5, 1 / 3))
    assert prf(by_role["frame"]) == (0.0, 0.0, 0.0)
    assert prf(by_role["addressee"]) == (0.0, 0.0, 0.0)
    assert (by_role["frame"].n_precision, by_role["addressee"].n_recall) == (0, 0)
    by_type = dict(s.by_type)
    assert prf(by_type["Direct"]) == pytest.approx((0.0, 0.8, 0.0))
    assert prf(by_type["Indirect"]) == pytest.approx((0.8, 0.0, 0.0))
    assert prf(by_type["Reported"]) == (0.0, 0.0, 0.0)
    assert (s.type_accuracy, s.medium_accuracy) == (Accuracy(0, 1), Accuracy(1, 1))
    assert prf(s.type_reference) == (0.0, 0.0, 0.0)
    assert prf(s.medium_reference) == pytest.approx((0.5, 0.5, 0.5))
    assert (s.documents, s.gold, s.system, s.pairs, s.matched) == (2, 2, 2, 1, 1)
    assert dict(s.tokens)["message"] == Counts(8, 2 + 2, 2 + 4)


def test_the_assignment_prefers_the_same_type_then_the_same_medium() -> None:
    gold = [quotation(range(1, 5), "Direct", "Speech")]
    other_type = quotation(range(1, 5), "Indirect", "Speech")
    other_medium = quotation(range(1, 5), "Direct", "Writing")
    same = quotation(range(1, 5), "Direct", "Speech")
    assert corpus_metric.assign(gold, [other_type, other_medium]) == [(0, 1)]
    assert corpus_metric.assign(gold, [other_medium, other_type]) == [(0, 0)]
    assert corpus_metric.assign(gold, [other_medium, same]) == [(0, 1)]
    assert corpus_metric.assign(gold, [same, other_medium]) == [(0, 0)]


def test_a_better_overlap_beats_the_tie_breakers() -> None:
    gold = [quotation(range(1, 11), "Direct", "Speech")]
    same_labels_half = quotation(range(1, 6), "Direct", "Speech")
    other_labels_all = quotation(range(1, 11), "Indirect", "Writing")
    assert corpus_metric.assign(gold, [same_labels_half, other_labels_all]) == [(0, 1)]


def test_quotations_sharing_no_token_are_still_paired_as_in_the_reference() -> None:
    doc = corpus_document(quotation([1, 2], speaker=[9]))
    pairs = corpus_metric.pair_corpus([doc], [[quotation([5, 6], speaker=[9])]])
    assert len(pairs) == 1
    assert not pairs[0].matched
    # the shared speaker token counts, as in the reference scorer
    assert pairs[0].counts[corpus_metric.PARTS.index("speaker")] == Counts(1, 0, 0)
    kinds = [r["kind"] for r in evaluate.wikinews_errors([doc], pairs)]
    assert sorted(kinds) == ["false_negative", "false_positive"]


def test_simplified_drops_nested_quotations_and_scores_speaker_and_message() -> None:
    outer = quotation(range(1, 11), speaker=[20], cue=[21])
    inner = quotation(range(4, 7), "Direct", nested=True, speaker=[20])
    system = [quotation(range(1, 11), speaker=[20])]
    s = corpus_metric.score_corpus([corpus_document(outer, inner)], [system], simplified=True)
    assert [name for name, _ in s.by_role] == ["speaker"]
    assert (s.gold, s.joint.f1) == (1, 1.0)
    full = corpus_metric.score_corpus([corpus_document(outer, inner)], [system])
    assert full.gold == 2
    assert full.joint.recall < 1.0


def test_reports_are_deterministic() -> None:
    docs = [article()]
    half = Attribution(gold_quotes()[:2])

    def run() -> tuple[str, str]:
        report = evaluation_report.Report(corpus_metric.score_attributions(docs, [half]), None, "test")
        return report.to_markdown(), report.to_json()

    first = run()
    assert run() == first
    assert json.loads(first[1])["wikinews"]["gold_quotations"] == 3
    assert "| **joint** |" in first[0]


@needs_corpus
def test_the_dev_gold_against_itself_scores_one() -> None:
    docs = wikinews.read_corpus([DEV], limit=20)
    s = corpus_metric.score_corpus(docs, [d.quotations for d in docs])
    assert (s.message.f1, s.roles.f1, s.joint.f1, s.type_accuracy.value, s.medium_accuracy.value) == (
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
    )
    via_attribution = corpus_metric.score_attributions(
        docs, [corpus_export.attribution_from_document(d) for d in docs]
    )
    assert (via_attribution.joint.f1, via_attribution.type_accuracy.value) == (1.0, 1.0)


# ---------------------------------------------------------------- the seeds metrics

SEED_TEXT = (
    "Berlin (dpa) - „Wir halten Wort“, sagte Kanzler Olaf Scholz am Montag. "
    "Er betonte, die Regierung werde „alles Nötige“ tun. "
    "Laut Reuters erklärte der Minister, man prüfe die Lage."
)


def seed_document() -> seed_gold.SeedDocument:
    def q(
        part: str, kind: str, speaker: str, aliases: tuple[str, ...] = (), via: str | None = None
    ) -> seed_gold.SeedQuote:
        span = at(SEED_TEXT, part)
        return seed_gold.SeedQuote(span.start, span.end, part, kind, speaker, aliases, via=via)

    quotes = [
        q("Wir halten Wort", "direct", "Olaf Scholz", ("Scholz", "Kanzler")),
        q("die Regierung werde „alles Nötige“ tun", "indirect", "Olaf Scholz", ("Scholz",)),
        q("alles Nötige", "partial", "Olaf Scholz", ("Scholz",)),
        q("man prüfe die Lage", "indirect", "Hans Meier", via="Reuters"),
    ]
    dpa, reuters = at(SEED_TEXT, "dpa"), at(SEED_TEXT, "Reuters")
    return seed_gold.SeedDocument(
        "s1",
        "s1.txt",
        SEED_TEXT,
        tuple(quotes),
        (
            seed_gold.SeedAgency("dpa", "dateline", dpa.start, dpa.end, "dpa"),
            seed_gold.SeedAgency("Reuters", "via", reuters.start, reuters.end, "Reuters"),
        ),
    )


def predicted(
    text: str, part: str, kind: QuoteType, name: str | None, *, marks: bool = False, via: str | None = None
) -> Quote:
    content = at(text, part)
    spans = Span(content.start - 1, content.end + 1) if marks else content
    speaker = None if name is None else Speaker(name, (Span(0, 0),), name)
    return Quote(type=kind, spans=(spans,), content=(content,), text=part, speaker=speaker, via=via)


def seed_attribution() -> Attribution:
    t = SEED_TEXT
    dpa, reuters = at(t, "dpa"), at(t, "Reuters")
    return Attribution(
        quotes=(
            # exact direct, strict speaker right
            predicted(t, "Wir halten Wort", QuoteType.DIRECT, "Olaf Scholz", marks=True),
            # the partial found one word short: overlap only; speaker by alias (lenient only)
            predicted(t, "alles Nötig", QuoteType.DIRECT, "Scholz", marks=False),
            # exact indirect; speaker contained in the gold name (lenient only)
            predicted(t, "die Regierung werde „alles Nötige“ tun", QuoteType.INDIRECT, "olaf"),
            # indirect with a wrong end and the wrong speaker, via right
            predicted(t, "man prüfe die Lage.", QuoteType.INDIRECT, "Reuters", via="Reuters"),
            # a speech act: the seeds do not annotate those, so it counts nowhere
            predicted(t, "Laut Reuters erklärte der Minister", QuoteType.REPORTED, "Hans Meier"),
            # a false direct quote
            predicted(t, "Kanzler", QuoteType.DIRECT, None),
        ),
        agencies=(
            AgencyMention("dpa", AgencyRole.DATELINE, "dpa", dpa),
            AgencyMention("Reuters", AgencyRole.MENTION, "Reuters", reuters),
        ),
    )


def test_seeds_metrics_on_a_tiny_gold() -> None:
    s = seed_gold.score_seeds([seed_document()], [seed_attribution()])
    # direct: gold 2 (direct + partial), predicted 3; exact hits 1, overlap hits 2
    assert (s.direct_exact.precision, s.direct_exact.recall) == pytest.approx((1 / 3, 1 / 2))
    assert (s.direct_overlap.precision, s.direct_overlap.recall) == pytest.approx((2 / 3, 1.0))
    # indirect: gold 2, predicted 2; exact 1, overlap 2
    assert (s.indirect_exact.precision, s.indirect_exact.recall, s.indirect_exact.f1) == (0.5, 0.5, 0.5)
    assert s.indirect_overlap.f1 == 1.0
    # four pairs by overlap: strict right 1 (Olaf Scholz); lenient adds "Scholz" and "olaf"
    assert s.speaker_strict == Accuracy(1, 4)
    assert s.speaker_lenient == Accuracy(3, 4)
    assert s.via == Accuracy(4, 4)
    assert s.via_found == Accuracy(1, 1)
    # agencies: dpa right, Reuters with the wrong role
    assert (s.agencies.precision, s.agencies.recall) == (0.5, 0.5)


def test_lenient_speaker_needs_whole_words() -> None:
    gold = seed_gold.SeedQuote(0, 1, "x", "direct", "Kim Jong Un", ("Kim",))
    assert seed_gold.speaker_right(gold, predicted("x", "x", QuoteType.DIRECT, "Jong Un"), lenient=True)
    assert not seed_gold.speaker_right(gold, predicted("x", "x", QuoteType.DIRECT, "Jon"), lenient=True)
    assert not seed_gold.speaker_right(gold, predicted("x", "x", QuoteType.DIRECT, None), lenient=True)


def test_seed_errors_list_misses_with_context() -> None:
    records = evaluate.seed_errors([seed_document()], [seed_attribution()])
    kinds = [r["kind"] for r in records]
    assert kinds.count("false_positive") == 1
    assert kinds.count("wrong_speaker") == 3
    assert sorted(k for k in kinds if k.startswith("agency")) == [
        "agency_false_negative",
        "agency_false_positive",
    ]
    fp = next(r for r in records if r["kind"] == "false_positive")
    assert fp["text"] == "Kanzler"
    assert SEED_TEXT.endswith(fp["after"]) or fp["after"] in SEED_TEXT
    assert len(fp["before"]) <= evaluate.CONTEXT
    assert len(fp["after"]) == evaluate.CONTEXT


def test_reading_the_repo_seeds() -> None:
    path = Path(__file__).parents[1] / "seeds" / "seeds.gold.jsonl"
    docs = seed_gold.read_seeds(path)
    assert [d.id for d in docs] == ["seed-000", "seed-002"]
    perfect = [
        Attribution(
            quotes=tuple(
                Quote(
                    type=QuoteType.INDIRECT if q.kind == "indirect" else QuoteType.DIRECT,
                    spans=(q.span,),
                    content=(q.span,),
                    text=q.text,
                    speaker=Speaker(q.text, (q.span,), q.speaker),
                    via=q.via,
                )
                for q in d.quotes
            )
        )
        for d in docs
    ]
    s = seed_gold.score_seeds(docs, perfect)
    assert (s.direct_exact.f1, s.indirect_exact.f1, s.speaker_strict.value, s.via.value) == (
        1.0,
        1.0,
        1.0,
        1.0,
    )


def test_a_malformed_seeds_line_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    bad = {
        "id": "x",
        "text": "Er sagte Ja.",
        "quotes": [{"start": 0, "end": 2, "text": "sa", "kind": "direct"}],
    }
    path.write_text("\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        seed_gold.read_seeds(path)


# ---------------------------------------------------------------- the CLI


class FakeAttributor:
    """Answers the hand-made article and seed texts with prepared results."""

    def attribute_many(self, texts: Iterable[str]) -> Iterator[Attribution]:
        for text in texts:
            if text == TEXT:
                yield Attribution(gold_quotes()[:2], model="fake")
            elif text == SEED_TEXT:
                yield seed_attribution()
            else:
                yield Attribution()


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(evaluate, "load_attributor", lambda model: FakeAttributor())
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "artikel.json").write_text(
        corpus_export.dumps(corpus_export.document_to_json(article())), encoding="utf-8"
    )
    seeds = tmp_path / "seeds.jsonl"
    doc = seed_document()
    seeds.write_text(
        json.dumps(
            {
                "id": doc.id,
                "source": doc.source,
                "text": doc.text,
                "quotes": [attrs.asdict(q) for q in doc.quotes],
                "agencies": [attrs.asdict(a) for a in doc.agencies],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return corpus, seeds


def test_cli_writes_a_markdown_report(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    corpus, seeds = inputs
    assert evaluate.main(["--wikinews", str(corpus), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "## WikiNews quotation corpus" in out
    assert "## Seeds gold" in out


def test_cli_json_report_and_errors_file(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, seeds = inputs
    errors = tmp_path / "errors.jsonl"
    args = ["--wikinews", str(corpus), "--seeds", str(seeds), "--format", "json", "--errors", str(errors)]
    assert evaluate.main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"] == "fake"
    assert report["wikinews"]["system_quotations"] == 2
    assert report["seeds"]["speaker_strict"] == {"value": 0.25, "correct": 1, "total": 4}
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    missed = [r for r in records if r["corpus"] == "wikinews"]
    assert [(r["kind"], r["text"]) for r in missed] == [("false_negative", "der Bau werde teurer")]
    assert missed[0]["before"].endswith("Die Opposition schrieb, ")


def test_cli_simplified_and_limit(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    corpus, _ = inputs
    assert evaluate.main(["--wikinews", str(corpus), "--simplified", "--limit", "1"]) == 0
    assert "simplified" in capsys.readouterr().out


def test_cli_missing_corpus_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.main(["--wikinews", str(tmp_path / "fehlt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "corpus path not found" in err


def test_cli_unavailable_attributor_is_exit_1(
    inputs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unavailable(model: str | None, min_confidence: float | None = None) -> object:
        raise ImportError("the system under test is not available: cannot import quotable.attributor")

    monkeypatch.setattr(evaluate, "load_attributor", unavailable)
    assert evaluate.main(["--seeds", str(inputs[1])]) == 1
    assert "not available" in capsys.readouterr().err


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main([]) == 2
    assert evaluate.main(["--seeds", "x", "--format", "html"]) == 2
    assert evaluate.main(["--seeds", "x", "--limit", "-2"]) == 2
    assert evaluate.main(["--help"]) == 0
    assert "quotable evaluate" in capsys.readouterr().out


# ---------------------------------------------------------------- benchmarks/accuracy.py


def _benchmark() -> ModuleType:
    path = Path(__file__).parents[1] / "benchmarks" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("accuracy_benchmark", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_writes_a_markdown_page(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, seeds = inputs
    out = tmp_path / "accuracy.md"
    args = ["--wikinews", str(corpus), "--seeds", str(seeds), "--out", str(out)]
    assert _benchmark().main(args, system=FakeAttributor()) == 0
    page = out.read_text(encoding="utf-8")
    assert page == capsys.readouterr().out
    for heading in (
        "# quotable accuracy",
        "- command: `python benchmarks/accuracy.py --wikinews",
        "simplified",
    ):
        assert heading in page
    assert "## Seeds gold" in page


def test_the_benchmark_fails_clearly_without_the_attributor(
    inputs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unavailable(model: str | None, min_confidence: float | None = None) -> object:
        raise ImportError("the system under test is not available: cannot import quotable.attributor")

    monkeypatch.setattr(harness, "load_attributor", unavailable)
    corpus, seeds = inputs
    assert _benchmark().main(["--wikinews", str(corpus), "--seeds", str(seeds)]) == 1
    assert "needs quotable.attributor.Attributor" in capsys.readouterr().err


def test_the_newsroom_gold_builds_from_its_annotations_and_reads_back(tmp_path: Path) -> None:
    import subprocess
    import sys

    from quotable.seed_gold import read_seeds

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "newsroom.gold.jsonl"
    subprocess.run(
        [sys.executable, str(root / "scripts" / "build_newsroom_gold.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    documents = read_seeds(out)
    assert len(documents) >= 40
    assert sum(len(d.quotes) for d in documents) > 500
    assert all(q.speaker for d in documents for q in d.quotes if q.kind == "direct")
