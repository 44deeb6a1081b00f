"""Scores the extractor against gold rows: claim detection, then labels on matched sentences.

Sentences are matched by text, not offsets, so two splitters that disagree at the edges (a title
run into the first sentence, a footnote marker kept or not) still pair up.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

LABELS = ("certainty", "evidence_cited", "claim_kind")
SETS = ("substances", "conditions")


def normalise(sentence: str) -> str:
    s = unicodedata.normalize("NFKC", sentence).lower()
    s = s.translate(str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014", "''\"\"--"))
    s = (
        re.sub(r"^[\s\-*\u2022>]*(?:q|a)?\s*[:.]?\s*", "", s)
        if re.match(r"^\s*[qa]\s*:", s)
        else re.sub(r"^[\s\-*\u2022>]+", "", s)
    )
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .!?;:\"'")


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) / len(long_) >= 0.5:
        return 0.9 * len(short) / len(long_) + 0.05
    ta, tb = Counter(a.split()), Counter(b.split())
    overlap = sum((ta & tb).values())
    dice = 2 * overlap / (sum(ta.values()) + sum(tb.values()))
    return dice if dice >= 0.8 else 0.0


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index), most similar first."""
    gn = [normalise(g["sentence"]) for g in gold]
    pn = [normalise(p["sentence"]) for p in predicted]
    exact: dict[str, list[int]] = {}
    for j, p in enumerate(pn):
        exact.setdefault(p, []).append(j)
    pairs, used_g, used_p = [], set(), set()
    for i, g in enumerate(gn):
        for j in exact.get(g, []):
            if j not in used_p:
                pairs.append((i, j))
                used_g.add(i)
                used_p.add(j)
                break
    candidates = []
    for i, g in enumerate(gn):
        if i in used_g:
            continue
        for j, p in enumerate(pn):
            if j in used_p:
                continue
            score = _similarity(g, p)
            if score > 0:
                candidates.append((score, i, j))
    for _score, i, j in sorted(candidates, reverse=True):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {g for g, _ in pairs} | {p for _, p in pairs}
    scores = []
    for label in sorted(labels, key=str):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(_prf(tp, fp, fn)["f1"])
    return sum(scores) / len(scores) if scores else 0.0


@dataclass
class Report:
    claims: dict
    labels: dict = field(default_factory=dict)
    sets: dict = field(default_factory=dict)
    named_study_accuracy: float = 0.0
    matched: int = 0
    all_right: int = 0  # gold claims suggested with every label and set right, as-is
    confusion: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)

    @property
    def gold(self) -> int:
        """How many gold claims there were: found or missed."""
        return self.claims["tp"] + self.claims["fn"]

    def as_dict(self) -> dict:
        return {
            "claims": self.claims,
            "labels": self.labels,
            "sets": self.sets,
            "cites_named_study_accuracy": self.named_study_accuracy,
            "matched": self.matched,
            "every_label_right": self.all_right,
            "gold_claims": self.gold,
        }


def evaluate(gold_by_article: dict[str, list[dict]], pred_by_article: dict[str, list[dict]]):
    tp = fp = fn = 0
    label_pairs: dict[str, list[tuple[str, str]]] = {name: [] for name in LABELS}
    set_counts = {name: [0, 0, 0] for name in SETS}
    named = []
    misses = []
    all_right = 0
    for article, gold in gold_by_article.items():
        predicted = pred_by_article.get(article, [])
        pairs = match(gold, predicted)
        tp += len(pairs)
        fp += len(predicted) - len(pairs)
        fn += len(gold) - len(pairs)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        misses += [("fn", article, g["sentence"]) for i, g in enumerate(gold) if i not in matched_g]
        misses += [
            ("fp", article, p["sentence"]) for j, p in enumerate(predicted) if j not in matched_p
        ]
        for i, j in pairs:
            g, p = gold[i], predicted[j]
            for name in LABELS:
                label_pairs[name].append((str(g.get(name)), str(p.get(name))))
            for name in SETS:
                gs, ps = set(g.get(name) or []), set(p.get(name) or [])
                set_counts[name][0] += len(gs & ps)
                set_counts[name][1] += len(ps - gs)
                set_counts[name][2] += len(gs - ps)
            named.append(bool(g.get("cites_named_study")) == bool(p.get("cites_named_study")))
            all_right += all(str(g.get(n)) == str(p.get(n)) for n in LABELS) and all(
                set(g.get(n) or []) == set(p.get(n) or []) for n in SETS
            )
    labels = {}
    confusion = {}
    for name, pairs in label_pairs.items():
        acc = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
        labels[name] = {"accuracy": acc, "macro_f1": _macro_f1(pairs), "n": len(pairs)}
        confusion[name] = Counter(pairs)
    return Report(
        claims=_prf(tp, fp, fn),
        labels=labels,
        sets={name: _prf(*c) for name, c in set_counts.items()},
        named_study_accuracy=sum(named) / len(named) if named else 0.0,
        matched=tp,
        all_right=all_right,
        confusion=confusion,
        misses=misses,
    )
