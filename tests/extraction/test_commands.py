import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ARTICLE = (
    "Psilocybin and mood\n\nPsilocybin may reduce depression. Is it legal?\n"
    "Users report that LSD microdoses improve their focus.\n"
)


def run(*args) -> list[dict]:
    out = StringIO()
    call_command(*args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


@pytest.mark.parametrize(
    "name, content",
    [
        ("a.txt", ARTICLE),
        (
            "a.md",
            "# Psilocybin and mood\n\nPsilocybin **may** reduce depression. Is it legal?\n\n"
            "Users report that LSD microdoses improve their focus.\n",
        ),
        (
            "a.html",
            "<html><body><article><h1>Psilocybin and mood</h1><p>Psilocybin may reduce "
            "depression. Is it legal?</p><p>Users report that LSD microdoses improve their focus."
            "</p></article></body></html>",
        ),
    ],
)
def test_extract_claims_prints_one_json_line_per_claim(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    rows = run("extract_claims", str(path), "--seed-vocabulary")
    assert [r["sentence"] for r in rows] == [
        "Psilocybin may reduce depression.",
        "Users report that LSD microdoses improve their focus.",
    ]
    assert rows[0]["file"] == str(path)
    assert rows[0]["certainty"] == "possible"
    assert rows[1]["certainty"] == "anecdotal"
    assert {"start", "end", "explain", "hedge_cues", "cites_named_study"} <= set(rows[0])
    assert "is_claim" not in rows[0]


def test_all_prints_every_sentence_with_is_claim(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    rows = run("extract_claims", str(path), "--all", "--seed-vocabulary")
    assert [r["is_claim"] for r in rows] == [False, True, False, True]


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="No such file"):
        call_command("extract_claims", "/nonexistent/article.txt", "--seed-vocabulary")


def test_an_unsupported_file_is_a_clear_error(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(CommandError, match="Unsupported document type"):
        call_command("extract_claims", str(path), "--seed-vocabulary")


def test_export_gold_and_evaluate_extraction_round_trip(tmp_path):
    articles, curation = tmp_path / "articles", tmp_path / "curation"
    articles.mkdir()
    curation.mkdir()
    (articles / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (curation / "one.yaml").write_text(
        "mentions:\n"
        '  - quote: "Psilocybin may reduce depression."\n'
        "    kind: benefit\n    substances: [psilocybin]\n    conditions: [depression]\n"
        "    certainty: possible\n    hedge_cues: [may]\n    evidence_cited: none\n"
        "    cites_named_study: false\n",
        encoding="utf-8",
    )
    gold = run("export_gold", "--curation", str(curation), "--articles", str(articles))
    assert gold == [
        {
            "article": "one",
            "sentence": "Psilocybin may reduce depression.",
            "start": 21,
            "end": 54,
            "substances": ["psilocybin"],
            "conditions": ["depression"],
            "claim_kind": "benefit",
            "certainty": "possible",
            "hedge_cues": ["may"],
            "evidence_cited": "none",
            "cites_named_study": False,
            "claim": None,
        }
    ]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    out = StringIO()
    call_command("evaluate_extraction", str(gold_path), str(articles), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["claims"]["recall"] == 1.0
    assert report["claims"]["precision"] == 0.5  # the user report is not in this tiny gold
    assert report["labels"]["certainty"]["accuracy"] == 1.0
    assert report["sets"]["substances"]["f1"] == 1.0


def test_evaluate_extraction_counts_false_alarms_in_an_article_with_no_claims(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text("Psilocybin may reduce depression.\n", encoding="utf-8")
    (articles / "none.txt").write_text("Ketamine may ease anxiety.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    row = {"article": "one", "sentence": "Psilocybin may reduce depression."}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = StringIO()
    call_command("evaluate_extraction", str(gold), str(articles), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["claims"]["recall"] == 1.0
    assert report["claims"]["precision"] == 0.5  # the claim in none.txt is a false alarm


def test_evaluate_extraction_refuses_missing_inputs(tmp_path):
    with pytest.raises(CommandError, match="No such gold file"):
        call_command("evaluate_extraction", str(tmp_path / "none.jsonl"), str(tmp_path))
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"article": "absent", "sentence": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="No article 'absent'"):
        call_command("evaluate_extraction", str(gold), str(tmp_path))


def test_demo_gold_covers_the_curated_articles():
    rows = run("export_gold")
    demo = Path(__file__).resolve().parents[2] / "claims" / "demo" / "articles"
    assert rows and {r["article"] for r in rows} <= {p.stem for p in demo.glob("*.txt")}
    assert all(r["start"] >= 0 for r in rows)
