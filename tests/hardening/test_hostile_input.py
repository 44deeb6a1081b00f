"""Input that used to give 500s: each case is what a user (or a scanner) sent."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Mention
from sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["²", "١٢", "1²", "-1", "99999999999999999999", "\x00"])
def test_the_source_list_treats_an_unreadable_page_number_as_the_first_page(client, page):
    response = client.get("/sources/", {"page": page})
    assert response.status_code == 200
    assert "Sources" in response.content.decode()


@pytest.mark.parametrize("link", ["²", "1²", "٣", "99999999999999999999999"])
def test_the_review_page_ignores_a_link_parameter_that_is_no_id(curator_client, link):
    source = Source.objects.first()
    response = curator_client.get(reverse("curate:review", args=[source.pk]), {"link": link})
    assert response.status_code == 200


def test_the_review_page_still_opens_the_search_of_a_real_mention(curator_client):
    mention = Mention.objects.select_related("source").first()
    response = curator_client.get(
        reverse("curate:review", args=[mention.source_id]), {"link": str(mention.pk), "q": "mood"}
    )
    assert response.status_code == 200


def test_the_claims_filter_refuses_a_source_id_in_other_digits(client):
    response = client.get("/claims/", {"source": "²"})
    assert response.status_code in {200, 400}


@pytest.fixture
def csrf_client():
    """A client that runs the CSRF check as a browser's request meets it (cookie set)."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.mark.parametrize("path", ["/no-such-page/", "/sources/abc/", "/curate/nothing/", "/x"])
def test_a_multipart_post_without_boundary_to_an_unknown_url_is_a_404(csrf_client, path):
    response = csrf_client.generic("POST", path, b"junk", content_type="multipart/form-data")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("path", ["/accounts/login/", "/sources/999999/", "/curate/add/"])
def test_a_multipart_post_without_boundary_to_a_page_is_a_400(csrf_client, path):
    response = csrf_client.generic("POST", path, b"junk", content_type="multipart/form-data")
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_the_404_page_is_the_sites_own(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'href="/claims/"' in html


@pytest.fixture
def admin_client(django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-1-long!")
    client = Client()
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/sources/source/abc/history/",
        "/admin/sources/source/²/history/",
        "/admin/sources/source/99999999999999999999999/history/",
        "/admin/claims/claim/abc/history/",
        "/admin/claims/mention/abc/history/",
        "/admin/sources/rubricanswer/abc/history/",
        "/admin/sources/source/1/history/abc/",
        "/admin/sources/source/abc/history/1/",
    ],
)
def test_admin_history_with_an_id_that_is_no_number_is_not_found(admin_client, path):
    assert admin_client.get(path).status_code == 404


def test_admin_history_of_a_real_source_still_opens(admin_client):
    source = Source.objects.first()
    response = admin_client.get(f"/admin/sources/source/{source.pk}/history/")
    assert response.status_code == 200
