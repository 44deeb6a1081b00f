"""Background tasks (django-tasks): the suggestions for a text too long to analyse in a request.

The add-article page stores such a text at once and calls ``request_extraction``; a worker
(``manage.py db_worker``) then runs ``extract_suggestions``, which writes the suggestions with the
same code as the in-request path (``ingest.create_suggestions``) and refreshes the derived data.
``extraction_state`` says what the curator sees meanwhile, including how far the task has got.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskException

from claims import derived
from claims.curation import ingest
from claims.curation.ingest import create_suggestions
from claims.extraction.sentences import split_sentences
from claims.labels import ReviewStatus
from claims.models import PendingExtraction
from sources.models import Source

# The task records how many sentences it has analysed every this many: one UPDATE of one row,
# for about 30 ms of analysis (0.6 ms a sentence).
PROGRESS_EVERY = 50


@task()
def extract_suggestions(source_id: int) -> int:
    """Make the suggestions for a stored source; returns how many suggestions it has to review.

    The text is analysed first, outside any transaction: the progress recorded on the pending
    row is visible to the progress page at once, and the CPU work holds no lock. The
    suggestions are then written in one transaction that locks the source's row, so two runs at
    once take turns; a text replaced meanwhile (a new version) is analysed again there.

    Idempotent: suggestions are only made for sentences no mention covers, so a second run (a
    retry, or two workers picking up the same source) adds nothing.
    """
    text = Source.objects.filter(pk=source_id).values_list("text", flat=True).first()
    found = None if text is None else _extract_recording_progress(source_id, text)
    with transaction.atomic():
        source = Source.objects.select_for_update().filter(pk=source_id).first()
        if source is None:  # deleted meanwhile: nothing to do
            PendingExtraction.objects.filter(source_id=source_id).delete()
            return 0
        pending = PendingExtraction.objects.filter(source=source).first()
        user = pending.requested_by if pending is not None else None
        create_suggestions(source, user=user, found=found if source.text == text else None)
        derived.refresh(source_ids=[source.pk])
        PendingExtraction.objects.filter(source=source).delete()
        return source.mentions.filter(status=ReviewStatus.SUGGESTED).count()


def _extract_recording_progress(source_id: int, text: str) -> list:
    """The claim-bearing sentences of ``text``, recording on the source's pending row how many
    of its sentences are analysed (an UPDATE every ``PROGRESS_EVERY`` sentences)."""
    pending = PendingExtraction.objects.filter(source_id=source_id)
    total = len(split_sentences(text))
    pending.update(sentences_done=0, sentences_total=total)
    found = ingest.extract_suggestions(
        text,
        on_progress=lambda done: pending.update(sentences_done=done),
        progress_every=PROGRESS_EVERY,
    )
    pending.update(sentences_done=total)
    return found


def request_extraction(source: Source, *, user=None) -> None:
    """Enqueue ``extract_suggestions`` for the source and mark it pending (call it inside the
    transaction that stores the text: with the database backend the task row commits with it).

    The pending row is written before the task is enqueued, so a backend that runs the task at
    once (ImmediateBackend) finds and removes it."""
    requested_by = user if getattr(user, "is_authenticated", False) else None
    pending, _ = PendingExtraction.objects.update_or_create(
        source=source,
        defaults={
            "task_id": "",
            "requested_by": requested_by,
            "sentences_done": 0,
            "sentences_total": 0,
        },
    )
    result = extract_suggestions.enqueue(source.pk)
    PendingExtraction.objects.filter(pk=pending.pk).update(task_id=str(result.id))


class State:
    QUEUED = "queued"
    RUNNING = "running"
    FAILED = "failed"
    DONE = "done"


STATE_OF_STATUS = {
    TaskResultStatus.READY: State.QUEUED,
    TaskResultStatus.RUNNING: State.RUNNING,
    TaskResultStatus.FAILED: State.FAILED,
    TaskResultStatus.SUCCESSFUL: State.DONE,
}


@dataclass(frozen=True, slots=True)
class ExtractionState:
    state: str
    suggested: int = 0  # when done: suggestions to review
    sentences_done: int = 0  # while running: how far the task has got
    sentences_total: int = 0  # 0 until the task has started

    @property
    def finished(self) -> bool:
        return self.state in (State.DONE, State.FAILED)

    @property
    def progress(self) -> str:
        """“312 of 1,500 sentences” while the task runs, else empty."""
        if self.state != State.RUNNING or not self.sentences_total:
            return ""
        return f"{self.sentences_done:,} of {self.sentences_total:,} sentences"


def extraction_state(source: Source) -> ExtractionState:
    """Where the suggestions of a source stand: done when no task is pending for it, otherwise
    the state of its task (a result the backend cannot find counts as failed, so it can be
    retried)."""
    pending = PendingExtraction.objects.filter(source=source).first()
    if pending is None:
        return ExtractionState(
            State.DONE, suggested=source.mentions.filter(status=ReviewStatus.SUGGESTED).count()
        )
    return ExtractionState(
        task_state(pending.task_id),
        sentences_done=pending.sentences_done,
        sentences_total=pending.sentences_total,
    )


def task_state(task_id: str) -> str:
    if not task_id:
        return State.FAILED
    try:
        result = extract_suggestions.get_result(task_id)
    except (TaskException, NotImplementedError, ValueError):
        return State.FAILED
    state = STATE_OF_STATUS.get(result.status, State.FAILED)
    # Successful yet still pending should not happen (the task removes the row as it commits):
    # offer the retry rather than a wait that never ends.
    return State.FAILED if state == State.DONE else state
