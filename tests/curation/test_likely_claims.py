"""The review card proposes the existing claims a suggestion most likely makes, with why, and
records what the extractor suggested beside what the curator decides."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unlinked_suggestion_shows_likely_claims_with_reasons(curator_client, draft):
    mention = draft.mentions.get(quote__contains="improve mood")
    assert mention.claim is None
    page = curator_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    card = page[page.index(f'id="card-{mention.pk}"') :]
    card = card[: card.index('id="claim-results-')]
    assert "Claims this sentence most likely makes" in card
    assert card.count("Accept as: ") == 3
    assert 'value="microdosing-improves-mood"' in card
    assert "same condition" in card or "similar wording" in card


def test_linking_a_likely_claim_links_the_mention(curator_client, draft):
    mention = draft.mentions.get(quote__contains="improve mood")
    response = curator_client.post(
        reverse("curate:link", args=[mention.pk]), {"claim": "microdosing-improves-mood"}
    )
    assert response.status_code in (200, 302)
    mention.refresh_from_db()
    assert mention.claim.slug == "microdosing-improves-mood"


def test_ingest_records_the_extractor_suggestion(draft):
    mention = draft.mentions.get(quote__contains="improve mood")
    assert mention.suggested["is_claim"] is True
    assert mention.suggested["certainty"] == mention.certainty
    assert set(mention.suggested) >= {"kind", "substances", "conditions", "evidence_cited"}
