"""The claims browser's filters on the demo corpus. Expected claims were worked out by reading
claims/demo/curation/*.yaml (mentions) and claims/demo/claims/*.yaml (grades) by hand.

The corpus: five wellness blogs (000-004) and twenty openly licensed government, encyclopedia and
journal texts (claims/demo/SOURCES.md)."""

import pytest
from django.http import QueryDict

from claims import readmodel
from claims.filters import ClaimFilter
from claims.models import Claim, Condition, Mention
from claims.views import claim_rows
from sources.models import Source, SourceType

pytestmark = pytest.mark.django_db

DOSING_CLAIMS = {
    "microdosing-dose-sub-perceptual",
    "microdosing-intermittent-schedule-avoids-tolerance",
    "microdosing-allows-flexible-dosing",
    "hallucinogen-effects-onset-and-duration",  # NIDA and Wikipedia's LSD article
}
HIGH = {
    "psychedelics-act-on-5ht2a-receptors",
    "psychedelics-alter-perception-mood",
    "hallucinogen-effects-onset-and-duration",
    "lsd-raises-heart-rate-blood-pressure",
}
MODERATE = {
    "psilocybin-full-dose-treats-depression",
    "microdosing-not-better-than-placebo",
    "hallucinogens-cause-distressing-reactions",
    "psilocybin-therapy-well-tolerated",
    "classic-psychedelics-low-dependence-potential",
    "lsd-rapid-tolerance",
    "mdma-releases-monoamines",
    "lsd-binds-dopamine-receptors",
}


def results_for(filterset: ClaimFilter):
    return claim_rows(filterset.claims().select_related("claim"))


def slugs(query: str) -> set[str]:
    return {c.slug for c in results_for(ClaimFilter(QueryDict(query)))}


def facet(query: str, name: str) -> dict[str, int]:
    facets = {f["name"]: f for f in ClaimFilter(QueryDict(query)).facets()}
    return {o["value"]: o["count"] for o in facets[name]["options"]}


def source_id(stem_title: str) -> int:
    return Source.objects.get(title=stem_title).pk


def test_it_lists_every_public_claim_without_filters():
    assert slugs("") == set(Claim.objects.public().values_list("slug", flat=True))


def test_condition_filter_includes_a_child_condition_only():
    # 003 and the six-month psilocybin follow-up tag full-dose psilocybin sentences
    # treatment-resistant-depression; the OCD review lists it among psychedelic-therapy targets.
    assert slugs("condition=treatment-resistant-depression") == {
        "psilocybin-full-dose-treats-depression",
        "psychedelic-assisted-therapy-improves-mental-health",
    }


def test_condition_filter_includes_claims_tagged_only_with_a_nested_condition():
    trd = Condition.objects.get(slug="treatment-resistant-depression")
    for mention in Mention.objects.filter(claim__slug="psilocybin-full-dose-treats-depression"):
        mention.conditions.set([trd])
    readmodel.refresh_claims(
        Claim.objects.filter(slug="psilocybin-full-dose-treats-depression").values_list(
            "pk", flat=True
        )
    )
    assert "psilocybin-full-dose-treats-depression" in slugs("condition=depression")
    assert "psilocybin-full-dose-treats-depression" not in slugs("condition=anxiety")


def test_condition_filter_leaves_out_claims_about_other_conditions():
    found = slugs("condition=depression")
    assert {"microdosing-reduces-depression", "psychedelics-reduce-dmn-activity"} <= found
    # Dosing definitions name no outcome condition.
    assert not found & {"microdosing-dose-sub-perceptual", "cbd-reduces-chronic-pain"}


def test_substance_filter_finds_claims_made_about_lsd():
    found = slugs("substance=lsd")
    assert {
        "microdosing-reduces-anxiety",
        "psychedelics-reduce-inflammation",
        "psychedelics-act-on-5ht2a-receptors",
    } <= found
    assert "microdosing-reduces-depression" not in found  # never said of LSD by name


def test_several_values_of_one_filter_are_alternatives():
    assert slugs("substance=lsd&substance=cbd") == slugs("substance=lsd") | slugs("substance=cbd")


def test_grade_filter_keeps_claims_at_least_that_strong():
    assert slugs("grade=moderate") == HIGH | MODERATE
    assert slugs("grade=high") == HIGH
    assert "microdosing-improves-mood" in slugs("grade=low")  # graded low
    assert "microdosing-improves-mood" not in slugs("grade=moderate")


def test_kind_filter_on_dosing():
    assert slugs("kind=dosing") == DOSING_CLAIMS


def test_filters_must_hold_for_the_same_mention():
    # Dosing sentences are all worded as established except one flexible-dosing sentence (004).
    assert slugs("kind=dosing&certainty=possible") == {"microdosing-allows-flexible-dosing"}
    # Side effects in the microdosing surveys; NIDA's "people who use these drugs report...".
    assert slugs("kind=risk&certainty=anecdotal") == {
        "microdosing-side-effects",
        "psychedelics-alter-perception-mood",
    }


def test_certainty_filter_finds_anecdotal_wording():
    found = slugs("certainty=anecdotal")
    assert "microdosing-improves-mental-health" in found  # 001: "as users report"
    assert not found & DOSING_CLAIMS


def test_source_filter_keeps_that_article_s_claims():
    exploring = source_id("Exploring Microdosing: Therapeutic Applications and Clinical Insights")
    found = slugs(f"source={exploring}")
    # Only 001 makes these; 003 alone makes the full-dose psilocybin claim.
    assert {"cbd-reduces-chronic-pain", "microdosing-reduces-ptsd"} <= found
    assert "psilocybin-full-dose-treats-depression" not in found


def test_source_type_filter():
    wellness = slugs("source_type=wellness_blog")
    assert "cbd-reduces-chronic-pain" in wellness
    assert "microdosing-does-not-improve-cognition-creativity" not in wellness  # journals only
    assert "microdosing-does-not-improve-cognition-creativity" in slugs("source_type=journal")
    assert slugs("source_type=government") >= {
        "hallucinogens-psychosis-risk",
        "mdma-therapy-reduces-ptsd",
    }
    assert slugs("source_type=news") == {  # The Conversation
        "psychedelic-assisted-therapy-improves-mental-health",
        "psychedelics-increase-nature-connectedness",
    }
    assert slugs("source_type=forum_qa") == set()
    managing = "Managing Depression with Microdosing: What the Research Says"  # 003
    Source.objects.filter(title=managing).update(source_type=SourceType.NEWS)
    readmodel.refresh_sources(Source.objects.filter(title=managing).values_list("pk", flat=True))
    assert "psilocybin-full-dose-treats-depression" in slugs("source_type=news")
    assert "cbd-reduces-chronic-pain" not in slugs("source_type=news")


def test_overclaim_filter_keeps_only_flagged_mentions():
    Mention.objects.update(is_overclaim=False)
    readmodel.rebuild()
    assert slugs("overclaim=true") == set()
    Mention.objects.filter(claim__slug="microdosing-reduces-ptsd").update(is_overclaim=True)
    readmodel.refresh_claims(
        Claim.objects.filter(slug="microdosing-reduces-ptsd").values_list("pk", flat=True)
    )
    assert slugs("overclaim=true") == {"microdosing-reduces-ptsd"}
    assert slugs("overclaim=on&kind=dosing") == set()


def test_free_text_search_finds_quotes_and_statements():
    # "default mode network" is in the DMN claim's statement and quoted in its sentences.
    assert "psychedelics-reduce-dmn-activity" in slugs("q=default+mode+network")
    assert "cbd-reduces-chronic-pain" not in slugs("q=default+mode+network")
    assert slugs("q=zzqqxx") == set()


def test_unknown_values_are_left_out_with_a_message():
    filterset = ClaimFilter(QueryDict("condition=no-such&grade=zzz&source=abc&kind=benefit"))
    messages = " ".join(str(e) for errors in filterset.form.errors.values() for e in errors)
    assert "no-such" in messages and "zzz" in messages and "abc" in messages
    assert slugs("condition=no-such&grade=zzz&source=abc&kind=benefit") == slugs("kind=benefit")


def test_facet_counts_use_the_other_active_filters():
    counts = facet("kind=dosing", "certainty")
    assert counts["established"] == 4
    assert counts["possible"] == 1
    assert "anecdotal" not in counts  # options with no result are not offered
    # The kind facet ignores the kind filter itself, so every kind stays choosable.
    assert facet("kind=dosing", "kind")["benefit"] == len(slugs("kind=benefit"))


def test_condition_facet_counts_a_parent_with_its_children():
    counts = facet("", "condition")
    assert counts["depression"] == len(slugs("condition=depression"))
    assert counts["treatment-resistant-depression"] == 2


def test_grade_facet_counts_at_least_that_grade():
    counts = facet("", "grade")
    assert counts["high"] == len(HIGH)
    assert counts["moderate"] == len(HIGH | MODERATE)
    assert counts["very-low"] == len(slugs("grade=very-low"))


def ordered(query: str) -> list[str]:
    return [c.slug for c in results_for(ClaimFilter(QueryDict(query)))]


def test_sorting_by_grade_puts_the_strongest_evidence_first():
    found = ordered("sort=grade")
    assert set(found[:4]) == HIGH
    assert set(found[4:12]) == MODERATE


def test_sorting_by_sources_puts_the_most_widely_made_claims_first():
    claims = list(results_for(ClaimFilter(QueryDict("sort=sources"))))
    counts = [c.n_sources for c in claims]
    assert counts == sorted(counts, reverse=True)
    # The definition of a microdose: the five blogs and nine of the open sources give it.
    assert claims[0].slug == "microdosing-dose-sub-perceptual"
    assert claims[0].n_sources == 14


def test_sorting_a_to_z():
    found = [c.statement for c in results_for(ClaimFilter(QueryDict("sort=statement")))]
    assert found == sorted(found)


def test_a_search_sorts_by_relevance_by_default():
    assert ClaimFilter(QueryDict("q=anxiety")).sort == "relevance"
    assert ClaimFilter(QueryDict("")).sort == "sources"
    assert ClaimFilter(QueryDict("sort=relevance")).sort == "sources"  # nothing to rank by


@pytest.mark.parametrize("query", ["", "sort=grade", "sort=statement", "q=mood", "kind=benefit"])
def test_a_page_of_claims_keeps_the_order_and_counts_of_all_results(query):
    from claims.views import ClaimPages

    filterset = ClaimFilter(QueryDict(query))
    everything = list(results_for(filterset))
    pages = ClaimPages(filterset)
    assert pages.count() == len(everything)
    paged = pages[0:3] + pages[3:6] + pages[6:]
    assert [c.slug for c in paged] == [c.slug for c in everything]
    for claim in paged:
        public = Mention.objects.public().filter(claim=claim)
        assert claim.n_sources == public.values("source").distinct().count()
        assert claim.spread.total == claim.n_mentions == public.count()


@pytest.mark.parametrize(
    "query", ["", "kind=benefit", "kind=benefit&certainty=possible", "q=mood&kind=benefit"]
)
def test_the_source_facet_lists_the_top_sources_only(query, monkeypatch):
    from claims import filters

    monkeypatch.setattr(filters, "SOURCE_FACET_SIZE", 2)
    options = facet(query, "source")
    assert len(options) == 2
    everything = {s.pk: len(slugs(f"{query}&source={s.pk}")) for s in Source.objects.published()}
    assert sorted(options.values(), reverse=True) == sorted(everything.values(), reverse=True)[:2]


def test_the_source_facet_search_narrows_the_options_and_keeps_chosen_ones(monkeypatch):
    from claims import filters

    monkeypatch.setattr(filters, "SOURCE_FACET_SIZE", 2)
    managing = Source.objects.get(title__startswith="Managing Depression")
    found = facet("source_q=managing+depression", "source")
    assert list(found) == [str(managing.pk)]
    other = Source.objects.exclude(pk=managing.pk).order_by("pk").first()
    found = facet(f"source_q=managing+depression&source={other.pk}", "source")
    assert set(found) == {str(managing.pk), str(other.pk)}
    # The chosen source keeps its count although the search box does not name it.
    assert found[str(other.pk)] == facet(f"source={other.pk}", "source")[str(other.pk)] > 0
    with_kind = f"kind=benefit&source={other.pk}"
    found = facet(f"source_q=managing+depression&{with_kind}", "source")
    assert found[str(other.pk)] == facet(with_kind, "source")[str(other.pk)]
    # Narrowing the facet's options never changes the results.
    assert slugs("source_q=managing") == slugs("")
