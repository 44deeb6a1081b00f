"""Writes through the admin refresh derived data like every other write: overclaim flags and
credibility scores follow in the same request (claims/admin.py, RefreshesDerivedData)."""

import pytest
from django import forms
from django.urls import reverse

from claims import credibility
from claims.labels import Certainty, EvidenceCited, Grade, ReviewStatus
from claims.models import Claim, Mention
from sources.models import RubricAnswer, RubricAnswerValue, RubricItem, Source

pytestmark = pytest.mark.django_db

THERAPY = "Microdosing Therapy"


def form_data(response, **changes) -> dict:
    """The POST data of an admin change form as it stands (main form and inline formsets), with
    ``changes`` (field name: value) applied."""
    all_forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        all_forms += formset.forms
    for form in all_forms:
        for name, field in form.fields.items():
            value = field.prepare_value(form[name].value())
            if isinstance(field, forms.BooleanField):
                if value:
                    data[form[name].html_name] = "on"
                continue
            data[form[name].html_name] = "" if value is None else value
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def change(client, model: str, pk: int, **changes):
    url = reverse(f"admin:{model}_change", args=[pk])
    response = client.post(url, form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def stored_score(source: Source) -> int | None:
    source.refresh_from_db()
    return source.credibility_score


def test_declaring_a_commercial_interest_in_the_admin_rescores_the_source(admin_client):
    source = Source.objects.get(title=THERAPY)
    before = stored_score(source)
    change(admin_client, "sources_source", source.pk, commercial_interest="on")
    assert stored_score(source) == before - credibility.COMMERCIAL_WEIGHT


def test_an_answer_changed_in_the_source_page_inline_rescores_the_source(admin_client):
    source = Source.objects.get(title=THERAPY)
    before = stored_score(source)
    url = reverse("admin:sources_source_change", args=[source.pk])
    data = form_data(admin_client.get(url))
    [key] = [k for k, v in data.items() if k.startswith("rubric_answers-") and v == "authorship"]
    data[key.replace("-item", "-answer")] = RubricAnswerValue.YES
    assert admin_client.post(url, data).status_code == 302
    assert stored_score(source) == before + credibility.CURATOR_WEIGHTS[RubricItem.AUTHORSHIP]


def test_changing_or_deleting_a_rubric_answer_rescores_its_source(admin_client):
    source = Source.objects.get(title=THERAPY)
    answer = source.rubric_answers.get(item=RubricItem.AUTHORSHIP)
    before = stored_score(source)
    change(admin_client, "sources_rubricanswer", answer.pk, answer=RubricAnswerValue.YES)
    assert stored_score(source) == before + credibility.CURATOR_WEIGHTS[RubricItem.AUTHORSHIP]

    url = reverse("admin:sources_rubricanswer_delete", args=[answer.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert stored_score(source) is None  # an item unanswered: not scored


def test_a_mention_rejected_in_the_admin_rescores_its_source(admin_client):
    source = Source.objects.get(title=THERAPY)
    mention = source.mentions.overclaims().first()
    before = credibility.assess(source)
    change(admin_client, "claims_mention", mention.pk, status=ReviewStatus.REJECTED)
    after = credibility.assess(source)
    assert after.overclaims == before.overclaims - 1
    assert stored_score(source) == after.score != before.score


def test_deleting_mentions_with_the_admin_action_rescores_their_sources(admin_client):
    source = Source.objects.get(title=THERAPY)
    before = stored_score(source)
    doomed = list(source.mentions.overclaims().values_list("pk", flat=True)[:3])
    response = admin_client.post(
        reverse("admin:claims_mention_changelist"),
        {"action": "delete_selected", "_selected_action": doomed, "post": "yes"},
    )
    assert response.status_code == 302
    assert not Mention.objects.filter(pk__in=doomed).exists()
    assert stored_score(source) == credibility.assess(source).score > before


def test_a_grade_changed_in_the_admin_reflags_the_claims_mentions(admin_client):
    claim = Claim.objects.get(slug="psychedelics-act-on-5ht2a-receptors")
    confident = claim.mentions.filter(certainty=Certainty.ESTABLISHED)
    assert not confident.filter(is_overclaim=True).exists()
    change(admin_client, "claims_claim", claim.pk, grade=Grade.VERY_LOW)
    assert confident.count() == confident.filter(is_overclaim=True).count() > 0
    for source in Source.objects.filter(mentions__in=confident).distinct():
        assert source.credibility_score == credibility.assess(source).score


def test_a_mention_edited_in_the_claim_page_inline_rescores_its_source(admin_client):
    mention = Mention.objects.filter(
        is_overclaim=True, evidence_cited=EvidenceCited.NONE, claim__isnull=False
    ).first()
    source = mention.source
    url = reverse("admin:claims_claim_change", args=[mention.claim_id])
    data = form_data(admin_client.get(url))
    [key] = [k for k, v in data.items() if k.endswith("-id") and v == mention.pk]
    data[key.replace("-id", "-certainty")] = Certainty.ANECDOTAL
    assert admin_client.post(url, data).status_code == 302
    mention.refresh_from_db()
    assert not mention.is_overclaim
    assert stored_score(source) == credibility.assess(source).score


def test_reverting_an_answer_to_an_earlier_version_rescores_the_source(admin_client):
    source = Source.objects.get(title=THERAPY)
    answer = source.rubric_answers.get(item=RubricItem.AUTHORSHIP)
    before = stored_score(source)
    first_version = answer.history.earliest("history_date")
    change(admin_client, "sources_rubricanswer", answer.pk, answer=RubricAnswerValue.YES)
    assert stored_score(source) != before
    url = reverse(
        "admin:sources_rubricanswer_simple_history",
        args=[answer.pk, first_version.history_id],
    )
    response = admin_client.post(url, form_data(admin_client.get(url)))
    assert response.status_code == 302
    assert RubricAnswer.objects.get(pk=answer.pk).answer == RubricAnswerValue.NO
    assert stored_score(source) == before
