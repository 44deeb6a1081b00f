"""Full-text search of claims on both databases, with the same query syntax.

What is searched: a claim's search document, its statement and the quotes of its public
mentions (``ClaimCard``: one document per claim, kept by the read model). A claim matches when
its document does: ``serotonin -receptors`` finds claims that say or are quoted saying serotonin
and never receptors. Matching whole claims, the search is one indexed condition however many
quotes match (a search matching every quote of a million used to join a million mention ids).

Readers type web-search syntax: words (all must match), ``"a phrase"``, ``or`` between
alternatives, ``-word`` to exclude. PostgreSQL parses it with ``websearch_to_tsquery`` against
stored generated ``tsvector`` columns (GIN-indexed: nothing is computed from the text at query
time). SQLite translates it to an FTS5 query (:func:`to_fts5`; every word is quoted, so no input
can raise a syntax error) against the FTS5 tables the read model keeps (claims/readmodel.py).
Both stem English words (``english`` configuration / ``porter``).

Ranking, the same idea on both: a match in the statement weighs ten times one in a quote
(``ts_rank`` with weights / ``bm25`` with column weights). Snippets: the database picks each
listed claim's best matching quote, then :func:`highlight` marks the searched words by their
offsets in the quote and escapes every piece of it (article text is never marked safe, and
markup in it shows as text on both databases, which ``ts_headline`` would strip).
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, Value
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
    """SQL selecting the ids of the public claims whose statement or quotes match."""
    if uses_postgres():
        return f"SELECT claim_id FROM claims_claimcard WHERE search_vector @@ {TSQUERY}", [q]
    query = to_fts5(q)
    if query is None:
        return NOTHING, []
    return "SELECT rowid FROM claims_claim_fts WHERE claims_claim_fts MATCH %s", [query]


def matching(q: str) -> Q:
    """The condition on anything with a ``claim_id`` (read-model rows, cards): the claim's
    search document matches."""
    return Q(claim_id__in=RawSQL(*claim_ids_sql(q)))


def card_matches(q: str) -> RawSQL:
    """The same condition as :func:`matching`, on the outer ``ClaimCard`` of a query (it names
    the table: not for a subquery). No semi-join on PostgreSQL: a broad search walks the sort
    index and stops at the page's last card."""
    if uses_postgres():
        sql = f"claims_claimcard.search_vector @@ {TSQUERY}"
        return RawSQL(sql, [q], output_field=BooleanField())
    sql, params = claim_ids_sql(q)
    return RawSQL(f"claims_claimcard.claim_id IN ({sql})", params, output_field=BooleanField())


def rank(q: str):
    """How well the outer ``ClaimCard`` matches, 0 when it does not; a statement match
    outweighs quote matches."""
    if uses_postgres():
        sql = f"ts_rank('{{0, 0, 0.1, 1}}', claims_claimcard.search_vector, {TSQUERY})"
        return RawSQL(sql, [q], output_field=FloatField())
    query = to_fts5(q)
    if query is None:
        return Value(0.0, output_field=FloatField())
    sql = (
        "COALESCE((SELECT -bm25(claims_claim_fts, 10.0, 1.0) FROM claims_claim_fts "
        "WHERE claims_claim_fts MATCH %s AND rowid = claims_claimcard.claim_id), 0)"
    )
    return RawSQL(sql, [query], output_field=FloatField())


def _stem(word: str) -> str:
    """A crude English stem, enough to find "receptors" when "receptor" was searched and the
    reverse (the databases stem properly; this only places the highlights)."""
    word = word.lower()
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def highlight_pattern(q: str) -> re.Pattern | None:
    """A regex for the searched words and phrases (not the excluded ones) in a text."""
    alternatives = []
    for match in _TOKEN.finditer(q or ""):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        text = quoted if bare is None else bare
        if negated or (bare is not None and (bare.startswith("-") or bare.lower() == "or")):
            continue
        words = _WORD.findall(text)
        if words:
            alternatives.append(r"\W+".join(re.escape(_stem(w)) + r"\w*" for w in words))
    if not alternatives:
        return None
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def highlight(text: str, q: str):
    """``text`` escaped, with the searched words wrapped in ``<mark>``: the marks are placed by
    offsets found in the original text, every piece of which is escaped."""
    pattern = highlight_pattern(q)
    spans = [m.span() for m in pattern.finditer(text)] if pattern else []
    return browse.highlight_spans(text, spans)


def snippets(q: str, mention_ids) -> dict[int, object]:
    """{mention id: its quote with the searched words highlighted (safe HTML)} for those of
    ``mention_ids`` (a queryset of ids: the page's rows) whose quote matches, best first. One
    query: the database ranks (``ts_rank`` / ``bm25``), Python highlights."""
    if uses_postgres():
        found = list(
            Mention.objects.filter(pk__in=mention_ids)
            .filter(pk__in=RawSQL(*mention_ids_sql(q)))
            .annotate(rank=RawSQL(f"ts_rank(claims_mention.search_vector, {TSQUERY})", [q]))
            .order_by("-rank", "pk")
            .values_list("pk", "quote")
        )
    else:
        query = to_fts5(q)
        if query is None:
            return {}
        ids_sql, ids_params = mention_ids.query.sql_with_params()
        sql = (
            "SELECT rowid, quote FROM claims_quote_fts "
            f"WHERE claims_quote_fts MATCH %s AND rowid IN ({ids_sql}) "
            "ORDER BY bm25(claims_quote_fts), rowid"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [query, *ids_params])
            found = cursor.fetchall()
    return {pk: highlight(quote, q) for pk, quote in found}
