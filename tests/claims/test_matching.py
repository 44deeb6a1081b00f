"""Canonical-claim matching: the claims a sentence most likely makes, best first, with why."""

import pytest

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


def test_the_committed_weights_cover_every_feature():
    from claims.matching import FEATURES, learned_weights

    assert len(learned_weights()) == len(FEATURES)


def _linked():
    from claims.matching_training import ClaimInfo, Linked

    claims = {
        "mood": ClaimInfo("Microdosing improves mood", "benefit", frozenset(), frozenset()),
        "sleep": ClaimInfo("Ketamine disturbs sleep", "risk", frozenset(), frozenset()),
        "pain": ClaimInfo("Cannabis relieves chronic pain", "benefit", frozenset(), frozenset()),
    }
    sentences = {
        "mood": [
            "Users say microdosing lifts their mood.",
            "Mood improved with microdosing.",
            "Microdosing brightened the mood of most users.",
        ],
        "sleep": [
            "Ketamine can disturb sleep at night.",
            "Sleep was disturbed after ketamine.",
            "Disturbed sleep is common after ketamine.",
        ],
        "pain": [
            "Cannabis relieved pain in most patients.",
            "Chronic pain eased with cannabis.",
            "Patients on cannabis reported less chronic pain.",
        ],
    }
    linked = [
        Linked(f"text{i}", sentence, {}, claim)
        for claim, texts in sentences.items()
        for i, sentence in enumerate(texts)
    ]
    return linked, claims


def test_learned_weights_rank_the_claim_other_texts_make_with_the_same_words_first():
    from claims import matching_training as mt

    linked, claims = _linked()
    weights = mt.fit_weights(linked, claims)
    assert weights[mt.FEATURES.index("quote")] > 0
    # Leave one text out: each mention finds its claim among the other text's claims.
    n, top1, _top3 = mt.summary(mt.nested(linked, claims))
    assert (n, top1) == (9, 1.0)


def test_nothing_to_learn_from_is_a_clear_error():
    from claims import matching_training as mt

    linked, claims = _linked()
    with pytest.raises(ValueError, match="nothing to learn"):
        mt.fit_weights([m for m in linked if m.group == "text0"], claims)


@pytest.mark.django_db
def test_the_database_teaches_with_what_the_extractor_suggested_not_the_final_labels():
    from claims import matching_training as mt
    from claims.models import Mention

    mention = Mention.objects.accepted().filter(claim__isnull=False).first()
    mention.suggested = {"kind": "dosing", "substances": ["niacin"], "conditions": []}
    mention.save(update_fields=["suggested"])
    linked, claims = mt.database_linked(skip_texts=set())
    mine = [
        m for m in linked if m.sentence == mention.quote and m.group == f"db/{mention.source_id}"
    ]
    assert mine and mine[0].labels == {
        "claim_kind": "dosing",
        "substances": ["niacin"],
        "conditions": [],
    }
    assert mine[0].claim == mention.claim.slug and mention.claim.slug in claims
    # The same text with other line breaks (as the demo files are to the loaded sources).
    skipped, _ = mt.database_linked(skip_texts={" \n".join(mention.source.text.split())})
    assert not [m for m in skipped if m.group == f"db/{mention.source_id}"]


def test_a_claim_already_quoted_often_says_so():
    quotes = ["Ketamine lifted depression.", "Depression eased on ketamine."]
    often = Candidate(
        "often", "Ketamine relieves depression", "benefit", frozenset(), frozenset(), quotes
    )
    (best,) = Matcher([often]).rank("Ketamine relieved depression within hours.", None, [], [], n=1)
    assert "quoted 2 times already" in best.why
