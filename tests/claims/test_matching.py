"""Canonical-claim matching: the claims a sentence most likely makes, best first, with why."""

from claims.matching import Candidate, Matcher

CLAIMS = [
    Candidate("mood", "Microdosing improves mood", "benefit", frozenset({"psilocybin"}),
              frozenset({"wellbeing-mood"}), ["Microdosing psilocybin lifted my mood."]),
    Candidate("psychosis", "LSD can trigger psychosis", "risk", frozenset({"lsd"}),
              frozenset({"psychosis"}), ["LSD may precipitate psychotic episodes."]),
    Candidate("ptsd", "MDMA-assisted therapy reduces PTSD symptoms", "benefit",
              frozenset({"mdma"}), frozenset({"ptsd"}), []),
]  # fmt: skip


def test_the_claim_sharing_labels_and_words_comes_first_with_reasons():
    best = Matcher(CLAIMS).rank(
        "In users, LSD may trigger psychosis.", "risk", ["lsd"], ["psychosis"], n=3
    )
    assert [m.key for m in best][0] == "psychosis"
    assert len(best) == 3
    why = " ".join(best[0].why)
    assert "same substance: lsd" in why and "same condition: psychosis" in why
    assert "same kind: risk" in why and "similar wording" in why


def test_wording_alone_finds_a_claim_when_the_labels_are_missing():
    best = Matcher(CLAIMS).rank("MDMA therapy reduced PTSD symptoms in veterans.", None, [], [])
    assert best[0].key == "ptsd"
    assert not any(reason.startswith("same") for reason in best[0].why)


def test_no_claims_no_suggestions():
    assert Matcher([]).rank("Anything at all.", "benefit", [], []) == []
