"""The labelled corpus files are well formed: every gold row points at its article's exact words
and uses only the label values of DESIGN.md.

Generic over every labelled set (``tests/extraction/devset*/`` and the held-out
``tests/extraction/fresh*/``), so a new set is checked as soon as it lands. These are file
checks only: they never run the extractor, so they say nothing about its accuracy.
"""

import json
from pathlib import Path

import pytest

from claims.labels import Certainty, ClaimKind, EvidenceCited
from claims.vocabulary_seed import CONDITIONS, SUBSTANCES

HERE = Path(__file__).parent
SETS = sorted(
    p for p in [*HERE.glob("devset*"), *HERE.glob("fresh*")] if (p / "gold.jsonl").is_file()
)

FIELDS = {
    "article",
    "sentence",
    "substances",
    "conditions",
    "claim_kind",
    "certainty",
    "hedge_cues",
    "evidence_cited",
    "cites_named_study",
}
SUBSTANCE_SLUGS = {slug for slug, _name, _aliases in SUBSTANCES}
CONDITION_SLUGS = {slug for slug, _name, _aliases, _parent in CONDITIONS}


def _rows(labelled_set: Path) -> list[tuple[int, dict]]:
    lines = (labelled_set / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [(number, json.loads(line)) for number, line in enumerate(lines, 1) if line.strip()]


def test_the_labelled_sets_are_found():
    names = {p.name for p in SETS}
    assert {"devset", "devset2", "devset3", "devset4", "devset5"} <= names


@pytest.mark.parametrize("labelled_set", SETS, ids=lambda p: p.name)
def test_every_gold_sentence_is_in_its_article_once(labelled_set):
    problems = []
    for number, row in _rows(labelled_set):
        article = labelled_set / "articles" / f"{row['article']}.txt"
        if not article.is_file():
            problems.append(f"line {number}: no article {article.name}")
            continue
        count = article.read_text(encoding="utf-8").count(row["sentence"])
        if count != 1:
            problems.append(f"line {number}: {count} times in {article.name}: {row['sentence']!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("labelled_set", SETS, ids=lambda p: p.name)
def test_every_label_value_is_in_the_label_sets(labelled_set):
    problems = []
    seen = set()
    for number, row in _rows(labelled_set):
        where = f"line {number} ({row.get('article')})"
        if set(row) != FIELDS:
            problems.append(f"{where}: fields {sorted(set(row) ^ FIELDS)} differ")
            continue
        if (row["article"], row["sentence"]) in seen:
            problems.append(f"{where}: sentence listed twice")
        seen.add((row["article"], row["sentence"]))
        if row["claim_kind"] not in ClaimKind.values:
            problems.append(f"{where}: claim_kind {row['claim_kind']!r}")
        if row["certainty"] not in Certainty.values:
            problems.append(f"{where}: certainty {row['certainty']!r}")
        if row["evidence_cited"] not in EvidenceCited.values:
            problems.append(f"{where}: evidence_cited {row['evidence_cited']!r}")
        if not isinstance(row["cites_named_study"], bool):
            problems.append(f"{where}: cites_named_study is not true/false")
        for slug in set(row["substances"]) - SUBSTANCE_SLUGS:
            problems.append(f"{where}: substance {slug!r}")
        for slug in set(row["conditions"]) - CONDITION_SLUGS:
            problems.append(f"{where}: condition {slug!r}")
        for cue in row["hedge_cues"]:
            if cue.lower() not in row["sentence"].lower():
                problems.append(f"{where}: hedge cue {cue!r} is not in the sentence")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("labelled_set", SETS, ids=lambda p: p.name)
def test_every_article_has_its_source_recorded(labelled_set):
    sources = (labelled_set / "SOURCES.md").read_text(encoding="utf-8")
    missing = [
        article.name
        for article in sorted((labelled_set / "articles").glob("*.txt"))
        if article.name not in sources and article.stem not in sources
    ]
    assert not missing, f"not in {labelled_set.name}/SOURCES.md: {missing}"
