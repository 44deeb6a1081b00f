"""Probes for the error classes seen on texts outside the demo corpus (agency pages, papers).

Every sentence here is written for the rule it probes, not taken from the dev set.
"""

import pytest

from claims.extraction import extract

# 1. Research activity, regulation, methods and naming are not claims. ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency funds and supports research on psilocybin for smoking cessation.",
        "The institute is supporting research into MDMA as a potential treatment for PTSD.",
        "Federal research is building a clearer picture of the harms of ketamine misuse.",
        "Several trials of psilocybin for anorexia and alcohol use disorder are now ongoing.",
        "Esketamine is currently FDA-approved for treatment-resistant depression.",
        "Ketamine is approved as an anaesthetic in most countries.",
        "Forty adults with major depression received three doses of psilocybin (5, 10 and 20 mg).",
        "The survey was completed by 412 microdosers recruited online.",
        "Smith and colleagues conducted a double-blind psilocybin trial with 30 smokers.",
        "Neither arm of the trial knew whether they were given LSD or placebo.",
        "This placebo control ensures that observed effects are caused by the drug itself.",
        "Some people call LSD trips 'journeys' and refer to psilocybin as 'the teacher'.",
        "The arrival of novel synthetic psychedelics is of growing concern to regulators.",
        "We have gathered the available evidence on ayahuasca in this booklet.",
        "Our conclusions are largely based on four small trials of ketamine.",
        "Many people report using LSD at festivals or for spiritual exploration.",
        "Every volunteer expressed a strong desire to take part in another psilocybin session.",
        "Ibogaine is being increasingly studied as a treatment for opioid addiction.",
        "There has been rising scientific interest in the potential of DMT to treat depression.",
        "Trial procedures typically include two preparation sessions before the MDMA session.",
    ],
)
def test_research_activity_regulation_methods_and_naming_are_not_claims(analyse, sentence):
    assert not analyse(sentence).is_claim


def test_research_under_way_in_a_concession_leaves_the_claim(analyse):
    result = analyse(
        "Though trials are ongoing, researchers suspect that ketamine may rebuild synapses."
    )
    assert result.is_claim
    assert result.certainty == "possible"


def test_trials_reporting_results_are_claims(analyse):
    assert analyse(
        "Recent trials are reporting large reductions in PTSD symptoms with MDMA."
    ).is_claim


# 2. Results stated without the drug's name inside a text that reports its own study. ---------

_OWN_STUDY = (
    "Ketamine for chronic pain: a pilot study\n\n"
    "Here, we report outcomes of an open-label pilot trial of ketamine infusions in 15 adults "
    "with chronic pain.\n\n"
    "Fifteen adults received four ketamine infusions over two weeks.\n\n"
)


def _own_study(vocabulary, results: str):
    found = extract(_OWN_STUDY + results, vocabulary, include_non_claims=True)
    return {a.sentence: a for a in found}


def test_results_of_the_reported_study_are_claims_about_its_drug(vocabulary):
    text = (
        "Infusions were well tolerated. Pain scores fell by half at two weeks. "
        "Improvements remained significant at three months."
    )
    found = _own_study(vocabulary, text)
    for sentence in (
        "Infusions were well tolerated.",
        "Pain scores fell by half at two weeks.",
        "Improvements remained significant at three months.",
    ):
        assert found[sentence].is_claim, sentence
        assert found[sentence].substances == ["ketamine"]
        assert found[sentence].evidence_cited == "clinical-trial"
    assert not found["Fifteen adults received four ketamine infusions over two weeks."].is_claim


def test_a_result_subject_without_a_reported_study_is_no_claim(analyse):
    context = (
        "Ketamine is a dissociative anaesthetic. Ketamine is sold as a powder. Ketamine, again."
    )
    assert not analyse("Results were reported at a conference.", context).is_claim


def test_an_opening_with_effect_nouns_refers_back(analyse):
    context = "LSD is a hallucinogen."
    for sentence in (
        "Specifically, some of its effects occur in the visual cortex.",
        "Experiences are often unpredictable and may vary with the setting.",
        "Positive effects have been observed at three months.",
    ):
        result = analyse(sentence, context)
        assert result.is_claim, sentence
        assert result.substances == ["lsd"], sentence


def test_participants_experiences_in_a_described_study_are_claims(analyse):
    context = "A double-blind trial gave psilocybin to 20 smokers."
    result = analyse("Most participants experienced a lasting sense of calm.", context)
    assert result.is_claim
    assert result.evidence_cited == "rct"


@pytest.mark.parametrize(
    "sentence",
    [
        "Microdosing is the habit of taking very small amounts of psilocybin.",
        "Microdosing, taking about 5% of a full LSD dose twice a week, has gained popularity.",
    ],
)
def test_a_definition_that_states_a_dose_is_a_dosing_claim(analyse, sentence):
    result = analyse(sentence)
    assert result.is_claim
    assert result.claim_kind == "dosing"


def test_popularity_without_a_dose_or_cue_is_still_no_claim(analyse):
    assert not analyse("Microdosing LSD has gained popularity in recent years.").is_claim


# 8. Author-year citations name a study; footnote numbers do not. -----------------------------


def test_a_list_of_author_year_citations_names_studies(analyse):
    result = analyse("MDMA increases oxytocin release (Dumont, 2009; Hysek and Liechti, 2014).")
    assert result.cites_named_study
    assert result.evidence_cited == "unspecified-research"


def test_a_footnote_number_is_research_but_no_named_study(analyse):
    result = analyse("MDMA increases oxytocin release.12")
    assert result.evidence_cited == "unspecified-research"
    assert not result.cites_named_study


# 3. Claim kind. ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "DMT can make users feel detached from their own body.",
        "Mescaline can temporarily alter a person's thoughts and perceptions.",
        "Ayahuasca can cause people to hear voices that seem real but do not exist.",
        "LSD may cause terrifying thoughts and fears of losing one's mind.",
        "Ketamine distorts the way users perceive colours and time.",
        "Heavy LSD use is associated with psychotic-like episodes.",
        "Psilocybin infusions were generally well tolerated.",
    ],
)
def test_adverse_and_perceptual_effects_are_risks_with_safety_general(analyse, sentence):
    result = analyse(sentence)
    assert result.is_claim, sentence
    assert result.claim_kind == "risk", sentence
    assert "safety-general" in result.conditions, sentence


def test_safety_listed_with_benefits_is_a_benefit(analyse):
    result = analyse("Ketamine was well tolerated and symptom improvements were large.")
    assert result.claim_kind == "benefit"


@pytest.mark.parametrize(
    "sentence",
    [
        "The effects of DMT begin within 2 minutes of smoking it.",
        "Effects of mescaline can last as long as 10 to 12 hours.",
    ],
)
def test_onset_and_duration_are_dosing(analyse, sentence):
    result = analyse(sentence)
    assert result.is_claim
    assert result.claim_kind == "dosing"
    assert result.conditions == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Both groups improved, and there were no significant between-group differences "
        "for microdosing.",
        "The benefits reported by microdosers can be explained by expectancy.",
        "Mood ratings after LSD microdoses did not differ from placebo.",
        # Null findings in other words.
        "Kava isn't consistently effective for generalised anxiety.",
        "Melatonin does not actually treat jet lag in most travellers.",
        "Valerian does not appear to be an effective treatment for insomnia.",
        "Ginseng neither improves memory nor slows cognitive decline.",
        "The pooled trials show limited efficacy of lithium for suicidality.",
        "Taken together, these trials do not support the antidepressant effects of saffron.",
        "Independent reviews have not found health benefits for magnesium beyond placebo.",
        "Pain scores were similar in the two groups after eight weeks of acupuncture.",
        "None of the supplements she tried made any difference to her depression.",
        "Efficacy outcomes were negative in the psilocybin arm for depression.",
    ],
)
def test_null_results_are_efficacy_null(analyse, sentence):
    assert analyse(sentence).claim_kind == "efficacy-null"


def test_limited_evidence_after_but_does_not_make_a_null_result(analyse):
    result = analyse(
        "Microdosing psilocybin led to better mood on dosing days but limited evidence of "
        "effects on later days."
    )
    assert result.claim_kind == "benefit"


def test_what_predicts_an_effect_is_a_mechanism(analyse):
    result = analyse("Reductions in anxiety after MDMA were predicted by the depth of the session.")
    assert result.claim_kind == "mechanism"


# 6. Substances: the class as subject. --------------------------------------------------------


def test_a_class_with_examples_keeps_the_class(analyse):
    result = analyse("Psychedelics such as mescaline and DMT can distort the sense of time.")
    assert set(result.substances) == {"psychedelics-general", "mescaline", "dmt"}


def test_a_drug_with_a_class_qualifier_stays_specific(analyse):
    assert analyse("Psilocybin, a psychedelic, reduced anxiety.").substances == ["psilocybin"]


def test_a_reference_back_to_a_class_with_examples_is_the_class(analyse):
    context = "Hallucinogens such as LSD and mescaline act on serotonin receptors."
    result = analyse("These drugs can also cause nausea.", context)
    assert result.substances == ["psychedelics-general"]


def test_and_other_class_is_the_class_too(analyse):
    context = "People call LSD and other hallucinogenic experiences 'journeys'."
    result = analyse("On some journeys, users experience terrifying thoughts.", context)
    assert result.substances == ["psychedelics-general"]


def test_street_names_name_the_substance(analyse):
    result = analyse("Special K can cause dissociation.")
    assert result.substances == ["ketamine"]


# 7. Conditions. ------------------------------------------------------------------------------


def test_respiratory_depression_is_not_depression(analyse):
    result = analyse("High doses of ketamine can cause respiratory depression.")
    assert "depression" not in result.conditions
    assert "safety-general" in result.conditions


def test_energy_alone_is_not_focus(analyse):
    result = analyse("Microdosing LSD increased energy and mood.")
    assert "focus-productivity" not in result.conditions


def test_coordinated_addictions_get_each_substance_and_addiction(analyse):
    result = analyse("Psilocybin reduced alcohol and tobacco addiction in small trials.")
    assert {"alcohol-use-disorder", "smoking-cessation", "addiction"} <= set(result.conditions)


def test_anxiety_about_a_terminal_diagnosis_is_end_of_life_distress(analyse):
    result = analyse("Psilocybin eased anxiety related to terminal diagnoses.")
    assert "end-of-life-distress" in result.conditions


def test_a_leading_in_addition_to_clause_is_background(analyse):
    result = analyse(
        "In addition to their effects on perception and mood, hallucinogens can cause seizures."
    )
    assert result.claim_kind == "risk"
    assert "wellbeing-mood" not in result.conditions


def test_a_dose_size_that_only_qualifies_an_effect_is_not_dosing(analyse):
    result = analyse("Small doses of LSD enable users to concentrate for longer.")
    assert result.claim_kind != "dosing"


def test_a_class_definition_with_alter_is_not_a_risk(analyse):
    result = analyse("Psychedelics are substances that alter one's perception and mood.")
    assert result.claim_kind != "risk"


# 4. Certainty: perception verbs are not hedges; "anecdotal" as a modifier is no attribution. --


@pytest.mark.parametrize(
    "sentence",
    [
        "Mescaline makes colours appear brighter and walls seem to breathe.",
        "DMT can cause objects that seem solid to melt.",
        "LSD can make it seem as though time has stopped.",
        "With ketamine, relief of depressive symptoms appeared quickly after the first infusion.",
        "Placebo effects account for the anecdotal benefits of microdosing LSD.",
    ],
)
def test_perception_verbs_and_anecdotal_modifiers_set_no_hedge(analyse, sentence):
    result = analyse(sentence)
    assert result.is_claim, sentence
    assert result.certainty == "established", (sentence, result.hedge_cues)


@pytest.mark.parametrize(
    "sentence, certainty",
    [
        ("Psilocybin appears to reduce smoking.", "probable"),
        ("Ketamine seems effective for suicidal ideation.", "probable"),
        ("Users report that microdosing improves their focus.", "anecdotal"),
        ("Most respondents expected that microdosing would improve their mood.", "possible"),
    ],
)
def test_epistemic_uses_still_hedge(analyse, sentence, certainty):
    assert analyse(sentence).certainty == certainty


# 5. Evidence cited. --------------------------------------------------------------------------


def test_has_been_suggested_is_an_appeal_to_research(analyse):
    result = analyse("Ibogaine has been suggested to reduce opioid cravings.")
    assert result.evidence_cited == "unspecified-research"


@pytest.mark.parametrize(
    "sentence",
    [
        "In a single-arm study, psilocybin reduced anorexia symptoms.",
        "An uncontrolled pilot of MDMA therapy reduced PTSD symptoms.",
        "A non-randomised study found ketamine reduced suicidal ideation.",
    ],
)
def test_uncontrolled_designs_are_clinical_trials(analyse, sentence):
    assert analyse(sentence).evidence_cited == "clinical-trial"


def test_a_reported_surveys_design_carries_to_belief_and_result_sentences(vocabulary):
    text = (
        "Microdosing and wellbeing: an online survey\n\n"
        "We surveyed 300 people who microdose psilocybin, using a longitudinal design.\n\n"
        "Participants expected microdosing to improve their mood. "
        "Analyses of weekly ratings revealed small reductions in stress."
    )
    found = {a.sentence: a for a in extract(text, vocabulary)}
    belief = found["Participants expected microdosing to improve their mood."]
    assert belief.certainty == "possible"
    assert belief.evidence_cited == "survey-observational"
    result = found["Analyses of weekly ratings revealed small reductions in stress."]
    assert result.substances == ["psychedelics-general"]  # what the text is about: microdosing
    assert result.evidence_cited == "survey-observational"


# Found by running the extractor on new agency pages and trial abstracts written for probing. ---


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine was originally marketed as an anaesthetic for soldiers.",
        "MDMA is now in phase 3 clinical trials as a treatment for PTSD.",
        "Longer-term trials are needed to learn whether ketamine's benefit lasts.",
    ],
)
def test_history_trials_under_way_and_research_needs_are_not_claims(analyse, sentence):
    assert not analyse(sentence).is_claim


def test_animal_experiments_are_preclinical(analyse):
    result = analyse("Experiments have shown that animals will self-administer ketamine.")
    assert result.evidence_cited == "preclinical"


def test_a_list_of_adverse_effects_is_a_risk(analyse):
    context = "MDMA is a synthetic drug."
    result = analyse("Other health effects include muscle cramping, chills, and sweating.", context)
    assert result.is_claim
    assert result.substances == ["mdma"]
    assert result.claim_kind == "risk"


def test_results_of_a_reported_trial_with_no_drug_named(vocabulary):
    text = (
        "LSD for generalised anxiety\n\n"
        "This was a randomised, double-blind trial of LSD in 60 adults with anxiety.\n\n"
        "The proportion of responders was 60% with LSD and 25% with placebo. "
        "Dissociative symptoms were mild and resolved within a day. "
        "Differences between groups were no longer significant at 12 weeks."
    )
    found = {a.sentence: a for a in extract(text, vocabulary)}
    kinds = {
        "The proportion of responders was 60% with LSD and 25% with placebo.": "benefit",
        "Dissociative symptoms were mild and resolved within a day.": "risk",
        "Differences between groups were no longer significant at 12 weeks.": "efficacy-null",
    }
    for sentence, kind in kinds.items():
        assert found[sentence].claim_kind == kind, sentence
        assert found[sentence].evidence_cited == "rct", sentence
        assert found[sentence].substances == ["lsd"], sentence


def test_a_drug_approved_for_a_condition_is_regulation_not_a_claim(analyse):
    assert not analyse(
        "Esketamine is a nasal spray approved for treatment-resistant depression."
    ).is_claim


def test_how_a_drug_is_given_is_not_a_claim_unless_an_amount_is_stated(analyse):
    assert not analyse("Ketamine is given as an infusion in a hospital clinic.").is_claim
    assert analyse("LSD is usually taken orally in doses of 100 micrograms.").claim_kind == "dosing"


def test_a_single_dose_opening_refers_to_the_drug(analyse):
    result = analyse(
        "A single dose reduced cravings compared with placebo in a randomised trial.",
        "Ibogaine is a West African plant alkaloid.",
    )
    assert result.substances == ["ibogaine"]
    assert result.evidence_cited == "rct"


def test_being_at_increased_risk_in_a_passage_on_a_drug_is_a_risk(analyse):
    result = analyse(
        "People with bipolar disorder may be at increased risk of mania.",
        "Psilocybin is a psychedelic.",
    )
    assert result.is_claim
    assert result.substances == ["psilocybin"]
    assert result.claim_kind == "risk"


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Mescaline can interact dangerously with MAO inhibitors.", "risk"),
        ("Ketamine has a potential for misuse.", "risk"),
        ("The effects of DMT usually wear off within thirty minutes.", "dosing"),
        ("Psilocybin effects last about six hours.", "dosing"),
    ],
)
def test_interactions_misuse_and_durations(analyse, sentence, kind):
    assert analyse(sentence).claim_kind == kind


def test_reports_of_experiences_are_anecdotal_claims(analyse):
    result = analyse("People who drink ayahuasca report having visions of their childhood.")
    assert result.is_claim
    assert result.certainty == "anecdotal"


def test_an_outcome_acted_on_by_a_harm_is_not_a_benefit(analyse):
    result = analyse("DMT can cause moods to swing wildly and faces to look frightening.")
    assert result.claim_kind == "risk"
    assert "safety-general" in result.conditions


def test_a_reduction_in_a_harm_is_a_benefit(analyse):
    result = analyse("Microdosers describe a reduction in irritability after microdosing LSD.")
    assert result.claim_kind == "benefit"


def test_a_regulatory_designation_is_not_a_claim(analyse):
    assert not analyse("MDMA received breakthrough therapy designation for PTSD in 2017.").is_claim


def test_prevalence_of_use_is_not_a_claim(analyse):
    assert not analyse("LSD is increasingly used both recreationally and for depression.").is_claim


def test_researchers_arguing_is_a_claim(analyse):
    result = analyse("Some scientists have argued that ibogaine could reduce opioid cravings.")
    assert result.is_claim
    assert result.certainty == "possible"


def test_case_reports_of_deaths_are_not_anecdotes(analyse):
    assert analyse("Reports of fatal LSD overdoses are rare.").certainty == "established"


def test_own_survey_findings_on_harms_are_findings_not_anecdotes(vocabulary):
    text = (
        "Ketamine use in nightlife: a cross-sectional survey\n\n"
        "We conducted a cross-sectional online survey of 900 adults who use ketamine.\n\n"
        "Frequent users were more likely to report bladder pain. "
        "Daily use was associated with higher depression scores."
    )
    found = {a.sentence: a for a in extract(text, vocabulary)}
    pain = found["Frequent users were more likely to report bladder pain."]
    assert pain.certainty == "established"
    assert pain.evidence_cited == "survey-observational"
    assert pain.claim_kind == "risk"
    scores = found["Daily use was associated with higher depression scores."]
    assert scores.claim_kind == "risk"
    assert scores.substances == ["ketamine"]


def test_onset_of_effects_refers_back_as_dosing(analyse):
    result = analyse(
        "The onset of effects is typically 30 minutes after ingestion.", "DMT is potent."
    )
    assert result.substances == ["dmt"]
    assert result.claim_kind == "dosing"


def test_a_review_declared_in_the_title_carries_to_its_results(vocabulary):
    text = (
        "Ketamine for depression: a systematic review and meta-analysis\n\n"
        "We searched three databases for trials of ketamine in adults with depression.\n\n"
        "Ketamine reduced depressive symptoms more than control conditions. "
        "Serious adverse events were rare."
    )
    found = {a.sentence: a for a in extract(text, vocabulary)}
    for sentence in (
        "Ketamine reduced depressive symptoms more than control conditions.",
        "Serious adverse events were rare.",
    ):
        assert found[sentence].evidence_cited == "systematic-review", sentence


def test_attributions_before_a_paper_declares_its_study_stay_anecdotal(vocabulary):
    text = (
        "Users of microdosing report better focus and claim wide-ranging benefits. "
        "We surveyed 400 microdosers in a longitudinal study.\n\n"
        "Participants reported better focus on dosing days."
    )
    found = {a.sentence: a for a in extract(text, vocabulary)}
    first = found["Users of microdosing report better focus and claim wide-ranging benefits."]
    assert first.certainty == "anecdotal"
    later = found["Participants reported better focus on dosing days."]
    assert later.certainty == "established"
    assert later.evidence_cited == "survey-observational"


def test_funding_studies_is_research_activity(analyse):
    assert not analyse("The agency funds studies on the therapeutic potential of DMT.").is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine may lead to ulcers in the bladder when used for long periods.",
        "Heavy MDMA use can result in memory loss.",
    ],
)
def test_harms_a_drug_leads_to_are_risks(analyse, sentence):
    assert analyse(sentence).claim_kind == "risk"


def test_what_a_risk_varies_with_is_no_outcome(analyse):
    result = analyse(
        "Effects of LSD are unpredictable and may vary with the user's mood and setting."
    )
    assert result.claim_kind == "risk"
    assert result.conditions == ["safety-general"]


def test_ability_to_think_is_cognition(analyse):
    result = analyse("Ketamine can disrupt a person's ability to think clearly.")
    assert "cognition" in result.conditions


def test_a_harm_only_in_a_consequence_clause_still_makes_a_risk(analyse):
    result = analyse("Ibogaine can cause QT prolongation, which may lead to fatal arrhythmias.")
    assert result.claim_kind == "risk"


def test_a_dated_study_with_a_design_word_is_named(analyse):
    result = analyse("A 2019 observational study found that ibogaine reduced opioid use.")
    assert result.cites_named_study
    assert "addiction" in result.conditions


def test_fewer_side_effects_stays_a_safety_claim(analyse):
    assert analyse("Psilocybin causes fewer side effects than SSRIs.").claim_kind == "risk"


def test_lower_rates_of_misuse_are_a_benefit(analyse):
    result = analyse("Ayahuasca drinkers reported lower rates of alcohol and drug misuse.")
    assert result.claim_kind == "benefit"
    assert {"alcohol-use-disorder", "addiction"} <= set(result.conditions)


def test_a_mechanism_only_in_a_relative_clause_is_a_mechanism(analyse):
    result = analyse(
        "Psilocybin is rapidly converted to psilocin, which binds to 5-HT2A receptors."
    )
    assert result.claim_kind == "mechanism"
