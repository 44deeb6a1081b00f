"""The Content-Security-Policy holds on every main page in Chromium: no violation is reported,
while pages load, nor when htmx swaps fragments (filters, review actions)."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim, Condition, Mention, Substance
from claims.roles import CURATOR, EDITOR, ensure_groups
from sources.models import Source

# Recorded from the page itself; Playwright's init scripts are not subject to the policy.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} `
    + `at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console = []
    page.on(
        "console",
        lambda msg: console.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.csp_console = console
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations") + page.csp_console


def visit(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response.status < 500, url
    assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()}
    page.wait_for_load_state("load")
    return violations(page)


def test_reader_pages_report_no_violation(demo_live_server, watched_page):
    base = demo_live_server.url
    source = Source.objects.published().first()
    claim = Claim.objects.filter(mentions__isnull=False).first()
    paths = [
        "/",
        "/claims/",
        "/claims/?condition=depression&grade=low",
        claim.get_absolute_url(),
        f"/conditions/{Condition.objects.get(slug='depression').slug}/",
        f"/substances/{Substance.objects.get(slug='psilocybin').slug}/",
        "/sources/",
        source.get_absolute_url(),
        "/sources/compare/?" + "&".join(f"s={s.pk}" for s in Source.objects.published()[:2]),
        "/sources/credibility/",
        "/accounts/login/",
        "/no-such-page/",
    ]
    seen = {path: visit(watched_page, base + path) for path in paths}
    assert {path: v for path, v in seen.items() if v} == {}

    # htmx: a filter swaps the results in place.
    watched_page.goto(base + "/claims/")
    watched_page.locator("input[name=condition]").first.check()
    expect(watched_page.locator("#results")).to_be_visible()
    watched_page.wait_for_url("**/claims/?*")
    watched_page.wait_for_load_state("networkidle")
    assert violations(watched_page) == []


def test_curation_and_admin_pages_report_no_violation(
    demo_live_server, watched_page, django_user_model
):
    base = demo_live_server.url
    groups = ensure_groups()
    editor = django_user_model.objects.create_user(
        "eddie", password="eddie-pw-for-tests", is_staff=True, is_superuser=True
    )
    editor.groups.add(groups[CURATOR], groups[EDITOR])
    page = watched_page
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill("eddie")
    page.get_by_label("Password").fill("eddie-pw-for-tests")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Curation queue")

    source = Source.objects.first()
    claim = Claim.objects.first()
    mention = Mention.objects.filter(source=source).first()
    paths = [
        "/curate/",
        "/curate/add/",
        f"/curate/sources/{source.pk}/",
        f"/curate/sources/{source.pk}/rubric/",
        f"/curate/mentions/{mention.pk}/edit/",
        "/curate/claims/",
        f"/curate/claims/{claim.slug}/",
        "/admin/",
        "/admin/sources/source/",
        f"/admin/sources/source/{source.pk}/change/",
        f"/admin/sources/source/{source.pk}/history/",
        f"/admin/claims/claim/{claim.pk}/change/",
    ]
    seen = {path: visit(page, base + path) for path in paths}
    assert {path: v for path, v in seen.items() if v} == {}

    # htmx: a review action swaps the card and the counts.
    page.goto(base + f"/curate/sources/{source.pk}/")
    card = page.locator(f"#card-{mention.pk}")
    card.locator('[data-action="reject"] button').click()
    expect(card.locator(".badge")).to_have_text("Rejected")
    assert violations(page) == []
