"""Claim detection (precision matters: most sentences of a paper are not claims) and claim kind."""

import pytest

from claims.extraction import extract


@pytest.mark.parametrize(
    "sentence",
    [
        "Psilocybin reduces symptoms of depression in adults.",
        "Ketamine may cause dissociation and raised blood pressure.",
        "Psilocybin is a psychedelic compound that alters perception and mood.",
        "A typical microdose is 10 micrograms of LSD taken every third day.",
        "LSD binds to serotonin 5-HT2A receptors.",
        "Microdosing was no better than placebo in a self-blinding study.",
        "Microdosing LSD cures anxiety in everyone who tries it.",
    ],
)
def test_it_detects_claims(analyse, sentence):
    assert analyse(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Does microdosing help with depression?",
        "Psilocybin is a naturally occurring compound produced by more than 200 species of fungi.",
        "Psilocybin is a Schedule I substance under the Controlled Substances Act.",
        "LSD was first synthesized by Albert Hofmann in 1938.",
        "Researchers are investigating whether psilocybin can help treat anorexia.",
        "More research is needed before psilocybin can be recommended for depression.",
        "Always consult your doctor before you try microdosing.",
        "Participants were randomly assigned to receive 25 mg psilocybin or placebo.",
        "In this article, we explore how microdosing affects mood.",
        "This information is for educational purposes only and is not medical advice.",
        "People take psilocybin mushrooms to improve their mood.",
        "Examples of psychedelics include LSD, psilocybin and mescaline.",
        "The exact mechanism of how microdosing works is still not fully understood.",
        "Microdosing has gained popularity as a potential treatment for depression.",
        "Serotonin is a neurotransmitter that regulates mood and sleep.",
    ],
)
def test_it_rejects_non_claims(analyse, sentence):
    assert not analyse(sentence).is_claim


def test_a_pronoun_refers_back_to_the_substance_named_before(analyse):
    result = analyse("It may also reduce anxiety.", "Psilocybin is studied for depression.")
    assert result.is_claim
    assert result.substances == ["psilocybin"]


def test_a_list_item_takes_its_substance_from_the_passage(vocabulary):
    text = "Ketamine has side effects.\n\nCommon ones:\n\n- Raised blood pressure\n- Nausea"
    items = extract(text, vocabulary)[-2:]
    assert [i.sentence for i in items] == ["Raised blood pressure", "Nausea"]
    assert all(i.claim_kind == "risk" and i.substances == ["ketamine"] for i in items)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Psilocybin reduces symptoms of depression.", "benefit"),
        ("LSD acts on serotonin 5-HT2A receptors in the cortex.", "mechanism"),
        ("Psilocybin promotes neuroplasticity in the prefrontal cortex.", "mechanism"),
        ("Ketamine can cause nausea and dissociation.", "risk"),
        ("Microdosing is generally well tolerated.", "risk"),
        ("A microdose is typically 5 to 10 micrograms of LSD.", "dosing"),
        ("Microdosing LSD was no better than placebo for mood.", "efficacy-null"),
        ("Psilocybin is not a cure for depression.", "efficacy-null"),
        (
            "Microdosing may enhance creativity by increasing dopamine in the striatum.",
            "benefit",
        ),
    ],
)
def test_claim_kind_follows_the_main_clause(analyse, sentence, kind):
    result = analyse(sentence)
    assert result.is_claim
    assert result.claim_kind == kind


def test_a_risk_claim_gets_safety_general(analyse):
    result = analyse("Psilocybin can trigger psychosis in vulnerable people.")
    assert result.claim_kind == "risk"
    assert {"psychosis", "safety-general"} <= set(result.conditions)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cannabidiol (CBD), a main component of the cannabis plant, reduces anxiety in rats.",
        "Another cannabinoid, cannabidiol, may relieve pain without a high.",
    ],
)
def test_a_substance_named_as_where_another_comes_from_is_no_subject(analyse, sentence):
    assert analyse(sentence).substances == ["cbd"]


def test_two_substances_named_as_subjects_both_count(analyse):
    assert analyse("Both THC and CBD reduced pain in the trial.").substances == ["cannabis", "cbd"]
