"""Consensus for a claim (Claim.consensus and templates/claims/_consensus.html)."""

import pytest
from django.template.loader import render_to_string

from claims.labels import Certainty, ClaimKind, ReviewStatus
from claims.models import Claim, Mention
from sources.models import Source

pytestmark = pytest.mark.django_db


def public_mentions(claim):
    return list(Mention.objects.public().filter(claim=claim).with_source())


def test_it_counts_the_sources_and_the_spread_of_their_wording():
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    mentions = public_mentions(claim)
    consensus = claim.consensus(mentions)
    assert consensus.source_count == 5
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


@pytest.fixture
def placebo_mention():
    """A source saying microdosing is no better than placebo (no demo source says it yet)."""
    source = Source.objects.get(title="Microdosing Therapy")
    quote = "While the placebo effect cannot be entirely ruled out"
    start = source.text.index(quote)
    return Mention.objects.create(
        source=source,
        claim=Claim.objects.get(slug="microdosing-not-better-than-placebo"),
        quote=quote,
        start=start,
        end=start + len(quote),
        kind=ClaimKind.EFFICACY_NULL,
        certainty=Certainty.POSSIBLE,
        status=ReviewStatus.ACCEPTED,
    )


def test_a_placebo_finding_contradicts_the_mood_benefit(placebo_mention):
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    consensus = claim.consensus(public_mentions(claim))
    assert [s.pk for s in consensus.contradicting_sources] == [placebo_mention.source_id]
    (contradiction,) = consensus.contradictions
    assert contradiction.mention == placebo_mention
    assert "The benefits of microdosing are no greater than placebo" in contradiction.why
    html = render_to_string(
        "claims/_consensus.html", {"claim": claim, "mentions": public_mentions(claim)}
    )
    assert "1 source</strong> contradicts it" in html
    assert "Sources that contradict it" in html


def test_without_a_contradicting_source_it_says_so():
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    html = render_to_string(
        "claims/_consensus.html", {"claim": claim, "mentions": public_mentions(claim)}
    )
    assert "No source contradicts it." in html


def test_a_mention_saying_the_claim_does_not_work_contradicts_it():
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    mention = claim.mentions.first()
    mention.kind = ClaimKind.EFFICACY_NULL
    mention.save()
    consensus = claim.consensus(public_mentions(claim))
    assert [c.mention for c in consensus.contradictions] == [mention]


def test_the_null_claim_is_contradicted_by_the_benefit_claims(placebo_mention):
    null = placebo_mention.claim
    consensus = null.consensus(public_mentions(null))
    claims = {c.mention.claim.slug for c in consensus.contradictions}
    assert "microdosing-improves-mood" in claims
    assert "microdosing-reduces-anxiety" not in claims  # no shared condition


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
    assert "No source contradicts it." in html
