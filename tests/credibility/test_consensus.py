"""Consensus for a claim (Claim.consensus and templates/claims/_consensus.html)."""

import pytest
from django.template.loader import render_to_string

from claims.labels import Certainty, ClaimKind
from claims.models import Claim, Mention

pytestmark = pytest.mark.django_db


def public_mentions(claim):
    return list(Mention.objects.public().filter(claim=claim).with_source())


def test_it_counts_the_sources_and_the_spread_of_their_wording():
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    mentions = public_mentions(claim)
    consensus = claim.consensus(mentions)
    # The five blogs, NIDA's research report and the Scientific Reports expectancy study.
    assert consensus.source_count == 7
    assert consensus.mention_count == len(mentions)
    assert sum(count for _, count in consensus.certainty_counts) == len(mentions)
    assert [level for level, _ in consensus.certainty_counts] == list(Certainty)
    assert sum(count for _, count in consensus.evidence_counts) == len(mentions)


def test_overclaims_among_them_are_listed_with_their_reasons():
    claim = Claim.objects.get(slug="microdosing-reduces-anxiety")  # graded very low
    mentions = public_mentions(claim)
    consensus = claim.consensus(mentions)
    assert consensus.overclaims
    assert all(m.certainty in ("established", "probable") for m in consensus.overclaims)
    html = render_to_string("claims/_consensus.html", {"claim": claim, "mentions": mentions})
    assert "overclaim" in html
    assert consensus.overclaims[0].overclaim_reasons[0] in html.replace("&ldquo;", "“")


ELIFE = "Self-blinding citizen science to explore psychedelic microdosing"
CAVANNA = "Microdosing with psilocybin mushrooms: a double-blind placebo-controlled study"


def test_placebo_controlled_studies_contradict_the_mood_benefit():
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    mentions = public_mentions(claim)
    consensus = claim.consensus(mentions)
    titles = {s.title for s in consensus.contradicting_sources}
    assert {ELIFE, CAVANNA} <= titles
    assert not {m.source.title for m in mentions if m.source.title != ELIFE} & {CAVANNA}
    elife = [c for c in consensus.contradictions if c.mention.source.title == ELIFE]
    assert any("no significant between-groups differences" in c.mention.quote for c in elife)
    assert all("The benefits of microdosing are no greater than placebo" in c.why for c in elife)
    html = render_to_string("claims/_consensus.html", {"claim": claim, "mentions": mentions})
    assert f"{len(titles)} sources</strong> contradict it" in html
    assert "Sources that contradict it" in html


def test_a_null_finding_on_creativity_contradicts_the_creativity_claim():
    claim = Claim.objects.get(slug="microdosing-enhances-creativity")
    consensus = claim.consensus(public_mentions(claim))
    assert CAVANNA in {s.title for s in consensus.contradicting_sources}


def test_without_a_contradicting_source_it_says_so():
    claim = Claim.objects.get(slug="microdosing-reduces-chronic-pain")
    html = render_to_string(
        "claims/_consensus.html", {"claim": claim, "mentions": public_mentions(claim)}
    )
    assert "No source contradicts it." in html


def test_a_mention_saying_the_claim_does_not_work_contradicts_it():
    claim = Claim.objects.get(slug="microdosing-reduces-chronic-pain")
    mention = claim.mentions.first()
    mention.kind = ClaimKind.EFFICACY_NULL
    mention.save()
    consensus = claim.consensus(public_mentions(claim))
    assert [c.mention for c in consensus.contradictions] == [mention]


def test_the_null_claim_is_contradicted_by_the_benefit_claims():
    null = Claim.objects.get(slug="microdosing-not-better-than-placebo")
    consensus = null.consensus(public_mentions(null))
    claims = {c.mention.claim.slug for c in consensus.contradictions}
    assert {"microdosing-improves-mood", "microdosing-improves-mental-health"} <= claims
    assert "microdosing-reduces-chronic-pain" not in claims  # no shared condition


def test_a_mechanism_claim_has_no_opposite():
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    assert claim.consensus(public_mentions(claim)).contradictions == []


def test_the_partial_costs_a_few_queries_whatever_the_number_of_mentions(
    django_assert_max_num_queries,
):
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    mentions = public_mentions(claim)
    assert len(mentions) > 4
    with django_assert_max_num_queries(4):
        html = render_to_string("claims/_consensus.html", {"claim": claim, "mentions": mentions})
    assert "Consensus across sources" in html
    assert "Sources that contradict it" in html
