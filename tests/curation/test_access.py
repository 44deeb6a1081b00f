"""Every curation URL, for every kind of visitor, by GET and POST."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim

pytestmark = pytest.mark.django_db

# (url name, which object it takes, role needed for GET, role needed for POST; None: not allowed)
URLS = [
    ("curate:queue", None, "curator", None),
    ("curate:add", None, "curator", "curator"),
    ("curate:review", "source", "curator", None),
    ("curate:add-passage", "source", None, "curator"),
    ("curate:publish", "source", None, "editor"),
    ("curate:rubric", "source", "curator", "curator"),
    ("curate:card", "mention", "curator", None),
    ("curate:accept", "mention", None, "curator"),
    ("curate:reject", "mention", None, "curator"),
    ("curate:reset", "mention", None, "curator"),
    ("curate:edit", "mention", "curator", "curator"),
    ("curate:claim-search", "mention", "curator", None),
    ("curate:link", "mention", None, "curator"),
    ("curate:accept-as", "mention", None, "curator"),
    ("curate:new-claim", "mention", None, "curator"),
    ("curate:claims", None, "curator", None),
    ("curate:claim", "claim", "curator", None),
    ("curate:grade", "claim", None, "editor"),
    ("curate:merge", "claim", None, "editor"),
]
CASES = [(name, kind, "GET", role) for name, kind, role, _ in URLS] + [
    (name, kind, "POST", role) for name, kind, _, role in URLS
]


@pytest.fixture
def objects(draft):
    return {
        "source": draft,
        "mention": draft.mentions.order_by("start").first(),
        "claim": Claim.objects.get(slug="microdosing-improves-mood"),
    }


def url_for(name, kind, objects):
    if kind is None:
        return reverse(name)
    obj = objects[kind]
    return reverse(name, args=[obj.slug if kind == "claim" else obj.pk])


def request(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, {})


@pytest.mark.parametrize(("name", "kind", "method", "role"), CASES)
def test_anonymous_visitors_are_sent_to_login(client, objects, name, kind, method, role):
    url = url_for(name, kind, objects)
    response = request(client, method, url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


@pytest.mark.parametrize(("name", "kind", "method", "role"), CASES)
def test_readers_without_a_role_are_refused(client, reader, objects, name, kind, method, role):
    client.force_login(reader)
    response = request(client, method, url_for(name, kind, objects))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "kind", "method", "role"), CASES)
def test_curators_may_do_curator_work_only(client, curator, objects, name, kind, method, role):
    client.force_login(curator)
    response = request(client, method, url_for(name, kind, objects))
    editors_only = name in ("curate:publish", "curate:grade", "curate:merge")
    if editors_only:
        assert response.status_code == 403
    elif role is None:
        assert response.status_code == 405  # the method is not offered at all
    else:
        assert response.status_code in (200, 302, 400)


@pytest.mark.parametrize(("name", "kind", "method", "role"), CASES)
def test_editors_may_do_everything(client, editor, objects, name, kind, method, role):
    client.force_login(editor)
    response = request(client, method, url_for(name, kind, objects))
    if role is None:
        assert response.status_code == 405
    else:
        assert response.status_code in (200, 302, 400)


@pytest.mark.parametrize(("name", "kind"), [(c[0], c[1]) for c in CASES if c[2] == "POST" and c[3]])
def test_every_post_needs_the_csrf_token(editor, objects, name, kind):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(url_for(name, kind, objects), {})
    assert response.status_code == 403
    assert b"CSRF" in response.content


def test_a_post_with_the_csrf_token_goes_through(editor, objects):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(reverse("curate:review", args=[objects["source"].pk]))
    token = page.cookies["csrftoken"].value
    mention = objects["mention"]
    response = client.post(
        reverse("curate:accept", args=[mention.pk]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.status == "accepted"


def test_refused_posts_change_nothing(client, curator, objects):
    client.force_login(curator)
    source = objects["source"]
    client.post(reverse("curate:publish", args=[source.pk]), {"action": "publish"})
    claim = objects["claim"]
    client.post(
        reverse("curate:grade", args=[claim.slug]), {"grade": "high", "grade_rationale": "x"}
    )
    source.refresh_from_db()
    claim.refresh_from_db()
    assert source.status == "draft"
    assert claim.grade != "high"


def test_the_curate_link_is_shown_to_curators_only(client, reader, curator):
    client.force_login(reader)
    assert b'href="/curate/"' not in client.get("/").content
    client.force_login(curator)
    assert b'href="/curate/"' in client.get("/").content


def test_login_leads_a_curator_to_the_queue(client, curator):
    response = client.post(
        reverse("login"), {"username": "cora", "password": "pw-for-tests-1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/curate/"
    assert b"Curation queue" in response.content
