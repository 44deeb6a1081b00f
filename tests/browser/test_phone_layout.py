"""Pages fit a 390 px phone screen: nothing makes the whole page scroll sideways (wide tables
scroll inside their own region instead)."""

import pytest

from sources.models import Source

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_compare_page_fits_a_phone_screen(demo_live_server, phone_page):
    ids = Source.objects.published().order_by("pk").values_list("pk", flat=True)[:3]
    query = "&".join(f"ids={pk}" for pk in ids)
    phone_page.goto(f"{demo_live_server.url}/sources/compare/?{query}")
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Compare 3 sources"
    assert page_width(phone_page) <= PHONE["width"]


def test_the_publisher_pages_fit_a_phone_screen(demo_live_server, phone_page):
    phone_page.goto(f"{demo_live_server.url}/publishers/")
    assert page_width(phone_page) <= PHONE["width"]
    phone_page.get_by_role("link", name="Springer Nature").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Springer Nature"
    assert page_width(phone_page) <= PHONE["width"]
