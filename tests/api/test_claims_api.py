"""/api/claims, /api/claims/facets and /api/claims/{slug}: the browser's claims, filters and
facets as JSON, paginated by cursor, a fixed number of queries per page."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from claims import readmodel
from claims.filters import ClaimFilter
from claims.models import Claim, Mention
from sources.models import Source, SourceStatus

pytestmark = pytest.mark.django_db


def results_for(filterset: ClaimFilter) -> list[Claim]:
    """The browser's claims in its order (from the read model's cards)."""
    return [card.claim for card in filterset.claims().select_related("claim")]


def all_pages(client, url: str, params: dict) -> list[dict]:
    """Follow next_cursor to the end; returns every result in order."""
    results, cursor = [], None
    for _ in range(100):
        response = client.get(url, {**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.content
        body = response.json()
        results += body["results"]
        cursor = body["next_cursor"]
        if cursor is None:
            return results
    raise AssertionError("the cursor never ended")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "condition=depression",
        "condition=depression&grade=low",
        "substance=lsd&substance=cbd",
        "certainty=anecdotal&kind=benefit",
        "overclaim=true&source_type=wellness_blog",
        "q=default+mode+network",
        "sort=statement",
        "sort=grade&condition=anxiety",
    ],
)
def test_it_lists_the_browsers_claims_in_the_browsers_order(client, query):
    expected = [c.slug for c in results_for(ClaimFilter(QueryDict(query)))]
    params = QueryDict(query)
    got = all_pages(client, "/api/claims", {**dict(params.lists()), "limit": 3})
    assert [c["slug"] for c in got] == expected


def test_the_cursor_walks_every_claim_once_whatever_the_page_size(client):
    small = [c["slug"] for c in all_pages(client, "/api/claims", {"limit": 3})]
    large = [c["slug"] for c in all_pages(client, "/api/claims", {"limit": 100})]
    assert small == large
    assert len(small) == len(set(small)) == Claim.objects.public().count()


def test_a_claim_row_has_its_grade_sources_and_certainty_spread(client):
    body = client.get("/api/claims", {"condition": "depression", "limit": 50}).json()
    row = next(c for c in body["results"] if c["slug"] == "microdosing-reduces-depression")
    mentions = Mention.objects.public().filter(claim__slug="microdosing-reduces-depression")
    assert row["grade"] == "low"
    assert row["source_count"] == mentions.values("source").distinct().count()
    assert sum(row["certainty"].values()) == row["mention_count"] == mentions.count()
    assert "depression" in row["conditions"]
    assert row["html_url"].endswith("/claims/microdosing-reduces-depression/")
    assert body["count"] == len(results_for(ClaimFilter(QueryDict("condition=depression"))))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("condition=no-such-thing", "condition: there is no “no-such-thing”."),
        ("substance=unicorn-dust", "substance: there is no “unicorn-dust”."),
        ("source=999999", "source: there is no “999999”."),
        ("cursor=not-a-cursor", "This cursor is not valid"),
    ],
)
def test_a_value_it_cannot_use_is_a_400_that_says_which(client, query, message):
    response = client.get(f"/api/claims?{query}")
    assert response.status_code == 400
    assert message in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "grade=excellent",
        "certainty=sure",
        "limit=0",
        "limit=101",
        "limit=abc",
        "source=-1",
        "source=99999999999999999999",
        "overclaim=maybe",
        "sort=sideways",
        "condition=%3Cscript%3E",
        "q=" + "x" * 201,
    ],
)
def test_malformed_parameters_are_a_422_naming_the_parameter(client, query):
    response = client.get(f"/api/claims?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_a_nul_character_in_the_search_is_refused_not_a_crash(client):
    assert client.get("/api/claims", {"q": "mood\x00"}).status_code == 400


def test_a_cursor_only_works_with_the_filters_it_was_made_for(client):
    cursor = client.get("/api/claims", {"kind": "benefit", "limit": 2}).json()["next_cursor"]
    assert client.get("/api/claims", {"kind": "benefit", "cursor": cursor}).status_code == 200
    other = client.get("/api/claims", {"kind": "risk", "cursor": cursor})
    assert other.status_code == 400
    assert "other filters" in other.json()["detail"]


def test_facets_are_the_browsers_facet_counts(client):
    query = "condition=depression&certainty=possible"
    expected = {
        f["name"]: {o["value"]: o["count"] for o in f["options"]}
        for f in ClaimFilter(QueryDict(query)).facets()
    }
    body = client.get(f"/api/claims/facets?{query}").json()
    assert {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in body} == expected
    certainty = next(f for f in body if f["name"] == "certainty")
    assert [o["value"] for o in certainty["options"] if o["selected"]] == ["possible"]


def test_a_claim_comes_with_every_public_mention_and_the_consensus(client):
    body = client.get("/api/claims/microdosing-reduces-depression").json()
    public = Mention.objects.public().filter(claim__slug="microdosing-reduces-depression")
    assert {m["id"] for m in body["mentions"]} == set(public.values_list("pk", flat=True))
    mention = body["mentions"][0]
    assert {"quote", "start", "end", "certainty", "hedge_cues", "evidence_cited"} <= set(mention)
    assert {"cites_named_study", "is_overclaim", "substances", "conditions"} <= set(mention)
    consensus = body["consensus"]
    assert consensus["mention_count"] == public.count()
    assert consensus["source_count"] == body["source_count"]
    assert sum(consensus["certainty"].values()) == public.count()
    assert body["grade_rationale"]
    assert body["claimreview_url"].endswith(
        "/api/claims/microdosing-reduces-depression/claimreview"
    )


def test_a_contradicting_source_is_named_in_the_consensus(client):
    # A benefit claim is contradicted by an efficacy-null mention linked to it.
    mention = Mention.objects.public().filter(claim__slug="microdosing-reduces-depression").first()
    Mention.objects.filter(pk=mention.pk).update(kind="efficacy-null")
    body = client.get("/api/claims/microdosing-reduces-depression").json()
    contradictions = body["consensus"]["contradictions"]
    assert [c["mention"] for c in contradictions] == [mention.pk]
    assert contradictions[0]["source"] == mention.source_id


def test_unknown_and_unpublished_claims_are_404(client):
    assert client.get("/api/claims/no-such-claim").status_code == 404
    slug = "microdosing-reduces-depression"
    Source.objects.update(status=SourceStatus.DRAFT)
    readmodel.refresh_sources(Source.objects.values_list("pk", flat=True))  # update() bypassed it
    response = client.get(f"/api/claims/{slug}")
    assert response.status_code == 404
    assert response.json() == {"detail": "No published claim has this slug."}
    assert client.get("/api/claims").json()["count"] == 0


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # count, page of claims with their statistics, substances, conditions
        ("/api/claims?q=mood", 4),
        # + the condition slug checked (the read model needs no condition tree)
        ("/api/claims?condition=depression", 5),
        ("/api/claims?condition=depression&substance=psychedelics-general&certainty=possible", 6),
        # mentions, their substances, their conditions
        ("/api/mentions", 3),
        ("/api/mentions?condition=depression", 4),
        ("/api/sources", 1),
        ("/api/publishers", 1),
    ],
)
def test_a_page_costs_the_same_queries_at_any_size(client, url, queries):
    for limit in (3, 50):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"{url}{'&' if '?' in url else '?'}limit={limit}")
        assert response.status_code == 200
        assert len(response.json()["results"]) > 1
        assert len(ctx.captured_queries) == queries, (limit, ctx.captured_queries)
