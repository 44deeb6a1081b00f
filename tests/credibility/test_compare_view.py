"""/sources/compare/: sources in columns, rubric item by item, charts, shared claims."""

import re

import pytest
from django.urls import reverse

from claims.labels import Certainty, ClaimKind, ReviewStatus
from claims.models import Claim, Mention
from sources.models import Source, SourceType

pytestmark = pytest.mark.django_db

URL = reverse("sources:compare")


def ids_of(*titles: str) -> list[int]:
    return [Source.objects.get(title=title).pk for title in titles]


def query(ids) -> str:
    return URL + "?" + "&".join(f"ids={pk}" for pk in ids)


def test_it_compares_two_sources_item_by_item(client):
    therapy, exploring = ids_of(
        "Microdosing Therapy",
        "Exploring Microdosing: Therapeutic Applications and Clinical Insights",
    )
    response = client.get(query([therapy, exploring]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Compare 2 sources</h1>" in html
    comparison = response.context["comparison"]
    assert [s.pk for s in comparison.sources] == [therapy, exploring]
    names = [item.name for item, _ in comparison.rows]
    assert names[:2] == ["Authorship", "Attribution"] and "Overclaim rate" in names
    for source in comparison.sources:
        assert f"<strong>{source.credibility_score}</strong>" in html


def test_the_charts_are_svg_with_words_for_readers_without_colour(client):
    response = client.get(query(ids_of("Microdosing Therapy", "Microdosing")))
    html = response.content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) == 4  # certainty and evidence for each source
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert re.search(r"<text[^>]*>\d+ \(\d+%\)</text>", svg)  # values as text
    assert "Established:" in html  # in a <desc>


def test_shared_claims_show_each_sources_wording_side_by_side(client):
    response = client.get(query(ids_of("Microdosing Therapy", "Microdosing")))
    comparison = response.context["comparison"]
    shared = {item.claim.slug: item for item in comparison.shared}
    assert "psychedelics-act-on-5ht2a-receptors" in shared
    receptors = shared["psychedelics-act-on-5ht2a-receptors"]
    assert all(receptors.by_source)
    html = response.content.decode()
    for mentions in receptors.by_source:
        assert str(mentions[0].quote_html) in html
    assert "Overclaim" in html


def test_it_compares_the_five_blogs_in_few_queries(client, django_assert_max_num_queries):
    ids = list(
        Source.objects.published().filter(source_type="wellness_blog").values_list("pk", flat=True)
    )
    assert len(ids) == 5
    with django_assert_max_num_queries(6):
        response = client.get(query(ids))
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert len(comparison.sources) == 5
    assert comparison.shared[0].source_count == 5  # the 5-HT2A mechanism, made by all five
    assert "<h1>Compare 5 sources</h1>" in response.content.decode()


def test_without_a_choice_it_offers_the_sources_to_tick(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tick two or more sources to compare" in html
    assert html.count('type="checkbox" name="ids"') == Source.objects.published().count()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ("ids=1", "Tick at least two different sources to compare."),
        ("ids=1&ids=1", "Tick at least two different sources to compare."),
        ("ids=", "Tick at least two sources to compare."),
        ("ids=abc&ids=1", "There is no published source number abc."),
        ("ids=1&ids=99999", "There is no published source number 99999."),
    ],
)
def test_a_bad_choice_is_a_clear_message_not_an_error(client, params, message):
    first = Source.objects.published().order_by("pk").first().pk
    params = params.replace("ids=1", f"ids={first}")
    response = client.get(f"{URL}?{params}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Tick two or more sources to compare" in response.content.decode()


def test_a_draft_source_cannot_be_compared(client):
    draft, published = Source.objects.published()[:2]
    draft.status = "draft"
    draft.save()
    response = client.get(query([draft.pk, published.pk]))
    assert response.status_code == 400
    assert f"There is no published source number {draft.pk}." in response.content.decode()


def test_the_scoring_method_is_published(client):
    response = client.get(reverse("sources:credibility"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>How we score sources</h1>" in html
    items = [
        ("Authorship", 8),
        ("Sources of claims", 10),
        ("Overclaim rate", 10),
        ("Publisher&#x27;s overclaim rate", 4),
    ]
    for name, weight in items:
        assert re.search(rf"{name}.*?</th><td class=\"num\">{weight}</td>", html, flags=re.S)
    assert "Proceed with maximum caution" in html and "75–100" in html


def test_hedge_cues_are_marked_and_article_text_is_escaped(client):
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    sources = []
    for n in (1, 2):
        quote = f"<script>alert({n})</script> Microdosing may lift mood."
        source = Source.objects.create(
            title=f"Hostile {n}", text=quote, source_type=SourceType.NEWS, status="published"
        )
        Mention.objects.create(
            source=source,
            claim=claim,
            quote=quote,
            start=0,
            end=len(quote),
            kind=ClaimKind.BENEFIT,
            certainty=Certainty.POSSIBLE,
            hedge_cues=["may"],
            status=ReviewStatus.ACCEPTED,
        )
        sources.append(source.pk)
    html = client.get(query(sources)).content.decode()
    assert "<script>alert(" not in html
    assert (
        '&lt;script&gt;alert(1)&lt;/script&gt; Microdosing <mark class="hedge">may</mark>' in html
    )
