"""schema.org ClaimReview JSON-LD on claim pages and from the API.

The check below is written from Google's fact-check documentation and schema.org: ClaimReview
requires ``claimReviewed``, ``reviewRating`` and ``url`` (on the page's own site, with an
anchor when several reviews share a page) and recommends ``author``, ``datePublished`` and
``itemReviewed`` (a ``Claim`` with ``appearance``, ``author``, ``datePublished``); ``Rating``
requires ``alternateName`` and recommends ``ratingValue``, ``bestRating`` and ``worstRating``
(numbers, worst <= value <= best); an author is an ``Organization`` or ``Person`` with a name.
"""

import json
import re
from urllib.parse import urlsplit

import pytest

from claims.jsonld import SCALE, jsonld_script, verdict
from claims.models import Mention

pytestmark = pytest.mark.django_db

CLAIM = "microdosing-reduces-depression"


def check_claim_review(review: dict, host: str) -> None:
    """Fail with the property at fault when ``review`` is not a valid ClaimReview."""
    assert review["@context"] in {"https://schema.org", "http://schema.org"}
    assert review["@type"] == "ClaimReview"
    for required in ("claimReviewed", "reviewRating", "url"):
        assert review.get(required), required
    assert isinstance(review["claimReviewed"], str)
    url = urlsplit(review["url"])
    assert url.scheme in {"http", "https"} and url.netloc == host and url.fragment
    for recommended in ("author", "itemReviewed"):
        assert review.get(recommended), recommended
    check_author(review["author"])
    if "datePublished" in review:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])

    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    for number in ("ratingValue", "bestRating", "worstRating"):
        assert isinstance(rating[number], int | float), number
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]

    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    appearance = item["appearance"]
    assert appearance["@type"] == "CreativeWork"
    assert urlsplit(appearance["url"]).scheme in {"http", "https"}
    if "author" in item:
        check_author(item["author"])
    if "datePublished" in item:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["datePublished"])


def check_author(author: dict) -> None:
    assert author["@type"] in {"Organization", "Person"}
    assert isinstance(author["name"], str) and author["name"]


def page_reviews(html: str) -> list[dict]:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_every_reviewed_mention_gets_a_valid_claim_review(client):
    html = client.get(f"/claims/{CLAIM}/").content.decode()
    reviews = page_reviews(html)
    mentions = Mention.objects.public().filter(claim__slug=CLAIM)
    assert {r["url"].rsplit("#review-", 1)[1] for r in reviews} == {
        str(pk) for pk in mentions.values_list("pk", flat=True)
    }
    for review in reviews:
        check_claim_review(review, "testserver")
        anchor = review["url"].rsplit("#", 1)[1]
        assert f'id="{anchor}"' in html  # the url points at the review on the page
    quotes = {r["claimReviewed"] for r in reviews}
    assert quotes == set(mentions.values_list("quote", flat=True))


def test_the_rating_follows_the_grade_and_the_overclaim_flag(client):
    reviews = {
        int(r["url"].rsplit("-", 1)[1]): r["reviewRating"]
        for r in client.get(f"/api/claims/{CLAIM}/claimreview").json()
    }
    for mention in Mention.objects.public().filter(claim__slug=CLAIM):
        rating = reviews[mention.pk]
        if mention.is_overclaim:
            assert (rating["ratingValue"], rating["alternateName"]) == (1, "Overstated")
        else:  # the claim is graded low
            assert (rating["ratingValue"], rating["alternateName"]) == (3, "Weak evidence")
    assert {r["ratingValue"] for r in reviews.values()} == {1, 3}


def test_the_scale_runs_from_overstated_to_strong_evidence():
    assert [v.value for v in SCALE] == [5, 4, 3, 2, 1]
    assert verdict("high", False).label == "Strong evidence"
    assert verdict("high", True).label == "Overstated"
    assert verdict("not-assessed", False) is None


def test_the_page_explains_the_scale(client):
    html = client.get(f"/claims/{CLAIM}/").content.decode()
    assert "How we rate each source" in html
    for v in SCALE:
        assert f"{v.value} · {v.label}" in html


def test_the_claim_is_attributed_to_its_publisher_when_known(client):
    reviews = client.get(f"/api/claims/{CLAIM}/claimreview").json()
    authors = {r["itemReviewed"].get("author", {}).get("name") for r in reviews}
    assert "Stackwise" in authors
    assert all(r["author"]["name"] == "Evidence Claims KB" for r in reviews)


def test_article_text_cannot_break_out_of_the_script(client):
    mention = Mention.objects.public().filter(claim__slug=CLAIM).first()
    payload = "</script><script>alert(1)</script> & <!--"
    evil = (payload + " " * len(mention.quote))[: len(mention.quote)]
    Mention.objects.filter(pk=mention.pk).update(quote=evil)  # same length: offsets still fit
    html = client.get(f"/claims/{CLAIM}/").content.decode()
    assert "<script>alert(1)" not in html
    reviews = page_reviews(html)
    assert evil in {r["claimReviewed"] for r in reviews}  # the text itself survives intact


def test_the_script_escapes_markup_characters():
    html = str(jsonld_script({"claimReviewed": "a</script>&<b>"}))
    assert html.count("</script>") == 1
    assert "\\u003C/script\\u003E\\u0026\\u003Cb\\u003E" in html
