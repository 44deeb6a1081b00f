"""The read model stays equal to a fresh rebuild after any sequence of curation writes, and the
browser's facet counts mean what they say: choosing an option gives exactly that many claims."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import filters, readmodel, search
from claims.curation import actions
from claims.curation.forms import GradeForm
from claims.filters import ClaimFilter
from claims.labels import Certainty, ClaimKind, Grade, ReviewStatus
from claims.models import (
    BrowseRow,
    Claim,
    ClaimCard,
    Condition,
    FacetCount,
    FacetPairCount,
    FacetTripleCount,
    KnowledgeBaseVersion,
    Mention,
)
from sources.models import Source, SourceStatus, SourceType

pytestmark = pytest.mark.django_db
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def snapshot() -> tuple:
    rows = sorted(BrowseRow.objects.values_list(*readmodel.ROW_COLUMNS))
    # A claim's quotes (one per line) and filter values come in no set order: compare them sorted.
    plain = [f.name for f in ClaimCard._meta.concrete_fields]
    plain = [name for name in plain if name not in {"quotes", "filter_values"}]
    cards = sorted(
        (*card[:-2], sorted(card[-2].splitlines()), sorted(card[-1].split(",")))
        for card in ClaimCard.objects.values_list(*plain, "quotes", "filter_values")
    )
    fts = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid, quote FROM claims_quote_fts ORDER BY rowid")
            public = set(Mention.objects.public().values_list("pk", flat=True))
            fts = [row for row in cursor.fetchall() if row[0] in public]
            cursor.execute("SELECT rowid, statement, quotes FROM claims_claim_fts ORDER BY rowid")
            fts += [(pk, text, sorted(quotes.splitlines())) for pk, text, quotes in cursor]
    counts = sorted(FacetCount.objects.values_list("facet", "value", "claims"))
    pairs = sorted(
        FacetPairCount.objects.values_list("facet", "value", "other", "other_value", "claims")
    )
    triples = sorted(
        FacetTripleCount.objects.values_list("context", "other", "other_value", "claims")
    )
    return rows, cards, fts, counts, pairs, triples


# --- a random sequence of curation writes -------------------------------------------------------

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["review", "link", "grade", "merge", "publish", "labels", "reparent"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(list(ReviewStatus.values)),
    ),
    min_size=1,
    max_size=6,
)


def pick(items: list, n: int):
    return items[n % len(items)] if items else None


def apply(action: str, a: int, b: int, status: str, user) -> None:
    mentions = list(Mention.objects.filter(anchor_lost=False).order_by("pk"))
    claims = list(Claim.objects.order_by("pk"))
    if action == "review":
        actions.review_mention(mention=pick(mentions, a), status=status, user=user)
    elif action == "link":
        mention, claim = pick(mentions, a), pick(claims, b)
        if not Mention.objects.filter(
            source_id=mention.source_id, start=mention.start, end=mention.end, claim=claim
        ).exists():
            actions.link_mention(mention=mention, claim=claim, user=user)
    elif action == "grade":
        claim = pick(claims, a)
        grade = pick(list(Grade.values), b)
        form = GradeForm({"grade": grade, "grade_rationale": "Checked."}, instance=claim)
        assert form.is_valid(), form.errors
        actions.set_grade(form=form, user=user)
    elif action == "merge" and len(claims) > 2:
        target, duplicate = pick(claims, a), pick(claims, b)
        if target.pk != duplicate.pk:
            actions.merge_claims(target=target, duplicate=duplicate, user=user)
    elif action == "publish":
        source = pick(list(Source.objects.order_by("pk")), a)
        new = SourceStatus.DRAFT if source.status == SourceStatus.PUBLISHED else "published"
        actions.set_source_status(source=source, status=new, user=user)
    elif action == "labels":
        from claims.curation.forms import MentionLabelsForm

        mention = pick(mentions, a)
        data = {
            "kind": pick(list(ClaimKind.values), b),
            "certainty": pick(list(Certainty.values), a + b),
            "hedge_cues": "[]",
            "evidence_cited": mention.evidence_cited,
            "substances": [s.pk for s in mention.substances.all()],
            "conditions": [pick(list(Condition.objects.order_by("pk")), b).pk],
        }
        form = MentionLabelsForm(data, instance=mention)
        if form.is_valid():
            actions.save_labels(form=form, user=user)
    elif action == "reparent":
        # A vocabulary edit: the admin's save calls refresh_conditions the same way.
        conditions = list(Condition.objects.order_by("pk"))
        child, parent = pick(conditions, a), pick(conditions, b)
        if parent.pk not in Condition.objects.descendant_ids([child]):
            before = readmodel.claims_of_conditions([child.pk])
            child.parent = parent
            child.save()
            readmodel.refresh_claims(before | readmodel.claims_of_conditions([child.pk]))


@SETTINGS
@given(steps=ACTIONS)
def test_the_read_model_equals_a_rebuild_after_any_curation_writes(steps, editor):
    for action, a, b, status in steps:
        apply(action, a, b, status, editor)
    kept = snapshot()
    readmodel.rebuild()
    assert kept == snapshot()


def test_the_command_rebuilds_the_read_model():
    before = snapshot()
    BrowseRow.objects.all().delete()
    ClaimCard.objects.all().delete()
    version = KnowledgeBaseVersion.objects.get().version
    call_command("rebuild_read_model", verbosity=0)
    assert snapshot() == before
    assert KnowledgeBaseVersion.objects.get().version == version + 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="CLUSTER is PostgreSQL's")
def test_a_rebuild_stores_the_filter_rows_in_condition_order():
    readmodel.refresh_claims(Claim.objects.values_list("pk", flat=True))  # rows out of order
    readmodel.rebuild()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT condition_id FROM claims_browserow WHERE condition_id IS NOT NULL ORDER BY ctid"
        )
        on_disk = [row[0] for row in cursor.fetchall()]
    assert len(set(on_disk)) > 1
    assert on_disk == sorted(on_disk)


def test_publishing_and_unpublishing_changes_what_readers_see(editor):
    source = Source.objects.order_by("pk").first()
    own = set(Mention.objects.public().filter(source=source).values_list("claim_id", flat=True))
    actions.set_source_status(source=source, status=SourceStatus.DRAFT, user=editor)
    still = set(ClaimCard.objects.values_list("claim_id", flat=True))
    assert not BrowseRow.objects.filter(source=source).exists()
    assert still == set(Claim.objects.public().values_list("pk", flat=True))
    actions.set_source_status(source=source, status=SourceStatus.PUBLISHED, user=editor)
    assert own <= set(ClaimCard.objects.values_list("claim_id", flat=True))


# --- facet counts are exact -----------------------------------------------------------------------

FILTER_VALUES = {
    "condition": ["depression", "anxiety", "treatment-resistant-depression", "neuroplasticity"],
    "substance": ["psilocybin", "lsd", "cbd", "psychedelics-general"],
    "grade": ["high", "moderate", "low", "very-low"],
    "certainty": list(Certainty.values),
    "kind": list(ClaimKind.values),
    "source_type": [SourceType.WELLNESS_BLOG, SourceType.NEWS],
    "overclaim": ["true"],
    # "microdosing" matches most claims: the facet counts are the stored ones less the others'.
    "q": ["mood", "serotonin or dopamine", '"default mode"', "depression -anxiety", "microdosing"],
}


@st.composite
def queries(draw) -> QueryDict:
    data = QueryDict(mutable=True)
    for name in draw(st.sets(st.sampled_from(sorted(FILTER_VALUES)), max_size=3)):
        values = FILTER_VALUES[name]
        many = name not in {"grade", "overclaim", "q"}
        chosen = draw(st.lists(st.sampled_from(values), min_size=1, max_size=2 if many else 1))
        data.setlist(name, sorted(set(chosen)))
    return data


def claim_ids(data: QueryDict) -> set[int]:
    return set(ClaimFilter(data).claims().values_list("claim_id", flat=True))


def mention_semantics(data: QueryDict) -> set[int]:
    """The documented meaning, computed from the mentions directly: a claim matches when one
    public mention passes every filter (values of one filter OR, filters AND)."""
    from claims.browse import grades_at_least

    mentions = Mention.objects.public()
    for name in data:
        values = data.getlist(name)
        if name == "condition":
            roots = Condition.objects.filter(slug__in=values)
            mentions = mentions.filter(conditions__in=Condition.objects.descendant_ids(roots))
        elif name == "substance":
            mentions = mentions.filter(substances__slug__in=values)
        elif name == "grade":
            mentions = mentions.filter(claim__grade__in=grades_at_least(values[0]))
        elif name in {"certainty", "kind"}:
            mentions = mentions.filter(**{f"{name}__in": values})
        elif name == "source_type":
            mentions = mentions.filter(source__source_type__in=values)
        elif name == "overclaim":
            mentions = mentions.filter(is_overclaim=True)
    return set(mentions.values_list("claim_id", flat=True))


@SETTINGS
@given(data=queries())
def test_every_facet_count_is_the_number_of_claims_choosing_it_gives(data):
    # The page's own count too (read from stored counts or with the facets, not listed).
    assert ClaimFilter(data).count() == len(claim_ids(data))
    facets = ClaimFilter(data).facets()
    for facet in facets:
        for option in facet["options"]:
            # A facet's counts leave its own filter out: the option alone, with the others.
            chosen = data.copy()
            chosen.setlist(facet["name"], [option["value"]])
            assert option["count"] == len(claim_ids(chosen)), (facet["name"], option, data)


@pytest.mark.parametrize("q", ["microdosing", "microdosing or psychedelics"])
@pytest.mark.parametrize("listed", [2000, 0], ids=["unmatched-listed", "unmatched-subquery"])
def test_a_broad_search_counts_each_facet_option_and_source_exactly(q, listed, monkeypatch):
    monkeypatch.setattr(filters, "SOURCE_FACET_SIZE", 1000)  # every source, to check them all
    monkeypatch.setattr(filters, "UNMATCHED_LIST", listed)
    data = QueryDict(mutable=True)
    data["q"] = q
    filterset = ClaimFilter(data)
    assert filterset.broad_search  # the path under test: stored counts less unmatched ones
    facets = filterset.facets()
    sources = next(f for f in facets if f["name"] == "source")["options"]
    assert sources
    for facet in facets:
        for option in facet["options"]:
            chosen = data.copy()
            chosen.setlist(facet["name"], [option["value"]])
            assert option["count"] == len(claim_ids(chosen)), (facet["name"], option)
    # No source with a matching claim is left out, and they come most claims first.
    expected = {
        str(source_id)
        for source_id in BrowseRow.objects.filter(
            claim_id__in=claim_ids(data), source__status=SourceStatus.PUBLISHED
        ).values_list("source_id", flat=True)
    }
    assert {o["value"] for o in sources} == expected
    counts = [o["count"] for o in sources]
    assert counts == sorted(counts, reverse=True)


@SETTINGS
@given(data=queries())
def test_results_tested_on_the_cards_come_in_the_same_order_as_by_the_plain_semi_join(data):
    # The cards' filter values decide a one-filter page alone and narrow the others: either
    # way the page is the claims with a matching row, in the same order.
    found = ClaimFilter(data)
    listed = list(found.claims().values_list("claim_id", flat=True))
    cards = ClaimCard.objects.all()
    if found.active() - {"q"}:
        cards = cards.filter(claim_id__in=found.rows(skip="q").values("claim_id"))
    if found.search_text:
        cards = cards.filter(search.card_matches(found.search_text))
    if found.sort == "relevance":
        cards = cards.annotate(rank=search.rank(found.search_text))
    assert listed == list(cards.in_browser_order(found.sort).values_list("claim_id", flat=True))


@SETTINGS
@given(data=queries())
def test_results_follow_the_documented_semantics(data):
    without_search = data.copy()
    without_search.pop("q", None)
    assert claim_ids(without_search) == mention_semantics(without_search)


def test_admin_edits_keep_the_read_model_current(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", "r@example.org", "pw-12345-x")
    client.force_login(admin_user)
    claim = Claim.objects.public().order_by("pk").first()
    data = {
        "slug": claim.slug,
        "statement": "A statement edited in the admin",
        "kind": claim.kind,
        "grade": claim.grade,
        "grade_rationale": claim.grade_rationale,
        "substances": [s.pk for s in claim.substances.all()],
        "conditions": [c.pk for c in claim.conditions.all()],
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }
    response = client.post(f"/admin/claims/claim/{claim.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ClaimCard.objects.get(claim=claim).statement == "A statement edited in the admin"
    kept = snapshot()
    readmodel.rebuild()
    assert snapshot() == kept
