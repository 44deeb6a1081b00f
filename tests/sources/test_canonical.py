"""Duplicates by trivia: a URL or a text that differs only in ways that do not change the
article finds the source already stored."""

import hashlib
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from claims.curation.ingest import ArticleMetadata, Outcome, ingest_article
from sources.canonical import canonical_url, content_hash, text_fingerprint
from sources.models import Source, SourceType

URL = "https://example.org/microdosing/mood"


@pytest.mark.parametrize(
    "variant",
    [
        "HTTPS://EXAMPLE.ORG/microdosing/mood",  # scheme and host case
        "https://Example.Org/microdosing/mood",
        "https://example.org:443/microdosing/mood",  # default port
        "https://example.org/microdosing/mood/",  # trailing slash
        "https://example.org/microdosing/mood?utm_source=news&utm_medium=email",  # tracking
        "https://example.org/microdosing/mood?fbclid=IwAR0abc",
        "https://example.org/microdosing/mood?gclid=xyz&mc_cid=1&_ga=2.1",
        "https://example.org/microdosing/mood#comments",  # fragment
        "  https://example.org/microdosing/mood/?utm_campaign=x#top  ",  # all at once
    ],
)
def test_url_trivia_give_the_same_canonical_url(variant):
    assert canonical_url(variant) == URL


@pytest.mark.parametrize(
    "other",
    [
        "https://example.org/microdosing/Mood",  # path case can name another page
        "https://example.org/microdosing/mood?page=2",  # a real parameter
        "https://example.org:8443/microdosing/mood",  # another port
        "https://other.example.org/microdosing/mood",
    ],
)
def test_differences_that_can_name_another_page_are_kept(other):
    assert canonical_url(other) != URL


def test_canonical_urls_keep_real_parameters_in_order_and_are_stable():
    url = "http://Example.org:80/a/?b=2&utm_source=x&a=1&empty"
    assert canonical_url(url) == "http://example.org/a?b=2&a=1&empty"
    assert canonical_url(canonical_url(url)) == canonical_url(url)
    assert canonical_url("https://example.org") == "https://example.org/"
    assert canonical_url("") == ""


@pytest.mark.parametrize(
    "variant",
    [
        "Psilocybin may ease   depression.\n\nUsers report calm.",
        "Psilocybin may ease depression.\r\n\r\nUsers report calm.  ",
        "  Psilocybin may ease depression.\n\tUsers report calm.\n",
        "Psilocybin may ease\ndepression. Users report calm.",
    ],
)
def test_white_space_does_not_change_the_content_hash(variant):
    base = "Psilocybin may ease depression. Users report calm."
    assert content_hash(variant) == content_hash(base)
    assert text_fingerprint(variant) == base


def test_different_words_hash_differently():
    assert content_hash("Psilocybin may ease depression.") != content_hash(
        "Psilocybin may ease anxiety."
    )


# --- Where sources are created or looked up -----------------------------------------------

ARTICLE = (
    "Microdosing and mood\n\nMicrodosing psilocybin may improve mood in healthy adults. "
    "Users report that microdosing LSD helps them focus at work."
)


@pytest.mark.django_db
def test_a_source_stores_its_url_in_canonical_form():
    source = Source.objects.create(
        title="A", text="One sentence here.", source_type=SourceType.NEWS, url=URL + "/?utm_x=1"
    )
    assert source.url == URL


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, text",
    [
        (URL + "/?utm_source=feed#top", ARTICLE),  # same text, URL with trivia
        ("", ARTICLE.replace(". ", ".  \n")),  # same words, other white space, no URL
        ("HTTPS://EXAMPLE.ORG/microdosing/mood", ARTICLE.replace("\n\n", "\n \n")),
    ],
)
def test_ingesting_the_same_article_with_trivia_leads_to_the_stored_source(url, text):
    meta = ArticleMetadata(title="Mood", source_type="news", url=URL)
    first = ingest_article(text=ARTICLE, metadata=meta)
    again = ingest_article(
        text=text, metadata=ArticleMetadata(title="Mood again", source_type="news", url=url)
    )
    assert again.outcome == Outcome.DUPLICATE and again.source.pk == first.source.pk
    assert Source.objects.filter(title__startswith="Mood").count() == 1


@pytest.mark.django_db
def test_the_add_page_with_a_tracking_url_leads_to_the_stored_source(curator_client):
    data = {"title": "Mood", "source_type": "news", "text": ARTICLE, "url": URL}
    first = curator_client.post(reverse("curate:add"), data)
    again = curator_client.post(
        reverse("curate:add"), {**data, "url": URL + "?fbclid=abc", "text": ARTICLE + "\n\n"}
    )
    assert again.status_code == 302 and again.url == first.url


# --- The migration ------------------------------------------------------------------------

migration = importlib.import_module("sources.migrations.0002_canonical_urls_and_text_hashes")


def old_style(source: Source, *, url: str, text: str | None = None) -> None:
    """Store values as the code before canonical forms did (bypassing save())."""
    text = text if text is not None else source.text
    old_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    Source.objects.filter(pk=source.pk).update(url=url, text=text, content_hash=old_hash)


def make(title: str, text: str) -> Source:
    return Source.objects.create(title=title, text=text, source_type=SourceType.NEWS)


@pytest.mark.django_db
def test_the_migration_canonicalises_stored_urls_and_hashes(capsys):
    source = make("Alone", "Only this one.")
    old_style(source, url="HTTPS://Example.org/alone/?utm_source=x", text="Only  this one.")
    migration.canonicalise(apps, None)
    source.refresh_from_db()
    assert source.url == "https://example.org/alone"
    assert source.content_hash == content_hash("Only this one.")
    assert "Duplicate" not in capsys.readouterr().out


@pytest.mark.django_db
def test_the_migration_reports_duplicates_instead_of_failing(capsys):
    older = make("Older copy", "First text.")
    newer = make("Newer copy", "Second text.")
    twin_a = make("Twin A", "Same words here.")
    twin_b = make("Twin B", "Other words here.")
    old_style(older, url="https://example.org/same/")
    old_style(newer, url="https://example.org/same?utm_medium=x")
    old_style(twin_a, url="", text="Same words here.")
    old_style(twin_b, url="", text="Same  words\nhere.")

    migration.canonicalise(apps, None)  # no IntegrityError

    out = capsys.readouterr().out
    assert "Duplicate sources found" in out
    assert f"#{older.pk} “Older copy” keeps it; #{newer.pk} “Newer copy”" in out
    assert f"#{twin_b.pk} “Twin B”" in out
    for source in (older, newer, twin_a, twin_b):
        source.refresh_from_db()
    assert older.url == "https://example.org/same"
    assert newer.url == "https://example.org/same?utm_medium=x"  # kept back, still unique
    assert twin_a.content_hash == content_hash("Same words here.")
    assert twin_b.content_hash != twin_a.content_hash
    assert Source.objects.count() >= 4  # nothing merged or deleted


@pytest.mark.django_db
def test_a_row_already_holding_the_canonical_url_keeps_it(capsys):
    canonical = make("Canonical", "Text one.")
    trivia = make("With slash", "Text two.")
    old_style(canonical, url="https://example.org/x")
    old_style(trivia, url="https://example.org/x/")
    migration.canonicalise(apps, None)
    canonical.refresh_from_db(), trivia.refresh_from_db()
    assert (canonical.url, trivia.url) == ("https://example.org/x", "https://example.org/x/")
