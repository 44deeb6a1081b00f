"""Reading helpers for the reader pages: highlighted text built safely, evidence matrices.

Article text is untrusted. Everything here escapes each piece of text it is given and only adds
markup of its own through ``format_html``; nothing marks article text safe as a whole.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from claims.labels import Certainty, EvidenceCited, Grade

GRADE_SYMBOLS = {
    Grade.HIGH: "⊕⊕⊕⊕",
    Grade.MODERATE: "⊕⊕⊕◯",
    Grade.LOW: "⊕⊕◯◯",
    Grade.VERY_LOW: "⊕◯◯◯",
    Grade.NOT_ASSESSED: "◯◯◯◯",
}


def grades_at_least(minimum: str) -> list[str]:
    """The grade values as strong as ``minimum`` or stronger (``not-assessed`` never counts)."""
    floor = Grade(minimum).strength
    if floor is None:
        return []
    return [g.value for g in Grade if g.strength is not None and g.strength >= floor]


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of each needle in text, case-insensitive, in order."""
    spans: list[tuple[int, int]] = []
    for needle in sorted({n.strip() for n in needles if n and n.strip()}, key=len, reverse=True):
        for match in re.finditer(re.escape(needle), text, flags=re.IGNORECASE):
            start, end = match.span()
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def highlight(text: str, needles: Iterable[str], css_class: str = "") -> SafeString:
    """``text`` escaped, with each needle (e.g. a hedge cue) wrapped in ``<mark>``."""
    return highlight_spans(text, find_spans(text, needles), css_class)


def highlight_spans(text: str, spans: Iterable[tuple[int, int]], css_class: str = "") -> SafeString:
    """``text`` escaped, with the given non-overlapping (start, end) spans in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        if css_class:
            out.append(format_html('<mark class="{}">{}</mark>', css_class, text[start:end]))
        else:
            out.append(format_html("<mark>{}</mark>", text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # every piece above is escaped


# --- Source text with its mentions in place ---------------------------------------------------


def _mention_label(mention) -> str:
    claim = mention.claim
    parts = [
        f"Claim: {claim.statement}" if claim else "No claim",
        f"certainty: {mention.get_certainty_display().lower()}",
        f"evidence cited: {mention.get_evidence_cited_display().lower()}",
    ]
    if claim:
        parts.append(f"evidence grade: {claim.get_grade_display().lower()}")
    return "; ".join(parts)


def _render_mark(text: str, group: Sequence) -> SafeString:
    first = group[0]
    labels = format_html_join(
        "", '<span class="mention-label">{}</span>', ((_mention_label(m),) for m in group)
    )
    extra = format_html_join(
        " ",
        '<a class="mention-extra" href="{}" aria-label="Also: {}">+</a>',
        ((m.claim.get_absolute_url(), m.claim.statement) for m in group[1:]),
    )
    return format_html(
        '<mark class="mention certainty-{}" id="mention-{}">'
        '<a href="{}" aria-describedby="mention-{}-labels">{}</a>{}'
        '<span class="mention-labels" id="mention-{}-labels" role="tooltip">{}</span></mark>',
        first.certainty,
        first.pk,
        first.claim.get_absolute_url(),
        first.pk,
        text,
        extra,
        first.pk,
        labels,
    )


def article_paragraphs(text: str, mentions: Sequence) -> list[SafeString]:
    """The article as paragraphs (split on blank lines), each mention wrapped in place.

    ``mentions`` must have ``claim`` loaded (select_related) and be public. Mentions with the same
    span are shown as one mark with a link per claim; a mention overlapping an earlier one is not
    marked again (its claim is still listed on the claim page).
    """
    groups: dict[tuple[int, int], list] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.start, m.end, m.pk)):
        groups[(mention.start, mention.end)].append(mention)
    spans = []
    last_end = -1
    for (start, end), group in sorted(groups.items()):
        if start >= last_end:
            spans.append((start, end, group))
            last_end = end

    paragraphs: list[SafeString] = []
    bounds, pos = [], 0
    for blank in re.finditer(r"\n[ \t]*\n\s*", text):
        bounds.append((pos, blank.start()))
        pos = blank.end()
    bounds.append((pos, len(text)))
    for p_start, p_end in bounds:
        if not text[p_start:p_end].strip():
            continue
        out: list[str] = []
        pos = p_start
        for start, end, group in spans:
            if end <= p_start or start >= p_end:
                continue
            s, e = max(start, p_start), min(end, p_end)
            out.append(escape(text[pos:s]))
            out.append(_render_mark(text[s:e], group))
            pos = e
        out.append(escape(text[pos:p_end]))
        paragraphs.append(mark_safe("".join(out)))  # every piece above is escaped
    return paragraphs


# --- Summaries --------------------------------------------------------------------------------


@dataclass
class Spread:
    """How many mentions use each certainty (or cite each kind of evidence)."""

    counts: list[tuple[str, str, int]] = field(default_factory=list)  # (value, label, n)

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.counts)

    @property
    def parts(self) -> list[tuple[str, str, int, float]]:
        total = self.total or 1
        return [(v, label, n, round(100 * n / total, 1)) for v, label, n in self.counts if n]


def certainty_spread(values: Iterable[str]) -> Spread:
    counted = Counter(values)
    return Spread([(c.value, c.label, counted.get(c.value, 0)) for c in Certainty])


def evidence_spread(values: Iterable[str]) -> Spread:
    counted = Counter(values)
    ordered = sorted(EvidenceCited, key=lambda e: e.strength, reverse=True)
    return Spread([(e.value, e.label, counted.get(e.value, 0)) for e in ordered])


# --- Evidence matrices ------------------------------------------------------------------------


@dataclass
class MatrixCell:
    sources: int
    url: str


@dataclass
class MatrixRow:
    claim: object
    cells: list[MatrixCell | None]


MATRIX_ROWS = 40  # claims shown in a matrix; the browser link lists every one


def evidence_matrix(facet: str, subject, column: str, columns_model):
    """Claims (rows) by substance or condition (columns): sources per cell, for the claims with
    the strongest evidence first (``MATRIX_ROWS`` at most, so the page stays small whatever the
    size of the knowledge base). Returns (columns, matrix rows, number of matching claims).

    The claims are those with a public mention about ``subject``, a ``facet`` (``condition``,
    nested conditions included as in the browser's filter, or ``substance``); ``column`` is the
    other one, ``columns_model`` its model. Each cell links to the browser filtered on both.
    Four queries.
    """
    from urllib.parse import urlencode

    from django.urls import reverse

    from claims.models import BrowseRow, ClaimCard, FacetCount

    stored = FacetCount.objects.filter(facet=facet, value=str(subject.pk))
    total = stored.values_list("claims", flat=True).first() or 0
    cards = ClaimCard.objects.defer("quotes", "filter_values").carrying(facet, [subject.pk])
    top = list(cards.select_related("claim").in_browser_order("grade")[:MATRIX_ROWS])
    rows = BrowseRow.objects.filter(**{facet: subject})
    counts = (
        rows.filter(claim_id__in=[card.claim_id for card in top], **{f"{column}__isnull": False})
        .order_by()
        .values_list("claim_id", f"{column}_id")
        .annotate(n=Count("source_id", distinct=True))
    )
    cell_counts = {(claim_id, column_id): n for claim_id, column_id, n in counts}
    column_ids = {col for _, col in cell_counts}
    columns = list(columns_model.objects.filter(pk__in=column_ids).order_by("name"))
    browse = reverse("claims:claim-list")
    matrix = []
    for card in top:
        cells: list[MatrixCell | None] = []
        for col in columns:
            n = cell_counts.get((card.claim_id, col.pk))
            if n:
                query = urlencode({facet: subject.slug, column: col.slug})
                cells.append(MatrixCell(n, f"{browse}?{query}"))
            else:
                cells.append(None)
        matrix.append(MatrixRow(card.claim, cells))
    return columns, matrix, total
