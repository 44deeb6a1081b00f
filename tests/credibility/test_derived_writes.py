"""Every write of the curation screens ends by refreshing what derives from it, in the same
request: the overclaim flags of the mentions it changed and the credibility score of each source
it touched (claims.derived.refresh). Nothing is rescored behind a write's back any more, so a
score made stale on purpose (``update()``) shows whether a write refreshed its source."""

import pytest
from django.urls import reverse

from claims import credibility
from claims.labels import Certainty, Grade, ReviewStatus
from claims.models import Claim, Mention
from sources.models import Source

pytestmark = pytest.mark.django_db

THERAPY = "Microdosing Therapy"


def stale(source: Source) -> Source:
    """Store a wrong score, as if derived data had been forgotten."""
    Source.objects.filter(pk=source.pk).update(credibility_score=1)
    return source


def is_fresh(source: Source) -> bool:
    source.refresh_from_db()
    return source.credibility_score == credibility.assess(source).score != 1


@pytest.fixture
def therapy() -> Source:
    return stale(Source.objects.get(title=THERAPY))


def test_rejecting_an_accepted_mention_rescores_its_source(editor_client, therapy):
    mention = therapy.mentions.accepted().first()
    editor_client.post(reverse("curate:reject", args=[mention.pk]))
    assert is_fresh(therapy)


def test_sending_a_mention_back_to_review_rescores_its_source(editor_client, therapy):
    mention = therapy.mentions.accepted().first()
    editor_client.post(reverse("curate:reset", args=[mention.pk]))
    assert is_fresh(therapy)


def test_editing_an_overclaims_wording_clears_its_flag_and_rescores(editor_client, therapy):
    mention = therapy.mentions.filter(is_overclaim=True, certainty=Certainty.ESTABLISHED).first()
    editor_client.post(
        reverse("curate:edit", args=[mention.pk]),
        {"kind": mention.kind, "certainty": "anecdotal", "evidence_cited": "anecdotal"},
    )
    mention.refresh_from_db()
    assert mention.certainty == "anecdotal" and not mention.is_overclaim
    assert is_fresh(therapy)


def test_linking_a_mention_to_another_claim_reflags_it_and_rescores(editor_client, therapy):
    mention = therapy.mentions.filter(is_overclaim=True, certainty=Certainty.ESTABLISHED).first()
    high = Claim.objects.filter(grade=Grade.HIGH).exclude(pk=mention.claim_id).first()
    editor_client.post(reverse("curate:link", args=[mention.pk]), {"claim": high.slug})
    mention.refresh_from_db()
    assert mention.claim == high
    assert is_fresh(therapy)


def test_creating_a_claim_for_a_mention_rescores_its_source(editor_client, therapy):
    mention = therapy.mentions.accepted().first()
    editor_client.post(
        reverse("curate:new-claim", args=[mention.pk]),
        {"statement": "A claim nobody made before", "kind": mention.kind},
    )
    assert Mention.objects.get(pk=mention.pk).claim.statement == "A claim nobody made before"
    assert is_fresh(therapy)


def test_publishing_and_unpublishing_refresh_the_source(editor_client, therapy):
    url = reverse("curate:publish", args=[therapy.pk])
    editor_client.post(url, {"action": "unpublish"})
    assert is_fresh(therapy)
    stale(therapy)
    editor_client.post(url, {"action": "publish"})
    assert is_fresh(therapy)


def test_grading_a_claim_reflags_its_mentions_and_rescores_their_sources(editor_client):
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    sources = list(Source.objects.filter(mentions__claim=claim).distinct())
    editor_client.post(
        reverse("curate:grade", args=[claim.slug]),
        {"grade": Grade.VERY_LOW, "grade_rationale": "No trial tests it."},
    )
    confident = claim.mentions.filter(certainty=Certainty.ESTABLISHED)
    assert confident.exists() and not confident.filter(is_overclaim=False).exists()
    for source in sources:
        source.refresh_from_db()
        assert source.credibility_score == credibility.assess(source).score


def test_merging_claims_rescores_the_sources_whose_mentions_moved(editor_client):
    duplicate = Claim.objects.filter(mentions__isnull=False).order_by("pk").first()
    target = Claim.objects.exclude(pk=duplicate.pk).filter(grade=Grade.HIGH).first()
    sources = [stale(s) for s in Source.objects.filter(mentions__claim=duplicate).distinct()]
    response = editor_client.post(
        reverse("curate:merge", args=[target.slug]), {"duplicate": duplicate.slug}
    )
    assert response.status_code == 302
    assert all(is_fresh(source) for source in sources)


def test_re_importing_an_article_rescores_it(client, curator, editor, therapy):
    """Therapy is published: the new text waits for an editor, and publishing it rescores."""
    therapy.url = "https://example.org/therapy"
    therapy.save()
    stale(therapy)
    text = therapy.text + "\n\nPsilocybin may ease anxiety in adults, users report."
    client.force_login(curator)
    response = client.post(
        reverse("curate:add"),
        {"title": therapy.title, "url": therapy.url, "source_type": "news", "text": text},
    )
    assert response.status_code == 302
    client.force_login(editor)
    revision = therapy.revisions.get()
    response = client.post(
        reverse("curate:revision-decide", args=[revision.pk]), {"action": "publish"}
    )
    assert response.status_code == 302
    assert is_fresh(therapy)


def test_a_write_that_only_saves_a_model_refreshes_nothing(therapy):
    mention = therapy.mentions.accepted().first()
    mention.status = ReviewStatus.REJECTED
    mention.save()
    therapy.refresh_from_db()
    assert therapy.credibility_score == 1  # no signal rescored it
