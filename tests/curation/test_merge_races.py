"""Two editors merging at once, on PostgreSQL: X into T and T into X in the same instant.

Merges lock both claim rows in pk order (``actions.merge_claims``), so the second waits for the
first, then finds its claim gone and is told so: no deadlock, no foreign-key violation, no 500,
and every mention ends on the surviving claim. Both requests are held at a barrier just before
the merge, the window real traffic hits now and then. MERGE_RACE_TRIALS sets the number of
trials (20 by default). Skipped on SQLite, whose IMMEDIATE transactions serialise writers.
"""

import os

import pytest
from django.db import connection
from django.urls import reverse

from claims import vocabulary_seed
from claims.curation import actions
from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.models import Claim, ClaimMerge, Condition, Mention, Substance
from claims.roles import EDITOR, ensure_groups
from tests.races import client_for, meet_before, run_together

TRIALS = int(os.environ.get("MERGE_RACE_TRIALS", "20"))

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="SQLite serialises writers: no race to test"
    ),
]

ARTICLE = (
    "Merge trial {n}\n\n"
    "Microdosing psilocybin may improve mood in healthy adults. "
    "Users report that microdosing LSD helps them focus at work. "
    "Psilocybin is thought to promote neuroplasticity."
)


@pytest.fixture
def editors(django_user_model):
    vocabulary_seed.install(Substance, Condition)  # transactional tests start empty
    group = ensure_groups()[EDITOR]
    users = []
    for name in ("eddie", "edna"):
        user = django_user_model.objects.create_user(name, password="pw-for-tests-1")
        user.groups.add(group)
        users.append(user)
    return users


def test_crossed_merges_end_in_one_claim_with_every_mention(monkeypatch, editors):
    outcomes = []
    for trial in range(TRIALS):
        with monkeypatch.context() as patch:
            outcomes.append(crossed_merge(patch, editors, trial))
    assert outcomes == [("one merged", "one told")] * TRIALS


def crossed_merge(monkeypatch, editors, trial):
    source = ingest_article(
        text=ARTICLE.format(n=trial),
        metadata=ArticleMetadata(title=f"M{trial}", source_type="news"),
    ).source
    x = Claim.objects.create(slug=f"x-{trial}", statement=f"X {trial}", kind="benefit")
    t = Claim.objects.create(slug=f"t-{trial}", statement=f"T {trial}", kind="benefit")
    first, second, third = source.mentions.order_by("start")
    for mention, claim in ((first, x), (second, t), (third, x)):
        actions.link_mention(mention=mention, claim=claim, user=editors[0])
    mentions = {first.pk, second.pk, third.pk}

    meet_before(monkeypatch, actions, "merge_claims")
    clients = [client_for(user) for user in editors]

    responses = run_together(
        lambda: clients[0].post(reverse("curate:merge", args=[t.slug]), {"duplicate": x.slug}),
        lambda: clients[1].post(reverse("curate:merge", args=[x.slug]), {"duplicate": t.slug}),
    )

    assert [getattr(r, "status_code", r) for r in responses] == [302, 302]
    survivors = list(Claim.objects.filter(pk__in=[x.pk, t.pk]))
    assert len(survivors) == 1
    assert ClaimMerge.objects.filter(target__in=survivors).count() == 1
    linked = set(Mention.objects.filter(pk__in=mentions).values_list("claim", flat=True))
    assert linked == {survivors[0].pk}  # no mention lost, none left on the deleted claim
    told = [
        m.message
        for c in clients
        for m in c.get(reverse("curate:claim", args=[survivors[0].slug]))
        .context["messages"]
        ._loaded_messages
    ]
    return (
        "one merged" if sum("Merged" in m for m in told) == 1 else told,
        "one told" if sum("meanwhile" in m for m in told) == 1 else told,
    )
