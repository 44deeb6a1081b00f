"""Reader pages for sources: the list and an article with its claims highlighted in place."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import source_views
from claims.labels import Certainty, ClaimKind, ReviewStatus
from claims.models import Claim, Mention
from sources.models import Source, SourceStatus, SourceType

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Intro <script>alert('x')</script> & more.\n\n"
    "Psilocybin may <b>reduce</b> anxiety.\nSecond line of the same paragraph."
)


@pytest.fixture
def hostile_source():
    source = Source.objects.create(
        title="Hostile <i>article</i>",
        text=HOSTILE,
        source_type=SourceType.FORUM_QA,
        status=SourceStatus.PUBLISHED,
    )
    quote = "Psilocybin may <b>reduce</b> anxiety."
    start = source.text.index(quote)
    claim = Claim.objects.get(slug="microdosing-reduces-anxiety")
    mention = Mention.objects.create(
        source=source,
        claim=claim,
        quote=quote,
        start=start,
        end=start + len(quote),
        kind=ClaimKind.BENEFIT,
        certainty=Certainty.POSSIBLE,
        hedge_cues=["may"],
        status=ReviewStatus.ACCEPTED,
    )
    return source, mention


def test_the_source_list_shows_published_sources_with_claims_and_credibility(client, monkeypatch):
    monkeypatch.setattr(source_views, "PAGE_SIZE", 100)  # every demo source on one page
    html = client.get("/sources/").content.decode()
    for source in Source.objects.published():
        assert source.title in html
    assert "not scored" in html or "Credibility" in html


def test_the_source_list_hides_drafts(client):
    Source.objects.create(title="A draft nobody sees", text="x y z", source_type=SourceType.NEWS)
    assert "A draft nobody sees" not in client.get("/sources/").content.decode()


@pytest.mark.parametrize("sort", ["title", "credibility", "recent", "nonsense"])
def test_the_source_list_sorts_and_ignores_an_unknown_sort(client, sort):
    assert client.get("/sources/", {"sort": sort}).status_code == 200


def test_the_source_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # The sources with their counts, and their credibility breakdowns in one more query.
    Source.objects.create(
        title="Another",
        text="more words",
        source_type=SourceType.NEWS,
        status=SourceStatus.PUBLISHED,
    )
    with django_assert_max_num_queries(2):
        client.get("/sources/")


def test_the_source_page_highlights_each_mention_with_a_link_to_its_claim(client):
    source = Source.objects.get(
        title="Exploring Microdosing: Therapeutic Applications and Clinical Insights"
    )
    mentions = Mention.objects.public().filter(source=source)
    html = client.get(source.get_absolute_url()).content.decode()
    marked = {m.pk for m in mentions if f'id="mention-{m.pk}"' in html}
    # Sentences linked to two claims share one mark; every other mention has its own.
    spans = {(m.start, m.end) for m in mentions}
    assert len(marked) == len(spans)
    assert 'href="/claims/microdosing-dose-sub-perceptual/"' in html
    assert 'role="tooltip"' in html


def test_the_source_page_escapes_the_article_text(client, hostile_source):
    source, mention = hostile_source
    html = client.get(source.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more." in html
    assert "<b>reduce</b>" not in html
    assert f'id="mention-{mention.pk}"' in html
    assert "Psilocybin may &lt;b&gt;reduce&lt;/b&gt; anxiety.</a>" in html
    assert "Hostile &lt;i&gt;article&lt;/i&gt;" in html
    # Blank lines make paragraphs; a single newline does not.
    assert html.count("<p>Intro") == 1 and "<p>Second line" not in html


def test_the_claim_page_escapes_quotes_while_highlighting_cues(client, hostile_source):
    html = client.get("/claims/microdosing-reduces-anxiety/").content.decode()
    assert 'Psilocybin <mark class="hedge">may</mark> &lt;b&gt;reduce&lt;/b&gt; anxiety.' in html


def test_a_draft_source_is_not_found(client):
    draft = Source.objects.create(title="Draft", text="draft text", source_type=SourceType.NEWS)
    assert client.get(draft.get_absolute_url()).status_code == 404


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_source_page_runs_a_fixed_number_of_queries(client, hostile_source):
    # 66 mentions (002) against the single mention of the hostile source: the same queries.
    many = queries_for(client, Source.objects.get(title="Microdosing").get_absolute_url())
    one = queries_for(client, hostile_source[0].get_absolute_url())
    assert many == one <= 6


@pytest.mark.parametrize("path", ["/sources/99999999999999999999/", "/sources/0/"])
def test_an_id_that_cannot_exist_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_source_list_is_paginated_keeping_the_sort(
    client, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(source_views, "PAGE_SIZE", 1)
    titles = list(Source.objects.published().order_by("title").values_list("title", flat=True))
    assert len(titles) > 1
    with django_assert_max_num_queries(2):
        html = client.get("/sources/", {"page": 2}).content.decode()
    assert titles[1] in html and titles[0] not in html
    assert f"Page 2 of {len(titles)}" in html
    assert '?sort=title&amp;page=1" rel="prev"' in html
    html = client.get("/sources/", {"page": 999, "sort": "credibility"}).content.decode()
    assert f"Page {len(titles)} of {len(titles)}" in html
    assert client.get("/sources/", {"page": "x"}).status_code == 200


def test_the_source_list_links_its_pages_keeping_the_sort(client, monkeypatch):
    monkeypatch.setattr(source_views, "PAGE_SIZE", 2)
    total = Source.objects.published().count()
    html = client.get("/sources/", {"sort": "title", "page": 2}).content.decode()
    assert f"Page 2 of {-(-total // 2)} ({total} sources)" in html
    assert 'href="?sort=title&amp;page=1" rel="prev"' in html
    assert 'href="?sort=title&amp;page=3" rel="next"' in html
