"""Reader pages for claims: the browser, a claim, a condition, a substance, the home page."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from claims import readmodel, views
from claims.filters import ClaimFilter
from claims.models import Claim, Mention
from sources.models import Source

pytestmark = pytest.mark.django_db

BROWSER = "/claims/"


def test_the_browser_lists_claims_with_grade_sources_and_hedging(client):
    response = client.get(BROWSER, {"kind": "dosing"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 claims" in html
    assert "Microdosing means taking" in html or "sub-perceptual" in html.lower()
    assert "established" in html  # the certainty spread, written out
    assert 'class="grade grade-' in html


def test_htmx_requests_get_only_the_results_fragment(client):
    response = client.get(BROWSER, {"kind": "dosing"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "4 claims" in html
    assert "<html" not in html and 'id="id_q"' not in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    html = client.get(BROWSER, {"kind": "dosing"}, headers=headers).content.decode()
    assert "<html" in html and "4 claims" in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=99999999999999999999",
        "page=-3",
        "grade=zzz",
        "condition=no-such-condition",
        "substance=%3Cscript%3E",
        "source=abc",
        "source=999999",
        "source=99999999999999999999&condition=depression",
        "source=-5",
        "certainty=sure",
        "sort=sideways",
        "overclaim=maybe",
        "q=" + "x" * 500,
        "q=%22unclosed&q=or+or+-",
    ],
)
def test_bad_input_never_breaks_the_page(client, query):
    response = client.get(f"{BROWSER}?{query}")
    assert response.status_code == 200
    assert b'id="id_q"' in response.content  # the form is still there


def test_bad_input_is_explained(client):
    html = client.get(BROWSER, {"page": "abc", "grade": "zzz", "condition": "nope"}).content
    html = html.decode()
    assert "“abc” is not a page number" in html
    assert "no grade zzz" in html
    assert "There is no nope here" in html


def test_a_page_past_the_end_shows_the_last_page_and_says_so(client):
    html = client.get(BROWSER, {"page": "999"}).content.decode()
    assert "There is no page 999" in html


def test_search_highlights_the_matching_words_and_escapes_the_query(client):
    html = client.get(BROWSER, {"q": "default mode network <b>"}).content.decode()
    assert "<b>" not in html.replace("<body", "")
    html = client.get(BROWSER, {"q": "network"}).content.decode()
    assert "<mark>network</mark>" in html.lower() or "<mark>networks</mark>" in html.lower()


def test_the_browser_runs_a_fixed_number_of_queries_whatever_the_page_size(
    client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    with django_assert_num_queries(BROWSER_QUERIES):
        client.get(BROWSER, {"condition": "depression", "kind": "benefit"})
    monkeypatch.setattr(views, "PAGE_SIZE", 100)
    caches[settings.READER_CACHE].clear()  # render it again, not from the server's cache
    with django_assert_num_queries(BROWSER_QUERIES):
        client.get(BROWSER, {"condition": "depression", "kind": "benefit"})


def test_a_page_asked_for_again_comes_from_the_server_cache_until_a_publishing_write(
    client, django_assert_num_queries
):
    query = {"condition": "depression", "kind": "benefit"}
    first = client.get(BROWSER, query)
    with django_assert_num_queries(1):  # the knowledge-base version, nothing else
        again = client.get(BROWSER, query)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]

    claim = ClaimFilter(QueryDict("condition=depression&kind=benefit")).claims().first()
    Claim.objects.filter(pk=claim.claim_id).update(statement="A statement changed just now")
    readmodel.refresh_claims([claim.claim_id])
    fresh = client.get(BROWSER, query)
    assert fresh["ETag"] != first["ETag"]
    assert "A statement changed just now" in fresh.content.decode()
    assert "A statement changed just now" not in first.content.decode()


def test_a_search_adds_two_queries_for_the_snippets(client, django_assert_num_queries):
    # With a third filter no facet has only one filter value to apply: instead of the pair
    # counts, the chosen facets are counted in one query beside the one for all the others.
    with django_assert_num_queries(BROWSER_QUERIES + 2):
        client.get(BROWSER, {"q": "depression", "condition": "depression", "kind": "benefit"})


# The knowledge-base version (ETag), validating the condition slugs, the page of cards with their
# claims, their substances, the two chosen facets' counts (each has one filter value to apply:
# one query of the stored pair counts), the count with every other facet and the source facet's
# top sources (one query reading the matching rows once), the condition and substance
# vocabularies naming the options, and the top sources' titles.
BROWSER_QUERIES = 9


def test_the_claim_page_shows_every_mention_side_by_side(client):
    claim = Claim.objects.get(slug="microdosing-reduces-anxiety")
    mentions = Mention.objects.public().filter(claim=claim)
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert claim.statement in html
    assert claim.get_grade_display() in html
    assert html.count('class="mention-card"') == mentions.count()
    assert "not scored" in html or "Credibility" in html


def test_the_claim_page_highlights_hedge_cues(client):
    # 001: "Proponents argue that microdosing can lead to improved mood, …" (cue: proponents argue)
    html = client.get(reverse("claims:claim-detail", args=["microdosing-improves-mood"])).content
    assert '<mark class="hedge">Proponents argue</mark>' in html.decode()


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_claim_page_runs_a_fixed_number_of_queries(client):
    # 24 mentions in 5 sources against 2 mentions in 1 source (003): the same queries, at most 8.
    many = queries_for(client, "/claims/microdosing-reduces-depression/")
    one = queries_for(client, "/claims/psilocybin-full-dose-treats-depression/")
    assert many == one <= 8


def test_an_unknown_or_unpublished_claim_is_not_found(client):
    assert client.get("/claims/no-such-claim/").status_code == 404


def test_the_condition_page_shows_an_evidence_matrix(client):
    response = client.get("/conditions/depression/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<table" in html and "Psilocybin" in html
    # The full-dose psilocybin claim (003) is in the matrix, with its grade written out.
    assert "Full-dose psilocybin therapy" in html or "psilocybin-full-dose" in html
    assert "Moderate" in html
    assert "/claims/?condition=depression&amp;substance=psilocybin" in html


def test_the_substance_page_shows_claims_by_condition(client):
    html = client.get("/substances/lsd/").content.decode()
    assert "/claims/?substance=lsd&amp;condition=anxiety" in html
    assert "Anxiety" in html


def test_matrix_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(MATRIX_QUERIES):
        client.get("/conditions/depression/")
    with django_assert_num_queries(MATRIX_QUERIES - 1):  # no condition tree to read
        client.get("/substances/psilocybin/")


MATRIX_QUERIES = 7  # version (ETag), subject, count, top claims, cells, columns (+ tree)


def test_the_home_page_lists_conditions_with_claim_counts_and_a_search_box(client):
    html = client.get("/").content.decode()
    assert 'action="/claims/"' in html and 'name="q"' in html
    assert "Depression" in html and "claims" in html
    newest = Source.objects.published().latest("created_at")
    assert escape(newest.title) in html  # the recent sources
    assert 'href="/substances/lsd/"' in html


def test_the_home_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(7):  # with the knowledge-base version (ETag)
        client.get("/")


def test_pages_link_to_each_other_keeping_the_filters(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    html = client.get(BROWSER, {"kind": "dosing", "page": "2"}).content.decode()
    assert "Page 2 of 2" in html
    assert 'href="?kind=dosing&amp;page=1"' in html
    assert 'rel="next"' not in html


def test_htmx_responses_announce_the_new_count_to_screen_readers(client):
    html = client.get(BROWSER, {"kind": "dosing"}, headers={"HX-Request": "true"}).content
    assert (
        b'id="results-status" class="visually-hidden" role="status" hx-swap-oob="true">4 claims'
        in html
    )


def test_a_merged_claims_old_address_leads_readers_to_the_claim_it_joined(client, editor):
    target = Claim.objects.get(slug="microdosing-improves-mood")
    duplicate = Claim.objects.get(slug="microdosing-increases-resilience")
    client.force_login(editor)
    client.post(reverse("curate:merge", args=[target.slug]), {"duplicate": duplicate.slug})
    client.logout()
    response = client.get(f"/claims/{duplicate.slug}/")
    assert response.status_code == 301
    assert response.url == target.get_absolute_url()
    assert client.get("/claims/never-existed/").status_code == 404
