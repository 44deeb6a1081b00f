"""Every response carries the Content-Security-Policy; only the admin relaxes style attributes."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/claims/", "/sources/", "/accounts/login/", "/nope/"])
def test_site_pages_forbid_inline_scripts_and_styles(client, path):
    policy = directives(client.get(path))
    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert "style-src-attr" not in policy


def test_admin_pages_allow_style_attributes_only(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert policy["style-src-attr"] == "style-src-attr 'unsafe-inline'"
    assert policy["script-src"] == "script-src 'self'"


def test_pages_ask_htmx_not_to_inject_styles_or_evaluate_code(client):
    html = client.get("/claims/").content.decode()
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html
    assert 'style="' not in html
