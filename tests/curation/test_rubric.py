"""Curators answer a source's credibility rubric; the score follows."""

import pytest
from django.urls import reverse

from claims import credibility
from sources.models import RubricAnswer, RubricItem, Source

pytestmark = pytest.mark.django_db


def all_answers(value: str) -> dict[str, str]:
    data = {item.value: value for item in RubricItem}
    data.update({f"{item.value}_note": f"Checked {item.value}." for item in RubricItem})
    return data


@pytest.fixture
def reviewed_draft(draft, curator):
    """The draft with its suggestions accepted, so the measured items have mentions to count."""
    draft.mentions.update(status="accepted")
    return draft


def test_the_form_shows_every_item_with_what_to_look_for(curator_client, draft):
    html = curator_client.get(reverse("curate:rubric", args=[draft.pk])).content.decode()
    for label in ("Authorship (JAMA)", "Balanced (DISCERN)", "Alternatives mentioned (DISCERN)"):
        assert label in html
    assert "Authors and contributors, their affiliations" in html  # the JAMA wording
    assert "not scored yet" in html


def test_answering_every_item_scores_the_source(curator_client, curator, reviewed_draft):
    url = reverse("curate:rubric", args=[reviewed_draft.pk])
    response = curator_client.post(url, all_answers("yes"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("curate:review", args=[reviewed_draft.pk])
    assert "Saved the credibility answers" in response.content.decode()
    reviewed_draft.refresh_from_db()
    high = reviewed_draft.credibility_score
    assert high is not None
    answer = RubricAnswer.objects.get(source=reviewed_draft, item=RubricItem.AUTHORSHIP)
    assert (answer.answer, answer.note, answer.answered_by) == (
        "yes",
        "Checked authorship.",
        curator,
    )

    curator_client.post(url, all_answers("no"))
    reviewed_draft.refresh_from_db()
    assert reviewed_draft.credibility_score < high


def test_clearing_an_answer_unscores_the_source_and_says_so(curator_client, reviewed_draft):
    url = reverse("curate:rubric", args=[reviewed_draft.pk])
    curator_client.post(url, all_answers("partly"))
    data = all_answers("partly") | {RubricItem.CURRENCY.value: ""}
    html = curator_client.post(url, data, follow=True).content.decode()
    assert "1 items are still unanswered" in html
    assert not RubricAnswer.objects.filter(source=reviewed_draft, item=RubricItem.CURRENCY).exists()
    reviewed_draft.refresh_from_db()
    assert reviewed_draft.credibility_score is None


def test_an_answer_outside_the_scale_is_refused_and_nothing_is_stored(curator_client, draft):
    url = reverse("curate:rubric", args=[draft.pk])
    response = curator_client.post(url, all_answers("yes") | {"authorship": "maybe"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not RubricAnswer.objects.filter(source=draft).exists()


def test_the_demo_answers_are_shown_for_editing(curator_client):
    source = Source.objects.get(title="Microdosing Therapy")
    html = curator_client.get(reverse("curate:rubric", args=[source.pk])).content.decode()
    note = RubricAnswer.objects.get(source=source, item=RubricItem.AUTHORSHIP).note
    assert note in html
    assert '<input type="radio" name="authorship" value="no" id="id_authorship_3" checked>' in html


def test_one_rubric_save_writes_in_bulk_and_rescores_once(
    curator_client, django_assert_num_queries, monkeypatch
):
    """Measured on the demo's Microdosing Therapy, every item changed: 78 queries and 9
    rescorings when signals rescored after each answer; now the answers are written in bulk."""
    source = Source.objects.get(title="Microdosing Therapy")
    url = reverse("curate:rubric", args=[source.pk])
    rescored = []
    assess = credibility.assess
    monkeypatch.setattr(credibility, "assess", lambda s: rescored.append(s.pk) or assess(s))
    # Session, user, roles, source, its answers; savepoint, one UPDATE of the 9 answers, one
    # INSERT of their history rows; the rescoring (the publisher's other articles, counts,
    # answers, UPDATE of the score); the knowledge-base version bumped (readers' cached claim
    # pages show credibility).
    with django_assert_num_queries(14):
        response = curator_client.post(url, all_answers("yes"))
    assert response.status_code == 302
    assert rescored == [source.pk]
    source.refresh_from_db()
    assert source.credibility_score == credibility.assess(source).score
    changes = RubricAnswer.history.filter(source_id=source.pk, history_type="~")
    assert changes.count() == 9
    assert {row.history_user for row in changes} == {response.wsgi_request.user}


def test_saving_unchanged_answers_writes_nothing(curator_client, curator):
    source = Source.objects.get(title="Microdosing Therapy")
    url = reverse("curate:rubric", args=[source.pk])
    curator_client.post(url, all_answers("yes"))
    rows = RubricAnswer.history.filter(source_id=source.pk).count()
    response = curator_client.post(url, all_answers("yes"), follow=True)
    assert "Saved the credibility answers" in response.content.decode()
    assert RubricAnswer.history.filter(source_id=source.pk).count() == rows
