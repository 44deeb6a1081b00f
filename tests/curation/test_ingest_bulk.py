"""Suggested mentions are written in bulk: a fixed number of statements per article whatever its
length, validated in Python, with the history that saving them one by one would leave."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from claims.curation.ingest import (
    ArticleMetadata,
    ingest_article,
    suggestion_to_mention,
    validate_suggestion,
)
from claims.labels import ReviewStatus
from tests.curation.conftest import ARTICLE

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def ingest(text: str, title: str = "An article", user=None):
    return ingest_article(
        text=text, metadata=ArticleMetadata(title=title, source_type="news"), user=user
    )


def test_a_long_article_costs_as_many_statements_as_a_short_one(django_assert_max_num_queries):
    # Reads (vocabularies, existing source, taken places), the source with its history, six bulk
    # INSERTs (mentions, history, 2 through tables, 2 through histories), the rescoring.
    with django_assert_max_num_queries(22):
        short = ingest(ARTICLE)
    longer = "\n\n".join(ARTICLE.replace("adults", f"adults (cohort {n})") for n in range(12))
    with django_assert_max_num_queries(22):
        long = ingest(longer, title="A longer article")
    assert long.suggested > 5 * short.suggested > 0


def test_every_suggestion_has_one_creation_record_with_its_vocabulary(curator):
    source = ingest(ARTICLE, user=curator).source
    mentions = list(source.mentions.prefetch_related("substances", "conditions"))
    assert mentions and all(m.status == ReviewStatus.SUGGESTED for m in mentions)
    for mention in mentions:
        [record] = mention.history.all()
        assert (record.history_type, record.history_user) == ("+", curator)
        assert record.quote == mention.quote and record.start == mention.start
        assert {row.substance_id for row in record.substances.all()} == {
            s.pk for s in mention.substances.all()
        }
        assert {row.condition_id for row in record.conditions.all()} == {
            c.pk for c in mention.conditions.all()
        }
    assert any(m.substances.all() for m in mentions) and any(m.conditions.all() for m in mentions)


def test_suggestions_carry_their_overclaim_flags(curator):
    source = ingest(
        "Studies show psilocybin cures depression, full stop, for everyone who tries it.",
        user=curator,
    ).source
    [mention] = source.mentions.all()
    assert mention.certainty == "established" and mention.is_overclaim


def test_a_suggestion_that_does_not_fit_its_source_is_refused_before_any_write(draft):
    from claims.extraction import Vocabulary, extract

    found = next(iter(extract(draft.text, Vocabulary.from_database())))
    mention, _, _ = suggestion_to_mention(draft, found)
    mention.quote = mention.quote + " and more"
    with pytest.raises(ValidationError):
        validate_suggestion(mention)
    mention, _, _ = suggestion_to_mention(draft, found)
    mention.kind = "prophecy"
    with pytest.raises(ValidationError):
        validate_suggestion(mention)


def test_manage_py_ingest_exits_non_zero_when_a_file_failed(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    database = tmp_path / "db.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}", "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    run = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(tmp_path), "--source-type", "news", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "1 files: 0 added" in run.stdout
    assert "binary.txt: not a text document" in run.stderr
