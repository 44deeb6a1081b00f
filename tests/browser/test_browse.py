"""The claims browser and the source page in a real browser, with and without JavaScript."""

import re

from playwright.sync_api import expect

from claims.models import Claim


def total_claims() -> int:
    return Claim.objects.public().count()


def results_heading(page):
    return page.locator("#results-heading")


def test_changing_a_filter_swaps_the_results_and_the_url_without_a_reload(demo_live_server, page):
    page.goto(demo_live_server.url + "/claims/")
    expect(results_heading(page)).to_have_text(f"{total_claims()} claims")
    page.evaluate("window.notReloaded = true")

    page.get_by_role("checkbox", name=re.compile(r"^Dosing")).check()

    expect(page).to_have_url(re.compile(r"/claims/\?kind=dosing$"))
    expect(results_heading(page)).to_have_text("4 claims")
    assert page.evaluate("window.notReloaded") is True
    expect(page.get_by_role("link", name="Microdosing involves taking")).to_have_count(0)
    expect(page.locator(".claim-title")).to_have_count(4)
    # The swapped-in checkbox keeps keyboard focus, so a keyboard user can go on from there.
    expect(page.locator("#f-kind-dosing")).to_be_focused()


def test_back_restores_the_previous_results(demo_live_server, page):
    page.goto(demo_live_server.url + "/claims/")
    page.get_by_role("checkbox", name=re.compile(r"^Dosing")).check()
    expect(results_heading(page)).to_have_text("4 claims")
    page.get_by_role("checkbox", name=re.compile(r"^Possible")).check()
    expect(results_heading(page)).to_have_text("1 claim")
    expect(page).to_have_url(re.compile(r"certainty=possible&kind=dosing"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"/claims/\?kind=dosing$"))
    expect(results_heading(page)).to_have_text("4 claims")
    page.go_back()
    expect(results_heading(page)).to_have_text(f"{total_claims()} claims")


def test_a_pasted_link_reproduces_the_filters(demo_live_server, page):
    page.goto(demo_live_server.url + "/claims/?kind=dosing&certainty=possible")
    expect(results_heading(page)).to_have_text("1 claim")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Dosing"))).to_be_checked()


def test_typing_a_search_updates_the_results_after_a_pause(demo_live_server, page):
    page.goto(demo_live_server.url + "/claims/")
    page.get_by_label("Search claims and quotes").fill("default mode network")
    expect(page).to_have_url(re.compile(r"q=default(\+|%20)mode(\+|%20)network"))
    expect(page.locator(".claim-title").first).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("default mode network", re.I)).first
    ).to_be_visible()


def test_the_same_filter_works_without_javascript(demo_live_server, no_js_page):
    page = no_js_page
    page.goto(demo_live_server.url + "/claims/")
    page.get_by_role("checkbox", name=re.compile(r"^Dosing")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"kind=dosing"))
    expect(results_heading(page)).to_have_text("4 claims")


def test_a_highlighted_mention_links_to_its_claim(demo_live_server, page):
    page.goto(demo_live_server.url + "/sources/")
    page.get_by_role("link", name="Exploring Microdosing: Therapeutic Applications").click()
    mark = page.locator(".article-text mark.mention").first
    mark.locator("a").first.focus()
    expect(mark.locator(".mention-labels")).to_be_visible()  # focus shows the labels
    labels = mark.locator(".mention-labels").inner_text()
    assert "certainty" in labels
    mark.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/claims/[\w-]+/$"))
    statement = labels.split(";")[0].removeprefix("Claim: ")
    expect(page.get_by_role("heading", level=1)).to_have_text(statement)
