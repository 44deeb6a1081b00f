import json

from claims.extraction import document_text, extract

TEXT = """Microdosing and mood

Psilocybin may reduce symptoms of depression (Carhart-Harris et al., 2016). Is it safe?
Users report that microdosing improves their focus."""


def test_every_sentence_with_include_non_claims_and_offsets_into_the_text(vocabulary):
    results = extract(TEXT, vocabulary, include_non_claims=True)
    assert [r.is_claim for r in results] == [False, True, False, True]
    for r in results:
        assert TEXT[r.start : r.end] == r.sentence


def test_only_claims_by_default(vocabulary):
    assert [r.sentence[:10] for r in extract(TEXT, vocabulary)] == ["Psilocybin", "Users repo"]


def test_every_label_points_at_the_words_that_set_it(vocabulary):
    first = extract(TEXT, vocabulary)[0]
    words = {k: [TEXT[s:e] for s, e in v] for k, v in first.explain.items()}
    assert words["substance:psilocybin"] == ["Psilocybin"]
    assert words["condition:depression"] == ["depression"]
    assert words["certainty"] == ["may"]
    assert words["cites_named_study"] == ["(Carhart-Harris et al., 2016)"]
    assert "(Carhart-Harris et al., 2016)" in words["evidence_cited"]


def test_an_outcome_left_implicit_comes_from_the_title_and_points_there(vocabulary):
    text = (
        "Ketamine infusions for treatment-resistant depression: an open-label study\n\n"
        "We gave six ketamine infusions over two weeks to 40 adults.\n\n"
        "Response rates reached 60% after the third infusion, and remission followed in a "
        "third of patients."
    )
    result = extract(text, vocabulary)[-1]
    assert result.sentence.startswith("Response rates")
    assert result.conditions == ["treatment-resistant-depression"]
    (span,) = result.explain["condition:treatment-resistant-depression"]
    assert text[slice(*span)] == "treatment-resistant depression"
    assert span[1] < text.index("\n")  # in the title


def test_a_result_of_the_text_s_own_trial_points_at_the_words_naming_its_design(vocabulary):
    text = (
        "Psilocybin for major depression: a randomized clinical trial\n\n"
        "We randomized 24 adults to psilocybin or a waiting list.\n\n"
        "Depression scores fell significantly more in the psilocybin group (p < 0.001)."
    )
    result = extract(text, vocabulary)[-1]
    assert result.sentence.startswith("Depression scores")
    assert result.evidence_cited == "rct"
    title = [span for span in result.explain["evidence_cited"] if span[1] < text.index("\n")]
    assert [text[slice(*span)] for span in title] == ["randomized"]


def test_as_dict_is_the_json_shape(vocabulary):
    data = extract(TEXT, vocabulary)[1].as_dict()
    assert set(data) == {
        "sentence",
        "start",
        "end",
        "is_claim",
        "substances",
        "conditions",
        "claim_kind",
        "certainty",
        "hedge_cues",
        "evidence_cited",
        "cites_named_study",
        "explain",
    }
    assert data["certainty"] == "anecdotal"
    assert data["evidence_cited"] == "anecdotal"
    json.dumps(data)


def test_offsets_refer_to_the_plain_text_of_html(vocabulary):
    html = "<html><body><article><p>Intro words here for the page.</p>"
    html += "<p>Ketamine may cause nausea in some patients.</p></article></body></html>"
    text = document_text(html, "x.html")
    result = extract(text, vocabulary)[-1]
    assert text[result.start : result.end] == "Ketamine may cause nausea in some patients."


ONE_DRUG = """Ibogaine and the heart

Ibogaine is a psychoactive alkaloid from the root bark of an African shrub. Ibogaine may
interrupt opioid withdrawal. Neurotoxic damage to heart cells has been shown to persist for months.
Prolonged psychotic reactions are rare and seem to occur especially in susceptible individuals.
Existing treatments for opioid use disorder have modest outcomes."""


def test_a_claim_naming_no_substance_takes_the_one_the_text_is_about(vocabulary):
    # Unless it speaks of something else: other treatments are not the text's drug.
    found = {r.sentence[:14]: r.substances for r in extract(ONE_DRUG, vocabulary)}
    assert found["Neurotoxic dam"] == ["ibogaine"]
    assert found["Prolonged psyc"] == ["ibogaine"]
    assert found.get("Existing treat", []) == []


LIST = """Yoga and health

Research suggests that yoga may:

- Help people quit smoking.
- Relieve menopause symptoms.

Yoga is practised in many countries.

- Relieve menopause stress."""


def test_a_list_item_takes_its_lead_in_s_hedge_and_evidence_and_points_there(vocabulary):
    results = {r.sentence: r for r in extract(LIST, vocabulary, include_non_claims=True)}
    item = results["Relieve menopause symptoms."]
    assert (item.certainty, item.evidence_cited) == ("possible", "unspecified-research")
    assert item.hedge_cues == []  # the cue is in the lead-in, not in the item's own words
    words = {k: [LIST[s:e] for s, e in v] for k, v in item.explain.items()}
    assert "may" in words["certainty"]
    assert "Research suggests" in words["evidence_cited"]


def test_a_list_after_a_sentence_that_is_no_lead_in_inherits_nothing(vocabulary):
    results = extract(LIST, vocabulary, include_non_claims=True)
    last = results[-1]
    assert last.sentence == "Relieve menopause stress."
    assert (last.certainty, last.evidence_cited) == ("established", "none")


def test_an_entry_about_a_drug_outside_the_vocabulary_does_not_take_the_one_it_is_compared_to(
    vocabulary,
):
    text = (
        "Methoxetamine\n\n"
        "Methoxetamine, abbreviated as MXE, is a dissociative drug related to ketamine. "
        "Unlike ketamine, it was never tested in people. "
        "Like ketamine, MXE can cause bladder damage after heavy use. "
        "MXE produces strong dissociation at high doses."
    )
    last = extract(text, vocabulary, include_non_claims=True)[-1]
    assert last.sentence.startswith("MXE produces")
    assert last.substances == []
