"""``{% load consensus %}``: who makes a claim and how, for the consensus partial."""

from django import template

register = template.Library()


@register.simple_tag
def claim_consensus(claim, mentions):
    """``{% claim_consensus claim mentions as consensus %}``: see Claim.consensus()."""
    return claim.consensus(mentions)
