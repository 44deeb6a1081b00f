"""Background tasks (django-tasks): the suggestions for a text too long to analyse in a request.

The add-article page stores such a text at once and calls ``request_extraction``; a worker
(``manage.py db_worker``) then runs ``extract_suggestions``, which writes the suggestions with the
same code as the in-request path (``ingest.create_suggestions``) and refreshes the derived data.
``extraction_state`` says what the curator sees meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskException

from claims import derived
from claims.curation.ingest import create_suggestions
from claims.labels import ReviewStatus
from claims.models import PendingExtraction
from sources.models import Source


@task()
def extract_suggestions(source_id: int) -> int:
    """Make the suggestions for a stored source; returns how many suggestions it has to review.

    Idempotent: suggestions are only made for sentences no mention covers, so a second run (a
    retry, or two workers picking up the same source) adds nothing. The row of the source is
    locked for the run, so two runs at once take turns.
    """
    with transaction.atomic():
        source = Source.objects.select_for_update().filter(pk=source_id).first()
        if source is None:  # deleted meanwhile: nothing to do
            PendingExtraction.objects.filter(source_id=source_id).delete()
            return 0
        pending = PendingExtraction.objects.filter(source=source).first()
        user = pending.requested_by if pending is not None else None
        create_suggestions(source, user=user)
        derived.refresh(source_ids=[source.pk])
        PendingExtraction.objects.filter(source=source).delete()
        return source.mentions.filter(status=ReviewStatus.SUGGESTED).count()


def request_extraction(source: Source, *, user=None) -> None:
    """Enqueue ``extract_suggestions`` for the source and mark it pending (call it inside the
    transaction that stores the text: with the database backend the task row commits with it).

    The pending row is written before the task is enqueued, so a backend that runs the task at
    once (ImmediateBackend) finds and removes it."""
    requested_by = user if getattr(user, "is_authenticated", False) else None
    pending, _ = PendingExtraction.objects.update_or_create(
        source=source, defaults={"task_id": "", "requested_by": requested_by}
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

    @property
    def finished(self) -> bool:
        return self.state in (State.DONE, State.FAILED)


def extraction_state(source: Source) -> ExtractionState:
    """Where the suggestions of a source stand: done when no task is pending for it, otherwise
    the state of its task (a result the backend cannot find counts as failed, so it can be
    retried)."""
    pending = PendingExtraction.objects.filter(source=source).first()
    if pending is None:
        return ExtractionState(
            State.DONE, suggested=source.mentions.filter(status=ReviewStatus.SUGGESTED).count()
        )
    return ExtractionState(task_state(pending.task_id))


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
