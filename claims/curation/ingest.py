"""Adding an article: store the source and the extractor's suggested mentions, in one transaction.

The same entry point serves the "add an article" page and ``manage.py ingest``:

- a text already stored leads to that source (nothing is written);
- a URL already stored with a different text is a new version of that article. For a draft its
  text is replaced, its reviewed mentions are re-anchored (see ``reimport``) and fresh suggestions
  are made for the sentences no mention covers. For a published article nothing readers see
  changes: the text waits as a pending ``SourceRevision`` until an editor publishes it
  (``claims.curation.publishing``);
- otherwise a new draft source is created with one suggested mention per claim-bearing sentence.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import derived, readmodel
from claims.curation.reimport import reanchor_mentions
from claims.extraction import SentenceAnalysis, Vocabulary, analyse_sentences, named_studies
from claims.extraction.sentences import split_sentences
from claims.labels import Certainty, ClaimKind, EvidenceCited, ReviewStatus
from claims.models import Condition, Mention, RevisionStatus, SourceRevision, Substance
from sources.models import Publisher, Source, SourceStatus, content_hash, normalise_text

NO_SENTENCES = (
    "The text holds no sentences to review: paste the article's body, not a title or list."
)
TOO_MANY_SENTENCES = (
    "This text has {count:,} sentences; one request analyses at most {limit:,}. Split it into "
    "articles, or have an administrator add it with manage.py ingest."
)


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    title: str
    source_type: str
    url: str = ""
    publisher: str = ""
    author: str = ""
    published_on: datetime.date | None = None
    retrieved_on: datetime.date | None = None
    commercial_interest: bool = False


class Outcome(StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"  # the same text is already stored: nothing written
    NEW_VERSION = "new version"  # same URL, new text: re-imported
    PENDING_REVISION = "pending revision"  # same URL as a published source: waits for an editor


@dataclass(frozen=True, slots=True)
class IngestResult:
    source: Source
    outcome: Outcome
    suggested: int = 0
    kept: int = 0  # re-import: reviewed mentions found again exactly
    moved: int = 0  # re-import: found in an edited sentence, back to review
    lost: int = 0  # re-import: not found, flagged for review
    revision: SourceRevision | None = None  # the pending revision of a published source
    deferred: bool = False  # the suggestions are left to a background task

    def message(self) -> str:
        title = self.source.title
        if self.outcome == Outcome.PENDING_REVISION:
            return (
                f"“{title}” is published, so readers keep seeing its current text: the new "
                "version waits for an editor to review and publish it."
            )
        if self.outcome == Outcome.DUPLICATE:
            return f"This text is already stored as “{title}”: here it is."
        if self.deferred:
            stored = "New version of" if self.outcome == Outcome.NEW_VERSION else "Added"
            return (
                f"{stored} “{title}”. The text is long: its suggestions are being prepared "
                "in the background."
            )
        if self.outcome == Outcome.NEW_VERSION:
            return (
                f"New version of “{title}”: {self.kept} reviewed mentions found again, "
                f"{self.moved} in edited sentences to check, {self.lost} could not be found; "
                f"{self.suggested} new suggestions."
            )
        return f"Added “{title}” with {self.suggested} suggested mentions to review."


def has_sentences(sentences) -> bool:
    """Whether any of the sentences could hold a claim (not a heading, three words or more)."""
    for sentence in sentences:
        words = [w for w in sentence.text.split() if any(c.isalpha() for c in w)]
        if sentence.kind != "heading" and len(words) >= 3:
            return True
    return False


def extract_suggestions(
    text: str,
    *,
    seconds: float | None = None,
    on_progress: Callable[[int], object] | None = None,
    progress_every: int = 50,
) -> list[SentenceAnalysis] | None:
    """The extractor's claim-bearing sentences of ``text`` (offsets into ``text``), analysed
    one sentence at a time.

    ``seconds``: a time budget. The extraction stops at the first sentence that ends past it and
    returns None; its work is dropped and the caller leaves the text to the background task (a
    text analysed in part would be reviewed in part, with the rest arriving later).
    ``on_progress``: called with the number of sentences analysed so far, every
    ``progress_every`` sentences (the background task records it for the progress page)."""
    deadline = None if seconds is None else time.monotonic() + seconds
    found = []
    analyses = analyse_sentences(text, Vocabulary.from_database())
    for done, analysis in enumerate(analyses, start=1):
        if analysis.is_claim:
            found.append(analysis)
        if deadline is not None and time.monotonic() >= deadline:
            return None
        if on_progress is not None and done % progress_every == 0:
            on_progress(done)
    return found


def _explain_json(explain, offset: int = 0) -> dict:
    return {
        str(label): [[span[0] + offset, span[1] + offset] for span in spans]
        for label, spans in (explain or {}).items()
    }


def _choice(value, choices, default):
    value = getattr(value, "value", value)
    return value if value in choices.values else default


def suggestion_to_mention(source: Source, found, *, offset: int = 0) -> tuple[Mention, list, list]:
    """An unsaved suggested Mention for one extracted sentence, with its substance and condition
    slugs. ``offset`` shifts the extractor's offsets (when it ran on a part of the text)."""
    start, end = found.start + offset, found.end + offset
    mention = Mention(
        source=source,
        quote=source.text[start:end],
        start=start,
        end=end,
        kind=_choice(found.claim_kind, ClaimKind, ClaimKind.BENEFIT),
        certainty=_choice(found.certainty, Certainty, Certainty.ESTABLISHED),
        hedge_cues=[str(cue) for cue in found.hedge_cues or []],
        evidence_cited=_choice(found.evidence_cited, EvidenceCited, EvidenceCited.NONE),
        cites_named_study=bool(found.cites_named_study),
        named_studies=named_studies(source.text[start:end]),
        status=ReviewStatus.SUGGESTED,
        explain=_explain_json(getattr(found, "explain", None), offset),
        suggested={
            "is_claim": bool(getattr(found, "is_claim", True)),
            "kind": found.claim_kind,
            "substances": list(found.substances or []),
            "conditions": list(found.conditions or []),
            "certainty": found.certainty,
            "evidence_cited": found.evidence_cited,
            "cites_named_study": bool(found.cites_named_study),
        },
    )
    mention.set_context()
    return mention, list(found.substances or []), list(found.conditions or [])


# Foreign keys are checked by the database; validating them in Python costs a query per row.
NOT_VALIDATED_IN_PYTHON = ["source", "claim", "reviewed_by"]


def validate_suggestion(mention: Mention) -> None:
    """What ``full_clean()`` checks, without a query per row: field values (lengths, choices) and
    the quote against the source text at its offsets, which also satisfies the database's checks
    (``end > start``, ``end = start + length(quote)``). Uniqueness of the place is the caller's
    (suggestions never overlap)."""
    mention.clean_fields(exclude=NOT_VALIDATED_IN_PYTHON)
    mention.clean()


def store_suggestions(
    mentions: list[Mention], vocabulary: list[tuple[list[int], list[int]]], *, user=None
) -> None:
    """Insert validated, unsaved mentions with their substances and conditions (``vocabulary``:
    (substance ids, condition ids) per mention) and their history, in bulk: one INSERT each for
    the mentions, their history rows, the two through tables and the two through-history tables,
    whatever their number (the database splits a very long one into batches).

    The history is what saving one by one would leave: one "created" row per mention, with its
    substances and conditions as they are. The through-history rows point at the ids the
    inserts return (PostgreSQL, SQLite 3.35 and later).
    """
    for mention in mentions:
        mention.refresh_overclaim()  # no claim yet: the rule reads the evidence only
    Mention.objects.bulk_create(mentions)
    history_user = user if getattr(user, "is_authenticated", False) else None
    records = Mention.history.bulk_history_create(mentions, default_user=history_user)
    record_of = {record.id: record.history_id for record in records}
    for index, (field, target) in enumerate(
        [("substances", "substance_id"), ("conditions", "condition_id")]
    ):
        through = getattr(Mention, field).through
        rows = through.objects.bulk_create(
            through(mention_id=mention.pk, **{target: pk})
            for mention, ids in zip(mentions, vocabulary, strict=True)
            for pk in ids[index]
        )
        history_model = Mention.history.model._meta.get_field(
            f"historicalmention_{field}"
        ).related_model
        history_model.objects.bulk_create(
            history_model(
                id=row.pk,
                mention_id=row.mention_id,
                history_id=record_of[row.mention_id],
                **{target: getattr(row, target)},
            )
            for row in rows
        )


def create_suggestions(
    source: Source, *, user=None, found: list[SentenceAnalysis] | None = None
) -> int:
    """Suggested mentions for every claim-bearing sentence no existing mention overlaps, written
    in bulk (``store_suggestions``): a dozen queries for any number of sentences.

    ``found``: the claim-bearing sentences of ``source.text`` when already extracted (outside
    the transaction, so that the extractor's CPU time holds no lock); otherwise they are
    extracted here."""
    substances = dict(Substance.objects.values_list("slug", "pk"))
    conditions = dict(Condition.objects.values_list("slug", "pk"))
    taken = [
        (m.start, m.end) for m in source.mentions.filter(anchor_lost=False).only("start", "end")
    ]
    mentions, vocabulary = [], []
    if found is None:
        found = extract_suggestions(source.text)
    for analysis in found:
        if any(analysis.start < end and start < analysis.end for start, end in taken):
            continue
        mention, substance_slugs, condition_slugs = suggestion_to_mention(source, analysis)
        validate_suggestion(mention)
        mentions.append(mention)
        vocabulary.append(
            (
                list(dict.fromkeys(substances[s] for s in substance_slugs if s in substances)),
                list(dict.fromkeys(conditions[c] for c in condition_slugs if c in conditions)),
            )
        )
        taken.append((mention.start, mention.end))
    if mentions:
        store_suggestions(mentions, vocabulary, user=user)
    return len(mentions)


def ingest_article(
    *,
    text: str,
    metadata: ArticleMetadata,
    user=None,
    max_sentences: int | None = None,
    inline_max_sentences: int | None = None,
    inline_seconds: float | None = None,
) -> IngestResult:
    """Store an article and its suggested mentions, or lead to the source that already holds it.

    ``max_sentences`` bounds the extractor's work (it grows with the number of sentences): a
    longer text is refused before anything is analysed or written. Requests pass
    ``settings.EXTRACTION_MAX_SENTENCES``; ``manage.py ingest`` passes none.

    ``inline_max_sentences``: a longer text is stored, but its suggestions are left to the
    background task ``claims.curation.tasks.extract_suggestions`` (enqueued in the same
    transaction); the result says ``deferred``. Requests pass
    ``settings.EXTRACTION_INLINE_MAX_SENTENCES``; ``manage.py ingest`` passes none.

    ``inline_seconds``: a time budget for the extraction in the request. A text whose extraction
    runs past it is deferred the same way (the in-request work is dropped). Requests pass
    ``settings.EXTRACTION_INLINE_SECONDS``; ``manage.py ingest`` passes none.

    Raises ValidationError (with field names) for input the models refuse: no text, no sentences,
    an invalid field. Nothing is written then. When the same text or URL is stored by someone
    else between the check and the insert (a unique constraint fails), it runs once more and
    so ends in that source (a duplicate or a new version), never in an IntegrityError.
    """
    ceilings = {
        "max_sentences": max_sentences,
        "inline_max_sentences": inline_max_sentences,
        "inline_seconds": inline_seconds,
    }
    try:
        return _ingest_article(text=text, metadata=metadata, user=user, **ceilings)
    except IntegrityError:
        return _ingest_article(text=text, metadata=metadata, user=user, **ceilings)


def _ingest_article(
    *,
    text: str,
    metadata: ArticleMetadata,
    user=None,
    max_sentences: int | None = None,
    inline_max_sentences: int | None = None,
    inline_seconds: float | None = None,
) -> IngestResult:
    text = normalise_text(text or "")
    if not text:
        raise ValidationError({"text": "The article has no text."})
    existing = Source.objects.find_existing(text=text, url=metadata.url)
    if existing is not None and existing.content_hash == content_hash(text):
        return IngestResult(existing, Outcome.DUPLICATE)
    sentences = split_sentences(text)
    if max_sentences is not None and len(sentences) > max_sentences:
        message = TOO_MANY_SENTENCES.format(count=len(sentences), limit=max_sentences)
        raise ValidationError({"text": message})
    if not has_sentences(sentences):
        raise ValidationError({"text": NO_SENTENCES})
    defer = inline_max_sentences is not None and len(sentences) > inline_max_sentences
    found = None
    if not defer and not (existing is not None and existing.is_published):
        # Before the transaction: the extractor's CPU time holds no lock (on SQLite, the write
        # lock every other writer waits for).
        found = extract_suggestions(text, seconds=inline_seconds)
        defer = found is None  # past the time budget: left to the background task as well
    with transaction.atomic():
        if existing is not None and existing.is_published:
            revision = submit_revision(existing, text=text, metadata=metadata, user=user)
            return IngestResult(existing, Outcome.PENDING_REVISION, revision=revision)
        if existing is not None:
            result = _new_version(
                existing, text=text, metadata=metadata, user=user, defer=defer, found=found
            )
            derived.refresh(source_ids=[existing.pk])
            return result
        publisher = None
        if metadata.publisher.strip():
            publisher, _ = Publisher.objects.get_or_create(name=metadata.publisher.strip())
        source = Source(
            title=metadata.title.strip(),
            url=metadata.url.strip(),
            publisher=publisher,
            author=metadata.author.strip(),
            published_on=metadata.published_on,
            retrieved_on=metadata.retrieved_on or timezone.localdate(),
            source_type=metadata.source_type,
            commercial_interest=metadata.commercial_interest,
            text=text,
            status=SourceStatus.DRAFT,
            status_changed_at=timezone.now(),
            added_by=user if getattr(user, "is_authenticated", False) else None,
        )
        if user is not None:
            source._history_user = user
        # Field values only: find_existing() above has looked for the text and the URL, and the
        # database checks the foreign keys and constraints (full_clean() would query for each).
        source.clean_fields(exclude=["publisher", "added_by"])
        source.save()
        suggested = 0 if defer else create_suggestions(source, user=user, found=found)
        derived.refresh(source_ids=[source.pk])
        if defer:
            _defer_suggestions(source, user=user)
    return IngestResult(source, Outcome.CREATED, suggested=suggested, deferred=defer)


def submit_revision(
    source: Source, *, text: str, metadata: ArticleMetadata, user=None
) -> SourceRevision:
    """The pending revision holding ``text`` for the published ``source`` (the same text
    submitted again is the same revision). Nothing readers see is written."""
    revision = SourceRevision(
        source=source,
        text=text,
        retrieved_on=metadata.retrieved_on or timezone.localdate(),
        submitted_by=user if getattr(user, "is_authenticated", False) else None,
    )
    revision.content_hash = content_hash(text)
    same = SourceRevision.objects.filter(
        source=source, content_hash=revision.content_hash, status=RevisionStatus.PENDING
    ).first()
    if same is not None:
        return same
    if user is not None:
        revision._history_user = user
    try:
        with transaction.atomic():  # a savepoint: the same text submitted at the same moment
            revision.save()
    except IntegrityError:
        return SourceRevision.objects.pending().get(
            source=source, content_hash=revision.content_hash
        )
    return revision


def _defer_suggestions(source: Source, *, user) -> None:
    from claims.curation.tasks import request_extraction  # the task module imports this one

    request_extraction(source, user=user)


def _new_version(
    source: Source,
    *,
    text: str,
    metadata: ArticleMetadata,
    user,
    defer: bool = False,
    found: list[SentenceAnalysis] | None = None,
) -> IngestResult:
    old_text = source.text
    source.text = text
    source.retrieved_on = metadata.retrieved_on or timezone.localdate()
    if user is not None:
        source._history_user = user
    source.full_clean()
    source.save()
    result = reanchor_mentions(source=source, old_text=old_text, user=user)
    if defer:
        _defer_suggestions(source, user=user)
        suggested = 0
    else:
        suggested = create_suggestions(source, user=user, found=found)
    # Re-anchored quotes moved or went back to review: readers see the new version's state.
    readmodel.refresh_sources([source.pk])
    return IngestResult(
        source,
        Outcome.NEW_VERSION,
        suggested=suggested,
        deferred=defer,
        kept=result.kept,
        moved=result.moved,
        lost=result.lost,
    )
