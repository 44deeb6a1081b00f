"""Review screen fixes: unlinked accepts are announced, the history shows vocabulary changes, the
"why" panel shows whole words only, and "create a new claim" comes prefilled."""

import re

import pytest
from django.urls import reverse

from claims.curation.prefill import draft_statement
from claims.curation.views import UNLINKED_NOTICE, explain_lines
from claims.extraction import Vocabulary, extract
from claims.models import Claim, Condition, Substance

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def mention_of(source, words):
    return source.mentions.get(quote__contains=words)


def history_of(client, source):
    html = client.get(reverse("curate:review", args=[source.pk])).content.decode()
    return html[html.index('class="history"') :]


def test_an_unlinked_accept_says_the_mention_stays_unlinked(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    response = curator_client.post(reverse("curate:accept", args=[mention.pk]), **HX)
    html = response.content.decode()
    assert 'id="review-notice"' in html and 'hx-swap-oob="true"' in html
    assert "Accepted, but not linked to a claim" in html
    assert f'data-card-link="card-{mention.pk}"' in html


def test_without_js_an_unlinked_accept_leaves_a_message(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    response = curator_client.post(reverse("curate:accept", args=[mention.pk]), follow=True)
    assert UNLINKED_NOTICE in response.content.decode()


def test_a_linked_accept_has_no_notice(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    mention.claim = Claim.objects.get(slug="microdosing-improves-mood")
    mention.save()
    response = curator_client.post(reverse("curate:accept", args=[mention.pk]), **HX)
    html = response.content.decode()
    assert "not linked to a claim" not in html
    assert (
        '<div id="review-notice" class="review-notice" role="status" hx-swap-oob="true"></div>'
        in html
    )


def test_the_history_shows_substance_and_condition_changes(curator_client, draft):
    mention = mention_of(draft, "Users report")
    before = history_of(curator_client, draft)
    curator_client.post(
        reverse("curate:edit", args=[mention.pk]),
        {
            "kind": "benefit",
            "certainty": "anecdotal",
            "hedge_cues": "Users report",
            "evidence_cited": "anecdotal",
            "substances": ["lsd", "psilocybin"],
            "conditions": ["creativity"],
        },
    )
    history = history_of(curator_client, draft)
    assert history != before
    entry = history[: history.index("</ul>", history.index("cora</strong> changed Mention"))]
    # One line for the whole edit: the added and the removed entries, by name.
    assert entry.count("cora</strong> changed Mention") == 1
    assert "substances: <del>—</del> → <ins>Psilocybin</ins>" in entry
    assert re.search(r"conditions: <del>[^<]*</del> → <ins>Creativity</ins>", entry)


def test_a_created_mention_lists_its_vocabulary_in_the_history(curator_client, draft):
    history = history_of(curator_client, draft)
    assert "cora</strong> created Mention “Microdosing psilocybin may improve mood" in history
    assert "substances: <del>—</del> → <ins>Psilocybin" in history


def test_the_why_panel_shows_no_fragments(draft):
    mention = mention_of(draft, "improve mood")
    text = draft.text
    start = mention.start
    word = text.index("mood", start)
    mention.explain = {
        "claim_kind": [[word, word + 1]],  # "m": a fragment of a word
        "certainty": [[text.index("may", start), text.index("may", start) + 3]],
        "substance:psychedelics-general": [[start, start]],  # empty
        "conditions": [[word, word + 4], "junk", [word, "x"]],
    }
    lines = dict(explain_lines(mention, text))
    assert lines == {"certainty": "may", "conditions": "mood"}


def test_the_extractor_explains_kinds_with_whole_words(draft):
    text = "Microdosing psilocybin may reduce depression and anxiety in adults.\n"
    (analysis,) = extract(text, Vocabulary.from_database())
    for spans in analysis.explain.values():
        for start, end in spans:
            if end > start:  # an empty span means "from the context", never shown
                assert text[start - 1 : start].strip(" .,") == "" or start == 0, text[start:end]
                assert not text[end : end + 1].isalnum(), text[start:end]


def test_every_why_line_on_a_demo_article_is_whole_words(curator_client):
    source = Claim.objects.get(slug="microdosing-improves-mood").mentions.first().source
    page = curator_client.get(reverse("curate:review", args=[source.pk])).content.decode()
    for panel in re.findall(r'<details class="why">(.*?)</details>', page, re.S):
        for words in re.findall(r"<dd>“(.*?)”</dd>", panel):
            for part in words.split(" · "):
                assert sum(ch.isalnum() for ch in part) >= 2, part


def test_a_new_claim_is_prefilled_from_the_labels(curator_client, draft):
    mention = mention_of(draft, "improve mood")
    mention.substances.set([Substance.objects.get(slug="psilocybin")])
    mention.conditions.set(Condition.objects.filter(slug__in=["depression", "safety-general"]))
    mention.kind = "benefit"
    assert draft_statement(mention) == "Microdosing psilocybin helps with depression"
    mention.kind = "risk"
    assert draft_statement(mention) == "Microdosing psilocybin carries risks, including depression"
    mention.kind = "efficacy-null"
    assert draft_statement(mention).endswith("is no better than placebo for depression")
    mention.conditions.set([])
    mention.kind = "mechanism"
    assert draft_statement(mention) == "Microdosing psilocybin acts on the brain"
    mention.save()
    page = curator_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    assert f'id="statement-{mention.pk}"' in page
    assert 'value="Microdosing psilocybin acts on the brain"' in page


def test_the_prefilled_claim_is_created_with_the_mentions_vocabulary(curator_client, draft):
    mention = mention_of(draft, "thought to promote neuroplasticity")
    statement = draft_statement(mention)
    response = curator_client.post(
        reverse("curate:new-claim", args=[mention.pk]),
        {"statement": statement, "kind": mention.kind},
        **HX,
    )
    assert response.status_code == 200
    claim = Claim.objects.get(statement=statement)
    assert set(claim.substances.all()) == set(mention.substances.all())
    assert set(claim.conditions.all()) == set(mention.conditions.all())
