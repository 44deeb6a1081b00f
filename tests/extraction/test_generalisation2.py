"""Probes for the second round of error classes seen on texts outside the dev sets.

Every sentence here is written for the rule it probes, not taken from a dev set.
"""

import pytest

from claims.extraction import extract

# 1. Objectives, methods, caveats, evidence gaps and guidance are not claims. ------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "To determine whether three sessions of LSD reduce anxiety in adults with GAD.",
        "Objective: to assess whether ketamine infusions lower suicidal ideation in teenagers.",
        "The effects of MDMA were studied in 40 veterans with chronic PTSD.",
        "The trial took several precautions to ensure safety, including cardiac monitoring.",
        "The researchers collected online survey data on mood before and after microdosing LSD.",
        "Blinded raters and neutral instructions minimized expectancy effects of psilocybin.",
        "These encouraging ketamine results cannot be generalized to older patients.",
        "The reported benefits of ayahuasca retreats have not been scientifically validated.",
        "There is very little research on ibogaine and its effects on opioid withdrawal.",
        "The agency issued guidance recommending that ketamine not be prescribed for anxiety.",
        "We here briefly review the evidence on psilocybin's benefits and harms for depression.",
    ],
)
def test_objectives_methods_caveats_gaps_and_guidance_are_not_claims(analyse, sentence):
    assert not analyse(sentence).is_claim


# 2. Findings behind "found support for" and "have shown promise". ------------------------------


def test_found_support_for_is_a_finding(analyse):
    result = analyse(
        "Recent trials have found support for combining MDMA with psychotherapy to treat PTSD."
    )
    assert result.is_claim
    assert result.certainty == "established"


def test_shown_promise_is_a_claim(analyse):
    assert analyse("Ibogaine has shown promise in reducing opioid withdrawal.").is_claim


# 3. Certainty: nouns and agreement phrases are no hedges; "suggestive of" is. -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine has considerable abuse potential and can cause bladder damage.",
        "LSD has a low potential for addiction and dependence.",
        "These reductions in depression after psilocybin are consistent with earlier trials.",
        "The reduction in drinking after psilocybin was in line with a previous open-label study.",
    ],
)
def test_risk_nouns_and_agreement_phrases_are_no_hedges(analyse, sentence):
    result = analyse(sentence)
    assert result.is_claim
    assert result.certainty == "established", result.hedge_cues


def test_suggestive_of_is_a_probable_hedge(analyse):
    result = analyse("Lower anxiety after microdosing LSD was suggestive of a placebo response.")
    assert result.certainty == "probable"
    assert "suggestive of" in result.hedge_cues


def test_potential_in_research_under_way_does_not_hedge_a_found_effect(analyse):
    result = analyse(
        "In mice, psilocybin has been found to reduce inflammation and is being investigated "
        "as a potential treatment for arthritis."
    )
    assert result.certainty == "established", result.hedge_cues


# 4. Evidence cited: reference markers. --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Psilocybin reliably increases feelings of connectedness (4).",
        "DMT acts on the sigma-1 receptor12 and on serotonin receptors.",
    ],
)
def test_bare_reference_numbers_are_unspecified_research(analyse, sentence):
    result = analyse(sentence)
    assert result.evidence_cited == "unspecified-research"
    assert not result.cites_named_study


def test_a_meta_analysis_with_a_glued_reference_number_is_a_systematic_review(analyse):
    result = analyse("Our psilocybin results agree with a meta-analysis27 of depression trials.")
    assert result.evidence_cited == "systematic-review"


def test_known_side_effects_appeal_to_research(analyse):
    result = analyse("Ketamine has known side effects, including raised blood pressure.")
    assert result.evidence_cited == "unspecified-research"
    assert result.certainty == "established"


def test_research_under_way_is_not_evidence(analyse):
    result = analyse(
        "One promising field of research is testing MDMA as an aid to couples therapy, "
        "and MDMA increases feelings of trust."
    )
    assert result.evidence_cited == "none"


# 5. Claim kind. -------------------------------------------------------------------------------


def test_transporter_inhibitors_and_releasers_are_mechanisms(analyse):
    result = analyse("Ibogaine is a serotonin transporter inhibitor and a dopamine releaser.")
    assert result.claim_kind == "mechanism"


@pytest.mark.parametrize(
    "sentence",
    [
        "Hallucinogens alter perception and thinking for several hours.",
        "DMT produces altered states of consciousness within minutes.",
    ],
)
def test_acute_alterations_of_perception_are_risks(analyse, sentence):
    result = analyse(sentence)
    assert result.claim_kind == "risk"
    assert "safety-general" in result.conditions


def test_a_placebo_response_finding_is_efficacy_null(analyse):
    result = analyse(
        "Improvements in mood after microdosing psilocybin largely reflected a placebo response."
    )
    assert result.claim_kind == "efficacy-null"


def test_trials_that_did_not_establish_efficacy_are_efficacy_null(analyse):
    result = analyse("Two trials of esketamine did not establish efficacy in older adults.")
    assert result.is_claim
    assert result.claim_kind == "efficacy-null"


# 6. Named study: a dated design phrase. -------------------------------------------------------


def test_a_dated_design_phrase_with_adjectives_is_named(analyse):
    result = analyse(
        "A small 2023 double-blind trial found that psilocybin reduced migraine frequency."
    )
    assert result.cites_named_study


# 1b. Sentences about other treatments than the passage's drug. --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Although standard antidepressants help many patients, they can take months to work.",
        "Despite existing therapies for PTSD, many veterans still do not respond to these "
        "treatments.",
    ],
)
def test_sentences_about_other_treatments_are_not_claims_about_the_drug(analyse, sentence):
    context = "Psilocybin is being tested for depression. Psilocybin lifts mood for weeks."
    assert not analyse(sentence, context).is_claim


def test_a_comparison_with_standard_treatments_still_refers_back(analyse):
    context = "MDMA therapy pairs the drug with talk therapy."
    result = analyse(
        "This approach works faster than standard antidepressants and reduces PTSD symptoms.",
        context,
    )
    assert result.is_claim
    assert result.substances == ["mdma"]


# 2b. Negative findings and harms with the drug left implicit; follow-on results. -------------

_PASSAGE = "Esketamine is a nasal spray for depression. Esketamine was approved in 2019."


def test_trials_that_failed_about_the_passage_drug_are_claims(analyse):
    result = analyse("The pivotal trials did not demonstrate efficacy over placebo.", _PASSAGE)
    assert result.is_claim
    assert result.substances == ["esketamine"]
    assert result.claim_kind == "efficacy-null"


def test_safety_signals_about_the_passage_drug_are_risks(analyse):
    result = analyse("Safety signals, including two deaths, were underreported.", _PASSAGE)
    assert result.is_claim
    assert result.claim_kind == "risk"


def test_a_follow_on_result_refers_back(analyse):
    context = "In a small trial, LSD microdosing was found to increase total sleep time."
    result = analyse("This included better quality of deep sleep and improved recall.", context)
    assert result.is_claim
    assert result.substances == ["lsd"]


# 4b. Evidence cited: a study's own results, other work, comparisons. --------------------------

_TRIAL = (
    "Ketamine for social anxiety: a randomized, placebo-controlled trial\n\n"
    "Thirty adults with social anxiety received ketamine or placebo.\n\n"
    "Adults with social anxiety often avoid social situations for years.\n\n"
)


def _trial(vocabulary, results: str):
    found = extract(_TRIAL + results, vocabulary, include_non_claims=True)
    return {a.sentence: a for a in found}


def test_a_result_with_the_drug_as_subject_gets_the_study_design(vocabulary):
    found = _trial(vocabulary, "Ketamine reduced fear of social situations within a week.")
    result = found["Ketamine reduced fear of social situations within a week."]
    assert result.evidence_cited == "rct"


def test_other_work_cited_up_front_does_not_take_the_study_design(vocabulary):
    found = _trial(vocabulary, "Earlier studies suggest that ketamine may reduce social anxiety.")
    result = found["Earlier studies suggest that ketamine may reduce social anxiety."]
    assert result.evidence_cited == "unspecified-research"


@pytest.mark.parametrize(
    "sentence, substances",
    [
        ("Treatment was generally well tolerated.", ["ketamine"]),  # the study's own drug
        ("Current treatments reduced symptoms only after several weeks.", []),  # other drugs
    ],
)
def test_a_result_without_a_drug_is_the_studys_unless_it_names_other_treatments(
    vocabulary, sentence, substances
):
    assert _trial(vocabulary, sentence)[sentence].substances == substances


def test_a_trailing_comparison_keeps_the_study_design(vocabulary):
    sentence = "Side effects of ketamine were brief, consistent with earlier trials.3-5"
    found = _trial(vocabulary, sentence)
    assert found[sentence].evidence_cited == "rct"


def test_background_on_patients_is_no_result_of_the_study(vocabulary):
    found = _trial(vocabulary, "")
    assert not found["Adults with social anxiety often avoid social situations for years."].is_claim


# 2c. Definitions: a use is no claim, a dose defined by perceptibility is a dosing claim. -------


def test_a_definition_whose_only_predicate_is_a_use_is_no_claim(analyse):
    sentence = "Ketamine-assisted therapy is the use of ketamine in treating depression and PTSD."
    assert not analyse(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Microdosing LSD means taking sub-perceptible doses every few days.",
        "Mini-dosing is the ingestion of near-threshold doses of psilocybin.",
    ],
)
def test_a_dose_defined_by_perceptibility_is_a_dosing_claim(analyse, sentence):
    result = analyse(sentence)
    assert result.is_claim
    assert result.claim_kind == "dosing"


def test_a_long_paragraph_ending_in_footnotes_is_no_heading(vocabulary):
    text = (
        "Microdosing\n\n"
        "Microdosing is a practice in which sub-hallucinogenic doses of psilocybin are taken "
        "by people for claimed mood benefits.[4][7]\n"
    )
    found = extract(text, vocabulary)
    assert [a.claim_kind for a in found] == ["dosing"]


def test_a_schedule_in_the_subject_qualifies_the_effect(analyse):
    result = analyse(
        "Psilocybin microdosing twice a week was found in a small trial to improve mood."
    )
    assert result.claim_kind == "benefit"


# 3b. Scope: a concession closed by a dash; a negative finding answering hedged reports. -----


def test_a_concession_closed_by_a_dash_leaves_the_finding_in_scope(analyse):
    result = analyse(
        "While MDMA is still a Schedule I drug\u2014illegal to possess in most states\u2014recent "
        "trials have found support for using MDMA to treat PTSD."
    )
    assert result.is_claim
    assert result.substances == ["mdma"]


def test_a_negative_finding_after_but_is_not_hedged_by_the_reports_it_answers(analyse):
    result = analyse(
        "Users report that microdosing LSD may sharpen focus, but controlled studies failed to "
        "find any improvement in attention."
    )
    assert result.claim_kind == "efficacy-null"
    assert result.certainty == "established"


# 5b. Kind and outcomes: consequences, abuse liability, euphoria. -----------------------------


def test_a_benefit_in_a_consequence_clause_makes_a_benefit_claim(analyse):
    result = analyse(
        "In ceremonies, ayahuasca visions are believed to release buried memories, resulting "
        "in emotional healing."
    )
    assert result.claim_kind == "benefit"
    assert result.certainty == "possible"


def test_abuse_liability_and_euphoria_are_outcomes(analyse):
    result = analyse("Ketamine causes brief euphoria and has some abuse potential.")
    assert result.claim_kind == "risk"
    assert {"addiction", "wellbeing-mood", "safety-general"} <= set(result.conditions)


def test_a_list_of_findings_with_a_method_word_stays_a_claim(analyse):
    context = "Esketamine is a nasal spray for depression."
    result = analyse(
        "Its trials did not establish efficacy: one was negative and a weak trial was included.",
        context,
    )
    assert result.is_claim
    assert result.claim_kind == "efficacy-null"


def test_a_concession_with_a_dash_apposition_is_out_of_scope(analyse):
    result = analyse(
        "While both are still banned substances\u2014drugs with real risks of harm\u2014trials "
        "have found support for psilocybin in treating anorexia."
    )
    assert result.claim_kind == "benefit"


def test_self_reported_measures_in_a_controlled_trial_are_findings(vocabulary):
    found = _trial(vocabulary, "Self-reported fear of social situations decreased with ketamine.")
    result = found["Self-reported fear of social situations decreased with ketamine."]
    assert result.certainty == "established"


def test_self_reported_outcomes_without_a_controlled_study_are_anecdotal(analyse):
    result = analyse("Microdosers self-reported better mood after taking psilocybin.")
    assert result.certainty == "anecdotal"


# 1c / 2d. Research activity behind a time adverbial; a dose of the drug just named. ----------


def test_research_activity_after_a_time_adverbial_is_no_claim(analyse):
    sentence = "Over the past decade, scientists have studied small doses of LSD for anxiety."
    assert not analyse(sentence).is_claim


def test_a_single_infusion_in_a_reported_finding_refers_back(analyse):
    context = "Ketamine is an anaesthetic."
    result = analyse(
        "Two trials have shown that a single infusion can lower suicidal thoughts (4,5).", context
    )
    assert result.is_claim
    assert result.substances == ["ketamine"]
    assert result.evidence_cited == "clinical-trial"


def test_effects_fading_within_weeks_is_a_dosing_property(analyse):
    context = "Psilocybin lifts mood in some patients."
    result = analyse("These effects tend to wear off within three weeks.", context)
    assert result.claim_kind == "dosing"


def test_common_adverse_effects_refer_to_the_passage_drug(analyse):
    context = "Ibogaine is a root bark extract. Ibogaine is used in some clinics."
    result = analyse("Nausea and headaches are common in the first hours.", context)
    assert result.is_claim
    assert result.claim_kind == "risk"
    assert result.substances == ["ibogaine"]


def test_a_trial_finding_after_a_single_dose_refers_back(analyse):
    context = "DMT is a short-acting hallucinogen."
    result = analyse(
        "A 2021 placebo-controlled trial found lower anxiety one week after a single dose.", context
    )
    assert result.is_claim
    assert result.substances == ["dmt"]
    assert result.cites_named_study


def test_trials_called_for_are_no_evidence(analyse):
    context = "We surveyed 300 adults who had used kratom."
    result = analyse(
        "These findings suggest that kratom may ease anxiety, but controlled trials are required.",
        context,
    )
    assert result.evidence_cited == "survey-observational"


# 5c / 1d. Agency texts: acute alterations, drugs named only as comparisons, regulators. -------


def test_altering_mood_and_perception_in_a_drug_definition_is_a_risk(analyse):
    result = analyse("Mescaline is a plant alkaloid that alters thinking, mood and perception.")
    assert result.claim_kind == "risk"


def test_a_pronoun_is_not_the_drug_it_is_compared_with(analyse):
    context = "Ketamine is an anaesthetic."
    result = analyse(
        "It is structurally related to PCP and psychedelics, producing dissociation.", context
    )
    assert result.substances == ["ketamine"]


def test_a_regulator_declining_approval_is_no_claim(analyse):
    sentence = "In 2024, the agency declined to approve MDMA therapy, citing safety concerns."
    assert not analyse(sentence).is_claim


def test_signs_of_addiction_reported_by_users_are_an_anecdotal_risk(analyse):
    context = "Ketamine is sold as a powder."
    result = analyse("Some users report signs of dependence after months of use.", context)
    assert result.claim_kind == "risk"
    assert result.certainty == "anecdotal"


def test_a_null_result_of_the_reported_study_is_a_claim_about_its_drug(vocabulary):
    found = _trial(vocabulary, "Heart rate did not change significantly.")
    result = found["Heart rate did not change significantly."]
    assert result.is_claim
    assert result.substances == ["ketamine"]
    assert result.claim_kind == "efficacy-null"
    assert result.evidence_cited == "rct"


# 1e. Availability is no claim; what a drug offers is. -----------------------------------------


def test_clinics_offering_a_drug_make_no_claim(analyse):
    assert not analyse("Several retreats in Peru now offer ayahuasca ceremonies.").is_claim


def test_what_a_drug_offers_is_a_claim(analyse):
    result = analyse("Ketamine offers rapid relief from suicidal thoughts.")
    assert result.is_claim
    assert result.claim_kind == "benefit"


def test_a_potential_to_be_misused_is_an_unhedged_addiction_risk(analyse):
    result = analyse("Ketamine has the potential to be misused.")
    assert result.claim_kind == "risk"
    assert result.certainty == "established"
    assert "addiction" in result.conditions


def test_a_definition_with_such_as_and_a_dose_is_a_dosing_claim(analyse):
    result = analyse("Microdosing refers to taking tiny doses of hallucinogens such as LSD.")
    assert result.is_claim
    assert result.claim_kind == "dosing"


def test_expectancy_that_cannot_be_ruled_out_is_a_caveat(analyse):
    context = "We surveyed 400 people who microdose psilocybin."
    sentence = "As users chose their own doses, placebo effects cannot be ruled out."
    assert not analyse(sentence, context).is_claim


# Substances: abbreviations the text defines. ---------------------------------------------------


def test_an_abbreviation_defined_after_a_substance_names_it(vocabulary):
    text = (
        "This page covers psilocybin- and MDMA-assisted therapy (P-AT and MDMA-AT). "
        "In two small trials, P-AT lowered depression scores for months. "
        "The Beck Depression Inventory (BDI) was used."
    )
    found = {a.sentence: a for a in extract(text, vocabulary, include_non_claims=True)}
    result = found["In two small trials, P-AT lowered depression scores for months."]
    assert result.is_claim
    assert result.substances == ["psilocybin"]
    assert not found["The Beck Depression Inventory (BDI) was used."].substances


def test_an_abbreviation_of_the_words_ending_in_a_substance_names_it(vocabulary):
    sentences = [
        "Medical cannabis (MC) is increasingly used for chronic pain.",
        "MC and opioids were perceived as equally efficacious in reducing pain intensity.",
        "Cannabis users at the pain clinic (PC) were older.",
        "PC staff recorded every visit.",  # "pain clinic" comes after the name: no cannabis
    ]
    analyses = extract(" ".join(sentences), vocabulary, include_non_claims=True)
    assert [a.sentence for a in analyses] == sentences
    assert analyses[1].substances == ["cannabis"]
    assert analyses[3].substances == []


@pytest.mark.parametrize(
    "defined, code, expected",
    [
        ("5-MeO-DMT in a vaporized formulation (GH001)", "GH001", ["dmt"]),
        ("a psilocybin formulation (COMP360)", "COMP360", ["psilocybin"]),
        ("psilocybin trials during the pandemic (COVID-19)", "COVID-19", []),
        ("psilocybin, and quality of life on the Short Form-36 (SF-36)", "SF-36", []),
    ],
)
def test_a_development_code_in_brackets_after_a_substance_names_it(
    vocabulary, defined, code, expected
):
    text = f"Adults with depression received {defined}. {code} was measured at every visit."
    assert extract(text, vocabulary, include_non_claims=True)[1].substances == expected


@pytest.mark.parametrize("name", ["Dronabinol", "Nabilone", "Nabiximols (Sativex)"])
def test_thc_medicines_are_cannabis(vocabulary, name):
    text = f"{name} reduced nausea in patients receiving chemotherapy."
    assert extract(text, vocabulary, include_non_claims=True)[0].substances == ["cannabis"]


def test_a_dated_review_with_a_capitalised_name_is_named(analyse):
    result = analyse("A 2019 Cochrane review concluded that LSD had no lasting effect on anxiety.")
    assert result.cites_named_study
    assert result.evidence_cited == "systematic-review"


def test_heavy_use_opening_a_sentence_refers_to_the_passage_drug(analyse):
    context = "Ketamine is an anaesthetic. Ketamine is also sold illegally."
    result = analyse("Heavy recreational use has been linked to kidney damage.", context)
    assert result.is_claim
    assert result.substances == ["ketamine"]
    assert result.claim_kind == "risk"


_IBOGAINE = "Ibogaine is a root bark extract. Some clinics use ibogaine for opioid withdrawal."


@pytest.mark.parametrize(
    "sentence, substances",
    [
        ("It is a psychedelic with dissociative properties.", ["ibogaine"]),
        ("This psychedelic drug can cause lasting anxiety.", ["ibogaine"]),
        ("Psychedelic drugs can cause lasting anxiety.", ["psychedelics-general"]),  # the class
        ("Psychotherapy may also help patients cope with fear.", []),  # another treatment
    ],
)
def test_the_class_word_used_of_the_passage_drug_is_that_drug(analyse, sentence, substances):
    assert analyse(sentence, _IBOGAINE).substances == substances
