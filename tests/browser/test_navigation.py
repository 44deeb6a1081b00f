def test_a_reader_reaches_a_source_from_the_home_page(demo_live_server, page):
    page.goto(demo_live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sources").click()
    page.get_by_role("link", name="Microdosing Therapy").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Microdosing Therapy"
