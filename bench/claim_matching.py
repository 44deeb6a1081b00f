"""What a curator meets on the demo corpus, leave-one-source-out.

Run: .venv/bin/python bench/claim_matching.py  (or `make bench`; takes a minute: one model fit
per demo article). For each demo article the extractor's model is refitted without that article,
and the canonical claims are those the OTHER demo articles make (statement, labels and their
quotes), ranked with weights learned without the article (claims/matching_training.py; the
hand-set weights they replaced are printed beside). Prints:

- claim matching: for each curated mention whose claim another source also makes, is that claim
  the top suggestion (top-1) or among the best three (top-3)? (target: top-3 >= 0.80)
- right as-is: the share of curated mentions the extractor suggests with every label right
  (kind, substances, conditions, certainty, evidence cited, named study), and with the top
  suggested claim right too (the figure a curator feels: cards that need no edit).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from claims import matching  # noqa: E402
from claims import matching_training as mt  # noqa: E402
from claims.extraction import Vocabulary  # noqa: E402
from claims.extraction import training as tr  # noqa: E402
from claims.extraction.model import from_json, load  # noqa: E402

LABELS = ("claim_kind", "certainty", "evidence_cited", "cites_named_study")


def right(gold: dict, found: dict) -> bool:
    return bool(found) and (
        all(str(gold.get(k)) == str(found.get(k)) for k in LABELS)
        and all(
            set(gold.get(k) or []) == set(found.get(k) or []) for k in ("substances", "conditions")
        )
    )


def main() -> None:
    vocabulary = Vocabulary.from_seed()
    texts = tr.corpus()
    exs, _ = tr.examples(texts, vocabulary, model=load())
    demo = {t.name for t in texts if t.name.startswith("demo/")}

    def model_without(name):  # the extractor refitted without the article
        return from_json({"heads": tr.fit([e for e in exs if e.group != name])})

    linked = mt.demo_linked(model_without, vocabulary, names=demo)
    gold = {(t.name, row["sentence"]): row for t in texts if t.name in demo for row in t.claims}
    claims = mt.demo_claims()
    learned = mt.nested(linked, claims)
    by_hand = mt.ranks(linked, claims, lambda group: HAND)
    total = len(linked)
    detected = sum(bool(m.labels) for m in linked)
    ok = {m for m in linked if right(gold[(m.group, m.sentence)], m.labels)}
    print(f"demo mentions: {total}, detected by the extractor: {detected}")
    for name, places in (("learned (nested)", learned), ("hand-set weights", by_hand)):
        n, top1, top3 = mt.summary(places)
        print(
            f"claim matching, {name} ({n} mentions whose claim another source makes): "
            f"top-1 {top1:.3f}, top-3 {top3:.3f}"
        )
    print(f"right as-is, every label: {len(ok) / total:.3f} of all {total} mentions")
    all_right = sum(1 for m, place in learned.items() if m in ok and place == 0)
    print(
        f"right as-is, every label and the top claim: {all_right / len(learned):.3f} of the "
        f"{len(learned)} whose claim another source makes ({all_right / total:.3f} of all)"
    )


# The weights set by hand before they were learned, for comparison.
HAND = tuple(
    {"statement": 1.0, "quote": 1.5, "substances": 0.6, "conditions": 0.8, "kind": 0.4}.get(f, 0.0)
    for f in matching.FEATURES
)


if __name__ == "__main__":
    main()
