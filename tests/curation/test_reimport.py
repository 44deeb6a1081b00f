"""Re-anchoring reviewed mentions in a new version of their article."""

import pytest

from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.curation.reimport import AnchorMatch, find_anchor
from claims.models import Claim

OLD = (
    "Intro. Microdosing may improve mood. Some filler here. "
    "Microdosing may improve mood. It is cheap."
)


def anchor_in(new_text, quote, old_text=OLD, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = old_text.index(quote, start + 1)
    end = start + len(quote)
    return find_anchor(
        new_text,
        quote=quote,
        old_start=start,
        context_before=old_text[max(0, start - 80) : start],
        context_after=old_text[end : end + 80],
        old_text_length=len(old_text),
    )


def test_an_unchanged_sentence_is_found_where_it_moved():
    new = "A new opening paragraph was added. " + OLD
    anchor = anchor_in(new, "It is cheap.")
    assert anchor.how == AnchorMatch.EXACT
    assert new[anchor.start : anchor.end] == "It is cheap."


@pytest.mark.parametrize("occurrence", [1, 2])
def test_a_repeated_sentence_keeps_its_own_occurrence(occurrence):
    new = "Added. " + OLD.replace("Some filler here.", "Some other filler here, longer.")
    anchor = anchor_in(new, "Microdosing may improve mood.", occurrence=occurrence)
    positions = [i for i in range(len(new)) if new.startswith("Microdosing may improve mood.", i)]
    assert anchor.how == AnchorMatch.EXACT
    assert anchor.start == positions[occurrence - 1]


def test_the_context_decides_between_repeats_even_when_the_text_around_moves():
    # The second occurrence's neighbours ("It is cheap.") now come first in the text.
    new = "Microdosing may improve mood. It is cheap. Intro. Microdosing may improve mood. Bye."
    anchor = anchor_in(new, "Microdosing may improve mood.", occurrence=2)
    assert anchor.start == 0


def test_a_lightly_edited_sentence_is_found_fuzzily():
    new = OLD.replace("It is cheap.", "It is quite cheap.")
    anchor = anchor_in(new, "It is cheap.")
    # "It is cheap." vs "It is quite cheap." is too different for the threshold: lost.
    assert anchor.how == AnchorMatch.LOST
    long_old = "Intro. Psilocybin microdosing may lift mood in healthy adults, a survey found. End."
    long_new = long_old.replace("healthy adults", "healthy adult")
    anchor = anchor_in(
        long_new,
        "Psilocybin microdosing may lift mood in healthy adults, a survey found.",
        old_text=long_old,
    )
    assert anchor.how == AnchorMatch.FUZZY
    assert long_new[anchor.start : anchor.end] == (
        "Psilocybin microdosing may lift mood in healthy adult, a survey found."
    )
    assert anchor.similarity >= 0.9


def test_a_rewritten_sentence_is_lost_not_moved():
    new = OLD.replace("It is cheap.", "Prices vary a lot between vendors.")
    assert anchor_in(new, "It is cheap.").how == AnchorMatch.LOST


def test_a_deleted_sentence_is_lost():
    new = "Intro. Some filler here. It is cheap."
    assert anchor_in(new, "Microdosing may improve mood.").how == AnchorMatch.LOST


def test_two_equally_good_fuzzy_places_are_lost_rather_than_guessed():
    quote = "Psilocybin microdosing may lift mood in healthy adults, a survey found."
    old = f"One. {quote} Two."
    edited = quote.replace("adults", "adult")
    new = f"Other start. {edited} Middle words. {edited} Other end."
    anchor = find_anchor(new, quote=quote, old_start=5, context_before="", context_after="")
    assert anchor.how == AnchorMatch.LOST
    assert old  # the old text only fixes the offset


# --- applied to stored mentions ---------------------------------------------------------------

ARTICLE = (
    "Microdosing notes\n\n"
    "Microdosing psilocybin may improve mood in healthy adults. "
    "Users report that microdosing LSD helps them focus at work. "
    "Psilocybin is thought to promote neuroplasticity in the brain of adult volunteers.\n"
)
URL = "https://example.org/notes"


@pytest.fixture
def source(curator):
    meta = ArticleMetadata(title="Notes", source_type="news", url=URL)
    source = ingest_article(text=ARTICLE, metadata=meta, user=curator).source
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    for m in source.mentions.all():
        m.status = "accepted" if "mood" in m.quote or "focus" in m.quote else "suggested"
        m.claim = claim if "mood" in m.quote else None
        m.reviewed_by = curator
        m.save()
    return source


def reimport(source, text, user):
    return ingest_article(
        text=text, metadata=ArticleMetadata(title="Notes", source_type="news", url=URL), user=user
    )


@pytest.mark.django_db
def test_reviewed_mentions_survive_and_lost_ones_are_flagged(source, curator):
    new_text = (
        "Microdosing notes, updated\n\n"
        "Microdosing psilocybin may improve mood in healthy adults. "
        "Psilocybin is thought to promote neuroplasticity in the brain of adult volunteer.\n"
    )
    result = reimport(source, new_text, curator)
    assert (result.kept, result.lost) == (1, 1)
    mood = source.mentions.get(quote__contains="improve mood")
    assert mood.status == "accepted" and mood.claim.slug == "microdosing-improves-mood"
    assert mood.start == new_text.index("Microdosing psilocybin")
    (cue_start, cue_end), *_ = mood.explain["certainty"]
    assert new_text[cue_start:cue_end] == "may"  # the extractor's reasons moved with it
    focus = source.mentions.get(quote__contains="focus")
    assert focus.anchor_lost and focus.status == "suggested"
    # The unreviewed suggestion was replaced by a fresh one on the edited sentence.
    plasticity = source.mentions.get(quote__contains="neuroplasticity")
    assert plasticity.quote.endswith("adult volunteer.")
    assert not plasticity.anchor_lost


@pytest.mark.django_db
def test_an_edited_reviewed_sentence_goes_back_to_review(source, curator):
    new_text = ARTICLE.replace("in healthy adults", "in healthy adult")
    result = reimport(source, new_text, curator)
    assert result.moved == 1
    mood = source.mentions.get(quote__contains="improve mood")
    assert mood.quote == "Microdosing psilocybin may improve mood in healthy adult."
    assert mood.status == "suggested" and mood.claim is not None
    assert new_text[mood.start : mood.end] == mood.quote


@pytest.mark.django_db
def test_lost_mentions_are_shown_in_the_review_screen(source, curator, curator_client):
    reimport(source, "Microdosing notes\n\nNothing of the old text is left in this one.\n", curator)
    page = curator_client.get(f"/curate/sources/{source.pk}/").content.decode()
    assert page.count("Could not be found in the new text") == 2
    assert "could not be found in the new text" in page  # in the counts
