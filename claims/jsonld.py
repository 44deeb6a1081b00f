"""schema.org ``ClaimReview`` for a claim's reviewed mentions (JSON-LD on claim pages and in the
API).

One ``ClaimReview`` per public mention (accepted by a curator, in a published source): the
sentence the source wrote is the claim reviewed, and the rating says how well the evidence that
exists supports it *as the source words it*. The scale (also explained on the claim page and in
the README):

=====  ==================  ==================================================================
value  alternateName       when
=====  ==================  ==================================================================
5      Strong evidence     the claim's evidence grade is high, and the wording does not overclaim
4      Moderate evidence   grade moderate, no overclaim
3      Weak evidence       grade low, no overclaim
2      Very weak evidence  grade very low, no overclaim
1      Overstated          the wording is more certain than the evidence allows (the overclaim
                           flag, claims/overclaim.py), whatever the grade
=====  ==================  ==================================================================

A mention of a claim whose evidence is not assessed yet, and that does not overclaim, has no
verdict, so it gets no ``ClaimReview``.

Properties follow Google's fact-check documentation: required ``claimReviewed``,
``reviewRating`` (with ``alternateName``) and ``url`` (the claim page with an anchor per review,
as several reviews share the page); recommended ``author``, ``datePublished``, ``itemReviewed``
(a ``Claim`` with ``appearance``, ``author``, ``datePublished``) and the rating's
``ratingValue``, ``bestRating``, ``worstRating``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from claims.labels import Grade

KB_NAME = "Evidence Claims KB"
BEST_RATING = 5
WORST_RATING = 1


@dataclass(frozen=True)
class Verdict:
    value: int
    label: str
    meaning: str


OVERSTATED = Verdict(
    1, "Overstated", "Worded more certainly than the evidence that exists for it allows."
)
BY_GRADE: dict[str, Verdict] = {
    Grade.HIGH: Verdict(5, "Strong evidence", "High-certainty evidence supports the claim."),
    Grade.MODERATE: Verdict(4, "Moderate evidence", "Moderate-certainty evidence supports it."),
    Grade.LOW: Verdict(3, "Weak evidence", "Only low-certainty evidence supports it."),
    Grade.VERY_LOW: Verdict(2, "Very weak evidence", "The evidence for it is very uncertain."),
}
SCALE: list[Verdict] = sorted([OVERSTATED, *BY_GRADE.values()], key=lambda v: -v.value)


def verdict(grade: str, is_overclaim: bool) -> Verdict | None:
    """The rating of a mention of a claim with ``grade``; None when there is no verdict."""
    if is_overclaim:
        return OVERSTATED
    return BY_GRADE.get(grade)


def review_anchor(mention) -> str:
    return f"review-{mention.pk}"


def claim_reviews(claim, mentions: Iterable, absolute: Callable[[str], str]) -> list[dict]:
    """The ``ClaimReview`` objects of ``claim``'s public ``mentions`` (with source and publisher
    loaded; no query here). ``absolute`` turns a path into an absolute URL."""
    page = absolute(claim.get_absolute_url())
    kb = {"@type": "Organization", "name": KB_NAME, "url": absolute(reverse("claims:home"))}
    reviews = []
    for mention in mentions:
        rating = verdict(claim.grade, mention.is_overclaim)
        if rating is None:
            continue
        source = mention.source
        appearance = {
            "@type": "CreativeWork",
            "url": source.url or absolute(source.get_absolute_url()),
            "name": source.title,
        }
        item = {"@type": "Claim", "appearance": appearance}
        if source.publisher is not None:
            author = {"@type": "Organization", "name": source.publisher.name}
            if source.publisher.website:
                author["url"] = source.publisher.website
            item["author"] = author
            appearance["publisher"] = author
        elif source.author:
            item["author"] = {"@type": "Person", "name": source.author}
        if source.published_on:
            item["datePublished"] = source.published_on.isoformat()
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page}#{review_anchor(mention)}",
            "name": f"How strong is the evidence for: {claim.statement}",
            "claimReviewed": mention.quote,
            "itemReviewed": item,
            "author": kb,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating.value,
                "bestRating": BEST_RATING,
                "worstRating": WORST_RATING,
                "alternateName": rating.label,
                "ratingExplanation": rating.meaning,
            },
        }
        if mention.reviewed_at:
            review["datePublished"] = mention.reviewed_at.date().isoformat()
        reviews.append(review)
    return reviews


def jsonld_script(data) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` element. Like Django's
    ``json_script``, ``<``, ``>`` and ``&`` are escaped as JSON unicode escapes, so article text
    inside (a quote holding ``</script>``) cannot end the element early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
