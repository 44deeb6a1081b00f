"""Reader pages can be cached by browsers and a CDN: a knowledge-base version as ETag, 304 on a
matching conditional GET, a new ETag after every publishing write, nothing shared for users."""

import pytest
from django.test import Client

from claims.curation import actions
from claims.models import Claim
from config import routers
from config.routers import PinToPrimaryMiddleware, PrimaryReplicaRouter, _pinned
from sources.models import Source, SourceStatus

pytestmark = pytest.mark.django_db
PAGES = ["/", "/claims/", "/claims/?condition=depression", "/conditions/depression/"]


@pytest.mark.parametrize("url", PAGES)
def test_reader_pages_answer_a_matching_conditional_get_with_304(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "s-maxage" in first["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_publishing_write_changes_the_etag(client, editor):
    etag = client.get("/claims/")["ETag"]
    source = Source.objects.published().first()
    actions.set_source_status(source=source, status=SourceStatus.DRAFT, user=editor)
    response = client.get("/claims/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_htmx_fragments_have_their_own_etag_and_vary(client):
    page = client.get("/claims/")
    fragment = client.get("/claims/", headers={"HX-Request": "true"})
    assert page["ETag"] != fragment["ETag"]
    assert "HX-Request" in page["Vary"] and "HX-Request" in fragment["Vary"]
    stale = client.get("/claims/", headers={"HX-Request": "true", "If-None-Match": page["ETag"]})
    assert stale.status_code == 200


def test_a_history_restore_gets_the_whole_page_after_a_fragment_was_served(client):
    """htmx restores history by asking for the page with HX-Request set: neither the server's
    page cache nor a validator may hand it the results fragment kept for the same URL."""
    fragment = client.get("/claims/?kind=risk", headers={"HX-Request": "true"})
    assert b"<html" not in fragment.content
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    page = client.get("/claims/?kind=risk", headers=restore)
    assert b"<html" in page.content
    assert page["ETag"] != fragment["ETag"]
    assert "HX-History-Restore-Request" in page["Vary"]


def test_a_page_showing_a_visitor_their_messages_is_not_kept_for_others(client, editor):
    """A curator's message still pending when they log out shows on their next reader page:
    that page must not be served to the next visitor from the server's cache."""
    client.force_login(editor)
    source = Source.objects.published().first()
    client.post(f"/curate/sources/{source.pk}/publish/", {"action": "unpublish"})  # not followed
    client.post("/accounts/logout/")
    theirs = client.get("/claims/?kind=dosing").content.decode()
    assert "is a draft again" in theirs
    others = Client().get("/claims/?kind=dosing").content.decode()
    assert "is a draft again" not in others


def test_reader_pages_carry_no_csrf_cookie_for_readers(client):
    response = client.get("/claims/")
    assert "csrftoken" not in response.cookies


def test_signed_in_users_get_private_pages(client, curator):
    client.force_login(curator)
    claim = Claim.objects.public().first()
    response = client.get(claim.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


# --- read replicas ----------------------------------------------------------------------------


def test_reads_go_to_a_replica_and_writes_to_the_primary(monkeypatch):
    monkeypatch.setattr(routers, "replicas", lambda: ["replica1"])
    monkeypatch.setattr(routers, "in_transaction", lambda: False)
    router = PrimaryReplicaRouter()
    assert router.db_for_read(Claim) == "default"  # outside a reader's request: a command
    token = _pinned.set(False)
    try:
        assert router.db_for_read(Claim) == "replica1"
    finally:
        _pinned.reset(token)
    assert router.db_for_write(Claim) == "default"
    assert router.allow_migrate("replica1", "claims") is False
    token = _pinned.set(True)
    try:
        assert router.db_for_read(Claim) == "default"
    finally:
        _pinned.reset(token)
    monkeypatch.setattr(routers, "in_transaction", lambda: True)
    assert router.db_for_read(Claim) == "default"  # a transaction reads its own writes


def test_writes_and_signed_in_users_are_pinned_to_the_primary(rf, curator):
    seen = []
    middleware = PinToPrimaryMiddleware(lambda request: seen.append(_pinned.get()))
    from django.contrib.auth.models import AnonymousUser

    get = rf.get("/claims/")
    get.user = AnonymousUser()
    middleware(get)
    post = rf.post("/curate/")
    post.user = AnonymousUser()
    middleware(post)
    curator_get = rf.get("/claims/")
    curator_get.user = curator
    middleware(curator_get)
    assert seen == [False, True, True]


@pytest.mark.django_db(databases="__all__")
def test_reader_pages_work_through_a_mirrored_replica(client, settings, monkeypatch):
    """With ``DATABASE_REPLICA_URLS`` set, the replica aliases mirror the test database
    (``TEST: {"MIRROR": "default"}``): the pages read through them. (The test's own transaction
    would pin reads to the primary; the demo corpus the pages read is committed.)"""
    if not any(alias.startswith("replica") for alias in settings.DATABASES):
        pytest.skip("set DATABASE_REPLICA_URLS to run against a mirrored replica")
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(routers, "in_transaction", lambda: False)
    replica = next(alias for alias in settings.DATABASES if alias.startswith("replica"))
    with CaptureQueriesContext(connections[replica]) as queries:
        response = client.get("/claims/")
    assert response.status_code == 200
    assert len(queries) > 0
    assert b"claims" in response.content
