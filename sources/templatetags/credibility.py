"""Template helpers for credibility and consensus partials."""

from django import template

register = template.Library()


@register.simple_tag
def claim_consensus(claim, mentions):
    """``{% claim_consensus claim mentions as consensus %}``: see Claim.consensus()."""
    return claim.consensus(mentions)
