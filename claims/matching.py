"""Which existing claims a suggested mention most likely asserts, and why.

Each claim is described by its statement and the quotes of its accepted mentions. A mention is
compared with every claim by wording (TF-IDF cosine over content words: with the statement, the
most similar quote and the three most similar on average) and by labels (shared substances,
shared conditions, same kind), plus how many quotes the claim already has; the score is a
weighted sum of these features (:data:`FEATURES`), the weights learned from linked mentions
(``manage.py train_matcher``, claims/matching_training.py) and read from
``claims/extraction/model/matcher.json``. The best three come back with the reasons a curator
can check at a glance.
"""

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_WORD = re.compile(r"[a-z0-9][a-z0-9-]+")
_STOPWORDS = """a an and are as at be been being but by can could did do does for from had has
    have he
    her his how however in into is it its may might more most much no not of on or our she should
    so some such than that the their them then there these they this those to under up was we
    were what when where which while who will with would you your also other very many"""
_STOP = frozenset(_STOPWORDS.split())
# What a mention and a claim are compared on, in this order.
FEATURES = ("statement", "quote", "quotes_top3", "substances", "conditions", "kind", "popularity")
WEIGHTS_PATH = Path(__file__).parent / "extraction" / "model" / "matcher.json"


@functools.cache
def learned_weights() -> tuple[float, ...]:
    """The committed weights (``manage.py train_matcher --save`` writes them)."""
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    return tuple(float(data["weights"][name]) for name in FEATURES)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


@dataclass
class Candidate:
    """An existing claim as the matcher sees it."""

    key: object  # the Claim (or its slug)
    statement: str
    kind: str
    substances: frozenset[str]
    conditions: frozenset[str]
    quotes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    key: object
    score: float
    why: tuple[str, ...]


class Matcher:
    """Ranks candidates for a mention; IDF is computed over the candidates' texts. ``weights``
    (one per feature of :data:`FEATURES`) default to the committed, learned ones."""

    def __init__(self, candidates: list[Candidate], weights: tuple[float, ...] | None = None):
        self.candidates = candidates
        self.weights = weights or learned_weights()
        docs = [[c.statement, *c.quotes] for c in candidates]
        df: Counter = Counter()
        total = 0
        for texts in docs:
            for text in texts:
                df.update(set(terms(text)))
                total += 1
        self._idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in df.items()}
        self._default_idf = math.log(1 + total) + 1
        self._vectors = [[self._vector(t) for t in texts] for texts in docs]

    def _vector(self, text: str) -> dict[str, float]:
        counts = Counter(terms(text))
        vec = {t: n * self._idf.get(t, self._default_idf) for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def features(self, sentence: str, kind: str | None, substances, conditions):
        """One feature vector per candidate (in :data:`FEATURES` order)."""
        mine = self._vector(sentence)
        subs, conds = set(substances or ()), set(conditions or ())
        for c, vectors in zip(self.candidates, self._vectors, strict=True):
            sims = [sum(w * v.get(t, 0.0) for t, w in mine.items()) for v in vectors]
            quotes = sorted(sims[1:], reverse=True) or [0.0]
            yield (
                sims[0],
                quotes[0],
                sum(quotes[:3]) / 3,
                _overlap(subs, c.substances),
                _overlap(conds, c.conditions),
                float(bool(kind) and kind == c.kind),
                math.log1p(len(c.quotes)),
            )

    def rank(
        self, sentence: str, kind: str | None, substances, conditions, n: int = 3
    ) -> list[Match]:
        subs, conds = set(substances or ()), set(conditions or ())
        scored = [
            (sum(w * x for w, x in zip(self.weights, f, strict=True)), f, c)
            for f, c in zip(
                self.features(sentence, kind, subs, conds), self.candidates, strict=True
            )
        ]
        scored.sort(key=lambda t: -t[0])
        return [self._match(sentence, kind, subs, conds, score, f, c) for score, f, c in scored[:n]]

    def _match(self, sentence, kind, subs, conds, score, f, c) -> Match:
        why = []
        if shared := subs & c.substances:
            why.append("same substance: " + ", ".join(sorted(shared)))
        if shared := conds & c.conditions:
            why.append("same condition: " + ", ".join(sorted(shared)))
        if kind and kind == c.kind:
            why.append(f"same kind: {kind}")
        if max(f[0], f[1]) >= 0.2:
            shared_words = sorted(set(terms(sentence)) & set(terms(c.statement)))[:4]
            words = f" ({', '.join(shared_words)})" if shared_words else ""
            why.append(f"similar wording{words}")
        if len(c.quotes) > 1:  # the learned weights favour claims many sources make
            why.append(f"quoted {len(c.quotes)} times already")
        return Match(c.key, score, tuple(why))


def _overlap(a: set, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def claim_candidates(quotes_per_claim: int = 5) -> list[Candidate]:
    """Every claim in the database, with a few of its accepted mentions' quotes."""
    from claims.models import Claim, Mention

    quotes: dict[int, list[str]] = {}
    accepted = Mention.objects.accepted().filter(claim__isnull=False).order_by("-pk")
    for claim_id, quote in accepted.values_list("claim_id", "quote").iterator():
        kept = quotes.setdefault(claim_id, [])
        if len(kept) < quotes_per_claim and quote not in kept:
            kept.append(quote)
    claims = Claim.objects.prefetch_related("substances", "conditions")
    return [
        Candidate(
            key=claim,
            statement=claim.statement,
            kind=claim.kind,
            substances=frozenset(s.slug for s in claim.substances.all()),
            conditions=frozenset(c.slug for c in claim.conditions.all()),
            quotes=quotes.get(claim.pk, []),
        )
        for claim in claims
    ]


def suggest_claims(mentions, n: int = 3) -> None:
    """Set ``likely_claims`` (best first, each with why) on each mention not linked to a claim;
    one read of the claims for all of them."""
    unlinked = [m for m in mentions if m.claim_id is None and not m.anchor_lost]
    pool = claim_candidates() if unlinked else []
    matcher = Matcher(pool) if pool else None
    for m in mentions:
        m.likely_claims = []
        if matcher and m in unlinked:
            m.likely_claims = matcher.rank(
                m.quote,
                m.kind,
                [s.slug for s in m.substances.all()],
                [c.slug for c in m.conditions.all()],
                n=n,
            )
