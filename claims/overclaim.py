"""The overclaim rule: is a mention's wording more certain than its support?

A mention is an *overclaim* when the certainty of its wording is stronger than what licenses it.
Two independent checks, each giving one sentence when it fails (a mention may fail both):

1. **The claim's evidence grade** (GRADE's guidance on communicating findings: high certainty
   licenses "results in", moderate "likely", low "may", very low "very uncertain"):

   ======================  ==========================================  =====================
   grade of the claim      strongest wording it licenses               overclaim when
   ======================  ==========================================  =====================
   high                    established ("results in", "studies show")  never
   moderate                probable ("likely", "suggests")             established
   low                     possible ("may", "might")                   established, probable
   very low                possible, hedged ("very uncertain")         established, probable
   not assessed            (no check: judged on the evidence cited)    never
   ======================  ==========================================  =====================

   Our certainty scale has no level weaker than ``possible`` for a claim the article makes in
   its own voice, so very low licenses the same wording as low; the reason says "very uncertain".

2. **The evidence the article itself cites for the sentence**, checked whenever the claim's
   grade is not high (so always for a claim not yet assessed). Only ``established`` wording
   ("X reduces Y", "studies show X", "X is proven to") asserts that the matter is settled, and
   only a randomised controlled trial or a systematic review/meta-analysis can settle an effect.
   So ``established`` wording is an overclaim when the strongest evidence cited is:

   - ``none``, ``anecdotal`` or ``expert-opinion``: nothing that tests the claim is cited;
   - ``unspecified-research`` ("studies show", "research has found"): research is invoked with
     no design or study a reader could check, so it cannot support "settled" wording (decided
     here: this is the most common form of overclaim in health writing);
   - ``preclinical``: animal or cell studies do not establish an effect in people;
   - ``survey-observational``: surveys and observational studies cannot establish cause;
   - ``clinical-trial``: an open-label, pilot or uncontrolled trial (or one of unstated design)
     cannot separate the effect from expectancy and placebo, which are large for microdosing
     (decided here).

   Hedged wording (``probable``, ``possible``) and ``anecdotal`` wording (attributed to users'
   reports) are never overclaims on this side: they do not claim more than the article shows.
   (Decided here: "X likely does Y" with no evidence cited is thin, but it is not dishonest about
   its certainty; the grade check still catches it when the claim's grade is low.)

   Decided here: when the claim's grade is **high**, the evidence that settles it exists, so
   stating it as fact is honest even if this article cites nothing ("psychedelics act on 5-HT2A
   receptors"); the missing citation is an attribution failing, counted by the credibility
   rubric (attribution, named studies), not an overclaim.

``anecdotal`` wording ("users report ...") is never an overclaim: it reports what people say.

The rule is a pure function, :func:`overclaim_reasons`; the stored fields
``Mention.is_overclaim`` / ``Mention.overclaim_reasons`` are kept right by ``Mention.save()``,
and for the mentions a write changes without saving them (a claim's grade) by
``claims.derived.refresh(mentions=...)`` at the end of that write; ``manage.py
recompute_credibility`` repairs them all.
"""

from __future__ import annotations

from claims.labels import Certainty, EvidenceCited, Grade

# The strongest certainty each grade licenses (None: no check).
GRADE_LICENSES: dict[str, Certainty | None] = {
    Grade.HIGH: Certainty.ESTABLISHED,
    Grade.MODERATE: Certainty.PROBABLE,
    Grade.LOW: Certainty.POSSIBLE,
    Grade.VERY_LOW: Certainty.POSSIBLE,
    Grade.NOT_ASSESSED: None,
}

# GRADE's own wording for each grade, quoted in the reasons.
GRADE_WORDING: dict[str, str] = {
    Grade.HIGH: "“results in”",
    Grade.MODERATE: "“likely”",
    Grade.LOW: "“may”",
    Grade.VERY_LOW: "“very uncertain”",
}

# Evidence cited that can carry established ("settled") wording.
SETTLES: frozenset[str] = frozenset({EvidenceCited.RCT, EvidenceCited.SYSTEMATIC_REVIEW})

# Why each other kind of evidence cannot carry established wording.
WHY_NOT_SETTLED: dict[str, str] = {
    EvidenceCited.NONE: "the article cites no evidence for it",
    EvidenceCited.ANECDOTAL: "the article cites only anecdotes (people's reports) for it",
    EvidenceCited.EXPERT_OPINION: "the article cites only expert opinion for it",
    EvidenceCited.UNSPECIFIED_RESEARCH: (
        "the article invokes research without saying what kind of study it was"
    ),
    EvidenceCited.PRECLINICAL: (
        "the article cites only animal or cell studies, which do not establish an effect in people"
    ),
    EvidenceCited.SURVEY_OBSERVATIONAL: (
        "the article cites only surveys or observational studies, which cannot establish cause"
    ),
    EvidenceCited.CLINICAL_TRIAL: (
        "the article cites only an uncontrolled, open-label or pilot trial, which cannot separate "
        "the effect from placebo and expectancy"
    ),
}


def overclaim_reasons(certainty: str, evidence_cited: str, grade: str | None) -> list[str]:
    """Why a mention with this wording, evidence cited and claim grade is an overclaim.

    ``grade`` is the linked claim's grade, or None for a mention not linked to a claim (treated
    as not assessed). Returns one sentence per failed check; an empty list means no overclaim.
    Pure: no database access.
    """
    certainty = Certainty(certainty)
    evidence = EvidenceCited(evidence_cited)
    grade = Grade(grade or Grade.NOT_ASSESSED)
    wording = certainty.label.lower()
    reasons: list[str] = []

    licensed = GRADE_LICENSES[grade]
    if licensed is not None and certainty.strength > licensed.strength:
        reasons.append(
            f"Worded as {wording}, but the evidence for this claim is graded "
            f"{grade.label.lower()}, which licenses at most {licensed.label.lower()} wording "
            f"({GRADE_WORDING[grade]})."
        )

    if certainty == Certainty.ESTABLISHED and grade != Grade.HIGH and evidence not in SETTLES:
        reasons.append(
            f"Worded as established, but {WHY_NOT_SETTLED[evidence]}; only a randomised trial "
            "or a systematic review can settle an effect."
        )
    return reasons
