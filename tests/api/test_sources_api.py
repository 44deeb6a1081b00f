"""/api/mentions, /api/sources, /api/publishers and the vocabularies: published content only."""

import pytest

from claims.labels import ReviewStatus
from claims.models import Condition, Mention, Substance
from sources.models import Publisher, Source, SourceStatus

pytestmark = pytest.mark.django_db


def every(client, url: str, **params) -> list[dict]:
    results, cursor = [], None
    while True:
        body = client.get(url, {**params, **({"cursor": cursor} if cursor else {})}).json()
        results += body["results"]
        cursor = body["next_cursor"]
        if cursor is None:
            return results


def test_mentions_are_every_public_mention_once(client):
    ids = [m["id"] for m in every(client, "/api/mentions", limit=7)]
    assert ids == sorted(Mention.objects.public().values_list("pk", flat=True))


def test_mentions_take_the_browsers_filters(client):
    got = every(client, "/api/mentions", condition="depression", certainty="anecdotal", limit=50)
    expected = set(
        Mention.objects.public()
        .filter(conditions__slug__in=["depression", "treatment-resistant-depression"])
        .filter(certainty="anecdotal")
        .values_list("pk", flat=True)
    )
    assert {m["id"] for m in got} == expected
    assert all(m["certainty"] == "anecdotal" for m in got)


def test_a_mention_carries_its_quote_offsets_and_labels(client):
    mention = Mention.objects.public().exclude(hedge_cues=[]).first()
    body = client.get(f"/api/mentions/{mention.pk}").json()
    source = Source.objects.get(pk=mention.source_id)
    assert source.text[body["start"] : body["end"]] == body["quote"] == mention.quote
    assert body["hedge_cues"] == mention.hedge_cues
    assert body["certainty"] == mention.certainty
    assert body["evidence_cited"] == mention.evidence_cited
    assert body["cites_named_study"] == mention.cites_named_study
    assert body["claim"] == mention.claim.slug
    assert body["source"]["id"] == mention.source_id


def test_rejected_mentions_and_drafts_stay_out(client):
    rejected = Mention.objects.public().first()
    Mention.objects.filter(pk=rejected.pk).update(status=ReviewStatus.REJECTED)
    assert client.get(f"/api/mentions/{rejected.pk}").status_code == 404
    draft = Source.objects.published().exclude(pk=rejected.source_id).first()
    Source.objects.filter(pk=draft.pk).update(status=SourceStatus.DRAFT)
    assert client.get(f"/api/sources/{draft.pk}").status_code == 404
    ids = {m["id"] for m in every(client, "/api/mentions", limit=100)}
    assert rejected.pk not in ids
    assert not ids & set(draft.mentions.values_list("pk", flat=True))
    assert draft.pk not in {s["id"] for s in every(client, "/api/sources")}


def test_a_source_comes_with_its_credibility_breakdown(client):
    source = Source.objects.published().exclude(credibility_score=None).first()
    body = client.get(f"/api/sources/{source.pk}").json()
    credibility = body["credibility"]
    assert credibility["score"] == source.credibility_score == body["credibility_score"]
    assert credibility["band"]["label"] == body["credibility_band"]
    keys = {item["key"] for item in credibility["items"]}
    assert {"authorship", "claim_sources", "named_study", "overclaim_rate"} <= keys
    points = sum(item["points"] or 0 for item in credibility["items"])
    assert round(points) == credibility["score"]
    assert sum(bar["count"] for bar in credibility["certainty_profile"]) == credibility["mentions"]


def test_sources_filter_by_publisher_and_type(client):
    publisher = Publisher.objects.filter(sources__status=SourceStatus.PUBLISHED).first()
    got = every(client, "/api/sources", publisher=publisher.pk)
    assert {s["id"] for s in got} == set(
        Source.objects.published().filter(publisher=publisher).values_list("pk", flat=True)
    )
    government = every(client, "/api/sources", source_type="government")
    assert {s["id"] for s in government} == set(
        Source.objects.published().filter(source_type="government").values_list("pk", flat=True)
    )
    assert every(client, "/api/sources", source_type="forum_qa") == []


def test_publishers_are_those_of_published_sources(client):
    hidden = Publisher.objects.create(name="Only drafts here")
    body = client.get("/api/publishers").json()
    names = {p["name"] for p in body["results"]}
    assert "Only drafts here" not in names
    assert names == set(
        Publisher.objects.filter(sources__status=SourceStatus.PUBLISHED).values_list(
            "name", flat=True
        )
    )
    assert client.get(f"/api/publishers/{hidden.pk}").status_code == 404
    first = body["results"][0]
    assert client.get(f"/api/publishers/{first['id']}").json() == first


def test_vocabularies_list_aliases_and_nesting(client):
    substances = client.get("/api/substances").json()
    assert len(substances) == Substance.objects.count()
    psilocybin = next(s for s in substances if s["slug"] == "psilocybin")
    assert "magic mushrooms" in [a.lower() for a in psilocybin["aliases"]]
    conditions = {c["slug"]: c for c in client.get("/api/conditions").json()}
    assert len(conditions) == Condition.objects.count()
    assert conditions["treatment-resistant-depression"]["parent"] == "depression"
    assert conditions["depression"]["parent"] is None
