"""What a sentence names (studies, authors, institutions, journals) is stored per mention as spans
of its quote, filled at ingest and by load_demo, and listed on the review card and source page."""

import pytest
from django.urls import reverse

from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.extraction import named_studies
from claims.models import Mention

pytestmark = pytest.mark.django_db

SENTENCE = (
    "A trial by Barrett et al. (2021) at Johns Hopkins University found that psilocybin "
    "may reduce depression."
)


def test_the_extractor_returns_spans_of_the_quote():
    found = named_studies(SENTENCE)
    assert [f["text"] for f in found] == ["Barrett et al. (2021)", "Johns Hopkins University"]
    for f in found:
        assert SENTENCE[f["start"] : f["end"]] == f["text"]
    assert named_studies("Psilocybin may reduce depression.") == []


def test_ingest_stores_what_each_sentence_names(curator):
    source = ingest_article(
        text=f"Psilocybin and mood\n\n{SENTENCE} Psilocybin may also improve sleep.\n",
        metadata=ArticleMetadata(title="Psilocybin and mood", source_type="news"),
        user=curator,
    ).source
    named = source.mentions.get(quote__contains="Barrett")
    assert [n["text"] for n in named.named_studies] == [
        "Barrett et al. (2021)",
        "Johns Hopkins University",
    ]
    assert source.mentions.get(quote__contains="sleep").named_studies == []


def test_load_demo_fills_them_for_the_demo_articles():
    mention = Mention.objects.get(quote__contains="Barrett et al.")
    assert "Barrett et al. (2021)" in mention.named_study_texts


def test_the_review_card_lists_them_escaped(curator_client, curator):
    text = (
        "Notes\n\nResearchers at the <b>Imperial</b> College London found that microdosing "
        "psilocybin may improve mood, according to Barrett et al. (2021).\n"
    )
    source = ingest_article(
        text=text,
        metadata=ArticleMetadata(title="Notes", source_type="news"),
        user=curator,
    ).source
    mention = source.mentions.get()
    mention.named_studies = [{"start": 0, "end": 5, "text": "<script>x</script>"}, "junk"]
    mention.save()
    page = curator_client.get(reverse("curate:review", args=[source.pk])).content.decode()
    assert "<dt>Names</dt>" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page


def test_the_source_page_lists_what_its_claims_name(client):
    mention = Mention.objects.get(quote__contains="Barrett et al.")
    page = client.get(mention.source.get_absolute_url()).content.decode()
    section = page[page.index('id="named-heading"') :]
    assert "<strong>Barrett et al. (2021)</strong>" in section
    assert mention.claim.statement in section
