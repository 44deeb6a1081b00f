"""The overclaim rule, case by case (claims/overclaim.py)."""

import pytest

from claims.labels import Certainty, EvidenceCited, Grade
from claims.overclaim import overclaim_reasons

C, E, G = Certainty, EvidenceCited, Grade


@pytest.mark.parametrize(
    ("certainty", "grade", "flagged"),
    [
        # High licenses established: nothing is too strong.
        (C.ESTABLISHED, G.HIGH, False),
        (C.PROBABLE, G.HIGH, False),
        # Moderate licenses "likely".
        (C.ESTABLISHED, G.MODERATE, True),
        (C.PROBABLE, G.MODERATE, False),
        (C.POSSIBLE, G.MODERATE, False),
        # Low licenses "may".
        (C.ESTABLISHED, G.LOW, True),
        (C.PROBABLE, G.LOW, True),
        (C.POSSIBLE, G.LOW, False),
        # Very low licenses only hedged wording.
        (C.ESTABLISHED, G.VERY_LOW, True),
        (C.PROBABLE, G.VERY_LOW, True),
        (C.POSSIBLE, G.VERY_LOW, False),
        # Reports of what users say are never overclaims.
        (C.ANECDOTAL, G.VERY_LOW, False),
        (C.ANECDOTAL, G.LOW, False),
    ],
)
def test_wording_is_judged_against_the_claims_grade(certainty, grade, flagged):
    # Evidence that could settle the claim, so only the grade can raise a flag.
    reasons = overclaim_reasons(certainty, E.SYSTEMATIC_REVIEW, grade)
    assert bool(reasons) is flagged


@pytest.mark.parametrize(
    "evidence",
    [
        E.NONE,
        E.ANECDOTAL,
        E.EXPERT_OPINION,
        E.UNSPECIFIED_RESEARCH,
        E.PRECLINICAL,
        E.SURVEY_OBSERVATIONAL,
        E.CLINICAL_TRIAL,
    ],
)
def test_established_wording_needs_a_randomised_trial_or_review_when_not_graded(evidence):
    reasons = overclaim_reasons(C.ESTABLISHED, evidence, G.NOT_ASSESSED)
    assert len(reasons) == 1
    assert reasons[0].startswith("Worded as established, but the article")


@pytest.mark.parametrize("evidence", [E.RCT, E.SYSTEMATIC_REVIEW])
def test_established_wording_backed_by_a_randomised_trial_or_review_is_fine(evidence):
    assert overclaim_reasons(C.ESTABLISHED, evidence, G.NOT_ASSESSED) == []


@pytest.mark.parametrize("certainty", [C.PROBABLE, C.POSSIBLE, C.ANECDOTAL])
@pytest.mark.parametrize("evidence", [E.NONE, E.ANECDOTAL, E.PRECLINICAL])
def test_hedged_wording_is_never_an_overclaim_of_the_evidence_cited(certainty, evidence):
    assert overclaim_reasons(certainty, evidence, G.NOT_ASSESSED) == []


def test_a_mention_without_a_claim_is_judged_only_on_its_evidence():
    assert overclaim_reasons(C.PROBABLE, E.NONE, None) == []
    assert len(overclaim_reasons(C.ESTABLISHED, E.NONE, None)) == 1


def test_a_high_grade_claim_stated_as_fact_without_citation_is_not_an_overclaim():
    # "Psychedelics act on 5-HT2A receptors": settled, even if this article cites nothing.
    assert overclaim_reasons(C.ESTABLISHED, E.NONE, G.HIGH) == []


def test_both_failures_give_two_reasons():
    reasons = overclaim_reasons(C.ESTABLISHED, E.NONE, G.LOW)
    assert len(reasons) == 2


def test_each_reason_says_why_in_words():
    grade_reason, evidence_reason = overclaim_reasons(C.ESTABLISHED, E.ANECDOTAL, G.VERY_LOW)
    assert "graded very low" in grade_reason
    assert "“very uncertain”" in grade_reason
    assert "anecdotes" in evidence_reason
    (reason,) = overclaim_reasons(C.PROBABLE, E.NONE, G.LOW)
    assert "worded as probable" in reason.lower() and "“may”" in reason
    (reason,) = overclaim_reasons(C.ESTABLISHED, E.SURVEY_OBSERVATIONAL, G.NOT_ASSESSED)
    assert "cannot establish cause" in reason
    (reason,) = overclaim_reasons(C.ESTABLISHED, E.PRECLINICAL, G.NOT_ASSESSED)
    assert "animal or cell" in reason


def test_unknown_labels_are_refused():
    with pytest.raises(ValueError):
        overclaim_reasons("certain", E.NONE, G.LOW)
