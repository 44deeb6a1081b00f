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
