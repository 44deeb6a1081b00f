"""The source list shows every source's credibility breakdown and lets readers tick sources."""

import pytest
from django.urls import reverse

from claims import source_views
from sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_page(monkeypatch):
    """Every demo source on one page (paging has its own tests in tests/claims)."""
    monkeypatch.setattr(source_views, "PAGE_SIZE", 100)


def test_each_source_has_a_labelled_checkbox_in_a_form_to_the_comparison(client):
    html = client.get(reverse("sources:source-list")).content.decode()
    assert f'<form method="get" action="{reverse("sources:compare")}"' in html
    for source in Source.objects.published():
        assert f'name="ids" value="{source.pk}" id="compare-{source.pk}"' in html
        assert f"Compare “{source.title}”</label>" in html
    assert "Compare ticked sources" in html


def test_each_source_shows_its_score_band_and_breakdown(client):
    html = client.get(reverse("sources:source-list")).content.decode()
    assert html.count("How this score is made up") == Source.objects.published().count()
    for source in Source.objects.published():
        assert f"<strong>{source.credibility_score}</strong>/100" in html
    assert "Low credibility" in html


def test_the_breakdowns_cost_no_query_per_source(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(reverse("sources:source-list"))


def test_sorting_by_credibility_puts_the_best_scored_first(client):
    response = client.get(reverse("sources:source-list"), {"sort": "credibility"})
    scores = [s.credibility_score for s in response.context["sources"]]
    assert scores == sorted(scores, reverse=True)
