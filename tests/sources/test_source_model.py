import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sources.models import Source, SourceType

pytestmark = pytest.mark.django_db


def make_source(**fields) -> Source:
    values = {
        "title": "An article",
        "text": "Psilocybin may ease depression.",
        "source_type": SourceType.NEWS,
    }
    values.update(fields)
    return Source.objects.create(**values)


def test_it_derives_hash_and_word_count_from_normalised_text():
    source = make_source(text="Line one.\r\nLine two has five words.  \n")
    assert source.text == "Line one.\nLine two has five words."
    assert source.word_count == 7
    assert len(source.content_hash) == 64


def test_it_rejects_the_same_text_twice_with_a_clear_error():
    first = make_source(text="The same text.")
    duplicate = Source(title="Copy", text="The same text.\n", source_type=SourceType.NEWS)
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert f"#{first.pk}" in str(excinfo.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_it_rejects_a_url_used_twice_but_allows_many_without_url():
    make_source(text="One.", url="https://example.org/a")
    make_source(text="Two.")
    make_source(text="Three.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_source(text="Four.", url="https://example.org/a")


def test_find_existing_matches_by_text_or_url():
    source = make_source(text="Findable text.", url="https://example.org/found")
    assert Source.objects.find_existing(text="Findable text.\n") == source
    assert (
        Source.objects.find_existing(text="Edited text.", url="https://example.org/found") == source
    )
    assert Source.objects.find_existing(text="Something else.") is None


def test_empty_text_is_rejected():
    with pytest.raises(ValidationError, match="no text"):
        Source(title="Empty", text="   ", source_type=SourceType.NEWS).full_clean()
