"""Publisher pages: the list, sortable by credibility and by overstatement, and one publisher."""

import pytest
from django.urls import reverse

from claims import credibility
from claims.models import Mention
from claims.publishers import publishers_with_record
from sources.models import Publisher, Source

pytestmark = pytest.mark.django_db

LIST = "/publishers/"


def page_of(publisher: str) -> str:
    return Publisher.objects.get(name=publisher).get_absolute_url()


def test_the_list_shows_every_publisher_with_an_article_and_its_record(client):
    html = client.get(LIST).content.decode()
    for publisher in Publisher.objects.filter(sources__status="published").distinct():
        assert f'<a href="{publisher.get_absolute_url()}">{publisher.name}</a>' in html
    assert "Average credibility" in html and "Overstatement rate" in html


def test_it_is_linked_from_the_main_navigation(client):
    html = client.get("/").content.decode()
    assert f'<a href="{LIST}">Publishers</a>' in html


def test_sorting_by_credibility_puts_the_most_credible_first(client):
    rows = list(client.get(LIST, {"sort": "credibility"}).context["page"])
    averages = [p.avg_credibility for p in rows if p.avg_credibility is not None]
    assert averages == sorted(averages, reverse=True)
    assert rows[-1].name in {"Stackwise", "health life ai"}  # the wellness blogs come last


def test_sorting_by_overstatement_puts_the_worst_first(client):
    rows = list(client.get(LIST, {"sort": "overstatement"}).context["page"])
    rates = [p.rate for p in rows]
    assert rates == sorted(rates, reverse=True)
    assert rows[0].pub_over == rows[0].pub_total  # MDPI: both its sentences overclaim


def test_the_rate_is_overclaims_over_claims_across_all_the_publishers_articles():
    nida = publishers_with_record().get(name__startswith="National Institute on Drug Abuse")
    mentions = Mention.objects.filter(
        source__publisher=nida, source__status="published", status="accepted"
    )
    assert nida.n_articles == 3
    assert nida.pub_total == mentions.count() == 19
    assert nida.pub_over == mentions.filter(is_overclaim=True).count()
    assert nida.rate == pytest.approx(nida.pub_over / nida.pub_total)


def test_drafts_do_not_count_and_draft_only_publishers_are_not_listed(client):
    hidden = Publisher.objects.create(name="Draft Press")
    Source.objects.create(
        title="Unpublished", text="Draft text.", source_type="news", publisher=hidden
    )
    assert hidden.name not in client.get(LIST).content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_the_list_is_paginated(client, monkeypatch):
    from claims import publishers

    monkeypatch.setattr(publishers, "PAGE_SIZE", 5)
    html = client.get(LIST, {"sort": "name", "page": "2"}).content.decode()
    assert "Page 2 of 3" in html
    assert 'href="?sort=name&amp;page=3" rel="next"' in html
    assert client.get(LIST, {"page": "99"}).context["page"].number == 3  # past the end: the last


@pytest.mark.parametrize("query", ["sort=worst", "page=abc", "page=0", "page=99999999999"])
def test_bad_parameters_are_a_400_not_a_500(client, query):
    assert client.get(f"{LIST}?{query}").status_code == 400


def test_the_list_costs_two_queries_whatever_the_number_of_publishers(
    client, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the count and the page
        client.get(LIST, {"sort": "overstatement"})


def test_a_publisher_page_lists_its_articles_average_and_breakdown(client):
    response = client.get(page_of("eLife Sciences Publications"))
    html = response.content.decode()
    assert "Self-blinding citizen science to explore psychedelic microdosing" in html
    assert "Average credibility" in html
    assert "By certainty of wording" in html and "By evidence cited" in html
    by_certainty = response.context["by_certainty"]
    assert sum(row.claims for row in by_certainty) == response.context["publisher"].pub_total
    assert {row.value for row in response.context["by_evidence"]} >= {"rct", "none"}


def test_the_breakdown_charts_read_without_colour(client):
    html = client.get(page_of("Stackwise")).content.decode()
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert "Overclaims by certainty of wording" in html
    assert "Established:" in html  # each bar's value is written out


def test_a_publisher_page_costs_three_queries(client, django_assert_num_queries):
    url = page_of("Springer Nature")
    with django_assert_num_queries(3):  # the publisher with its record, the articles, the breakdown
        client.get(url)


def test_source_and_compare_pages_link_to_the_publisher(client):
    source = Source.objects.get(title="Microdosing Therapy")
    url = source.publisher.get_absolute_url()
    assert (
        f'<a href="{url}">Stackwise</a>' in client.get(source.get_absolute_url()).content.decode()
    )
    other = Source.objects.get(
        title="Self-blinding citizen science to explore psychedelic microdosing"
    )
    html = client.get(reverse("sources:compare"), {"ids": [source.pk, other.pk]}).content.decode()
    assert f'by <a href="{url}">Stackwise</a>' in html
    assert f'by <a href="{other.publisher.get_absolute_url()}">' in html


def test_the_publishers_rate_is_a_measured_item_of_each_article_s_credibility():
    source = Source.objects.get(
        title="Self-blinding citizen science to explore psychedelic microdosing"
    )
    item = credibility.assess(source).item("publisher_overclaim_rate")
    assert item.weight == credibility.PUBLISHER_OVERCLAIM_WEIGHT
    assert "across the publisher's articles" in item.value
    assert item.points is not None
    assert sum(credibility.CURATOR_WEIGHTS.values()) + credibility.MEASURED_WEIGHT == 100


def test_a_source_without_publisher_is_measured_on_its_own_rate():
    source = Source.objects.filter(publisher=None, status="published").first()
    item = credibility.assess(source).item("publisher_overclaim_rate")
    assert item.value.startswith("no publisher named")


def test_a_new_overclaim_rescores_the_publishers_other_articles():
    nida = Source.objects.filter(publisher__name__startswith="National Institute on Drug Abuse")
    first, second = nida.order_by("pk")[:2]
    before = credibility.assess(second).item("publisher_overclaim_rate").points
    Mention.objects.filter(source=first).update(is_overclaim=True)
    credibility.recompute([first.pk])
    second = Source.objects.get(pk=second.pk)
    assert credibility.assess(second).item("publisher_overclaim_rate").points < before


def test_the_method_page_documents_the_item(client):
    html = client.get(reverse("sources:credibility")).content.decode()
    assert "Publisher&#x27;s overclaim rate" in html or "Publisher's overclaim rate" in html
