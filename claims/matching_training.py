"""Learning the canonical-claim matcher's weights (claims/matching.py) from linked mentions.

Each linked mention is one ranking to learn from: the claims the *other* texts make are the
candidates, its own claim is the right one. A pairwise logistic regression (scikit-learn, at
training time only) takes every (right claim - other claim) feature difference as a positive
example and its negation as a negative one, so the weights score the right claim above the
others. The mention side carries the labels the extractor suggested (what the matcher sees while
a curator reviews), from a model not fitted on that text: weights fitted on curated labels
trust the labels more than suggestions deserve.

Figures are leave-one-text-out and nested: the text scored is left out of the candidates, of the
weights' training rankings and of those rankings' candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claims.matching import FEATURES, Candidate, Matcher


@dataclass(frozen=True, eq=False)  # one per mention, even with the same sentence
class Linked:
    """A mention linked to its claim: the text it comes from, its sentence, the labels the
    extractor suggested (``claim_kind``, ``substances``, ``conditions``) and its claim's key."""

    group: str
    sentence: str
    labels: dict
    claim: object


@dataclass(frozen=True)
class ClaimInfo:
    statement: str
    kind: str
    substances: frozenset[str]
    conditions: frozenset[str]


def candidates(linked: list[Linked], claims: dict, excluded: set[str]) -> list[Candidate]:
    """Every claim a text outside ``excluded`` makes, with those texts' quotes of it."""
    quotes: dict[object, list[str]] = {}
    for m in linked:
        if m.group not in excluded and m.claim in claims:
            quotes.setdefault(m.claim, []).append(m.sentence)
    return [
        Candidate(
            key,
            claims[key].statement,
            claims[key].kind,
            claims[key].substances,
            claims[key].conditions,
            qs,
        )
        for key, qs in quotes.items()
    ]


def _rankings(linked: list[Linked], claims: dict, group: str, excluded: set[str]):
    """(mention, features per candidate, index of the right one) for each mention of ``group``
    whose claim another text (outside ``excluded``) makes."""
    pool = candidates(linked, claims, excluded | {group})
    keys = [c.key for c in pool]
    matcher = Matcher(pool, weights=(0.0,) * len(FEATURES))
    for m in linked:
        if m.group == group and m.claim in keys:
            rows = list(
                matcher.features(
                    m.sentence,
                    m.labels.get("claim_kind"),
                    m.labels.get("substances"),
                    m.labels.get("conditions"),
                )
            )
            yield m, rows, keys.index(m.claim)


def fit_weights(linked: list[Linked], claims: dict, excluded: Iterable[str] = ()) -> tuple:
    """Weights learned from every text but ``excluded`` (pairwise logistic regression)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    excluded = set(excluded)
    diffs = []
    for group in sorted({m.group for m in linked} - excluded):
        for _m, rows, right in _rankings(linked, claims, group, excluded):
            diffs += [np.subtract(rows[right], row) for i, row in enumerate(rows) if i != right]
    if not diffs:
        raise ValueError("No mention's claim is made by another text: nothing to learn from.")
    x = np.vstack([diffs, np.negative(diffs)])
    y = np.r_[np.ones(len(diffs)), np.zeros(len(diffs))]
    model = LogisticRegression(fit_intercept=False, max_iter=5000).fit(x, y)
    return tuple(round(float(w), 4) for w in model.coef_[0])


def ranks(linked: list[Linked], claims: dict, weights_for: Callable[[str], tuple]) -> dict:
    """Leave one text out: {mention: the place of its claim among the others texts' claims (0
    is first)} for each mention whose claim another text makes, each text's mentions ranked
    with ``weights_for(text)``."""
    out = {}
    for group in sorted({m.group for m in linked}):
        weights = None
        for m, rows, right in _rankings(linked, claims, group, set()):
            weights = weights or weights_for(group)
            scores = [sum(w * x for w, x in zip(weights, row, strict=True)) for row in rows]
            out[m] = sorted(range(len(rows)), key=lambda i: -scores[i]).index(right)
    return out


def summary(places: dict) -> tuple[int, float, float]:
    """(mentions, top-1 share, top-3 share) of :func:`ranks`."""
    n = len(places)
    if not n:
        return 0, 0.0, 0.0
    return n, sum(p == 0 for p in places.values()) / n, sum(p < 3 for p in places.values()) / n


def nested(linked: list[Linked], claims: dict) -> dict:
    """:func:`ranks` with weights learned without the text scored."""
    return ranks(linked, claims, lambda group: fit_weights(linked, claims, excluded={group}))


# Where linked mentions come from -----------------------------------------------------------------


def demo_claims() -> dict[str, ClaimInfo]:
    """The demo corpus's claims by slug (claims/demo/claims/*.yaml)."""
    import yaml

    from claims.extraction.training import DEMO

    out = {}
    for path in sorted((DEMO / "claims").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out[entry["slug"]] = ClaimInfo(
                entry["statement"],
                entry["kind"],
                frozenset(entry.get("substances") or []),
                frozenset(entry.get("conditions") or []),
            )
    return out


def demo_linked(model_for: Callable, vocabulary, names: set[str] | None = None) -> list[Linked]:
    """The demo curation's linked mentions (of the texts ``names``, default all), labelled by
    ``model_for(text name)``'s suggestions (empty labels where it suggested nothing)."""
    from claims.extraction import extract
    from claims.extraction.scoring import match
    from claims.extraction.training import demo_texts

    linked = []
    for text in demo_texts():
        if names is not None and text.name not in names:
            continue
        found = [a.as_dict() for a in extract(text.text, vocabulary, model=model_for(text.name))]
        pairs = dict(match(text.claims, found))
        for i, gold in enumerate(text.claims):
            labels = found[pairs[i]] if i in pairs else {}
            linked.append(Linked(text.name, gold["sentence"], labels, gold["claim"]))
    return linked


def database_linked(skip_texts: Iterable[str]) -> tuple[list[Linked], dict[str, ClaimInfo]]:
    """Accepted mentions linked to a claim, with the labels the extractor suggested for them
    (their own labels when they were added by hand), from sources whose text is not one of
    ``skip_texts`` (compared as ``Source.content_hash`` does: the demo corpus loaded into the
    database is not counted twice); and their claims by slug."""
    from claims.models import Claim, Mention
    from sources.canonical import content_hash

    skipped = {content_hash(text) for text in skip_texts}

    mentions = (
        Mention.objects.accepted()
        .filter(claim__isnull=False)
        .select_related("source", "claim")
        .prefetch_related("substances", "conditions")
    )
    linked = []
    for m in mentions.iterator(chunk_size=500):
        if m.source.content_hash in skipped:
            continue
        s = m.suggested or {}
        labels = {
            "claim_kind": s.get("kind", m.kind),
            "substances": s.get("substances", [x.slug for x in m.substances.all()]),
            "conditions": s.get("conditions", [x.slug for x in m.conditions.all()]),
        }
        linked.append(Linked(f"db/{m.source_id}", m.quote, labels, m.claim.slug))
    claims = {
        c.slug: ClaimInfo(
            c.statement,
            c.kind,
            frozenset(x.slug for x in c.substances.all()),
            frozenset(x.slug for x in c.conditions.all()),
        )
        for c in Claim.objects.filter(slug__in={m.claim for m in linked}).prefetch_related(
            "substances", "conditions"
        )
    }
    return linked, claims
