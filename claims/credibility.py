"""Source credibility: a transparent 0-100 score with its breakdown.

How a source is scored (shown to readers at /sources/credibility/, "How we score sources"):

**Curator-answered items** (66 points), from the JAMA benchmarks for health information on the
web (Silberg, Lundberg & Musacchio, JAMA 1997) and the DISCERN instrument (Charnock et al.,
1999). A curator answers each for the article: *yes* earns the item's full weight, *partly*
half, *no* nothing.

=================  ======  =====================================================
item               weight  source of the item
=================  ======  =====================================================
authorship            8    JAMA: authors, affiliations and credentials
attribution           8    JAMA: references and sources for the content
disclosure            6    JAMA: ownership, sponsorship, commercial interests
currency              6    JAMA: dates of posting and updating
claim_sources        10    DISCERN 4: clear what sources support the claims
risks_described       8    DISCERN 11: risks of each treatment
uncertainty           8    DISCERN 8: areas of uncertainty
balanced              8    DISCERN 6: balanced and unbiased
alternatives          4    DISCERN 14: more than one treatment choice
=================  ======  =====================================================

**Measured items** (34 points), computed from the source's accepted mentions:

- *named studies* (12): the share of mentions that name a study, author, institution, journal or
  year; full marks when at least half do (share / 50%, capped at 1).
- *overclaim rate* (10): the share of mentions flagged by the overclaim rule
  (claims/overclaim.py); full marks at 0%, none at 50% or more (1 - 2 × rate, floored at 0).
- *publisher's overclaim rate* (4): the same rule over every accepted mention of every published
  article of the source's publisher (its record, shown on /publishers/<id>/), scored the same way;
  a source with no publisher named, or whose publisher has nothing published yet, is measured on
  its own mentions.
- *commercial interest* (8): full marks when the publisher sells nothing related to the topic,
  none when it does.

The profiles of certainty wording and of evidence cited are shown beside the score but carry no
weight of their own: hedged wording is not better or worse in itself; what matters is whether the
wording matches the evidence, which the overclaim rate measures.

**Bands** (in the spirit of NewsGuard's): 75-100 high credibility, 60-74 generally credible,
40-59 credible with exceptions, 20-39 low credibility, 0-19 proceed with maximum caution.

A source is *not scored* (``credibility_score`` is NULL) until every curator item is answered and
it has at least one accepted mention: a partial score would mislead.

Keeping it fresh: ``Source.credibility_score`` is stored, and recomputed by
:func:`recompute` when a write calls ``claims.derived.refresh()`` at its end (a mention saved or
deleted, a rubric answer, the source itself, a claim's grade). Each recomputation costs two queries
for any number of sources (one aggregate over the mentions, one read of the rubric answers) plus an
UPDATE per changed score. ``manage.py recompute_credibility`` repairs everything after writes that
bypass the write functions (``QuerySet.update()``, a database shell).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from claims.labels import Certainty, EvidenceCited, ReviewStatus
from claims.models import Mention
from sources.models import Publisher, RubricAnswerValue, RubricItem, Source

# --- published weights -------------------------------------------------------------------------

CURATOR_WEIGHTS: dict[str, int] = {
    RubricItem.AUTHORSHIP: 8,
    RubricItem.ATTRIBUTION: 8,
    RubricItem.DISCLOSURE: 6,
    RubricItem.CURRENCY: 6,
    RubricItem.CLAIM_SOURCES: 10,
    RubricItem.RISKS_DESCRIBED: 8,
    RubricItem.UNCERTAINTY: 8,
    RubricItem.BALANCED: 8,
    RubricItem.ALTERNATIVES: 4,
}
ANSWER_CREDIT: dict[str, float] = {
    RubricAnswerValue.YES: 1.0,
    RubricAnswerValue.PARTLY: 0.5,
    RubricAnswerValue.NO: 0.0,
}
NAMED_STUDY_WEIGHT = 12
NAMED_STUDY_FULL_AT = 0.5  # full marks when half the mentions name a study
OVERCLAIM_WEIGHT = 10
OVERCLAIM_ZERO_AT = 0.5  # no marks when half the mentions overclaim
PUBLISHER_OVERCLAIM_WEIGHT = 4  # the publisher's record, same scale as the source's own rate
COMMERCIAL_WEIGHT = 8

MEASURED_WEIGHT = (
    NAMED_STUDY_WEIGHT + OVERCLAIM_WEIGHT + PUBLISHER_OVERCLAIM_WEIGHT + COMMERCIAL_WEIGHT
)
assert sum(CURATOR_WEIGHTS.values()) + MEASURED_WEIGHT == 100


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str
    meaning: str
    slug: str


BANDS: tuple[Band, ...] = (
    Band(75, 100, "High credibility", "Meets nearly all standards.", "high"),
    Band(60, 74, "Generally credible", "Meets most standards; read critically.", "good"),
    Band(40, 59, "Credible with exceptions", "Fails several standards.", "mixed"),
    Band(20, 39, "Low credibility", "Fails most standards; check claims elsewhere.", "low"),
    Band(0, 19, "Proceed with maximum caution", "Fails nearly all standards.", "very-low"),
)


def band_for(score: int | None) -> Band | None:
    if score is None:
        return None
    return next(band for band in BANDS if band.low <= score <= band.high)


# --- what curators look for --------------------------------------------------------------------

CURATOR_ITEMS: dict[str, dict[str, str]] = {
    RubricItem.AUTHORSHIP: {
        "name": "Authorship",
        "group": "JAMA",
        "help": "JAMA: “Authors and contributors, their affiliations, and relevant credentials "
        "should be provided.”",
    },
    RubricItem.ATTRIBUTION: {
        "name": "Attribution",
        "group": "JAMA",
        "help": "JAMA: “References and sources for all content should be listed clearly, and "
        "all relevant copyright information noted.”",
    },
    RubricItem.DISCLOSURE: {
        "name": "Disclosure",
        "group": "JAMA",
        "help": "JAMA: “Web site ‘ownership’ should be prominently and fully disclosed, as "
        "should any sponsorship, advertising, underwriting, commercial funding arrangements or "
        "support, or potential conflicts of interest.”",
    },
    RubricItem.CURRENCY: {
        "name": "Currency",
        "group": "JAMA",
        "help": "JAMA: “The dates that content was posted and updated should be indicated.”",
    },
    RubricItem.CLAIM_SOURCES: {
        "name": "Sources of claims",
        "group": "DISCERN",
        "help": "DISCERN 4: “Is it clear what sources of information were used to compile the "
        "publication?” Look for a way to check the sources: references, named studies, the "
        "experts or organisations quoted.",
    },
    RubricItem.RISKS_DESCRIBED: {
        "name": "Risks described",
        "group": "DISCERN",
        "help": "DISCERN 11: “Does it describe the risks of each treatment?” Look for side "
        "effects, contraindications and interactions, not a passing mention.",
    },
    RubricItem.UNCERTAINTY: {
        "name": "Uncertainty acknowledged",
        "group": "DISCERN",
        "help": "DISCERN 8: “Does it refer to areas of uncertainty?” Look for gaps in knowledge "
        "or differences in expert opinion, said where the claims are made.",
    },
    RubricItem.BALANCED: {
        "name": "Balanced",
        "group": "DISCERN",
        "help": "DISCERN 6: “Is it balanced and unbiased?” Be wary if it focuses on the "
        "advantages of one choice, or leaves out evidence against it (e.g. null placebo-"
        "controlled trials).",
    },
    RubricItem.ALTERNATIVES: {
        "name": "Alternatives mentioned",
        "group": "DISCERN",
        "help": "DISCERN 14: “Is it clear that there may be more than one possible treatment "
        "choice?” Look for other options described as options, not only as foils.",
    },
}

MEASURED_ITEMS: dict[str, dict[str, str]] = {
    "named_study": {
        "name": "Named studies",
        "help": "Share of the source's claims that name a study, author, institution, journal or "
        "year. Full marks when at least half do.",
    },
    "overclaim_rate": {
        "name": "Overclaim rate",
        "help": "Share of the source's claims worded more certainly than the evidence grade or "
        "the evidence it cites allows. Full marks at 0%, none at 50% or more.",
    },
    "publisher_overclaim_rate": {
        "name": "Publisher's overclaim rate",
        "help": "Share of the claims in all the publisher's published articles that are worded "
        "more certainly than the evidence allows: an outlet's habit, not one article's slip. Full "
        "marks at 0%, none at 50% or more; with no publisher named, the article's own rate.",
    },
    "commercial_interest": {
        "name": "Commercial interest",
        "help": "Whether the publisher sells products or services related to the topic. Full "
        "marks when it does not.",
    },
}


# --- the breakdown -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemScore:
    key: str
    name: str
    group: str  # JAMA, DISCERN or Measured
    weight: int
    points: float | None  # None: not answered / not measurable
    value: str  # what the reader sees: "Yes", "Partly", "3 of 52 (6%)"
    note: str
    help: str
    answer: str = ""  # yes / partly / no for curator items

    @property
    def points_display(self) -> str:
        if self.points is None:
            return "–"
        return f"{self.points:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class ProfileBar:
    value: str
    label: str
    count: int
    percent: int


@dataclass
class Credibility:
    items: list[ItemScore]
    certainty_profile: list[ProfileBar]
    evidence_profile: list[ProfileBar]
    mentions: int
    named: int
    overclaims: int
    missing: list[str] = field(default_factory=list)

    @property
    def score(self) -> int | None:
        if self.missing:
            return None
        return round(sum(item.points or 0 for item in self.items))

    @property
    def band(self) -> Band | None:
        return band_for(self.score)

    @property
    def curator_items(self) -> list[ItemScore]:
        return [item for item in self.items if item.group != "Measured"]

    @property
    def measured_items(self) -> list[ItemScore]:
        return [item for item in self.items if item.group == "Measured"]

    @property
    def certainty_summary(self) -> str:
        """“established 12, probable 1, possible 20, anecdotal 18”."""
        return ", ".join(f"{bar.label.lower()} {bar.count}" for bar in self.certainty_profile)

    @property
    def evidence_summary(self) -> str:
        """The evidence levels used, strongest first: “clinical trial 3, none 14”."""
        used = [bar for bar in self.evidence_profile if bar.count]
        return ", ".join(f"{bar.label.lower()} {bar.count}" for bar in used) or "none"

    def item(self, key: str) -> ItemScore:
        return next(item for item in self.items if item.key == key)


def stat_counts(prefix: str = "") -> dict[str, Count]:
    """Count expressions for a source's accepted mentions: total, named, overclaims and one per
    certainty and evidence level. ``prefix`` is ``"mentions__"`` when annotating sources."""
    accepted = Q(**{f"{prefix}status": ReviewStatus.ACCEPTED})
    pk = f"{prefix}pk" if prefix else "pk"
    counts = {
        "cred_total": Count(pk, filter=accepted),
        "cred_named": Count(pk, filter=accepted & Q(**{f"{prefix}cites_named_study": True})),
        "cred_over": Count(pk, filter=accepted & Q(**{f"{prefix}is_overclaim": True})),
    }
    for level in Certainty:
        counts[f"cred_c_{level.name}"] = Count(
            pk, filter=accepted & Q(**{f"{prefix}certainty": level.value})
        )
    for level in EvidenceCited:
        counts[f"cred_e_{level.name}"] = Count(
            pk, filter=accepted & Q(**{f"{prefix}evidence_cited": level.value})
        )
    return counts


def with_credibility(sources: QuerySet[Source]) -> QuerySet[Source]:
    """``sources`` with what :func:`assess` needs loaded in two queries in all: mention counts as
    annotations and the rubric answers prefetched (for lists and comparisons)."""
    return with_publisher_record(sources.annotate(**stat_counts("mentions__"))).prefetch_related(
        "rubric_answers"
    )


def with_publisher_record(sources: QuerySet[Source]) -> QuerySet[Source]:
    """``sources`` annotated with their publisher's record (``pub_total`` accepted mentions,
    ``pub_over`` overclaims, across its published articles): a subquery per row, so
    :func:`assess` needs no query of its own for it."""
    return sources.annotate(
        **{
            name: Subquery(
                Publisher.objects.filter(pk=OuterRef("publisher_id")).annotate(n=c).values("n")
            )
            for name, c in publisher_counts().items()
        }
    )


def with_breakdowns(sources) -> list[Source]:
    """Evaluate ``sources`` (from :func:`with_credibility`) and set each one's ``credibility``
    attribute to its breakdown, which the templates show (sources/_credibility.html). No query
    beyond the two of ``with_credibility``."""
    rows = list(sources)
    for source in rows:
        source.credibility = assess(source)
    return rows


def mention_stats(source) -> dict[str, int]:
    """The counts of :func:`stat_counts` for one source: from ``with_credibility()`` annotations
    when present, else one aggregate query."""
    names = stat_counts().keys()
    if all(hasattr(source, name) for name in names):
        return {name: getattr(source, name) for name in names}
    return Mention.objects.filter(source_id=source.pk).aggregate(**stat_counts())


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def measured_item(key: str, weight: int, points: float | None, value: str) -> ItemScore:
    """One measured item of the breakdown (points None: cannot be measured yet)."""
    about = MEASURED_ITEMS[key]
    return ItemScore(
        key=key,
        name=about["name"],
        group="Measured",
        weight=weight,
        points=points,
        value=value,
        note="",
        help=about["help"],
    )


def publisher_counts(prefix: str = "") -> dict[str, Count]:
    """Count expressions for a publisher's record: accepted mentions of its published articles
    (``pub_total``) and how many overclaim (``pub_over``). ``prefix`` reaches the publisher."""
    mentions = f"{prefix}sources__mentions"
    public = Q(**{f"{prefix}sources__status": "published", f"{mentions}__status": "accepted"})
    return {
        "pub_total": Count(mentions, filter=public),
        "pub_over": Count(mentions, filter=public & Q(**{f"{mentions}__is_overclaim": True})),
    }


def publisher_record(source) -> tuple[int, int] | None:
    """(overclaims, mentions) across the source's publisher's published articles, or None when
    no publisher is named. From ``with_credibility()`` annotations, else one aggregate query."""
    if not source.publisher_id:
        return None
    if hasattr(source, "pub_total"):
        return source.pub_over or 0, source.pub_total or 0
    row = Publisher.objects.filter(pk=source.publisher_id).aggregate(**publisher_counts())
    return row["pub_over"], row["pub_total"]


def publisher_item(source, own_over: int, own_total: int) -> ItemScore:
    record = publisher_record(source)
    if record and record[1]:
        over, total = record
        value = (
            f"{over} of {total} claims across the publisher's articles ({percent(over, total)}%)"
        )
    else:
        over, total = own_over, own_total
        reason = "no publisher named" if record is None else "nothing else published yet"
        value = f"{reason}: this article's own {over} of {total} ({percent(over, total)}%)"
    rate = over / total if total else 0.0
    points = PUBLISHER_OVERCLAIM_WEIGHT * max(0.0, 1 - rate / OVERCLAIM_ZERO_AT)
    return measured_item(
        "publisher_overclaim_rate",
        PUBLISHER_OVERCLAIM_WEIGHT,
        round(points, 1) if total else None,
        value,
    )


def assess(source) -> Credibility:
    """The credibility breakdown of ``source``.

    Costs up to two queries (rubric answers, mention aggregate), none when the source comes from
    :func:`with_credibility`.
    """
    stats = mention_stats(source)
    answers = {answer.item: answer for answer in source.rubric_answers.all()}
    items: list[ItemScore] = []
    missing: list[str] = []

    unanswered = []
    for key, weight in CURATOR_WEIGHTS.items():
        meta = CURATOR_ITEMS[key]
        answer = answers.get(key)
        if answer is None:
            unanswered.append(meta["name"])
        items.append(
            ItemScore(
                key=str(key),
                name=meta["name"],
                group=meta["group"],
                weight=weight,
                points=None if answer is None else weight * ANSWER_CREDIT[answer.answer],
                value="Not answered" if answer is None else answer.get_answer_display(),
                note="" if answer is None else answer.note,
                help=meta["help"],
                answer="" if answer is None else answer.answer,
            )
        )
    if unanswered:
        missing.append(
            f"{len(unanswered)} curator item{'s' if len(unanswered) > 1 else ''} not answered "
            f"yet: {', '.join(unanswered)}."
        )

    total, named, over = stats["cred_total"], stats["cred_named"], stats["cred_over"]
    if not total:
        missing.append("No accepted claims yet: named studies and overclaims cannot be measured.")
    named_share = named / total if total else 0.0
    over_rate = over / total if total else 0.0
    items += [
        measured_item(
            "named_study",
            NAMED_STUDY_WEIGHT,
            round(NAMED_STUDY_WEIGHT * min(1.0, named_share / NAMED_STUDY_FULL_AT), 1)
            if total
            else None,
            f"{named} of {total} claims ({percent(named, total)}%)",
        ),
        measured_item(
            "overclaim_rate",
            OVERCLAIM_WEIGHT,
            round(OVERCLAIM_WEIGHT * max(0.0, 1 - over_rate / OVERCLAIM_ZERO_AT), 1)
            if total
            else None,
            f"{over} of {total} claims ({percent(over, total)}%)",
        ),
        publisher_item(source, over, total),
        measured_item(
            "commercial_interest",
            COMMERCIAL_WEIGHT,
            0.0 if source.commercial_interest else float(COMMERCIAL_WEIGHT),
            "Sells related products or services" if source.commercial_interest else "None",
        ),
    ]
    return Credibility(
        items=items,
        certainty_profile=[
            ProfileBar(
                level.value,
                level.label,
                stats[f"cred_c_{level.name}"],
                percent(stats[f"cred_c_{level.name}"], total),
            )
            for level in Certainty
        ],
        evidence_profile=[
            ProfileBar(
                level.value,
                level.label,
                stats[f"cred_e_{level.name}"],
                percent(stats[f"cred_e_{level.name}"], total),
            )
            for level in reversed(EvidenceCited)  # strongest first
        ],
        mentions=total,
        named=named,
        overclaims=over,
        missing=missing,
    )


# --- keeping the stored score fresh ------------------------------------------------------------


def recompute(source_ids: Iterable[int]) -> dict[int, int | None]:
    """Recompute and store the score of these sources; returns {source id: new score} for the
    sources whose stored score changed. Two queries for any number of sources, plus one UPDATE
    per changed source."""
    ids = {pk for pk in source_ids if pk is not None}
    if not ids:
        return {}
    # A source's mentions move its publisher's record, which every sibling article is scored on.
    ids |= set(
        Source.objects.filter(
            publisher__in=Source.objects.filter(pk__in=ids).values("publisher_id")
        ).values_list("pk", flat=True)
    )
    changed: dict[int, int | None] = {}
    for source in with_credibility(Source.objects.filter(pk__in=ids)):
        score = assess(source).score
        if score != source.credibility_score:
            # update(), not save(): no history row for a derived value.
            Source.objects.filter(pk=source.pk).update(credibility_score=score)
            changed[source.pk] = score
    return changed
