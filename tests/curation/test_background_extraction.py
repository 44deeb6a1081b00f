"""A text over the in-request ceiling: stored at once, its suggestions made by a background task
(django-tasks on the database backend), with progress, failure and retry visible to the curator."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from claims.curation import ingest, tasks
from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.labels import ReviewStatus
from claims.models import Mention, PendingExtraction
from sources.models import Source

pytestmark = pytest.mark.django_db

LONG = " ".join(f"Psilocybin may improve mood in adults, trial {n} found." for n in range(8))


@pytest.fixture
def ceilings(settings):
    settings.EXTRACTION_INLINE_MAX_SENTENCES = 5
    settings.EXTRACTION_MAX_SENTENCES = 20


def add_long(client, title="Long read", text=LONG):
    return client.post(reverse("curate:add"), {"title": title, "source_type": "news", "text": text})


def run_worker(monkeypatch):
    """``db_worker --batch``: run every queued task, then exit. Inside the test's transaction the
    worker must not close the connection or take over the process's signals."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(db_worker.Worker, "configure_signals", lambda self: None)
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def test_a_long_text_is_stored_and_its_suggestions_are_queued(curator_client, ceilings):
    response = add_long(curator_client)
    source = Source.objects.get(title="Long read")
    assert response.status_code == 302
    assert response.url == reverse("curate:extraction", args=[source.pk])
    assert source.mentions.count() == 0  # nothing analysed in the request
    pending = PendingExtraction.objects.get(source=source)
    row = DBTaskResult.objects.get(id=pending.task_id)
    assert row.status == "READY" and row.args_kwargs["args"] == [source.pk]

    page = curator_client.get(response.url).content.decode()
    assert "being prepared in the background" in page
    assert "<strong>queued</strong>" in page
    assert 'hx-trigger="every 2s"' in page
    assert f'href="{response.url}">Reload</a>' in page  # works without JS
    queue = curator_client.get(reverse("curate:queue")).content.decode()
    assert "Suggestions being prepared" in queue and "Long read" in queue
    review = curator_client.get(reverse("curate:review", args=[source.pk])).content.decode()
    assert "being prepared in the background" in review and response.url in review


def test_a_short_text_is_still_analysed_in_the_request(curator_client, ceilings):
    add_long(curator_client, text=" ".join(LONG.split(". ")[:3]))
    assert not PendingExtraction.objects.exists()
    assert DBTaskResult.objects.count() == 0


def test_the_hard_ceiling_still_refuses(curator_client, ceilings, settings):
    settings.EXTRACTION_MAX_SENTENCES = 6
    response = add_long(curator_client)
    assert response.status_code == 400
    assert not Source.objects.filter(title="Long read").exists()
    assert DBTaskResult.objects.count() == 0


def test_the_worker_makes_the_suggestions_and_the_page_says_so(
    curator_client, ceilings, monkeypatch
):
    add_long(curator_client)
    source = Source.objects.get(title="Long read")
    task_id = source.pending_extraction.task_id
    run_worker(monkeypatch)

    row = DBTaskResult.objects.get(id=task_id)
    assert row.status == "SUCCESSFUL" and row.return_value == 8
    assert source.mentions.filter(status=ReviewStatus.SUGGESTED).count() == 8
    assert not PendingExtraction.objects.filter(source=source).exists()
    url = reverse("curate:extraction", args=[source.pk])
    fragment = curator_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="progress"')  # the partial only
    assert "<strong>ready</strong>: 8 suggested mentions" in fragment
    assert "hx-trigger" not in fragment  # the poll stops
    assert reverse("curate:review", args=[source.pk]) in fragment
    queue = curator_client.get(reverse("curate:queue")).content.decode()
    assert "Suggestions being prepared" not in queue and "Long read" in queue


def test_the_task_is_idempotent(curator, ceilings):
    result = ingest_article(
        text=LONG,
        metadata=ArticleMetadata(title="Twice", source_type="news"),
        user=curator,
        inline_max_sentences=5,
    )
    assert result.deferred and result.suggested == 0
    source = result.source
    assert tasks.extract_suggestions.call(source.pk) == 8
    assert tasks.extract_suggestions.call(source.pk) == 8
    assert Mention.objects.filter(source=source).count() == 8
    # Who asked is who suggested, in the history.
    assert {h.history_user for h in Mention.history.filter(source=source)} == {curator}


def test_the_task_uses_the_inline_code_and_gives_the_same_suggestions(curator, ceilings):
    def store(title, inline):
        result = ingest_article(
            text=LONG.replace("trial", f"{title} trial"),
            metadata=ArticleMetadata(title=title, source_type="news"),
            user=curator,
            inline_max_sentences=inline,
        )
        if result.deferred:
            tasks.extract_suggestions.call(result.source.pk)
        return [
            (m.start, m.end, m.kind, m.certainty, m.is_overclaim)
            for m in result.source.mentions.order_by("start")
        ]

    assert store("one", None) == store("two", 5)  # same lengths, different texts


def test_a_failed_task_shows_a_message_and_a_retry_completes_it(
    curator_client, ceilings, monkeypatch
):
    add_long(curator_client)
    source = Source.objects.get(title="Long read")

    def broken(*args, **kwargs):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(tasks, "create_suggestions", broken)
    run_worker(monkeypatch)
    assert DBTaskResult.objects.get(id=source.pending_extraction.task_id).status == "FAILED"
    assert source.mentions.count() == 0  # the task's transaction rolled back

    url = reverse("curate:extraction", args=[source.pk])
    page = curator_client.get(url).content.decode()
    assert "<strong>failed</strong>" in page and "Try again" in page
    assert "hx-trigger" not in page
    queue = curator_client.get(reverse("curate:queue")).content.decode()
    assert "<strong>failed</strong>" in queue

    assert (
        curator_client.get(reverse("curate:retry-extraction", args=[source.pk])).status_code == 405
    )
    monkeypatch.undo()
    response = curator_client.post(reverse("curate:retry-extraction", args=[source.pk]))
    assert response.status_code == 302 and response.url == url
    assert "<strong>queued</strong>" in curator_client.get(url).content.decode()
    run_worker(monkeypatch)
    assert source.mentions.count() == 8
    assert "<strong>ready</strong>" in curator_client.get(url).content.decode()


def test_retry_leaves_a_queued_task_alone(curator_client, ceilings):
    add_long(curator_client)
    source = Source.objects.get(title="Long read")
    curator_client.post(reverse("curate:retry-extraction", args=[source.pk]))
    assert DBTaskResult.objects.count() == 1


def test_the_progress_page_is_for_curators(client, reader, ceilings):
    source = Source.objects.first()
    url = reverse("curate:extraction", args=[source.pk])
    assert client.get(url).status_code in (302, 403)
    client.force_login(reader)
    assert client.get(url).status_code == 403
    assert client.post(reverse("curate:retry-extraction", args=[source.pk])).status_code == 403


def test_with_the_immediate_backend_the_suggestions_are_made_at_once(
    curator_client, ceilings, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    add_long(curator_client)
    source = Source.objects.get(title="Long read")
    assert source.mentions.count() == 8
    assert not PendingExtraction.objects.exists()
    page = curator_client.get(reverse("curate:extraction", args=[source.pk])).content.decode()
    assert "<strong>ready</strong>" in page


def test_a_short_text_past_the_time_budget_is_stored_and_queued_with_the_same_message(
    curator_client, settings
):
    # A budget of 0 s is spent after the first sentence: the request stops extracting.
    settings.EXTRACTION_INLINE_SECONDS = 0
    short = " ".join(f"Psilocybin may improve mood in adults, trial {n} found." for n in range(3))
    response = add_long(curator_client, title="Slow read", text=short)
    source = Source.objects.get(title="Slow read")
    assert response.status_code == 302
    assert response.url == reverse("curate:extraction", args=[source.pk])
    assert source.mentions.count() == 0  # the work done in the request is dropped
    pending = PendingExtraction.objects.get(source=source)
    assert DBTaskResult.objects.get(id=pending.task_id).status == "READY"
    page = curator_client.get(response.url).content.decode()
    assert "Added “Slow read”. The text is long: its suggestions are being prepared" in page
    assert "<strong>queued</strong>" in page


def test_a_new_version_past_the_time_budget_is_deferred_too(curator, draft):
    url = "https://example.org/mood"
    Source.objects.filter(pk=draft.pk).update(url=url)
    result = ingest_article(
        text=draft.text + "\n\nPsilocybin may ease anxiety in adults.",
        metadata=ArticleMetadata(title=draft.title, source_type="news", url=url),
        user=curator,
        inline_seconds=0,
    )
    assert result.outcome == "new version" and result.deferred
    assert "being prepared in the background" in result.message()
    assert PendingExtraction.objects.filter(source=draft).exists()


def test_the_running_task_records_its_progress_and_the_page_shows_it(
    curator, curator_client, monkeypatch
):
    text = " ".join(f"Psilocybin may improve mood in adults, trial {n} found." for n in range(120))
    source = ingest_article(
        text=text,
        metadata=ArticleMetadata(title="Very long read", source_type="news"),
        user=curator,
        inline_max_sentences=5,
    ).source
    # As a worker would have it: the task is running while the page is read.
    task_id = PendingExtraction.objects.get(source=source).task_id
    DBTaskResult.objects.filter(id=task_id).update(status="RUNNING")
    url = reverse("curate:extraction", args=[source.pk])
    seen = {}
    real = ingest.analyse_sentences

    def watched(*args, **kwargs):
        for index, analysis in enumerate(real(*args, **kwargs)):
            if index in (30, 60, 110):  # sentences analysed so far
                seen[index] = curator_client.get(url, headers={"HX-Request": "true"})
            yield analysis

    monkeypatch.setattr(ingest, "analyse_sentences", watched)
    assert tasks.extract_suggestions.call(source.pk) == 120

    html = {index: response.content.decode() for index, response in seen.items()}
    assert "0 of 120 sentences analysed" in html[30]  # recorded every 50 sentences
    assert "50 of 120 sentences analysed" in html[60]
    assert "100 of 120 sentences analysed" in html[110]
    assert '<progress id="extraction-progress" max="120" value="100">' in html[110]
    assert '<label for="extraction-progress">' in html[110]  # its accessible name
    # Done: the row is gone and the page says the suggestions are ready.
    assert not PendingExtraction.objects.filter(source=source).exists()
    page = curator_client.get(url).content.decode()
    assert "<strong>ready</strong>: 120 suggested mentions" in page


def test_the_progress_page_says_how_far_a_running_task_has_got(curator_client, ceilings):
    add_long(curator_client)
    source = Source.objects.get(title="Long read")
    PendingExtraction.objects.filter(source=source).update(sentences_done=312, sentences_total=1500)
    url = reverse("curate:extraction", args=[source.pk])
    assert "sentences analysed" not in curator_client.get(url).content.decode()  # still queued
    DBTaskResult.objects.filter(id=source.pending_extraction.task_id).update(status="RUNNING")
    page = curator_client.get(url).content.decode()
    assert "312 of 1,500 sentences analysed" in page
    assert 'max="1500" value="312"' in page


def test_a_retry_starts_its_progress_afresh(curator_client, ceilings):
    add_long(curator_client)
    source = Source.objects.get(title="Long read")
    PendingExtraction.objects.filter(source=source).update(sentences_done=50, sentences_total=80)
    DBTaskResult.objects.filter(id=source.pending_extraction.task_id).update(status="FAILED")
    curator_client.post(reverse("curate:retry-extraction", args=[source.pk]))
    pending = PendingExtraction.objects.get(source=source)
    assert (pending.sentences_done, pending.sentences_total) == (0, 0)
