"""Accept as a likely claim (review keys 1, 2, 3): one action links a suggestion to one of the
claims it most likely makes and accepts it, with the same checks as accept and link."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.curation import actions
from claims.models import Claim, Mention
from sources.versioning import STALE_MESSAGE

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
MOOD = "microdosing-improves-mood"


def mention_of(source, words: str) -> Mention:
    return source.mentions.get(quote__contains=words)


def accept_as(client, mention, claim=MOOD, **extra):
    data = {"claim": claim, "version": mention.version}
    return client.post(reverse("curate:accept-as", args=[mention.pk]), data, **extra)


def card_of(page: str, mention: Mention) -> str:
    card = page[page.index(f'id="card-{mention.pk}"') :]
    return card[: card.index("</article>")]


def test_each_likely_claim_has_an_accept_as_button_with_its_key(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    page = curator_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    card = card_of(page, mention)
    for n in (1, 2, 3):
        form = card[card.index(f'data-action="accept-as-{n}"') :]
        form = form[: form.index("</form>")]
        assert f'name="version" value="{mention.version}"' in form
        assert "Accept as: " in form and f'<kbd aria-hidden="true">{n}</kbd>' in form
    assert 'data-action="accept-as-4"' not in card
    assert "<kbd>1</kbd> / <kbd>2</kbd> / <kbd>3</kbd>" in page  # the keyboard help


def test_it_links_and_accepts_in_one_step(curator_client, draft, curator):
    mention = mention_of(draft, "improve mood")
    response = accept_as(curator_client, mention, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "badge-accepted" in html and "Microdosing improves mood" in html
    assert 'id="review-counts"' in html and "not linked to a claim" not in html
    mention.refresh_from_db()
    assert (mention.status, mention.claim.slug, mention.reviewed_by) == ("accepted", MOOD, curator)
    assert mention.version == 2


def test_without_js_it_returns_to_the_next_suggestion(curator_client, draft):
    mentions = list(draft.mentions.order_by("start"))
    response = accept_as(curator_client, mentions[0])
    assert response.status_code == 302
    assert response.url == reverse("curate:review", args=[draft.pk]) + f"#card-{mentions[1].pk}"
    mentions[0].refresh_from_db()
    assert (mentions[0].status, mentions[0].claim.slug) == ("accepted", MOOD)


def test_it_refuses_a_stale_version_with_the_current_card(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    stale = Mention.objects.get(pk=mention.pk)
    actions.review_mention(mention=mention, status="rejected", user=None)  # someone else
    response = accept_as(curator_client, stale, **HX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this" in html and "badge-rejected" in html
    mention.refresh_from_db()
    assert (mention.status, mention.claim) == ("rejected", None)


def test_without_js_a_stale_version_is_a_message(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    stale = Mention.objects.get(pk=mention.pk)
    actions.review_mention(mention=mention, status="rejected", user=None)
    response = accept_as(curator_client, stale, follow=True)
    assert STALE_MESSAGE in response.content.decode()
    mention.refresh_from_db()
    assert mention.status == "rejected"


def test_it_refuses_a_claim_that_does_not_exist_and_a_lost_sentence(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    response = accept_as(curator_client, mention, claim="no-such-claim", **HX)
    assert response.status_code == 400 and "does not exist" in response.content.decode()
    mention.anchor_lost = True
    mention.save()
    response = accept_as(curator_client, mention, **HX)
    assert response.status_code == 400 and "no longer in the article" in response.content.decode()
    mention.refresh_from_db()
    assert (mention.status, mention.claim) == ("suggested", None)


def test_a_curator_cannot_accept_on_a_published_source(client, curator, editor, draft):
    actions.set_source_status(source=draft, status="published", user=editor)
    mention = mention_of(draft, "improve mood")
    client.force_login(curator)
    response = accept_as(client, mention, **HX)
    assert response.status_code == 403
    html = response.content.decode()
    assert f'id="card-{mention.pk}"' in html and "only an editor can change them" in html
    mention.refresh_from_db()
    assert (mention.status, mention.claim) == ("suggested", None)


def test_an_editors_accept_on_a_published_source_reaches_readers(client, editor, draft):
    actions.set_source_status(source=draft, status="published", user=editor)
    mention = mention_of(draft, "improve mood")
    claim_page = Claim.objects.get(slug=MOOD).get_absolute_url()
    assert "in healthy adults" not in Client().get(claim_page).content.decode()
    client.force_login(editor)
    assert accept_as(client, mention).status_code == 302
    assert "in healthy adults" in Client().get(claim_page).content.decode()
