import pytest

ARTICLE = (
    "Microdosing and mood: what we know\n\n"
    "Microdosing psilocybin may improve mood in healthy adults. "
    "A 2022 placebo-controlled trial found no difference between psilocybin microdoses and "
    "placebo on wellbeing. Users report that microdosing LSD helps them focus at work.\n\n"
    "Psilocybin is thought to promote neuroplasticity. "
    "Some people experience anxiety after taking LSD. "
    "The author wrote this page in a week.\n"
)


@pytest.fixture
def draft(curator):
    """A draft source added through ingest, with its suggested mentions."""
    from claims.curation.ingest import ArticleMetadata, ingest_article

    result = ingest_article(
        text=ARTICLE,
        metadata=ArticleMetadata(title="Microdosing and mood", source_type="news"),
        user=curator,
    )
    return result.source
