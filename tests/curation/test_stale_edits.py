"""Optimistic concurrency: an edit made on a version someone has changed since is refused with
the current state (409 for HTMX, a message or form error otherwise); nothing is lost silently."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim, Mention
from sources.versioning import STALE_MESSAGE

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
LABELS = {
    "kind": "benefit",
    "certainty": "anecdotal",
    "hedge_cues": "Users report",
    "evidence_cited": "anecdotal",
    "substances": ["lsd"],
    "conditions": ["focus-productivity"],
}


def mention_of(source, words: str) -> Mention:
    return source.mentions.get(quote__contains=words)


def test_every_edit_bumps_the_version_and_the_card_carries_it(curator_client, draft):
    mention = mention_of(draft, "Users report")
    assert mention.version == 1
    response = curator_client.post(
        reverse("curate:accept", args=[mention.pk]), {"version": 1}, **HX
    )
    assert response.status_code == 200
    assert 'name="version" value="2"' in response.content.decode()
    mention.refresh_from_db()
    assert (mention.status, mention.version) == ("accepted", 2)


def test_an_accept_on_an_old_version_is_refused_with_the_current_card(curator_client, draft):
    mention = mention_of(draft, "Users report")
    # Another curator edits the labels first (version 1 -> 2).
    curator_client.post(reverse("curate:edit", args=[mention.pk]), {**LABELS, "version": 1})
    mention.refresh_from_db()
    edited = (mention.certainty, mention.version)

    response = curator_client.post(
        reverse("curate:reject", args=[mention.pk]), {"version": 1}, **HX
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this" in html and 'name="version" value="2"' in html
    mention.refresh_from_db()
    assert (mention.certainty, mention.version) == edited and mention.status == "accepted"


def test_a_label_edit_on_an_old_version_is_refused_without_js(curator_client, draft):
    mention = mention_of(draft, "Users report")
    curator_client.post(reverse("curate:reject", args=[mention.pk]), {"version": 1})
    response = curator_client.post(
        reverse("curate:edit", args=[mention.pk]), {**LABELS, "version": 1}, follow=True
    )
    assert STALE_MESSAGE in response.content.decode()
    mention.refresh_from_db()
    assert mention.status == "rejected"  # the edit (which accepts) was not applied


@pytest.mark.parametrize("action", ["accept", "reject", "reset", "link", "accept-as", "new-claim"])
def test_each_mention_action_checks_the_version(curator_client, draft, action):
    mention = mention_of(draft, "improve mood")
    curator_client.post(reverse("curate:accept", args=[mention.pk]), {"version": 1})
    data = {
        "version": 1,
        "claim": "microdosing-improves-mood",
        "statement": "New",
        "kind": "benefit",
    }
    response = curator_client.post(reverse(f"curate:{action}", args=[mention.pk]), data, **HX)
    assert response.status_code == 409


def test_a_request_without_a_version_is_not_checked(curator_client, draft):
    mention = mention_of(draft, "Users report")
    curator_client.post(reverse("curate:accept", args=[mention.pk]))
    assert curator_client.post(reverse("curate:reject", args=[mention.pk])).status_code == 302
    mention.refresh_from_db()
    assert (mention.status, mention.version) == ("rejected", 3)


def test_a_grade_on_an_old_version_is_a_form_error_showing_the_current_grade(editor_client):
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    url = reverse("curate:grade", args=[claim.slug])
    first = {"grade": "moderate", "grade_rationale": "Two trials.", "version": claim.version}
    assert editor_client.post(url, first).status_code == 302
    stale = {"grade": "very-low", "grade_rationale": "Anecdotes.", "version": claim.version}
    response = editor_client.post(url, stale)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this" in html and "Current grade: Moderate" in html
    claim.refresh_from_db()
    assert claim.grade == "moderate"


def test_publishing_an_old_version_is_refused(editor_client, draft):
    url = reverse("curate:publish", args=[draft.pk])
    editor_client.post(url, {"action": "publish", "version": draft.version})
    response = editor_client.post(
        url, {"action": "unpublish", "version": draft.version}, follow=True
    )
    assert STALE_MESSAGE in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "published"


def test_the_review_page_forms_carry_versions(curator_client, draft):
    html = curator_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    mention = draft.mentions.first()
    assert f'name="version" value="{mention.version}"' in html
    assert html.count('name="version"') >= 2 * draft.mentions.count()


def test_two_clients_editing_the_same_mention_one_is_told(curator, draft):
    """The issue's lost edit: a label edit and an accept, both made on version 1."""
    mention = mention_of(draft, "Users report")
    alice, bob = Client(), Client()
    alice.force_login(curator), bob.force_login(curator)
    edit = alice.post(reverse("curate:edit", args=[mention.pk]), {**LABELS, "version": 1}, **HX)
    accept = bob.post(reverse("curate:accept", args=[mention.pk]), {"version": 1}, **HX)
    assert (edit.status_code, accept.status_code) == (200, 409)
    mention.refresh_from_db()
    assert mention.certainty == "anecdotal"  # the edit that was accepted is kept
