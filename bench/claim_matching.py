"""What a curator meets on the demo corpus, leave-one-source-out.

Run: .venv/bin/python bench/claim_matching.py  (or `make bench`; takes a minute: one model fit
per demo article). For each demo article the extractor's model is refitted without that article,
and the canonical claims are those the OTHER demo articles make (statement, labels and their
quotes). Prints:

- claim matching: for each curated mention whose claim another source also makes, is that claim
  the top suggestion (top-1) or among the best three (top-3)? (target: top-3 >= 0.80)
- right as-is: the share of curated mentions the extractor suggests with every label right
  (kind, substances, conditions, certainty, evidence cited, named study), and with the top
  suggested claim right too (the figure a curator feels: cards that need no edit).
"""

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from claims.extraction import Vocabulary, extract  # noqa: E402
from claims.extraction import training as tr  # noqa: E402
from claims.extraction.model import from_json, load  # noqa: E402
from claims.extraction.scoring import match  # noqa: E402
from claims.matching import Candidate, Matcher  # noqa: E402

LABELS = ("claim_kind", "certainty", "evidence_cited", "cites_named_study")


def demo_claims() -> dict[str, dict]:
    claims = {}
    for path in sorted((tr.DEMO / "claims").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            claims[entry["slug"]] = entry
    return claims


def right(gold: dict, found: dict) -> bool:
    return all(str(gold.get(k)) == str(found.get(k)) for k in LABELS) and all(
        set(gold.get(k) or []) == set(found.get(k) or []) for k in ("substances", "conditions")
    )


def main() -> None:
    vocabulary = Vocabulary.from_seed()
    texts = tr.corpus()
    exs, _ = tr.examples(texts, vocabulary, model=load())
    claims = demo_claims()
    demo = [t for t in texts if t.name.startswith("demo/")]
    total = labels_right = all_right = elsewhere = top1 = top3 = detected = 0
    for held in demo:
        model = from_json({"heads": tr.fit([e for e in exs if e.group != held.name])})
        found = [a.as_dict() for a in extract(held.text, vocabulary, model=model)]
        others = [t for t in demo if t is not held]
        quotes: dict[str, list[str]] = {}
        for t in others:
            for row in t.claims:
                quotes.setdefault(row["claim"], []).append(row["sentence"])
        candidates = [
            Candidate(
                key=slug,
                statement=claims[slug]["statement"],
                kind=claims[slug]["kind"],
                substances=frozenset(claims[slug].get("substances") or []),
                conditions=frozenset(claims[slug].get("conditions") or []),
                quotes=qs,
            )
            for slug, qs in quotes.items()
        ]
        matcher = Matcher(candidates)
        pairs = dict(match(held.claims, found))
        for i, gold in enumerate(held.claims):
            total += 1
            suggestion = found[pairs[i]] if i in pairs else None
            detected += suggestion is not None
            labels = suggestion or {"sentence": gold["sentence"]}
            ranked = matcher.rank(
                gold["sentence"],
                labels.get("claim_kind"),
                labels.get("substances"),
                labels.get("conditions"),
            )
            keys = [m.key for m in ranked]
            ok = suggestion is not None and right(gold, suggestion)
            labels_right += ok
            if gold["claim"] in quotes:
                elsewhere += 1
                top1 += keys[:1] == [gold["claim"]]
                top3 += gold["claim"] in keys
                all_right += ok and keys[:1] == [gold["claim"]]
    print(f"demo mentions: {total}, detected by the extractor: {detected}")
    print(
        f"claim matching ({elsewhere} mentions whose claim another source makes): "
        f"top-1 {top1 / elsewhere:.3f}, top-3 {top3 / elsewhere:.3f}"
    )
    print(f"right as-is, every label: {labels_right / total:.3f} of all {total} mentions")
    print(
        f"right as-is, every label and the top claim: {all_right / elsewhere:.3f} of the "
        f"{elsewhere} whose claim another source makes ({all_right / total:.3f} of all)"
    )


if __name__ == "__main__":
    main()
