"""A reader ticks sources in the list and reaches their comparison."""

import re

from playwright.sync_api import expect


def test_a_reader_ticks_two_sources_and_compares_them(demo_live_server, page):
    page.goto(demo_live_server.url + "/sources/")
    page.get_by_role("checkbox", name="Compare “Microdosing Therapy”").check()
    page.get_by_role("checkbox", name="Compare “Microdosing”", exact=True).check()
    page.get_by_role("button", name="Compare ticked sources").click()
    expect(page).to_have_url(re.compile(r"/sources/compare/\?ids=\d+&ids=\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare 2 sources")
    rubric = page.get_by_role("region", name="Credibility, item by item")
    expect(rubric.get_by_role("columnheader", name="Microdosing Therapy")).to_be_visible()
    expect(rubric.get_by_role("rowheader", name=re.compile("^Overclaim rate"))).to_be_visible()
    charts = page.get_by_role("img", name=re.compile("^Wording of claims in"))
    expect(charts).to_have_count(2)
    expect(page.get_by_role("heading", name="Claims they share")).to_be_visible()


def test_ticking_one_source_explains_what_is_needed_without_javascript(
    demo_live_server, no_js_page
):
    page = no_js_page
    page.goto(demo_live_server.url + "/sources/")
    page.get_by_role("checkbox", name="Compare “Microdosing Therapy”").check()
    page.get_by_role("button", name="Compare ticked sources").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick at least two different sources")
    page.get_by_role("checkbox", name="Microdosing Therapy").check()
    page.get_by_role("checkbox", name="Microdosing", exact=True).check()
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare 2 sources")
