"""Reader pages: home, the claims browser, claim, condition and substance pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.postgres.search import SearchHeadline, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from claims import browse, exports, jsonld
from claims.curation.actions import merged_into
from claims.curation.history import claim_history
from claims.filters import (
    FACETS,
    SEARCH_CONFIG,
    ClaimFilter,
    claim_search_vector,
    mention_search_vector,
    search_query,
    uses_postgres,
)
from claims.labels import Certainty, Grade, ReviewStatus
from claims.models import Claim, Condition, Mention, Substance
from claims.roles import is_curator
from sources.models import Source, SourceStatus

PAGE_SIZE = 20
GRADE_RANK = Case(
    *[When(grade=g.value, then=Value(g.strength)) for g in Grade if g.strength is not None],
    default=Value(-1),
    output_field=IntegerField(),
)


def public_mentions_of_claim():
    """The public mentions of the outer claim, for correlated subqueries (``OuterRef("pk")``)."""
    return Mention.objects.public().filter(claim=OuterRef("pk")).order_by()


def count_of(mentions, expression) -> Coalesce:
    """A correlated count over ``mentions``: one index range per claim (mention_claim_status_idx),
    no GROUP BY over the outer query."""
    counted = mentions.values("claim").annotate(n=expression).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def source_count() -> Coalesce:
    """Distinct sources among a claim's public mentions, counted per claim (an index range of
    its mentions): for a page of claims, or where a GROUP BY would repeat other expressions."""
    return count_of(public_mentions_of_claim(), Count("source", distinct=True))


def with_reader_stats(claims):
    """Annotate sources and certainty spread over each claim's public mentions: counts per claim,
    so meant for a page of claims (see :class:`ClaimPages`), not for every matching claim."""
    counts = {
        f"n_{c.value}": count_of(public_mentions_of_claim().filter(certainty=c.value), Count("pk"))
        for c in Certainty
    }
    return claims.annotate(
        n_sources=source_count(),
        n_mentions=count_of(public_mentions_of_claim(), Count("pk")),
        grade_rank=GRADE_RANK,
        **counts,
    )


def attach_spread(claim) -> None:
    claim.spread = browse.certainty_spread(
        value for c in Certainty for value in [c.value] * getattr(claim, f"n_{c.value}", 0)
    )


PUBLIC_MENTION = Q(mentions__status=ReviewStatus.ACCEPTED) & Q(
    mentions__source__status=SourceStatus.PUBLISHED
)


class RankPerGroup(SearchRank):
    """A rank that GROUP BY leaves alone: grouped by the columns it reads (the claim's, which
    PostgreSQL reduces to its primary key) rather than by itself, so PostgreSQL ranks each claim's
    statement once after grouping instead of once per joined mention."""

    def get_group_by_cols(self):
        return [node for node in self.flatten() if isinstance(node, Col)]


def relevance(q: str, *, grouped: bool = False):
    """A claim's relevance to a search: its statement's rank plus its best public quote's (a
    quote that does not match ranks 0).

    ``grouped`` ranks the quotes as an aggregate of a GROUP BY over claims and their mentions:
    one pass over the matching claims' mentions to order them all. Otherwise a subquery ranks one
    claim's quotes through an index range of its mentions: for a page of claims.
    """
    if not uses_postgres():
        return Case(
            When(statement__icontains=q, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    query = search_query(q)
    if grouped:
        quote_vector = SearchVector("mentions__quote", config=SEARCH_CONFIG)
        best_quote = Max(SearchRank(quote_vector, query), filter=PUBLIC_MENTION)
    else:
        best_quote = Subquery(
            public_mentions_of_claim()
            .annotate(r=SearchRank(mention_search_vector(), query))
            .order_by("-r")
            .values("r")[:1]
        )
    statement_rank = (RankPerGroup if grouped else SearchRank)(claim_search_vector(), query)
    return statement_rank + Coalesce(best_quote, 0.0)


# Each order ends with the id, so claims with the same statement keep their places between
# pages (the API's cursors rely on it).
SORT_ORDER = {
    "relevance": ("-rank", "-n_sources", "statement", "pk"),
    "grade": ("-grade_rank", "-n_sources", "statement", "pk"),
    "statement": ("statement", "pk"),
    "sources": ("-n_sources", "-grade_rank", "statement", "pk"),
}


def results_for(filterset: ClaimFilter):
    """The browser's claims in order (not yet paginated), annotated with their sort keys only
    (``n_sources``, ``grade_rank``, ``rank`` when searching). :class:`ClaimPages` loads a page of
    them with the per-claim statistics.

    One GROUP BY over the matching claims' public mentions, with no subquery: PostgreSQL would
    evaluate a correlated subquery once per mention there, not once per claim.
    """
    mentions = filterset.mentions_without(None)
    claims = Claim.objects.filter(pk__in=mentions.values("claim_id"))
    sort = filterset.sort
    if sort != "statement":
        claims = claims.annotate(
            n_sources=Count("mentions__source", filter=PUBLIC_MENTION, distinct=True),
            grade_rank=GRADE_RANK,
        )
    if sort == "relevance":
        claims = claims.annotate(rank=relevance(filterset.search_text, grouped=True))
    return claims.order_by(*SORT_ORDER[sort])


class ClaimPages:
    """The browser's results for a Paginator: a slice runs one query, which orders the matching
    claims by their sort keys only, keeps the page's ids, and counts the statistics of those
    claims alone (``with_reader_stats``); the substances come in one more query."""

    def __init__(self, filterset: ClaimFilter, count: int):
        self.filterset = filterset
        self.results = results_for(filterset)
        self.total = count

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, key: slice) -> list[Claim]:
        page_ids = self.results.values("pk")[key]
        claims = with_reader_stats(Claim.objects.filter(pk__in=page_ids))
        if self.filterset.sort == "relevance":
            claims = claims.annotate(rank=relevance(self.filterset.search_text))
        order = SORT_ORDER[self.filterset.sort]
        return list(claims.order_by(*order).prefetch_related("substances"))


def snippets_for(filterset: ClaimFilter, claim_ids: list[int]) -> dict[int, object]:
    """The best matching quote of each listed claim, highlighted: one query for the page."""
    q = filterset.search_text
    if not q or not claim_ids:
        return {}
    mentions = filterset.mentions_without("q").filter(claim_id__in=claim_ids)
    if uses_postgres():
        query = search_query(q)
        # Only a quote that matches gets a highlight, so match the page's claims' quotes
        # directly rather than through the search filter, which finds every matching quote.
        rows = (
            mentions.alias(sv=mention_search_vector())
            .filter(sv=query)
            .annotate(
                rank=SearchRank(mention_search_vector(), query),
                headline=SearchHeadline(
                    "quote",
                    query,
                    config=SEARCH_CONFIG,
                    start_sel=browse.START_SEL,
                    stop_sel=browse.STOP_SEL,
                    max_words=40,
                    min_words=20,
                ),
            )
            .order_by("-rank", "pk")
            .values_list("claim_id", "headline", "source__title")
        )
        snippets = {}
        for claim_id, headline, title in rows:
            if claim_id not in snippets and browse.START_SEL in headline:
                snippets[claim_id] = (browse.mark_sentinels(headline), title)
        return snippets
    mentions = filterset.mentions_without(None).filter(claim_id__in=claim_ids)
    snippets = {}
    terms = browse.search_terms(q)
    for claim_id, quote, title in mentions.order_by("pk").values_list(
        "claim_id", "quote", "source__title"
    ):
        if claim_id not in snippets and browse.find_spans(quote, terms):
            snippets[claim_id] = (browse.highlight(quote, terms), title)
    return snippets


def query_string(params: QueryDict, **changes) -> str:
    """The current GET parameters with some replaced (None removes one), as ``?a=b``."""
    data = params.copy()
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data.setlist(key, [str(value)])
    return "?" + data.urlencode() if data else "?"


def active_filters(params: QueryDict, facets: list[dict]) -> list[dict]:
    """Chips for the chosen options, each with a link that removes it."""
    chips = []
    for facet in facets:
        for option in facet["options"]:
            if option["checked"]:
                data = params.copy()
                data.pop("page", None)
                data.setlist(
                    facet["name"],
                    [v for v in params.getlist(facet["name"]) if v != option["value"]],
                )
                chips.append(
                    {
                        "label": f"{facet['heading']}: {option['label']}",
                        "url": "?" + data.urlencode(),
                    }
                )
    if params.get("q"):
        data = params.copy()
        data.pop("q")
        data.pop("page", None)
        chips.append({"label": f"Search: {params['q']}", "url": "?" + data.urlencode()})
    return chips


def paginate(request: HttpRequest, claims, notes: list[str], count: int | None = None):
    paginator = Paginator(claims, PAGE_SIZE)
    if count is not None:
        paginator.count = count  # counted cheaply, without the per-claim statistics
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        notes.append(f"“{raw[:20]}” is not a page number; showing the first page.")
        number = 1
    if number < 1:
        notes.append("Pages start at 1; showing the first page.")
        number = 1
    if number > paginator.num_pages:
        if paginator.count:
            notes.append(
                f"There is no page {number}; showing the last page, {paginator.num_pages}."
            )
        number = paginator.num_pages
    return paginator.page(number)


@require_GET
@vary_on_headers("HX-Request")
def claim_list(request: HttpRequest):
    filterset = ClaimFilter(request.GET)
    notes = [str(e) for errors in filterset.form.errors.values() for e in errors]
    matching = Claim.objects.filter(pk__in=filterset.mentions_without(None).values("claim_id"))
    page = paginate(request, ClaimPages(filterset, matching.count()), notes)
    rows = page.object_list
    for claim in rows:
        attach_spread(claim)
    snippets = snippets_for(filterset, [c.pk for c in rows])
    terms = browse.search_terms(filterset.search_text)
    for claim in rows:
        claim.snippet = snippets.get(claim.pk)
        claim.statement_html = browse.highlight(claim.statement, terms)
    facets = filterset.facets()
    ctx = {
        "filterset": filterset,
        "form": filterset.form,
        "facets": facets,
        "facet_names": list(FACETS),
        "page": page,
        "claims": rows,
        "notes": notes,
        "chips": active_filters(request.GET, facets),
        "q": filterset.search_text,
        "prev_url": query_string(request.GET, page=page.previous_page_number())
        if page.has_previous()
        else None,
        "next_url": query_string(request.GET, page=page.next_page_number())
        if page.has_next()
        else None,
        "export_query": query_string(request.GET, page=None, sort=None),
    }
    template = "claims/claim_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, ctx)


@require_GET
def claim_export(request: HttpRequest, fmt: str):
    """The browser's current result as a download, one row per mention (claims/exports.py):
    streamed in chunks, so memory stays flat however many rows. Filters as the browser reads
    them: an invalid value is left out, as the page said."""
    if fmt not in exports.FORMATS:
        raise Http404("Downloads come as .csv or .jsonl.")
    filterset = ClaimFilter(request.GET)
    content_type, lines = exports.FORMATS[fmt]
    response = StreamingHttpResponse(
        lines(exports.rows(exports.matching_mentions(filterset))), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="claims.{fmt}"'
    return response


@require_GET
def home(request: HttpRequest):
    tree: dict[int | None, list[Condition]] = {}
    conditions = list(Condition.objects.order_by("name"))
    for condition in conditions:
        tree.setdefault(condition.parent_id, []).append(condition)
    pairs = Mention.objects.public().order_by().values_list("conditions__id", "claim_id").distinct()
    claims_by_condition: dict[int, set[int]] = {}
    for condition_id, claim_id in pairs:
        if condition_id is not None:
            claims_by_condition.setdefault(condition_id, set()).add(claim_id)

    def claims_under(condition) -> set[int]:
        found = set(claims_by_condition.get(condition.pk, set()))
        for child in tree.get(condition.pk, []):
            found |= claims_under(child)
        return found

    top = []
    for condition in tree.get(None, []):
        condition.claim_count = len(claims_under(condition))
        if condition.claim_count:
            top.append(condition)
    top.sort(key=lambda c: (-c.claim_count, c.name))
    substances = (
        Substance.objects.filter(mentions__in=Mention.objects.public())
        .annotate(claim_count=Count("mentions__claim", distinct=True))
        .order_by("-claim_count", "name")
    )
    ctx = {
        "conditions": top,
        "substances": substances,
        "recent_sources": Source.objects.published()
        .select_related("publisher")
        .order_by("-created_at")[:5],
        "claim_count": Claim.objects.public().count(),
    }
    return render(request, "claims/home.html", ctx)


@require_GET
def claim_detail(request: HttpRequest, slug: str):
    claims = Claim.objects.public().prefetch_related("substances", "conditions")
    claim = claims.filter(slug=slug).first()
    if claim is None:
        # A claim merged into another keeps its old links working.
        target = merged_into(slug)
        if target is None:
            raise Http404("No published claim has this address.")
        return redirect(target, permanent=True)
    mentions = list(
        Mention.objects.public()
        .filter(claim=claim)
        .with_source()
        .order_by(F("source__credibility_score").desc(nulls_last=True), "source__title", "start")
    )
    for mention in mentions:
        mention.quote_html = browse.highlight(mention.quote, mention.hedge_cues or [], "hedge")
        mention.verdict = jsonld.verdict(claim.grade, mention.is_overclaim)
    ctx = {
        "claim": claim,
        "mentions": mentions,
        "source_count": len({m.source_id for m in mentions}),
        "certainty": browse.certainty_spread(m.certainty for m in mentions),
        "evidence": browse.evidence_spread(m.evidence_cited for m in mentions),
        "named_study_count": sum(1 for m in mentions if m.cites_named_study),
        "grade_symbols": browse.GRADE_SYMBOLS.get(claim.grade, ""),
        # schema.org ClaimReview per reviewed mention, for fact-checking tools (claims/jsonld.py)
        "claim_reviews": jsonld.claim_reviews(claim, mentions, request.build_absolute_uri),
        "rating_scale": jsonld.SCALE,
    }
    if is_curator(request.user):  # curators see who changed what (claims.curation.history)
        ctx["curation_history"] = claim_history(claim)
    return render(request, "claims/claim_detail.html", ctx)


@require_GET
def condition_detail(request: HttpRequest, slug: str):
    condition = get_object_or_404(Condition.objects.select_related("parent"), slug=slug)
    nested = condition.with_descendants()
    mentions = Mention.objects.public().filter(conditions__in=[c.pk for c in nested])
    columns, rows = browse.evidence_matrix(
        mentions, "substances", Substance, {"condition": condition.slug}, "substance"
    )
    ctx = {
        "subject": condition,
        "subject_kind": "condition",
        "nested": [c for c in nested if c.pk != condition.pk],
        "columns": columns,
        "rows": rows,
        "column_heading": "Substance",
        "browse_query": urlencode({"condition": condition.slug}),
    }
    return render(request, "claims/condition_detail.html", ctx)


@require_GET
def substance_detail(request: HttpRequest, slug: str):
    substance = get_object_or_404(Substance, slug=slug)
    mentions = Mention.objects.public().filter(substances=substance)
    columns, rows = browse.evidence_matrix(
        mentions, "conditions", Condition, {"substance": substance.slug}, "condition"
    )
    ctx = {
        "subject": substance,
        "subject_kind": "substance",
        "columns": columns,
        "rows": rows,
        "column_heading": "Condition",
        "browse_query": urlencode({"substance": substance.slug}),
    }
    return render(request, "claims/substance_detail.html", ctx)
