"""Adding an article through /curate/add/: paste or upload, checks, duplicates, new versions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from claims.curation import ingest
from claims.models import Mention
from sources.models import Source

from .conftest import ARTICLE

pytestmark = pytest.mark.django_db

URL = reverse("curate:add")
META = {"title": "Microdosing and mood", "source_type": "news"}


def post(client, **data):
    return client.post(URL, {**META, **data})


def test_the_form_has_every_field_labelled(curator_client):
    html = curator_client.get(URL).content.decode()
    for name in ["title", "url", "publisher_name", "author", "published_on", "source_type", "text"]:
        assert f'for="id_{name}"' in html
    assert 'for="id_upload"' in html and 'enctype="multipart/form-data"' in html


def test_pasted_text_becomes_a_draft_with_suggested_mentions(curator_client, curator):
    response = post(
        curator_client, text=ARTICLE, publisher_name="Mood Weekly", url="https://example.org/a"
    )
    source = Source.objects.get(title="Microdosing and mood")
    assert response.status_code == 302
    assert response.url == reverse("curate:review", args=[source.pk])
    assert source.status == "draft" and source.added_by == curator
    assert source.publisher.name == "Mood Weekly"
    mentions = list(source.mentions.order_by("start"))
    assert len(mentions) >= 3
    assert all(m.status == "suggested" and m.claim is None for m in mentions)
    first = mentions[0]
    assert first.quote == "Microdosing psilocybin may improve mood in healthy adults."
    assert first.certainty == "possible" and first.hedge_cues == ["may"]
    assert "psilocybin" in {s.slug for s in first.substances.all()}
    assert first.context_after.startswith(" A 2022 placebo-controlled")
    assert first.explain  # the extractor says why
    page = curator_client.get(response.url).content.decode()
    assert "suggested mentions to review" in page


def test_an_uploaded_html_file_is_reduced_to_its_text(curator_client):
    html = (
        "<html><head><title>x</title><script>var tracking = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Microdosing and mood</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:])
        + "</article><footer>Cookie settings</footer></body></html>"
    )
    upload = SimpleUploadedFile("article.html", html.encode(), content_type="text/html")
    response = curator_client.post(URL, {**META, "upload": upload})
    assert response.status_code == 302
    source = Source.objects.get(title="Microdosing and mood")
    assert "Microdosing psilocybin may improve mood" in source.text
    assert "tracking" not in source.text and "<p>" not in source.text


@pytest.mark.parametrize(
    ("name", "content"),
    [("article.txt", ARTICLE.encode()), ("article.md", ("# Title\n\n" + ARTICLE).encode())],
)
def test_text_and_markdown_uploads_are_accepted(curator_client, name, content):
    response = curator_client.post(URL, {**META, "upload": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    assert "may improve mood" in Source.objects.get(title=META["title"]).text


def assert_refused(response, message: str):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Source.objects.filter(title=META["title"]).exists()
    assert not Mention.objects.filter(quote__startswith="Microdosing psilocybin may").exists()


def test_it_refuses_empty_text(curator_client):
    assert_refused(
        post(curator_client, text="   \n "), "Paste the article&#x27;s text or upload a file."
    )


def test_it_refuses_text_with_no_sentences(curator_client):
    assert_refused(post(curator_client, text="Microdosing\n\nMood\n\n42"), "holds no sentences")


def test_it_refuses_a_url_that_is_not_a_url(curator_client):
    assert_refused(post(curator_client, text=ARTICLE, url="not a url"), "Enter a valid URL.")


def test_it_refuses_a_missing_title_and_type(curator_client):
    response = curator_client.post(URL, {"text": ARTICLE})
    assert response.status_code == 400
    assert Source.objects.filter(text__startswith="Microdosing and mood").count() == 0


def test_it_refuses_the_wrong_file_type(curator_client):
    upload = SimpleUploadedFile("article.pdf", b"%PDF-1.4 ...")
    assert_refused(
        curator_client.post(URL, {**META, "upload": upload}), "Upload a .txt, .md or .html"
    )


def test_it_refuses_binary_junk_even_with_a_text_extension(curator_client):
    junk = bytes(range(256)) * 20
    upload = SimpleUploadedFile("article.txt", junk)
    assert_refused(curator_client.post(URL, {**META, "upload": upload}), "not a text document")


def test_it_refuses_a_file_that_is_not_utf8_text(curator_client):
    upload = SimpleUploadedFile("article.txt", "Caf\xe9 au lait may help. ".encode("latin-1") * 5)
    assert_refused(curator_client.post(URL, {**META, "upload": upload}), "not readable text")


@override_settings(MAX_ARTICLE_UPLOAD_BYTES=100)
def test_it_refuses_an_oversized_upload(curator_client):
    upload = SimpleUploadedFile("article.txt", ARTICLE.encode())
    assert_refused(curator_client.post(URL, {**META, "upload": upload}), "the limit is 100")


def test_it_refuses_both_paste_and_upload(curator_client):
    upload = SimpleUploadedFile("article.txt", ARTICLE.encode())
    response = curator_client.post(URL, {**META, "text": ARTICLE, "upload": upload})
    assert_refused(response, "not both")


def test_the_same_text_twice_leads_to_the_existing_source(curator_client):
    first = post(curator_client, text=ARTICLE)
    again = post(curator_client, text=ARTICLE.replace("\n", "\r\n") + "\n\n", title="Another title")
    assert again.status_code == 302 and again.url == first.url
    assert (
        Source.objects.filter(
            content_hash=Source.objects.get(title=META["title"]).content_hash
        ).count()
        == 1
    )
    page = curator_client.get(again.url).content.decode()
    assert "already stored" in page


@pytest.mark.parametrize("deferred", [False, True], ids=["in the request", "deferred"])
def test_the_same_text_stored_meanwhile_by_another_curator_leads_to_it(
    curator_client, editor, monkeypatch, settings, deferred
):
    """Two adds of one text at once, on any database: the other request stores it while this
    one is past its "already stored?" check (analysing the text, which holds no lock). This
    one's insert then fails on the unique text, and it ends in the other's source."""
    if deferred:
        settings.EXTRACTION_INLINE_SECONDS = 0
    real = ingest.extract_suggestions
    others = []

    def other_curator_first(*args, **kwargs):
        if not others:  # once: the other request runs from check to commit, here
            monkeypatch.setattr(ingest, "extract_suggestions", real)
            metadata = ingest.ArticleMetadata(title="Theirs", source_type="news")
            others.append(ingest.ingest_article(text=ARTICLE, metadata=metadata, user=editor))
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "extract_suggestions", other_curator_first)
    response = post(curator_client, text=ARTICLE)

    theirs = others[0].source
    assert response.status_code == 302
    assert response.url == reverse("curate:review", args=[theirs.pk])
    assert Source.objects.filter(content_hash=theirs.content_hash).count() == 1
    assert (
        "This text is already stored as “Theirs”"
        in curator_client.get(response.url).content.decode()
    )


def test_a_demo_article_pasted_again_is_recognised(curator_client):
    demo = Source.objects.get(title="Microdosing Therapy")
    response = post(curator_client, text=demo.text)
    assert response.url == reverse("curate:review", args=[demo.pk])


def test_a_new_text_under_a_known_url_is_a_new_version(curator_client, curator):
    url = "https://example.org/microdosing"
    post(curator_client, text=ARTICLE, url=url)
    source = Source.objects.get(url=url)
    mention = source.mentions.get(quote__startswith="Users report")
    curator_client.post(reverse("curate:accept", args=[mention.pk]))
    edited = "Updated in 2024.\n\n" + ARTICLE
    response = post(curator_client, text=edited, url=url, title="Something else")
    assert response.url == reverse("curate:review", args=[source.pk])
    assert Source.objects.filter(url=url).count() == 1
    source.refresh_from_db()
    mention.refresh_from_db()
    assert source.text.startswith("Updated in 2024.")
    assert (
        mention.status == "accepted" and source.text[mention.start : mention.end] == mention.quote
    )
    assert mention.start == edited.index("Users report")
    assert "New version" in curator_client.get(response.url).content.decode()


def test_a_text_beyond_the_sentence_ceiling_is_refused_before_any_work(
    curator_client, settings, django_assert_max_num_queries
):
    settings.EXTRACTION_MAX_SENTENCES = 50
    text = " ".join(f"Psilocybin may improve mood in adults, trial {n} found." for n in range(60))
    # Session, user and roles, the duplicate check; nothing analysed, nothing written.
    with django_assert_max_num_queries(5):
        response = curator_client.post(
            reverse("curate:add"), {"title": "Long", "source_type": "news", "text": text}
        )
    assert response.status_code == 400
    assert "This text has 60 sentences; one request analyses at most 50." in (
        response.content.decode()
    )
    assert not Source.objects.filter(title="Long").exists()


def test_the_ingest_command_has_no_sentence_ceiling(tmp_path, settings, capsys):
    settings.EXTRACTION_MAX_SENTENCES = 5
    text = " ".join(f"Psilocybin may improve mood in adults, trial {n} found." for n in range(8))
    (tmp_path / "long.txt").write_text(f"A long one\n\n{text}\n")
    call_command("ingest", str(tmp_path), source_type="news", verbosity=0)
    assert Source.objects.get(title="A long one").mentions.count() == 8


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("notes.md", b"# Microdosing *and* mood\n\n" + ARTICLE.encode(), "Microdosing and mood"),
        (
            "page.html",
            b"<html><head><title>Mood &amp; microdosing | Site</title></head><body><p>"
            + ARTICLE.encode()
            + b"</p></body></html>",
            "Mood & microdosing | Site",
        ),
    ],
)
def test_an_empty_title_is_taken_from_the_file(curator_client, name, content, title):
    upload = SimpleUploadedFile(name, content)
    response = curator_client.post(URL, {"source_type": "news", "upload": upload})
    assert response.status_code == 302
    assert Source.objects.filter(title=title).exists()


def test_a_typed_title_wins_over_the_files(curator_client):
    upload = SimpleUploadedFile("notes.md", b"# File title\n\n" + ARTICLE.encode())
    response = post(curator_client, upload=upload)
    assert response.status_code == 302
    assert Source.objects.filter(title=META["title"]).exists()


def test_a_plain_text_file_without_a_title_asks_for_one(curator_client):
    upload = SimpleUploadedFile("notes.txt", ARTICLE.encode())
    response = curator_client.post(URL, {"source_type": "news", "upload": upload})
    assert response.status_code == 400
    assert "the file names none" in response.content.decode()


def test_the_chosen_file_is_kept_after_a_form_error(curator_client):
    upload = SimpleUploadedFile("notes.md", b"# Kept notes\n\n" + ARTICLE.encode())
    response = curator_client.post(URL, {"upload": upload, "source_type": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kept from your last attempt: <strong>notes.md</strong>" in page
    assert 'name="title" value="Kept notes"' in page.replace(' maxlength="300"', "")
    kept = response.context["form"].data
    # The page posts the kept text back; the curator only fixes the type.
    response = curator_client.post(
        URL,
        {
            "title": kept["title"],
            "source_type": "news",
            "kept_text": kept["kept_text"],
            "kept_name": kept["kept_name"],
            "kept_title": kept["kept_title"],
        },
    )
    assert response.status_code == 302
    source = Source.objects.get(title="Kept notes")
    assert "may improve mood in healthy adults" in source.text


def test_a_kept_file_can_be_dropped_for_pasted_text(curator_client):
    response = post(
        curator_client,
        kept_text="Some other article entirely. It may help sleep.",
        kept_name="old.txt",
        drop_kept="on",
        text=ARTICLE,
    )
    assert response.status_code == 302
    assert "may improve mood" in Source.objects.get(title=META["title"]).text


def test_a_kept_file_with_binary_data_is_refused(curator_client):
    response = post(curator_client, kept_text="abc\x00def", kept_name="x.txt")
    assert response.status_code == 400
    assert "choose it again" in response.content.decode()


def test_the_form_page_is_well_formed(curator_client):
    # Help texts are not escaped by Django: none may hold markup.
    html = curator_client.get(URL).content.decode()
    assert html.count("<title>") == 1 and 'name="upload"' in html
