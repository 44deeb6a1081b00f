"""Evidence cited: each design, the strongest wins, research under way is no evidence, markers."""

import pytest


@pytest.mark.parametrize(
    "sentence, evidence",
    [
        ("Psilocybin improves mood.", "none"),
        ("Many users report that microdosing improves their mood.", "anecdotal"),
        ("Anecdotal evidence links microdosing to better focus.", "anecdotal"),
        ("Experts believe psilocybin reduces anxiety.", "expert-opinion"),
        ("Studies show that psilocybin reduces depression.", "unspecified-research"),
        ("Research suggests ketamine relieves depression quickly.", "unspecified-research"),
        ("Psilocybin has been shown to reduce depression.", "unspecified-research"),
        ("Psilocybin reduces depression symptoms [12].", "unspecified-research"),
        ("Psilocybin reduces depression symptoms (Passie, 2008).", "unspecified-research"),
        ("In mice, psilocybin increased dendritic spine density.", "preclinical"),
        ("Animal studies show LSD promotes neuroplasticity.", "preclinical"),
        ("A survey of 2,000 microdosers found improved mood.", "survey-observational"),
        ("An observational study linked LSD use to lower anxiety.", "survey-observational"),
        ("An open-label pilot study found psilocybin reduced smoking.", "clinical-trial"),
        ("Clinical trials have found that MDMA reduces PTSD symptoms.", "clinical-trial"),
        ("A randomized trial found psilocybin reduced depression.", "rct"),
        ("In a placebo-controlled study, LSD did not improve mood.", "rct"),
        ("A meta-analysis found that ketamine reduces suicidal ideation.", "systematic-review"),
        (
            "A systematic review of randomized trials and surveys found psilocybin helps.",
            "systematic-review",
        ),
    ],
)
def test_each_design_is_recognised_and_the_strongest_wins(analyse, sentence, evidence):
    result = analyse(sentence)
    assert result.is_claim, sentence
    assert result.evidence_cited == evidence


def test_research_under_way_or_wished_for_is_not_evidence(analyse):
    result = analyse(
        "Psilocybin may reduce anxiety, although more research is needed to confirm this."
    )
    assert result.evidence_cited == "none"


def test_a_pointer_to_a_study_described_nearby_carries_its_design(analyse):
    context = "A randomized, placebo-controlled trial tested psilocybin in 59 adults."
    result = analyse("In this trial, psilocybin reduced depression scores.", context)
    assert result.evidence_cited == "rct"


@pytest.mark.parametrize(
    "sentence",
    [
        "As Barrett et al. (2021) found, psilocybin increases blood flow.",
        "Psilocybin reduces depression symptoms (Passie, 2008).",
        "A clinical trial by the University of Toronto found psilocybin reduced anxiety.",
        "Researchers at Johns Hopkins found that psilocybin helps smokers quit.",
        "A study published in JAMA Psychiatry found that psilocybin reduced depression.",
        "A 2019 survey found that microdosing improved mood.",
    ],
)
def test_a_named_study_author_institution_journal_or_year_is_a_named_study(analyse, sentence):
    assert analyse(sentence).cites_named_study


@pytest.mark.parametrize(
    "sentence",
    [
        "Studies show that psilocybin reduces depression.",
        "Psilocybin reduces depression symptoms [12].",
        "Many users follow the Fadiman protocol and report better mood.",
    ],
)
def test_a_bare_appeal_or_footnote_is_not_a_named_study(analyse, sentence):
    assert not analyse(sentence).cites_named_study
