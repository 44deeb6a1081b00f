"""Publishers as outlets: each one's articles, average credibility and overstatement record.

The *overstatement rate* of a publisher is its overclaims over its claims: accepted mentions
flagged by the overclaim rule (claims/overclaim.py) over all accepted mentions, across every
published article it has. The same record feeds each of its articles' credibility as the measured
item "Publisher's overclaim rate" (claims/credibility.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Avg, Count, F, FloatField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, NullIf
from django.http import HttpRequest, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims import credibility
from claims.compare import chart
from claims.labels import Certainty, EvidenceCited, ReviewStatus
from claims.models import Mention
from sources.models import Publisher, Source

PAGE_SIZE = 20
SORTS = {
    "credibility": ("Average credibility", [F("avg_credibility").desc(nulls_last=True), "name"]),
    "overstatement": ("Overstatement rate", [F("rate").desc(nulls_last=True), "name"]),
    "name": ("Name", ["name"]),
}


def per_publisher(sources, value):
    """A correlated subquery over the publisher's published ``sources``, one value per row."""
    return Subquery(
        sources.filter(publisher=OuterRef("pk"))
        .order_by()
        .values("publisher")
        .annotate(v=value)
        .values("v")
    )


def publishers_with_record():
    """Publishers with at least one published article, annotated with ``n_articles``,
    ``avg_credibility`` (of the scored ones), ``main_kind`` (their most common source type),
    ``pub_total`` / ``pub_over`` (accepted mentions / overclaims) and ``rate`` (None without
    claims). One query, whatever the number of publishers: the per-publisher values are
    subqueries, so the mention count is not multiplied by a join on sources."""
    published = Source.objects.published()
    main_kind = (
        published.filter(publisher=OuterRef("pk"))
        .order_by()
        .values("source_type")
        .annotate(n=Count("pk"))
        .order_by("-n", "source_type")
        .values("source_type")[:1]
    )
    return (
        Publisher.objects.annotate(
            n_articles=per_publisher(published, Count("pk")),
            avg_credibility=per_publisher(
                published.filter(credibility_score__isnull=False), Avg("credibility_score")
            ),
            main_kind=Subquery(main_kind),
            **credibility.publisher_counts(),
        )
        .annotate(rate=Cast("pub_over", FloatField()) / NullIf("pub_total", 0))
        .filter(n_articles__gt=0)
    )


@dataclass(frozen=True)
class RateRow:
    value: str
    label: str
    claims: int
    overclaims: int

    @property
    def percent(self) -> int:
        return credibility.percent(self.overclaims, self.claims)

    @property
    def count(self) -> int:  # what the bar chart prints beside each bar
        return self.overclaims


def breakdown(publisher: Publisher) -> tuple[list[RateRow], list[RateRow]]:
    """The publisher's overclaims by certainty of wording and by evidence cited (strongest
    first), levels without claims left out. One aggregate query."""
    public = Q(status=ReviewStatus.ACCEPTED)
    over = public & Q(is_overclaim=True)
    counts = {}
    for field, levels in (("certainty", Certainty), ("evidence_cited", EvidenceCited)):
        for level in levels:
            match = Q(**{field: level.value})
            counts[f"{field}_{level.name}_n"] = Count("pk", filter=public & match)
            counts[f"{field}_{level.name}_o"] = Count("pk", filter=over & match)
    row = Mention.objects.filter(
        source__publisher=publisher, source__in=Source.objects.published()
    ).aggregate(**counts)

    def rows(field, levels):
        found = [
            RateRow(
                level.value,
                level.label,
                row[f"{field}_{level.name}_n"],
                row[f"{field}_{level.name}_o"],
            )
            for level in levels
        ]
        return [r for r in found if r.claims]

    return rows("certainty", Certainty), rows("evidence_cited", reversed(EvidenceCited))


class PublisherListForm(forms.Form):
    sort = forms.ChoiceField(
        choices=[(k, label) for k, (label, _) in SORTS.items()], required=False
    )
    page = forms.IntegerField(min_value=1, max_value=10**6, required=False)


@require_GET
def publisher_list(request: HttpRequest):
    form = PublisherListForm(request.GET)
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponseBadRequest(f"Invalid request: {errors}")
    sort = form.cleaned_data["sort"] or "credibility"
    publishers = publishers_with_record().order_by(*SORTS[sort][1])
    page = Paginator(publishers, PAGE_SIZE).get_page(form.cleaned_data["page"] or 1)
    ctx = {
        "page": page,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }
    return render(request, "claims/publisher_list.html", ctx)


@require_GET
def publisher_detail(request: HttpRequest, pk: int):
    publisher = get_object_or_404(publishers_with_record(), pk=pk)
    articles = list(
        Source.objects.published()
        .filter(publisher=publisher)
        .annotate(**credibility.stat_counts("mentions__"))
        .order_by(F("credibility_score").desc(nulls_last=True), "title")
    )
    by_certainty, by_evidence = breakdown(publisher)
    ctx = {
        "publisher": publisher,
        "articles": articles,
        "by_certainty": by_certainty,
        "by_evidence": by_evidence,
        "certainty_chart": chart(
            "rate-certainty", "Overclaims by certainty of wording", by_certainty
        ),
        "evidence_chart": chart("rate-evidence", "Overclaims by evidence cited", by_evidence),
        "band": credibility.band_for(
            None if publisher.avg_credibility is None else round(publisher.avg_credibility)
        ),
    }
    return render(request, "claims/publisher_detail.html", ctx)
