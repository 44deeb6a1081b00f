"""The operations of the read-only API. Only public content: published sources, accepted
mentions linked to a claim (``Mention.objects.public()``), claims with such a mention.

Every listing costs a fixed number of queries whatever its page size (tests/api pin them)."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError
from django.db.models import Count, F, Q, prefetch_related_objects
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from ninja import NinjaAPI, Path, Query
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from claims import jsonld
from claims.api import schemas as s
from claims.api.http import AnonymousRate, cached
from claims.api.pagination import keyset_page, make_cursor, read_cursor
from claims.api.serialize import (
    claim_out,
    consensus_out,
    credibility_out,
    mention_out,
    source_out,
)
from claims.consensus import build as build_consensus
from claims.credibility import assess, with_credibility
from claims.exports import matching_mentions
from claims.filters import ClaimFilter
from claims.models import Claim, Condition, Mention, Substance
from claims.views import ClaimPages
from config.errors import RETRY_AFTER_SECONDS, database_unavailable
from sources.models import Publisher, Source, SourceStatus

DESCRIPTION = """\
Read-only access to the Evidence Claims KB: canonical claims with their evidence grade, the
sentences (mentions) of published sources that make them, how certainly each is worded and what
evidence it cites, the sources' credibility breakdowns, the vocabularies and the publishers.

* **Only published content**: accepted mentions of published sources.
* **Pagination** by opaque cursor: pass a response's `next_cursor` as `?cursor=` with the same
  filters; `next_cursor` is null on the last page.
* **Filters** of `/api/claims`, `/api/claims/facets` and `/api/mentions` are the claims
  browser's, with its semantics: several values of one filter are alternatives, different
  filters must all hold, a condition includes the conditions nested under it. An unknown value
  is a 400.
* **Caching**: responses carry `Cache-Control: public, max-age=300` and an `ETag`; send
  `If-None-Match` to get a 304.
* **Rate limit**: 120 requests a minute per anonymous client (IP address); beyond it a 429 with
  `Retry-After`.
* **ClaimReview**: `/api/claims/{slug}/claimreview` gives the schema.org JSON-LD of the claim page.
"""

api = NinjaAPI(
    title="Evidence Claims KB API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
    throttle=[AnonymousRate()],
)


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_unavailable_handler(request: HttpRequest, exc: Exception):
    """Ninja answers exceptions itself, before Django's middleware would: a database that is
    down or restarting is a 503 with Retry-After here too (other database errors stay 500s)."""
    if not database_unavailable(exc):
        raise exc
    response = api.create_response(
        request, {"detail": "The database is unavailable; try again shortly."}, status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


ERRORS = {400: s.Error, 404: s.Error, 422: s.ValidationErrorOut, 429: s.Error}
Limit = Query(20, ge=1, le=100, description="Results per page (1-100).")
Cursor = Query(None, max_length=500, description="The next_cursor of the previous page.")
Sort = Query(
    None,
    description="sources (most sources first; the default without q), grade, statement, "
    "relevance (the default with q).",
)
PublisherParam = Query(None, ge=1, le=10**18, description="Publisher id.")
SourceTypes = Query(default_factory=list, description="Type of source (OR).")
SlugPath = Path(
    ..., pattern=r"^[-a-zA-Z0-9_]+$", max_length=120, examples=["microdosing-reduces-depression"]
)
IdPath = Path(..., ge=1, le=10**18, examples=[1])


# --- the claims browser's filters ------------------------------------------------------------


def browser_filter(filters: s.ClaimFilters, sort: str | None = None) -> ClaimFilter:
    """The claims browser's FilterSet for these parameters; a 400 naming any value it refuses
    (the browser leaves such a value out with a note; an API client gets told)."""
    data = QueryDict(mutable=True)
    for name, values in filters.as_params().items():
        data.setlist(name, values)
    if sort:
        data["sort"] = sort
    filterset = ClaimFilter(data)
    problems = []
    for name, errors in filterset.form.errors.as_data().items():
        for error in errors:
            value = (error.params or {}).get("value") or (error.params or {}).get("pk")
            if error.code in {"invalid_choice", "invalid_pk_value"} and value is not None:
                problems.append(f"{name}: there is no “{value}”.")
            else:
                problems.append(f"{name}: {' '.join(error.messages)}")
    if problems:
        raise HttpError(400, " ".join(problems))
    return filterset


def mentions_loaded(queryset):
    """Mentions with all that ``mention_out`` reads, in four queries for any number."""
    return (
        queryset.select_related("claim", "source", "source__publisher")
        .defer("source__text")
        .prefetch_related("substances", "conditions")
    )


def cursor_params(filters: s.ClaimFilters | None = None, **extra) -> dict:
    params = dict(filters.as_params()) if filters is not None else {}
    params.update({k: v for k, v in extra.items() if v not in (None, "", [])})
    return params


# --- claims --------------------------------------------------------------------------------


@api.get(
    "/claims",
    response={200: s.ClaimPage, **ERRORS},
    url_name="claims",
    summary="Claims matching the browser's filters",
    tags=["claims"],
)
@decorate_view(cached)
def list_claims(
    request: HttpRequest,
    filters: Query[s.ClaimFilters],
    sort: s.SortValue | None = Sort,
    cursor: str | None = Cursor,
    limit: int = Limit,
):
    """Claims in the browser's order, with their sources and certainty spread (read model).
    Four queries whatever the page size (count, page of cards with their claims, substances,
    conditions), plus one per vocabulary filter given."""
    filterset = browser_filter(filters, sort)
    params = cursor_params(filters, sort=sort)
    offset = read_cursor(cursor, "claims", params) or 0
    count = filterset.count()
    claims = ClaimPages(filterset)[offset : offset + limit] if offset < count else []
    prefetch_related_objects(claims, "conditions")
    end = offset + len(claims)
    return {
        "count": count,
        "results": [claim_out(claim, request) for claim in claims],
        "next_cursor": make_cursor("claims", params, end) if end < count else None,
    }


@api.get(
    "/claims/facets",
    response={200: list[s.Facet], **ERRORS},
    url_name="claim-facets",
    summary="Facet counts for the browser's filters",
    tags=["claims"],
)
@decorate_view(cached)
def claim_facets(request: HttpRequest, filters: Query[s.ClaimFilters]):
    """For each filter, its options with the number of claims each would give together with the
    other filters (as the browser's facets). About ten queries, none per option."""
    filterset = browser_filter(filters)
    return [
        {
            "name": facet["name"],
            "heading": facet["heading"],
            "single": facet["single"],
            "options": [
                {
                    "value": o["value"],
                    "label": o["label"],
                    "depth": o["depth"],
                    "count": o["count"],
                    "selected": o["checked"],
                }
                for o in facet["options"]
            ],
        }
        for facet in filterset.facets()
    ]


def public_claim(slug: str) -> Claim:
    claim = Claim.objects.public().prefetch_related("substances", "conditions").filter(slug=slug)
    found = claim.first()
    if found is None:
        raise HttpError(404, "No published claim has this slug.")
    return found


def claim_mentions(claim: Claim) -> list[Mention]:
    return list(
        mentions_loaded(Mention.objects.public().filter(claim=claim)).order_by(
            F("source__credibility_score").desc(nulls_last=True), "source__title", "start", "pk"
        )
    )


@api.get(
    "/claims/{slug}",
    response={200: s.ClaimDetail, **ERRORS},
    url_name="claim",
    summary="A claim with its mentions and consensus",
    tags=["claims"],
)
@decorate_view(cached)
def get_claim(request: HttpRequest, slug: str = SlugPath):
    """The claim, every public mention of it (sources with their credibility score) and the
    consensus: who makes it, how they hedge it, what they cite, who contradicts it."""
    claim = public_claim(slug)
    mentions = claim_mentions(claim)
    return {
        **claim_out(claim, request, mentions=mentions),
        "grade_rationale": claim.grade_rationale,
        "consensus": consensus_out(build_consensus(claim, mentions)),
        "mentions": [mention_out(m, request) for m in mentions],
        "claimreview_url": request.build_absolute_uri(
            reverse("api:claimreview", args=[claim.slug])
        ),
    }


@api.get(
    "/claims/{slug}/claimreview",
    response={200: list[dict], **ERRORS},
    url_name="claimreview",
    summary="schema.org ClaimReview JSON-LD of a claim",
    tags=["claims"],
)
@decorate_view(cached)
def get_claimreview(request: HttpRequest, slug: str = SlugPath):
    """One schema.org ``ClaimReview`` per reviewed mention (the JSON-LD of the claim page). The
    rating: 5 strong, 4 moderate, 3 weak, 2 very weak evidence; 1 overstated (worded more
    certainly than the evidence allows)."""
    claim = public_claim(slug)
    return jsonld.claim_reviews(claim, claim_mentions(claim), request.build_absolute_uri)


# --- mentions ------------------------------------------------------------------------------


@api.get(
    "/mentions",
    response={200: s.MentionPage, **ERRORS},
    url_name="mentions",
    summary="Mentions (sentences making a claim) matching the browser's filters",
    tags=["mentions"],
)
@decorate_view(cached)
def list_mentions(
    request: HttpRequest,
    filters: Query[s.ClaimFilters],
    cursor: str | None = Cursor,
    limit: int = Limit,
):
    """Public mentions passing every filter, in id order: the quote, its offsets, certainty, hedge
    cues, evidence cited, whether a study is named, the overclaim flag. Three queries whatever
    the page size (mentions, substances, conditions), plus the filters' own."""
    filterset = browser_filter(filters)
    mentions = mentions_loaded(matching_mentions(filterset))
    params = cursor_params(filters)
    return keyset_page(
        mentions, "mentions", params, cursor, limit, lambda m: mention_out(m, request)
    )


@api.get(
    "/mentions/{id}",
    response={200: s.MentionOut, **ERRORS},
    url_name="mention",
    summary="One mention",
    tags=["mentions"],
)
@decorate_view(cached)
def get_mention(request: HttpRequest, id: int = IdPath):  # noqa: A002 - the path's name
    mention = mentions_loaded(Mention.objects.public().filter(pk=id)).first()
    if mention is None:
        raise HttpError(404, "No published mention has this id.")
    return mention_out(mention, request)


# --- sources and publishers ----------------------------------------------------------------


def published_sources():
    return Source.objects.published().select_related("publisher").defer("text")


@api.get(
    "/sources",
    response={200: s.SourcePage, **ERRORS},
    url_name="sources",
    summary="Published sources with their credibility score",
    tags=["sources"],
)
@decorate_view(cached)
def list_sources(
    request: HttpRequest,
    publisher: int | None = PublisherParam,
    source_type: list[s.SourceTypeValue] = SourceTypes,
    cursor: str | None = Cursor,
    limit: int = Limit,
):
    """Published sources in id order. One query whatever the page size."""
    params = cursor_params(publisher=publisher, source_type=sorted(source_type))
    sources = published_sources()
    if publisher is not None:
        sources = sources.filter(publisher_id=publisher)
    if source_type:
        sources = sources.filter(source_type__in=source_type)
    return keyset_page(
        sources, "sources", params, cursor, limit, lambda source: source_out(source, request)
    )


@api.get(
    "/sources/{id}",
    response={200: s.SourceDetail, **ERRORS},
    url_name="source",
    summary="A published source with its credibility breakdown",
    tags=["sources"],
)
@decorate_view(cached)
def get_source(request: HttpRequest, id: int = IdPath):  # noqa: A002 - the path's name
    """The source's metadata and its credibility score item by item (JAMA and DISCERN items a
    curator answered, measured items), with the profiles of certainty and evidence cited. Its
    mentions: ``/mentions?source={id}``."""
    source = with_credibility(published_sources().filter(pk=id)).first()
    if source is None:
        raise HttpError(404, "No published source has this id.")
    return {**source_out(source, request), "credibility": credibility_out(assess(source))}


def public_publishers():
    published = Q(sources__status=SourceStatus.PUBLISHED)
    return Publisher.objects.annotate(n_sources=Count("sources", filter=published)).filter(
        n_sources__gt=0
    )


def publisher_out(publisher) -> dict:
    return {
        "id": publisher.pk,
        "name": publisher.name,
        "website": publisher.website,
        "description": publisher.description,
        "sources": publisher.n_sources,
    }


@api.get(
    "/publishers",
    response={200: s.PublisherPage, **ERRORS},
    url_name="publishers",
    summary="Publishers of published sources",
    tags=["sources"],
)
@decorate_view(cached)
def list_publishers(request: HttpRequest, cursor: str | None = Cursor, limit: int = Limit):
    """Publishers with at least one published source, in id order. One query."""
    return keyset_page(public_publishers(), "publishers", {}, cursor, limit, publisher_out)


@api.get(
    "/publishers/{id}",
    response={200: s.PublisherOut, **ERRORS},
    url_name="publisher",
    summary="One publisher",
    tags=["sources"],
)
@decorate_view(cached)
def get_publisher(request: HttpRequest, id: int = IdPath):  # noqa: A002 - the path's name
    """The publisher; its sources: ``/sources?publisher={id}``."""
    publisher = public_publishers().filter(pk=id).first()
    if publisher is None:
        raise HttpError(404, "No publisher of a published source has this id.")
    return publisher_out(publisher)


# --- vocabularies --------------------------------------------------------------------------


@api.get(
    "/substances",
    response={200: list[s.SubstanceOut], **ERRORS},
    url_name="substances",
    summary="The substance vocabulary",
    tags=["vocabularies"],
)
@decorate_view(cached)
def list_substances(request: HttpRequest):
    """Every substance (a curated vocabulary: small), with aliases. One query."""
    return [
        {"slug": x.slug, "name": x.name, "aliases": x.aliases, "description": x.description}
        for x in Substance.objects.order_by("name")
    ]


@api.get(
    "/conditions",
    response={200: list[s.ConditionOut], **ERRORS},
    url_name="conditions",
    summary="The condition vocabulary, with its nesting",
    tags=["vocabularies"],
)
@decorate_view(cached)
def list_conditions(request: HttpRequest):
    """Every condition with aliases and the slug of its parent (filtering a parent includes its
    children). One query."""
    return [
        {
            "slug": x.slug,
            "name": x.name,
            "aliases": x.aliases,
            "description": x.description,
            "parent": x.parent.slug if x.parent else None,
        }
        for x in Condition.objects.select_related("parent").order_by("name")
    ]


__all__ = ["api"]
