"""Evidence cited: each design, the strongest wins, research under way is no evidence, markers."""

import pytest

from claims.extraction import extract


@pytest.mark.parametrize(
    "sentence, evidence",
    [
        ("Psilocybin improves mood.", "none"),
        ("Many users report that microdosing improves their mood.", "anecdotal"),
        ("Anecdotal evidence links microdosing to better focus.", "anecdotal"),
        ("Turmeric is promoted for osteoarthritis and depression.", "anecdotal"),
        ("After the infusion, I felt calm for the first time in years.", "anecdotal"),
        ("Experts believe psilocybin reduces anxiety.", "expert-opinion"),
        ("“Ketamine can lift depression within hours,” said Dr. Jane Smith.", "expert-opinion"),
        (
            "The FDA has concluded that this drug is safe and effective for seizures.",
            "expert-opinion",
        ),
        ("Studies show that psilocybin reduces depression.", "unspecified-research"),
        ("Research suggests ketamine relieves depression quickly.", "unspecified-research"),
        ("Psilocybin has been shown to reduce depression.", "unspecified-research"),
        ("Ketamine is found to relieve depression within hours.", "unspecified-research"),
        ("Ketamine has been discovered to relieve depression quickly.", "unspecified-research"),
        ("It has been reported that probiotics ease depression.", "unspecified-research"),
        ("The analgesic effect of ketamine is well documented.", "unspecified-research"),
        ("It has been clearly shown that ketamine can harm the bladder.", "unspecified-research"),
        ("Cannabis is proven to ease chemotherapy nausea.", "unspecified-research"),
        ("Science shows that cannabis harms the teenage brain.", "unspecified-research"),
        ("It is well-established that cannabis can trigger psychosis.", "unspecified-research"),
        ("Psilocybin reduces depression symptoms [12].", "unspecified-research"),
        ("Psilocybin reduces depression symptoms (Passie, 2008).", "unspecified-research"),
        ("In mice, psilocybin increased dendritic spine density.", "preclinical"),
        ("Animal studies show LSD promotes neuroplasticity.", "preclinical"),
        ("A survey of 2,000 microdosers found improved mood.", "survey-observational"),
        ("An observational study linked LSD use to lower anxiety.", "survey-observational"),
        ("Real-world studies confirm that esketamine eases depression.", "survey-observational"),
        ("An open-label pilot study found psilocybin reduced smoking.", "clinical-trial"),
        ("Clinical trials have found that MDMA reduces PTSD symptoms.", "clinical-trial"),
        ("A randomized trial found psilocybin reduced depression.", "rct"),
        ("In a placebo-controlled study, LSD did not improve mood.", "rct"),
        ("In a rat model of PTSD, MDMA reduced anxiety-like behaviour.", "preclinical"),
        (
            "In stem cell-derived cardiomyocytes, ibogaine prolonged the action potential.",
            "preclinical",
        ),
        ("Patch clamp recordings showed that ketamine blocks NMDA receptors.", "preclinical"),
        (
            "Pharmacovigilance data show esketamine raises the risk of dissociation.",
            "survey-observational",
        ),
        ("A qualitative study found that psilocybin eased grief.", "survey-observational"),
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


TRIAL_RESULT = "Agitation was significantly lower with ketamine than with midazolam (p = 0.02)."
ANIMAL_RESULT = "The escape latency was shorter in the treated group than in controls (p < 0.05)."
# Two abstracts in one text, each under its title.
TWO_ABSTRACTS = (
    "Ketamine for emergence agitation in children: a randomized controlled trial\n\n"
    f"{TRIAL_RESULT}\n\nResveratrol and spatial memory in aged male rats\n\n{ANIMAL_RESULT}\n"
)
SURVEY_RESULT = "Cannabis users reported significantly lower pain than opioid users (p = 0.01)."
METHODS_SECTION = (
    "Background\n\nCannabis is widely used for chronic pain.\n\n"
    "Methods\n\nA retrospective internet survey was used in a sample of 200 patients.\n\n"
    f"Results\n\n{SURVEY_RESULT}\n"
)
CBD_RESULT = "CBD significantly decreased anxiety on both scales."
PASSIVE_DESIGN = (
    "Cannabidiol for social anxiety in teenagers\n\nThirty-seven teenagers with social anxiety "
    f"received, in a double-blind study, 300 mg CBD or placebo daily. {CBD_RESULT}\n"
)
LIVER_RESULT = "Seven participants had raised liver enzymes after CBD."
ENROLLED = (
    "Liver safety of cannabidiol in healthy adults\n\nSixteen healthy adults were enrolled in a "
    f"phase I, open-label trial of daily CBD. {LIVER_RESULT}\n"
)
MICE_RESULT = "MDMA increased the expression of Fos in the amygdala."
EXPERIMENTS = (
    "MDMA facilitates fear extinction learning\n\nIn these experiments, mice were exposed to "
    f"cued fear conditioning and treated with vehicle or MDMA. {MICE_RESULT}\n"
)
MOOD_RESULT = "MDMA alone increased positive mood."
PARTICIPATED = (
    "MDMA and mood: role of the 5-HT2 receptor\n\nSubjects (N = 17) participated in a "
    f"double-blind, placebo-controlled, within-subject design. {MOOD_RESULT}\n"
)
REGISTER_BACKGROUND = "Psilocybin may reduce anxiety in patients with cancer."
REGISTER_PAGE = (
    "Psilocybin for Anxiety in Patients with Cancer\n\nTrial Status: active\n\n"
    "This phase II trial tests how well psilocybin works in treating anxiety in patients "
    f"with cancer. {REGISTER_BACKGROUND}\n"
)


@pytest.mark.parametrize(
    "text, sentence, evidence",
    [
        (TWO_ABSTRACTS, TRIAL_RESULT, "rct"),  # each abstract lends its results its own design
        (TWO_ABSTRACTS, ANIMAL_RESULT, "preclinical"),
        (METHODS_SECTION, SURVEY_RESULT, "survey-observational"),  # the design under Methods
        (REGISTER_PAGE, REGISTER_BACKGROUND, "none"),  # a register's trial has no results yet
        (PASSIVE_DESIGN, CBD_RESULT, "rct"),  # "received ... or placebo" describes its own trial
        (ENROLLED, LIVER_RESULT, "clinical-trial"),  # "were enrolled in a ... trial"
        (EXPERIMENTS, MICE_RESULT, "preclinical"),  # "In these experiments, mice ..."
        (PARTICIPATED, MOOD_RESULT, "rct"),  # "Subjects participated in a double-blind ..."
    ],
    ids=[
        "first-abstract",
        "second-abstract",
        "methods-section",
        "trial-register",
        "passive-design",
        "enrolled",
        "these-experiments",
        "participated-in",
    ],
)
def test_a_result_takes_the_design_of_the_study_its_text_reports(
    vocabulary, text, sentence, evidence
):
    found = {a.sentence: a for a in extract(text, vocabulary, include_non_claims=True)}
    assert found[sentence].evidence_cited == evidence


_TRIAL_WITH_BACKGROUND = (
    "Ketamine for depression: a randomised controlled trial\n\n"
    "{background}\n\nKetamine produced rapid antidepressant effects.\n\n"
    "Results\n\nKetamine reduced depressive symptoms within a week.\n"
)


@pytest.mark.parametrize("background", ["Background", "1. Introduction", "Rationale:"])
def test_a_background_section_states_what_was_known_not_the_trials_results(vocabulary, background):
    text = _TRIAL_WITH_BACKGROUND.format(background=background)
    found = {a.sentence: a for a in extract(text, vocabulary)}
    assert found["Ketamine produced rapid antidepressant effects."].evidence_cited == "none"
    assert found["Ketamine reduced depressive symptoms within a week."].evidence_cited == "rct"


def test_an_inline_background_label_ends_at_the_next_label(vocabulary):
    text = (
        "Ketamine for depression: a randomised controlled trial\n\n"
        "Background: Ketamine reduced suicidal thoughts within hours.\n\n"
        "Results: Ketamine reduced depressive symptoms within a week.\n"
    )
    found = [a.evidence_cited for a in extract(text, vocabulary)]
    assert found == ["none", "rct"]


def test_later_sentences_of_a_text_reporting_its_own_trial_take_its_design(vocabulary):
    # No result shape ("produced", "patients", a p-value): the learned head still reads that the
    # text reports its own trial, and points at the words naming its design.
    text = (
        "Repeated low doses of LSD in healthy volunteers\n\n"
        "We conducted a randomised, double-blind, placebo-controlled trial of LSD microdoses "
        "in 80 healthy adults.\n\n"
        "LSD also blunted the induction of long-term potentiation on the fourth dosing session.\n"
        "Microdosing appeared to be well tolerated.\n"
    )
    found = extract(text, vocabulary)
    assert [a.evidence_cited for a in found] == ["rct", "rct"]
    declared = text.index("randomised")
    assert any(s <= declared < e for s, e in found[0].explain["evidence_cited"])
