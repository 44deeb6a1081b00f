"""Full-text search of claims and quotes on both databases, with the same query syntax.

Readers type web-search syntax: words (all must match), ``"a phrase"``, ``or`` between
alternatives, ``-word`` to exclude. PostgreSQL parses it with ``websearch_to_tsquery`` against
stored generated ``tsvector`` columns (GIN-indexed, migration 0005: nothing is computed from the
text at query time). SQLite translates it to an FTS5 query (:func:`to_fts5`; every word is quoted,
so no input can raise a syntax error) against the FTS5 tables the read model keeps
(claims/readmodel.py). Both stem English words (``english`` configuration / ``porter``).

Ranking, the same idea on both: claims whose statement matches rank by how well it matches
(``ts_rank`` / ``bm25``); claims found through their quotes follow. Snippets highlight the
matching words of the best quote; the markers are control characters, and the text around them
is escaped piece by piece (``claims.browse.mark_sentinels``), never marked safe as a whole.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchHeadline
from django.db import connection
from django.db.models import FloatField, Q, Value
from django.db.models.expressions import RawSQL

from claims import browse
from claims.models import Mention

CONFIG = "english"
TSQUERY = f"websearch_to_tsquery('{CONFIG}', %s)"
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def _phrase(text: str) -> str | None:
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None


def to_fts5(q: str) -> str | None:
    """The FTS5 query for a web-search-style query, or None when it has no word to look for.

    ``serotonin or dopamine`` -> ``("serotonin" OR "dopamine")``; ``"default mode" -brain`` ->
    ``(("default mode")) NOT ("brain")``. Words are reduced to letters and digits and quoted, so
    FTS5 operators or quotes typed by the reader are plain text. A query of exclusions only finds
    nothing (FTS5 has no "everything but").
    """
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(q or ""):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                pending_or = bool(groups)
                continue
            negated = "-" if bare.startswith("-") else ""
            term = _phrase(bare.lstrip("-"))
        else:
            term = _phrase(quoted)
        if term is None:
            continue
        if negated:
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if not groups:
        return None
    query = " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
    for term in excluded:
        query = f"({query}) NOT {term}"
    return query


NOTHING = "SELECT 0 WHERE 1 = 0"


def mention_ids_sql(q: str) -> tuple[str, list]:
    """SQL selecting the ids of mentions whose quote matches (on SQLite: public ones only)."""
    if uses_postgres():
        return f"SELECT id FROM claims_mention WHERE search_vector @@ {TSQUERY}", [q]
    query = to_fts5(q)
    if query is None:
        return NOTHING, []
    return "SELECT rowid FROM claims_quote_fts WHERE claims_quote_fts MATCH %s", [query]


def claim_ids_sql(q: str) -> tuple[str, list]:
    """SQL selecting the ids of claims whose statement matches (on SQLite: public ones only)."""
    if uses_postgres():
        return f"SELECT id FROM claims_claim WHERE search_vector @@ {TSQUERY}", [q]
    query = to_fts5(q)
    if query is None:
        return NOTHING, []
    return "SELECT rowid FROM claims_statement_fts WHERE claims_statement_fts MATCH %s", [query]


def matching(q: str) -> Q:
    """The condition on ``BrowseRow`` rows (or any model with ``mention_id`` and ``claim_id``):
    its quote matches, or its claim's statement does. Two index lookups, as subqueries."""
    return Q(mention_id__in=RawSQL(*mention_ids_sql(q))) | Q(claim_id__in=RawSQL(*claim_ids_sql(q)))


def statement_rank(q: str):
    """How well the statement of the outer ``ClaimCard`` matches, 0 when it does not: one index
    probe per ranked claim."""
    if uses_postgres():
        sql = (
            f"COALESCE((SELECT ts_rank(c.search_vector, {TSQUERY}) FROM claims_claim c "
            f"WHERE c.id = claims_claimcard.claim_id), 0)"
        )
        return RawSQL(sql, [q], output_field=FloatField())
    query = to_fts5(q)
    if query is None:
        return Value(0.0, output_field=FloatField())
    sql = (
        "COALESCE((SELECT -bm25(claims_statement_fts) FROM claims_statement_fts "
        "WHERE claims_statement_fts MATCH %s AND rowid = claims_claimcard.claim_id), 0)"
    )
    return RawSQL(sql, [query], output_field=FloatField())


def snippets(q: str, mention_ids) -> dict[int, object]:
    """{mention id: highlighted quote (safe HTML)} for those of ``mention_ids`` (a queryset of
    ids: the page's rows) whose quote matches, best match first. One query."""
    if uses_postgres():
        rows = (
            Mention.objects.filter(pk__in=mention_ids)
            .filter(pk__in=RawSQL(*mention_ids_sql(q)))
            .annotate(
                rank=RawSQL(f"ts_rank(claims_mention.search_vector, {TSQUERY})", [q]),
                headline=SearchHeadline(
                    "quote",
                    RawSQL(TSQUERY, [q]),
                    config=CONFIG,
                    start_sel=browse.START_SEL,
                    stop_sel=browse.STOP_SEL,
                    max_words=40,
                    min_words=20,
                ),
            )
            .order_by("-rank", "pk")
            .values_list("pk", "headline")
        )
        found = list(rows)
    else:
        query = to_fts5(q)
        if query is None:
            return {}
        ids_sql, ids_params = mention_ids.query.sql_with_params()
        sql = (
            "SELECT rowid, snippet(claims_quote_fts, 0, %s, %s, '…', 40) FROM claims_quote_fts "
            f"WHERE claims_quote_fts MATCH %s AND rowid IN ({ids_sql}) "
            "ORDER BY bm25(claims_quote_fts), rowid"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [browse.START_SEL, browse.STOP_SEL, query, *ids_params])
            found = cursor.fetchall()
    return {
        pk: browse.mark_sentinels(text) for pk, text in found if text and browse.START_SEL in text
    }
