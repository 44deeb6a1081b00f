"""Probes for the third round of error classes seen on texts outside the dev sets.

Every sentence here is written for the rule it probes, not taken from a dev set.
"""

import pytest

# 1. Participants and follow-up logistics, objectives, advice, history and law, evidence gaps,
#    calls for more research and other treatments' standing are not claims. ------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Participants were 24 treatment-resistant adults with a mean age of 44 who took LSD.",
        "The volunteers were twelve heavy drinkers enrolled before they received ketamine.",
        "All 30 patients completed the 6-month assessment after two psilocybin sessions.",
        "Overall, 140 people who had taken ayahuasca abroad completed an online questionnaire.",
        "Of these, 20 returned for a long-term follow-up after MDMA-assisted therapy.",
        "To conduct a scoping review of trials reporting antidepressant effects of DMT.",
        "It is important that prescribers know the possible effects of ketamine on blood pressure.",
        "It is therefore imperative to find an MDMA regimen that works for veterans.",
        "Psilocybin mushrooms have been used in healing rituals for the last 500 years.",
        "Until 2018, LSD was banned under national legislation in most countries.",
        "Medical cannabis can now be prescribed by specialists in several states.",
        "Very few trials have examined the effects of LSD on alcohol use disorder.",
        "The reported benefits of microdosing psilocybin should be further investigated.",
        "Cognitive processing therapy is considered the gold standard treatment for PTSD.",
        "Sertraline is an FDA-approved first-line treatment for depression, unlike psilocybin.",
        "Designer tryptamines typically mimic the effects of psilocybin at lower doses.",
        "As curiosity about microdosing spreads, use of drugs such as LSD will likely increase.",
    ],
)
def test_logistics_advice_history_gaps_and_other_treatments_are_not_claims(analyse, sentence):
    assert not analyse(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Psilocybin reduced drinking days in 30 patients with alcohol use disorder.",
        "Few side effects were reported, and ketamine lowered depression scores within a day.",
        "In the last 10 years, trials found that psilocybin helped smokers quit for good.",
    ],
)
def test_effects_next_to_such_words_stay_claims(analyse, sentence):
    assert analyse(sentence).is_claim


# 2. Certainty: respondents' reports in a survey are anecdotal; a bracketed aside's hedge only
#    qualifies the aside. ------------------------------------------------------------------------


def _claims(text):
    from claims.extraction import Vocabulary, extract

    return [a for a in extract(text, Vocabulary.from_seed()) if a.is_claim]


@pytest.mark.parametrize("verb", ["reported", "indicated", "said"])
def test_survey_respondents_reports_are_anecdotal(verb):
    text = (
        "We conducted an online survey of 60 adults who had taken ayahuasca for depression. "
        f"Seventy percent {verb} that ayahuasca lifted their mood for several months."
    )
    last = _claims(text)[-1]
    assert last.sentence.startswith("Seventy percent")
    assert last.certainty == "anecdotal"


def test_hedge_in_a_bracketed_aside_does_not_hedge_the_claim(analyse):
    result = analyse(
        "Psilocybin has been shown to reduce anxiety in patients with cancer "
        "(possibly via serotonin 2A receptors)."
    )
    assert result.is_claim
    assert result.certainty == "established"


def test_hedge_outside_the_aside_still_counts(analyse):
    result = analyse("Psilocybin may reduce anxiety in patients with cancer (n = 29).")
    assert result.certainty == "possible"


# 3. Evidence: pilot work and experimental studies in humans are trials; the strongest design a
#    sentence names wins; a case presented is observational. -----------------------------------


@pytest.mark.parametrize(
    "sentence, evidence",
    [
        (
            "Pilot work in the 1970s found that LSD reduced drinking in alcoholics.",
            "clinical-trial",
        ),
        (
            "Work in rats and experimental studies in healthy volunteers show that ketamine "
            "improves mood.",
            "clinical-trial",
        ),
        ("The case presented shows the cardiac risks of ibogaine.", "survey-observational"),
    ],
)
def test_designs_named_in_the_sentence(analyse, sentence, evidence):
    result = analyse(sentence)
    assert result.is_claim
    assert result.evidence_cited == evidence


# 4. Kind, conditions and named studies. ----------------------------------------------------------


def test_intoxication_is_a_risk(analyse):
    result = analyse("Smoked cannabis produces a high that lasts a few hours in most users.")
    assert result.is_claim
    assert result.claim_kind == "risk"
    assert result.conditions == ["safety-general"]


def test_alcohol_dependent_people_have_alcohol_use_disorder(analyse):
    result = analyse("Psilocybin lowered anxiety in alcohol dependent adults in a small trial.")
    assert sorted(result.conditions) == ["alcohol-use-disorder", "anxiety"]


def test_a_trial_acronym_names_a_study(analyse):
    result = analyse("A phase 3 trial (KETA2) found that ketamine reduced suicidal thoughts.")
    assert result.cites_named_study
    assert not analyse(
        "A phase 3 trial (n = 90) found that ketamine reduced suicidal thoughts."
    ).cites_named_study


# 5. A study's abstinence results are claims about its drug even without the drug's name. --------


@pytest.mark.parametrize(
    "result",
    [
        "At 6-month follow-up, 8 participants (40%) were biologically confirmed as abstinent.",
        "Patients stayed sober on 80% of days during the following year.",
    ],
)
def test_abstinence_results_of_the_texts_own_study(result):
    text = (
        "We conducted an open-label pilot trial of LSD for alcohol use disorder in 20 adults. "
        "Each participant was given two LSD sessions. " + result
    )
    last = _claims(text)[-1]
    assert last.sentence == result
    assert last.substances == ["lsd"]
    assert last.evidence_cited == "clinical-trial"


# 6. Evidence does not leak from a planned trial or into a sentence citing numbered references. ----


def test_a_planned_trial_lends_no_design_to_plain_statements():
    text = (
        "Psilocybin has not yet been tested in this group, and this is the purpose of the present "
        "trial. Like other drugs, psilocybin can cause headaches and nausea."
    )
    last = _claims(text)[-1]
    assert last.sentence.startswith("Like other drugs")
    assert last.evidence_cited == "none"


def test_numbered_references_glued_to_an_acronym_cite_other_work():
    text = (
        "We report a randomized controlled trial of MDMA in 90 veterans. "
        "Growing evidence supports MDMA-assisted therapy as a treatment for PTSD4,5."
    )
    last = _claims(text)[-1]
    assert last.evidence_cited == "unspecified-research"


# 7. A harm told as a case is a risk claim; what the drug was taken for is no outcome. ------------


def test_a_harm_told_as_a_case_is_a_risk(analyse):
    result = analyse(
        "A 35-year-old woman who took ketamine for symptoms of depression suffered liver "
        "failure leading to death."
    )
    assert result.is_claim
    assert result.claim_kind == "risk"
    assert result.substances == ["ketamine"]


def test_taking_a_drug_to_feel_better_is_still_a_purpose(analyse):
    assert not analyse("Many people take ketamine to feel better after work.").is_claim


def test_higher_abstinence_rates_are_a_benefit(analyse):
    result = analyse("LSD treatment resulted in markedly higher 3-month drinking abstinence rates.")
    assert result.is_claim
    assert result.claim_kind == "benefit"


# 8. A sentence that names its own subject does not borrow the passage's drug. -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Chronic use of synthetic cannabinoids has been associated with psychosis and death.",
        "Opioids can slow breathing and cause a fatal overdose.",
    ],
)
def test_a_sentence_naming_another_subject_does_not_take_the_passages_drug(analyse, sentence):
    context = "Cannabis use is linked to psychosis and may raise the risk of serious harm."
    result = analyse(sentence, context)
    assert result.is_claim
    assert result.substances == []


def test_an_antidepressant_effect_is_the_passages_drug_not_another_drug(analyse):
    context = "Ketamine is given as an infusion. Ketamine acts within hours. Ketamine is cheap."
    result = analyse("Repeated infusions have sustained antidepressant effects.", context)
    assert result.is_claim
    assert result.substances == ["ketamine"]


def test_a_risk_without_a_subject_still_takes_the_passages_drug(analyse):
    context = "Cannabis use is linked to psychosis and may raise the risk of serious harm."
    result = analyse("Users may be at increased risk of lasting harm.", context)
    assert result.substances == ["cannabis"]


@pytest.mark.parametrize(
    "sentence, context, substances",
    [
        ("Muscimol displays sedative and hallucinogenic psychoactivity.", "", []),
        (
            "Hallucinogenic effects last for about 45 to 60 minutes.",
            "DMT is found in many plants. DMT is smoked, snorted or injected.",
            ["dmt"],
        ),
    ],
)
def test_hallucinogenic_effects_are_the_subjects_not_the_class(
    analyse, sentence, context, substances
):
    assert analyse(sentence, context).substances == substances
