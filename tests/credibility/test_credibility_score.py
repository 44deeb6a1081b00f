"""The credibility score: published weights, the demo ranking, and freshness on every change."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims import credibility, derived
from claims.curation.actions import review_mention
from claims.curation.forms import RubricForm
from claims.labels import Certainty, EvidenceCited, ReviewStatus
from claims.models import Mention
from sources.models import RubricAnswerValue, RubricItem, Source, SourceType

pytestmark = pytest.mark.django_db

THERAPY = "Microdosing Therapy"  # 000: no sources for its claims, nearly half overclaim
EXPLORING = "Exploring Microdosing: Therapeutic Applications and Clinical Insights"  # 001


def score_of(title: str) -> int | None:
    return Source.objects.get(title=title).credibility_score


def test_the_weights_add_up_to_100_and_every_rubric_item_has_one():
    assert set(credibility.CURATOR_WEIGHTS) == set(RubricItem.values)
    assert set(credibility.CURATOR_ITEMS) == set(RubricItem.values)
    total = sum(credibility.CURATOR_WEIGHTS.values()) + credibility.MEASURED_WEIGHT
    assert total == 100


def test_every_band_has_a_name_and_the_bands_cover_0_to_100():
    covered = sorted(n for band in credibility.BANDS for n in range(band.low, band.high + 1))
    assert covered == list(range(101))
    assert credibility.band_for(80).label == "High credibility"
    assert credibility.band_for(10).label == "Proceed with maximum caution"


def test_every_demo_source_is_scored_and_the_stored_score_is_the_computed_one():
    for source in credibility.with_credibility(Source.objects.published()):
        assert source.credibility_score is not None
        assert source.credibility_score == credibility.assess(source).score
        assert 0 <= source.credibility_score <= 100


def test_the_source_that_names_studies_outranks_the_one_that_overclaims_half_its_claims():
    assert score_of(EXPLORING) > score_of(THERAPY)
    therapy = credibility.assess(Source.objects.get(title=THERAPY))
    exploring = credibility.assess(Source.objects.get(title=EXPLORING))
    assert exploring.item("named_study").points > therapy.item("named_study").points
    assert exploring.item("overclaim_rate").points > therapy.item("overclaim_rate").points


def test_the_breakdown_adds_up_to_the_score():
    cred = credibility.assess(Source.objects.get(title=EXPLORING))
    assert round(sum(item.points for item in cred.items)) == cred.score
    assert [item.group for item in cred.items].count("Measured") == 4
    assert cred.item("authorship").value == "No"
    assert cred.item("authorship").note == "No author or credentials are given."
    assert cred.item("named_study").value.endswith(
        f"of {cred.mentions} claims ({round(100 * cred.named / cred.mentions)}%)"
    )


def rubric_data(source: Source, **changes: str) -> dict[str, str]:
    """The rubric form's data as the source's answers stand, with ``changes`` (item: answer)."""
    data = {}
    for answer in source.rubric_answers.all():
        data[answer.item] = answer.answer
        data[f"{answer.item}_note"] = answer.note
    return data | changes


def save_rubric(source: Source, **changes: str) -> None:
    answers = {answer.item: answer for answer in source.rubric_answers.all()}
    form = RubricForm(rubric_data(source, **changes), answers=answers)
    assert form.is_valid(), form.errors
    form.save(source=source, user=None)


def test_answering_an_item_better_raises_the_score_at_once():
    source = Source.objects.get(title=THERAPY)
    before = source.credibility_score
    answer = source.rubric_answers.get(item=RubricItem.AUTHORSHIP)
    assert answer.answer == RubricAnswerValue.NO
    save_rubric(source, authorship=RubricAnswerValue.YES)
    source.refresh_from_db()
    assert source.credibility_score == before + credibility.CURATOR_WEIGHTS["authorship"]


def test_deleting_an_answer_leaves_the_source_unscored():
    source = Source.objects.get(title=THERAPY)
    save_rubric(source, currency="")
    assert not source.rubric_answers.filter(item=RubricItem.CURRENCY).exists()
    source.refresh_from_db()
    assert source.credibility_score is None
    assert "Currency" in credibility.assess(source).missing[0]


def test_declaring_a_commercial_interest_lowers_the_score():
    source = Source.objects.get(title=THERAPY)
    before = source.credibility_score
    source.commercial_interest = True
    source.save()
    derived.refresh(source_ids=[source.pk])
    source.refresh_from_db()
    assert source.credibility_score == before - credibility.COMMERCIAL_WEIGHT


def test_an_overclaim_fixed_in_review_raises_the_score():
    source = Source.objects.get(title=THERAPY)
    before = credibility.assess(source)
    for mention in source.mentions.overclaims()[:5]:
        mention.certainty = Certainty.POSSIBLE
        mention.save()  # Mention.save() sets the mention's own flag
    derived.refresh(source_ids=[source.pk])
    source.refresh_from_db()
    after = credibility.assess(Source.objects.get(pk=source.pk))
    assert after.overclaims == before.overclaims - 5
    assert source.credibility_score > before.score


def test_rejecting_or_deleting_mentions_changes_what_is_measured():
    source = Source.objects.get(title=EXPLORING)
    named = source.mentions.filter(cites_named_study=True)
    before = credibility.assess(source)
    first, second = named[0], named[1]
    review_mention(mention=first, status=ReviewStatus.REJECTED, user=None)
    second.delete()
    derived.refresh(source_ids=[source.pk])
    after = Source.objects.get(pk=source.pk)
    assert credibility.assess(after).named == before.named - 2
    assert credibility.assess(after).mentions == before.mentions - 2
    assert after.credibility_score == credibility.assess(after).score


def test_a_new_source_is_not_scored_until_answered_and_claimed():
    source = Source.objects.create(
        title="A new article", text="Psilocybin may lift mood.", source_type=SourceType.NEWS
    )
    assert source.credibility_score is None
    save_rubric(source, **dict.fromkeys(RubricItem.values, RubricAnswerValue.YES))
    source.refresh_from_db()
    assert source.credibility_score is None  # no claims yet
    assert any("No accepted claims" in reason for reason in credibility.assess(source).missing)
    Mention.objects.create(
        source=source,
        quote="Psilocybin may lift mood.",
        start=0,
        end=25,
        kind="benefit",
        certainty=Certainty.POSSIBLE,
        evidence_cited=EvidenceCited.NONE,
        status=ReviewStatus.ACCEPTED,
    )
    derived.refresh(source_ids=[source.pk])
    source.refresh_from_db()
    # All answers yes, no overclaim, no named study, no commercial interest.
    assert source.credibility_score == 100 - credibility.NAMED_STUDY_WEIGHT


def test_a_write_without_refresh_leaves_the_score_stale_until_refreshed():
    """No signal rescoring behind a write's back: derived data follows explicit calls only."""
    source = Source.objects.get(title=THERAPY)
    answers = list(source.rubric_answers.all())
    for answer in answers:
        answer.answer = RubricAnswerValue.YES
        answer.save()
    source.refresh_from_db()
    stale = source.credibility_score
    assert stale != credibility.assess(source).score
    derived.refresh(source_ids=[source.pk])
    source.refresh_from_db()
    assert source.credibility_score > stale


def test_refresh_rescores_each_source_once_however_often_it_is_named(django_assert_num_queries):
    source = Source.objects.get(title=THERAPY)
    source.rubric_answers.update(answer=RubricAnswerValue.YES)
    # The publisher's other articles (they share its overclaim record), mention counts, rubric
    # answers, and one UPDATE of the changed score.
    with django_assert_num_queries(4):
        result = derived.refresh(source_ids=[source.pk, None, source.pk, source.pk])
    assert list(result.scores_changed) == [source.pk]


def test_scoring_a_list_of_sources_costs_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        scores = [
            credibility.assess(s).score for s in credibility.with_credibility(Source.objects.all())
        ]
    assert len(scores) == Source.objects.count()


def test_recompute_credibility_repairs_scores_and_flags_changed_behind_their_back():
    Source.objects.update(credibility_score=0)
    Mention.objects.update(is_overclaim=False, overclaim_reasons=[])
    out = StringIO()
    call_command("recompute_credibility", stdout=out)
    assert f"{Source.objects.count()} credibility scores changed" in out.getvalue()
    for source in credibility.with_credibility(Source.objects.all()):
        assert source.credibility_score == credibility.assess(source).score > 0
    assert Mention.objects.overclaims().exists()


def test_credibility_report_prints_each_source_with_its_score_and_items():
    out = StringIO()
    call_command("credibility_report", stdout=out)
    text = out.getvalue()
    for source in Source.objects.published():
        assert source.title in text
        assert f"{source.credibility_score}/100" in text
    assert "Authorship" in text and "Overclaim rate" in text
