"""Fit the learned decisions (model.py) from labelled texts, and score them by grouped folds.

Labelled texts: the demo curation, every ``tests/extraction/<set>/`` with a ``gold.jsonl`` and an
``articles/`` folder (a set named ``fresh*`` is held out until it has been scored and reported,
which its ``SPENT.md`` records), and the database's reviewed sources. A text counts once however
many sets hold it. Every sentence of a fully labelled text is an example for claim detection
(gold rows are claims, the rest are not); claim kind, conditions, certainty and evidence are
learned from the claim sentences.

Needs scikit-learn (a dev dependency); running the model does not.
"""

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from claims.extraction import Vocabulary, document_text, extract
from claims.extraction.features import (
    condition_features,
    null_finding,
    on_its_own,
    with_rule,
)
from claims.extraction.gold import gold_rows
from claims.extraction.model import Model, from_json
from claims.extraction.scoring import match

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "tests" / "extraction"
DEMO = ROOT / "claims" / "demo"
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
LABEL_HEADS = {"kind": "claim_kind", "certainty": "certainty", "evidence": "evidence_cited"}
# The heads that refine a rule: they see its answer as a feature (``with_rule``) and replace it
# only when they score this much better out of fold than the rule does on the corpus it was
# written on.
RULED = ("certainty", "evidence")
MARGIN = 0.01


@dataclass
class LabelledText:
    name: str  # also the cross-validation group: no text is both trained and tested on
    text: str
    claims: list[dict]  # gold rows: sentence and labels
    negatives: list[str] = field(default_factory=list)  # sentences labelled "not a claim"
    complete: bool = True  # every sentence not in ``claims`` is a non-claim


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def file_sets(root: Path = SETS) -> list[LabelledText]:
    out = []
    for folder in sorted(p for p in root.iterdir() if (p / "gold.jsonl").is_file()):
        if folder.name.startswith("fresh") and not (folder / "SPENT.md").is_file():
            continue  # held out: never trained or tuned on until scored once and reported
        rows: dict[str, list[dict]] = {}
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.setdefault(str(row["article"]), []).append(row)
        # An article with no gold row is labelled too: every sentence of it is a non-claim.
        articles = folder / "articles"
        for path in sorted(articles.iterdir() if articles.is_dir() else []):
            if path.suffix not in EXTENSIONS:
                continue
            gold = rows.get(path.stem, [])
            out.append(
                LabelledText(
                    name=f"{folder.name}/{path.stem}",
                    text=document_text(path.read_bytes(), path.name),
                    claims=[r for r in gold if r.get("is_claim", True)],
                    negatives=[r["sentence"] for r in gold if not r.get("is_claim", True)],
                )
            )
    return out


def demo_texts(demo: Path = DEMO) -> list[LabelledText]:
    by_article: dict[str, list[dict]] = {}
    for row in gold_rows(demo / "curation", demo / "articles"):
        by_article.setdefault(row["article"], []).append(row)
    return [
        LabelledText(
            name=f"demo/{stem}",
            text=(demo / "articles" / f"{stem}.txt").read_text(encoding="utf-8"),
            claims=rows,
        )
        for stem, rows in by_article.items()
    ]


def database_texts() -> list[LabelledText]:
    """Reviewed mentions: accepted ones with the curator's final labels, rejected ones as
    non-claims; in a source with no suggestion left to review, every other sentence too."""
    from claims.labels import ReviewStatus
    from claims.models import Mention
    from sources.models import Source

    reviewed = Mention.objects.exclude(status=ReviewStatus.SUGGESTED).values("source_id")
    out = []
    for source in Source.objects.filter(pk__in=reviewed).only("pk", "text"):
        mentions = source.mentions.prefetch_related("substances", "conditions")
        claims, negatives, complete = {}, set(), True
        for m in mentions:
            if m.status == ReviewStatus.SUGGESTED:
                complete = False
            elif m.status == ReviewStatus.REJECTED:
                negatives.add(m.quote)
            elif m.quote not in claims:
                claims[m.quote] = {
                    "sentence": m.quote,
                    "claim_kind": m.kind,
                    "substances": [s.slug for s in m.substances.all()],
                    "conditions": [c.slug for c in m.conditions.all()],
                    "certainty": m.certainty,
                    "evidence_cited": m.evidence_cited,
                }
        negatives -= set(claims)
        out.append(
            LabelledText(f"db/{source.pk}", source.text, list(claims.values()), sorted(negatives),
                         complete)
        )  # fmt: skip
    return out


def corpus(*, database: bool = False, root: Path = SETS, demo: Path | None = DEMO):
    """The labelled texts, each once (a later set's labels win: the database's last)."""
    texts: dict[str, LabelledText] = {}
    for text in [
        *(demo_texts(demo) if demo else []),
        *file_sets(root),
        *(database_texts() if database else []),
    ]:
        texts[_key(text.text)] = text
    return list(texts.values())


@dataclass
class Example:
    group: str
    features: dict
    is_claim: bool | None  # None: not labelled (a sentence of a partly reviewed source)
    gold: dict | None  # the gold row of a claim
    conditions: dict  # candidate slug -> (features, spans)
    rules: dict  # what the rules say (certainty, evidence)
    around: dict = field(default_factory=dict)  # what the claim detector sees of the context


def examples(texts: list[LabelledText], vocabulary: Vocabulary, model: Model | None = None):
    """One example per sentence of each text, and how many gold rows found no sentence."""
    out, unaligned = [], 0
    for t in texts:
        trace: list = []
        extract(t.text, vocabulary, include_non_claims=True, model=model, trace=trace)
        sentences = [{"sentence": e["sentence"].text} for e in trace]
        gold_of = {j: t.claims[i] for i, j in match(t.claims, sentences)}
        unaligned += len(t.claims) - len(gold_of)
        negative = {j for _i, j in match([{"sentence": s} for s in t.negatives], sentences)}
        for j, e in enumerate(trace):
            label = True if j in gold_of else (False if t.complete or j in negative else None)
            out.append(
                Example(
                    t.name,
                    e["features"],
                    label,
                    gold_of.get(j),
                    e["conditions"],
                    e["rules"],
                    e["around"],
                )
            )
    return out, unaligned


# Fitting ------------------------------------------------------------------------------------------


def _rows(exs: list[Example], head: str):
    """(features, label) pairs for one head."""
    if head == "claim":
        # Each sentence twice: as read in its context, and on its own.
        return [
            (feats, "yes" if e.is_claim else "no")
            for e in exs
            if e.is_claim is not None
            for feats in (e.features | e.around, on_its_own(e.features))
        ]
    if head == "condition":
        rows = []
        for e in exs:
            if e.gold:
                gold = set(e.gold.get("conditions") or [])
                kind = e.gold.get("claim_kind")
                for slug, (base, _spans) in e.conditions.items():
                    feats = condition_features(base, slug, kind, e.features)
                    rows.append((feats, "yes" if slug in gold else "no"))
        return rows
    field_name = LABEL_HEADS[head]
    if head in RULED:
        return [
            (with_rule(e.features, e.rules[field_name]), str(e.gold.get(field_name)))
            for e in exs
            if e.gold
        ]
    return [(e.features, str(e.gold.get(field_name))) for e in exs if e.gold]


def fit_head(
    rows,
    *,
    c: float = 0.3,
    min_groups: int = 2,
    groups: list[str] | None = None,
    class_weight: str | None = "balanced",
):
    """A logistic regression over the features seen in at least ``min_groups`` texts; as JSON."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, set] = {}
    for (feats, _label), g in zip(rows, groups or range(len(rows)), strict=True):
        for name in feats:
            counts.setdefault(name, set()).add(g)
    keep = {name for name, gs in counts.items() if len(gs) >= min_groups}
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{k: 1 for k in f if k in keep} for f, _ in rows])
    y = [label for _, label in rows]
    classes = sorted(set(y))
    if len(classes) < 2:
        return {"classes": classes * 2, "weights": {}, "bias": [0.0] * 2}
    clf = LogisticRegression(C=c, class_weight=class_weight, max_iter=2000)
    clf.fit(x, y)
    coef = clf.coef_
    weights = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        w = [round(float(row[j]), 3) for row in coef]
        if any(abs(v) >= 0.005 for v in w):
            weights[name] = w
    return {
        "classes": [str(c) for c in clf.classes_],
        "weights": weights,
        "bias": [round(float(b), 4) for b in clf.intercept_],
    }


# Kind is fitted to the labels as they come: weighting its rare kinds up (dosing, efficacy-null)
# cost more claims than it won (561 texts, same folds: kind accuracy 0.745 -> 0.753).
CLASS_WEIGHT = {"kind": None}


def fit(exs: list[Example], heads=("claim", "kind", "condition", "certainty", "evidence")) -> dict:
    out = {}
    for head in heads:
        rows = _rows(exs, head)
        groups = _row_groups(exs, head)
        out[head] = fit_head(rows, groups=groups, class_weight=CLASS_WEIGHT.get(head, "balanced"))
    return out


def _row_groups(exs: list[Example], head: str) -> list[str]:
    if head == "claim":
        return [e.group for e in exs if e.is_claim is not None for _ in range(2)]
    if head == "condition":
        return [e.group for e in exs if e.gold for _ in e.conditions]
    return [e.group for e in exs if e.gold]


# Scoring ------------------------------------------------------------------------------------------


def predict(model: Model, e: Example) -> dict:
    """The learned labels of one example (kind and conditions as if it were a claim)."""
    out = {"is_claim": None, "claim_kind": None, "conditions": [], **e.rules}
    if h := model.head("claim"):
        out["is_claim"] = h.predict(e.features | e.around)[0] == "yes"
    if h := model.head("kind"):
        out["claim_kind"] = h.predict(e.features)[0]
        if null_finding(e.features):
            out["claim_kind"] = "efficacy-null"
    if h := model.head("condition"):
        out["conditions"] = [
            slug
            for slug, (base, _s) in e.conditions.items()
            if h.predict(condition_features(base, slug, out["claim_kind"], e.features))[0] == "yes"
        ]
    for head in RULED:
        if h := model.head(head):
            field_name = LABEL_HEADS[head]
            out[f"learned_{field_name}"] = h.predict(with_rule(e.features, e.rules[field_name]))[0]
    return out


def cross_validate(exs: list[Example], folds: int = 5, seed: int = 0):
    """Out-of-fold predictions, folds by text (GroupKFold)."""
    from sklearn.model_selection import GroupKFold

    groups = sorted({e.group for e in exs})
    folds = min(folds, len(groups))
    index = {g: i for i, g in enumerate(groups)}
    predictions: list[dict | None] = [None] * len(exs)
    splitter = GroupKFold(n_splits=folds)
    for train, test in splitter.split(exs, groups=[index[e.group] for e in exs]):
        model = from_json({"heads": fit([exs[i] for i in train])})
        for i in test:
            predictions[i] = predict(model, exs[i])
    return predictions


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(exs: list[Example], preds: list[dict]) -> dict:
    """Claim P/R/F1; per-label P/R and accuracy/macro-F1 on the gold claims; condition set F1;
    learned vs rule certainty and evidence."""
    pairs = [(e, p) for e, p in zip(exs, preds, strict=True) if e.is_claim is not None]
    tp = sum(1 for e, p in pairs if e.is_claim and p["is_claim"])
    fp = sum(1 for e, p in pairs if not e.is_claim and p["is_claim"])
    fn = sum(1 for e, p in pairs if e.is_claim and not p["is_claim"])
    out = {"claim": _prf(tp, fp, fn), "n_sentences": len(pairs), "n_claims": tp + fn}
    gold = [(e, p) for e, p in pairs if e.gold]
    out["per_label"] = {}
    for name, key in (
        ("claim_kind", "claim_kind"),
        ("certainty (rules)", "certainty"),
        ("certainty (learned)", "learned_certainty"),
        ("evidence_cited (rules)", "evidence_cited"),
        ("evidence_cited (learned)", "learned_evidence_cited"),
    ):
        field_name = name.split()[0]
        labelled = [(str(e.gold.get(field_name)), str(p.get(key))) for e, p in gold]
        if not labelled or all(p == "None" for _, p in labelled):
            continue
        per = {}
        for label in sorted({g for g, _ in labelled}):
            t = sum(1 for g, p in labelled if g == label and p == label)
            per[label] = _prf(t, sum(1 for g, p in labelled if g != label and p == label),
                              sum(1 for g, p in labelled if g == label and p != label))  # fmt: skip
        accuracy = sum(1 for g, p in labelled if g == p) / len(labelled)
        macro = sum(f for _, _, f in per.values()) / len(per)
        out["per_label"][name] = {"accuracy": accuracy, "macro_f1": macro, "labels": per}
    ct = cf = cn = 0
    for e, p in gold:
        g, q = set(e.gold.get("conditions") or []), set(p["conditions"])
        ct, cf, cn = ct + len(g & q), cf + len(q - g), cn + len(g - q)
    out["conditions"] = _prf(ct, cf, cn)
    return out


def bootstrap(exs: list[Example], preds: list[dict], runs: int = 500, seed: int = 0) -> dict:
    """95% intervals of the headline figures, resampling whole texts."""
    rng = random.Random(seed)
    by_group: dict[str, list[int]] = {}
    for i, e in enumerate(exs):
        by_group.setdefault(e.group, []).append(i)
    groups = sorted(by_group)
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        idx = [i for g in rng.choices(groups, k=len(groups)) for i in by_group[g]]
        s = scores([exs[i] for i in idx], [preds[i] for i in idx])
        samples.setdefault("claim F1", []).append(s["claim"][2])
        samples.setdefault("conditions F1", []).append(s["conditions"][2])
        for name, m in s["per_label"].items():
            key = f"{name} {'accuracy' if 'evidence' in name else 'macro-F1'}"
            value = m["accuracy"] if "evidence" in name else m["macro_f1"]
            samples.setdefault(key, []).append(value)
    out = {}
    for key, values in samples.items():
        values.sort()
        out[key] = (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1])
    return out


def choose_heads(s: dict) -> list[str]:
    """The heads worth keeping: certainty and evidence only where learning beat the rules."""
    heads = ["claim", "kind", "condition"]
    per = s["per_label"]
    for head, name, metric in (
        ("certainty", "certainty", "macro_f1"),
        ("evidence", "evidence_cited", "accuracy"),
    ):
        learned, rules = per.get(f"{name} (learned)"), per.get(f"{name} (rules)")
        if learned and rules and learned[metric] > rules[metric] + MARGIN:
            heads.append(head)
    return heads
