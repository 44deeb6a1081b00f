"""Two curators at once, on PostgreSQL: the same new claim from two mentions, the same article
submitted twice, the same URL with two texts. Each request ends in the existing object (or a
form error), never an IntegrityError or a 500. And a label edit racing an accept on the same
version: one is saved, the other refused with 409, no edit lost silently.

Each trial makes both requests pass their "does it exist?" check before either inserts (a
barrier where the check ends), which is the window real traffic hits now and then. Set
RACE_TRIALS for more trials (the issue's figures used 20). Skipped on SQLite, whose writers
queue for one lock (IMMEDIATE transactions) and so never race this way.
"""

import contextlib
import os
import threading

import pytest
from django.db import connection
from django.urls import reverse

from claims import vocabulary_seed
from claims.curation import actions
from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.models import Claim, Condition, Mention, Substance
from claims.roles import CURATOR, ensure_groups
from sources.models import Source, SourceQuerySet
from tests.races import client_for, run_together

TRIALS = int(os.environ.get("RACE_TRIALS", "3"))

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="SQLite serialises writers: no race to test"
    ),
]

ARTICLE = (
    "Trial {n}: microdosing and mood\n\n"
    "Microdosing psilocybin may improve mood in healthy adults. "
    "Users report that microdosing LSD helps them focus at work. "
    "Psilocybin is thought to promote neuroplasticity."
)


def meet_after_first_call(monkeypatch, owner, name, parties=2):
    """Make ``owner.name`` wait for the other thread after its first call in each thread, so
    both have checked before either writes. A broken barrier (one thread did not come) just
    lets the other go on."""
    original = getattr(owner, name)
    barrier = threading.Barrier(parties, timeout=5)
    seen = threading.local()

    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        if not getattr(seen, "done", False):
            seen.done = True
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
        return result

    monkeypatch.setattr(owner, name, wrapper)


@pytest.fixture
def curators(django_user_model):
    vocabulary_seed.install(Substance, Condition)  # transactional tests start empty
    groups = ensure_groups()
    users = []
    for name in ("cora", "cory"):
        user = django_user_model.objects.create_user(name, password="pw-for-tests-1")
        user.groups.add(groups[CURATOR])
        users.append(user)
    return users


def test_the_same_new_claim_from_two_mentions_makes_one_claim(monkeypatch, curators):
    for trial in range(TRIALS):
        with monkeypatch.context() as patch:
            same_new_claim(patch, curators, trial)


def same_new_claim(monkeypatch, curators, trial):
    source = ingest_article(
        text=ARTICLE.format(n=trial), metadata=ArticleMetadata(title="T", source_type="news")
    ).source
    first, second = source.mentions.order_by("start")[:2]
    statement = f"Microdosing lifts mood in trial {trial}"
    meet_after_first_call(monkeypatch, Claim, "full_clean")
    clients = [client_for(user) for user in curators]

    responses = run_together(
        *(
            lambda c=c, m=m: c.post(
                reverse("curate:new-claim", args=[m.pk]),
                {"statement": statement, "kind": "benefit"},
            )
            for c, m in zip(clients, (first, second), strict=True)
        )
    )

    assert [getattr(r, "status_code", r) for r in responses] == [302, 302]
    claims = Claim.objects.filter(statement=statement)
    assert claims.count() == 1
    linked = set(
        Mention.objects.filter(pk__in=[first.pk, second.pk]).values_list("claim", flat=True)
    )
    assert linked == {claims.get().pk}


def test_the_same_article_submitted_twice_makes_one_source(monkeypatch, curators):
    for trial in range(TRIALS):
        with monkeypatch.context() as patch:
            same_article_twice(patch, curators, trial)


def same_article_twice(monkeypatch, curators, trial):
    meet_after_first_call(monkeypatch, SourceQuerySet, "find_existing")
    title = f"Twice {trial}"
    data = {"title": title, "source_type": "news", "text": ARTICLE.format(n=trial)}
    clients = [client_for(user) for user in curators]

    responses = run_together(*(lambda c=c: c.post(reverse("curate:add"), data) for c in clients))

    assert [getattr(r, "status_code", r) for r in responses] == [302, 302]
    source = Source.objects.get(title=title)
    assert {r.url for r in responses} == {reverse("curate:review", args=[source.pk])}


def test_the_same_url_with_two_texts_makes_one_source(monkeypatch, curators):
    for trial in range(TRIALS):
        with monkeypatch.context() as patch:
            same_url_two_texts(patch, curators, trial)


def same_url_two_texts(monkeypatch, curators, trial):
    meet_after_first_call(monkeypatch, SourceQuerySet, "find_existing")
    url = f"https://example.org/race/{trial}"
    texts = [ARTICLE.format(n=trial), ARTICLE.format(n=trial) + " An added closing sentence here."]
    clients = [client_for(user) for user in curators]

    responses = run_together(
        *(
            lambda c=c, t=t: c.post(
                reverse("curate:add"),
                {"title": "One URL", "source_type": "news", "text": t, "url": url},
            )
            for c, t in zip(clients, texts, strict=True)
        )
    )

    assert [getattr(r, "status_code", r) for r in responses] == [302, 302]
    source = Source.objects.get(url=url)  # one source: the later text is its new version
    assert source.text in texts
    assert {r.url for r in responses} == {reverse("curate:review", args=[source.pk])}


# --- Lost edits (optimistic concurrency, sources.versioning) --------------------------------


def test_a_label_edit_racing_an_accept_loses_nothing(monkeypatch, curators):
    """Both made on version 1 and checked at the same moment: one is saved, the other is
    refused with 409 and the current card; the saved one is never overwritten silently."""
    for trial in range(TRIALS):
        with monkeypatch.context() as patch:
            edit_racing_accept(patch, curators, trial)


def edit_racing_accept(monkeypatch, curators, trial):
    source = ingest_article(
        text=ARTICLE.format(n=f"edit-{trial}"),
        metadata=ArticleMetadata(title=f"Edits {trial}", source_type="news"),
    ).source
    mention = source.mentions.get(quote__startswith="Users report")
    monkeypatch.setattr(actions, "check_version", waiting_first(actions.check_version))
    editor, acceptor = client_for(curators[0]), client_for(curators[1])
    hx = {"HTTP_HX_REQUEST": "true"}
    labels = {"kind": "mechanism", "certainty": "anecdotal", "evidence_cited": "anecdotal"}

    responses = run_together(
        lambda: editor.post(
            reverse("curate:edit", args=[mention.pk]), {**labels, "version": 1}, **hx
        ),
        lambda: acceptor.post(reverse("curate:accept", args=[mention.pk]), {"version": 1}, **hx),
    )

    codes = [getattr(r, "status_code", r) for r in responses]
    assert sorted(codes) == [200, 409], codes
    mention.refresh_from_db()
    assert (mention.status, mention.version) == ("accepted", 2)
    edit_won = codes[0] == 200
    assert (mention.kind == "mechanism") is edit_won  # the saved change is there


def waiting_first(function, parties=2):
    """``function``, made to wait for the other thread before its first call in each thread."""
    barrier = threading.Barrier(parties, timeout=5)
    seen = threading.local()

    def wrapper(*args, **kwargs):
        if not getattr(seen, "done", False):
            seen.done = True
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
        return function(*args, **kwargs)

    return wrapper
