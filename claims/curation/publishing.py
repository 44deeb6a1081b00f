"""Publishing as a state machine: what readers see changes only by an editor's hand.

Readers see the accepted, linked mentions of published sources (``Mention.objects.public()``).
Three paths could change that without an editor, and each is closed here:

- a new text of a published article (the add page with its URL, ``manage.py ingest``) waits as
  a pending ``SourceRevision`` (see ``ingest.submit_revision``); :func:`publish_revision` is the
  editor's step that replaces text and mentions in one transaction;
- a curator's change to a published source's accepted mentions (reject, back to suggested, edit
  labels, relink), or accepting a suggestion there, is refused with :class:`EditorRequired`,
  which says an editor must do it (:func:`check_may_change`);
- a merge or an unpublish is undone by an editor: unpublishing leaves every mention in place, so
  publishing again restores the page; a merge is undone with :func:`undo_merge`, from the
  ``ClaimMerge`` record and the history rows of what it deleted.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims import derived, readmodel
from claims.curation.ingest import create_suggestions
from claims.curation.reimport import AnchorMatch, find_anchor, is_reviewed, reanchor_mentions
from claims.labels import ReviewStatus
from claims.models import Claim, ClaimMerge, Mention, RevisionStatus, SourceRevision
from claims.roles import is_editor
from sources.models import Source


class EditorRequired(PermissionDenied):
    """A curator tried to change what readers see of a published source."""

    def __init__(self, source: Source):
        super().__init__(
            f"“{source.title}” is published and readers see its accepted mentions: only an "
            "editor can change them. Ask an editor, who can make the change or unpublish the "
            "article first."
        )

    @property
    def message(self) -> str:
        return str(self)


def check_may_change(mention: Mention, user, *, public_after: bool) -> None:
    """Refuse (EditorRequired) a curator's change to a mention of a published source when the
    mention is accepted now or would be after the change (``public_after``). Editors, and
    ``user=None`` (code run by the system), may. Reads the mention's source (loaded or one query).
    """
    if user is None or is_editor(user) or not mention.source.is_published:
        return
    if mention.status == ReviewStatus.ACCEPTED or public_after:
        raise EditorRequired(mention.source)


# -- New versions of published articles ------------------------------------------------------


@dataclass
class RevisionPreview:
    """What publishing a revision would do to the source's reviewed mentions, as of now."""

    kept: list[Mention] = field(default_factory=list)  # found again exactly
    moved: list[Mention] = field(default_factory=list)  # in an edited sentence: back to review
    lost: list[Mention] = field(default_factory=list)  # not found: back to review, flagged
    diff: list[tuple[str, str]] = field(default_factory=list)  # (kind, line): "+", "-", " ", "@"

    @property
    def public_lost(self) -> int:
        """Accepted mentions readers would stop seeing until they are reviewed again."""
        return sum(1 for m in self.moved + self.lost if m.status == ReviewStatus.ACCEPTED)


def preview_revision(revision: SourceRevision) -> RevisionPreview:
    """Dry run of the re-anchoring, and a line diff of the texts. One query for the mentions;
    the anchor search is in Python (see reimport.find_anchor)."""
    source = revision.source
    preview = RevisionPreview()
    mentions = Mention.objects.filter(source=source).select_related("claim").order_by("start", "pk")
    for mention in (m for m in mentions if is_reviewed(m)):
        anchor = find_anchor(
            revision.text,
            quote=mention.quote,
            old_start=mention.start,
            context_before=mention.context_before,
            context_after=mention.context_after,
            old_text_length=len(source.text),
        )
        bucket = {AnchorMatch.EXACT: preview.kept, AnchorMatch.FUZZY: preview.moved}
        bucket.get(anchor.how, preview.lost).append(mention)
    lines = difflib.unified_diff(
        source.text.splitlines(), revision.text.splitlines(), lineterm="", n=1
    )
    for line in list(lines)[2:]:  # the two file headers
        preview.diff.append((line[:1] if line[:1] in "+-@" else " ", line[1:]))
    return preview


def _pending(revision_pk: int) -> SourceRevision:
    revision = (
        SourceRevision.objects.select_for_update().select_related("source").get(pk=revision_pk)
    )
    if not revision.is_pending:
        raise ValidationError(
            f"This version was already {revision.get_status_display().lower()} by "
            f"{revision.decided_by.get_username() if revision.decided_by else 'someone'}."
        )
    return revision


@transaction.atomic
def publish_revision(*, revision: SourceRevision, user) -> SourceRevision:
    """The editor's step: the source takes the revision's text; its reviewed mentions are
    re-anchored (those not found exactly go back to review), new sentences get suggestions, and
    derived data is refreshed, all in one transaction, so readers see either the old version or
    the new one. The source row is locked first: two editors cannot publish two versions at once.
    """
    if not is_editor(user):
        raise PermissionDenied("Only an editor can publish a new version.")
    source = Source.objects.select_for_update().get(pk=revision.source_id)
    revision = _pending(revision.pk)
    claims_before = readmodel.claims_of_sources([source.pk])
    old_text = source.text
    source.text = revision.text
    source.retrieved_on = revision.retrieved_on or source.retrieved_on
    source._history_user = user
    source._change_reason = f"new version published (revision #{revision.pk})"
    source.full_clean()
    source.save()
    reanchor_mentions(source=source, old_text=old_text, user=user)
    create_suggestions(source, user=user)
    revision.status = RevisionStatus.PUBLISHED
    revision.decided_by, revision.decided_at = user, timezone.now()
    revision._history_user = user
    revision.save()
    derived.refresh(source_ids=[source.pk])
    readmodel.refresh_claims(claims_before | readmodel.claims_of_sources([source.pk]))
    return revision


@transaction.atomic
def discard_revision(*, revision: SourceRevision, user) -> SourceRevision:
    if not is_editor(user):
        raise PermissionDenied("Only an editor can discard a new version.")
    revision = _pending(revision.pk)
    revision.status = RevisionStatus.DISCARDED
    revision.decided_by, revision.decided_at = user, timezone.now()
    revision._history_user = user
    revision.save()
    return revision


# -- Undoing a merge -----------------------------------------------------------------------


@dataclass(frozen=True)
class UndoResult:
    claim: Claim  # the duplicate, recreated
    moved_back: int
    restored: int  # mentions deleted by the merge and recreated
    skipped: int  # mentions changed since the merge (moved elsewhere, deleted): left alone


def _last_deleted(model, pk: int):
    return model.history.filter(id=pk, history_type="-").order_by("-history_date").first()


@transaction.atomic
def undo_merge(*, merge: ClaimMerge, user) -> UndoResult:
    """Recreate the merged claim (same id, slug, grade) and put back exactly the mentions the
    merge moved or deleted. Mentions changed since the merge (relinked, deleted) are left as they
    are and counted as skipped. The target loses the substances, conditions and rationale note
    the merge gave it. Claim rows are locked in pk order, as merges lock them."""
    if not is_editor(user):
        raise PermissionDenied("Only an editor can undo a merge.")
    merge = ClaimMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.is_undone:
        raise ValidationError("This merge was already undone.")
    locked = list(
        Claim.objects.select_for_update()
        .filter(pk__in=[merge.target_id, merge.duplicate_id])
        .order_by("pk")
    )
    target = next((c for c in locked if c.pk == merge.target_id), None)
    if target is None or len(locked) > 1:
        raise ValidationError("The claims changed since this merge: it cannot be undone here.")
    if Claim.objects.filter(slug=merge.duplicate_slug).exists():
        raise ValidationError(f"The slug “{merge.duplicate_slug}” is taken by another claim now.")
    record = _last_deleted(Claim, merge.duplicate_id)
    if record is None:
        raise ValidationError("The merged claim's history is gone: it cannot be restored.")
    claim = record.instance
    claim._history_user = user
    claim._change_reason = f"merge into {target.slug} undone"
    claim.save(force_insert=True)
    claim.substances.set(merge.duplicate_substances)
    claim.conditions.set(merge.duplicate_conditions)

    reason = f"merge into {target.slug} undone"
    touched: set[int] = set()
    moved_back = skipped = restored = 0
    for mention in (
        Mention.objects.select_for_update()
        .filter(pk__in=merge.moved_mentions)
        .select_related("source")
        .order_by("pk")
    ):
        if mention.claim_id != target.pk:
            continue  # relinked since: counted below
        mention.claim = claim
        mention._history_user, mention._change_reason = user, reason
        mention.save()
        touched.add(mention.source_id)
        moved_back += 1
    skipped += len(merge.moved_mentions) - moved_back

    for entry in merge.removed_mentions:
        if Mention.objects.filter(pk=entry["id"]).exists():
            skipped += 1
            continue
        old = _last_deleted(Mention, entry["id"])
        if old is None or not Source.objects.filter(pk=old.source_id).exists():
            skipped += 1
            continue
        mention = old.instance
        mention._history_user, mention._change_reason = user, reason
        try:
            mention.check_anchor()
        except ValidationError:
            # The article has a new text since: the sentence comes back for review.
            mention.anchor_lost, mention.status = True, ReviewStatus.SUGGESTED
        mention.save(force_insert=True)
        mention.substances.set(entry.get("substances", []))
        mention.conditions.set(entry.get("conditions", []))
        touched.add(mention.source_id)
        restored += 1

    target.substances.remove(*merge.added_substances)
    target.conditions.remove(*merge.added_conditions)
    if target.grade_rationale != merge.target_rationale_before and (
        merge.duplicate_statement in target.grade_rationale
    ):
        target.grade_rationale = merge.target_rationale_before
        target._history_user, target._change_reason = user, f"merge of {claim.slug} undone"
        target.save()

    merge.undone_by, merge.undone_at = user, timezone.now()
    merge.save(update_fields=["undone_by", "undone_at"])
    derived.refresh(source_ids=touched)
    readmodel.refresh_claims([target.pk, claim.pk])
    return UndoResult(claim, moved_back, restored, skipped)
