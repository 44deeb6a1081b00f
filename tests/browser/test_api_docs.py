"""The API's browsable docs work in a real browser with no network beyond this site."""


def test_the_api_docs_show_every_operation_from_local_files_only(live_server, page, db):
    foreign, errors = [], []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url) if not request.url.startswith(live_server.url) else None
        ),
    )
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(live_server.url + "/api/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() == 12
    assert page.get_by_text("Evidence Claims KB API").first.is_visible()
    assert foreign == []
    assert errors == []
