"""The API's response and parameter shapes (pydantic, through ninja): the OpenAPI schema at
/api/schema/ is generated from these classes, so they are the contract."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from claims.filters import GRADE_CHOICES, SORT_CHOICES
from claims.labels import Certainty, ClaimKind, EvidenceCited, Grade
from sources.models import SourceType

# Literal types from the label sets, so the schema lists the allowed values.
CertaintyValue = Literal[tuple(Certainty.values)]  # type: ignore[valid-type]
EvidenceValue = Literal[tuple(EvidenceCited.values)]  # type: ignore[valid-type]
KindValue = Literal[tuple(ClaimKind.values)]  # type: ignore[valid-type]
GradeValue = Literal[tuple(Grade.values)]  # type: ignore[valid-type]
MinimumGrade = Literal[tuple(value for value, _ in GRADE_CHOICES)]  # type: ignore[valid-type]
SourceTypeValue = Literal[tuple(SourceType.values)]  # type: ignore[valid-type]
SortValue = Literal[tuple(value for value, _ in SORT_CHOICES if value)]  # type: ignore[valid-type]
Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]+$", max_length=64)]
Id = Annotated[int, Field(ge=1, le=10**18)]


class Error(Schema):
    detail: str = Field(description="What was wrong with the request, in words.")


class ValidationErrorOut(Schema):
    detail: list[dict] = Field(
        description="One entry per invalid parameter: loc (where), msg (what), type."
    )


# --- parameters ----------------------------------------------------------------------------------


class ClaimFilters(Schema):
    """The claims browser's filters, with its semantics: a claim is listed when any of its public
    mentions passes every filter; several values of one filter are alternatives (OR), different
    filters must all hold (AND); a parent condition includes the conditions nested under it."""

    q: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        None,
        description="Words to find in claims and quotes (websearch syntax on PostgreSQL).",
        examples=["default mode network"],
    )
    condition: list[Slug] = Field(
        default_factory=list, description="Condition slugs (OR).", examples=[["depression"]]
    )
    substance: list[Slug] = Field(
        default_factory=list, description="Substance slugs (OR).", examples=[["psilocybin"]]
    )
    grade: MinimumGrade | None = Field(None, description="Evidence grade at least this strong.")
    certainty: list[CertaintyValue] = Field(
        default_factory=list, description="Certainty of the wording (OR)."
    )
    kind: list[KindValue] = Field(default_factory=list, description="Kind of claim (OR).")
    source: list[Id] = Field(default_factory=list, description="Source ids (OR).")
    source_type: list[SourceTypeValue] = Field(
        default_factory=list, description="Type of source (OR)."
    )
    overclaim: bool | None = Field(
        None, description="true: only mentions worded more certainly than the evidence allows."
    )

    def as_params(self) -> dict[str, list[str]]:
        """The filters as the browser's GET parameters (only those given)."""
        params: dict[str, list[str]] = {}
        for name, value in self.model_dump().items():
            if value in (None, "", []):
                continue
            if isinstance(value, bool):
                if value:
                    params[name] = ["true"]
                continue
            values = value if isinstance(value, list) else [value]
            params[name] = [str(v) for v in values]
        return params


# --- vocabularies and publishers -------------------------------------------------------------


class SubstanceOut(Schema):
    slug: str
    name: str
    aliases: list[str]
    description: str


class ConditionOut(Schema):
    slug: str
    name: str
    aliases: list[str]
    description: str
    parent: str | None = Field(description="Slug of the broader condition, if any.")


class PublisherRef(Schema):
    id: int
    name: str


class PublisherOut(Schema):
    id: int
    name: str
    website: str
    description: str
    sources: int = Field(description="Published sources from this publisher.")


class PublisherPage(Schema):
    results: list[PublisherOut]
    next_cursor: str | None


# --- sources ----------------------------------------------------------------------------------


class SourceRef(Schema):
    id: int
    title: str
    url: str
    publisher: PublisherRef | None
    source_type: SourceTypeValue
    credibility_score: int | None = Field(description="0-100; null until it can be scored.")
    html_url: str


class SourceOut(SourceRef):
    author: str
    published_on: datetime.date | None
    commercial_interest: bool
    word_count: int
    credibility_band: str | None


class SourcePage(Schema):
    results: list[SourceOut]
    next_cursor: str | None


class CredibilityItemOut(Schema):
    key: str
    name: str
    group: str = Field(description="JAMA, DISCERN or Measured.")
    weight: int
    points: float | None = Field(description="null: not answered, or cannot be measured yet.")
    value: str
    note: str
    answer: str = Field(description="yes, partly or no for curator items; empty otherwise.")


class ProfileBarOut(Schema):
    value: str
    label: str
    count: int
    percent: int


class BandOut(Schema):
    slug: str
    label: str
    meaning: str
    low: int
    high: int


class CredibilityOut(Schema):
    score: int | None
    band: BandOut | None
    items: list[CredibilityItemOut]
    certainty_profile: list[ProfileBarOut]
    evidence_profile: list[ProfileBarOut]
    mentions: int
    named: int = Field(description="Mentions naming a study.")
    overclaims: int
    missing: list[str] = Field(description="Why the source is not scored yet, if it is not.")


class SourceDetail(SourceOut):
    credibility: CredibilityOut


# --- mentions ---------------------------------------------------------------------------------


class MentionOut(Schema):
    id: int
    claim: str = Field(description="Slug of the canonical claim.")
    source: SourceRef
    quote: str = Field(description="The sentence exactly as in the source text.")
    start: int = Field(description="Offset of the quote's first character in the source text.")
    end: int = Field(description="Offset just after the quote's last character.")
    kind: KindValue
    certainty: CertaintyValue
    hedge_cues: list[str] = Field(description="The exact words that set the certainty.")
    evidence_cited: EvidenceValue
    cites_named_study: bool = Field(
        description="A study, author, institution, journal, year or agency is named."
    )
    is_overclaim: bool
    overclaim_reasons: list[str]
    substances: list[str]
    conditions: list[str]
    html_url: str


class MentionPage(Schema):
    results: list[MentionOut]
    next_cursor: str | None


# --- claims -----------------------------------------------------------------------------------


class ClaimOut(Schema):
    slug: str
    statement: str
    kind: KindValue
    grade: GradeValue
    source_count: int
    mention_count: int
    certainty: dict[str, int] = Field(description="Public mentions per certainty level.")
    substances: list[str]
    conditions: list[str]
    html_url: str
    api_url: str


class ClaimPage(Schema):
    count: int = Field(description="Claims matching the filters.")
    results: list[ClaimOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page.")


class FacetOption(Schema):
    value: str
    label: str
    depth: int = Field(description="Nesting depth (conditions).")
    count: int = Field(description="Claims this option would give with the other filters.")
    selected: bool


class Facet(Schema):
    name: str
    heading: str
    single: bool = Field(description="Only one value may be chosen.")
    options: list[FacetOption]


class ContradictionOut(Schema):
    mention: int
    source: int
    source_title: str
    claim: str
    why: str


class ConsensusOut(Schema):
    source_count: int
    mention_count: int
    overclaiming_sources: int
    certainty: dict[str, int]
    evidence_cited: dict[str, int]
    contradictions: list[ContradictionOut]


class ClaimDetail(ClaimOut):
    grade_rationale: str
    consensus: ConsensusOut
    mentions: list[MentionOut]
    claimreview_url: str
