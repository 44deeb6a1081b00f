"""Publishing as a state machine: only an editor changes what readers see of a published article;
new versions wait as revisions; merges and unpublishing are undone from the UI."""

import pytest
from django.urls import reverse

from claims.curation import actions
from claims.curation.ingest import ArticleMetadata, Outcome, ingest_article
from claims.models import Claim, ClaimMerge, Mention, SourceRevision
from tests.curation.conftest import ARTICLE

pytestmark = pytest.mark.django_db

URL = "https://example.org/microdosing-mood"
NEW_TEXT = ARTICLE.replace(
    "Users report that microdosing LSD helps them focus at work.",
    "Microdosing LSD cures anxiety in everyone who takes it.",
)


@pytest.fixture
def published(curator, editor):
    """A published article with two accepted mentions linked to claims, the rest rejected."""
    source = ingest_article(
        text=ARTICLE,
        metadata=ArticleMetadata(title="Microdosing and mood", source_type="news", url=URL),
        user=curator,
    ).source
    mood = source.mentions.get(quote__contains="improve mood")
    actions.link_mention(
        mention=mood, claim=Claim.objects.get(slug="microdosing-improves-mood"), user=editor
    )
    anxiety = source.mentions.get(quote__contains="focus at work")
    anxiety_claim = Claim(
        slug="lsd-helps-focus", statement="Microdosing LSD helps focus", kind="benefit"
    )
    actions.create_claim_for(mention=anxiety, claim=anxiety_claim, user=editor)
    for mention in source.mentions.filter(status="suggested"):
        actions.review_mention(mention=mention, status="rejected", user=editor)
    actions.set_source_status(source=source, status="published", user=editor)
    return source


def public_ids(source) -> set[int]:
    return set(Mention.objects.public().filter(source=source).values_list("pk", flat=True))


def submit(client, text, url=URL):
    return client.post(
        reverse("curate:add"),
        {"title": "Microdosing and mood", "source_type": "news", "url": url, "text": text},
    )


# -- A new version of a published article waits for an editor -----------------------------------


def test_a_curators_new_text_for_a_published_url_does_not_change_what_readers_see(
    curator_client, client, published
):
    before_public = public_ids(published)
    before_page = client.get(published.get_absolute_url()).content.decode()
    assert len(before_public) == 2 and "focus at work" in before_page

    response = submit(curator_client, NEW_TEXT)

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.text == ARTICLE.strip() and published.is_published
    assert public_ids(published) == before_public
    page = client.get(published.get_absolute_url()).content.decode()
    assert "focus at work" in page and "cures anxiety" not in page
    revision = SourceRevision.objects.get(source=published)
    assert revision.is_pending and "cures anxiety" in revision.text
    followed = curator_client.get(response.url).content.decode()
    assert "waits for an editor" in followed
    assert reverse("curate:revision", args=[revision.pk]) in followed


def test_the_same_new_text_twice_is_one_pending_revision(curator_client, published):
    submit(curator_client, NEW_TEXT)
    submit(curator_client, NEW_TEXT + "\n")
    assert SourceRevision.objects.filter(source=published).count() == 1


def test_the_ingest_path_also_waits_for_an_editor(published):
    result = ingest_article(
        text=NEW_TEXT,
        metadata=ArticleMetadata(title="Microdosing and mood", source_type="news", url=URL),
    )
    assert result.outcome == Outcome.PENDING_REVISION and result.revision.is_pending
    published.refresh_from_db()
    assert "cures anxiety" not in published.text


def test_the_revision_page_shows_the_changes_and_what_publishing_would_do(
    curator_client, published
):
    submit(curator_client, NEW_TEXT)
    revision = SourceRevision.objects.get(source=published)
    html = curator_client.get(reverse("curate:revision", args=[revision.pk])).content.decode()
    added = html[html.index("<ins>") : html.index("</ins>")]
    assert "Microdosing LSD cures anxiety" in added
    assert "Users report that microdosing LSD" in html[html.index("<del>") : html.index("</del>")]
    assert "<strong>1</strong> cannot be found in the new text" in html
    assert "<strong>1</strong> of these are accepted now" in html
    assert "Publish this version" not in html  # curators see it, editors decide


def test_a_curator_cannot_publish_a_revision(curator_client, published):
    submit(curator_client, NEW_TEXT)
    revision = SourceRevision.objects.get(source=published)
    url = reverse("curate:revision-decide", args=[revision.pk])
    assert curator_client.post(url, {"action": "publish"}).status_code == 403
    revision.refresh_from_db()
    published.refresh_from_db()
    assert revision.is_pending and "cures anxiety" not in published.text


def test_an_editor_publishes_the_revision_text_and_mentions_at_once(
    client, curator, editor, published
):
    client.force_login(curator)
    submit(client, NEW_TEXT)
    revision = SourceRevision.objects.get(source=published)
    mood = published.mentions.get(quote__contains="improve mood")
    anxiety = published.mentions.get(quote__contains="focus at work")
    client.force_login(editor)

    response = client.post(
        reverse("curate:revision-decide", args=[revision.pk]), {"action": "publish"}
    )

    assert response.status_code == 302
    published.refresh_from_db()
    revision.refresh_from_db()
    assert published.text == NEW_TEXT.strip() and published.is_published
    assert (revision.status, revision.decided_by) == ("published", editor)
    mood.refresh_from_db()
    anxiety.refresh_from_db()
    assert published.text[mood.start : mood.end] == mood.quote and mood.status == "accepted"
    assert anxiety.anchor_lost and anxiety.status == "suggested"  # its sentence is gone
    assert public_ids(published) == {mood.pk}
    assert published.mentions.filter(quote__contains="cures anxiety", status="suggested").exists()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "cures anxiety" in page
    # Publishing twice is refused with a message, not applied twice.
    again = client.post(
        reverse("curate:revision-decide", args=[revision.pk]), {"action": "publish"}, follow=True
    )
    assert "already published" in again.content.decode()


def test_an_editor_discards_a_revision_and_readers_keep_the_text(editor_client, published):
    submit(editor_client, NEW_TEXT)
    revision = SourceRevision.objects.get(source=published)
    editor_client.post(reverse("curate:revision-decide", args=[revision.pk]), {"action": "discard"})
    revision.refresh_from_db()
    published.refresh_from_db()
    assert revision.status == "discarded" and "cures anxiety" not in published.text


def test_a_draft_still_takes_a_new_text_at_once(curator_client, draft):
    draft.url = URL
    draft.save()
    submit(curator_client, NEW_TEXT)
    draft.refresh_from_db()
    assert "cures anxiety" in draft.text and not draft.revisions.exists()


def test_the_queue_lists_pending_revisions(curator_client, published):
    submit(curator_client, NEW_TEXT)
    html = curator_client.get(reverse("curate:queue")).content.decode()
    assert "New versions of published articles" in html and "Microdosing and mood" in html


# -- A curator alone cannot change a published source's accepted mentions -----------------------


@pytest.mark.parametrize("action", ["reject", "reset"])
def test_a_curator_cannot_take_an_accepted_mention_off_a_published_page(
    curator_client, client, published, action
):
    mood = published.mentions.get(quote__contains="improve mood")
    before = public_ids(published)
    response = curator_client.post(reverse(f"curate:{action}", args=[mood.pk]), follow=True)
    assert "only an editor can change them" in response.content.decode()
    assert public_ids(published) == before
    assert "improve mood" in client.get(published.get_absolute_url()).content.decode()


def test_a_curators_htmx_change_is_refused_with_the_card_and_a_403(curator_client, published):
    mood = published.mentions.get(quote__contains="improve mood")
    response = curator_client.post(reverse("curate:reject", args=[mood.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    html = response.content.decode()
    assert f'id="card-{mood.pk}"' in html and "only an editor can change them" in html
    mood.refresh_from_db()
    assert mood.status == "accepted"


def test_a_curator_cannot_edit_labels_relink_or_accept_on_a_published_source(
    curator_client, published
):
    mood = published.mentions.get(quote__contains="improve mood")
    rejected = published.mentions.filter(status="rejected").first()
    before = public_ids(published)
    edit = curator_client.post(
        reverse("curate:edit", args=[mood.pk]),
        {"kind": "benefit", "certainty": "established", "evidence_cited": "rct"},
        HTTP_HX_REQUEST="true",
    )
    relink = curator_client.post(
        reverse("curate:link", args=[mood.pk]),
        {"claim": Claim.objects.get(statement="Microdosing LSD helps focus").slug},
        HTTP_HX_REQUEST="true",
    )
    curator_client.post(reverse("curate:reset", args=[rejected.pk]))  # not public: allowed
    accept = curator_client.post(
        reverse("curate:accept", args=[rejected.pk]), HTTP_HX_REQUEST="true"
    )
    new_claim = curator_client.post(
        reverse("curate:new-claim", args=[rejected.pk]),
        {"statement": "A brand new claim", "kind": "benefit"},
        HTTP_HX_REQUEST="true",
    )
    assert [r.status_code for r in (edit, relink, accept, new_claim)] == [403] * 4
    mood.refresh_from_db()
    assert (mood.certainty, mood.claim.slug) == ("possible", "microdosing-improves-mood")
    assert public_ids(published) == before
    assert not Claim.objects.filter(statement="A brand new claim").exists()
    rejected.refresh_from_db()
    assert rejected.status == "suggested"


def test_an_editor_can_change_the_accepted_mentions_of_a_published_source(editor_client, published):
    mood = published.mentions.get(quote__contains="improve mood")
    assert editor_client.post(reverse("curate:reject", args=[mood.pk])).status_code == 302
    assert mood.pk not in public_ids(published)


def test_curators_are_told_before_they_try(client, curator, editor, published):
    url = reverse("curate:review", args=[published.pk])
    client.force_login(curator)
    assert "an editor does it" in client.get(url).content.decode()
    client.force_login(editor)
    assert "an editor does it" not in client.get(url).content.decode()


# -- Unpublish and merge are undone from the UI ------------------------------------------------


def test_unpublishing_is_undone_by_publishing_again_with_every_mention(
    editor_client, client, published
):
    before = public_ids(published)
    page_before = client.get(published.get_absolute_url()).content.decode()
    response = editor_client.post(
        reverse("curate:publish", args=[published.pk]), {"action": "unpublish"}, follow=True
    )
    assert "Publish puts the page back" in response.content.decode()
    assert public_ids(published) == set()
    editor_client.post(reverse("curate:publish", args=[published.pk]), {"action": "publish"})
    assert public_ids(published) == before
    page = client.get(published.get_absolute_url()).content.decode()
    assert page.count("<mark") == page_before.count("<mark")


@pytest.fixture
def merged(editor_client, published):
    """'lsd-helps-focus' (two mentions, one in a place the target already has) merged into
    'microdosing-improves-mood'."""
    target = Claim.objects.get(slug="microdosing-improves-mood")
    duplicate = Claim.objects.get(statement="Microdosing LSD helps focus")
    mood = published.mentions.get(quote__contains="improve mood", claim=target)
    # A second link of the mood sentence, to the duplicate: the merge deletes it as a repeat.
    twin = Mention.objects.get(pk=mood.pk)
    twin.pk, twin.claim = None, duplicate
    twin.save()
    twin.substances.set(mood.substances.all())
    state = {
        "duplicate": duplicate,
        "target": target,
        "moving": set(duplicate.mentions.exclude(pk=twin.pk).values_list("pk", flat=True)),
        "twin": twin.pk,
        "twin_substances": set(twin.substances.values_list("pk", flat=True)),
        "target_substances": set(target.substances.values_list("pk", flat=True)),
        "target_rationale": target.grade_rationale,
        "target_mentions": set(target.mentions.values_list("pk", flat=True)),
    }
    duplicate.grade_rationale = "One case report."
    duplicate.save()
    response = editor_client.post(
        reverse("curate:merge", args=[target.slug]), {"duplicate": duplicate.slug}
    )
    assert response.status_code == 302 and not Claim.objects.filter(pk=duplicate.pk).exists()
    return state


def test_undoing_a_merge_recreates_the_claim_and_moves_exactly_its_mentions_back(
    editor_client, client, merged, published
):
    merge = ClaimMerge.objects.get(duplicate_id=merged["duplicate"].pk)
    target = merged["target"]
    html = editor_client.get(reverse("curate:claim", args=[target.slug])).content.decode()
    assert "Undo this merge" in html

    response = editor_client.post(reverse("curate:merge-undo", args=[merge.pk]))

    restored = Claim.objects.get(pk=merged["duplicate"].pk)
    assert response.url == reverse("curate:claim", args=[restored.slug])
    assert restored.slug == merged["duplicate"].slug and restored.grade_rationale == (
        "One case report."
    )
    assert set(restored.mentions.values_list("pk", flat=True)) == merged["moving"] | {
        merged["twin"]
    }
    twin = Mention.objects.get(pk=merged["twin"])
    assert set(twin.substances.values_list("pk", flat=True)) == merged["twin_substances"]
    target.refresh_from_db()
    assert set(target.mentions.values_list("pk", flat=True)) == merged["target_mentions"]
    assert set(target.substances.values_list("pk", flat=True)) == merged["target_substances"]
    assert target.grade_rationale == merged["target_rationale"]
    assert client.get(restored.get_absolute_url()).status_code == 200  # readers see it again
    merge.refresh_from_db()
    assert merge.is_undone
    again = editor_client.post(reverse("curate:merge-undo", args=[merge.pk]), follow=True)
    assert "already undone" in again.content.decode()


def test_undo_leaves_mentions_relinked_since_the_merge(editor_client, editor, merged):
    moved = Mention.objects.get(pk=next(iter(merged["moving"])))
    other = Claim.objects.exclude(pk=merged["target"].pk).first()
    actions.link_mention(mention=moved, claim=other, user=editor)
    merge = ClaimMerge.objects.get(duplicate_id=merged["duplicate"].pk)
    response = editor_client.post(reverse("curate:merge-undo", args=[merge.pk]), follow=True)
    assert "1 changed since the merge were left as they are" in response.content.decode()
    moved.refresh_from_db()
    assert moved.claim == other


def test_only_editors_undo_merges(client, curator, merged):
    merge = ClaimMerge.objects.get(duplicate_id=merged["duplicate"].pk)
    client.force_login(curator)
    assert client.post(reverse("curate:merge-undo", args=[merge.pk])).status_code == 403
    assert not Claim.objects.filter(pk=merged["duplicate"].pk).exists()


def test_a_curator_made_staff_cannot_go_around_it_in_the_admin(client, curator, published):
    draft = ingest_article(
        text=NEW_TEXT, metadata=ArticleMetadata(title="Another", source_type="news"), user=curator
    ).source
    curator.is_staff = True
    curator.save()
    client.force_login(curator)
    mood = published.mentions.get(quote__contains="improve mood")
    source_url = reverse("admin:sources_source_change", args=[published.pk])
    mention_url = reverse("admin:claims_mention_change", args=[mood.pk])
    assert client.get(source_url).status_code == 200  # read-only
    assert client.post(source_url, {"title": "Changed"}).status_code == 403
    assert client.post(mention_url, {"status": "rejected"}).status_code == 403
    html = client.get(reverse("admin:sources_source_change", args=[draft.pk])).content.decode()
    assert 'name="title"' in html and 'name="status"' not in html  # only editors publish
    published.refresh_from_db()
    mood.refresh_from_db()
    assert (published.title, mood.status) == ("Microdosing and mood", "accepted")
