"""The stored overclaim flags follow the mention, its claim's grade and the demo data."""

import pytest
from django.urls import reverse

from claims.curation.actions import set_grade
from claims.curation.forms import GradeForm
from claims.labels import Certainty, EvidenceCited, Grade
from claims.models import Claim, Mention
from sources.models import Source

pytestmark = pytest.mark.django_db


def grade(claim: Claim, value: str) -> None:
    """Grade the claim as an editor does (the write function behind the claim page's form)."""
    form = GradeForm({"grade": value, "grade_rationale": "Checked."}, instance=claim)
    assert form.is_valid(), form.errors
    set_grade(form=form, user=None)


def a_mention(**filters) -> Mention:
    return Mention.objects.select_related("claim").filter(**filters).first()


def test_every_demo_mention_carries_the_flag_the_rule_gives():
    from claims.overclaim import overclaim_reasons

    for mention in Mention.objects.select_related("claim"):
        reasons = overclaim_reasons(mention.certainty, mention.evidence_cited, mention.claim.grade)
        assert mention.overclaim_reasons == reasons
        assert mention.is_overclaim is bool(reasons)
    assert Mention.objects.overclaims().exists()
    assert Mention.objects.filter(is_overclaim=False).exists()


def test_saving_a_mention_recomputes_its_flag():
    mention = a_mention(certainty=Certainty.POSSIBLE, claim__grade=Grade.LOW)
    assert not mention.is_overclaim
    mention.certainty = Certainty.ESTABLISHED
    mention.save()
    mention.refresh_from_db()
    assert mention.is_overclaim
    assert any("graded low" in reason for reason in mention.overclaim_reasons)


def test_saving_only_some_fields_still_stores_the_flag():
    mention = a_mention(certainty=Certainty.POSSIBLE, claim__grade=Grade.LOW)
    mention.certainty = Certainty.ESTABLISHED
    mention.save(update_fields=["certainty"])
    mention.refresh_from_db()
    assert mention.is_overclaim


def test_raising_a_claims_grade_clears_the_flags_of_its_mentions():
    mention = a_mention(
        certainty=Certainty.ESTABLISHED,
        evidence_cited=EvidenceCited.NONE,
        claim__grade=Grade.LOW,
    )
    assert mention.is_overclaim
    grade(mention.claim, Grade.HIGH)
    mention.refresh_from_db()
    assert not mention.is_overclaim
    assert mention.overclaim_reasons == []


def test_lowering_a_claims_grade_flags_its_confident_mentions():
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    confident = claim.mentions.filter(certainty=Certainty.ESTABLISHED)
    assert confident.exists() and not confident.filter(is_overclaim=True).exists()
    scores = dict(Source.objects.values_list("pk", "credibility_score"))
    grade(claim, Grade.VERY_LOW)
    assert confident.count() == confident.filter(is_overclaim=True).count()
    # More overclaims: the scores of the sources that make the claim drop in the same write.
    for source in Source.objects.filter(mentions__in=confident).distinct():
        assert source.credibility_score < scores[source.pk]


def test_deleting_a_claim_rejudges_its_mentions_on_their_evidence_alone(admin_client):
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    ids = list(
        claim.mentions.filter(
            certainty=Certainty.ESTABLISHED, evidence_cited=EvidenceCited.NONE
        ).values_list("pk", flat=True)
    )
    assert ids
    response = admin_client.post(
        reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Claim.objects.filter(pk=claim.pk).exists()
    for mention in Mention.objects.filter(pk__in=ids):
        assert mention.claim is None
        assert mention.is_overclaim
        assert "cites no evidence" in mention.overclaim_reasons[0]


def test_refresh_overclaims_repairs_flags_changed_behind_its_back():
    mention = a_mention(certainty=Certainty.ESTABLISHED, claim__grade=Grade.LOW)
    Mention.objects.filter(pk=mention.pk).update(is_overclaim=False, overclaim_reasons=[])
    sources = Mention.objects.all().refresh_overclaims()
    assert sources == {mention.source_id}
    mention.refresh_from_db()
    assert mention.is_overclaim
