"""train_extractor and the learned model: fits from labelled sets, writes only when asked, runs
without scikit-learn or the network, and explains with words of the sentence."""

import json
import socket
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.extraction import Vocabulary, extract
from claims.extraction import model as model_module
from claims.extraction.features import with_rule
from claims.extraction.model import Linear, from_json
from claims.extraction.training import corpus, fit_head

TESTS_DIR = Path(__file__).parent

TEXTS = {
    "one": (
        "Psilocybin reduced depression scores in a small trial. The trial ran in 2020. "
        "Ketamine may cause dissociation. The clinic is open on Mondays.",
        ["Psilocybin reduced depression scores in a small trial.",
         "Ketamine may cause dissociation."],
    ),
    "two": (
        "LSD may lower anxiety in patients with cancer. Researchers met in Basel. "
        "MDMA can raise blood pressure. The report has three chapters.",
        ["LSD may lower anxiety in patients with cancer.", "MDMA can raise blood pressure."],
    ),
    "three": (
        "Microdosing improved mood in a survey. The survey was online. "
        "Ayahuasca can cause vomiting. Participants were paid.",
        ["Microdosing improved mood in a survey.", "Ayahuasca can cause vomiting."],
    ),
}  # fmt: skip


@pytest.fixture
def sets(tmp_path):
    folder = tmp_path / "devsetx"
    (folder / "articles").mkdir(parents=True)
    rows = []
    for name, (text, claims) in TEXTS.items():
        (folder / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
        for sentence in claims:
            rows.append({"article": name, "sentence": sentence, "claim_kind": "benefit",
                         "substances": [], "conditions": [], "certainty": "established",
                         "evidence_cited": "none"})  # fmt: skip
    (folder / "gold.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    # A held-out set is never read.
    (tmp_path / "fresh").mkdir()
    (tmp_path / "fresh" / "gold.jsonl").write_text("not json", encoding="utf-8")
    return tmp_path


def run(sets: Path, out: Path, *extra) -> str:
    stdout = StringIO()
    call_command(
        "train_extractor", "--sets", str(sets), "--no-demo", "--no-database",
        "--output", str(out), "--folds", "3", "--bootstrap", "5", *extra, stdout=stdout,
    )  # fmt: skip
    return stdout.getvalue()


def test_training_prints_grouped_figures_and_writes_nothing_without_save(sets, tmp_path):
    out = tmp_path / "model.json"
    printed = run(sets, out)
    assert "texts: 3" in printed and "claims: 6" in printed
    assert "claim P/R/F1" in printed and "95% CI" in printed
    assert "Not saved" in printed
    assert not out.exists()


def test_save_writes_a_model_the_extractor_runs_without_the_network(sets, tmp_path, monkeypatch):
    out = tmp_path / "model.json"
    assert "Saved" in run(sets, out, "--save")

    def no_network(*args, **kwargs):
        raise AssertionError("the model must load and run without the network")

    monkeypatch.setattr(socket, "socket", no_network)
    model = model_module.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert {"claim", "kind", "condition"} <= set(model.heads)
    found = extract(TEXTS["one"][0], Vocabulary.from_seed(), include_non_claims=True, model=model)
    assert len(found) == 4


def test_a_text_in_two_sets_counts_once(sets):
    copy = sets / "corpus2"
    copy.mkdir()
    for path in (sets / "devsetx").rglob("*"):
        target = copy / path.relative_to(sets / "devsetx")
        if path.is_dir():
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(path.read_bytes())
    assert len(corpus(root=sets, demo=None)) == 3


def test_a_held_out_set_trains_only_once_it_is_spent(sets):
    spent = sets / "fresh9"
    (spent / "articles").mkdir(parents=True)
    text = "Ibogaine may ease opioid withdrawal. The clinic opened in 2019."
    (spent / "articles" / "four.txt").write_text(text, encoding="utf-8")
    row = {"article": "four", "sentence": "Ibogaine may ease opioid withdrawal."}
    (spent / "gold.jsonl").write_text(json.dumps(row), encoding="utf-8")
    assert len(corpus(root=sets, demo=None)) == 3  # held out: "fresh" is never read

    (spent / "SPENT.md").write_text("Scored once and reported.", encoding="utf-8")
    names = {t.name for t in corpus(root=sets, demo=None)}
    assert "fresh9/four" in names and len(names) == 4


def test_an_article_with_no_gold_row_trains_as_non_claims_only(sets):
    (sets / "devsetx" / "articles" / "gaps.txt").write_text(
        "More research on ibogaine is needed. The trial opens in 2027.", encoding="utf-8"
    )
    texts = {t.name: t for t in corpus(root=sets, demo=None)}
    assert texts["devsetx/gaps"].claims == [] and texts["devsetx/gaps"].complete


def test_the_committed_model_loads_once_without_the_network(monkeypatch):
    monkeypatch.setattr(socket, "socket", lambda *a, **k: pytest.fail("network used"))
    model_module.load.cache_clear()
    model = model_module.load()
    assert {"claim", "kind", "condition"} <= set(model.heads)
    assert model_module.load() is model


def test_explanations_point_at_words_of_their_sentence(vocabulary):
    text = (TESTS_DIR / "devset4" / "articles" / "lsd-anxiety.txt").read_text(encoding="utf-8")
    found = extract(text, vocabulary, include_non_claims=True)
    assert any(a.is_claim for a in found)
    for a in found:
        for label, spans in a.explain.items():
            for start, end in spans:
                assert text[start:end].strip(), label
                if label.startswith(("condition:", "evidence_cited")) and end <= a.start:
                    continue  # an implicit outcome or the text's own design, named before
                if label == "context":
                    assert not (a.start <= start < end <= a.end), a.sentence
                    continue  # the words of a neighbour
                assert a.start <= start < end <= a.end, (label, a.sentence)
        if a.is_claim:
            assert a.explain.get("claim"), a.sentence


def test_the_claim_detector_reads_the_sentences_around_a_sentence_on_its_own_has_none(vocabulary):
    # A model that takes a sentence for a claim only right after a line ending in ":" that says
    # people report something.
    weights = {"p:shape:colon": [2.0], "p:cue:anecdotal": [2.0]}
    model = from_json({"heads": {"claim": {"classes": ["no", "yes"], "weights": weights,
                                           "bias": [-3.0]}}})  # fmt: skip
    text = "Regular users report:\n\nBetter sleep.\n\nLess worry."
    found = extract(text, vocabulary, include_non_claims=True, model=model)
    assert [a.is_claim for a in found] == [False, True, False]
    # Its explanation points at the lead-in's words.
    assert [text[s:e] for s, e in found[1].explain["context"]] == ["users report"]
    trace: list = []
    alone = extract("Better sleep.", vocabulary, include_non_claims=True, model=model, trace=trace)
    assert not alone[0].is_claim
    assert trace[0]["around"] == {}


def test_claims_about_substances_the_vocabulary_lacks_are_still_claims(vocabulary):
    sentences = [
        "Metformin reduced HbA1c levels in adults with type 2 diabetes.",
        "Aspirin may lower the risk of colorectal cancer in older adults.",
        "These results suggest that vitamin D supplementation could improve bone density.",
        "Our findings indicate that exercise training improves cognitive function in elderly "
        "patients.",
    ]
    found = extract("\n\n".join(sentences), vocabulary, include_non_claims=True)
    claims = [a for a in found if a.is_claim]
    assert len(claims) >= 3
    assert all(a.substances == [] for a in found)
    assert [a.certainty for a in found] == ["established", "possible", "possible", "probable"]


def test_extract_claims_all_labels_the_certainty_of_every_sentence(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Statins may prevent strokes. Omeprazole is effective for reflux. The sky is blue.",
        encoding="utf-8",
    )
    stdout = StringIO()
    call_command("extract_claims", str(path), "--all", "--seed-vocabulary", stdout=stdout)
    rows = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert len(rows) == 3
    assert [r["certainty"] for r in rows] == ["possible", "established", "established"]


def test_a_head_that_refines_a_rule_learns_where_to_keep_it():
    # The rule's answer is right unless the sentence says "mice": the head keeps the rule's
    # answer elsewhere and learns the exception.
    rows = [(with_rule({"w:found": []}, v), v) for v in ("none", "rct", "survey-observational")]
    rows += [(with_rule({"w:found": [], "w:mice": []}, "none"), "preclinical")] * 2
    rows *= 4
    head = Linear.from_json(fit_head(rows, groups=[str(i) for i in range(len(rows))], c=10))
    assert head.predict(with_rule({"w:found": []}, "rct"))[0] == "rct"
    assert head.predict(with_rule({"w:found": [], "w:mice": []}, "none"))[0] == "preclinical"
