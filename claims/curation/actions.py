"""Writes of the review and editing screens: each a keyword-only function, atomic, attributed to
the user (history records who did it), ending with ``derived.refresh()`` for what it touched
(overclaim flags, credibility scores) in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from claims import derived, readmodel
from claims.curation.forms import unique_claim_slug
from claims.curation.ingest import suggestion_to_mention
from claims.curation.publishing import check_may_change
from claims.extraction import named_studies
from claims.labels import Certainty, ClaimKind, ReviewStatus
from claims.models import Claim, ClaimMerge, Condition, Mention, Substance
from sources.models import Source, SourceStatus
from sources.versioning import check_version

LOST_SENTENCE = "This sentence is no longer in the article: reject it, or add the new sentence."


def _attribute(obj, user):
    obj._history_user = user
    return obj


@transaction.atomic
def review_mention(*, mention: Mention, status: str, user, version: int | None = None) -> Mention:
    """Accept or reject a mention (or send it back to suggested). ``version``: the one the
    curator saw (StaleEdit when it changed since; sources.versioning)."""
    if status not in ReviewStatus.values:
        raise ValueError(f"unknown review status {status!r}")
    check_version(mention, version)
    if mention.anchor_lost and status == ReviewStatus.ACCEPTED:
        raise ValidationError(LOST_SENTENCE)
    check_may_change(mention, user, public_after=status == ReviewStatus.ACCEPTED)
    _attribute(mention, user)
    mention.status = status
    mention.reviewed_by = user
    mention.reviewed_at = timezone.now()
    mention.save()
    derived.refresh(source_ids=[mention.source_id])
    readmodel.refresh_claims([mention.claim_id])
    return mention


@transaction.atomic
def link_mention(*, mention: Mention, claim: Claim, user, version: int | None = None) -> Mention:
    """Link a mention to a canonical claim. Linking is a review decision: it accepts the mention.

    When the claim is already linked to the same sentence, the link is refused.
    """
    check_version(mention, version)
    clash = (
        Mention.objects.filter(source_id=mention.source_id, start=mention.start, end=mention.end)
        .filter(claim=claim)
        .exclude(pk=mention.pk)
        .exists()
    )
    if clash:
        raise ValidationError("This sentence is already linked to that claim.")
    check_may_change(mention, user, public_after=not mention.anchor_lost)
    _attribute(mention, user)
    previous = Mention.objects.filter(pk=mention.pk).values_list("claim_id", flat=True).first()
    mention.claim = claim
    if not mention.anchor_lost:
        mention.status = ReviewStatus.ACCEPTED
    mention.reviewed_by = user
    mention.reviewed_at = timezone.now()
    try:
        with transaction.atomic():
            mention.save()
    except IntegrityError as exc:  # another mention of this sentence was linked meanwhile
        raise ValidationError("This sentence is already linked to that claim.") from exc
    derived.refresh(source_ids=[mention.source_id])
    readmodel.refresh_claims([previous, claim.pk])
    return mention


@transaction.atomic
def accept_as(*, mention: Mention, claim: Claim, user, version: int | None = None) -> Mention:
    """Accept a suggestion as making ``claim``, in one step: ``link_mention`` links and accepts
    (with its version, publishing and derived-data handling). A sentence no longer in the
    article is refused, as ``review_mention`` refuses to accept it."""
    if mention.anchor_lost:
        raise ValidationError(LOST_SENTENCE)
    return link_mention(mention=mention, claim=claim, user=user, version=version)


@transaction.atomic
def create_claim_for(
    *, mention: Mention, claim: Claim, user, version: int | None = None
) -> Mention:
    """Save a new claim (built by NewClaimForm) with the mention's substances and conditions,
    and link the mention to it (``link_mention`` refreshes what is derived).

    When a claim with the same statement exists by now (another curator created it from
    another mention since the form was checked), the mention is linked to that one instead:
    ``mention.claim`` tells which. A slug taken meanwhile by another statement gets the next
    free one. Neither ends in an IntegrityError.
    """
    check_version(mention, version)
    check_may_change(mention, user, public_after=not mention.anchor_lost)
    for _ in range(3):
        existing = Claim.objects.filter(statement__iexact=claim.statement).first()
        if existing is not None:
            return link_mention(mention=mention, claim=existing, user=user)
        claim.slug = unique_claim_slug(claim.statement)
        _attribute(claim, user)
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the outer one usable
                claim.full_clean()
                claim.save()
        except ValidationError as exc:
            if "slug" not in exc.message_dict:
                raise
            continue  # the slug was taken (committed) since it was chosen: look again
        except IntegrityError:
            continue  # lost the race for the slug to a concurrent insert: look again
        claim.substances.set(mention.substances.all())
        claim.conditions.set(mention.conditions.all())
        return link_mention(mention=mention, claim=claim, user=user)
    raise ValidationError("This claim could not be saved just now: try again.")


@transaction.atomic
def save_labels(*, form, user, version: int | None = None) -> Mention:
    """Save the labels edited in a MentionLabelsForm; editing is a review: it accepts."""
    check_version(form.instance, version)
    mention = form.save(commit=False)
    check_may_change(mention, user, public_after=not mention.anchor_lost)
    previous = Mention.objects.filter(pk=mention.pk).values_list("claim_id", flat=True).first()
    _attribute(mention, user)
    if not mention.anchor_lost:
        mention.status = ReviewStatus.ACCEPTED
    mention.reviewed_by = user
    mention.reviewed_at = timezone.now()
    mention.save()
    form.save_m2m()
    derived.refresh(source_ids=[mention.source_id])
    readmodel.refresh_claims([previous, mention.claim_id])
    return mention


@transaction.atomic
def add_passage(*, source: Source, start: int, end: int, user) -> Mention:
    """Make a mention of a passage the extractor did not suggest, labelled as the extractor would
    label it (when it sees a claim there), for the curator to check."""
    from claims.extraction import Vocabulary, extract

    text = source.text
    found = [
        f
        for f in extract(text[start:end], Vocabulary.from_database(), include_non_claims=True)
        if f.end - f.start > 0
    ]
    if found:
        best = max(found, key=lambda f: f.is_claim)
        mention, substance_slugs, condition_slugs = suggestion_to_mention(
            source, best, offset=start
        )
        # The passage is what the curator chose, even where the extractor splits it.
        mention.start, mention.end, mention.quote = start, end, text[start:end]
    else:
        mention = Mention(
            source=source,
            start=start,
            end=end,
            quote=text[start:end],
            kind=ClaimKind.BENEFIT,
            certainty=Certainty.ESTABLISHED,
        )
        substance_slugs, condition_slugs = [], []
    mention.set_context()
    mention.named_studies = named_studies(mention.quote)
    mention.status = ReviewStatus.SUGGESTED
    if mention.kind not in ClaimKind.values:
        mention.kind = ClaimKind.BENEFIT
    if Mention.objects.filter(source=source, start=start, end=end, claim=None).exists():
        raise ValidationError("This passage is already a mention.")
    _attribute(mention, user)
    mention.full_clean()
    mention.save()
    mention.substances.set(Substance.objects.filter(slug__in=substance_slugs))
    mention.conditions.set(Condition.objects.filter(slug__in=condition_slugs))
    derived.refresh(source_ids=[source.pk])
    return mention


@transaction.atomic
def set_source_status(*, source: Source, status: str, user, version: int | None = None) -> Source:
    if status not in SourceStatus.values:
        raise ValueError(f"unknown source status {status!r}")
    check_version(source, version)
    if source.status != status:
        _attribute(source, user)
        source.status = status
        source.status_changed_at = timezone.now()
        source.save()
        derived.refresh(source_ids=[source.pk])
        readmodel.refresh_sources([source.pk])
    return source


@transaction.atomic
def set_grade(*, form, user, version: int | None = None) -> Claim:
    """Save a claim's grade and rationale; its mentions' overclaim flags follow the grade."""
    check_version(form.instance, version)
    claim = form.save(commit=False)
    _attribute(claim, user)
    claim.save()
    derived.refresh(mentions=Mention.objects.filter(claim=claim))
    readmodel.refresh_claims([claim.pk])
    return claim


@dataclass(frozen=True)
class MergeResult:
    moved: int  # mentions now linked to the target
    duplicates_removed: int  # mentions that duplicated one the target already had in that place
    record: ClaimMerge | None = None  # what the merge did, for undoing it


@transaction.atomic
def merge_claims(*, target: Claim, duplicate: Claim, user) -> MergeResult:
    """Merge ``duplicate`` into ``target``: its mentions move, its substances and conditions are
    added, its rationale is kept in the target's when they differ, then it is deleted (its
    history stays, with the reason). A mention of the duplicate in a place where the target
    already has one is the same link twice: it is deleted, with the reason in its history.
    """
    if target.pk == duplicate.pk:
        raise ValidationError("A claim cannot be merged into itself.")
    # Both rows locked in pk order: two editors merging X into T and T into X wait for each other
    # instead of deadlocking, and the second finds its claim gone.
    locked = list(
        Claim.objects.select_for_update().filter(pk__in=[target.pk, duplicate.pk]).order_by("pk")
    )
    if len(locked) != 2:
        raise ValidationError("One of the two claims was merged or deleted meanwhile.")
    target = next(c for c in locked if c.pk == target.pk)
    duplicate = next(c for c in locked if c.pk == duplicate.pk)
    record = ClaimMerge(
        target=target,
        duplicate_id=duplicate.pk,
        duplicate_slug=duplicate.slug,
        duplicate_statement=duplicate.statement,
        duplicate_substances=list(duplicate.substances.values_list("pk", flat=True)),
        duplicate_conditions=list(duplicate.conditions.values_list("pk", flat=True)),
        added_substances=list(
            duplicate.substances.exclude(claims=target).values_list("pk", flat=True)
        ),
        added_conditions=list(
            duplicate.conditions.exclude(claims=target).values_list("pk", flat=True)
        ),
        target_rationale_before=target.grade_rationale,
        merged_by=user if getattr(user, "is_authenticated", False) else None,
    )
    merged_ids = [target.pk, duplicate.pk]
    reason = f"merged into {target.slug}"
    taken = set(target.mentions.values_list("source_id", "start", "end"))
    moved = removed = 0
    touched: set[int] = set()  # sources whose mentions moved or went
    for mention in duplicate.mentions.select_related("source").order_by("pk"):
        touched.add(mention.source_id)
        _attribute(mention, user)
        mention._change_reason = reason
        if (mention.source_id, mention.start, mention.end) in taken:
            record.removed_mentions.append(
                {
                    "id": mention.pk,
                    "substances": list(mention.substances.values_list("pk", flat=True)),
                    "conditions": list(mention.conditions.values_list("pk", flat=True)),
                }
            )
            mention.delete()
            removed += 1
            continue
        mention.claim = target
        mention.save()
        record.moved_mentions.append(mention.pk)
        taken.add((mention.source_id, mention.start, mention.end))
        moved += 1
    target.substances.add(*duplicate.substances.all())
    target.conditions.add(*duplicate.conditions.all())
    if duplicate.grade_rationale and duplicate.grade_rationale not in target.grade_rationale:
        note = (
            f"(Merged “{duplicate.statement}”, graded {duplicate.get_grade_display().lower()}: "
            f"{duplicate.grade_rationale})"
        )
        target.grade_rationale = f"{target.grade_rationale}\n\n{note}".strip()
        _attribute(target, user)
        target._change_reason = f"merged {duplicate.slug}"
        target.save()
    _attribute(duplicate, user)
    duplicate._change_reason = reason
    duplicate.delete()
    record.save()
    # Moved mentions took the target's grade into their flags as they were saved.
    derived.refresh(source_ids=touched)
    readmodel.refresh_claims(merged_ids)
    return MergeResult(moved, removed, record)


def merged_into(slug: str) -> Claim | None:
    """The claim a deleted (merged) claim's slug now lives on, for redirects. Two queries."""
    record = (
        Claim.history.filter(
            slug=slug, history_type="-", history_change_reason__startswith="merged into "
        )
        .order_by("-history_date")
        .first()
    )
    if record is None:
        return None
    target_slug = record.history_change_reason.removeprefix("merged into ").strip()
    return Claim.objects.filter(slug=target_slug).first() or merged_into(target_slug)


def queue():
    """Sources awaiting review (suggestions or lost anchors), oldest first, with counts. One
    query."""
    return (
        Source.objects.annotate(
            n_suggested=Count("mentions", filter=Q(mentions__status=ReviewStatus.SUGGESTED)),
            n_accepted=Count("mentions", filter=Q(mentions__status=ReviewStatus.ACCEPTED)),
            n_rejected=Count("mentions", filter=Q(mentions__status=ReviewStatus.REJECTED)),
            n_lost=Count("mentions", filter=Q(mentions__anchor_lost=True)),
            n_unlinked=Count(
                "mentions",
                filter=Q(mentions__status=ReviewStatus.ACCEPTED, mentions__claim__isnull=True),
            ),
        )
        .select_related("publisher", "added_by")
        .order_by("created_at", "pk")
    )
