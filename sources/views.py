"""Reader pages for sources: the list and an article with its claims highlighted in place."""

from django.db.models import Count, F, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.browse import article_paragraphs
from claims.curation.history import source_history
from claims.labels import ReviewStatus
from claims.models import Mention
from claims.roles import is_curator
from sources.models import Source

PUBLIC_MENTION = Q(mentions__status=ReviewStatus.ACCEPTED, mentions__claim__isnull=False)
SORTS = {
    "title": ("Title", ["title"]),
    "credibility": ("Credibility", [F("credibility_score").desc(nulls_last=True), "title"]),
    "recent": ("Recently added", ["-created_at", "title"]),
}


@require_GET
def source_list(request: HttpRequest):
    sort = request.GET.get("sort", "title")
    if sort not in SORTS:
        sort = "title"
    sources = (
        Source.objects.published()
        .select_related("publisher")
        .annotate(
            n_mentions=Count("mentions", filter=PUBLIC_MENTION),
            n_claims=Count("mentions__claim", filter=PUBLIC_MENTION, distinct=True),
        )
        .with_credibility()  # the credibility breakdown of every row, in one more query
        .order_by(*SORTS[sort][1])
    )
    ctx = {
        "sources": sources,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }
    return render(request, "sources/source_list.html", ctx)


@require_GET
def source_detail(request: HttpRequest, pk: int):
    source = get_object_or_404(Source.objects.published().select_related("publisher"), pk=pk)
    mentions = list(Mention.objects.public().filter(source=source).select_related("claim"))
    ctx = {
        "source": source,
        "paragraphs": article_paragraphs(source.text, mentions),
        "mention_count": len(mentions),
        "claim_count": len({m.claim_id for m in mentions}),
    }
    if is_curator(request.user):  # curators see who changed what (claims.curation.history)
        ctx["curation_history"] = source_history(source)
    return render(request, "sources/source_detail.html", ctx)
