"""The label sets of DESIGN.md, shared by models, the extractor, filters and templates.

Values are the exact slugs of DESIGN.md; their order is meaningful (strongest first) where a
``rank`` helper says so.
"""

from django.db import models


class Certainty(models.TextChoices):
    """How certain the article's wording is. When two cues apply, the weaker wins."""

    ESTABLISHED = "established", "Established"
    PROBABLE = "probable", "Probable"
    POSSIBLE = "possible", "Possible"
    ANECDOTAL = "anecdotal", "Anecdotal"

    @property
    def strength(self) -> int:
        """3 for established down to 0 for anecdotal."""
        return {"established": 3, "probable": 2, "possible": 1, "anecdotal": 0}[self.value]

    @classmethod
    def weakest(cls, values) -> "Certainty | None":
        members = [cls(v) for v in values]
        return min(members, key=lambda m: m.strength) if members else None


class EvidenceCited(models.TextChoices):
    """The evidence an article cites for a claim. When several apply, the strongest counts."""

    NONE = "none", "None"
    ANECDOTAL = "anecdotal", "Anecdotal"
    EXPERT_OPINION = "expert-opinion", "Expert opinion"
    UNSPECIFIED_RESEARCH = "unspecified-research", "Unspecified research"
    PRECLINICAL = "preclinical", "Preclinical (animal or cell)"
    SURVEY_OBSERVATIONAL = "survey-observational", "Survey or observational"
    CLINICAL_TRIAL = "clinical-trial", "Clinical trial"
    RCT = "rct", "Randomised controlled trial"
    SYSTEMATIC_REVIEW = "systematic-review", "Systematic review or meta-analysis"

    @property
    def strength(self) -> int:
        """0 for none up to 8 for systematic-review: the order of DESIGN.md."""
        return list(EvidenceCited).index(self)

    @classmethod
    def strongest(cls, values) -> "EvidenceCited":
        members = [cls(v) for v in values]
        return max(members, key=lambda m: m.strength) if members else cls.NONE


class ClaimKind(models.TextChoices):
    BENEFIT = "benefit", "Benefit"
    MECHANISM = "mechanism", "Mechanism"
    RISK = "risk", "Risk"
    DOSING = "dosing", "Dosing"
    EFFICACY_NULL = "efficacy-null", "No effect / no better than placebo"


class Grade(models.TextChoices):
    """GRADE certainty of the evidence that exists for a claim, curated by an editor."""

    HIGH = "high", "High"
    MODERATE = "moderate", "Moderate"
    LOW = "low", "Low"
    VERY_LOW = "very-low", "Very low"
    NOT_ASSESSED = "not-assessed", "Not assessed"

    @property
    def strength(self) -> int | None:
        """3 for high down to 0 for very low; None when not assessed."""
        return {"high": 3, "moderate": 2, "low": 1, "very-low": 0}.get(self.value)


class ReviewStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
