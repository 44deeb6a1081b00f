"""Comparing sources side by side: the form that validates ``?ids=``, and what the page shows."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from claims.browse import highlight
from claims.credibility import with_breakdowns, with_credibility
from claims.models import Mention
from sources.models import Source

MAX_COMPARED = 6


class SourceChoiceField(forms.TypedMultipleChoiceField):
    def to_python(self, value):
        # "?ids=" (an empty box) means nothing chosen, not a source called "".
        return [v for v in super().to_python(value) if v.strip()]


class CompareForm(forms.Form):
    ids = SourceChoiceField(
        coerce=int,
        label="Sources to compare",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least two sources to compare.",
            "invalid_choice": "There is no published source number %(value)s.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [
            (str(pk), title) for pk, title in Source.objects.published().values_list("pk", "title")
        ]

    def clean_ids(self) -> list[int]:
        ids = list(dict.fromkeys(self.cleaned_data["ids"]))  # keep order, drop repeats
        if len(ids) < 2:
            raise forms.ValidationError("Tick at least two different sources to compare.")
        if len(ids) > MAX_COMPARED:
            raise forms.ValidationError(f"Compare at most {MAX_COMPARED} sources at a time.")
        return ids


ROW_HEIGHT = 20
LABEL_WIDTH = 130
BAR_WIDTH = 100
PATTERNS = 4  # solid, diagonal lines, dots, horizontal lines (see _profile_chart.html)


@dataclass(frozen=True)
class ChartRow:
    label: str
    count: int
    percent: int
    y: int
    width: int
    pattern: int


@dataclass(frozen=True)
class Chart:
    """A profile as a horizontal bar chart: every row carries its label and value as text."""

    chart_id: str
    title: str
    rows: list[ChartRow]

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.rows)

    @property
    def desc(self) -> str:
        return "; ".join(f"{row.label}: {row.count} ({row.percent}%)" for row in self.rows)

    label_width = LABEL_WIDTH
    value_x = LABEL_WIDTH + BAR_WIDTH + 6
    total_width = LABEL_WIDTH + BAR_WIDTH + 62


SHORT_LABELS = {
    "systematic-review": "Systematic review",
    "rct": "Randomised trial",
    "clinical-trial": "Other clinical trial",
    "survey-observational": "Survey/observational",
    "preclinical": "Animal or cell",
    "unspecified-research": "Unspecified research",
}


def chart(chart_id: str, title: str, bars) -> Chart:
    return Chart(
        chart_id=chart_id,
        title=title,
        rows=[
            ChartRow(
                label=SHORT_LABELS.get(bar.value, bar.label),
                count=bar.count,
                percent=bar.percent,
                y=index * ROW_HEIGHT,
                width=round(BAR_WIDTH * bar.percent / 100),
                pattern=index % PATTERNS,
            )
            for index, bar in enumerate(bars)
        ],
    )


@dataclass
class SharedClaim:
    claim: object
    by_source: list[list]  # one list of mentions per compared source, in column order

    @property
    def source_count(self) -> int:
        return sum(1 for mentions in self.by_source if mentions)


@dataclass
class Comparison:
    sources: list[Source]
    rows: list[tuple[object, list]]  # (first column's ItemScore, [ItemScore per source])
    shared: list[SharedClaim]
    certainty_charts: list[Chart]
    evidence_charts: list[Chart]


def compare(ids: list[int]) -> Comparison:
    """Everything the compare page shows, in three queries: the sources with their counts, their
    rubric answers, and their public mentions with claims."""
    found = with_breakdowns(
        with_credibility(Source.objects.published().filter(pk__in=ids).select_related("publisher"))
    )
    by_pk = {s.pk: s for s in found}
    sources = [by_pk[pk] for pk in ids if pk in by_pk]
    creds = [source.credibility for source in sources]
    rows = [
        (item, [cred.items[index] for cred in creds]) for index, item in enumerate(creds[0].items)
    ]

    column = {source.pk: index for index, source in enumerate(sources)}
    claims: dict[int, SharedClaim] = {}
    mentions = (
        Mention.objects.public()
        .filter(source__in=sources)
        .select_related("claim")
        .order_by("claim__statement", "source_id", "start")
    )
    for mention in mentions:
        # The quote escaped, its hedge cues in <mark> (as on the claim page).
        mention.quote_html = highlight(mention.quote, mention.hedge_cues or [], "hedge")
        shared = claims.setdefault(
            mention.claim_id, SharedClaim(mention.claim, [[] for _ in sources])
        )
        shared.by_source[column[mention.source_id]].append(mention)
    shared = [claim for claim in claims.values() if claim.source_count >= 2]
    shared.sort(key=lambda c: (-c.source_count, c.claim.statement.casefold()))
    return Comparison(
        sources=sources,
        rows=rows,
        shared=shared,
        certainty_charts=[
            chart(f"certainty-{s.pk}", f"Wording of claims in “{s.title}”", c.certainty_profile)
            for s, c in zip(sources, creds, strict=True)
        ],
        evidence_charts=[
            chart(f"evidence-{s.pk}", f"Evidence cited in “{s.title}”", c.evidence_profile)
            for s, c in zip(sources, creds, strict=True)
        ],
    )
