"""axe-core (bundled in the axe-playwright-python package: no download at run time) on each page
type a reader sees. Serious and critical violations fail the test; the message lists them."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from sources.models import Source

PAGES = {
    "home": "/",
    "claims list": "/claims/?condition=depression",
    "claims search": "/claims/?q=default+mode+network",
    "claim": "/claims/microdosing-reduces-depression/",
    "condition": "/conditions/depression/",
    "substance": "/substances/psilocybin/",
    "source list": "/sources/",
}


def serious(results) -> list[str]:
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in {"serious", "critical"}:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_reader_pages_have_no_serious_accessibility_violations(demo_live_server, page, path):
    page.goto(demo_live_server.url + path)
    assert serious(Axe().run(page)) == []


def test_the_source_page_has_no_serious_accessibility_violations(demo_live_server, page):
    source = Source.objects.get(title="Microdosing Therapy")
    page.goto(demo_live_server.url + source.get_absolute_url())
    assert serious(Axe().run(page)) == []
    # With a mention's labels shown by keyboard focus, too.
    page.locator(".article-text mark.mention a").first.focus()
    assert serious(Axe().run(page)) == []
