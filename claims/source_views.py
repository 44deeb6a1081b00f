"""Reader pages for sources: the list and an article with its claims highlighted in place."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Subquery
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims import credibility
from claims.browse import article_paragraphs
from claims.curation.history import source_history
from claims.labels import ReviewStatus
from claims.models import Mention
from claims.roles import is_curator
from sources.models import Source

# Each row carries its credibility breakdown (about 5 KB of HTML): 20 rows keep the page near
# 110 KB, under the 150 KB a reader page may weigh.
PAGE_SIZE = 20
PUBLIC_MENTION = Q(mentions__status=ReviewStatus.ACCEPTED, mentions__claim__isnull=False)
SORTS = {
    "title": ("Title", ["title"]),
    "credibility": ("Credibility", [F("credibility_score").desc(nulls_last=True), "title"]),
    "recent": ("Recently added", ["-created_at", "title"]),
}


def load_page(sources, sort: str, number: int) -> list[Source]:
    """One page of published sources with their counts and credibility breakdowns: a query that
    picks the page's ids in order (a sort on the source table alone) and counts only their
    mentions, with the number of published sources alongside; the rubric answers come in one
    more query. Nothing is counted for sources on other pages."""
    order = SORTS[sort][1]
    start = (number - 1) * PAGE_SIZE
    page_ids = sources.order_by(*order).values("pk")[start : start + PAGE_SIZE]
    published = Source.objects.published().order_by().values("status")
    rows = (
        Source.objects.filter(pk__in=page_ids)
        .select_related("publisher")
        .annotate(
            n_mentions=Count("mentions", filter=PUBLIC_MENTION),
            n_claims=Count("mentions__claim", filter=PUBLIC_MENTION, distinct=True),
            n_published=Subquery(published.annotate(n=Count("pk")).values("n")),
        )
        .order_by(*order)
    )
    # The credibility breakdown of every row, in one more query.
    return credibility.with_breakdowns(credibility.with_credibility(rows))


@require_GET
def source_list(request: HttpRequest):
    sort = request.GET.get("sort", "title")
    if sort not in SORTS:
        sort = "title"
    raw = request.GET.get("page", "1")
    # isdigit() also accepts "²" and other digits int() refuses: ASCII digits only.
    number = int(raw) if raw.isascii() and raw.isdecimal() and len(raw) < 9 else 1
    number = max(number, 1)
    sources = Source.objects.published()
    rows = load_page(sources, sort, number)
    total = rows[0].n_published if rows else None
    if total is None and number > 1:  # past the end: show the last page (two more queries)
        total = sources.count()
        number = max(1, -(-total // PAGE_SIZE))
        rows = load_page(sources, sort, number)
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = total or 0  # counted in the page's query
    page = Page(rows, number, paginator)
    ctx = {
        "sources": rows,
        "page": page,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }
    return render(request, "sources/source_list.html", ctx)


@require_GET
def source_detail(request: HttpRequest, pk: int):
    source = get_object_or_404(
        credibility.with_publisher_record(Source.objects.published().select_related("publisher")),
        pk=pk,
    )
    source.credibility = credibility.assess(source)  # two queries
    mentions = list(Mention.objects.public().filter(source=source).select_related("claim"))
    ctx = {
        "source": source,
        "paragraphs": article_paragraphs(source.text, mentions),
        "mention_count": len(mentions),
        "claim_count": len({m.claim_id for m in mentions}),
        # Sentences that name their study (author, institution, journal), with what they name.
        "naming": sorted(
            (m for m in mentions if m.cites_named_study and m.named_study_texts),
            key=lambda m: m.start,
        ),
    }
    if is_curator(request.user):  # curators see who changed what (claims.curation.history)
        ctx["curation_history"] = source_history(source)
    return render(request, "sources/source_detail.html", ctx)
