"""Keyboard review: Enter on a claim result links, 1/2/3 accept as a likely claim, an unlinked
accept is announced, n creates a prefilled claim; the add form keeps a chosen file (and its
title) after an error."""

import re

from playwright.sync_api import expect

from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.models import Claim, Mention
from sources.models import Source

from .test_curation import ARTICLE, TITLE, card, log_in, make_users


def draft_for_review(page, base, django_user_model):
    make_users(django_user_model)
    cora = django_user_model.objects.get(username="cora")
    source = ingest_article(
        text=ARTICLE,
        metadata=ArticleMetadata(title=TITLE, source_type="wellness_blog"),
        user=cora,
    ).source
    log_in(page, base, "cora")
    page.goto(f"{base}/curate/sources/{source.pk}/")
    page.wait_for_load_state("load")  # review.js is deferred
    page.locator("body").click(position={"x": 5, "y": 5})
    return source


def test_enter_on_a_claim_result_links_the_mention(demo_live_server, page, django_user_model):
    base = demo_live_server.url
    draft_for_review(page, base, django_user_model)
    mood = card(page, "improve mood")
    page.keyboard.press("j")
    expect(mood).to_be_focused()
    page.keyboard.press("l")
    search = mood.get_by_role("searchbox")
    expect(search).to_be_focused()
    page.keyboard.type("improves mood")
    results = mood.get_by_role("list", name="Matching claims, best first")
    first = results.get_by_role("button").first
    expect(results).to_contain_text("improves mood")
    page.keyboard.press("Tab")  # past the Search button, straight to the best result
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(mood.locator(".badge")).to_have_text("Accepted")
    expect(mood).to_contain_text("Microdosing psychedelics improves mood")
    expect(mood).to_be_focused()
    mention = Mention.objects.get(source__title=TITLE, quote__contains="improve mood")
    assert mention.claim and mention.claim.slug.startswith("microdosing")

    # ArrowDown also reaches the results, and ArrowUp goes back to the box.
    anxiety = card(page, "anxiety")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(anxiety).to_be_focused()
    page.keyboard.press("l")
    page.keyboard.type("anxiety")
    results = anxiety.get_by_role("list", name="Matching claims, best first")
    found = results.get_by_role("button")
    expect(results).to_contain_text(re.compile("anxiety", re.IGNORECASE))  # the live search ran
    expect(found.first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(found.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(anxiety.get_by_role("searchbox")).to_be_focused()


def likely_claim(card_locator, n: int) -> str:
    """The statement of a card's n-th likely claim, as its "Accept as" button shows it."""
    button = card_locator.locator(f'[data-action="accept-as-{n}"] button')
    return re.fullmatch(rf"Accept as: (.+) {n}", button.inner_text().strip()).group(1)


def test_1_and_2_accept_as_the_first_and_second_likely_claim(
    demo_live_server, page, django_user_model
):
    base = demo_live_server.url
    draft_for_review(page, base, django_user_model)
    mood, focus, anxiety = (card(page, w) for w in ("improve mood", "focus at work", "anxiety"))
    first, second = likely_claim(mood, 1), likely_claim(focus, 2)
    assert second != likely_claim(focus, 1)

    page.keyboard.press("j")
    expect(mood).to_be_focused()
    page.keyboard.press("1")
    expect(mood.locator(".badge")).to_have_text("Accepted")
    expect(mood.locator("dl.labels").first).to_contain_text(first)
    expect(focus).to_be_focused()  # on to the next, as after accept
    page.keyboard.press("2")
    expect(focus.locator(".badge")).to_have_text("Accepted")
    expect(focus.locator("dl.labels").first).to_contain_text(second)
    expect(anxiety).to_be_focused()
    expect(page.locator("#review-counts")).to_contain_text("2 accepted")

    for words, statement in (("improve mood", first), ("focus at work", second)):
        mention = Mention.objects.get(source__title=TITLE, quote__contains=words)
        assert (mention.status, mention.claim.statement) == ("accepted", statement)

    # A linked card offers no likely claims: 1 does nothing there.
    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(mood).to_be_focused()
    expect(mood.locator('[data-action^="accept-as-"]')).to_have_count(0)
    page.keyboard.press("1")
    expect(mood).to_be_focused()
    expect(mood.locator("dl.labels").first).to_contain_text(first)


def test_an_unlinked_accept_is_announced(demo_live_server, page, django_user_model):
    base = demo_live_server.url
    draft_for_review(page, base, django_user_model)
    mood, focus = card(page, "improve mood"), card(page, "focus at work")
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(mood.locator(".badge")).to_have_text("Accepted")
    notice = page.locator("#review-notice")
    expect(notice).to_contain_text("not linked to a claim")
    expect(notice.locator("p")).to_be_visible()
    expect(focus).to_be_focused()  # review goes on
    notice.get_by_role("link", name="Go back to it").click()
    expect(mood).to_be_focused()
    # Linking it next clears the notice.
    page.keyboard.press("n")
    page.keyboard.press("Enter")
    expect(mood.locator(".card-link")).to_contain_text("Link to another claim")
    expect(notice).to_have_text("")


def test_n_creates_a_claim_prefilled_from_the_labels(demo_live_server, page, django_user_model):
    base = demo_live_server.url
    draft_for_review(page, base, django_user_model)
    mention = Mention.objects.get(source__title=TITLE, quote__contains="focus at work")
    focus = card(page, "focus at work")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(focus).to_be_focused()
    page.keyboard.press("n")
    statement = focus.get_by_label("Claim, in neutral words")
    expect(statement).to_be_focused()
    prefilled = statement.input_value()
    assert prefilled.startswith("Microdosing psilocybin") and "may" not in prefilled
    page.keyboard.press("Enter")
    expect(focus).to_contain_text(prefilled)
    expect(focus).to_be_focused()
    claim = Claim.objects.get(statement=prefilled)
    mention.refresh_from_db()
    assert mention.claim == claim and mention.status == "accepted"
    assert set(claim.substances.all()) == set(mention.substances.all())


def test_the_add_form_keeps_the_file_and_takes_its_title(
    demo_live_server, page, django_user_model, tmp_path
):
    base = demo_live_server.url
    make_users(django_user_model)
    log_in(page, base, "cora")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes on microdosing\n\n" + ARTICLE, encoding="utf-8")
    page.goto(base + "/curate/add/")
    page.get_by_label("Or upload a file").set_input_files(str(notes))
    page.get_by_role("button", name="Add and suggest mentions").click()  # no source type
    expect(page.get_by_role("alert")).to_contain_text("Source type")
    expect(page.get_by_text(re.compile("Kept from your last attempt"))).to_contain_text("notes.md")
    expect(page.get_by_label("Title")).to_have_value("Notes on microdosing")
    page.get_by_label("Source type").select_option("wellness_blog")
    page.get_by_role("button", name="Add and suggest mentions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review: Notes on microdosing")
    assert "focus at work" in Source.objects.get(title="Notes on microdosing").text
