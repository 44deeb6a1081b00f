"""A curator takes a new article from upload to published; a reader then finds its claims."""

import re

from playwright.sync_api import expect

from claims.models import Claim, Mention
from claims.roles import CURATOR, EDITOR, ensure_groups
from sources.models import Source

TITLE = "Microdosing for focus: a field report"
ARTICLE = (
    f"{TITLE}\n\n"
    "Microdosing psilocybin may improve mood in healthy adults. "
    "Users report that microdosing psilocybin helps them focus at work. "
    "Microdosing psilocybin can cause anxiety in some people. "
    "The author has tried it for a year.\n"
)


def make_users(django_user_model):
    groups = ensure_groups()
    curator = django_user_model.objects.create_user("cora", password="cora-pw-for-tests")
    curator.groups.add(groups[CURATOR])
    editor = django_user_model.objects.create_user("eddie", password="eddie-pw-for-tests")
    editor.groups.add(groups[CURATOR], groups[EDITOR])


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(f"{username}-pw-for-tests")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Curation queue")


def card(page, words):
    return page.locator("article.card", has_text=words)


def test_a_curator_takes_an_upload_to_published_and_a_reader_finds_it(
    demo_live_server, browser, page, django_user_model, tmp_path
):
    base = demo_live_server.url
    make_users(django_user_model)
    article = tmp_path / "field-report.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    # The curator uploads the file.
    log_in(page, base, "cora")
    page.get_by_role("link", name="Add an article").first.click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Source type").select_option("wellness_blog")
    page.get_by_label("Or upload a file").set_input_files(str(article))
    page.get_by_role("button", name="Add and suggest mentions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review: {TITLE}")
    expect(page.locator("article.card")).to_have_count(3)
    mood, focus, anxiety = (card(page, w) for w in ("improve mood", "focus at work", "anxiety"))

    # Keyboard only: j to the first card, accept, accept, reject (focus moves on by itself).
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    expect(mood).to_be_focused()
    page.keyboard.press("a")
    expect(mood.locator(".badge")).to_have_text("Accepted")
    expect(focus).to_be_focused()
    page.keyboard.press("a")
    expect(focus.locator(".badge")).to_have_text("Accepted")
    expect(anxiety).to_be_focused()
    page.keyboard.press("r")
    expect(anxiety.locator(".badge")).to_have_text("Rejected")
    expect(anxiety).to_be_focused()  # the last card: focus stays on it
    expect(page.locator("#review-counts")).to_contain_text("2 accepted · 1 rejected")

    # Link the first to an existing claim: k back to it, l to the search, type, pick.
    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(mood).to_be_focused()
    page.keyboard.press("l")
    search = mood.get_by_role("searchbox")
    expect(search).to_be_focused()
    search.fill("improves mood")
    results = mood.get_by_role("list", name="Matching claims, best first")
    link = results.locator("form", has_text="improves mood").first.get_by_role(
        "button", name="Link"
    )
    link.press("Enter")
    expect(mood).to_contain_text("Microdosing psychedelics improves mood")
    # The second becomes a new claim.
    focus.get_by_text("Create a new claim").click()
    focus.get_by_label("Claim, in neutral words").fill("Microdosing improves focus at work")
    focus.get_by_role("button", name="Create and link").click()
    expect(focus).to_contain_text("Microdosing improves focus at work")

    source = Source.objects.get(title=TITLE)
    assert source.status == "draft"
    assert Mention.objects.filter(source=source, status="accepted").count() == 2
    assert Mention.objects.get(source=source, quote__contains="anxiety").status == "rejected"

    # The editor publishes.
    page.get_by_role("button", name=re.compile("Log out")).click()
    log_in(page, base, "eddie")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(f"Published “{TITLE}”")).to_be_visible()

    # A reader (no account) finds the new mentions through the claims browser's filters.
    reader = browser.new_page()
    reader.set_default_timeout(10_000)
    reader.goto(base + "/claims/")
    # The source facet lists the sources with most claims; the search box finds the others.
    reader.get_by_label(re.compile("Find a source by title")).fill("field report")
    expect(reader).to_have_url(re.compile("source_q=field"))  # the facet has been swapped in
    reader.get_by_role("checkbox", name=re.compile(re.escape(TITLE))).check()
    expect(reader).to_have_url(re.compile(r"[?&]source=\d"))
    results = reader.locator("#results")
    expect(results.get_by_role("link", name="Microdosing improves focus at work")).to_be_visible()
    mood_claim = Claim.objects.get(slug="microdosing-improves-mood")
    claim_link = results.get_by_role("link", name=mood_claim.statement)
    expect(claim_link).to_be_visible()
    assert "source=" in reader.url
    claim_link.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(mood_claim.statement)
    expect(
        reader.get_by_text("Microdosing psilocybin may improve mood in healthy adults.")
    ).to_be_visible()
    # The rejected sentence is nowhere for readers.
    reader.goto(base + source.get_absolute_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    reader.close()


def test_the_review_screen_works_without_javascript(
    demo_live_server, no_js_page, django_user_model, tmp_path
):
    base = demo_live_server.url
    make_users(django_user_model)
    page = no_js_page
    log_in(page, base, "cora")
    page.goto(base + "/curate/add/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Source type").select_option("wellness_blog")
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_role("button", name="Add and suggest mentions").click()
    card(page, "improve mood").get_by_role("button", name="Accept", exact=True).click()
    expect(card(page, "improve mood").locator(".badge")).to_have_text("Accepted")
    anxiety = card(page, "anxiety")
    anxiety.get_by_role("searchbox").fill("anxiety")
    anxiety.get_by_role("button", name="Search").click()
    anxiety = card(page, "anxiety")
    anxiety.get_by_role("button", name="Link").first.click()
    expect(card(page, "anxiety").locator(".badge")).to_have_text("Accepted")
    # One of its likely claims, in one click.
    card(page, "focus at work").get_by_role("button", name=re.compile("^Accept as: ")).first.click()
    expect(card(page, "focus at work").locator(".badge")).to_have_text("Accepted")
    assert Mention.objects.get(quote__contains="focus at work", source__title=TITLE).claim
    # A missed sentence, pasted by hand.
    page.get_by_label("Sentence the extractor missed").fill("The author has tried it for a year.")
    page.get_by_role("button", name="Make it a mention").click()
    expect(card(page, "tried it for a year")).to_be_visible()
    expect(page.get_by_label("Claim kind")).to_be_visible()


SELECT_TEXT = """(wanted) => {
  const article = document.getElementById("article-text");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let node, offset = 0, start = null, end = null;
  const at = article.textContent.indexOf(wanted);
  while ((node = walker.nextNode())) {
    const len = node.textContent.length;
    if (start === null && at < offset + len) start = [node, at - offset];
    if (at + wanted.length <= offset + len) { end = [node, at + wanted.length - offset]; break; }
    offset += len;
  }
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
}"""


def test_selecting_a_missed_sentence_makes_it_a_mention(demo_live_server, page, django_user_model):
    base = demo_live_server.url
    make_users(django_user_model)
    log_in(page, base, "cora")
    page.goto(base + "/curate/add/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Source type").select_option("wellness_blog")
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_role("button", name="Add and suggest mentions").click()
    missed = "The author has tried it for a year."
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review: {TITLE}")
    page.wait_for_load_state("load")  # review.js (deferred) listens for the selection
    page.evaluate(SELECT_TEXT, missed)
    expect(page.get_by_label("Sentence the extractor missed")).to_have_value(missed)
    page.get_by_role("button", name="Make it a mention").click()
    expect(card(page, missed)).to_be_visible()
    mention = Mention.objects.get(quote=missed)
    assert mention.start == Source.objects.get(title=TITLE).text.index(missed)

    # An invalid edit made with HTMX shows its error in the card and saves nothing.
    mood = card(page, "improve mood")
    mood.get_by_role("link", name="Edit labels").click()
    mood.get_by_label("Hedge cues").fill("perhaps")
    mood.get_by_role("button", name="Save and accept").click()
    expect(mood).to_contain_text("not found: perhaps")
    assert (
        Mention.objects.get(source__title=TITLE, quote__contains="improve mood").status
        == "suggested"
    )
    mood.get_by_label("Hedge cues").fill("may")
    mood.get_by_role("button", name="Save and accept").click()
    expect(mood.locator(".badge")).to_have_text("Accepted")
