"""The review screen: accept, reject, edit, link, create claims, add missed passages."""

import pytest
from django.urls import reverse

from claims.models import Claim, Mention

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def mention_of(source, words: str) -> Mention:
    return source.mentions.get(quote__contains=words)


def test_the_review_screen_highlights_each_suggestion_in_the_article(curator_client, draft):
    page = curator_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    for mention in draft.mentions.all():
        assert f'id="mark-{mention.pk}"' in page and f'id="card-{mention.pk}"' in page
    assert "js/review.js" in page and "Keyboard shortcuts" in page


def test_the_review_screen_costs_a_fixed_number_of_queries(
    curator_client, draft, django_assert_max_num_queries
):
    # Session, user, roles; source, mentions and their vocabularies; the likely claims (quotes,
    # claims and their vocabularies); counts; history with its substance and condition changes.
    url = reverse("curate:review", args=[draft.pk])
    with django_assert_max_num_queries(16):
        curator_client.get(url)
    big = draft.__class__.objects.get(title="Microdosing Therapy")  # 50+ mentions
    with django_assert_max_num_queries(16):
        assert curator_client.get(reverse("curate:review", args=[big.pk])).status_code == 200


def test_article_text_is_escaped(curator_client, curator):
    from claims.curation.ingest import ArticleMetadata, ingest_article

    text = "<script>alert(1)</script> Microdosing may improve mood in adults <b>a lot</b>."
    source = ingest_article(
        text=text, metadata=ArticleMetadata(title="X", source_type="news"), user=curator
    ).source
    page = curator_client.get(reverse("curate:review", args=[source.pk])).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_accepting_with_htmx_swaps_the_card_and_counts(curator_client, draft, curator):
    mention = mention_of(draft, "improve mood")
    response = curator_client.post(reverse("curate:accept", args=[mention.pk]), **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="card-{mention.pk}"' in html and "badge-accepted" in html
    assert 'id="review-counts"' in html and 'hx-swap-oob="true"' in html
    assert "<html" not in html
    mention.refresh_from_db()
    assert (mention.status, mention.reviewed_by) == ("accepted", curator)
    assert mention.reviewed_at is not None


def test_without_js_an_action_returns_to_the_next_suggestion(curator_client, draft):
    mentions = list(draft.mentions.order_by("start"))
    response = curator_client.post(reverse("curate:reject", args=[mentions[0].pk]))
    assert response.status_code == 302
    assert response.url == reverse("curate:review", args=[draft.pk]) + f"#card-{mentions[1].pk}"
    mentions[0].refresh_from_db()
    assert mentions[0].status == "rejected"


def test_undo_sends_a_decision_back_to_review(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    curator_client.post(reverse("curate:reject", args=[mention.pk]))
    curator_client.post(reverse("curate:reset", args=[mention.pk]))
    mention.refresh_from_db()
    assert mention.status == "suggested"


def test_editing_labels_saves_them_and_accepts(curator_client, draft):
    mention = mention_of(draft, "Users report")
    form = curator_client.get(reverse("curate:edit", args=[mention.pk]), **HX).content.decode()
    assert f'for="m{mention.pk}-certainty"' in form
    response = curator_client.post(
        reverse("curate:edit", args=[mention.pk]),
        {
            "kind": "benefit",
            "certainty": "anecdotal",
            "hedge_cues": "Users report",
            "evidence_cited": "anecdotal",
            "substances": ["lsd"],
            "conditions": ["focus-productivity"],
        },
        **HX,
    )
    assert response.status_code == 200
    mention.refresh_from_db()
    assert mention.certainty == "anecdotal" and mention.hedge_cues == ["users report"]
    assert mention.status == "accepted"
    assert [s.slug for s in mention.substances.all()] == ["lsd"]


def test_editing_with_bad_labels_is_a_clear_error_and_stores_nothing(curator_client, draft):
    mention = mention_of(draft, "Users report")
    before = (mention.certainty, mention.hedge_cues)
    response = curator_client.post(
        reverse("curate:edit", args=[mention.pk]),
        {
            "kind": "benefit",
            "certainty": "certain-ish",
            "hedge_cues": "perhaps",
            "evidence_cited": "none",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html and "not found: perhaps" in html
    mention.refresh_from_db()
    assert (mention.certainty, mention.hedge_cues) == before


def test_claim_search_finds_best_matches_first(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    response = curator_client.get(
        reverse("curate:claim-search", args=[mention.pk]), {"q": "improves mood"}, **HX
    )
    html = response.content.decode()
    assert response.status_code == 200
    first = html.index("<li>")
    assert "mood" in html[first : html.index("</li>", first)].lower()


def test_an_empty_search_suggests_claims_for_the_sentence(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    html = curator_client.get(
        reverse("curate:claim-search", args=[mention.pk]), {"q": ""}, **HX
    ).content.decode()
    assert 'value="microdosing-improves-mood"' in html


def test_search_without_js_shows_results_in_the_card(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    response = curator_client.get(
        reverse("curate:claim-search", args=[mention.pk]), {"q": "mood"}, follow=True
    )
    html = response.content.decode()
    assert "<h1>Review:" in html and 'value="microdosing-improves-mood"' in html


def test_linking_to_a_claim_accepts_the_mention(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    curator_client.post(
        reverse("curate:link", args=[mention.pk]), {"claim": "microdosing-improves-mood"}, **HX
    )
    mention.refresh_from_db()
    assert mention.claim.slug == "microdosing-improves-mood" and mention.status == "accepted"


def test_linking_to_an_unknown_claim_is_refused(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    response = curator_client.post(
        reverse("curate:link", args=[mention.pk]), {"claim": "no-such-claim"}, **HX
    )
    assert response.status_code == 400 and "does not exist" in response.content.decode()
    mention.refresh_from_db()
    assert mention.claim is None


def test_a_new_claim_takes_the_mentions_vocabulary(curator_client, draft):
    mention = mention_of(draft, "neuroplasticity")
    curator_client.post(
        reverse("curate:new-claim", args=[mention.pk]),
        {"statement": "Psilocybin  promotes   neuroplasticity", "kind": "mechanism"},
        **HX,
    )
    claim = Claim.objects.get(statement="Psilocybin promotes neuroplasticity")
    assert claim.slug == "psilocybin-promotes-neuroplasticity" and claim.grade == "not-assessed"
    assert set(claim.substances.all()) == set(mention.substances.all())
    mention.refresh_from_db()
    assert mention.claim == claim


def test_a_duplicate_new_claim_points_to_the_existing_one(curator_client, draft):
    existing = Claim.objects.get(slug="microdosing-improves-mood")
    mention = mention_of(draft, "improve mood")
    response = curator_client.post(
        reverse("curate:new-claim", args=[mention.pk]),
        {"statement": existing.statement.upper(), "kind": "benefit"},
        **HX,
    )
    assert response.status_code == 400 and "exists already" in response.content.decode()


def test_a_missed_passage_becomes_a_mention_by_offsets(curator_client, draft):
    sentence = "Some people experience anxiety after taking LSD."
    draft.mentions.filter(quote=sentence).delete()  # in case the extractor learns to see it
    start = draft.text.index(sentence)
    response = curator_client.post(
        reverse("curate:add-passage", args=[draft.pk]),
        {"passage": sentence, "start": start, "end": start + len(sentence)},
    )
    mention = draft.mentions.get(start=start)
    assert response.status_code == 302 and response.url.startswith(
        reverse("curate:edit", args=[mention.pk])
    )
    assert mention.quote == sentence and mention.status == "suggested"
    assert "lsd" in {s.slug for s in mention.substances.all()}


def test_a_pasted_passage_is_found_without_offsets(curator_client, draft):
    sentence = "The author wrote\n   this page in a week."
    curator_client.post(reverse("curate:add-passage", args=[draft.pk]), {"passage": sentence})
    assert draft.mentions.filter(quote="The author wrote this page in a week.").exists()


def test_a_passage_not_in_the_text_is_refused(curator_client, draft):
    before = draft.mentions.count()
    response = curator_client.post(
        reverse("curate:add-passage", args=[draft.pk]), {"passage": "Not in this article."}
    )
    assert response.status_code == 400 and "not in the article" in response.content.decode()
    assert draft.mentions.count() == before


def test_a_lost_mention_cannot_be_accepted(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    mention.anchor_lost = True
    mention.save()
    response = curator_client.post(reverse("curate:accept", args=[mention.pk]), **HX)
    assert response.status_code == 400 and "no longer in the article" in response.content.decode()


def test_the_queue_lists_sources_awaiting_review_oldest_first(curator_client, draft):
    html = curator_client.get(reverse("curate:queue")).content.decode()
    assert "Microdosing and mood" in html
    row = html[html.index("Microdosing and mood") :]
    assert f">{draft.mentions.count()}<" in row[: row.index("</tr>")]
    assert "Microdosing Therapy" not in html  # published and fully reviewed


def test_each_card_says_which_words_caused_its_labels(curator_client, draft):
    page = curator_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    card = page[page.index("Microdosing psilocybin may improve mood") :]
    why = card[card.index('class="why"') : card.index("</details>")]
    assert "<dt>certainty</dt><dd>“may”</dd>" in why
