"""Finding reviewed mentions again in a new version of their article.

A mention is re-anchored by its exact quote first: when the quote occurs once it is there; when it
occurs several times, the occurrence whose surrounding text best matches the context kept with the
mention wins, then the one nearest its old offset. When the exact quote is gone (the sentence was
edited), the most similar sentence of the new text is taken only if it is very similar (difflib
ratio >= FUZZY_THRESHOLD) and clearly better than any other candidate; otherwise the mention is
flagged ``anchor_lost`` and sent back for review. A mention is never moved to a place we are not
sure of: losing an anchor is visible and fixable, a wrong anchor is silent.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

FUZZY_THRESHOLD = 0.9
# A fuzzy match must beat the runner-up by this much, or the place is ambiguous.
FUZZY_MARGIN = 0.05


class AnchorMatch(StrEnum):
    EXACT = "exact"
    FUZZY = "fuzzy"
    LOST = "lost"


@dataclass(frozen=True, slots=True)
class Anchor:
    how: AnchorMatch
    start: int = 0
    end: int = 0
    quote: str = ""
    similarity: float = 0.0


LOST = Anchor(AnchorMatch.LOST)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def context_score(text: str, start: int, end: int, before: str, after: str) -> int:
    """How many characters of the kept context match right around text[start:end]."""
    window_before = text[max(0, start - len(before)) : start] if before else ""
    window_after = text[end : end + len(after)] if after else ""
    return _common_suffix(window_before, before) + _common_prefix(window_after, after)


def _occurrences(text: str, quote: str) -> list[int]:
    found, pos = [], text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _candidate_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of the new text, and pairs of neighbours (an edited sentence may have been split
    or joined)."""
    from claims.extraction.sentences import split_sentences

    sentences = [(s.start, s.end) for s in split_sentences(text)]
    pairs = [(a[0], b[1]) for a, b in zip(sentences, sentences[1:], strict=False)]
    return sentences + pairs


def find_anchor(
    new_text: str,
    *,
    quote: str,
    old_start: int,
    context_before: str = "",
    context_after: str = "",
    old_text_length: int | None = None,
) -> Anchor:
    """Where ``quote`` (once at ``old_start`` in the old text) is in ``new_text``, or LOST."""
    if not quote:
        return LOST
    # Where the old offset would be if the edit were spread evenly over the text.
    expected = old_start
    if old_text_length:
        expected = round(old_start * len(new_text) / old_text_length)

    exact = _occurrences(new_text, quote)
    if exact:
        best = max(
            exact,
            key=lambda pos: (
                context_score(new_text, pos, pos + len(quote), context_before, context_after),
                -abs(pos - expected),
            ),
        )
        return Anchor(AnchorMatch.EXACT, best, best + len(quote), quote, 1.0)

    scored = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for start, end in _candidate_spans(new_text):
        candidate = new_text[start:end]
        # Cheap bounds first: very different lengths cannot reach the threshold.
        if min(len(candidate), len(quote)) / max(len(candidate), len(quote)) < FUZZY_THRESHOLD:
            continue
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
            continue
        ratio = matcher.ratio()
        if ratio >= FUZZY_THRESHOLD:
            context = context_score(new_text, start, end, context_before, context_after)
            scored.append((ratio, context, -abs(start - expected), start, end))
    if not scored:
        return LOST
    scored.sort(reverse=True)
    best = scored[0]
    if len(scored) > 1:
        runner_up = scored[1]
        same_text = new_text[best[3] : best[4]] == new_text[runner_up[3] : runner_up[4]]
        if same_text:
            # The same edited sentence twice: only the context can tell them apart.
            if best[1] == runner_up[1]:
                return LOST
        elif best[0] - runner_up[0] < FUZZY_MARGIN and best[1] <= runner_up[1]:
            return LOST
    ratio, _, _, start, end = best
    return Anchor(AnchorMatch.FUZZY, start, end, new_text[start:end], ratio)


@dataclass(frozen=True, slots=True)
class ReimportResult:
    kept: int  # found again exactly
    moved: int  # found again only fuzzily: back to review with the new sentence
    lost: int  # not found: flagged anchor_lost, back to review
    dropped_suggestions: int  # unreviewed suggestions of the old text, replaced by new ones


def is_reviewed(mention) -> bool:
    """Work a curator did on a mention: a review decision or a link to a claim."""
    return mention.status != "suggested" or mention.claim_id is not None or mention.anchor_lost


def reanchor_mentions(*, source, old_text: str, user=None) -> ReimportResult:
    """Re-anchor the source's reviewed mentions in its (already saved) new text.

    Unreviewed suggestions are deleted (the caller suggests afresh from the new text). Runs
    inside the caller's transaction; one query per mention changed plus its history row.
    """
    from django.utils import timezone

    from claims.labels import ReviewStatus
    from claims.models import Mention

    text = source.text
    kept = moved = lost = 0
    mentions = list(Mention.objects.filter(source=source).order_by("start", "pk"))
    unreviewed = [m for m in mentions if not is_reviewed(m)]
    for m in unreviewed:
        if user is not None:
            m._history_user = user
        m.delete()
    taken: set[tuple[int, int, int | None]] = set()
    for mention in (m for m in mentions if is_reviewed(m)):
        mention.source = source
        if user is not None:
            mention._history_user = user
        anchor = find_anchor(
            text,
            quote=mention.quote,
            old_start=mention.start,
            context_before=mention.context_before,
            context_after=mention.context_after,
            old_text_length=len(old_text),
        )
        if anchor.how != AnchorMatch.LOST and (anchor.start, anchor.end, mention.claim_id) in taken:
            anchor = LOST  # another mention of the same claim already sits there
        if anchor.how == AnchorMatch.LOST:
            if not mention.anchor_lost:
                mention.anchor_lost = True
                mention.status = ReviewStatus.SUGGESTED
                mention.save()
            lost += 1
            continue
        taken.add((anchor.start, anchor.end, mention.claim_id))
        shift = anchor.start - mention.start
        mention.explain = {
            label: [[s + shift, e + shift] for s, e in spans]
            for label, spans in (mention.explain or {}).items()
        }
        mention.start, mention.end, mention.quote = anchor.start, anchor.end, anchor.quote
        mention.anchor_lost = False
        if anchor.how == AnchorMatch.FUZZY:
            # The sentence was edited: its labels may no longer fit, so a curator looks again.
            mention.status = ReviewStatus.SUGGESTED
            moved += 1
        else:
            kept += 1
        mention.set_context()
        mention.updated_at = timezone.now()
        mention.save()
    return ReimportResult(kept, moved, lost, len(unreviewed))
