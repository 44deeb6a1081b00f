from claims.extraction.scoring import evaluate, match, normalise


def row(sentence, **labels):
    base = {
        "sentence": sentence,
        "substances": ["psilocybin"],
        "conditions": ["depression"],
        "claim_kind": "benefit",
        "certainty": "possible",
        "evidence_cited": "none",
        "cites_named_study": False,
    }
    return {**base, **labels}


def test_sentences_match_by_text_despite_different_edges():
    assert normalise("  - Psilocybin  may help. ") == "psilocybin may help"
    gold = [row("Psychedelics are substances that alter mood."), row("It may help.")]
    predicted = [row("Microdosing Psychedelics are substances that alter mood."), row("Other.")]
    assert match(gold, predicted) == [(0, 0)]


def test_scores_claims_then_labels_on_matched_sentences():
    gold = {"a": [row("One claim here."), row("Two claim here.", certainty="anecdotal")]}
    predicted = {
        "a": [
            row("One claim here."),
            row("Two claim here.", certainty="possible", conditions=["depression", "anxiety"]),
            row("A spurious one."),
        ]
    }
    report = evaluate(gold, predicted)
    assert report.claims["tp"] == 2 and report.claims["fp"] == 1 and report.claims["fn"] == 0
    assert report.labels["certainty"]["accuracy"] == 0.5
    assert report.sets["conditions"]["precision"] == 2 / 3
    assert report.sets["substances"]["f1"] == 1.0
    assert (report.all_right, report.gold) == (1, 2)  # the second needs two edits
