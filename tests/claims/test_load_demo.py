from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims.demo_corpus import DEMO_DIR
from claims.models import Claim, Grade, Mention, ReviewStatus
from sources.models import RubricAnswer, Source

pytestmark = pytest.mark.django_db


def counts():
    return (
        Source.objects.count(),
        Claim.objects.count(),
        Mention.objects.count(),
        RubricAnswer.objects.count(),
    )


def test_the_demo_corpus_is_loaded_with_26_sources_from_publishers_of_five_kinds():
    published = Source.objects.published()
    assert published.count() == 26
    assert published.values("publisher").distinct().count() >= 8
    kinds = set(published.values_list("source_type", flat=True))
    assert {"wellness_blog", "government", "encyclopedia", "journal", "news"} <= kinds
    assert Mention.objects.accepted().count() == 334
    assert Claim.objects.count() == 58


def test_every_demo_source_has_a_licence_row_in_sources_md():
    table = (DEMO_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for path in (DEMO_DIR / "curation").glob("*.yaml"):
        assert f"`{path.stem}`" in table, path.stem


def test_every_demo_mention_is_accepted_and_linked_to_a_graded_claim():
    mentions = Mention.objects.select_related("claim")
    assert not mentions.exclude(status=ReviewStatus.ACCEPTED).exists()
    assert not mentions.filter(claim=None).exists()
    assert not Claim.objects.filter(grade=Grade.NOT_ASSESSED, mentions__isnull=False).exists()
    assert not Claim.objects.filter(grade_rationale="").exists()


def test_every_mention_quote_is_its_slice_of_the_source_text():
    for mention in Mention.objects.select_related("source"):
        assert mention.source.text[mention.start : mention.end] == mention.quote


def test_the_5ht2a_mechanism_is_one_claim_made_by_all_five_blogs_and_two_other_sources():
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    assert claim.mentions.values("source").distinct().count() == 7


def test_a_placebo_controlled_study_contradicts_a_benefit_claim():
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    consensus = claim.consensus(Mention.objects.public().filter(claim=claim).with_source())
    titles = {source.title for source in consensus.contradicting_sources}
    assert "Self-blinding citizen science to explore psychedelic microdosing" in titles


def test_a_second_load_writes_nothing(django_assert_max_num_queries):
    # Unchanged rows are compared, not saved: no history rows, no rescoring.
    history = Mention.history.count()
    with django_assert_max_num_queries(200):
        call_command("load_demo", stdout=StringIO())
    assert Mention.history.count() == history


def test_loading_twice_leaves_the_same_counts():
    before = counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert "Loaded 26 sources (0 new)" in out.getvalue()
    assert "(0 new)." in out.getvalue()


def test_certainty_levels_are_all_used():
    used = Counter(Mention.objects.values_list("certainty", flat=True))
    assert set(used) == {"established", "probable", "possible", "anecdotal"}


def test_a_quote_missing_from_the_text_fails_loudly_and_loads_nothing(tmp_path, settings):
    demo = tmp_path / "demo"
    for folder in ("articles", "curation", "claims"):
        (demo / folder).mkdir(parents=True)
    (demo / "articles" / "a.txt").write_text("Psilocybin may ease depression.")
    (demo / "claims" / "c.yaml").write_text(
        "- {slug: test-claim, statement: Psilocybin eases depression, kind: benefit,"
        " substances: [psilocybin], conditions: [depression], grade: low, rationale: Small trials.}"
    )
    (demo / "curation" / "a.yaml").write_text(
        "source: {title: A, source_type: news}\n"
        "mentions:\n"
        "  - {quote: 'Psilocybin cures depression.', claim: test-claim, kind: benefit,"
        " certainty: established, evidence_cited: none, substances: [psilocybin]}\n"
    )
    before = counts()
    with pytest.raises(CommandError, match="quote not found"):
        call_command("load_demo", directory=str(demo), stdout=StringIO())
    assert counts() == before
    assert not Claim.objects.filter(slug="test-claim").exists()
