"""Certainty cues: hedges, boosters and attributions; the weakest wins; negation; scope."""

import pytest


@pytest.mark.parametrize(
    "sentence, certainty, cue",
    [
        ("Ketamine may reduce suicidal thoughts within hours.", "possible", "may"),
        ("Psilocybin might ease anxiety in cancer patients.", "possible", "might"),
        ("LSD could improve creativity in some adults.", "possible", "could"),
        ("Psilocybin is a potential treatment for depression.", "possible", "potential"),
        ("Microdosing is thought to improve focus.", "possible", "is thought to"),
        ("Ibogaine is a promising treatment for opioid addiction.", "possible", "promising"),
        ("Proponents argue that microdosing boosts creativity.", "possible", "Proponents argue"),
        ("Evidence suggests that psilocybin reduces depression.", "probable", "suggests"),
        ("Psilocybin appears to reduce anxiety in patients.", "probable", "appears to"),
        ("MDMA is likely to reduce symptoms of PTSD.", "probable", "likely"),
        ("These data indicate that ketamine relieves depression.", "probable", "indicate"),
        ("It seems that ketamine relieves depression within hours.", "probable", "seems"),
        ("It appears that psilocybin reduces anxiety in patients.", "probable", "appears"),
        ("Psilocybin lowered connectivity, implying it loosens networks.", "probable", "implying"),
        ("Studies show that psilocybin reduces depression.", "established", "Studies show"),
        ("Psilocybin has been shown to reduce depression.", "established", "has been shown"),
        ("Psychedelics are known to act on serotonin receptors.", "established", "known to"),
        ("Users report that microdosing improves their mood.", "anecdotal", "Users report"),
        ("Many people claim LSD microdoses sharpen their focus.", "anecdotal", "people claim"),
        ("Self-reported improvements in mood followed microdosing.", "anecdotal", "Self-reported"),
        ("Anecdotal reports link microdosing to better sleep.", "anecdotal", "Anecdotal reports"),
    ],
)
def test_each_cue_family_sets_its_level(analyse, sentence, certainty, cue):
    result = analyse(sentence)
    assert result.is_claim
    assert result.certainty == certainty
    assert cue in " | ".join(result.hedge_cues)


def test_a_plain_statement_is_established_and_can_is_no_hedge(analyse):
    result = analyse("Psilocybin can reduce symptoms of depression.")
    assert result.certainty == "established"
    assert result.hedge_cues == []


def test_the_weaker_cue_wins(analyse):
    assert analyse("Studies suggest psilocybin may reduce anxiety.").certainty == "possible"
    result = analyse("Users report that microdosing may help their mood.")
    assert result.certainty == "anecdotal"


def test_participants_in_a_described_study_report_findings_not_anecdotes(analyse):
    result = analyse("In the trial, participants reported less anxiety after psilocybin.")
    assert result.certainty == "established"


def test_a_negated_booster_is_no_booster(analyse):
    result = analyse("Microdosing has not been shown to improve mood.")
    assert "has not been shown" not in " ".join(result.hedge_cues)
    assert result.claim_kind == "efficacy-null"


def test_no_evidence_that_makes_a_null_claim(analyse):
    result = analyse("There is no evidence that microdosing improves creativity.")
    assert result.is_claim
    assert result.claim_kind == "efficacy-null"


def test_a_hedge_in_a_leading_concession_does_not_count(analyse):
    result = analyse("While the mechanism may be unclear, psilocybin reduces depression scores.")
    assert result.certainty == "established"


def test_a_hedge_about_a_comparison_does_not_count(analyse):
    result = analyse(
        "Microdosing improves focus without the side effects that might follow higher doses."
    )
    assert result.certainty == "established"


def test_an_interpretation_after_a_finding_does_not_hedge_the_finding(analyse):
    result = analyse(
        "A study found that psilocybin increased blood flow, which may indicate better health."
    )
    assert result.certainty == "established"


def test_hedge_cue_offsets_point_at_the_words(analyse, vocabulary):
    from claims.extraction import extract

    text = "Intro sentence here.\n\nKetamine may reduce suicidal thoughts quickly."
    result = extract(text, vocabulary)[-1]
    assert [text[s:e] for s, e in result.explain["certainty"]] == ["may"]


@pytest.mark.parametrize(
    "sentence, certainty",
    [
        (
            "Psilocybin shows therapeutic potential for treatment-resistant depression.",
            "established",
        ),
        ("Ketamine has considerable potential as a treatment for depression.", "established"),
        (
            "Classic psychedelics have shown extraordinary potential in treating addiction.",
            "established",
        ),
        ("LSD is a potential new treatment for anxiety.", "possible"),
        ("Microdosing has the potential to treat depression.", "possible"),
    ],
)
def test_the_noun_potential_is_no_hedge_the_adjective_is(analyse, sentence, certainty):
    result = analyse(sentence)
    assert result.certainty == certainty
    hedged = any("potential" in cue for cue in result.hedge_cues)
    assert hedged == (certainty == "possible")


@pytest.mark.parametrize(
    "sentence, certainty, cue",
    [
        # What people say of a remedy, not what was found.
        ("St John's wort is promoted for depression and anxiety.", "anecdotal", "promoted for"),
        ("Kava has benefits claimed for sleep and anxiety.", "anecdotal", "benefits claimed"),
        ("After the session I felt calmer than I had in years.", "anecdotal", "I felt"),
        ("Ibogaine purportedly interrupts opioid withdrawal.", "anecdotal", "purportedly"),
        # Beliefs, theories and hopes: what is proposed, not what was found.
        ("Ketamine is an NMDA antagonist believed to restore synapses.", "possible", "believed to"),
        ("It's thought that LSD quiets the default mode network.", "possible", "It's thought"),
        ("It has been theorized that psilocybin reopens a window.", "possible", "theorized"),
        ("Supporters of medical cannabis argue that it eases pain.", "possible", "argue"),
        ("The results for ketamine in depression are encouraging.", "possible", "encouraging"),
        # Hedges of the literature's kind.
        ("Ketamine reportedly relieves suicidal thoughts within hours.", "probable", "reportedly"),
        (
            "These results lend support to the view that psilocybin eases anxiety.",
            "probable",
            "lend support",
        ),
        ("There is some evidence that CBD reduces anxiety.", "probable", "some evidence"),
    ],
)
def test_promotion_testimony_and_literature_hedges(analyse, sentence, certainty, cue):
    result = analyse(sentence)
    assert result.certainty == certainty
    assert cue in " | ".join(result.hedge_cues)


@pytest.mark.parametrize(
    "sentence",
    [
        # Benefits a finding calls anecdotal do not make the finding anecdotal.
        "We conclude that expectation underlies at least some of the anecdotal benefits "
        "attributed to microdosing with psilocybin.",
        # A belief the sentence goes on to correct is no hedge.
        "This was once thought to be how ketamine relieved pain, but trials have established "
        "that it blocks NMDA receptors.",
    ],
)
def test_words_of_belief_and_anecdote_about_something_else_leave_a_finding_established(
    analyse, sentence
):
    assert analyse(sentence).certainty == "established"
