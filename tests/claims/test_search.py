"""Search works the same on SQLite (FTS5) and PostgreSQL (tsvector): phrases, ``or``, exclusion,
ranking and highlighted snippets, and no input makes it fail."""

import pytest
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import search
from claims.filters import ClaimFilter
from claims.models import Claim, Mention

pytestmark = pytest.mark.django_db
BROWSER = "/claims/"


def slugs(q: str) -> set[str]:
    cards = ClaimFilter(QueryDict(mutable=True) | {"q": q}).claims().select_related("claim")
    return {card.claim.slug for card in cards}


def claims_quoting(*words: str) -> set[str]:
    mentions = Mention.objects.public()
    for word in words:
        mentions = mentions.filter(quote__icontains=word)
    return set(mentions.values_list("claim__slug", flat=True))


def test_to_fts5_translates_web_search_syntax():
    assert search.to_fts5("serotonin or dopamine") == '("serotonin" OR "dopamine")'
    assert search.to_fts5('"default mode" network') == '("default mode") AND ("network")'
    assert search.to_fts5("serotonin -dopamine") == '(("serotonin")) NOT "dopamine"'
    assert search.to_fts5("-dopamine") is None
    assert search.to_fts5('NEAR(a b) "x*" ^c OR') == '("NEAR a") AND ("b") AND ("x") AND ("c")'


@settings(max_examples=60, deadline=None)
@given(q=st.text(max_size=40))
def test_no_query_makes_the_search_fail(q):
    # Words are quoted: FTS5 operators, stray quotes, brackets and NUL-free control characters
    # typed by a reader are plain text.
    query = search.to_fts5(q)
    assert query is None or query.count('"') % 2 == 0


@pytest.mark.parametrize(
    "q", ['"', "-", "or", "or or", "(", '"unclosed phrase', "a -", "*", "NOT", "x' OR 1=1 --"]
)
def test_hostile_queries_give_a_page(client, q):
    assert client.get(BROWSER, {"q": q}).status_code == 200


def test_a_phrase_in_quotes_finds_claims_quoting_it():
    assert "psychedelics-reduce-dmn-activity" in slugs('"default mode"')


def test_or_finds_either_word():
    either = slugs("serotonin or inflammation")
    assert slugs("serotonin") | slugs("inflammation") == either
    assert slugs("serotonin") and slugs("inflammation")


def test_a_leading_minus_excludes_a_word():
    both = slugs("serotonin")
    without = slugs("serotonin -receptors")
    assert without < both


def test_words_are_stemmed():
    assert slugs("receptor") == slugs("receptors")


def test_a_search_ranks_claims_whose_statement_matches_first():
    filterset = ClaimFilter(QueryDict("q=anxiety"))
    first = filterset.claims().select_related("claim")[0].claim
    assert "anxiety" in first.statement.lower()


def test_snippets_highlight_the_words_and_escape_the_article(client):
    mention = Mention.objects.public().filter(quote__icontains="serotonin").first()
    Mention.objects.filter(pk=mention.pk).update(quote=mention.quote)  # unchanged: a real quote
    html = client.get(BROWSER, {"q": "serotonin"}).content.decode()
    assert '<blockquote class="snippet">' in html
    assert "<mark>" in html.split('<blockquote class="snippet">', 1)[1]


def test_article_markup_in_a_quote_is_shown_as_text(client, editor):
    from claims import readmodel

    mention = Mention.objects.public().filter(quote__icontains="serotonin").first()
    source = mention.source
    evil = "<script>alert(1)</script> serotonin <b>bold</b>"
    source.text = source.text[: mention.start] + evil + source.text[mention.end :]
    Mention.objects.filter(source=source).exclude(pk=mention.pk).delete()
    source.save()
    Mention.objects.filter(pk=mention.pk).update(quote=evil, end=mention.start + len(evil))
    readmodel.refresh_claims([mention.claim_id])
    html = client.get(BROWSER, {"q": "serotonin bold"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>serotonin</mark> &lt;b&gt;<mark>bold" in html
    )


def test_the_search_finds_statements_of_public_claims_only():
    claim = Claim.objects.public().first()
    assert claim.slug in slugs(f'"{claim.statement}"')
