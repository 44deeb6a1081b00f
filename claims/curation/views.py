"""Curation screens: the queue, adding an article, reviewing its suggestions, editing claims.

Every action is a plain form POST that ends in a redirect; HTMX requests get the changed mention
card instead (``curate/review.html#card_response``), so the page works with and without JS.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims import readmodel
from claims.curation import actions
from claims.curation.article_form import ArticleForm
from claims.curation.forms import (
    ClaimSearchForm,
    GradeForm,
    LinkClaimForm,
    MentionLabelsForm,
    MergeForm,
    NewClaimForm,
    PassageForm,
    PublishForm,
    RubricForm,
)
from claims.curation.history import claim_history, source_history
from claims.curation.ingest import ArticleMetadata, Outcome, ingest_article
from claims.curation.prefill import draft_statement
from claims.curation.publishing import (
    EditorRequired,
    discard_revision,
    preview_revision,
    publish_revision,
    undo_merge,
)
from claims.curation.search import search_claims
from claims.curation.tasks import State, extraction_state, request_extraction, task_state
from claims.labels import ClaimKind, Grade, ReviewStatus
from claims.matching import suggest_claims
from claims.models import (
    Claim,
    ClaimMerge,
    Condition,
    Mention,
    PendingExtraction,
    SourceRevision,
    Substance,
)
from claims.roles import curator_required, editor_required, is_editor
from sources.models import Source
from sources.versioning import STALE_MESSAGE, StaleEdit, parse_version

# Fields of the add form shown under "Its text" (the others describe the article).
ADD_FORM_TEXT_FIELDS = ("text", "upload", "kept_text", "kept_name", "kept_title", "drop_kept")

UNLINKED_NOTICE = (
    "Accepted, but not linked to a claim: readers will not see it until it is linked. "
    "Link it to a claim (key l) or create a new one (key n)."
)

STATUS_FILTERS = {
    "all": Q(),
    "suggested": Q(status=ReviewStatus.SUGGESTED),
    "accepted": Q(status=ReviewStatus.ACCEPTED),
    "rejected": Q(status=ReviewStatus.REJECTED),
}


@curator_required
@require_GET
def queue(request):
    sources = list(actions.queue())
    pending = {p.source_id: p for p in PendingExtraction.objects.all()}
    extracting = [(s, task_state(pending[s.pk].task_id)) for s in sources if s.pk in pending]
    awaiting = [s for s in sources if (s.n_suggested or s.n_lost) and s.pk not in pending]
    drafts_ready = [
        s
        for s in sources
        if not (s.n_suggested or s.n_lost) and not s.is_published and s.pk not in pending
    ]
    revisions = SourceRevision.objects.pending().select_related("source", "submitted_by")
    ctx = {
        "awaiting": awaiting,
        "drafts_ready": drafts_ready,
        "revisions": revisions,
        "extracting": extracting,
    }
    return render(request, "curate/queue.html", ctx)


@curator_required
@require_http_methods(["GET", "POST"])
def add_article(request):
    form = ArticleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        metadata = ArticleMetadata(
            title=data["title"],
            source_type=data["source_type"],
            url=data.get("url") or "",
            publisher=data.get("publisher_name") or "",
            author=data.get("author") or "",
            published_on=data.get("published_on"),
            retrieved_on=data.get("retrieved_on"),
            commercial_interest=data.get("commercial_interest") or False,
        )
        try:
            result = ingest_article(
                text=data["text"],
                metadata=metadata,
                user=request.user,
                max_sentences=settings.EXTRACTION_MAX_SENTENCES,
                inline_max_sentences=settings.EXTRACTION_INLINE_MAX_SENTENCES,
                inline_seconds=settings.EXTRACTION_INLINE_SECONDS,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            level = messages.INFO if result.outcome == Outcome.DUPLICATE else messages.SUCCESS
            messages.add_message(request, level, result.message())
            if result.deferred:
                return redirect("curate:extraction", pk=result.source.pk)
            return redirect("curate:review", pk=result.source.pk)
    status = 400 if request.method == "POST" else 200
    ctx = {"form": form, "text_fields": ADD_FORM_TEXT_FIELDS}
    return render(request, "curate/add.html", ctx, status=status)


@curator_required
@require_GET
def extraction(request, pk):
    """Progress of a source's background suggestions; HTMX polls it (``#progress``) until the
    task has finished, and without JS the page offers a reload link."""
    source = get_object_or_404(Source, pk=pk)
    ctx = {"source": source, "extraction": extraction_state(source), "State": State}
    template = "curate/extraction.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, ctx)


@curator_required
@require_POST
def retry_extraction(request, pk):
    """Enqueue the suggestions again for a source whose task failed (a pending one is left)."""
    source = get_object_or_404(Source, pk=pk)
    state = extraction_state(source).state
    if state == State.FAILED:
        with transaction.atomic():
            request_extraction(source, user=request.user)
        messages.success(request, "The suggestions are being prepared again.")
    elif state == State.DONE:
        messages.info(request, "The suggestions for this source are ready.")
    return redirect("curate:extraction", pk=source.pk)


def _review_mentions(source: Source, status_filter: str):
    return (
        source.mentions.filter(STATUS_FILTERS[status_filter])
        .select_related("claim", "reviewed_by")
        .prefetch_related(
            Prefetch("substances", queryset=Substance.objects.only("pk", "name", "slug")),
            Prefetch("conditions", queryset=Condition.objects.only("pk", "name", "slug")),
        )
        .order_by("anchor_lost", "start", "pk")
    )


def article_segments(text: str, mentions) -> list[tuple[str, Mention | None]]:
    """The text cut into plain runs and highlighted mentions (overlaps: the first one wins)."""
    segments, pos = [], 0
    for mention in sorted((m for m in mentions if not m.anchor_lost), key=lambda m: m.start):
        if mention.start < pos or mention.end > len(text):
            continue
        if mention.start > pos:
            segments.append((text[pos : mention.start], None))
        segments.append((text[mention.start : mention.end], mention))
        pos = mention.end
    if pos < len(text):
        segments.append((text[pos:], None))
    return segments


def _whole_words(text: str, start: int, end: int) -> str | None:
    """The words at text[start:end] when they are whole words (or a marker such as "[12]") of at
    least two letters or digits, else None: a fragment such as "f" or "a" explains nothing."""
    if not (0 <= start < end <= len(text)):
        return None
    words = text[start:end].strip()
    if sum(ch.isalnum() for ch in words) < 2:
        return None
    if (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or (
        end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    ):
        return None
    return words


def explain_lines(mention: Mention, text: str) -> list[tuple[str, str]]:
    """The extractor's reasons, as (label, the words that caused it), for the card's "why"."""
    if mention.anchor_lost or not mention.explain or not isinstance(mention.explain, dict):
        return []
    lines = []
    for label, spans in mention.explain.items():
        words = []
        for span in spans if isinstance(spans, list) else []:
            if not (isinstance(span, list | tuple) and len(span) == 2):
                continue
            s, e = span
            if isinstance(s, int) and isinstance(e, int):
                found = _whole_words(text, s, e)
                if found and found not in words:
                    words.append(found)
        if words:
            lines.append((label.replace("_", " ").replace(":", ": "), " · ".join(words)))
    return lines


def _counts(source: Source) -> dict[str, int]:
    row = source.mentions.aggregate(
        suggested=Count("pk", filter=Q(status=ReviewStatus.SUGGESTED)),
        accepted=Count("pk", filter=Q(status=ReviewStatus.ACCEPTED)),
        rejected=Count("pk", filter=Q(status=ReviewStatus.REJECTED)),
        lost=Count("pk", filter=Q(anchor_lost=True)),
        unlinked=Count("pk", filter=Q(status=ReviewStatus.ACCEPTED, claim__isnull=True)),
    )
    return row


def _extraction_pending(source: Source) -> bool:
    """Whether a background task is still making this source's suggestions (no query when the
    source was read with ``select_related("pending_extraction")``)."""
    try:
        return source.pending_extraction is not None
    except PendingExtraction.DoesNotExist:
        return False


def review_context(request, source: Source, **extra) -> dict:
    status_filter = request.GET.get("show", "all")
    if status_filter not in STATUS_FILTERS:
        status_filter = "all"
    mentions = list(_review_mentions(source, status_filter))
    for mention in mentions:
        mention.why = explain_lines(mention, source.text)
        mention.draft = draft_statement(mention)
    suggest_claims(mentions)
    ctx = {
        "source": source,
        "mentions": mentions,
        "segments": article_segments(source.text, mentions),
        "counts": _counts(source),
        "show": status_filter,
        "status_filters": list(STATUS_FILTERS),
        "passage_form": PassageForm(text=source.text),
        "publish_form": PublishForm(),
        "can_publish": is_editor(request.user),
        "history": source_history(source),
        # Only published sources have revisions (a draft takes a new text at once): no query.
        "revisions": (
            list(source.revisions.pending().select_related("submitted_by"))
            if source.is_published
            else []
        ),
        "editing_pk": None,
        "link_pk": None,
        "kind_choices": ClaimKind.choices,
        "extracting": _extraction_pending(source),
    }
    ctx.update(extra)
    return ctx


@curator_required
@require_GET
def review(request, pk: int):
    source = get_object_or_404(
        Source.objects.select_related("publisher", "pending_extraction"), pk=pk
    )
    extra = {}
    # Without JavaScript the claim search of one card is a GET form to this page.
    link_form = ClaimSearchForm(request.GET)
    link_pk = request.GET.get("link")
    if (
        link_pk
        and link_pk.isascii()
        and link_pk.isdecimal()
        and len(link_pk) <= 18
        and link_form.is_valid()
    ):
        linking = get_object_or_404(Mention, pk=int(link_pk), source=source)
        query = link_form.cleaned_data["q"]
        extra = {"link_pk": linking.pk, "results": _claim_results(query, linking), "q": query}
    return render(request, "curate/review.html", review_context(request, source, **extra))


def _get_mention(pk: int) -> Mention:
    return get_object_or_404(
        Mention.objects.select_related("source", "claim", "reviewed_by").prefetch_related(
            "substances", "conditions"
        ),
        pk=pk,
    )


def _card_response(request, mention: Mention, *, status: int = 200, **extra):
    """The card of one mention (HTMX), with the page's counts swapped out of band."""
    mention = _get_mention(mention.pk)
    mention.why = explain_lines(mention, mention.source.text)
    mention.draft = draft_statement(mention)
    suggest_claims([mention])
    ctx = {
        "mention": mention,
        "source": mention.source,
        "counts": _counts(mention.source),
        "oob": True,
        "editing_pk": None,
        "link_pk": None,
        "kind_choices": ClaimKind.choices,
    }
    ctx.update(extra)
    return render(request, "curate/review.html#card_response", ctx, status=status)


def _after_action(request, mention: Mention, *, advance: bool):
    if request.htmx:
        return _card_response(request, mention)
    url = reverse("curate:review", args=[mention.source_id])
    anchor = mention.pk
    if advance:
        following = (
            mention.source.mentions.filter(status=ReviewStatus.SUGGESTED, start__gt=mention.start)
            .order_by("start", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        anchor = following or mention.pk
    return redirect(f"{url}#card-{anchor}")


def _refuse(request, mention: Mention, message: str, *, status: int = 400):
    if request.htmx:
        return _card_response(request, mention, status=status, error=message)
    messages.error(request, message)
    return redirect(f"{reverse('curate:review', args=[mention.source_id])}#card-{mention.pk}")


def _stale(request, mention: Mention):
    """The edit was made on an older version: 409 with the card as it stands now (HTMX), or
    back to the card with the message."""
    return _refuse(request, mention, STALE_MESSAGE, status=409)


def _version(request) -> int | None:
    return parse_version(request.POST.get("version"))


@curator_required
@require_GET
def card(request, pk: int):
    """One mention's card (HTMX: cancelling an edit); without JS, its place on the page."""
    mention = _get_mention(pk)
    return _after_action(request, mention, advance=False)


@curator_required
@require_POST
def accept(request, pk: int):
    mention = _get_mention(pk)
    accepted = ReviewStatus.ACCEPTED
    if refused := _refused(request, mention, actions.review_mention, status=accepted):
        return refused
    if mention.claim_id is None:
        # Accepted but unlinked: readers will not see it. Say so where the curator looks.
        if request.htmx:
            return _card_response(request, mention, notice=UNLINKED_NOTICE)
        messages.warning(request, UNLINKED_NOTICE)
    return _after_action(request, mention, advance=True)


@curator_required
@require_POST
def reject(request, pk: int):
    return _set_status(request, _get_mention(pk), ReviewStatus.REJECTED, advance=True)


@curator_required
@require_POST
def reset(request, pk: int):
    """Undo a decision: back to suggested."""
    mention = _get_mention(pk)
    if mention.status == ReviewStatus.SUGGESTED:
        return _after_action(request, mention, advance=False)
    return _set_status(request, mention, ReviewStatus.SUGGESTED, advance=False)


def _set_status(request, mention: Mention, status: str, *, advance: bool):
    """Reject or reset a mention."""
    if refused := _refused(request, mention, actions.review_mention, status=status):
        return refused
    return _after_action(request, mention, advance=advance)


def _refused(request, mention: Mention, write, **arguments) -> HttpResponse | None:
    """Run a card action, ``write(mention=..., user=..., version=..., **arguments)``. When it is
    refused, the card as it is now with the reason: 409 for a stale version, 403 for a change
    only an editor may make, 400 for an invalid one. None when it was done."""
    try:
        write(mention=mention, user=request.user, version=_version(request), **arguments)
    except StaleEdit:
        return _stale(request, mention)
    except EditorRequired as exc:
        return _refuse(request, mention, exc.message, status=403)
    except ValidationError as exc:
        return _refuse(request, mention, " ".join(exc.messages))
    return None


@curator_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    mention = _get_mention(pk)
    form = MentionLabelsForm(request.POST or None, instance=mention)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_labels(form=form, user=request.user, version=_version(request))
        except StaleEdit:
            return _stale(request, mention)
        except EditorRequired as exc:
            return _refuse(request, mention, exc.message, status=403)
        return _after_action(request, mention, advance=False)
    status = 400 if request.method == "POST" else 200
    if request.htmx:
        return _card_response(request, mention, status=status, editing_pk=mention.pk, form=form)
    ctx = review_context(request, mention.source, editing_pk=mention.pk, form=form)
    return render(request, "curate/review.html", ctx, status=status)


def _claim_results(query: str, mention: Mention) -> list[Claim]:
    return search_claims(query or mention.quote, limit=8)


@curator_required
@require_GET
def claim_search(request, pk: int):
    """Claims to link a mention to, best first; an empty query searches with its sentence."""
    mention = _get_mention(pk)
    form = ClaimSearchForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest("The search text is too long.")
    query = form.cleaned_data["q"]
    results = _claim_results(query, mention)
    if request.htmx:
        ctx = {"mention": mention, "results": results, "q": query, "searched": True}
        return render(request, "curate/review.html#claim_results", ctx)
    url = reverse("curate:review", args=[mention.source_id])
    return redirect(f"{url}?{urlencode({'link': mention.pk, 'q': query})}#card-{mention.pk}")


@curator_required
@require_POST
def link(request, pk: int):
    return _link(request, _get_mention(pk), actions.link_mention, advance=False)


@curator_required
@require_POST
def accept_as(request, pk: int):
    """Accept a suggestion as making one of its likely claims (keys 1, 2, 3): linked and
    accepted in one step, then on to the next suggestion as after accept."""
    return _link(request, _get_mention(pk), actions.accept_as, advance=True)


def _link(request, mention: Mention, write, *, advance: bool):
    """Link a mention to the claim the form names with ``write`` (an action taking mention,
    claim, user and version); a refusal is answered with the card as it is now."""
    form = LinkClaimForm(request.POST)
    if not form.is_valid():
        return _refuse(request, mention, " ".join(form.errors.get("claim", ["Choose a claim."])))
    if refused := _refused(request, mention, write, claim=form.cleaned_data["claim"]):
        return refused
    return _after_action(request, mention, advance=advance)


@curator_required
@require_POST
def new_claim(request, pk: int):
    mention = _get_mention(pk)
    form = NewClaimForm(request.POST, initial={"kind": mention.kind})
    if not form.is_valid():
        message = " ".join(e for errors in form.errors.values() for e in errors)
        return _refuse(request, mention, message)
    claim = form.save(commit=False)
    if refused := _refused(request, mention, actions.create_claim_for, claim=claim):
        return refused
    if not request.htmx:
        if mention.claim_id == claim.pk:
            note = f"Created the claim “{claim.statement}” and linked the mention."
        else:  # someone created the same claim meanwhile
            note = f"The claim “{mention.claim.statement}” exists already: linked to it."
        messages.success(request, note)
    return _after_action(request, mention, advance=False)


@curator_required
@require_POST
def add_passage(request, pk: int):
    source = get_object_or_404(Source, pk=pk)
    form = PassageForm(request.POST, text=source.text)
    if form.is_valid():
        try:
            mention = actions.add_passage(
                source=source,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                user=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Added the passage as a mention: check its labels.")
            url = reverse("curate:edit", args=[mention.pk])
            return redirect(f"{url}#card-{mention.pk}")
    ctx = review_context(request, source, passage_form=form)
    return render(request, "curate/review.html", ctx, status=400)


@editor_required
@require_POST
def publish(request, pk: int):
    source = get_object_or_404(Source, pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose publish or unpublish.")
    publishing = form.cleaned_data["action"] == "publish"
    try:
        actions.set_source_status(
            source=source,
            status="published" if publishing else "draft",
            user=request.user,
            version=_version(request),
        )
    except StaleEdit:
        messages.error(request, STALE_MESSAGE)
        return redirect("curate:review", pk=source.pk)
    if publishing:
        waiting = source.mentions.filter(status=ReviewStatus.SUGGESTED).count()
        note = (
            f" {waiting} suggestions are not reviewed yet: readers do not see them."
            if waiting
            else ""
        )
        messages.success(request, f"Published “{source.title}”.{note}")
    else:
        messages.success(
            request,
            f"“{source.title}” is a draft again: readers no longer see it. Its mentions are kept "
            "as they are: Publish puts the page back.",
        )
    return redirect("curate:review", pk=source.pk)


@curator_required
@require_http_methods(["GET", "POST"])
def rubric(request, pk: int):
    """Answer the curator items of a source's credibility rubric."""
    source = get_object_or_404(Source, pk=pk)
    answers = {a.item: a for a in source.rubric_answers.all()}
    form = RubricForm(request.POST or None, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            answered = form.save(source=source, user=request.user)
        except StaleEdit:
            # The page shows the answers as they are now, and what this curator entered beside
            # the stored answers wherever the two differ, to enter again if it still applies.
            answers = {a.item: a for a in source.rubric_answers.all()}
            source.refresh_from_db(fields=["credibility_score"])
            ctx = {
                "source": source,
                "form": RubricForm(answers=answers),
                "stale": form.differences(answers),
                "stale_message": STALE_MESSAGE,
            }
            return render(request, "curate/rubric.html", ctx, status=409)
        # Claim pages show sources' credibility: readers' cached pages must be revalidated.
        readmodel.bump_version()
        missing = len(form.items()) - answered
        note = (
            f" {missing} items are still unanswered: the source is not scored yet."
            if missing
            else ""
        )
        messages.success(request, f"Saved the credibility answers for “{source.title}”.{note}")
        return redirect("curate:review", pk=source.pk)
    source.refresh_from_db(fields=["credibility_score"])
    ctx = {"source": source, "form": form}
    return render(request, "curate/rubric.html", ctx, status=400 if form.errors else 200)


@curator_required
@require_GET
def claim_list(request):
    form = ClaimSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if query:
        claims = search_claims(query, limit=50)
        counts = dict(
            Mention.objects.filter(claim__in=claims)
            .values_list("claim")
            .annotate(n=Count("pk"))
            .values_list("claim", "n")
        )
        for claim in claims:
            claim.n_mentions = counts.get(claim.pk, 0)
    else:
        claims = Claim.objects.annotate(n_mentions=Count("mentions")).order_by(
            "-n_mentions", "statement"
        )[:200]
    not_assessed = Claim.objects.filter(grade=Grade.NOT_ASSESSED).count()
    ctx = {"form": form, "claims": claims, "query": query, "not_assessed": not_assessed}
    if request.htmx:
        return render(request, "curate/claim_list.html#claims", ctx)
    return render(request, "curate/claim_list.html", ctx)


def _claim_page(request, claim: Claim, *, grade_form=None, merge_form=None, status=200):
    mentions = (
        claim.mentions.select_related("source")
        .prefetch_related("substances", "conditions")
        .order_by("source__title", "start")
    )
    ctx = {
        "claim": claim,
        "mentions": mentions,
        "grade_form": grade_form or GradeForm(instance=claim),
        "merge_form": merge_form or MergeForm(target=claim),
        "can_edit": is_editor(request.user),
        "history": claim_history(claim),
        "merges": claim.merges_in.select_related("merged_by", "undone_by")[:20],
    }
    return render(request, "curate/claim_detail.html", ctx, status=status)


@curator_required
@require_GET
def claim_detail(request, slug: str):
    claim = Claim.objects.prefetch_related("substances", "conditions").filter(slug=slug).first()
    if claim is None:
        target = actions.merged_into(slug)
        if target is None:
            raise Http404("No such claim.")
        messages.info(request, f"“{slug}” was merged into this claim.")
        return redirect("curate:claim", slug=target.slug)
    return _claim_page(request, claim)


@editor_required
@require_POST
def grade(request, slug: str):
    claim = get_object_or_404(Claim, slug=slug)
    form = GradeForm(request.POST, instance=claim)
    if not form.is_valid():
        return _claim_page(request, claim, grade_form=form, status=400)
    try:
        actions.set_grade(form=form, user=request.user, version=_version(request))
    except StaleEdit:
        # The page shows the claim as it is now; the form keeps what this editor typed.
        current = Claim.objects.get(pk=claim.pk)
        form = GradeForm(request.POST, instance=Claim.objects.get(pk=claim.pk))
        form.is_valid()
        form.add_error(None, f"{STALE_MESSAGE} Current grade: {current.get_grade_display()}.")
        return _claim_page(request, current, grade_form=form, status=409)
    messages.success(request, f"Graded: {claim.get_grade_display()}.")
    return redirect("curate:claim", slug=claim.slug)


@editor_required
@require_POST
def merge(request, slug: str):
    target = get_object_or_404(Claim, slug=slug)
    form = MergeForm(request.POST, target=target)
    if not form.is_valid():
        return _claim_page(request, target, merge_form=form, status=400)
    duplicate = form.cleaned_data["duplicate"]
    statement = duplicate.statement
    try:
        result = actions.merge_claims(target=target, duplicate=duplicate, user=request.user)
    except ValidationError as exc:
        # Another editor merged one of the two meanwhile: say so, and show where things stand.
        messages.error(request, " ".join(exc.messages))
        return redirect("curate:claim", slug=target.slug)
    messages.success(
        request,
        f"Merged “{statement}” into this claim: {result.moved} mentions moved"
        + (
            f", {result.duplicates_removed} duplicate links removed."
            if result.duplicates_removed
            else "."
        ),
    )
    return redirect("curate:claim", slug=target.slug)


@curator_required
@require_GET
def revision(request, pk: int):
    """A new version of a published article: what changed, and what publishing it would do."""
    revision = get_object_or_404(
        SourceRevision.objects.select_related("source", "submitted_by", "decided_by"), pk=pk
    )
    ctx = {
        "revision": revision,
        "source": revision.source,
        "preview": preview_revision(revision) if revision.is_pending else None,
        "can_publish": is_editor(request.user),
    }
    return render(request, "curate/revision.html", ctx)


@editor_required
@require_POST
def revision_decide(request, pk: int):
    """Publish or discard a pending version (the form's ``action``)."""
    revision = get_object_or_404(SourceRevision.objects.select_related("source"), pk=pk)
    action = request.POST.get("action")
    if action not in ("publish", "discard"):
        return HttpResponseBadRequest("Choose publish or discard.")
    try:
        if action == "publish":
            publish_revision(revision=revision, user=request.user)
        else:
            discard_revision(revision=revision, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("curate:revision", pk=revision.pk)
    if action == "publish":
        messages.success(
            request,
            f"Published the new version of “{revision.source.title}”: readers see it now. "
            "Mentions in changed sentences are back in review.",
        )
        return redirect("curate:review", pk=revision.source_id)
    messages.success(request, "Discarded the new version: readers keep seeing the current one.")
    return redirect("curate:review", pk=revision.source_id)


@editor_required
@require_POST
def merge_undo(request, pk: int):
    merge = get_object_or_404(ClaimMerge.objects.select_related("target"), pk=pk)
    try:
        result = undo_merge(merge=merge, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("curate:claim", slug=merge.target.slug)
    note = ""
    if result.skipped:
        note = f" {result.skipped} changed since the merge were left as they are."
    messages.success(
        request,
        f"Undid the merge: “{result.claim.statement}” is back with {result.moved_back} mentions "
        f"moved back and {result.restored} restored.{note}",
    )
    return redirect("curate:claim", slug=result.claim.slug)
