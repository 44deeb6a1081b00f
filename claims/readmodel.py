"""The readers' read model: what the claims browser filters, counts and sorts on, stored in a
shape made for reading and rewritten for the affected claims at the end of every curation write.

- ``ClaimCard``: one row per public claim with its public statistics (sources, mentions,
  certainty spread, overclaims, grade rank): the browser's rows and sort keys.
  It also holds the values of every filter but the source that its public mentions carry
  (``filter_values``, see ``claims.models.filter_value``), so a page filtered on one facet walks
  a sort index and tests each card there, with no probe of the filter rows per claim.
- ``BrowseRow``: one row per public mention x condition (and every condition above it) x
  substance with every filter column inline: the browser's filters and facet counts.
- On SQLite, the FTS5 tables ``claims_claim_fts`` (each public claim's statement and quotes,
  rowid = claim id: what the search matches) and ``claims_quote_fts`` (public quotes, rowid =
  mention id: the snippets); PostgreSQL searches stored generated ``tsvector`` columns of
  ``ClaimCard`` and ``Mention`` instead (see ``claims/search.py``).
- ``FacetCount``: public claims per facet value over the whole knowledge base, kept exact by
  adding the difference each refresh makes (claims are counted once per value, so counts over
  disjoint sets of claims add up).
- ``KnowledgeBaseVersion``: bumped by every refresh; reader pages' ETag and Last-Modified.

Write functions call :func:`refresh_claims` (or :func:`refresh_sources`,
:func:`refresh_conditions`) with the ids their write touched, inside their transaction, *after*
the write: every row of those claims is deleted and inserted again by ``INSERT ... SELECT``
(a fixed number of statements per 500 claims, nothing per mention). "Public" is
``Mention.objects.public()``: the SQL here is compiled from it, never written out again.
``manage.py rebuild_read_model`` rebuilds everything after bulk loads that bypass the writers
(on PostgreSQL it also stores the filter rows in condition order: :func:`_cluster_rows`).

Migrations: the read model is filled by this live code, so only the latest migration that
changes its tables calls :func:`rebuild` (an earlier one would write columns not there yet).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from itertools import combinations

from django.db import connection, transaction
from django.db.models import (
    Aggregate,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone

from claims.labels import Certainty, Grade
from claims.models import (
    FACET_COLUMNS,
    FILTER_CODES,
    BrowseRow,
    ClaimCard,
    Condition,
    FacetCount,
    FacetPairCount,
    FacetTripleCount,
    KnowledgeBaseVersion,
    Mention,
)

CHUNK = 500  # claim ids per statement: well under SQLite's limit on query parameters

GRADE_RANK = Case(
    *[When(claim__grade=g.value, then=Value(g.strength)) for g in Grade if g.strength is not None],
    default=Value(-1),
    output_field=IntegerField(),
)

ROW_COLUMNS = [
    "mention_id",
    "claim_id",
    "source_id",
    "source_type",
    "certainty",
    "kind",
    "is_overclaim",
    "grade",
    "condition_id",
    "substance_id",
]

# Conditions nest: each condition is "under" itself and every condition above it. UNION (not
# UNION ALL) ends the recursion even if a cycle slipped past Condition.clean().
UNDER_CONDITION = """
WITH RECURSIVE under_condition(descendant, ancestor) AS (
    SELECT id, id FROM claims_condition
    UNION
    SELECT u.descendant, c.parent_id FROM under_condition u
    JOIN claims_condition c ON c.id = u.ancestor
    WHERE c.parent_id IS NOT NULL
)"""


def _with_value(rows, name: str, as_name: str = "value"):
    """``rows`` that carry a value of facet ``name``, annotated with it as text (``as_name``)."""
    column = FACET_COLUMNS[name]
    if name == "overclaim":
        return rows.filter(is_overclaim=True).annotate(
            **{as_name: Value("true", output_field=CharField())}
        )
    rows = rows.filter(**{f"{column}__isnull": False})
    return rows.annotate(**{as_name: Cast(column, output_field=CharField())})


def facet_count_query(rows_for: Callable, facets: Iterable[str]):
    """One query (a UNION ALL of one grouped count per facet) giving (facet, value, claims):
    for each facet, the distinct claims per value among ``rows_for(facet)``. None when
    ``facets`` is empty."""
    parts = [
        _with_value(rows_for(name).order_by(), name)
        .annotate(facet=Value(name, output_field=CharField()))
        .values("facet", "value")
        .annotate(n=Count("claim_id", distinct=True))
        .values_list("facet", "value", "n")
        for name in facets
    ]
    if not parts:
        return None
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def facet_counts_among(
    rows, facets: Iterable[str], total=False, top_sources: int = 0
) -> list[tuple[str, str, int]]:
    """(facet, value, claims) for ``facets`` all counted among the same ``rows``: the rows are
    read once (a materialized common table expression), each facet grouped from it. With
    ``total``, also ("", "", the number of distinct claims among the rows); with
    ``top_sources``, the source facet's that many sources with the most claims (ties by id).
    One query; the same SQL on SQLite and PostgreSQL."""
    facets = list(facets)
    if not facets and not total:
        return []
    columns = {"claim_id", *(FACET_COLUMNS[name] for name in facets)}
    columns = sorted(columns | {"source_id"} if top_sources else columns)
    base, params = rows.order_by().values(*columns).query.sql_with_params()
    parts, part_params = [], []
    for name in facets:
        column = FACET_COLUMNS[name]
        if name == "overclaim":
            parts.append(
                f"SELECT '{name}', 'true', COUNT(DISTINCT claim_id) FROM r WHERE {column} = %s"
            )
            part_params.append(True)
        else:
            parts.append(
                f"SELECT '{name}', CAST({column} AS VARCHAR(64)), COUNT(DISTINCT claim_id) "
                f"FROM r WHERE {column} IS NOT NULL GROUP BY {column}"
            )
    if total:
        parts.append("SELECT '', '', COUNT(DISTINCT claim_id) FROM r")
    if top_sources:
        parts.append(
            "SELECT * FROM (SELECT 'source', CAST(source_id AS VARCHAR(64)), "
            "COUNT(DISTINCT claim_id) AS n FROM r GROUP BY source_id "
            f"ORDER BY n DESC, source_id LIMIT {top_sources:d}) top"
        )
    sql = f"WITH r AS MATERIALIZED ({base}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *part_params])
        return cursor.fetchall()


# The pairs of facets FacetPairCount counts: every two facets but the source, in one direction
# (the other is the same count), and every facet but the source with the source.
FILTER_FACETS = [name for name in FACET_COLUMNS if name != "source"]
PAIRS = [*combinations(FILTER_FACETS, 2), *((name, "source") for name in FILTER_FACETS)]


# The triples of facets FacetTripleCount counts: every three facets but the source.
TRIPLES = list(combinations(FILTER_FACETS, 3))


def context(assignments: Iterable[tuple[str, str]]) -> str:
    """``FacetTripleCount.context`` for two (facet, value) assignments, in FILTER_FACETS order."""
    ordered = sorted(assignments, key=lambda a: FILTER_FACETS.index(a[0]))
    return "|".join(f"{facet}={value}" for facet, value in ordered)


@functools.cache
def combination_sql(combinations_: tuple[tuple[str, ...], ...], table: str) -> str:
    """SQL giving (facet, value, facet, value[, facet, value], claims) for every combination of
    facets in ``combinations_`` (all of one size): the distinct claims among the rows of
    ``table`` per combination of values (a UNION ALL of one grouped count per combination).
    Written once per shape and cached: the write path runs it at every curation write, where
    building the same query with the ORM cost more than running it."""
    parts = []
    for names in combinations_:
        columns, where = [], []
        for name in names:
            column = FACET_COLUMNS[name]
            if name == "overclaim":
                columns += [f"'{name}'", "'true'"]
                where.append(f"{column} = TRUE")
            else:
                columns += [f"'{name}'", f"CAST({column} AS VARCHAR(64))"]
                where.append(f"{column} IS NOT NULL")
        groups = ", ".join(str(2 * i + 2) for i in range(len(names)))
        parts.append(
            f"SELECT {', '.join(columns)}, COUNT(DISTINCT claim_id) FROM {table} "
            f"WHERE {' AND '.join(where)} GROUP BY {groups}"
        )
    return " UNION ALL ".join(parts)


def _combination_counts(claim_ids: list[int], combinations_) -> list[tuple]:
    """:func:`combination_sql` over the rows of these claims (read once)."""
    rows_where, params = _claims_sql(claim_ids)
    sql = (
        f"WITH r AS MATERIALIZED (SELECT * FROM {BrowseRow._meta.db_table} WHERE {rows_where}) "
        + combination_sql(tuple(combinations_), "r")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _triple_counts_of(claim_ids: list[int]) -> dict[tuple[str, str, str], int]:
    """{(context, other, other value): claims} among these claims, each triple in its three
    orientations (each of its values once the counted one)."""
    counts = {}
    for f1, v1, f2, v2, f3, v3, n in _combination_counts(claim_ids, TRIPLES):
        # Facets come in FILTER_FACETS order, as context() would sort them.
        a, b, c = f"{f1}={v1}", f"{f2}={v2}", f"{f3}={v3}"
        counts[(f"{a}|{b}", f3, v3)] = n
        counts[(f"{a}|{c}", f2, v2)] = n
        counts[(f"{b}|{c}", f1, v1)] = n
    return counts


def _counts_of(claim_ids: list[int]) -> dict[tuple[str, str], int]:
    rows = BrowseRow.objects.filter(claim_id__in=claim_ids)
    query = facet_count_query(lambda name: rows, FACET_COLUMNS)
    return {(facet, value): n for facet, value, n in query}


def _pair_counts_of(claim_ids: list[int]) -> dict[tuple[str, str, str, str], int]:
    counts = {}
    for facet, value, other, other_value, n in _combination_counts(claim_ids, PAIRS):
        counts[(facet, value, other, other_value)] = n
        if other != "source":
            counts[(other, other_value, facet, value)] = n
    return counts


def _add_differences(model, fields: list[str], before: dict, after: dict) -> None:
    """Add ``after - before`` to the stored counts of ``model`` (keyed by ``fields``): three
    statements at most."""
    delta = {key: after.get(key, 0) - before.get(key, 0) for key in before.keys() | after.keys()}
    delta = {key: n for key, n in delta.items() if n}
    if not delta:
        return
    candidates = model.objects.filter(
        **{f"{field}__in": {key[i] for key in delta} for i, field in enumerate(fields)}
    )
    stored = {}
    for count in candidates:
        key = tuple(getattr(count, field) for field in fields)
        if key in delta:
            stored[key] = count
    changed, new = [], []
    for key, n in delta.items():
        if key in stored:
            count = stored[key]
            count.claims += n
            changed.append(count)
        else:
            new.append(model(claims=n, **dict(zip(fields, key, strict=True))))
    model.objects.bulk_update(changed, ["claims"], batch_size=500)
    model.objects.bulk_create(new, batch_size=500)
    if any(c.claims == 0 for c in changed):
        model.objects.filter(claims=0).delete()


def _rebuild_facet_counts() -> None:
    FacetCount.objects.all().delete()
    FacetPairCount.objects.all().delete()
    FacetTripleCount.objects.all().delete()
    query = facet_count_query(lambda name: BrowseRow.objects.all(), FACET_COLUMNS)
    select, params = query.query.sql_with_params()
    pairs = FacetPairCount._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FacetCount._meta.db_table} (facet, value, claims) {select}", params
        )
        table = BrowseRow._meta.db_table
        columns = "facet, value, other, other_value, claims"
        cursor.execute(f"INSERT INTO {pairs} ({columns}) {combination_sql(tuple(PAIRS), table)}")
        cursor.execute(
            f"INSERT INTO {pairs} ({columns}) SELECT other, other_value, facet, value, claims "
            f"FROM {pairs} WHERE other <> 'source'"
        )
        orientations = " UNION ALL ".join(
            f"SELECT {a} || '=' || {va} || '|' || {b} || '=' || {vb}, {c}, {vc}, n FROM t"
            for (a, va), (b, vb), (c, vc) in [
                (("f1", "v1"), ("f2", "v2"), ("f3", "v3")),
                (("f1", "v1"), ("f3", "v3"), ("f2", "v2")),
                (("f2", "v2"), ("f3", "v3"), ("f1", "v1")),
            ]
        )
        names = "f1, v1, f2, v2, f3, v3, n"
        cursor.execute(
            f"WITH t ({names}) AS ({combination_sql(tuple(TRIPLES), table)}) "
            f"INSERT INTO {FacetTripleCount._meta.db_table} (context, other, other_value, claims) "
            f"{orientations}"
        )


def uses_fts5() -> bool:
    return connection.vendor == "sqlite"


def _public_mentions(where: Q):
    return Mention.objects.public().filter(where).order_by()


def _insert_rows(where: Q) -> None:
    mentions = _public_mentions(where).annotate(
        r_mention=F("pk"),
        r_claim=F("claim_id"),
        r_source=F("source_id"),
        r_source_type=F("source__source_type"),
        r_certainty=F("certainty"),
        r_kind=F("kind"),
        r_overclaim=F("is_overclaim"),
        r_grade=F("claim__grade"),
        r_condition=F("conditions__id"),
        r_substance=F("substances__id"),
    )
    select, params = mentions.values_list(
        "r_mention",
        "r_claim",
        "r_source",
        "r_source_type",
        "r_certainty",
        "r_kind",
        "r_overclaim",
        "r_grade",
        "r_condition",
        "r_substance",
    ).query.sql_with_params()
    sql = f"""
        INSERT INTO {BrowseRow._meta.db_table} ({", ".join(ROW_COLUMNS)})
        {UNDER_CONDITION}
        SELECT DISTINCT b.r_mention, b.r_claim, b.r_source, b.r_source_type, b.r_certainty,
               b.r_kind, b.r_overclaim, b.r_grade, u.ancestor, b.r_substance
        FROM ({select}) b LEFT JOIN under_condition u ON u.descendant = b.r_condition
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


class Lines(Aggregate):
    """The texts of a group, one per line (``STRING_AGG`` / ``GROUP_CONCAT``)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, chr(10) ORDER BY %(expressions)s)"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra):
        template = "%(function)s(%(expressions)s, char(10))"
        return self.as_sql(compiler, connection, function="GROUP_CONCAT", template=template)


CARD_COLUMNS = [
    "claim_id",
    "statement",
    "grade_rank",
    "n_sources",
    "n_mentions",
    *[f"n_{c.value}" for c in Certainty],
    "n_overclaims",
    "quotes",
]


def _insert_cards(where: Q) -> None:
    per_certainty = {f"n_{c.value}": Count("pk", filter=Q(certainty=c.value)) for c in Certainty}
    cards = (
        _public_mentions(where)
        .values("claim_id")
        .annotate(
            r_statement=F("claim__statement"),
            r_grade_rank=GRADE_RANK,
            r_sources=Count("source_id", distinct=True),
            r_mentions=Count("pk"),
            **{f"r_{k}": v for k, v in per_certainty.items()},
            r_overclaims=Count("pk", filter=Q(is_overclaim=True)),
            r_quotes=Lines("quote"),
        )
    )
    select, params = cards.values_list(
        "claim_id",
        "r_statement",
        "r_grade_rank",
        "r_sources",
        "r_mentions",
        *[f"r_n_{c.value}" for c in Certainty],
        "r_overclaims",
        "r_quotes",
    ).query.sql_with_params()
    sql = f"INSERT INTO {ClaimCard._meta.db_table} ({', '.join(CARD_COLUMNS)}) {select}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@functools.cache
def _filter_values_sql(vendor: str) -> str:
    """SQL setting ``filter_values`` of the cards of the claims whose rows match a ``{where}``
    (formatted in): every distinct (facet, value) of their rows, as
    ``claims.models.filter_value`` writes them."""
    table = BrowseRow._meta.db_table
    parts = []
    for name in FILTER_FACETS:
        column = FACET_COLUMNS[name]
        if name == "overclaim":
            value, present = "'true'", f"{column} = TRUE"
        else:
            value, present = f"CAST({column} AS VARCHAR(64))", f"{column} IS NOT NULL"
        parts.append(
            f"SELECT claim_id, '{FILTER_CODES[name]}' || {value} AS v FROM {table} "
            f"WHERE {present} AND {{where}}"
        )
    joined = "string_agg(v, ',' ORDER BY v)" if vendor == "postgresql" else "group_concat(v, ',')"
    cards = ClaimCard._meta.db_table
    return (
        f"UPDATE {cards} SET filter_values = k.joined FROM ("
        f"SELECT claim_id, ',' || {joined} || ',' AS joined FROM ({' UNION '.join(parts)}) x "
        f"GROUP BY claim_id) k WHERE {cards}.claim_id = k.claim_id"
    )


def _set_filter_values(where: str, params: list) -> None:
    """Fill ``filter_values`` of the cards of the claims whose rows match ``where``."""
    sql = _filter_values_sql(connection.vendor).replace("{where}", where)
    with connection.cursor() as cursor:
        cursor.execute(sql, params * len(FILTER_FACETS))


CLAIM_FTS_INSERT = (
    "INSERT INTO claims_claim_fts (rowid, statement, quotes) "
    f"SELECT claim_id, statement, quotes FROM {ClaimCard._meta.db_table}"
)


def _claims_sql(claim_ids: list[int] | None, column: str = "claim_id") -> tuple[str, list]:
    if claim_ids is None:
        return "1 = 1", []
    return f"{column} IN ({', '.join(['%s'] * len(claim_ids))})", list(claim_ids)


def _write(claim_ids: list[int]) -> None:
    """Delete and insert again every read-model row of ``claim_ids``."""
    where = Q() if claim_ids is None else Q(claim_id__in=claim_ids)
    before, pairs_before = _counts_of(claim_ids), _pair_counts_of(claim_ids)
    triples_before = _triple_counts_of(claim_ids)
    rows_where, params = _claims_sql(claim_ids)
    rows_table = BrowseRow._meta.db_table
    with connection.cursor() as cursor:
        if uses_fts5():
            cursor.execute(
                f"DELETE FROM claims_quote_fts WHERE rowid IN "
                f"(SELECT mention_id FROM {rows_table} WHERE {rows_where})",
                params,
            )
            cursor.execute(
                f"DELETE FROM claims_claim_fts WHERE {_claims_sql(claim_ids, 'rowid')[0]}",
                params,
            )
        cursor.execute(f"DELETE FROM {rows_table} WHERE {rows_where}", params)
        cursor.execute(f"DELETE FROM {ClaimCard._meta.db_table} WHERE {rows_where}", params)
    _insert_rows(where)
    _insert_cards(where)
    _set_filter_values(rows_where, params)
    _add_differences(FacetCount, ["facet", "value"], before, _counts_of(claim_ids))
    _add_differences(
        FacetPairCount,
        ["facet", "value", "other", "other_value"],
        pairs_before,
        _pair_counts_of(claim_ids),
    )
    _add_differences(
        FacetTripleCount,
        ["context", "other", "other_value"],
        triples_before,
        _triple_counts_of(claim_ids),
    )
    if uses_fts5():
        with connection.cursor() as cursor:
            # A mention that moved here from a claim not refreshed now: replace its old row.
            mentions = f"SELECT DISTINCT mention_id FROM {rows_table} WHERE {rows_where}"
            cursor.execute(f"DELETE FROM claims_quote_fts WHERE rowid IN ({mentions})", params)
            cursor.execute(
                f"INSERT INTO claims_quote_fts (rowid, quote) SELECT id, quote "
                f"FROM claims_mention WHERE id IN ({mentions})",
                params,
            )
            cursor.execute(f"{CLAIM_FTS_INSERT} WHERE {rows_where}", params)


def bump_version() -> None:
    """Count one more publishing write (reader pages' ETag / Last-Modified follow)."""
    now = timezone.now()
    updated = KnowledgeBaseVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=now
    )
    if not updated:
        KnowledgeBaseVersion.objects.create(pk=1, version=1, changed_at=now)


def refresh_claims(claim_ids: Iterable[int | None]) -> None:
    """Rewrite the read model of these claims (ids of deleted claims are fine) from their public
    mentions. Call it at the end of a write with every claim whose mentions, grade, statement
    or mentions' sources changed, including a claim a mention was moved away from. About six
    statements per 500 claims, none per mention."""
    ids = sorted({pk for pk in claim_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            _write(ids[start : start + CHUNK])
        bump_version()


def claims_of_sources(source_ids: Iterable[int]) -> set[int]:
    """Claims linked to a mention of these sources, or shown for them in the read model now."""
    ids = [pk for pk in source_ids if pk is not None]
    if not ids:
        return set()
    linked = Mention.objects.filter(source_id__in=ids, claim__isnull=False)
    shown = BrowseRow.objects.filter(source_id__in=ids)
    return set(linked.values_list("claim_id", flat=True).distinct()) | set(
        shown.values_list("claim_id", flat=True).distinct()
    )


def refresh_sources(source_ids: Iterable[int]) -> None:
    """After a source is published, unpublished, retyped, re-imported or deleted: rewrite the
    claims its mentions are (or were) linked to. Call before a deletion for the "were"."""
    refresh_claims(claims_of_sources(source_ids))


def claims_of_conditions(condition_ids: Iterable[int]) -> set[int]:
    """Claims with a mention about these conditions or any condition nested under them."""
    under = Condition.objects.descendant_ids(condition_ids)
    mentions = Mention.objects.filter(conditions__in=under, claim__isnull=False)
    return set(mentions.values_list("claim_id", flat=True).distinct())


def refresh_conditions(condition_ids: Iterable[int]) -> None:
    """After a condition is re-parented or removed: its claims' rows carry its ancestors."""
    refresh_claims(claims_of_conditions(condition_ids))


def rebuild(progress: Callable[[int], None] | None = None, batch: int = 5000) -> None:
    """Rebuild the whole read model, in claim-id ranges of ``batch`` (one transaction)."""
    from claims.models import Claim

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {BrowseRow._meta.db_table}")
            cursor.execute(f"DELETE FROM {ClaimCard._meta.db_table}")
            cursor.execute(f"DELETE FROM {FacetCount._meta.db_table}")
            cursor.execute(f"DELETE FROM {FacetPairCount._meta.db_table}")
            cursor.execute(f"DELETE FROM {FacetTripleCount._meta.db_table}")
            if uses_fts5():
                cursor.execute("DELETE FROM claims_quote_fts")
                cursor.execute("DELETE FROM claims_claim_fts")
        ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            _write_range(chunk[0], chunk[-1])
            if progress:
                progress(len(chunk))
        _rebuild_facet_counts()
        _cluster_rows()
        bump_version()


def _cluster_rows() -> None:
    """PostgreSQL: store the filter rows in condition order (``CLUSTER``), so the rows a
    condition filter reads lie together on disk instead of on every page of the table (at a
    million mentions, a two-filter page read every page of it). Rows written later go at the end
    until the next rebuild; on SQLite rows stay in claim order."""
    if connection.vendor != "postgresql":
        return
    table = BrowseRow._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"CLUSTER {table} USING row_condition_idx")
        cursor.execute(f"ANALYZE {table}")


def _write_range(first: int, last: int) -> None:
    """Insert the rows of claims with ids in [first, last] (nothing there yet)."""
    where = Q(claim_id__gte=first, claim_id__lte=last)
    _insert_rows(where)
    _insert_cards(where)
    _set_filter_values("claim_id BETWEEN %s AND %s", [first, last])
    if uses_fts5():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO claims_quote_fts (rowid, quote) SELECT id, quote FROM claims_mention "
                f"WHERE id IN (SELECT mention_id FROM {BrowseRow._meta.db_table} "
                f"WHERE claim_id BETWEEN %s AND %s)",
                [first, last],
            )
            cursor.execute(f"{CLAIM_FTS_INSERT} WHERE claim_id BETWEEN %s AND %s", [first, last])
