"""Model objects to the plain dicts of claims.api.schemas. No queries: callers load what is
used (``select_related`` / ``prefetch_related``), so a page costs the same queries at any size."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from claims.credibility import band_for
from claims.labels import Certainty


def publisher_ref(publisher) -> dict | None:
    return None if publisher is None else {"id": publisher.pk, "name": publisher.name}


def source_ref(source, request: HttpRequest) -> dict:
    return {
        "id": source.pk,
        "title": source.title,
        "url": source.url,
        "publisher": publisher_ref(source.publisher),
        "source_type": source.source_type,
        "credibility_score": source.credibility_score,
        "html_url": request.build_absolute_uri(source.get_absolute_url()),
    }


def source_out(source, request: HttpRequest) -> dict:
    band = band_for(source.credibility_score)
    return {
        **source_ref(source, request),
        "author": source.author,
        "published_on": source.published_on,
        "commercial_interest": source.commercial_interest,
        "word_count": source.word_count,
        "credibility_band": band.label if band else None,
    }


def credibility_out(credibility) -> dict:
    band = credibility.band
    return {
        "score": credibility.score,
        "band": None
        if band is None
        else {
            "slug": band.slug,
            "label": band.label,
            "meaning": band.meaning,
            "low": band.low,
            "high": band.high,
        },
        "items": [
            {
                "key": item.key,
                "name": item.name,
                "group": item.group,
                "weight": item.weight,
                "points": item.points,
                "value": item.value,
                "note": item.note,
                "answer": item.answer,
            }
            for item in credibility.items
        ],
        "certainty_profile": [bar.__dict__ for bar in credibility.certainty_profile],
        "evidence_profile": [bar.__dict__ for bar in credibility.evidence_profile],
        "mentions": credibility.mentions,
        "named": credibility.named,
        "overclaims": credibility.overclaims,
        "missing": list(credibility.missing),
    }


def mention_out(mention, request: HttpRequest) -> dict:
    """A mention with claim (slug), source, publisher, substances and conditions loaded."""
    return {
        "id": mention.pk,
        "claim": mention.claim.slug,
        "source": source_ref(mention.source, request),
        "quote": mention.quote,
        "start": mention.start,
        "end": mention.end,
        "kind": mention.kind,
        "certainty": mention.certainty,
        "hedge_cues": list(mention.hedge_cues or []),
        "evidence_cited": mention.evidence_cited,
        "cites_named_study": mention.cites_named_study,
        "is_overclaim": mention.is_overclaim,
        "overclaim_reasons": list(mention.overclaim_reasons or []),
        "substances": sorted(s.slug for s in mention.substances.all()),
        "conditions": sorted(c.slug for c in mention.conditions.all()),
        "html_url": request.build_absolute_uri(mention.get_absolute_url()),
    }


def claim_out(claim, request: HttpRequest, *, mentions: list | None = None) -> dict:
    """A claim with substances and conditions prefetched, and either the reader statistics of
    ``claims.views.with_reader_stats`` annotated or its public ``mentions`` given."""
    if mentions is None:
        sources = claim.n_sources
        count = claim.n_mentions
        certainty = {c.value: getattr(claim, f"n_{c.value}", 0) for c in Certainty}
    else:
        sources = len({m.source_id for m in mentions})
        count = len(mentions)
        certainty = {c.value: sum(1 for m in mentions if m.certainty == c) for c in Certainty}
    return {
        "slug": claim.slug,
        "statement": claim.statement,
        "kind": claim.kind,
        "grade": claim.grade,
        "source_count": sources,
        "mention_count": count,
        "certainty": certainty,
        "substances": sorted(s.slug for s in claim.substances.all()),
        "conditions": sorted(c.slug for c in claim.conditions.all()),
        "html_url": request.build_absolute_uri(claim.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api:claim", args=[claim.slug])),
    }


def consensus_out(consensus) -> dict:
    return {
        "source_count": consensus.source_count,
        "mention_count": consensus.mention_count,
        "overclaiming_sources": consensus.overclaiming_sources,
        "certainty": {level.value: n for level, n in consensus.certainty_counts},
        "evidence_cited": {level.value: n for level, n in consensus.evidence_counts},
        "contradictions": [
            {
                "mention": item.mention.pk,
                "source": item.mention.source_id,
                "source_title": item.mention.source.title,
                "claim": item.mention.claim.slug,
                "why": item.why,
            }
            for item in consensus.contradictions
        ],
    }
