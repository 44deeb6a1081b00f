import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Certainty, ClaimKind, Mention
from sources.models import Source, SourceType

pytestmark = pytest.mark.django_db

TEXT = "Intro sentence. Microdosing may improve mood. Closing words."


@pytest.fixture
def source():
    return Source.objects.create(title="T", text=TEXT, source_type=SourceType.WELLNESS_BLOG)


def mention(source, start, end, quote) -> Mention:
    return Mention(
        source=source,
        start=start,
        end=end,
        quote=quote,
        kind=ClaimKind.BENEFIT,
        certainty=Certainty.POSSIBLE,
    )


def test_a_mention_whose_quote_is_the_slice_is_saved(source):
    start = TEXT.index("Microdosing")
    m = mention(source, start, start + 29, "Microdosing may improve mood.")
    m.full_clean()
    m.save()
    assert Mention.objects.get(pk=m.pk).quote == "Microdosing may improve mood."


def test_it_rejects_offsets_past_the_end_of_the_text(source):
    quote = "x" * 10
    with pytest.raises(ValidationError, match="past the end"):
        mention(source, len(TEXT) - 2, len(TEXT) + 8, quote).full_clean()


def test_it_rejects_a_quote_that_does_not_match_the_text(source):
    start = TEXT.index("Microdosing")
    with pytest.raises(ValidationError, match="does not match"):
        mention(source, start, start + 30, "Microdosing WILL improve mood.").save()


def test_the_database_rejects_offsets_that_do_not_fit_the_quote(source):
    # Bypass save()'s check to show the database constraint itself guards the invariant.
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.bulk_create([mention(source, 0, 5, "Intro sentence.")])


def test_the_database_rejects_an_end_before_the_start(source):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.bulk_create([mention(source, 5, 5, "")])


def test_context_is_kept_around_the_quote(source):
    start = TEXT.index("Microdosing")
    m = mention(source, start, start + 29, "Microdosing may improve mood.")
    m.set_context()
    assert m.context_before == "Intro sentence. "
    assert m.context_after == " Closing words."
