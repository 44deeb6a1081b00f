"""Claim search for linking a mention: best matches first, as the curator types.

On PostgreSQL a prefix full-text query ranked by ``ts_rank`` (any word may match; more and rarer
matching words rank higher). Elsewhere a simple score: the number of query words that start a
word of the claim (statement and slug), ties broken by statement.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F

from claims.models import Claim

STOP_WORDS = frozenset(
    """a an and are as at be been being but by can could do does for from has have in into is it
    its may might more most of on or such than that the their them these this those to was were
    which while will with would""".split()  # noqa: SIM905 - a word list reads better so
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def query_words(query: str) -> list[str]:
    words = []
    for word in _WORD.findall(query.lower()):
        if word not in STOP_WORDS and word not in words and (len(word) > 1 or word.isdigit()):
            words.append(word)
    return words[:30]


def search_claims(query: str, *, limit: int = 8) -> list[Claim]:
    """Claims matching any word of ``query``, best first. One query."""
    words = query_words(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        return _search_postgres(words, limit)
    return _search_words(words, limit)


def _search_postgres(words: list[str], limit: int) -> list[Claim]:
    raw = " | ".join(f"{w}:*" for w in words)
    search_query = SearchQuery(raw, search_type="raw", config="english")
    vector = SearchVector("statement", weight="A", config="english") + SearchVector(
        "slug", weight="B", config="english"
    )
    return list(
        Claim.objects.annotate(search=vector, rank=SearchRank(F("search"), search_query))
        .filter(search=search_query)
        .order_by("-rank", "statement")[:limit]
    )


def _search_words(words: list[str], limit: int) -> list[Claim]:
    scored = []
    for claim in Claim.objects.only("pk", "slug", "statement", "grade", "kind"):
        claim_words = set(_WORD.findall(f"{claim.statement} {claim.slug}".lower()))
        score = sum(1 for w in words if any(cw.startswith(w) for cw in claim_words))
        if score:
            scored.append((-score, claim.statement.lower(), claim))
    scored.sort(key=lambda item: item[:2])
    return [claim for _, _, claim in scored[:limit]]
