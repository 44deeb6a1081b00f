"""Evidence cited: each design, the strongest wins, research under way is no evidence, markers."""

import pytest

from claims.extraction import extract


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


def _evidence_of(vocabulary, text: str, sentence: str) -> str:
    for analysis in extract(text, vocabulary, include_non_claims=True):
        if analysis.sentence == sentence:
            return analysis.evidence_cited
    raise AssertionError(f"no sentence {sentence!r}")


def test_each_abstract_of_a_text_lends_its_results_its_own_design(vocabulary):
    trial = "Agitation was significantly lower with ketamine than with midazolam (p = 0.02)."
    animals = "The escape latency was shorter in the treated group than in controls (p < 0.05)."
    text = (
        "Ketamine for emergence agitation in children: a randomized controlled trial\n\n"
        f"{trial}\n\n"
        "Resveratrol and spatial memory in aged male rats\n\n"
        f"{animals}\n"
    )
    assert _evidence_of(vocabulary, text, trial) == "rct"
    assert _evidence_of(vocabulary, text, animals) == "preclinical"


def test_the_design_stated_under_methods_is_the_texts_own(vocabulary):
    result = "Cannabis users reported significantly lower pain scores than opioid users (p = 0.01)."
    text = (
        "Background\n\nCannabis is widely used for chronic pain.\n\n"
        "Methods\n\nA retrospective internet survey was used in a sample of 200 patients.\n\n"
        f"Results\n\n{result}\n"
    )
    assert _evidence_of(vocabulary, text, result) == "survey-observational"


def test_a_trial_register_page_lends_no_design_to_its_background(vocabulary):
    background = "Psilocybin may reduce anxiety in patients with cancer."
    text = (
        "Psilocybin for Anxiety in Patients with Cancer\n\nTrial Status: active\n\n"
        "This phase II trial tests how well psilocybin works in treating anxiety in patients "
        f"with cancer. {background}\n"
    )
    assert _evidence_of(vocabulary, text, background) == "none"
