from pathlib import Path

import pytest

from claims.extraction import Vocabulary, extract


@pytest.fixture(scope="session")
def vocabulary():
    return Vocabulary.from_seed()


@pytest.fixture(scope="session")
def analyse(vocabulary):
    """The analysis of a single sentence (with optional preceding context), claim or not."""

    def run(sentence: str, context: str = ""):
        text = f"{context}\n\n{sentence}" if context else sentence
        results = extract(text, vocabulary, include_non_claims=True)
        last = results[-1]
        assert last.sentence == sentence, [r.sentence for r in results]
        return last

    return run


# Sentence-level cases written for the deleted rule-based detector that the learned model does
# not reproduce (yet): kept as strict expected failures, so the list is exactly the model's known
# errors: a retrained model that gets one right fails the suite (XPASS) until it leaves the list.
# Regenerate the list after `train_extractor --save` (see README, "How good is the extractor?").
KNOWN_ERRORS = Path(__file__).with_name("known_errors.txt")


def pytest_collection_modifyitems(config, items):
    known = {
        line.strip()
        for line in KNOWN_ERRORS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for item in items:
        if item.nodeid in known:
            item.add_marker(
                pytest.mark.xfail(reason="a known error of the learned model", strict=True)
            )
