"""Reader pages: home, the claims browser, claim, condition and substance pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from claims import browse, exports, jsonld, search
from claims.caching import reader_page
from claims.curation.actions import merged_into
from claims.curation.history import claim_history
from claims.filters import FACETS, ClaimFilter
from claims.labels import Certainty
from claims.models import (
    Claim,
    ClaimCard,
    Condition,
    FacetCount,
    Mention,
    Substance,
)
from claims.roles import is_curator
from sources.models import Source

PAGE_SIZE = 20


def claim_rows(cards) -> list[Claim]:
    """The claims of these cards, each carrying its card's statistics for the templates."""
    rows = []
    for card in cards:
        claim = card.claim
        claim.n_sources, claim.n_mentions = card.n_sources, card.n_mentions
        for c in Certainty:
            setattr(claim, f"n_{c.value}", getattr(card, f"n_{c.value}"))
        claim.spread = browse.certainty_spread(
            value for c in Certainty for value in [c.value] * getattr(card, f"n_{c.value}")
        )
        rows.append(claim)
    return rows


class ClaimPages:
    """The browser's results for a Paginator: a slice reads one page of cards (with their
    claims) by the sort index, and the page's substances in one more query."""

    def __init__(self, filterset: ClaimFilter):
        self.filterset = filterset

    def count(self) -> int:
        return self.filterset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Claim]:
        cards = self.filterset.claims().select_related("claim")
        return claim_rows(cards.prefetch_related("claim__substances")[key])


def snippets_for(filterset: ClaimFilter, claim_ids: list[int]) -> dict[int, tuple]:
    """The best matching quote of each listed claim, highlighted, with its source's title: two
    queries for the page (the search's snippets, then their claims and sources)."""
    q = filterset.search_text
    if not q or not claim_ids:
        return {}
    page_rows = filterset.rows().filter(claim_id__in=claim_ids).values("mention_id")
    found = search.snippets(q, page_rows)
    if not found:
        return {}
    where = {
        pk: (claim_id, title)
        for pk, claim_id, title in Mention.objects.filter(pk__in=list(found))
        .order_by()
        .values_list("pk", "claim_id", "source__title")
    }
    snippets: dict[int, tuple] = {}
    for mention_id, html in found.items():  # best match first
        claim_id, title = where.get(mention_id, (None, ""))
        if claim_id in claim_ids and claim_id not in snippets:
            snippets[claim_id] = (html, title)
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
@reader_page
def claim_list(request: HttpRequest):
    filterset = ClaimFilter(request.GET)
    notes = [str(e) for errors in filterset.form.errors.values() for e in errors]
    facets = filterset.facets()  # first: a page's count may come with its facet counts
    page = paginate(request, ClaimPages(filterset), notes)
    rows = page.object_list
    snippets = snippets_for(filterset, [c.pk for c in rows])
    for claim in rows:
        claim.snippet = snippets.get(claim.pk)
        claim.statement_html = search.highlight(claim.statement, filterset.search_text)
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
        "source_q": (filterset.cleaned.get("source_q") or "").strip(),
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
@reader_page
def home(request: HttpRequest):
    """Top-level conditions and substances with their public claims, from the stored facet
    counts (a condition's count includes the conditions nested under it). Four queries."""
    by_condition = FacetCount.objects.counts("condition")
    top = [c for c in Condition.objects.filter(parent__isnull=True) if by_condition.get(c.pk)]
    for condition in top:
        condition.claim_count = by_condition[condition.pk]
    top.sort(key=lambda c: (-c.claim_count, c.name))
    substances = _substances_with_counts()
    ctx = {
        "conditions": top,
        "substances": substances,
        "recent_sources": Source.objects.published()
        .select_related("publisher")
        .order_by("-created_at")[:5],
        "claim_count": ClaimCard.objects.count(),
    }
    return render(request, "claims/home.html", ctx)


def _substances_with_counts() -> list[Substance]:
    counts = FacetCount.objects.counts("substance")
    substances = list(Substance.objects.filter(pk__in=counts))
    for substance in substances:
        substance.claim_count = counts[substance.pk]
    return sorted(substances, key=lambda s: (-s.claim_count, s.name))


@require_GET
@reader_page
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
@reader_page
def condition_detail(request: HttpRequest, slug: str):
    condition = get_object_or_404(Condition.objects.select_related("parent"), slug=slug)
    nested = condition.with_descendants()
    columns, rows, total = browse.evidence_matrix("condition", condition, "substance", Substance)
    ctx = {
        "subject": condition,
        "subject_kind": "condition",
        "nested": [c for c in nested if c.pk != condition.pk],
        "columns": columns,
        "rows": rows,
        "total": total,
        "column_heading": "Substance",
        "browse_query": urlencode({"condition": condition.slug}),
    }
    return render(request, "claims/condition_detail.html", ctx)


@require_GET
@reader_page
def substance_detail(request: HttpRequest, slug: str):
    substance = get_object_or_404(Substance, slug=slug)
    columns, rows, total = browse.evidence_matrix("substance", substance, "condition", Condition)
    ctx = {
        "subject": substance,
        "subject_kind": "substance",
        "columns": columns,
        "rows": rows,
        "total": total,
        "column_heading": "Condition",
        "browse_query": urlencode({"substance": substance.slug}),
    }
    return render(request, "claims/substance_detail.html", ctx)
