"""Consensus for a claim: who makes it, how they word it, what they cite, who contradicts it.

A source *contradicts* a claim when one of its public mentions
- is linked to the claim itself but worded as ``efficacy-null`` ("microdosing is not a cure"), or
- makes an *opposite claim*: for a benefit claim, an efficacy-null claim ("no better than
  placebo") about a shared substance and a shared condition (a condition nested under or above
  one of the claim's counts as shared); for an efficacy-null claim, such a benefit claim.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claims.labels import Certainty, ClaimKind, EvidenceCited

OPPOSITE_KIND = {
    ClaimKind.BENEFIT: ClaimKind.EFFICACY_NULL,
    ClaimKind.EFFICACY_NULL: ClaimKind.BENEFIT,
}


@dataclass
class SourcePosition:
    """How one source makes the claim (it may make it more than once)."""

    source: object
    mentions: list = field(default_factory=list)

    @property
    def strongest_certainty(self) -> Certainty:
        return max((Certainty(m.certainty) for m in self.mentions), key=lambda c: c.strength)

    @property
    def strongest_evidence(self) -> EvidenceCited:
        return EvidenceCited.strongest(m.evidence_cited for m in self.mentions)

    @property
    def overclaims(self) -> list:
        return [m for m in self.mentions if m.is_overclaim]


@dataclass(frozen=True)
class Contradiction:
    mention: object  # a Mention with source (and claim) loaded
    why: str


@dataclass
class Consensus:
    positions: list[SourcePosition]
    certainty_counts: list[tuple[Certainty, int]]  # strongest first, every level
    evidence_counts: list[tuple[EvidenceCited, int]]  # strongest first, only levels used
    overclaims: list
    contradictions: list[Contradiction]

    @property
    def source_count(self) -> int:
        return len(self.positions)

    @property
    def mention_count(self) -> int:
        return sum(len(p.mentions) for p in self.positions)

    @property
    def overclaiming_sources(self) -> int:
        return sum(1 for p in self.positions if p.overclaims)

    @property
    def contradicting_sources(self) -> list:
        seen: dict[int, object] = {}
        for item in self.contradictions:
            seen.setdefault(item.mention.source_id, item.mention.source)
        return list(seen.values())


def build(claim, mentions) -> Consensus:
    """The consensus of ``claim`` from its public ``mentions`` (source loaded).

    Queries: the claim's substances and conditions (none if prefetched), the condition tree and the
    opposite claims' mentions: four at most, whatever the number of mentions.
    """
    from claims.models import Condition, Mention

    mentions = list(mentions)
    positions: dict[int, SourcePosition] = {}
    for mention in mentions:
        positions.setdefault(mention.source_id, SourcePosition(mention.source)).mentions.append(
            mention
        )
    certainty = Counter(m.certainty for m in mentions)
    evidence = Counter(m.evidence_cited for m in mentions)

    contradictions = [
        Contradiction(m, "It is linked to this claim but says it does not work.")
        for m in mentions
        if m.kind == ClaimKind.EFFICACY_NULL and claim.kind != ClaimKind.EFFICACY_NULL
    ]
    opposite = OPPOSITE_KIND.get(claim.kind)
    if opposite:
        substances = {s.pk for s in claim.substances.all()}
        conditions = Condition.objects.related_ids({c.pk for c in claim.conditions.all()})
        if substances and conditions:
            others = (
                Mention.objects.public()
                .filter(
                    claim__kind=opposite,
                    claim__substances__in=substances,
                    claim__conditions__in=conditions,
                )
                .exclude(claim=claim)
                .select_related("source", "claim")
                .distinct()
                .order_by("source__title", "start")
            )
            why = (
                "It makes the opposite claim: “{}”."
                if opposite == ClaimKind.EFFICACY_NULL
                else "It claims a benefit this claim denies: “{}”."
            )
            contradictions += [Contradiction(m, why.format(m.claim.statement)) for m in others]

    return Consensus(
        positions=sorted(positions.values(), key=lambda p: p.source.title.casefold()),
        certainty_counts=[(level, certainty[level.value]) for level in Certainty],
        evidence_counts=[
            (level, evidence[level.value]) for level in reversed(EvidenceCited) if evidence[level]
        ],
        overclaims=[m for m in mentions if m.is_overclaim],
        contradictions=contradictions,
    )
