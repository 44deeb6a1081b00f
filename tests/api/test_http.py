"""The API's HTTP behaviour: caching headers, conditional requests, the anonymous rate limit,
the schema and its docs page (served from our own static files: no CDN), and errors as JSON."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_responses_carry_cache_control_and_an_etag(client):
    response = client.get("/api/claims", {"limit": 2})
    assert response["Cache-Control"] == "public, max-age=300"
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])


def test_a_matching_if_none_match_gets_a_304_without_a_body(client):
    etag = client.get("/api/substances")["ETag"]
    again = client.get("/api/substances", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    changed = client.get("/api/substances", headers={"If-None-Match": '"stale"'})
    assert changed.status_code == 200


def test_errors_are_not_cached(client):
    response = client.get("/api/claims/no-such-claim")
    assert response.status_code == 404
    assert "Cache-Control" not in response


def test_anonymous_clients_are_limited_and_told_when_to_retry(client, settings):
    settings.API_ANON_RATE = "3/min"
    statuses = [client.get("/api/substances").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/conditions")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "detail" in limited.json()
    # Another client (address) has its own allowance.
    assert client.get("/api/substances", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_schema_is_openapi_3_with_every_operation(client):
    schema = client.get("/api/schema/").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {
        "/api/claims",
        "/api/claims/facets",
        "/api/claims/{slug}",
        "/api/claims/{slug}/claimreview",
        "/api/mentions",
        "/api/mentions/{id}",
        "/api/sources",
        "/api/sources/{id}",
        "/api/publishers",
        "/api/publishers/{id}",
        "/api/substances",
        "/api/conditions",
    }
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())  # read-only


def test_the_docs_page_loads_nothing_from_another_site(client):
    html = client.get("/api/docs/").content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("swagger-ui-bundle.js" in url for url in urls)
    for url in urls:
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), url
    assert "cdn" not in html.lower()


def test_writes_are_refused(client):
    assert client.post("/api/claims", {}).status_code == 405


def test_an_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/nothing/here")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("There is no such API address")
